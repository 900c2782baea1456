#include "TcpProxy.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <deque>

using namespace std::chrono;

namespace {

constexpr qsizetype maxQueuedBytes = 64 * 1024 * 1024; // per direction: stop reading beyond
constexpr qint64 maxMessageBytes = 256 * 1024 * 1024;  // larger: forward opaquely
constexpr int maxConnections = 256;
constexpr int readChunk = 64 * 1024;

void setNonBlocking(int fd)
{
    const int flags = fcntl(fd, F_GETFL, 0);
    fcntl(fd, F_SETFL, flags | O_NONBLOCK);
    const int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
}

quint32 readInt32(const char *data)
{
    return (quint32(quint8(data[0])) << 24) | (quint32(quint8(data[1])) << 16) |
           (quint32(quint8(data[2])) << 8) | quint32(quint8(data[3]));
}

} // namespace

struct TcpProxy::Chunk
{
    steady_clock::time_point due;
    QByteArray data;
    qsizetype written = 0;
    bool dropBefore = false;
    bool dropAfter = false;
    bool stallBefore = false;
};

struct TcpProxy::Pair
{
    int client = -1;
    int server = -1;
    std::deque<Chunk> toServer;
    std::deque<Chunk> toClient;
    qsizetype queuedToServer = 0;
    qsizetype queuedToClient = 0;
    QByteArray pending;       // frontend bytes not yet a whole message
    bool startupDone = false; // the startup packet was seen: typed messages follow
    bool opaque = false;      // TLS or unparsable: forward as is
    bool clientEof = false;
    bool serverEof = false;
    bool closed = false;
    bool stalled = false;  // a black hole: nothing flows any more
    bool draining = false; // dropped: the client is gone, the server side half-closed
    steady_clock::time_point drainUntil;
};

TcpProxy::TcpProxy(QString targetHost, int targetPort, milliseconds delay)
    : m_targetHost(std::move(targetHost)), m_targetPort(targetPort),
      m_delayUs(duration_cast<microseconds>(delay).count())
{}

TcpProxy::~TcpProxy()
{
    stop();
}

QString TcpProxy::start()
{
    if (m_thread.joinable())
        return {};
    m_listen = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (m_listen < 0)
        return QString::fromLocal8Bit(std::strerror(errno));
    const int one = 1;
    setsockopt(m_listen, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    if (::bind(m_listen, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0 ||
        ::listen(m_listen, 64) != 0) {
        const QString error = QString::fromLocal8Bit(std::strerror(errno));
        ::close(m_listen);
        m_listen = -1;
        return error;
    }
    socklen_t length = sizeof address;
    getsockname(m_listen, reinterpret_cast<sockaddr *>(&address), &length);
    m_port = ntohs(address.sin_port);
    setNonBlocking(m_listen);
    m_stop = false;
    m_thread = std::thread([this] { run(); });
    return {};
}

void TcpProxy::stop()
{
    if (!m_thread.joinable())
        return;
    m_stop = true;
    m_thread.join();
    for (auto &pair : m_pairs)
        closePair(*pair);
    m_pairs.clear();
    if (m_listen >= 0)
        ::close(m_listen);
    m_listen = -1;
}

ConnectionSettings TcpProxy::route(ConnectionSettings settings) const
{
    settings.setValue(QStringLiteral("host"), QStringLiteral("127.0.0.1"));
    settings.remove(QStringLiteral("hostaddr"));
    settings.setValue(QStringLiteral("port"), QString::number(m_port));
    settings.setValue(QStringLiteral("sslmode"), QStringLiteral("disable"));
    settings.setValue(QStringLiteral("gssencmode"), QStringLiteral("disable"));
    return settings;
}

void TcpProxy::setDelay(milliseconds oneWay)
{
    m_delayUs = duration_cast<microseconds>(oneWay).count();
}

void TcpProxy::dropOn(const DropRule &rule)
{
    std::lock_guard lock(m_mutex);
    m_rule = rule;
    m_matches = 0;
    m_armedType = 0;
}

void TcpProxy::disarm()
{
    std::lock_guard lock(m_mutex);
    m_rule.reset();
    m_armedType = 0;
}

int TcpProxy::dropsDone() const
{
    std::lock_guard lock(m_mutex);
    return m_drops;
}

void TcpProxy::dropAll()
{
    m_dropAll = true;
    // Wait (bounded) until the proxy thread has done it.
    for (int i = 0; i < 200 && m_dropAll && m_thread.joinable(); ++i)
        std::this_thread::sleep_for(milliseconds(5));
}

int TcpProxy::forwarded(char type) const
{
    std::lock_guard lock(m_mutex);
    return m_forwarded.value(type);
}

int TcpProxy::connectionsAccepted() const
{
    std::lock_guard lock(m_mutex);
    return m_accepted;
}

int TcpProxy::openConnections() const
{
    std::lock_guard lock(m_mutex);
    return m_open;
}

void TcpProxy::resetCounts()
{
    std::lock_guard lock(m_mutex);
    m_forwarded.clear();
}

void TcpProxy::closePair(Pair &pair)
{
    if (pair.closed)
        return;
    pair.closed = true;
    if (pair.client >= 0)
        ::close(pair.client);
    if (pair.server >= 0)
        ::close(pair.server);
    pair.client = pair.server = -1;
    pair.toServer.clear();
    pair.toClient.clear();
    std::lock_guard lock(m_mutex);
    --m_open;
}

void TcpProxy::dropPair(Pair &pair)
{
    {
        std::lock_guard lock(m_mutex);
        ++m_drops;
    }
    if (pair.client >= 0)
        ::close(pair.client);
    pair.client = -1;
    pair.toServer.clear();
    pair.toClient.clear();
    pair.queuedToServer = pair.queuedToClient = 0;
    pair.pending.clear();
    if (pair.server >= 0)
        ::shutdown(pair.server, SHUT_WR);
    pair.draining = true;
    pair.drainUntil = steady_clock::now() + seconds(10);
}

void TcpProxy::accept()
{
    for (int i = 0; i < 16; ++i) {
        const int client = ::accept4(m_listen, nullptr, nullptr, SOCK_CLOEXEC);
        if (client < 0)
            return;
        if (m_refuse || m_pairs.size() >= size_t(maxConnections)) {
            ::close(client);
            continue;
        }
        addrinfo hints{};
        hints.ai_family = AF_UNSPEC;
        hints.ai_socktype = SOCK_STREAM;
        addrinfo *found = nullptr;
        const QByteArray host = m_targetHost.toUtf8();
        const QByteArray port = QByteArray::number(m_targetPort);
        int server = -1;
        if (getaddrinfo(host.constData(), port.constData(), &hints, &found) == 0) {
            for (addrinfo *a = found; a && server < 0; a = a->ai_next) {
                server = ::socket(a->ai_family, a->ai_socktype | SOCK_CLOEXEC, a->ai_protocol);
                if (server >= 0 && ::connect(server, a->ai_addr, a->ai_addrlen) != 0) {
                    ::close(server);
                    server = -1;
                }
            }
            freeaddrinfo(found);
        }
        if (server < 0) {
            ::close(client);
            continue;
        }
        setNonBlocking(client);
        setNonBlocking(server);
        auto pair = std::make_unique<Pair>();
        pair->client = client;
        pair->server = server;
        m_pairs.push_back(std::move(pair));
        std::lock_guard lock(m_mutex);
        ++m_accepted;
        ++m_open;
    }
}

void TcpProxy::parse(Pair &pair, steady_clock::time_point due)
{
    // Cuts `pending` into whole frontend messages, each its own chunk.
    for (int guard = 0; guard < 100000 && !pair.pending.isEmpty(); ++guard) {
        if (pair.opaque) {
            pair.queuedToServer += pair.pending.size();
            pair.toServer.push_back({due, pair.pending});
            pair.pending.clear();
            return;
        }
        const qsizetype header = pair.startupDone ? 5 : 4;
        if (pair.pending.size() < header)
            return;
        const char *data = pair.pending.constData();
        const qint64 length = readInt32(data + (pair.startupDone ? 1 : 0));
        if (length < 4 || length > maxMessageBytes) {
            pair.opaque = true;
            continue;
        }
        const qsizetype total = qsizetype(length) + (pair.startupDone ? 1 : 0);
        if (pair.pending.size() < total)
            return;
        Chunk chunk{due, pair.pending.left(total)};
        pair.pending.remove(0, total);
        char type = 0;
        if (!pair.startupDone) {
            // SSLRequest / GSSENCRequest / CancelRequest carry a code instead of a version.
            const quint32 code = length >= 8 ? readInt32(chunk.data.constData() + 4) : 0;
            if (code == 80877103 || code == 80877104)
                pair.opaque = false; // the server answers one byte; the client then
                                     // starts TLS (then we cannot parse) or sends startup
            else if (code == 196608)
                pair.startupDone = true;
        } else {
            type = chunk.data.at(0);
        }
        {
            std::lock_guard lock(m_mutex);
            auto mark = [this](Chunk &target) {
                switch (m_rule->when) {
                case When::BeforeForwarding:
                    target.dropBefore = true;
                    break;
                case When::AfterForwarding:
                    target.dropAfter = true;
                    break;
                case When::StallBeforeForwarding:
                    target.stallBefore = true;
                    break;
                }
            };
            if (type)
                ++m_forwarded[type];
            if (type && m_rule && m_armedType == 0 && (m_rule->type == 0 || m_rule->type == type) &&
                (m_rule->contains.isEmpty() || chunk.data.contains(m_rule->contains)) &&
                ++m_matches == m_rule->occurrence) {
                if (m_rule->thenType) {
                    m_armedType = m_rule->thenType;
                } else {
                    mark(chunk);
                    m_rule.reset();
                }
            } else if (type && m_rule && m_armedType != 0 && type == m_armedType) {
                mark(chunk);
                m_rule.reset();
                m_armedType = 0;
            }
        }
        pair.queuedToServer += chunk.data.size();
        pair.toServer.push_back(std::move(chunk));
    }
}

void TcpProxy::readClient(Pair &pair)
{
    char buffer[readChunk];
    const ssize_t n = ::read(pair.client, buffer, sizeof buffer);
    if (n > 0) {
        pair.pending.append(buffer, n);
        parse(pair, steady_clock::now() + microseconds(m_delayUs.load()));
    } else if (n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)) {
        pair.clientEof = true;
    }
}

void TcpProxy::readServer(Pair &pair)
{
    char buffer[readChunk];
    const ssize_t n = ::read(pair.server, buffer, sizeof buffer);
    if (n > 0) {
        Chunk chunk{steady_clock::now() + microseconds(m_delayUs.load()), QByteArray(buffer, n)};
        // A server's one-byte answer 'S' to SSLRequest: TLS follows, stop parsing.
        if (!pair.startupDone && n == 1 && buffer[0] == 'S')
            pair.opaque = true;
        pair.queuedToClient += n;
        pair.toClient.push_back(std::move(chunk));
    } else if (n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)) {
        pair.serverEof = true;
    }
}

bool TcpProxy::flush(Pair &pair, bool toServer)
{
    auto &queue = toServer ? pair.toServer : pair.toClient;
    qsizetype &queued = toServer ? pair.queuedToServer : pair.queuedToClient;
    const int fd = toServer ? pair.server : pair.client;
    const auto now = steady_clock::now();
    for (int guard = 0; guard < 100000 && !queue.empty() && queue.front().due <= now; ++guard) {
        Chunk &chunk = queue.front();
        if (chunk.dropBefore) {
            dropPair(pair);
            return false;
        }
        if (chunk.stallBefore) {
            if (!pair.stalled) {
                pair.stalled = true;
                std::lock_guard lock(m_mutex);
                ++m_drops;
            }
            return true;
        }
        const ssize_t n = ::send(fd, chunk.data.constData() + chunk.written,
                                 size_t(chunk.data.size() - chunk.written), MSG_NOSIGNAL);
        if (n < 0) {
            if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)
                return true;
            closePair(pair);
            return false;
        }
        chunk.written += n;
        if (chunk.written < chunk.data.size())
            return true;
        const bool dropAfter = chunk.dropAfter;
        queued -= chunk.data.size();
        queue.pop_front();
        if (dropAfter) {
            dropPair(pair);
            return false;
        }
    }
    return true;
}

void TcpProxy::run()
{
    std::vector<pollfd> fds;
    // Bounded by m_stop; each pass waits at most 20 ms.
    while (!m_stop) {
        if (m_dropAll) {
            for (auto &pair : m_pairs)
                closePair(*pair);
            m_dropAll = false;
        }
        if (m_swallow) {
            for (auto &pair : m_pairs)
                pair->stalled = true;
        }
        // Forget closed pairs; end pairs whose peer left once their data is through.
        for (auto &pair : m_pairs) {
            if (pair->closed)
                continue;
            if (pair->draining) {
                if (pair->serverEof || steady_clock::now() >= pair->drainUntil)
                    closePair(*pair);
                continue;
            }
            if (pair->stalled && (pair->clientEof || pair->serverEof)) {
                closePair(*pair);
                continue;
            }
            if ((pair->clientEof && pair->toServer.empty()) ||
                (pair->serverEof && pair->toClient.empty()))
                closePair(*pair);
        }
        std::erase_if(m_pairs, [](const auto &pair) { return pair->closed; });

        const auto now = steady_clock::now();
        auto next = now + milliseconds(20);
        fds.clear();
        fds.push_back({m_listen, POLLIN, 0});
        for (auto &pair : m_pairs) {
            if (pair->draining) {
                fds.push_back({-1, 0, 0});
                fds.push_back({pair->server, POLLIN, 0});
                continue;
            }
            short clientEvents = 0;
            short serverEvents = 0;
            if (!pair->clientEof && pair->queuedToServer < maxQueuedBytes)
                clientEvents |= POLLIN;
            if (!pair->serverEof && pair->queuedToClient < maxQueuedBytes)
                serverEvents |= POLLIN;
            if (!pair->toServer.empty() && !pair->stalled) {
                if (pair->toServer.front().due <= now)
                    serverEvents |= POLLOUT;
                else
                    next = std::min(next, pair->toServer.front().due);
            }
            if (!pair->toClient.empty() && !pair->stalled) {
                if (pair->toClient.front().due <= now)
                    clientEvents |= POLLOUT;
                else
                    next = std::min(next, pair->toClient.front().due);
            }
            fds.push_back({pair->client, clientEvents, 0});
            fds.push_back({pair->server, serverEvents, 0});
        }
        const auto wait = duration_cast<milliseconds>(next - now).count();
        // poll's resolution is 1 ms; round up so a chunk is never written early.
        const int timeout = int(std::clamp<qint64>(wait + 1, 0, 20));
        const int ready = ::poll(fds.data(), nfds_t(fds.size()), timeout);
        if (ready < 0 && errno != EINTR)
            break;
        if (fds[0].revents & POLLIN)
            accept();
        for (size_t i = 0; i < m_pairs.size() && 1 + 2 * i + 1 < fds.size(); ++i) {
            Pair &pair = *m_pairs[i];
            const pollfd &client = fds[1 + 2 * i];
            const pollfd &server = fds[2 + 2 * i];
            if (pair.closed)
                continue;
            if (pair.draining) {
                if (server.revents & (POLLIN | POLLHUP | POLLERR)) {
                    char discard[readChunk];
                    const ssize_t n = ::read(pair.server, discard, sizeof discard);
                    if (n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR))
                        pair.serverEof = true;
                }
                continue;
            }
            if (client.revents & (POLLIN | POLLHUP | POLLERR))
                readClient(pair);
            if (!pair.closed && (server.revents & (POLLIN | POLLHUP | POLLERR)))
                readServer(pair);
            if (!pair.closed && !pair.stalled && !pair.toServer.empty())
                flush(pair, true);
            if (!pair.closed && !pair.stalled && !pair.toClient.empty())
                flush(pair, false);
        }
    }
}
