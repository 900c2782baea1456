#pragma once

// The base of the background workers (edit, browse): a QObject that lives on its own
// QThread and owns exactly one database connection.
//
// Threading contract
// - Requests reach a worker by queued invocation (signals or QMetaObject::invokeMethod);
//   the subclass turns each into a WorkerJob with enqueue(), on the worker thread.
// - Jobs run one at a time, in arrival order, on the worker's connection. The connection
//   is opened lazily, on the worker thread, when the first job needs it.
// - A connection lost while idle is noticed at once (its socket turns readable) and the
//   worker reconnects by itself.
// - After a lost connection the worker reconnects with backoff (a timer: the event loop
//   keeps running, so new requests keep queueing) and keeps every queued job: nothing is
//   dropped. A job that lost its connection midway may ask to run again after the
//   reconnect (JobStatus::RunAgainAfterReconnect), which it does only when that is safe
//   (a read, or an edit whose transaction certainly did not commit).
// - cancelCurrent(), supersede(), stop() and shutdown() are the only members callable from
//   other threads. Cancel is sent to the server (PQcancel through CancelHandle) from a
//   detached helper thread, because PQcancel waits for the server's answer: a GUI caller never
//   waits on the network.
// - Stopping is asynchronous: stop() and shutdownAndDelete() return at once; the worker
//   thread finishes by itself (a cancel on the server first, after a grace period its socket
//   is shut down by a helper thread so that libpq returns) and the worker is deleted on its
//   owner's thread once its thread has finished. Only shutdown() (tests, headless tools) and
//   deleting a running worker wait. At application exit (QCoreApplication's destruction) the
//   workers still stopping are waited for, bounded (see waitForStoppingWorkers()).
// - Generations: every job carries one (the request's generation or action id; callers keep
//   them increasing). A superseded or cancelled job that has not started is abandoned
//   without touching the database; one that is running has its query cancelled.

#include "pg/ConnectionSettings.h"
#include "pg/DbError.h"
#include "pg/PgConnection.h"
#include "pg/ServerInfo.h"

#include <QList>
#include <QMetaType>
#include <QObject>
#include <QString>

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>

class QSocketNotifier;
class QThread;
class QTimer;

// What a job tells the worker when it returns.
enum class JobStatus {
    Done,                   // finished (successfully or not); the next job may run
    RunAgainAfterReconnect, // the connection was lost before anything took effect: keep the
                            // job at the head of the queue and run it after the reconnect
};

struct WorkerJob
{
    quint64 generation = 0;
    // Runs on the worker thread with the open connection.
    std::function<JobStatus(PgConnection &connection)> run;
    // Called on the worker thread instead of run() when the job will not run: superseded,
    // cancelled before it started, the worker gave up reconnecting for it (see
    // ReconnectPolicy::maxRunsPerJob), or the worker shuts down. May be empty.
    std::function<void(const DbError &reason)> abandon;
};

struct ReconnectPolicy
{
    std::chrono::milliseconds initialDelay{100};
    std::chrono::milliseconds maxDelay{5000};
    // Consecutive failed connection attempts before the state becomes Failed (queued jobs
    // are kept; a new request or reconnectNow() starts again). 0 = never give up.
    int maxAttempts = 10;
    // How many times one job may ask to run again after a reconnect before it is abandoned
    // (a server that kills every attempt must not loop forever).
    int maxRunsPerJob = 5;
};

class WorkerBase : public QObject
{
    Q_OBJECT

public:
    enum class ConnectionState {
        Disconnected, // not opened yet (lazy) or closed by shutdown
        Connecting,
        Connected,
        Reconnecting, // waiting for the next attempt after a failure
        Failed,       // gave up (ReconnectPolicy::maxAttempts); jobs stay queued
    };
    Q_ENUM(ConnectionState)

    explicit WorkerBase(ConnectionSettings settings, QObject *parent = nullptr);
    ~WorkerBase() override;

    // Creates the worker's thread, moves the worker (which must have no parent) to it and
    // starts it. Call once, from the thread that created the worker.
    void start(const QString &threadName = QStringLiteral("movr-worker"));
    // Asks the worker to stop and returns at once (never waits): abandons queued jobs,
    // cancels the running query on the server (from a helper thread), lets the worker close
    // its connection and end its thread. If the thread is still blocked after `grace` (an
    // unresponsive network), a helper thread shuts its socket down so that libpq returns.
    // Idempotent; callable from any thread.
    void stop(std::chrono::milliseconds grace = std::chrono::milliseconds(3000));
    // Blocking variant for tests and headless tools (never on the GUI thread): stop(timeout),
    // then waits for the thread at most 2 x `timeout`. Returns true when the thread has
    // stopped; false means it is still finishing a bounded blocking call (e.g. a connect
    // timeout): then do not delete the worker yourself, use shutdownAndDelete().
    bool shutdown(std::chrono::milliseconds timeout = std::chrono::milliseconds(3000));
    // stop(), then deletes the worker on this (its owner's) thread's event loop once its
    // thread has finished. Returns at once: the caller never waits for the network.
    static void
    shutdownAndDelete(WorkerBase *worker,
                      std::chrono::milliseconds grace = std::chrono::milliseconds(3000));
    // True once the worker's thread has run its last event (or it never started).
    bool hasStopped() const;
    // At application exit: waits, at most `bound` in all, for the threads of workers that
    // were stopped and have not finished yet (their sockets are shut down at once). Runs by
    // itself when QCoreApplication is destroyed; returns whether all finished.
    static bool
    waitForStoppingWorkers(std::chrono::milliseconds bound = std::chrono::milliseconds(5000));

    // Thread-safe. Cancels the job with this generation: on the server if it is running, or
    // before it starts if it is queued (or still on its way to the worker). Returns at once.
    void cancelCurrent(quint64 generation);
    // Thread-safe. Every job with a generation lower than `generation` is superseded: the
    // running one is cancelled on the server, queued ones are abandoned. Returns at once.
    void supersede(quint64 generation);

    ConnectionState connectionState() const { return m_state.load(); }
    const ConnectionSettings &settings() const { return m_settings; }
    void setReconnectPolicy(const ReconnectPolicy &policy) { m_policy = policy; }

    struct Shared; // state shared with other threads (cancel handle, generations, stopping)

    // Registers the types used by the worker signals (idempotent).
    static void registerMetaTypes();

public Q_SLOTS:
    // Starts a new connection cycle now (e.g. after Failed, when the user clicks "retry").
    void reconnectNow();

Q_SIGNALS:
    void connectionStateChanged(WorkerBase::ConnectionState state);
    void connected(const ServerInfo &server);
    // The connection was lost or could not be opened; the next attempt is in `retryInMs`.
    void reconnecting(const DbError &reason, int retryInMs, int attempt);
    void connectionFailed(const DbError &reason);
    // Jobs waiting (not counting the running one); for "3 edits waiting for the server".
    void queueLengthChanged(int waiting);

protected:
    // On the worker thread: adds a job and runs the queue.
    void enqueue(WorkerJob job);
    // On the worker thread, after every successful open (also after a reconnect): apply
    // session settings. An error with kind Connection causes a reconnect; any other error
    // is reported as connectionFailed and the connection is used anyway.
    virtual Status prepareConnection(PgConnection &connection);
    // On the worker thread: the open connection, or null.
    PgConnection *connection() const { return m_connection.get(); }
    // On the worker thread, inside a job: the connection's owner, for code that replaces the
    // connection itself (TransactionRunner reconnects to resolve an ambiguous commit). The
    // worker notices a replaced or reset connection when the job returns.
    std::unique_ptr<PgConnection> &connectionHolder() { return m_connection; }
    // On the worker thread, inside a job, when code replaces the connection: aim cancel and
    // the last-resort shutdown at `connection` at once (not only when the job returns).
    void noteReplacementConnection(const PgConnection &connection);
    // On the worker thread: true once shutdown() was called; long jobs may poll it.
    bool isStopping() const { return m_stopping.load(); }

private:
    void scheduleProcessing();
    void processQueue();
    bool ensureConnection();
    static bool lostWhileIdle(PgConnection &connection);
    void scheduleReconnect(const DbError &reason);
    void dropConnection();
    // While no job runs, watches the open connection's socket: readable means the server
    // went away (a restart, pg_terminate_backend), and the worker reconnects at once, not
    // when the next request finds the connection dead.
    void watchIdleConnection();
    void onIdleConnectionReadable();
    void setState(ConnectionState state);
    void finishOnThread();
    bool takeJobIfWanted(quint64 generation);
    void abandonJob(WorkerJob &job, const DbError &reason);
    void abandonAll(const DbError &reason);

    ConnectionSettings m_settings;
    ReconnectPolicy m_policy;
    std::shared_ptr<Shared> m_shared;
    std::unique_ptr<PgConnection> m_connection;
    QList<WorkerJob> m_queue;
    QList<int> m_runsPerJob; // parallel to m_queue: how often each job has started
    QTimer *m_reconnectTimer = nullptr;
    QSocketNotifier *m_idleWatch = nullptr;
    QThread *m_thread = nullptr;
    QThread *m_ownerThread = nullptr;
    int m_reconnectAttempt = 0;
    bool m_processingScheduled = false;
    bool m_running = false;
    std::atomic<bool> m_stopping{false};
    std::atomic<ConnectionState> m_state{ConnectionState::Disconnected};
};

Q_DECLARE_METATYPE(WorkerBase::ConnectionState)
