#pragma once

#include "worker/RowData.h"

#include <QHash>
#include <QList>
#include <QString>

// The cells a live change just changed, by row key (so they follow the row when rows above it
// come or go) and column, each with the time of the change on a monotonic clock (ms). A cell
// shows the change at full strength (1) and fades linearly to 0 over duration().
class ChangeHighlights
{
public:
    static constexpr int DefaultDurationMs = 2500;

    void setDuration(int ms) { m_duration = qMax(1, ms); }
    int duration() const { return m_duration; }

    // keyString: BrowseTableModel::keyString(key).
    void mark(const QString &keyString, const KeyValues &key, const QList<int> &columns,
              qint64 now);
    // 0..1; 0 for a cell that did not change lately.
    qreal strength(const QString &keyString, int column, qint64 now) const;
    bool isEmpty() const { return m_rows.isEmpty(); }
    void clear() { m_rows.clear(); }

    // A row with highlighted cells: its key and the first and last highlighted column.
    struct Span
    {
        KeyValues key;
        int first = 0;
        int last = 0;
    };
    QList<Span> spans() const;
    // Forgets the cells that have faded out by `now`.
    void expire(qint64 now);

private:
    struct Row
    {
        KeyValues key;
        QHash<int, qint64> changedAt; // column → time of the change
    };
    QHash<QString, Row> m_rows;
    int m_duration = DefaultDurationMs;
};
