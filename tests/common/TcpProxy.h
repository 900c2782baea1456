#pragma once

#include "pg/ConnectionSettings.h"

#include <QByteArray>
#include <QHash>
#include <QString>

#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

// A loopback TCP proxy for tests and benchmarks, on its own thread (plain sockets + poll):
// - delays each direction by a fixed time (default 25 ms one way), keeping order and
//   bandwidth: every chunk read is stamped and written once its time has come, so a
//   stream is shifted in time, not slowed down;
// - parses the PostgreSQL frontend messages (startup packet, then type byte + int32
//   length), counts them by type, and can drop a connection (close both sides) right
//   before or right after forwarding the N-th message of a type, or one whose bytes
//   contain a given text ("drop right after forwarding the Parse containing COMMIT").
// A drop closes the client side at once (the client sees the connection lost) and half-closes
// the server side after what was forwarded, like a client that vanished: the server still
// reads and runs every message it got (a COMMIT forwarded is executed), then sees the end.
// Everything is bounded (queued bytes per direction, message size, connections); TLS
// sessions are forwarded opaquely (use sslmode=disable when a test needs the parser).
class TcpProxy
{
public:
    enum class When {
        BeforeForwarding,
        AfterForwarding,
        // A black hole: from this message on nothing is forwarded either way, and both
        // sides stay open (until one of them closes, or dropAll()).
        StallBeforeForwarding,
    };
    struct DropRule
    {
        char type = 0;       // frontend message type ('Q', 'P', 'B', 'E', 'S', ...); 0 = any
        QByteArray contains; // empty = any
        int occurrence = 1;  // the N-th matching message (counted from when it was armed)
        When when = When::AfterForwarding;
        // When set, the match only arms the drop: it happens at the next message of this
        // type ("right after the Execute that follows the Parse of COMMIT": 'P', "COMMIT",
        // then 'E').
        char thenType = 0;
    };

    TcpProxy(QString targetHost, int targetPort,
             std::chrono::milliseconds delay = std::chrono::milliseconds(25));
    ~TcpProxy();
    TcpProxy(const TcpProxy &) = delete;
    TcpProxy &operator=(const TcpProxy &) = delete;

    // Listens on 127.0.0.1 (a free port) and starts the thread. Empty on success.
    QString start();
    void stop();
    int port() const { return m_port; }

    // `settings` pointed at the proxy (host 127.0.0.1, this port, no TLS/GSS so the
    // messages can be parsed).
    ConnectionSettings route(ConnectionSettings settings) const;

    void setDelay(std::chrono::milliseconds oneWay);
    // Arms one drop (replacing any armed one); it fires once.
    void dropOn(const DropRule &rule);
    void disarm();
    int dropsDone() const; // drops and stalls that happened
    // Closes every connection now.
    void dropAll();
    // A black-holed network: while on, nothing is forwarded on any connection, open or new
    // (new ones are accepted and then hear nothing); the client sees a server that never
    // answers, not a closed connection. Off: new connections work again (the swallowed ones
    // stay silent until they are closed).
    void setSwallowing(bool on) { m_swallow = on; }
    // A server that is down: while on, new connections are closed at once (open ones are
    // left alone: dropAll() them too for a whole outage).
    void setRefusing(bool on) { m_refuse = on; }

    // Frontend messages received from clients, by type ('S' = Sync: one per round trip of
    // the extended protocol), since the last resetCounts(); counted on arrival, so a message
    // a drop stopped before forwarding is counted too.
    int forwarded(char type) const;
    int connectionsAccepted() const;
    int openConnections() const;
    void resetCounts();

private:
    struct Pair;
    struct Chunk;
    void run();
    void accept();
    void readClient(Pair &pair);
    void readServer(Pair &pair);
    bool flush(Pair &pair, bool toServer);
    void closePair(Pair &pair);
    void dropPair(Pair &pair);
    void parse(Pair &pair, std::chrono::steady_clock::time_point due);

    QString m_targetHost;
    int m_targetPort = 0;
    int m_port = 0;
    int m_listen = -1;
    std::thread m_thread;
    std::atomic<bool> m_stop{false};
    std::atomic<bool> m_dropAll{false};
    std::atomic<bool> m_swallow{false};
    std::atomic<bool> m_refuse{false};
    std::atomic<qint64> m_delayUs;

    mutable std::mutex m_mutex; // guards what follows
    std::optional<DropRule> m_rule;
    char m_armedType = 0; // second stage of a rule with thenType
    int m_matches = 0;
    int m_drops = 0;
    QHash<char, int> m_forwarded;
    int m_accepted = 0;
    int m_open = 0;

    std::vector<std::unique_ptr<Pair>> m_pairs; // proxy thread only
};
