#pragma once

#include "WorkloadStats.h"
#include "WorkloadTypes.h"
#include "pg/Result.h"
#include "txn/Trace.h"

#include <QList>

#include <functional>
#include <memory>

// Runs the MovR workload: `config.concurrency` sessions, each on its own thread with its own
// connection and TransactionRunner, sharing one global rate limit. No Qt event loop is needed
// (the CLI, the Workload dock and bench_workload all use it); nothing here blocks the caller
// except preflight() and wait().
//
// A session that loses its connection (server restart, pg_terminate_backend) counts the error,
// reconnects with backoff and goes on; an ambiguous commit is resolved by the runner and
// counted. requestStop() ends every session within one second with no transaction left open
// on the server (statements in flight are cancelled).
class WorkloadEngine
{
public:
    // Called on the session threads; must be thread-safe and quick.
    using TraceSink = std::function<void(const QList<TraceEntry> &)>;

    enum class State { Idle, Running, Stopping, Finished, Failed };

    explicit WorkloadEngine(WorkloadConfig config);
    ~WorkloadEngine(); // requestStop() and wait()
    WorkloadEngine(const WorkloadEngine &) = delete;
    WorkloadEngine &operator=(const WorkloadEngine &) = delete;

    // Blocking (call it off the GUI thread): checks the configuration against the server
    // before anything is written: the URL connects, MovR tables are there, concurrency is
    // within the server's connection limit, the hot city exists. The error is one clear line.
    static Status preflight(const WorkloadConfig &config);
    // Checks that need no server (rate, concurrency, hot fraction, ...): one clear line.
    static Status validate(const WorkloadConfig &config);

    void setTraceSink(TraceSink sink); // before start()

    // Starts the sessions and returns at once.
    void start();
    // Thread-safe; returns at once.
    void requestStop();
    // Waits until every session has ended (after requestStop(), the duration or maxOps).
    void wait();
    State state() const;
    // The unexpected error that stopped the run (tolerateErrors off), if any.
    std::optional<QString> fatalError() const;

    // Live changes (the dock): the global rate limit; 0 = unlimited.
    void setMaxRate(double opsPerSecond);
    const WorkloadConfig &config() const;
    quint64 seed() const; // the seed in use (config.seed, or the random one chosen)

    // Statistics since the previous tick, and for the whole run (WorkloadStats::tick).
    WorkloadSnapshot tick();

private:
    class Impl;
    std::unique_ptr<Impl> d;
};
