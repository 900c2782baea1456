#include "AsOfTime.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace AsOfTime {

QString literal(const QDateTime &time)
{
    return QLatin1Char('\'') + time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz")) +
           QLatin1String("+00:00'");
}

Statement gcWindowStatement(BrowseTable table)
{
    // A table name from the TableSpec, never user text (SHOW takes no placeholder).
    return {QLatin1String("SHOW ZONE CONFIGURATION FROM TABLE ") + TableSpec::of(table).sqlName,
            {}};
}

std::optional<qint64> parseGcTtlSeconds(const QString &configText)
{
    static const QRegularExpression ttl(QStringLiteral("gc\\.ttlseconds\\s*=\\s*(\\d+)"));
    const QRegularExpressionMatch match = ttl.match(configText);
    if (!match.hasMatch())
        return std::nullopt;
    bool ok = false;
    const qint64 seconds = match.captured(1).toLongLong(&ok);
    return ok ? std::optional<qint64>(seconds) : std::nullopt;
}

Bounds bounds(const QDateTime &now, qint64 gcTtlSeconds)
{
    const qint64 window = gcTtlSeconds > 0 ? gcTtlSeconds : DefaultGcTtlSeconds;
    const qint64 margin = qMin<qint64>(window / 10, 600);
    return {now.addSecs(-window + margin), now};
}

QDateTime clamp(const QDateTime &time, const Bounds &bounds)
{
    if (time < bounds.earliest)
        return bounds.earliest;
    if (time > bounds.latest)
        return bounds.latest;
    return time;
}

QDateTime defaultTime(const QDateTime &now, const Bounds &bounds)
{
    return clamp(now.addSecs(-DefaultAgeSeconds), bounds);
}

std::optional<QString> refusal(const DbError &error, qint64 gcTtlSeconds)
{
    const QString &message = error.message;
    if (message.contains(QLatin1String("must be after replica GC threshold")) ||
        (message.contains(QLatin1String("batch timestamp")) &&
         message.contains(QLatin1String("must be after GC threshold")))) {
        const int minutes = int((gcTtlSeconds > 0 ? gcTtlSeconds : DefaultGcTtlSeconds) / 60);
        return QCoreApplication::translate(
            "AsOfTime",
            "The server no longer keeps this data from that far back: it keeps a table's "
            "history for %n minute(s). Choose a later time.",
            nullptr, minutes);
    }
    if (message.contains(QLatin1String("cannot specify timestamp in the future")))
        return QCoreApplication::translate(
            "AsOfTime", "That time is still in the future for the server (its clock may differ "
                        "from this computer's). Choose an earlier time.");
    if (error.sqlState == QLatin1String("42P01"))
        return QCoreApplication::translate(
            "AsOfTime", "The table did not exist yet at that time. Choose a later time.");
    return std::nullopt;
}

} // namespace AsOfTime
