#pragma once

#include "pg/PgConnection.h"
#include "txn/Transaction.h"

#include <QCoreApplication>

#include <atomic>
#include <functional>
#include <memory>

// The tutorials' transaction loop (the sample applications' run_transaction, and
// bench/bench_edits.cpp TutorialWay), for the workload's reference measurement
// (config.statementPerRoundTrip): every statement is its own network round trip:
//
//   BEGIN ISOLATION LEVEL SERIALIZABLE; SAVEPOINT cockroach_restart; <body, statement by
//   statement>; RELEASE SAVEPOINT cockroach_restart; COMMIT
//
// A 40001 / 40P01 up to RELEASE: on CockroachDB ROLLBACK TO SAVEPOINT cockroach_restart and
// the body again (the samples' way); on PostgreSQL, where the savepoint keeps the failed
// snapshot, ROLLBACK and a new attempt from BEGIN. The first retry at once, later ones after
// the same full-jitter backoff as TransactionRunner (same RetryPolicy), so the two ways
// differ only in how statements travel. SERIALIZABLE is named because the samples rely on
// CockroachDB's default and PostgreSQL's is READ COMMITTED.
//
// Only interactive bodies (TutorialOperations). A body's own error is a refusal (rolled
// back). A connection lost once RELEASE or COMMIT was sent is an ambiguous commit, reported
// Unknown and NOT looked up here (the tutorials do not); the workload session decides it
// after its reconnect, as it does for the runner.
class TutorialRunner
{
    Q_DECLARE_TR_FUNCTIONS(TutorialRunner)

public:
    using Sleeper = std::function<void(std::chrono::microseconds)>;

    TutorialRunner(std::unique_ptr<PgConnection> &connection, RetryPolicy policy, Sleeper sleeper);

    Outcome run(const TransactionBody &body, quint64 actionId);
    // Thread-safe: no new statement or attempt for this action.
    void cancel(quint64 actionId) { m_canceledAction.store(actionId); }

private:
    class Session;
    enum class Step { Ok, Retry, Failed, Lost };

    std::unique_ptr<PgConnection> &m_connection;
    RetryPolicy m_policy;
    Sleeper m_sleeper;
    std::atomic<quint64> m_canceledAction{0};
};
