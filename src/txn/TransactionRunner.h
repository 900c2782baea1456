#pragma once

#include "pg/PgConnection.h"
#include "pg/PgPipeline.h"
#include "txn/CommitResolver.h"
#include "txn/Transaction.h"
#include "txn/TxnStatements.h"

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>

// Runs transaction bodies with the retry protocol of ARCHITECTURE.md ("Retrying
// transactions") over one connection. Blocking: use it on a worker thread.
//
// CockroachDB: BEGIN TRANSACTION ISOLATION LEVEL SERIALIZABLE; SAVEPOINT cockroach_restart;
// <body>; RELEASE SAVEPOINT cockroach_restart; COMMIT. A 40001 up to and including RELEASE is
// retried: the first retry at once with ROLLBACK TO SAVEPOINT cockroach_restart, later ones
// after ROLLBACK, a backoff sleep (no locks held while sleeping) and a new BEGIN; while the
// server injects retry errors (QA), every retry from the savepoint (RestartStrategy). RELEASE
// is the commit point. Statement texts: TxnStatements.
// PostgreSQL: BEGIN ISOLATION LEVEL SERIALIZABLE; <body>; COMMIT. A 40001 or 40P01 (also
// at COMMIT) means ROLLBACK and a whole new attempt; the first retry at once (its ROLLBACK
// travels in the same pipeline as the new BEGIN), later ones after ROLLBACK and a sleep.
//
// Backoff before the k-th sleep (k = 0, 1, ...): uniform(0, min(cap, base * 2^k)) (full
// jitter). The attempt cap and the deadline (total time, sleeps included) end retrying;
// a sleep that would end past the deadline is not taken.
//
// Deadline: besides ending retries, it bounds waiting for the server: past it the runner
// sends a cancel request (PQcancel), and if even that brings no answer within 2 s (a network
// that swallows everything) it closes the connection, which is then a lost connection like
// any other (ambiguous when the commit was sent). Each round trip gets at least 1 s.
//
// Round trips: every group of statements is sent as one libpq pipeline with one Sync. A
// pipelined body costs ONE round trip per attempt (BEGIN, the statements and COMMIT
// together); an interactive body costs one per exec() (the first carries BEGIN) plus one
// for the commit. A ROLLBACK before a backoff sleep or after a failure is one more.
//
// Ambiguous commits (40003, or the connection lost once the commit point was sent): the
// runner reconnects (on PostgreSQL it first ends the old backend with pg_terminate_backend
// and waits until it is gone, so that a COMMIT still queued there cannot land after the
// check), and runs body.verify: rows -> Committed (wasAmbiguous; `results` is then empty
// and `check` is not run), no rows -> NotCommitted. It does NOT re-run the body after a
// verified non-commit: the user sees "not committed" and decides (the body is safe to run
// again, but an edit the user did not see fail is not silently repeated). When no verify
// query exists or the check cannot run: Unknown, with `howToCheck` = the verify query with
// its parameters inlined. A connection lost BEFORE the commit point was sent (interactive
// bodies) certainly did not commit: the runner reconnects and retries (one more attempt).
class TransactionRunner
{
public:
    using Connector =
        std::function<Result<std::unique_ptr<PgConnection>>(const ConnectionSettings &)>;
    using Clock = std::function<std::chrono::steady_clock::time_point()>;
    using Sleeper = std::function<void(std::chrono::microseconds)>;
    // Uniform in [0, 1).
    using RandomSource = std::function<double()>;

    // `connection` is the worker's connection: the runner uses it, and replaces it (reset)
    // after a reconnect. When it is null or broken at the start of run(), the runner
    // connects with the settings it last saw (or those given by setSettings()).
    explicit TransactionRunner(std::unique_ptr<PgConnection> &connection, RetryPolicy policy = {});

    Outcome run(const TransactionBody &body, quint64 actionId = 0);

    // Thread-safe: stops retrying the action with this id (running now or started later):
    // no new attempt starts and a backoff sleep ends at once; the outcome is NotCommitted
    // with a Canceled error (or whatever the attempt in flight decides). To interrupt a
    // statement on the server, use the connection's CancelHandle as well.
    void cancel(quint64 actionId) { m_canceledAction.store(actionId); }

    void setPolicy(const RetryPolicy &policy) { m_policy = policy; }
    const RetryPolicy &policy() const { return m_policy; }
    void setSettings(const ConnectionSettings &settings) { m_settings = settings; }

    // Which protocol to speak; by default the connected server's flavor. Tests run the
    // CockroachDB statement sequence against PostgreSQL, which accepts it.
    void setProtocolFlavor(std::optional<ServerFlavor> flavor) { m_flavorOverride = flavor; }
    ServerFlavor protocolFlavor() const;

    // Test seams: how to connect, what time it is, how to sleep, the jitter.
    void setConnector(Connector connector) { m_connector = std::move(connector); }
    void setClock(Clock clock) { m_clock = std::move(clock); }
    void setSleeper(Sleeper sleeper) { m_sleeper = std::move(sleeper); }
    void setRandomSource(RandomSource random) { m_random = std::move(random); }
    const Clock &clock() const { return m_clock; }       // null: the real clock
    const Sleeper &sleeper() const { return m_sleeper; } // null: a sleep cancel() ends

    // The ceiling of the k-th backoff sleep (k = 0 for the first): min(cap, base * 2^k).
    static std::chrono::microseconds backoffCeiling(const RetryPolicy &policy, int k);
    // CockroachDB's own fault injection, for the edit worker to send on its connection
    // when RetryPolicy::injectRetryErrors is on (the runner injects only on PostgreSQL).
    static QString injectRetryErrorsStatement();
    static QString disableInjectRetryErrorsStatement();
    // The synthetic error statement used on PostgreSQL.
    static QString injectedErrorStatement();
    // What the first attempt of `body` sends, in order, protocol statements included (the
    // Preview before Apply). Interactive bodies contribute body.preview. Retries repeat it.
    static QList<Statement> plannedStatements(const TransactionBody &body, ServerFlavor flavor,
                                              const RetryPolicy &policy = {});
    // A process-wide unique id for a new action (groups trace entries).
    static quint64 nextActionId();

private:
    class Attempt;
    class Session;
    friend class Session;

    using Kind = TxnStatement::Kind;
    using Item = TxnStatement;
    using ItemResult = PgPipeline::ItemResult;
    using Batch = PgPipeline::Batch;
    using Start = TxnStart;
    enum class Verdict { Committed, Failed, Retry, LostBeforeCommit, Ambiguous };
    struct AttemptResult
    {
        Verdict verdict = Verdict::Failed;
        std::optional<DbError> error;
        QList<PgResult> results;
        bool refused = false; // Failed because the body said no (nothing failed on the server)
    };

    Batch send(const QList<Item> &items);
    QList<Item> startItems(Start start) const;
    QList<Item> commitItems() const;
    AttemptResult evaluateCommit(const QList<Item> &items, const Batch &batch) const;
    AttemptResult runPipelined(const TransactionBody &body, Start start);
    AttemptResult runInteractive(const TransactionBody &body, Start start);
    // The ambiguous-commit look-up on this runner's connection, clock and sleeper.
    CommitResolver resolver();
    // The injected sleeper, or a real sleep that cancel() ends.
    void sleep(std::chrono::microseconds delay);
    void resolveAmbiguous(const TransactionBody &body, const DbError &cause, Outcome &outcome);
    bool ensureConnection(std::optional<DbError> &error);
    void rollbackIfNeeded();
    bool connectionUsable() const;
    bool cockroach() const { return protocolFlavor() == ServerFlavor::CockroachDB; }
    // PostgreSQL's stand-in for inject_retry_errors_on_commit_enabled: a synthetic 40001 right
    // before the COMMIT of the first attempt.
    bool injectAtCommit() const
    {
        return m_policy.injectRetryErrorsOnCommit && m_attempt == 1 && !cockroach();
    }
    std::chrono::steady_clock::time_point now() const;
    bool canceled() const { return m_canceledAction.load() == m_actionId; }

    std::unique_ptr<PgConnection> &m_connection;
    RetryPolicy m_policy;
    std::optional<ConnectionSettings> m_settings;
    std::optional<ServerFlavor> m_flavorOverride;
    Connector m_connector;
    Clock m_clock;
    Sleeper m_sleeper;
    RandomSource m_random;

    // State of the run in progress.
    Outcome *m_outcome = nullptr;
    quint64 m_actionId = 0;
    QString m_action;
    int m_attempt = 1;
    QString m_pendingRetryCause;
    std::atomic<quint64> m_canceledAction{0};
    // Real time (not the test clock): past it a waiting statement is cancelled.
    std::chrono::steady_clock::time_point m_statementDeadline;
};
