#pragma once

#include "txn/TxnStatements.h"

#include <chrono>
#include <functional>

// Decides whether an ambiguous commit committed (ARCHITECTURE.md "Ambiguous commits"): the
// one place that does it, for the transaction runner (right after the commit's fate got
// lost) and for the edit worker (when the runner could not reconnect, after the worker's
// own reconnect).
//
// On PostgreSQL the session that sent the COMMIT (`oldBackendPid`) may still hold it in its
// socket buffer (a pipeline is sent whole) or be executing it. The resolver first lets it
// finish what it received, bounded by inFlightBound: a commit in flight then commits instead
// of being killed, and the backend ends by itself on seeing its closed connection. As soon
// as it only waits for the client (wait_event ClientRead), or after the bound, the resolver
// ends it (pg_terminate_backend) and waits until it is gone (goneBound), so that a COMMIT
// still queued there cannot land after the look-up. Then it runs the body's verify query:
// rows -> Committed, none -> NotCommitted.
//
// Every statement goes through `exec` (the caller traces it); waits go through the caller's
// clock and sleeper, so tests drive them without real sleeps. Blocking: worker threads only.
class CommitResolver
{
public:
    using Exec = std::function<Result<PgResult>(const TxnStatement &statement)>;
    using Clock = std::function<std::chrono::steady_clock::time_point()>;
    using Sleeper = std::function<void(std::chrono::microseconds)>;

    static constexpr std::chrono::milliseconds inFlightBound{2000};
    static constexpr std::chrono::milliseconds inFlightPoll{20};
    static constexpr std::chrono::milliseconds goneBound{5000};
    static constexpr std::chrono::milliseconds gonePoll{100};

    struct Verdict
    {
        enum class State {
            Committed,
            NotCommitted,
            Unknown,        // could not be decided: `why` says what stood in the way
            ConnectionLost, // the look-up's own connection broke: try again after a reconnect
        };
        State state = State::Unknown;
        QString why; // for Unknown and ConnectionLost: one translated sentence
    };

    CommitResolver(Exec exec, Clock clock, Sleeper sleeper);
    // Ends the waits early (the worker shuts down); the verdict is then Unknown at worst.
    void setStopCondition(std::function<bool()> stopping) { m_stopping = std::move(stopping); }

    // `oldBackendPid` 0: nothing to wait for (CockroachDB, or the same connection).
    Verdict resolve(const Statement &verify, int oldBackendPid) const;

    // The queries, for tests and for the trace.
    static QString inFlightQuery();
    static QString terminateQuery();
    static QString stillThereQuery();

private:
    enum class Ended { Done, Lost };
    Ended letInFlightCommitFinish(const SqlParams &pid) const;
    Ended endOldBackend(const SqlParams &pid, bool &gone, QString &lostWhy) const;
    bool stopping() const { return m_stopping && m_stopping(); }

    Exec m_exec;
    Clock m_clock;
    Sleeper m_sleeper;
    std::function<bool()> m_stopping;
};
