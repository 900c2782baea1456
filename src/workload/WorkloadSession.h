#pragma once

#include "OpChooser.h"
#include "SessionEntities.h"
#include "TutorialRunner.h"
#include "WorkloadRun.h"
#include "WorkloadStats.h"
#include "pg/PgConnection.h"
#include "txn/TransactionRunner.h"

#include <QCoreApplication>

#include <atomic>
#include <memory>
#include <mutex>
#include <thread>

// One session of a workload run (the loop, connection and outcomes here; the operations
// themselves in WorkloadSessionOperations.cpp): its own connection (application_name
// "movr-admin workload") and TransactionRunner on its own std::thread. Each call takes a
// slot of the global rate limit, asks its OpChooser what to do, and runs OUR operations
// (src/movr/Operations.h) through OUR TransactionRunner, recording one OpResult per
// operation in the run's statistics.
//
// A lost connection (server restart, pg_terminate_backend) ends that operation as an error
// (or, after the commit was sent, as an ambiguous commit the runner resolves); the session
// then reconnects with backoff (100 ms doubling to 2 s, cut short by a stop) and goes on. An
// ambiguous commit the runner could not decide because the server was unreachable is
// decided by the session once it has reconnected (CommitResolver), before it goes on.
class WorkloadSession
{
    Q_DECLARE_TR_FUNCTIONS(WorkloadSession)

public:
    static constexpr const char *ApplicationName = "movr-admin workload";

    WorkloadSession(WorkloadRun &run, int index, quint64 seed);
    ~WorkloadSession(); // joins
    WorkloadSession(const WorkloadSession &) = delete;
    WorkloadSession &operator=(const WorkloadSession &) = delete;

    void start();
    // Thread-safe: cancels the transaction in flight (runner and server) so that the
    // thread ends at once; the run's stop flag must be set first.
    void interrupt();
    void join();

    // How an operation's outcome counts (public for the tests).
    static OpResult resultOf(WorkloadOp op, const Outcome &outcome, qint64 latencyUs);
    // The SQLSTATE of each retry in `outcome`'s trace, in order.
    static QStringList retrySqlStates(const Outcome &outcome);

private:
    void loop();
    bool ensureConnected();
    OpResult runOp(WorkloadOp op, const QString &city);
    // Runs one body; maps the outcome; traces.
    OpResult runBody(WorkloadOp op, const Result<TransactionBody> &body, const QString &city,
                     Outcome *outcomeOut = nullptr);
    // An ambiguous commit the runner could not look up (no connection): reconnects with
    // backoff and decides it with CommitResolver; a stop leaves it Unknown.
    void resolveAfterReconnect(WorkloadOp op, Outcome &outcome, const Statement &verify,
                               int oldBackendPid);
    OpResult readVehicles(const QString &city);
    OpResult updateActiveRides();
    OpResult startRide(const QString &city);
    OpResult endRide(const QString &city);
    OpResult addUser(const QString &city);
    OpResult addVehicle(const QString &city);
    OpResult applyPromoCode(const QString &city);
    OpResult createPromoCode();
    OpResult failure(WorkloadOp op, const QString &error) const;
    OpResult refusal(WorkloadOp op, const QString &reason) const;
    void record(const OpResult &result);
    // config.statementPerRoundTrip: TutorialOperations instead of Operations.
    bool tutorialWay() const { return m_run.config().statementPerRoundTrip; }
    void finish();

    WorkloadRun &m_run;
    int m_index = 0;
    OpChooser m_chooser;
    SessionEntities m_entities;
    ConnectionSettings m_settings;
    std::unique_ptr<PgConnection> m_connection;
    std::unique_ptr<TransactionRunner> m_runner;
    std::unique_ptr<TutorialRunner> m_tutorialRunner; // config.statementPerRoundTrip
    std::mutex m_cancelMutex;
    CancelHandle m_cancel;
    std::atomic<quint64> m_currentAction{0};
    int m_reconnects = 0; // consecutive failed connection attempts
    std::thread m_thread;
};
