#pragma once

// The contract between the MovR operations (src/movr), the transaction runner (src/txn)
// and the edit worker (src/worker). Value types only; they cross threads.

#include "pg/PgConnection.h"
#include "txn/Trace.h"

#include <QList>
#include <QString>

#include <chrono>
#include <functional>

// One statement as sent: SQL text with $n placeholders and text parameters.
struct Statement
{
    QString sql;
    SqlParams params;
};

// Runs statements inside an interactive body; every call is traced and counts as one
// round trip. Errors come back as values: a Retryable one must be returned from the body
// unchanged so that the runner retries.
class TransactionSession
{
public:
    virtual ~TransactionSession() = default;
    virtual Result<PgResult> exec(const QString &sql, const SqlParams &params = {}) = 0;
    Result<PgResult> exec(const Statement &statement)
    {
        return exec(statement.sql, statement.params);
    }
};

// A transaction body: what an edit does, written so that it may run more than once.
//
// Two shapes:
// - Pipelined (`statements` set, `interactive` empty): the statements do not depend on each
//   other's results. The runner sends BEGIN, the statements and the commit as ONE libpq
//   pipeline (one network round trip). The statements must carry their preconditions
//   inside them (UPDATE ... WHERE status = 'available', data-modifying CTEs whose writes all
//   depend on one precondition row) so that when a precondition fails NOTHING is written;
//   `check` then reads the results and returns the user-facing reason.
// - Interactive (`interactive` set): reads, decides, writes through the session, statement
//   by statement; re-run whole on retry. Returning an error rolls the transaction back.
struct TransactionBody
{
    QString action; // shown in the SQL panel, e.g. "Start ride"
    QList<Statement> statements;
    std::function<Status(TransactionSession &)> interactive;
    // Interactive bodies: the statements they send when nothing fails, in order, for the
    // Preview (TransactionRunner::plannedStatements). Empty when not known in advance.
    QList<Statement> preview;
    // Pipelined bodies: inspects the results (one per statement, same order) after the
    // commit. An error here means "precondition failed, nothing written".
    std::function<Status(const QList<PgResult> &results)> check;
    // Resolves an ambiguous commit: run on a fresh connection, it returns at least one row
    // exactly when the transaction's effect is in the database (e.g. the row with the
    // client-generated UUID exists, or the updated row holds the new values).
    Statement verify;
};

struct RetryPolicy
{
    int maxAttempts = 10;
    std::chrono::milliseconds backoffBase{10};
    std::chrono::milliseconds backoffCap{1000};
    std::chrono::milliseconds deadline{30000}; // total time across attempts
    // QA: raise a synthetic 40001 after the first statement of every first attempt. On
    // CockroachDB the edit connection sets inject_retry_errors_enabled instead (the server
    // injects; the runner then restarts from the savepoint, see RestartStrategy).
    bool injectRetryErrors = false;
    // QA: a synthetic 40001 at the commit step of every first attempt (PostgreSQL: right
    // before COMMIT). On CockroachDB the edit connection sets
    // inject_retry_errors_on_commit_enabled instead.
    bool injectRetryErrorsOnCommit = false;
};

struct Outcome
{
    enum class State {
        Committed,    // the effect is in the database
        NotCommitted, // nothing was written (precondition failed, error, retries exhausted)
        Unknown,      // ambiguous and could not be resolved: `howToCheck` says what to run
    };
    State state = State::NotCommitted;
    std::optional<DbError> error; // why not committed / why ambiguous
    bool wasAmbiguous = false;    // the commit's fate had to be looked up
    int attempts = 0;
    int roundTrips = 0; // network round trips for the statements (connection setup not counted)
    QList<PgResult> results; // of the committed attempt (pipelined or interactive reads)
    QString howToCheck;      // for Unknown: a query the user can run
    QList<TraceEntry> trace; // every statement sent for this action
    // NotCommitted because a precondition said no (body.check, or an interactive body's own
    // error): nothing was written, and nothing failed.
    bool refused = false;

    bool committed() const { return state == State::Committed; }
    // The entry that closes the action's trace in the SQL panel: how it ended, and why.
    TraceEntry traceEntry(quint64 actionId, const QString &action) const
    {
        TraceOutcome kind = TraceOutcome::Failed;
        switch (state) {
        case State::Committed:
            kind = TraceOutcome::Committed;
            break;
        case State::NotCommitted:
            kind = refused ? TraceOutcome::Refused : TraceOutcome::Failed;
            break;
        case State::Unknown:
            kind = TraceOutcome::Unknown;
            break;
        }
        return TraceEntry::outcomeEntry(actionId, action, kind,
                                        committed() || !error ? QString() : error->message);
    }
};
