#include "TutorialRunner.h"

#include "txn/TracedExec.h"
#include "txn/TransactionRunner.h"

#include <QDateTime>

#include <cmath>
#include <random>

using namespace std::chrono;

// Sends each statement on its own and traces it; remembers the first error.
class TutorialRunner::Session : public TransactionSession
{
public:
    Session(PgConnection &connection, Outcome &outcome, quint64 actionId, QString action,
            int attempt, QString retryCause)
        : m_connection(connection), m_outcome(outcome), m_actionId(actionId),
          m_action(std::move(action)), m_attempt(attempt), m_retryCause(std::move(retryCause))
    {}

    using TransactionSession::exec;
    Result<PgResult> exec(const QString &sql, const SqlParams &params = {}) override
    {
        if (firstError)
            return *firstError; // the transaction is aborted: the tutorials stop here too
        TraceEntry entry;
        entry.actionId = m_actionId;
        entry.action = m_action;
        entry.attempt = m_attempt;
        entry.retryCause = std::exchange(m_retryCause, QString());
        entry.sql = sql;
        entry.params = params;
        Result<PgResult> result = execTraced(m_connection, entry);
        ++m_outcome.roundTrips;
        if (!result)
            firstError = result.error();
        m_outcome.trace.append(entry);
        return result;
    }

    std::optional<DbError> firstError;

private:
    PgConnection &m_connection;
    Outcome &m_outcome;
    quint64 m_actionId;
    QString m_action;
    int m_attempt;
    QString m_retryCause;
};

TutorialRunner::TutorialRunner(std::unique_ptr<PgConnection> &connection, RetryPolicy policy,
                               Sleeper sleeper)
    : m_connection(connection), m_policy(policy), m_sleeper(std::move(sleeper))
{}

Outcome TutorialRunner::run(const TransactionBody &body, quint64 actionId)
{
    Outcome outcome;
    outcome.state = Outcome::State::NotCommitted;
    if (!m_connection || m_connection->isBroken()) {
        outcome.error = DbError::make(ErrorClass::Connection, tr("Not connected."));
        return outcome;
    }
    PgConnection &connection = *m_connection;
    const bool cockroach = connection.serverInfo().isCockroach();
    const auto deadline = steady_clock::now() + m_policy.deadline;
    std::mt19937_64 random(actionId);
    auto canceled = [&] { return m_canceledAction.load() == actionId; };
    auto lost = [&](const DbError &error, bool afterCommitSent) {
        outcome.error = error;
        outcome.state = afterCommitSent ? Outcome::State::Unknown : Outcome::State::NotCommitted;
        outcome.wasAmbiguous = afterCommitSent;
        return outcome;
    };

    QString retryCause;
    bool inTransaction = false; // BEGIN and SAVEPOINT done (CockroachDB retries from there)
    int sleeps = 0;
    for (int attempt = 1;; ++attempt) {
        outcome.attempts = attempt;
        Session session(connection, outcome, actionId, body.action, attempt, retryCause);
        if (!inTransaction) {
            (void)session.exec(QStringLiteral("BEGIN ISOLATION LEVEL SERIALIZABLE"));
            (void)session.exec(QStringLiteral("SAVEPOINT cockroach_restart"));
        }
        // The body's own error (a refusal), when it returns one without a server error.
        std::optional<DbError> bodyError;
        if (!session.firstError && !canceled()) {
            const Status status = body.interactive(session);
            if (!status)
                bodyError = status.error();
        }
        bool commitSent = false;
        if (!session.firstError && !bodyError && !canceled()) {
            commitSent = true;
            (void)session.exec(QStringLiteral("RELEASE SAVEPOINT cockroach_restart"));
            (void)session.exec(QStringLiteral("COMMIT"));
        }
        if (connection.isBroken())
            return lost(session.firstError.value_or(
                            DbError::make(ErrorClass::Connection, tr("The connection was lost."))),
                        commitSent);
        if (!session.firstError && !bodyError && commitSent) {
            outcome.state = Outcome::State::Committed;
            outcome.error.reset();
            return outcome;
        }
        const DbError error = session.firstError
                                  ? *session.firstError
                                  : bodyError.value_or(DbError::make(ErrorClass::Canceled,
                                                                     QStringLiteral("canceled")));
        const bool retryable = error.isRetryable() && !canceled();
        auto rollback = [&](const QString &sql) {
            Session end(connection, outcome, actionId, body.action, attempt, QString());
            (void)end.exec(sql);
            return !end.firstError;
        };
        if (!retryable || attempt >= m_policy.maxAttempts || steady_clock::now() >= deadline) {
            if (connection.inTransaction())
                rollback(QStringLiteral("ROLLBACK"));
            outcome.error = error;
            outcome.refused = !session.firstError && bodyError && !error.isRetryable();
            return outcome;
        }
        retryCause = error.toString();
        auto backoff = [&] {
            if (attempt == 1)
                return; // the first retry at once
            const microseconds ceiling = TransactionRunner::backoffCeiling(m_policy, sleeps++);
            const double uniform = std::uniform_real_distribution<double>(0.0, 1.0)(random);
            m_sleeper(microseconds(qint64(std::floor(uniform * double(ceiling.count())))));
        };
        if (cockroach && connection.inTransaction()) {
            // The samples' retry: (sleep,) back to the savepoint, the body again.
            backoff();
            inTransaction = rollback(QStringLiteral("ROLLBACK TO SAVEPOINT cockroach_restart"));
        } else {
            inTransaction = false;
        }
        if (!inTransaction) {
            if (connection.inTransaction())
                rollback(QStringLiteral("ROLLBACK"));
            if (!cockroach)
                backoff(); // no locks held while sleeping
        }
        if (canceled()) {
            outcome.error = DbError::make(ErrorClass::Canceled, QStringLiteral("canceled"));
            return outcome;
        }
    }
}
