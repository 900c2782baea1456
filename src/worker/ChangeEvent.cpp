#include "ChangeEvent.h"

#include <algorithm>

std::optional<ChangeTime> ChangeTime::fromHlcText(const QString &text)
{
    QString body = text;
    if (body.endsWith(QLatin1Char('?')))
        body.chop(1);
    const qsizetype dot = body.indexOf(QLatin1Char('.'));
    const QString wall = dot < 0 ? body : body.left(dot);
    const QString logical = dot < 0 ? QString() : body.mid(dot + 1);
    const auto digitsOnly = [](const QString &s) {
        return !s.isEmpty() && std::all_of(s.begin(), s.end(), [](QChar c) {
            return c >= QLatin1Char('0') && c <= QLatin1Char('9');
        });
    };
    if (!digitsOnly(wall) || (dot >= 0 && !digitsOnly(logical)))
        return std::nullopt;
    bool wallOk = false;
    bool logicalOk = true;
    ChangeTime time;
    time.wallNanos = wall.toLongLong(&wallOk);
    if (dot >= 0)
        time.logical = logical.toInt(&logicalOk);
    if (!wallOk || !logicalOk)
        return std::nullopt;
    return time;
}

QString ChangeTime::toHlcText() const
{
    return QStringLiteral("%1.%2").arg(wallNanos).arg(logical, 10, 10, QLatin1Char('0'));
}

QDateTime ChangeTime::toDateTime() const
{
    return QDateTime::fromMSecsSinceEpoch(wallNanos / 1000000, Qt::UTC);
}

const ChangedColumn *ChangeEvent::column(const QString &name) const
{
    for (const ChangedColumn &changed : columns) {
        if (changed.name == name)
            return &changed;
    }
    return nullptr;
}

std::optional<SqlValue> ChangeEvent::keyValue(const QString &name) const
{
    for (const auto &[column, value] : key) {
        if (column == name)
            return value;
    }
    return std::nullopt;
}
