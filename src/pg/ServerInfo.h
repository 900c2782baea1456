#pragma once

#include <QMetaType>
#include <QString>

enum class ServerFlavor { PostgreSQL, CockroachDB };

// What the connected server is and what it can do. Detected once per connection from
// `SELECT version()`; CockroachDB-only SQL is issued only when `flavor` says so.
struct ServerInfo
{
    ServerFlavor flavor = ServerFlavor::PostgreSQL;
    QString versionString; // version() as the server reports it
    QString version;       // "15.18", "v23.2.4"
    QString database;
    QString user;
    bool tls = false;
    QString tlsProtocol; // "TLSv1.3" when tls
    // What libpq checked of the server's certificate (from the sslmode in effect).
    enum class Verification { None, Certificate, CertificateAndHost };
    Verification verification = Verification::None;
    int backendPid = 0;

    static ServerFlavor flavorFromVersion(const QString &versionString);
    static QString shortVersion(const QString &versionString);

    bool isCockroach() const { return flavor == ServerFlavor::CockroachDB; }
    // The savepoint retry protocol (SAVEPOINT cockroach_restart) and server-side retries.
    bool usesRestartSavepoint() const { return isCockroach(); }
    // AS OF SYSTEM TIME follower_read_timestamp(); SHOW ...; inject_retry_errors_enabled.
    bool hasFollowerReads() const { return isCockroach(); }
    bool canInjectRetryErrors() const { return isCockroach(); }

    QString flavorName() const;
    // "TLSv1.3, certificate and host name verified" / "not encrypted" (translated).
    QString tlsDescription() const;
    // "PostgreSQL 15.18" / "CockroachDB v23.2.4"
    QString displayName() const { return flavorName() + QLatin1Char(' ') + version; }
};

Q_DECLARE_METATYPE(ServerInfo)
