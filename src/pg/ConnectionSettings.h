#pragma once

#include "Result.h"

#include <QList>
#include <QMetaType>
#include <QPair>
#include <QString>

// Where and how to connect: the one place that turns what the user gave (a URL, a libpq
// keyword/value string, DATABASE_URL, a cockroach-style certificates directory) into libpq
// connection keywords. A value type; copies freely across threads.
class ConnectionSettings
{
public:
    // A postgresql:// or postgres:// URL, a cockroachdb:// URL (as CockroachDB's tutorials
    // write it), or a libpq "key=value ..." string. The error names what is wrong and never
    // repeats the password.
    static Result<ConnectionSettings> parse(const QString &text);
    // DATABASE_URL from the environment; an error when it is unset or malformed.
    static Result<ConnectionSettings> fromEnvironment();

    // Points sslrootcert / sslcert / sslkey at `dir`/ca.crt and `dir`/client.<user>.crt/.key,
    // the layout of `cockroach cert create-client`. sslmode becomes verify-full unless it is
    // require, verify-ca or verify-full already: certificates mean TLS, so disable, allow and
    // prefer are raised too.
    Status applyCertsDirectory(const QString &dir);

    QString value(const QString &keyword) const;
    void setValue(const QString &keyword, const QString &value);
    void remove(const QString &keyword);
    bool contains(const QString &keyword) const;

    QString host() const { return value(QStringLiteral("host")); }
    int port() const; // 26257 / 5432 style; 5432 when unset
    QString database() const { return value(QStringLiteral("dbname")); }
    QString user() const { return value(QStringLiteral("user")); }
    QString sslMode() const { return value(QStringLiteral("sslmode")); }
    bool hasPassword() const { return !value(QStringLiteral("password")).isEmpty(); }

    // Keyword/value pairs for PQconnectdbParams, with application defaults added.
    QList<QPair<QByteArray, QByteArray>> libpqKeywords() const;
    // A postgresql:// URL; the password only when asked for (e.g. the demo prints it).
    enum class Password { Omit, Include };
    QString toUrl(Password password = Password::Omit) const;
    // For logs, window titles and error messages: never contains the password.
    QString displayName() const;

    static const QStringList &sslModes();

private:
    QList<QPair<QString, QString>> m_values; // libpq keywords in the order given
};

Q_DECLARE_METATYPE(ConnectionSettings)
