#include "TransactionRunner.h"

#include "BatchTrace.h"
#include "InterruptibleSleep.h"
#include "RestartStrategy.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <cmath>
#include <random>

using namespace std::chrono;

namespace {

QString describe(const DbError &error)
{
    return error.toString();
}

bool transactionOpen(const PgConnection *connection)
{
    return connection && !connection->isBroken() && connection->inTransaction();
}

} // namespace

// An interactive body's view of the transaction: each exec() is one pipeline (the first
// also carries BEGIN / the restart statements), traced by the runner.
class TransactionRunner::Session : public TransactionSession
{
public:
    Session(TransactionRunner &runner, QList<Item> pending, bool inject)
        : m_runner(runner), m_pending(std::move(pending)), m_inject(inject)
    {}

    using TransactionSession::exec;
    Result<PgResult> exec(const QString &sql, const SqlParams &params) override
    {
        if (m_lost)
            return *m_lostError;
        QList<Item> items = m_pending;
        m_pending.clear();
        const qsizetype bodyIndex = items.size();
        items.append(Item{sql, params, Kind::Body});
        if (m_inject && m_execs == 0)
            items.append(Item{injectedErrorStatement(), {}, Kind::Injected});
        ++m_execs;
        const Batch batch = m_runner.send(items);
        for (qsizetype i = 0; i < batch.items.size(); ++i) {
            if (batch.items.at(i).state == ItemResult::State::Failed) {
                const DbError &error = batch.items.at(i).error;
                if (!m_firstError)
                    m_firstError = error;
                return error;
            }
        }
        if (batch.connectionLost) {
            m_lost = true;
            m_lostError = batch.lostError;
            return *m_lostError;
        }
        const PgResult result = batch.items.at(bodyIndex).result;
        m_results.append(result);
        return result;
    }

    TransactionRunner &m_runner;
    QList<Item> m_pending; // start statements not sent yet
    bool m_inject = false;
    int m_execs = 0;
    bool m_lost = false;
    std::optional<DbError> m_lostError;
    std::optional<DbError> m_firstError;
    QList<PgResult> m_results;
};

TransactionRunner::TransactionRunner(std::unique_ptr<PgConnection> &connection, RetryPolicy policy)
    : m_connection(connection), m_policy(policy)
{
    if (m_connection)
        m_settings = m_connection->settings();
}

ServerFlavor TransactionRunner::protocolFlavor() const
{
    if (m_flavorOverride)
        return *m_flavorOverride;
    return m_connection ? m_connection->serverInfo().flavor : ServerFlavor::PostgreSQL;
}

microseconds TransactionRunner::backoffCeiling(const RetryPolicy &policy, int k)
{
    const double base = double(duration_cast<microseconds>(policy.backoffBase).count());
    const double cap = double(duration_cast<microseconds>(policy.backoffCap).count());
    const double ceiling = std::min(cap, base * std::ldexp(1.0, std::clamp(k, 0, 60)));
    return microseconds(qint64(std::max(0.0, ceiling)));
}

QString TransactionRunner::injectRetryErrorsStatement()
{
    return TxnStatements::setInjectRetryErrors(true);
}

QString TransactionRunner::disableInjectRetryErrorsStatement()
{
    return TxnStatements::setInjectRetryErrors(false);
}

QString TransactionRunner::injectedErrorStatement()
{
    return TxnStatements::injectedError();
}

quint64 TransactionRunner::nextActionId()
{
    static QAtomicInteger<quint64> counter(0);
    return counter.fetchAndAddOrdered(1) + 1;
}

steady_clock::time_point TransactionRunner::now() const
{
    return m_clock ? m_clock() : steady_clock::now();
}

bool TransactionRunner::connectionUsable() const
{
    return m_connection && !m_connection->isBroken();
}

bool TransactionRunner::ensureConnection(std::optional<DbError> &error)
{
    if (connectionUsable()) {
        m_settings = m_connection->settings();
        if (!PgPipeline::leaveLeftoverPipeline(*m_connection))
            m_connection.reset();
        if (m_connection)
            return true;
    }
    if (m_connection)
        m_settings = m_connection->settings();
    if (!m_settings) {
        error = DbError::make(ErrorClass::Connection,
                              QCoreApplication::translate("TransactionRunner", "not connected"));
        return false;
    }
    auto opened = m_connector ? m_connector(*m_settings) : PgConnection::open(*m_settings);
    if (!opened) {
        error = opened.error();
        return false;
    }
    m_connection = std::move(opened).value();
    return true;
}

void TransactionRunner::rollbackIfNeeded()
{
    if (transactionOpen(m_connection.get()))
        send({Item{QStringLiteral("ROLLBACK"), {}, Kind::Rollback}});
}

TransactionRunner::Batch TransactionRunner::send(const QList<Item> &items)
{
    if (items.isEmpty())
        return {};
    Outcome &outcome = *m_outcome;
    const QDateTime startedAt = QDateTime::currentDateTimeUtc();
    QElapsedTimer timer;
    timer.start();
    QList<PgPipeline::Query> queries;
    queries.reserve(items.size());
    for (const Item &item : items)
        queries.append({item.sql, item.params});
    const Batch batch = PgPipeline::run(m_connection.get(), queries, m_statementDeadline,
                                        [this] { return canceled(); });
    if (batch.leftUnusable)
        m_connection.reset(); // unusable state: the next run reconnects
    if (batch.queued > 0)
        ++outcome.roundTrips;
    BatchTrace::Context context;
    context.actionId = m_actionId;
    context.action = m_action;
    context.attempt = m_attempt;
    context.retryCause = m_pendingRetryCause;
    context.startedAt = startedAt;
    context.elapsedUs = timer.nsecsElapsed() / 1000;
    const QList<TraceEntry> traced = BatchTrace::entries(items, batch, context);
    if (!traced.isEmpty())
        m_pendingRetryCause.clear();
    outcome.trace.append(traced);
    return batch;
}

QList<TransactionRunner::Item> TransactionRunner::startItems(Start start) const
{
    return TxnStatements::start(protocolFlavor(), start);
}

QList<TransactionRunner::Item> TransactionRunner::commitItems() const
{
    return TxnStatements::commit(protocolFlavor());
}

QList<Statement> TransactionRunner::plannedStatements(const TransactionBody &body,
                                                      ServerFlavor flavor,
                                                      const RetryPolicy &policy)
{
    return TxnStatements::planned(body, flavor, policy);
}

TransactionRunner::AttemptResult TransactionRunner::evaluateCommit(const QList<Item> &items,
                                                                   const Batch &batch) const
{
    AttemptResult result;
    // Once this statement is on the wire the transaction may have committed...
    const Kind mayCommitKind = cockroach() ? Kind::Release : Kind::Commit;
    // ...and once this one succeeded it has. RELEASE commits only on a real CockroachDB (the
    // tests run the CockroachDB protocol against PostgreSQL, where COMMIT does).
    const bool releaseCommits =
        cockroach() && m_connection && m_connection->serverInfo().isCockroach();
    const Kind commitKind = releaseCommits ? Kind::Release : Kind::Commit;
    qsizetype mayCommitIndex = -1;
    qsizetype commitIndex = -1;
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (mayCommitIndex < 0 && items.at(i).kind == mayCommitKind)
            mayCommitIndex = i;
        if (commitIndex < 0 && items.at(i).kind == commitKind)
            commitIndex = i;
    }
    const bool committed =
        commitIndex >= 0 && batch.items.at(commitIndex).state == ItemResult::State::Ok;
    auto bodyResults = [&] {
        QList<PgResult> results;
        for (qsizetype i = 0; i < items.size(); ++i) {
            if (items.at(i).kind == Kind::Body)
                results.append(batch.items.at(i).result);
        }
        return results;
    };

    for (qsizetype i = 0; i < batch.items.size(); ++i) {
        if (batch.items.at(i).state != ItemResult::State::Failed)
            continue;
        const DbError &error = batch.items.at(i).error;
        result.error = error;
        if (error.kind == ErrorClass::Ambiguous) {
            result.verdict = Verdict::Ambiguous; // look it up even after RELEASE succeeded
        } else if (committed && i > commitIndex) {
            // RELEASE succeeded: the transaction committed whatever COMMIT says.
            result.verdict = Verdict::Committed;
            result.error.reset();
            result.results = bodyResults();
        } else if (error.kind == ErrorClass::Retryable) {
            result.verdict = Verdict::Retry;
        } else {
            result.verdict = Verdict::Failed;
        }
        return result;
    }
    if (committed) {
        result.verdict = Verdict::Committed;
        result.results = bodyResults();
        return result;
    }
    if (!batch.connectionLost) {
        result.verdict = Verdict::Failed;
        result.error = DbError::make(
            ErrorClass::Other,
            QCoreApplication::translate("TransactionRunner", "the transaction did not commit"));
        return result;
    }
    DbError error = batch.lostError.value_or(
        DbError::make(ErrorClass::Connection,
                      QCoreApplication::translate("TransactionRunner", "connection lost")));
    if (mayCommitIndex >= 0 && batch.queued > mayCommitIndex) {
        error.kind = ErrorClass::Ambiguous;
        result.verdict = Verdict::Ambiguous;
    } else {
        result.verdict = Verdict::LostBeforeCommit;
    }
    result.error = error;
    return result;
}

TransactionRunner::AttemptResult TransactionRunner::runPipelined(const TransactionBody &body,
                                                                 Start start)
{
    QList<Item> items = startItems(start);
    const bool inject = m_policy.injectRetryErrors && m_attempt == 1 && !cockroach();
    for (qsizetype i = 0; i < body.statements.size(); ++i) {
        items.append({body.statements.at(i).sql, body.statements.at(i).params, Kind::Body});
        if (i == 0 && inject)
            items.append({injectedErrorStatement(), {}, Kind::Injected});
    }
    if (injectAtCommit())
        items.append({injectedErrorStatement(), {}, Kind::Injected});
    items.append(commitItems());
    const Batch batch = send(items);
    return evaluateCommit(items, batch);
}

TransactionRunner::AttemptResult TransactionRunner::runInteractive(const TransactionBody &body,
                                                                   Start start)
{
    const bool inject = m_policy.injectRetryErrors && m_attempt == 1 && !cockroach();
    Session session(*this, startItems(start), inject);
    const Status status = body.interactive(session);
    AttemptResult result;
    if (session.m_lost) {
        result.verdict = Verdict::LostBeforeCommit;
        result.error = session.m_lostError;
        return result;
    }
    if (session.m_firstError) {
        // The transaction is aborted whatever the body returned.
        if (session.m_firstError->kind == ErrorClass::Retryable) {
            result.verdict = Verdict::Retry;
            result.error = session.m_firstError;
        } else {
            result.verdict = Verdict::Failed;
            result.error = status ? *session.m_firstError : status.error();
        }
        return result;
    }
    if (!status) {
        result.verdict =
            status.error().kind == ErrorClass::Retryable ? Verdict::Retry : Verdict::Failed;
        result.refused = result.verdict == Verdict::Failed;
        result.error = status.error();
        return result;
    }
    QList<Item> items = session.m_pending;
    if (injectAtCommit())
        items.append({injectedErrorStatement(), {}, Kind::Injected});
    items.append(commitItems());
    const Batch batch = send(items);
    result = evaluateCommit(items, batch);
    if (result.verdict == Verdict::Committed)
        result.results = session.m_results;
    return result;
}

void TransactionRunner::sleep(microseconds delay)
{
    if (m_sleeper)
        m_sleeper(delay);
    else
        sleepInterruptibly(delay, [this] { return canceled(); });
}

Outcome TransactionRunner::run(const TransactionBody &body, quint64 actionId)
{
    Outcome outcome;
    m_outcome = &outcome;
    m_actionId = actionId ? actionId : nextActionId();
    m_action = body.action;
    m_attempt = 1;
    m_pendingRetryCause.clear();
    struct Reset
    {
        TransactionRunner *runner;
        ~Reset() { runner->m_outcome = nullptr; }
    } reset{this};

    if (!body.interactive && body.statements.isEmpty()) {
        outcome.error = DbError::make(
            ErrorClass::InvalidInput,
            QCoreApplication::translate("TransactionRunner", "the transaction is empty"));
        return outcome;
    }
    const auto started = now();
    const auto deadline = started + m_policy.deadline;
    m_statementDeadline = steady_clock::now() + m_policy.deadline;
    const bool serverInjects = RestartStrategy::serverInjects(protocolFlavor(), m_policy);
    const int maxAttempts =
        RestartStrategy::attemptCap(m_policy.maxAttempts, protocolFlavor(), serverInjects);
    auto canceledError = [] {
        return DbError::make(ErrorClass::Canceled, QStringLiteral("canceled"));
    };
    auto random = [this] {
        if (m_random)
            return std::clamp(m_random(), 0.0, 1.0);
        thread_local std::mt19937_64 engine{std::random_device{}()};
        return std::uniform_real_distribution<double>(0.0, 1.0)(engine);
    };

    if (connectionUsable())
        rollbackIfNeeded(); // a transaction left open by someone else
    Start start = Start::Fresh;
    int sleeps = 0;
    std::optional<DbError> lastError;
    QString gaveUp;
    for (m_attempt = 1; m_attempt <= maxAttempts; ++m_attempt) {
        if (canceled()) {
            rollbackIfNeeded();
            outcome.state = Outcome::State::NotCommitted;
            outcome.error = canceledError();
            return outcome;
        }
        outcome.attempts = m_attempt;
        AttemptResult attempt;
        std::optional<DbError> connectError;
        const bool hadConnection = connectionUsable();
        if (!ensureConnection(connectError)) {
            if (!m_settings) {
                // Nothing to connect with: no point in retrying.
                outcome.state = Outcome::State::NotCommitted;
                outcome.error = connectError;
                return outcome;
            }
            attempt.verdict = Verdict::LostBeforeCommit;
            attempt.error = connectError;
        } else {
            if (!hadConnection)
                start = Start::Fresh;
            attempt = body.interactive ? runInteractive(body, start) : runPipelined(body, start);
        }
        switch (attempt.verdict) {
        case Verdict::Committed:
            // CockroachDB: a COMMIT that failed after RELEASE committed leaves the session in
            // its transaction block (CommitWait); ROLLBACK ends it there.
            rollbackIfNeeded();
            outcome.state = Outcome::State::Committed;
            outcome.results = attempt.results;
            if (!body.interactive && body.check) {
                const Status checked = body.check(outcome.results);
                if (!checked) {
                    outcome.state = Outcome::State::NotCommitted;
                    outcome.refused = true;
                    outcome.error = checked.error();
                }
            }
            return outcome;
        case Verdict::Failed:
            rollbackIfNeeded();
            outcome.state = Outcome::State::NotCommitted;
            outcome.refused = attempt.refused;
            outcome.error = attempt.error;
            return outcome;
        case Verdict::Ambiguous:
            resolveAmbiguous(
                body,
                attempt.error.value_or(DbError::make(
                    ErrorClass::Ambiguous,
                    QCoreApplication::translate("TransactionRunner", "ambiguous commit"))),
                outcome);
            return outcome;
        case Verdict::Retry:
        case Verdict::LostBeforeCommit:
            break;
        }
        lastError = attempt.error.value_or(
            DbError::make(ErrorClass::Connection,
                          QCoreApplication::translate("TransactionRunner", "connection lost")));
        if (m_attempt == maxAttempts) {
            gaveUp = QCoreApplication::translate("TransactionRunner", "gave up after %1 attempts")
                         .arg(maxAttempts);
            break;
        }
        const RestartStrategy::Decision next = RestartStrategy::afterFailure(
            {protocolFlavor(), m_attempt, transactionOpen(m_connection.get()), serverInjects});
        if (!next.rollbackAndSleep) {
            // At once: from the restart savepoint when there is one.
            if (now() >= deadline) {
                gaveUp = QCoreApplication::translate("TransactionRunner",
                                                     "deadline passed after %1 attempts")
                             .arg(m_attempt);
                break;
            }
        } else {
            rollbackIfNeeded(); // no locks held while sleeping
            const microseconds ceiling = backoffCeiling(m_policy, sleeps++);
            const microseconds delay(qint64(std::floor(random() * double(ceiling.count()))));
            if (now() + delay >= deadline) {
                gaveUp = QCoreApplication::translate("TransactionRunner",
                                                     "deadline passed after %1 attempts")
                             .arg(m_attempt);
                break;
            }
            sleep(delay);
        }
        start = next.start;
        m_pendingRetryCause = describe(*lastError);
    }
    m_pendingRetryCause.clear();
    rollbackIfNeeded();
    outcome.state = Outcome::State::NotCommitted;
    DbError error = lastError.value_or(DbError::make(ErrorClass::Other, gaveUp));
    if (!gaveUp.isEmpty())
        error.message = QStringLiteral("%1 (%2)").arg(error.message, gaveUp);
    outcome.error = error;
    return outcome;
}
