#pragma once

#include "pg/PgConnection.h"
#include "txn/Transaction.h"
#include "txn/TxnStatements.h"

// How the transaction runner starts the next attempt after a retryable failure, and how many
// attempts it allows. Pure: the runner asks it with what it knows; tests drive it with the
// answers a CockroachDB session would give.
//
// Normal rule: the first retry at once (CockroachDB: ROLLBACK TO SAVEPOINT cockroach_restart;
// PostgreSQL: ROLLBACK + BEGIN in one pipeline); later ones after ROLLBACK, a backoff sleep
// (no locks held while sleeping) and a new transaction.
//
// CockroachDB with its QA fault injection on (inject_retry_errors_enabled): every restart is
// ROLLBACK TO SAVEPOINT cockroach_restart, at once, and at least four attempts are allowed.
// By CockroachDB's source (pkg/sql/conn_executor_exec.go, dispatchToExecutionEngine): after
// each statement other than SET and SHOW that ran without error in a pending explicit
// transaction, the server replaces the result with a retry error ("injected by
// `inject_retry_errors_enabled` session variable", SQLSTATE 40001) while
// txnState.injectedTxnRetryCounter < numTxnRetryErrors (= 3), counting each injection; the
// counter is reset only when a new SQL transaction starts (txn_state.go resetForNewSQLTxn),
// not by ROLLBACK TO SAVEPOINT cockroach_restart. Older versions compare the KV epoch with
// the one the transaction started at plus 3, with the same effect. So the fourth attempt of
// ONE transaction commits, and a ROLLBACK + BEGIN starts the count again: with the normal
// rule (new transactions from the third attempt) an interactive body never commits.
// CockroachDB's own test (conn_executor_test.go TestInjectRetryErrors) expects exactly this:
// "with_savepoints" succeeds on attempt 4, "without_savepoints" never does.
//
// One pipeline (a pipelined body): while inject_retry_errors_enabled is on, the server does
// NOT retry an explicit transaction by itself (conn_executor.go makeErrEvent asks for the
// rewind capability only when the transaction is implicit or injection is off), so the
// injected errors reach the client even when nothing was sent back yet; the same savepoint
// restarts apply to pipelined and interactive bodies.
//
// inject_retry_errors_on_commit_enabled injects at a statement tagged COMMIT only
// (conn_executor_exec.go commitSQLTransaction, same counter). MovR Admin commits at RELEASE
// SAVEPOINT cockroach_restart, which the injection skips; the COMMIT after it runs in the
// CommitWait state (execStmtInCommitWaitState calls commitSQLTransaction with a no-op
// commit), where the injection still fires on the already committed transaction; its
// GenerateForcedRetryableErr then refuses a finalized transaction (kvcoord txn_coord_sender.go
// "cannot generate retryable error"), so that COMMIT reports an error. The runner counts a
// successful RELEASE as committed whatever that COMMIT answers, and ends the session's
// transaction block with ROLLBACK afterwards. (Without savepoints the injected error
// at COMMIT ends the transaction, so no client retry could ever commit:
// TestInjectRetryOnCommitErrors turns the variable off on its fifth attempt.)
class RestartStrategy
{
public:
    // CockroachDB's numTxnRetryErrors: injected retry errors per SQL transaction.
    static constexpr int cockroachInjectedErrors = 3;

    struct Situation
    {
        ServerFlavor flavor = ServerFlavor::PostgreSQL;
        int failedAttempt = 1;        // 1-based: the attempt that just failed
        bool transactionOpen = false; // the session is still in the transaction block
        bool serverInjects = false;   // CockroachDB's inject_retry_errors_enabled is on
    };
    struct Decision
    {
        TxnStart start = TxnStart::Fresh;
        bool rollbackAndSleep = false; // ROLLBACK (when open) and a backoff sleep first
    };

    static Decision afterFailure(const Situation &situation);
    // The attempt cap: the policy's, raised to what the server's injection needs.
    static int attemptCap(int policyMaxAttempts, ServerFlavor flavor, bool serverInjects);
    // Whether the server injects retry errors in this session (CockroachDB, QA toggle on).
    static bool serverInjects(ServerFlavor flavor, const RetryPolicy &policy);
    // An error CockroachDB raised because of one of its injection session variables.
    static bool isInjectedByServer(const DbError &error);
};
