#include "ServerInfo.h"

#include <QRegularExpression>

ServerFlavor ServerInfo::flavorFromVersion(const QString &versionString)
{
    return versionString.contains(QLatin1String("CockroachDB"), Qt::CaseInsensitive)
               ? ServerFlavor::CockroachDB
               : ServerFlavor::PostgreSQL;
}

QString ServerInfo::shortVersion(const QString &versionString)
{
    // "PostgreSQL 15.18 (Debian 15.18-0+deb12u1) on x86_64..." -> "15.18"
    // "CockroachDB CCL v23.2.4 (x86_64-pc-linux-gnu, ...)"    -> "v23.2.4"
    static const QRegularExpression number(QStringLiteral("\\bv?\\d+(\\.\\d+)+(-[\\w.]+)?"));
    const auto match = number.match(versionString);
    return match.hasMatch() ? match.captured(0) : versionString.section(QLatin1Char(' '), 0, 1);
}

QString ServerInfo::flavorName() const
{
    return isCockroach() ? QStringLiteral("CockroachDB") : QStringLiteral("PostgreSQL");
}
