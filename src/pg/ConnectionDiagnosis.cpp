#include "ConnectionDiagnosis.h"

#include <arpa/inet.h>
#include <cerrno>
#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {

bool contains(const QString &text, const char *needle)
{
    return text.contains(QLatin1String(needle), Qt::CaseInsensitive);
}

enum class Reachability { Reachable, NotResolved, Refused, Timeout, Unknown };

// Resolves `host` and tries a TCP connection to `port` on its first address.
Reachability probeTcp(const QString &host, int port, int timeoutMs)
{
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo *addresses = nullptr;
    const QByteArray name = host.toUtf8();
    const QByteArray service = QByteArray::number(port);
    const int resolved = ::getaddrinfo(name.constData(), service.constData(), &hints, &addresses);
    if (resolved != 0)
        return resolved == EAI_NONAME || resolved == EAI_FAIL
#ifdef EAI_NODATA
                       || resolved == EAI_NODATA
#endif
                   ? Reachability::NotResolved
                   : Reachability::Unknown;
    Reachability result = Reachability::Unknown;
    for (addrinfo *address = addresses; address; address = address->ai_next) {
        const int fd = ::socket(address->ai_family, address->ai_socktype | SOCK_NONBLOCK,
                                address->ai_protocol);
        if (fd < 0)
            continue;
        int rc = ::connect(fd, address->ai_addr, address->ai_addrlen);
        if (rc != 0 && errno == EINPROGRESS) {
            pollfd waiting{fd, POLLOUT, 0};
            rc = ::poll(&waiting, 1, timeoutMs);
            if (rc == 0) {
                ::close(fd);
                result = Reachability::Timeout;
                continue;
            }
            int error = 0;
            socklen_t length = sizeof error;
            ::getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length);
            rc = error == 0 ? 0 : -1;
            errno = error;
        }
        const int savedErrno = errno;
        ::close(fd);
        if (rc == 0) {
            result = Reachability::Reachable;
            break;
        }
        if (savedErrno == ECONNREFUSED)
            result = Reachability::Refused;
        else if (savedErrno == ETIMEDOUT || savedErrno == EHOSTUNREACH || savedErrno == ENETUNREACH)
            result = Reachability::Timeout;
    }
    ::freeaddrinfo(addresses);
    return result;
}

} // namespace

ConnectFailure ConnectionDiagnosis::classify(const QString &message)
{
    if (message.isEmpty())
        return ConnectFailure::Other;
    if (contains(message, "could not translate host name") ||
        contains(message, "Name or service not known") ||
        contains(message, "Temporary failure in name resolution"))
        return ConnectFailure::NameNotResolved;
    if (contains(message, "Connection refused"))
        return ConnectFailure::Refused;
    if (contains(message, "timeout expired") || contains(message, "timed out"))
        return ConnectFailure::Timeout;
    // Something answered, but not in the PostgreSQL protocol (e.g. an HTTP server answering
    // "HTTP/1.1 400 ..." to the startup or SSLRequest packet). libpq 15.18, fe-connect.c
    // PQconnectPoll: "expected authentication request from server, but received %c" and
    // "received invalid response to SSL negotiation: %c".
    if (contains(message, "expected authentication request from server") ||
        contains(message, "invalid response to SSL negotiation"))
        return ConnectFailure::NotPostgres;
    // The client certificate and its key, checked by libpq before anything is sent
    // (libpq 15.18, fe-secure-openssl.c initialize_SSL).
    if (contains(message, "private key file") && contains(message, "group or world access"))
        return ConnectFailure::ClientKeyInsecure;
    if (contains(message, "certificate present, but not private key") ||
        contains(message, "could not stat private key file") ||
        contains(message, "could not load private key file"))
        return ConnectFailure::ClientKeyMissing;
    // ... and by the server: a TLS alert when its ssl_ca_file does not verify the chain, or
    // FATAL from ClientAuthentication/CheckCertAuth (PostgreSQL 15, src/backend/libpq/auth.c).
    if (contains(message, "alert unknown ca"))
        return ConnectFailure::ClientCertificateUnknownCa;
    if (contains(message, "alert certificate expired"))
        return ConnectFailure::ClientCertificateExpired;
    if (contains(message, "connection requires a valid client certificate"))
        return ConnectFailure::ClientCertificateRequired;
    if (contains(message, "certificate authentication failed for user"))
        return ConnectFailure::ClientCertificateWrongUser;
    if (contains(message, "certificate verify failed") ||
        contains(message, "does not match host name") ||
        contains(message, "root certificate file") ||
        contains(message, "could not read root certificate") ||
        contains(message, "certificate has expired") ||
        contains(message, "self-signed certificate") ||
        contains(message, "self signed certificate"))
        return ConnectFailure::CertificateRejected;
    if (contains(message, "password authentication failed") ||
        contains(message, "no password supplied") ||
        contains(message, "authentication failed for user") ||
        (contains(message, "role \"") && contains(message, "does not exist")))
        return ConnectFailure::AuthenticationFailed;
    if (contains(message, "no pg_hba.conf entry") && contains(message, "no encryption"))
        return ConnectFailure::TlsRequired;
    if (contains(message, "server does not support SSL"))
        return ConnectFailure::TlsRequired;
    if (contains(message, "database \"") && contains(message, "does not exist"))
        return ConnectFailure::DatabaseMissing;
    return ConnectFailure::Other;
}

ConnectFailure ConnectionDiagnosis::diagnose(const ConnectionSettings &settings,
                                             const QString &libpqMessage)
{
    const ConnectFailure fromText = classify(libpqMessage);
    const QString host = settings.host();
    if (fromText != ConnectFailure::Other || host.isEmpty() || host.startsWith(QLatin1Char('/')) ||
        host.contains(QLatin1Char(',')))
        return fromText;
    // libpq's text did not say: look at the network ourselves.
    bool ok = false;
    int timeoutSeconds = settings.value(QStringLiteral("connect_timeout")).toInt(&ok);
    if (!ok || timeoutSeconds <= 0)
        timeoutSeconds = 10;
    switch (probeTcp(host, settings.port(), std::min(timeoutSeconds, 10) * 1000)) {
    case Reachability::NotResolved:
        return ConnectFailure::NameNotResolved;
    case Reachability::Refused:
        return ConnectFailure::Refused;
    case Reachability::Timeout:
        return ConnectFailure::Timeout;
    case Reachability::Reachable:
    case Reachability::Unknown:
        break;
    }
    return ConnectFailure::Other;
}

QString ConnectionDiagnosis::describe(ConnectFailure failure, const ConnectionSettings &settings)
{
    const QString host = settings.host().isEmpty() ? QStringLiteral("localhost") : settings.host();
    const QString where = QStringLiteral("%1:%2").arg(host).arg(settings.port());
    const QString user = settings.user();
    // libpq's default when no sslkey is given.
    const QString key = settings.value(QStringLiteral("sslkey")).isEmpty()
                            ? QStringLiteral("~/.postgresql/postgresql.key")
                            : settings.value(QStringLiteral("sslkey"));
    switch (failure) {
    case ConnectFailure::None:
        return {};
    case ConnectFailure::NameNotResolved:
        return tr("The host name \"%1\" could not be resolved: check its spelling and your "
                  "network.")
            .arg(host);
    case ConnectFailure::Refused:
        return tr("Connection refused by %1: no server is listening there (is it running, and "
                  "is the port right?).")
            .arg(where);
    case ConnectFailure::Timeout:
        return tr("No answer from %1 in time: a firewall, a wrong address, or an overloaded "
                  "server.")
            .arg(where);
    case ConnectFailure::AuthenticationFailed:
        return tr("Authentication failed for user \"%1\": wrong password, unknown user, or "
                  "client certificate not accepted.")
            .arg(settings.user());
    case ConnectFailure::CertificateRejected:
        return tr("The server's TLS certificate was rejected (sslmode=%1): it is not signed by "
                  "the given CA, or not issued for the host name \"%2\".")
            .arg(settings.sslMode().isEmpty() ? QStringLiteral("prefer") : settings.sslMode(),
                 host);
    case ConnectFailure::TlsRequired:
        return tr("TLS mismatch with %1: the server requires an encrypted connection, or "
                  "sslmode requires TLS and the server does not offer it.")
            .arg(where);
    case ConnectFailure::DatabaseMissing:
        return tr("The server has no database named \"%1\".").arg(settings.database());
    case ConnectFailure::ClientCertificateRequired:
        return tr("The server at %1 accepts only a client certificate, and none was sent: give "
                  "the certificates directory (--certs-dir, holding client.%2.crt and "
                  "client.%2.key) or the certificate and key files.")
            .arg(where, user);
    case ConnectFailure::ClientCertificateWrongUser:
        return tr("The client certificate is not for user \"%1\": the server accepts a "
                  "certificate only for the user named in its common name (CN). Use "
                  "client.%1.crt, or connect as the certificate's user.")
            .arg(user);
    case ConnectFailure::ClientCertificateUnknownCa:
        return tr("The server at %1 did not accept the client certificate: it is not signed by "
                  "a CA the server trusts. Use a certificate made with the cluster's own CA "
                  "(its ca.crt and ca.key).")
            .arg(where);
    case ConnectFailure::ClientCertificateExpired:
        return tr("The server at %1 did not accept the client certificate for user \"%2\": it "
                  "has expired. Create a new one (cockroach cert create-client %2).")
            .arg(where, user);
    case ConnectFailure::ClientKeyMissing:
        return tr("The private key of the client certificate is missing or cannot be read "
                  "(%1): keep client.%2.key next to client.%2.crt.")
            .arg(key, user);
    case ConnectFailure::ClientKeyInsecure:
        return tr("The private key %1 can be read by other users, so it is refused: make it "
                  "private (chmod 600 %1).")
            .arg(key);
    case ConnectFailure::NotPostgres:
        return tr("The server at %1 does not speak the PostgreSQL protocol: is this the HTTP "
                  "(DB Console) port? CockroachDB's SQL port is 26257 by default.")
            .arg(where);
    case ConnectFailure::Other:
        break;
    }
    return tr("Could not connect to %1.").arg(where);
}
