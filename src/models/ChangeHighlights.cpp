#include "ChangeHighlights.h"

void ChangeHighlights::mark(const QString &keyString, const KeyValues &key,
                            const QList<int> &columns, qint64 now)
{
    if (columns.isEmpty())
        return;
    Row &row = m_rows[keyString];
    row.key = key;
    for (int column : columns)
        row.changedAt.insert(column, now);
}

qreal ChangeHighlights::strength(const QString &keyString, int column, qint64 now) const
{
    const auto row = m_rows.constFind(keyString);
    if (row == m_rows.cend())
        return 0.0;
    const auto cell = row->changedAt.constFind(column);
    if (cell == row->changedAt.cend())
        return 0.0;
    const qint64 age = now - *cell;
    if (age <= 0)
        return 1.0;
    if (age >= m_duration)
        return 0.0;
    return 1.0 - qreal(age) / qreal(m_duration);
}

QList<ChangeHighlights::Span> ChangeHighlights::spans() const
{
    QList<Span> spans;
    spans.reserve(m_rows.size());
    for (const Row &row : m_rows) {
        Span span;
        span.key = row.key;
        span.first = INT_MAX;
        span.last = -1;
        for (auto it = row.changedAt.cbegin(); it != row.changedAt.cend(); ++it) {
            span.first = qMin(span.first, it.key());
            span.last = qMax(span.last, it.key());
        }
        if (span.last >= 0)
            spans.append(span);
    }
    return spans;
}

void ChangeHighlights::expire(qint64 now)
{
    for (auto row = m_rows.begin(); row != m_rows.end();) {
        for (auto cell = row->changedAt.begin(); cell != row->changedAt.end();) {
            if (now - *cell >= m_duration)
                cell = row->changedAt.erase(cell);
            else
                ++cell;
        }
        if (row->changedAt.isEmpty())
            row = m_rows.erase(row);
        else
            ++row;
    }
}
