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
        (contains(message, "role \"") && contains(message, "does not exist")) ||
        contains(message, "certificate authentication failed"))
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
    case ConnectFailure::Other:
        break;
    }
    return tr("Could not connect to %1.").arg(where);
}
