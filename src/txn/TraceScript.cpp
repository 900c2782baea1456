#include "TraceScript.h"

namespace {

bool isIdentifierStart(QChar c)
{
    return c.isLetter() || c == QLatin1Char('_') || c.unicode() >= 0x80;
}

bool isIdentifierChar(QChar c)
{
    return isIdentifierStart(c) || c.isDigit() || c == QLatin1Char('$');
}

// The dollar-quote tag starting at `pos` ("$$" or "$tag$"), or an empty string.
QString dollarTag(const QString &sql, qsizetype pos)
{
    qsizetype end = pos + 1;
    if (end < sql.size() && !isIdentifierStart(sql.at(end)) && sql.at(end) != QLatin1Char('$'))
        return {};
    while (end < sql.size() && sql.at(end) != QLatin1Char('$')) {
        const QChar c = sql.at(end);
        if (!(isIdentifierStart(c) || c.isDigit()))
            return {};
        ++end;
    }
    if (end >= sql.size())
        return {};
    return sql.mid(pos, end - pos + 1);
}

// Just after the text quoted by `quote` that opens at `open`: a doubled quote stands for the
// quote itself and, with `backslashEscapes` (E'...'), a backslash escapes the next character.
// An unterminated quote runs to the end.
qsizetype endOfQuoted(const QString &sql, qsizetype open, QChar quote, bool backslashEscapes)
{
    const qsizetype n = sql.size();
    qsizetype j = open + 1;
    while (j < n) {
        if (backslashEscapes && sql.at(j) == QLatin1Char('\\')) {
            j += 2;
            continue;
        }
        if (sql.at(j) == quote) {
            if (j + 1 < n && sql.at(j + 1) == quote) {
                j += 2;
                continue;
            }
            break;
        }
        ++j;
    }
    return qMin(j + 1, n);
}

QString oneLine(QString text)
{
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    text.replace(QLatin1Char('\r'), QLatin1Char(' '));
    return text;
}

// Every line of `text` as an SQL comment.
QString commentedOut(const QString &text)
{
    QString out;
    for (const QString &line : text.split(QLatin1Char('\n')))
        out += QStringLiteral("-- ") + line + QLatin1Char('\n');
    return out;
}

QString outcomeWord(TraceOutcome outcome)
{
    switch (outcome) {
    case TraceOutcome::Committed:
        return QStringLiteral("committed");
    case TraceOutcome::Refused:
        return QStringLiteral("refused (nothing written)");
    case TraceOutcome::Failed:
        return QStringLiteral("failed");
    case TraceOutcome::Unknown:
        return QStringLiteral("unknown whether it committed");
    case TraceOutcome::NotSent:
        return QStringLiteral("not sent");
    case TraceOutcome::None:
        break;
    }
    return {};
}

} // namespace

QString TraceScript::literal(const SqlValue &value)
{
    if (!value)
        return QStringLiteral("NULL");
    return PgConnection::quoteLiteral(*value);
}

QString TraceScript::inlineParameters(const QString &sql, const SqlParams &params)
{
    QString out;
    out.reserve(sql.size() + 16 * params.size());
    const qsizetype n = sql.size();
    qsizetype i = 0;
    while (i < n) {
        const QChar c = sql.at(i);
        const QChar next = i + 1 < n ? sql.at(i + 1) : QChar();
        if (c == QLatin1Char('\'')) {
            // A string literal; E'...' (the E was copied already) honours backslash escapes.
            const bool escapes =
                i > 0 && (sql.at(i - 1) == QLatin1Char('E') || sql.at(i - 1) == QLatin1Char('e')) &&
                (i < 2 || !isIdentifierChar(sql.at(i - 2)));
            const qsizetype j = endOfQuoted(sql, i, QLatin1Char('\''), escapes);
            out += QStringView(sql).mid(i, j - i);
            i = j;
        } else if (c == QLatin1Char('"')) {
            const qsizetype j = endOfQuoted(sql, i, QLatin1Char('"'), false);
            out += QStringView(sql).mid(i, j - i);
            i = j;
        } else if (c == QLatin1Char('-') && next == QLatin1Char('-')) {
            qsizetype j = sql.indexOf(QLatin1Char('\n'), i);
            j = j < 0 ? n : j;
            out += QStringView(sql).mid(i, j - i);
            i = j;
        } else if (c == QLatin1Char('/') && next == QLatin1Char('*')) {
            // Block comments nest in PostgreSQL.
            int depth = 0;
            qsizetype j = i;
            while (j < n) {
                if (sql.at(j) == QLatin1Char('/') && j + 1 < n &&
                    sql.at(j + 1) == QLatin1Char('*')) {
                    ++depth;
                    j += 2;
                } else if (sql.at(j) == QLatin1Char('*') && j + 1 < n &&
                           sql.at(j + 1) == QLatin1Char('/')) {
                    --depth;
                    j += 2;
                    if (depth == 0)
                        break;
                } else {
                    ++j;
                }
            }
            j = qMin(j, n);
            out += QStringView(sql).mid(i, j - i);
            i = j;
        } else if (c == QLatin1Char('$') && (i == 0 || !isIdentifierChar(sql.at(i - 1)))) {
            if (next.isDigit()) {
                qsizetype j = i + 1;
                while (j < n && sql.at(j).isDigit())
                    ++j;
                bool ok = false;
                const qsizetype number = QStringView(sql).mid(i + 1, j - i - 1).toLongLong(&ok);
                if (ok && number >= 1 && number <= params.size())
                    out += literal(params.at(number - 1));
                else
                    out += QStringView(sql).mid(i, j - i);
                i = j;
                continue;
            }
            const QString tag = dollarTag(sql, i);
            if (tag.isEmpty()) {
                out += c;
                ++i;
                continue;
            }
            const qsizetype close = sql.indexOf(tag, i + tag.size());
            const qsizetype j = close < 0 ? n : close + tag.size();
            out += QStringView(sql).mid(i, j - i);
            i = j;
        } else {
            out += c;
            ++i;
        }
    }
    return out;
}

QString TraceScript::statement(const TraceEntry &entry)
{
    QString text = inlineParameters(entry.sql, entry.params).trimmed();
    while (text.endsWith(QLatin1Char(';')))
        text = text.chopped(1).trimmed();
    return text + QLatin1Char(';');
}

QString TraceScript::render(const QList<TraceEntry> &entries)
{
    QString out;
    quint64 action = 0;
    int attempt = 0;
    bool first = true;
    for (const TraceEntry &entry : entries) {
        if (first || entry.actionId != action) {
            if (!first)
                out += QLatin1Char('\n');
            out += QStringLiteral("-- %1 (action %2)\n")
                       .arg(entry.action.isEmpty() ? QStringLiteral("statements") : entry.action)
                       .arg(entry.actionId);
            action = entry.actionId;
            attempt = 0;
        }
        if (entry.isOutcome()) {
            // How the action ended: a comment, never a statement.
            first = false;
            out += QStringLiteral("-- outcome: %1").arg(outcomeWord(entry.outcome));
            if (!entry.error.isEmpty())
                out += QStringLiteral(": %1").arg(oneLine(entry.error));
            out += QLatin1Char('\n');
            continue;
        }
        if (entry.attempt != attempt && !entry.isRead) {
            out += QStringLiteral("-- attempt %1").arg(entry.attempt);
            if (!entry.retryCause.isEmpty())
                out += QStringLiteral(", retry after: %1").arg(oneLine(entry.retryCause));
            out += QLatin1Char('\n');
            attempt = entry.attempt;
        }
        first = false;
        if (entry.injected)
            out += QStringLiteral("-- injected retry error (QA)\n");
        if (entry.notSent) {
            // Queued, never executed: running it would do what the application did not.
            out += QStringLiteral("-- not sent (an earlier statement in the pipeline failed):\n");
            out += commentedOut(statement(entry));
            continue;
        }
        out += statement(entry) + QLatin1Char('\n');
        if (entry.failed()) {
            out += QStringLiteral("-- failed");
            if (!entry.sqlState.isEmpty())
                out += QStringLiteral(": SQLSTATE %1").arg(entry.sqlState);
            if (!entry.error.isEmpty())
                out += QStringLiteral(": %1").arg(oneLine(entry.error));
            out += QLatin1Char('\n');
        }
    }
    return out;
}
