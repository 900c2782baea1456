#include "EditWorker.h"

#include "txn/CommitResolver.h"
#include "txn/InterruptibleSleep.h"
#include "txn/TracedExec.h"
#include "txn/TxnStatements.h"

#include <QDateTime>
#include <QElapsedTimer>

EditWorker::EditWorker(ConnectionSettings settings, QObject *parent)
    : WorkerBase(settings, parent), m_runner(connectionHolder())
{
    registerMetaTypes();
    m_runner.setSettings(settings);
    // Once shutdown has begun, the runner neither reconnects (to resolve an ambiguous commit:
    // the outcome is then Unknown, with how to check) nor sleeps between retries, so the
    // worker thread ends within shutdown()'s bound.
    m_runner.setConnector(
        [this](const ConnectionSettings &target) -> Result<std::unique_ptr<PgConnection>> {
            if (isStopping())
                return DbError::make(ErrorClass::Canceled, tr("the worker is shutting down"));
            auto opened = PgConnection::open(target);
            if (opened)
                noteReplacementConnection(**opened);
            return opened;
        });
    m_runner.setSleeper([this](std::chrono::microseconds delay) {
        sleepInterruptibly(delay, [this] { return isStopping(); });
    });
}

void EditWorker::setClock(TransactionRunner::Clock clock)
{
    m_runner.setClock(std::move(clock));
}

void EditWorker::setSleeper(TransactionRunner::Sleeper sleeper)
{
    m_runner.setSleeper(std::move(sleeper));
}

void EditWorker::registerMetaTypes()
{
    WorkerBase::registerMetaTypes();
    qRegisterMetaType<EditRequest>();
    qRegisterMetaType<EditReply>();
}

void EditWorker::submit(const EditRequest &request)
{
    auto shared = std::make_shared<EditRequest>(request);
    if (!shared->actionId)
        shared->actionId = TransactionRunner::nextActionId();
    WorkerJob job;
    job.generation = shared->actionId;
    job.run = [this, shared](PgConnection &) { return runRequest(*shared); };
    job.abandon = [this, shared](const DbError &reason) {
        if (auto unresolved = m_unresolved.find(shared->actionId);
            unresolved != m_unresolved.end()) {
            // Never looked up: still unknown, whatever stopped the look-up.
            Outcome outcome = unresolved->outcome;
            m_unresolved.erase(unresolved);
            if (outcome.error)
                outcome.error->message += QStringLiteral("; ") + reason.message;
            reply(*shared, outcome);
            return;
        }
        Outcome outcome;
        outcome.state = Outcome::State::NotCommitted;
        outcome.error = reason;
        reply(*shared, outcome);
    };
    enqueue(std::move(job));
}

void EditWorker::reply(const EditRequest &request, Outcome outcome, EditPayload payload)
{
    EditReply reply;
    if (outcome.committed())
        reply.payload = std::move(payload);
    reply.actionId = request.actionId;
    reply.action = request.body.action;
    reply.reruns = m_reruns.take(request.actionId);
    QList<TraceEntry> trace = m_earlierTraces.take(request.actionId);
    trace.append(outcome.trace);
    TraceEntry closing = outcome.traceEntry(request.actionId, request.body.action);
    if (trace.isEmpty() && outcome.state == Outcome::State::NotCommitted)
        closing.outcome = TraceOutcome::NotSent; // not one statement reached the server
    trace.append(closing);
    outcome.trace = trace;
    // Raw results stay on this thread: bodies read them here (check, interactive code), and
    // the GUI thread gets value types only, so that no libpq call (not even PQclear) runs
    // there.
    outcome.results.clear();
    reply.outcome = std::move(outcome);
    Q_EMIT finished(reply);
}

JobStatus EditWorker::runRequest(EditRequest &request)
{
    if (auto unresolved = m_unresolved.find(request.actionId); unresolved != m_unresolved.end())
        return resolve(request, *unresolved);

    RetryPolicy policy = request.policy;
    PgConnection *connection = this->connection();
    const bool cockroach = connection && connection->serverInfo().isCockroach();
    const int backendPid = connection ? connection->serverInfo().backendPid : 0;
    // PostgreSQL: the runner injects. CockroachDB: the session injects (SET on this
    // connection), and the runner restarts from the savepoint while it does.
    policy.injectRetryErrors = policy.injectRetryErrors || m_injectRetryErrors;
    policy.injectRetryErrorsOnCommit =
        policy.injectRetryErrorsOnCommit || m_injectRetryErrorsOnCommit;
    m_runner.setPolicy(policy);
    // A read's value is kept here, on this thread, and handed over in the reply.
    EditPayload payload;
    TransactionBody body = request.body;
    if (request.read) {
        body.interactive = [&payload, read = request.read](TransactionSession &session) {
            payload = {}; // each attempt starts afresh
            return read(session, payload);
        };
    }
    Outcome outcome = m_runner.run(body, request.actionId);

    const bool lostBeforeCommit = outcome.state == Outcome::State::NotCommitted &&
                                  !outcome.wasAmbiguous && outcome.error &&
                                  outcome.error->kind == ErrorClass::Connection;
    if (lostBeforeCommit && !isStopping()) {
        // Certainly not committed: keep it, run it again once the connection is back.
        m_earlierTraces[request.actionId].append(outcome.trace);
        ++m_reruns[request.actionId];
        return JobStatus::RunAgainAfterReconnect;
    }
    const bool disconnected = !this->connection() || this->connection()->isBroken();
    if (outcome.state == Outcome::State::Unknown && disconnected && !cockroach &&
        !request.body.verify.sql.isEmpty() && !isStopping()) {
        // The runner could not reconnect to look it up: look it up after the reconnect.
        m_earlierTraces[request.actionId].append(outcome.trace);
        outcome.trace.clear();
        m_unresolved.insert(request.actionId, Unresolved{outcome, backendPid});
        return JobStatus::RunAgainAfterReconnect;
    }
    reply(request, std::move(outcome), std::move(payload));
    return JobStatus::Done;
}

JobStatus EditWorker::resolve(EditRequest &request, Unresolved &unresolved)
{
    PgConnection *connection = this->connection();
    Outcome outcome = unresolved.outcome;
    QList<TraceEntry> trace;
    // Runs one look-up statement, traced like the runner's.
    auto exec = [&](const QString &sql, const SqlParams &params) {
        TraceEntry entry;
        entry.actionId = request.actionId;
        entry.action = request.body.action;
        entry.attempt = outcome.attempts;
        entry.sql = sql;
        entry.params = params;
        auto result = execTraced(*connection, entry);
        trace.append(entry);
        return result;
    };
    auto keepWaiting = [&] {
        m_earlierTraces[request.actionId].append(trace);
        return JobStatus::RunAgainAfterReconnect;
    };

    // The same look-up as the runner's, on the runner's clock and sleeper.
    CommitResolver resolver(
        [&](const TxnStatement &statement) -> Result<PgResult> {
            auto result = exec(statement.sql, statement.params);
            if (!result && connection->isBroken()) {
                DbError error = result.error();
                error.kind = ErrorClass::Connection;
                return error;
            }
            return result;
        },
        m_runner.clock(), m_runner.sleeper());
    resolver.setStopCondition([this] { return isStopping(); });
    const CommitResolver::Verdict verdict =
        resolver.resolve(request.body.verify, unresolved.oldBackendPid);
    using State = CommitResolver::Verdict::State;
    if (verdict.state == State::ConnectionLost)
        return keepWaiting();
    m_unresolved.remove(request.actionId);
    switch (verdict.state) {
    case State::Committed:
        outcome.state = Outcome::State::Committed;
        outcome.error.reset();
        outcome.howToCheck.clear();
        break;
    case State::NotCommitted:
        outcome.state = Outcome::State::NotCommitted;
        outcome.howToCheck.clear();
        break;
    case State::Unknown:
    case State::ConnectionLost:
        if (outcome.error)
            outcome.error->message += QStringLiteral("; ") + verdict.why;
        break;
    }
    outcome.trace = trace;
    reply(request, std::move(outcome));
    return JobStatus::Done;
}

void EditWorker::setInjectRetryErrors(bool enabled)
{
    m_injectRetryErrors = enabled;
    PgConnection *connection = this->connection();
    QString error;
    if (connection && !connection->isBroken()) {
        const Status applied = applyInjectSetting(*connection, false);
        if (!applied)
            error = applied.error().toString();
    }
    Q_EMIT injectRetryErrorsChanged(enabled, error);
}

void EditWorker::setInjectRetryErrorsOnCommit(bool enabled)
{
    m_injectRetryErrorsOnCommit = enabled;
    PgConnection *connection = this->connection();
    QString error;
    if (connection && !connection->isBroken()) {
        const Status applied = applyInjectSetting(*connection, true);
        if (!applied)
            error = applied.error().toString();
    }
    Q_EMIT injectRetryErrorsOnCommitChanged(enabled, error);
}

Status EditWorker::prepareConnection(PgConnection &connection)
{
    // A new connection starts with the server's defaults (off).
    if (m_injectRetryErrors) {
        if (const Status applied = applyInjectSetting(connection, false); !applied)
            return applied;
    }
    if (m_injectRetryErrorsOnCommit)
        return applyInjectSetting(connection, true);
    return Ok{};
}

Status EditWorker::applyInjectSetting(PgConnection &connection, bool onCommit)
{
    if (!connection.serverInfo().canInjectRetryErrors())
        return Ok{}; // PostgreSQL: the runner injects (RetryPolicy)
    TraceEntry entry;
    entry.actionId = TransactionRunner::nextActionId();
    entry.action = tr("Retry error injection (QA)");
    entry.sql = onCommit ? TxnStatements::setInjectRetryErrorsOnCommit(m_injectRetryErrorsOnCommit)
                         : TxnStatements::setInjectRetryErrors(m_injectRetryErrors);
    entry.startedAt = QDateTime::currentDateTimeUtc();
    QElapsedTimer timer;
    timer.start();
    auto result = connection.exec(entry.sql);
    entry.durationUs = timer.nsecsElapsed() / 1000;
    if (!result) {
        entry.sqlState = result.error().sqlState;
        entry.error = result.error().message;
    }
    Q_EMIT statementTraced(entry);
    if (!result)
        return result.error();
    return Ok{};
}
