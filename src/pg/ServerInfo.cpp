#include "ServerInfo.h"

#include <QCoreApplication>

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

QString ServerInfo::tlsDescription() const
{
    if (!tls)
        return QCoreApplication::translate("ServerInfo", "not encrypted");
    switch (verification) {
    case Verification::CertificateAndHost:
        return QCoreApplication::translate("ServerInfo", "%1, certificate and host name verified")
            .arg(tlsProtocol);
    case Verification::Certificate:
        return QCoreApplication::translate("ServerInfo",
                                           "%1, certificate verified (host name not checked)")
            .arg(tlsProtocol);
    case Verification::None:
        break;
    }
    return QCoreApplication::translate("ServerInfo", "%1, server certificate not verified")
        .arg(tlsProtocol);
}

QString ServerInfo::flavorName() const
{
    return isCockroach() ? QStringLiteral("CockroachDB") : QStringLiteral("PostgreSQL");
}
