#include "EditWorker.h"

#include <algorithm>
#include <thread>

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
        const auto until = std::chrono::steady_clock::now() + delay;
        while (!isStopping() && std::chrono::steady_clock::now() < until) {
            const auto left = until - std::chrono::steady_clock::now();
            std::this_thread::sleep_for(
                std::min<std::chrono::steady_clock::duration>(left, std::chrono::milliseconds(20)));
        }
    });
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
        EditReply reply;
        reply.actionId = shared->actionId;
        reply.action = shared->body.action;
        reply.outcome.state = Outcome::State::NotCommitted;
        reply.outcome.error = reason;
        reply.outcome.trace = m_earlierTraces.take(shared->actionId);
        reply.reruns = m_reruns.take(shared->actionId);
        Q_EMIT finished(reply);
    };
    enqueue(std::move(job));
}

JobStatus EditWorker::runRequest(EditRequest &request)
{
    RetryPolicy policy = request.policy;
    PgConnection *connection = this->connection();
    const bool cockroach = connection && connection->serverInfo().canInjectRetryErrors();
    if (m_injectRetryErrors && !cockroach)
        policy.injectRetryErrors = true;
    m_runner.setPolicy(policy);
    Outcome outcome = m_runner.run(request.body, request.actionId);

    const bool lostBeforeCommit = outcome.state == Outcome::State::NotCommitted &&
                                  !outcome.wasAmbiguous && outcome.error &&
                                  outcome.error->kind == ErrorClass::Connection;
    if (lostBeforeCommit && !isStopping()) {
        // Certainly not committed: keep it, run it again once the connection is back.
        m_earlierTraces[request.actionId].append(outcome.trace);
        ++m_reruns[request.actionId];
        return JobStatus::RunAgainAfterReconnect;
    }
    EditReply reply;
    reply.actionId = request.actionId;
    reply.action = request.body.action;
    reply.reruns = m_reruns.take(request.actionId);
    QList<TraceEntry> trace = m_earlierTraces.take(request.actionId);
    trace.append(outcome.trace);
    outcome.trace = trace;
    reply.outcome = std::move(outcome);
    Q_EMIT finished(reply);
    return JobStatus::Done;
}

void EditWorker::setInjectRetryErrors(bool enabled)
{
    m_injectRetryErrors = enabled;
    PgConnection *connection = this->connection();
    QString error;
    if (connection && !connection->isBroken()) {
        const Status applied = applyInjectSetting(*connection);
        if (!applied)
            error = applied.error().toString();
    }
    Q_EMIT injectRetryErrorsChanged(enabled, error);
}

Status EditWorker::prepareConnection(PgConnection &connection)
{
    // A new connection starts with the server's default (off).
    if (!m_injectRetryErrors)
        return Ok{};
    return applyInjectSetting(connection);
}

Status EditWorker::applyInjectSetting(PgConnection &connection)
{
    if (!connection.serverInfo().canInjectRetryErrors())
        return Ok{}; // PostgreSQL: the runner injects (RetryPolicy::injectRetryErrors)
    const QString sql = m_injectRetryErrors
                            ? TransactionRunner::injectRetryErrorsStatement()
                            : TransactionRunner::disableInjectRetryErrorsStatement();
    auto result = connection.exec(sql);
    if (!result)
        return result.error();
    return Ok{};
}
