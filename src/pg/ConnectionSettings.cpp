#include "ConnectionSettings.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QUrl>

#include <libpq-fe.h>

#include <memory>

namespace {

struct ConninfoDeleter
{
    void operator()(PQconninfoOption *options) const { PQconninfoFree(options); }
};

DbError invalid(const QString &message)
{
    return DbError::make(ErrorClass::InvalidInput, message);
}

// libpq's parse errors quote the offending token, which may be (part of) a password.
QString withoutQuotedTokens(QString message)
{
    static const QRegularExpression quoted(QStringLiteral("\"[^\"]*\""));
    message.replace(quoted, QStringLiteral("\"…\""));
    return message.trimmed();
}

} // namespace

const QStringList &ConnectionSettings::sslModes()
{
    static const QStringList modes{QStringLiteral("disable"),   QStringLiteral("allow"),
                                   QStringLiteral("prefer"),    QStringLiteral("require"),
                                   QStringLiteral("verify-ca"), QStringLiteral("verify-full")};
    return modes;
}

Result<ConnectionSettings> ConnectionSettings::parse(const QString &input)
{
    QString text = input.trimmed();
    if (text.isEmpty())
        return invalid(QObject::tr("The connection string is empty."));

    // A URL starts with its scheme (RFC 3986: a letter, then letters, digits, '+', '-', '.').
    // "://" elsewhere, e.g. inside a keyword string's password, does not make a URL.
    static const QRegularExpression schemePattern(QStringLiteral("^([A-Za-z][A-Za-z0-9+.-]*)://"));
    const QRegularExpressionMatch schemeMatch = schemePattern.match(text);
    const bool isUrl = schemeMatch.hasMatch();
    if (isUrl) {
        const QString scheme = schemeMatch.captured(1).toLower();
        if (scheme != u"postgresql" && scheme != u"postgres" && scheme != u"cockroachdb")
            return invalid(QObject::tr("Unsupported URL scheme \"%1\": use postgresql://, "
                                       "postgres:// or cockroachdb://.")
                               .arg(scheme));
        // libpq knows only the lower-case postgresql:// and postgres:// prefixes.
        text = QStringLiteral("postgresql") + text.mid(schemeMatch.capturedLength(1));
    }

    char *errorMessage = nullptr;
    const QByteArray utf8 = text.toUtf8();
    std::unique_ptr<PQconninfoOption, ConninfoDeleter> options(
        PQconninfoParse(utf8.constData(), &errorMessage));
    if (!options) {
        QString reason = errorMessage ? QString::fromUtf8(errorMessage) : QString();
        PQfreemem(errorMessage);
        return invalid(
            QObject::tr("Malformed connection string: %1").arg(withoutQuotedTokens(reason)));
    }

    ConnectionSettings settings;
    for (PQconninfoOption *option = options.get(); option->keyword; ++option) {
        if (option->val)
            settings.m_values.append(
                {QString::fromUtf8(option->keyword), QString::fromUtf8(option->val)});
    }

    if (isUrl && settings.host().isEmpty() && settings.value(QStringLiteral("hostaddr")).isEmpty())
        return invalid(QObject::tr("The URL names no host (expected postgresql://user@host:port/"
                                   "database)."));
    const QString port = settings.value(QStringLiteral("port"));
    if (!port.isEmpty()) {
        // Several hosts may carry several ports, comma separated.
        for (const QString &part : port.split(QLatin1Char(','))) {
            bool ok = false;
            const int number = part.toInt(&ok);
            if (!ok || number < 1 || number > 65535)
                return invalid(QObject::tr("Invalid port \"%1\": a port is a number from 1 to "
                                           "65535.")
                                   .arg(part));
        }
    }
    const QString sslMode = settings.sslMode();
    if (!sslMode.isEmpty() && !sslModes().contains(sslMode))
        return invalid(QObject::tr("Unknown sslmode \"%1\": use one of %2.")
                           .arg(sslMode, sslModes().join(QLatin1String(", "))));
    return settings;
}

Result<ConnectionSettings> ConnectionSettings::fromEnvironment()
{
    const QString url = qEnvironmentVariable("DATABASE_URL");
    if (url.isEmpty())
        return invalid(QObject::tr("DATABASE_URL is not set."));
    auto settings = parse(url);
    if (!settings)
        return invalid(QObject::tr("DATABASE_URL: %1").arg(settings.error().message));
    return settings;
}

Status ConnectionSettings::applyCertsDirectory(const QString &dir)
{
    const QFileInfo info(dir);
    if (!info.isDir())
        return invalid(QObject::tr("Certificates directory \"%1\" does not exist.").arg(dir));
    const QDir certs(info.absoluteFilePath());
    const QString ca = certs.filePath(QStringLiteral("ca.crt"));
    if (!QFileInfo::exists(ca))
        return invalid(QObject::tr("Certificates directory \"%1\" has no ca.crt.").arg(dir));
    setValue(QStringLiteral("sslrootcert"), ca);

    QString user = this->user();
    if (user.isEmpty()) {
        user = QStringLiteral("root"); // CockroachDB's default SQL user
        setValue(QStringLiteral("user"), user);
    }
    const QString cert = certs.filePath(QStringLiteral("client.%1.crt").arg(user));
    const QString key = certs.filePath(QStringLiteral("client.%1.key").arg(user));
    const bool hasCert = QFileInfo::exists(cert);
    const bool hasKey = QFileInfo::exists(key);
    if (hasCert != hasKey)
        return invalid(QObject::tr("Certificates directory \"%1\" has %2 but not %3.")
                           .arg(dir, QFileInfo(hasCert ? cert : key).fileName(),
                                QFileInfo(hasCert ? key : cert).fileName()));
    if (hasCert) {
        setValue(QStringLiteral("sslcert"), cert);
        setValue(QStringLiteral("sslkey"), key);
    } else if (!hasPassword()) {
        // No client certificate: password authentication over verified TLS (the password
        // is asked for later); not an error.
    }
    if (sslMode().isEmpty() || sslMode() == u"disable" || sslMode() == u"prefer" ||
        sslMode() == u"allow")
        setValue(QStringLiteral("sslmode"), QStringLiteral("verify-full"));
    return Ok{};
}

QString ConnectionSettings::value(const QString &keyword) const
{
    for (const auto &[key, value] : m_values) {
        if (key == keyword)
            return value;
    }
    return {};
}

void ConnectionSettings::setValue(const QString &keyword, const QString &value)
{
    for (auto &entry : m_values) {
        if (entry.first == keyword) {
            entry.second = value;
            return;
        }
    }
    m_values.append({keyword, value});
}

void ConnectionSettings::remove(const QString &keyword)
{
    m_values.removeIf([&](const auto &entry) { return entry.first == keyword; });
}

bool ConnectionSettings::contains(const QString &keyword) const
{
    return std::any_of(m_values.begin(), m_values.end(),
                       [&](const auto &entry) { return entry.first == keyword; });
}

int ConnectionSettings::port() const
{
    const QString text = value(QStringLiteral("port")).section(QLatin1Char(','), 0, 0);
    bool ok = false;
    const int number = text.toInt(&ok);
    return ok ? number : 5432;
}

QList<QPair<QByteArray, QByteArray>> ConnectionSettings::libpqKeywords() const
{
    QList<QPair<QByteArray, QByteArray>> keywords;
    for (const auto &[key, value] : m_values)
        keywords.append({key.toUtf8(), value.toUtf8()});
    if (!contains(QStringLiteral("application_name")))
        keywords.append(qMakePair(QByteArray("application_name"), QByteArray("movr-admin")));
    if (!contains(QStringLiteral("connect_timeout")))
        keywords.append(qMakePair(QByteArray("connect_timeout"), QByteArray("10")));
    return keywords;
}

QString ConnectionSettings::toUrl(Password password) const
{
    QUrl url;
    url.setScheme(QStringLiteral("postgresql"));
    const QString host = this->host();
    if (host.startsWith(QLatin1Char('/'))) {
        url.setHost(QString());
    } else {
        url.setHost(host);
    }
    if (contains(QStringLiteral("port")))
        url.setPort(port());
    url.setUserName(user());
    if (password == Password::Include && hasPassword())
        url.setPassword(value(QStringLiteral("password")));
    url.setPath(QLatin1Char('/') + database());
    QStringList query;
    for (const auto &[key, value] : m_values) {
        static const QStringList inUrl{QStringLiteral("host"), QStringLiteral("port"),
                                       QStringLiteral("user"), QStringLiteral("password"),
                                       QStringLiteral("dbname")};
        if (inUrl.contains(key))
            continue;
        // The client key's passphrase is a secret like the password.
        if (key == u"sslpassword" && password == Password::Omit)
            continue;
        query.append(key + QLatin1Char('=') + QString::fromLatin1(QUrl::toPercentEncoding(value)));
    }
    if (host.startsWith(QLatin1Char('/')))
        query.prepend(QStringLiteral("host=") + QString::fromLatin1(QUrl::toPercentEncoding(host)));
    QString text = url.toString(QUrl::FullyEncoded);
    if (!query.isEmpty())
        text += QLatin1Char('?') + query.join(QLatin1Char('&'));
    return text;
}

QString ConnectionSettings::displayName() const
{
    const QString host = this->host().isEmpty() ? QStringLiteral("localhost") : this->host();
    const QString user = this->user().isEmpty()
                             ? QCoreApplication::translate("ConnectionSettings", "(default user)")
                             : this->user();
    const QString database = this->database().isEmpty() ? user : this->database();
    return QStringLiteral("%1@%2:%3/%4").arg(user, host).arg(port()).arg(database);
}
