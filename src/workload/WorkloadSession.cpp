#include "WorkloadSession.h"

#include "TutorialRunner.h"
#include "movr/Cities.h"
#include "txn/CommitResolver.h"

#include <QElapsedTimer>
#include <QRegularExpression>

using namespace std::chrono;
using namespace std::chrono_literals;

WorkloadSession::WorkloadSession(WorkloadRun &run, int index, quint64 seed)
    : m_run(run), m_index(index), m_chooser(run.config().mix, seed, Cities::names(),
                                            run.config().hotCity, run.config().hotFraction),
      m_entities(run.config().hotCity, run.config().hotVehicles), m_settings(run.config().settings)
{
    m_settings.setValue(QStringLiteral("application_name"), QString::fromLatin1(ApplicationName));
    if (m_run.tracing())
        m_entities.setTraceSink([this](const TraceEntry &entry) { m_run.trace({entry}); });
}

WorkloadSession::~WorkloadSession()
{
    join();
}

void WorkloadSession::start()
{
    m_thread = std::thread([this] { loop(); });
}

void WorkloadSession::join()
{
    if (m_thread.joinable())
        m_thread.join();
}

void WorkloadSession::interrupt()
{
    const quint64 action = m_currentAction.load();
    std::lock_guard lock(m_cancelMutex);
    if (m_runner && action != 0)
        m_runner->cancel(action);
    if (m_tutorialRunner && action != 0)
        m_tutorialRunner->cancel(action);
    if (m_cancel.isValid())
        (void)m_cancel.cancel();
}

QStringList WorkloadSession::retrySqlStates(const Outcome &outcome)
{
    static const QRegularExpression sqlState(QStringLiteral("SQLSTATE ([0-9A-Z]{5})"));
    QStringList states;
    for (int attempt = 2; attempt <= outcome.attempts; ++attempt) {
        QString state;
        for (const TraceEntry &entry : outcome.trace) {
            if (entry.attempt == attempt && !entry.retryCause.isEmpty()) {
                const QRegularExpressionMatch match = sqlState.match(entry.retryCause);
                if (match.hasMatch())
                    state = match.captured(1);
                break;
            }
        }
        if (state.isEmpty()) {
            // No cause on the retry's first statement: the failed statement of the attempt
            // before it, else a lost connection (08006, connection failure).
            for (const TraceEntry &entry : outcome.trace) {
                if (entry.attempt == attempt - 1 && entry.failed() && !entry.sqlState.isEmpty()) {
                    state = entry.sqlState;
                    break;
                }
            }
        }
        states.append(state.isEmpty() ? QStringLiteral("08006") : state);
    }
    return states;
}

OpResult WorkloadSession::resultOf(WorkloadOp op, const Outcome &outcome, qint64 latencyUs)
{
    OpResult result;
    result.op = op;
    result.latencyUs = latencyUs;
    result.attempts = qMax(1, outcome.attempts);
    result.retrySqlStates = retrySqlStates(outcome);
    result.ambiguous = outcome.wasAmbiguous || outcome.state == Outcome::State::Unknown;
    result.resolvedAs = outcome.state;
    if (outcome.committed()) {
        result.kind = OpResult::Kind::Ok;
    } else if (outcome.refused && outcome.state == Outcome::State::NotCommitted) {
        result.kind = OpResult::Kind::Refused;
    } else {
        result.kind = OpResult::Kind::Error;
    }
    if (!outcome.committed()) {
        result.error =
            outcome.error ? outcome.error->toString() : tr("The transaction did not commit.");
        if (outcome.state == Outcome::State::Unknown && !outcome.howToCheck.isEmpty())
            result.error = tr("%1 The commit could not be decided; check with: %2")
                               .arg(result.error, outcome.howToCheck.simplified());
    }
    return result;
}

OpResult WorkloadSession::failure(WorkloadOp op, const QString &error) const
{
    OpResult result;
    result.op = op;
    result.kind = OpResult::Kind::Error;
    result.error = error;
    return result;
}

OpResult WorkloadSession::refusal(WorkloadOp op, const QString &reason) const
{
    OpResult result;
    result.op = op;
    result.kind = OpResult::Kind::Refused;
    result.error = reason;
    return result;
}

bool WorkloadSession::ensureConnected()
{
    if (m_connection && !m_connection->isBroken())
        return true;
    Result<std::unique_ptr<PgConnection>> opened = PgConnection::open(m_settings);
    if (!opened) {
        ++m_reconnects;
        record(failure(WorkloadOp::ReadVehicles, tr("Session %1 could not connect: %2")
                                                     .arg(m_index + 1)
                                                     .arg(opened.error().toString())));
        // Backoff: 100 ms doubling to 2 s; a stop ends the wait.
        const milliseconds delay = qMin(milliseconds(2000), 100ms * (1 << qMin(m_reconnects, 5)));
        m_run.sleep(delay);
        return false;
    }
    m_reconnects = 0;
    std::lock_guard lock(m_cancelMutex);
    m_connection = std::move(opened.value());
    m_cancel = m_connection->cancelHandle();
    if (!m_runner) {
        m_runner = std::make_unique<TransactionRunner>(m_connection, m_run.config().retryPolicy);
        m_runner->setSettings(m_settings);
        m_tutorialRunner = std::make_unique<TutorialRunner>(
            m_connection, m_run.config().retryPolicy,
            [this](microseconds delay) { m_run.sleep(ceil<milliseconds>(delay)); });
    }
    return true;
}

void WorkloadSession::record(const OpResult &result)
{
    m_run.stats().record(result);
    if (result.kind == OpResult::Kind::Error && !m_run.config().tolerateErrors &&
        !m_run.stopping()) {
        m_run.fail(tr("The workload stopped at an unexpected error in %1: %2")
                       .arg(workloadOpName(result.op), result.error));
    }
}

void WorkloadSession::loop()
{
    while (m_run.takeCall()) {
        if (!m_run.limiter().acquire(m_run.endsAt()))
            continue; // stopped, or the end time came first (takeCall() then ends the loop)
        const OpChooser::Call call = m_chooser.next();
        if (!ensureConnected())
            continue;
        for (WorkloadOp op : call.ops) {
            if (m_run.stopping())
                break;
            const OpResult result = runOp(op, call.city);
            // A statement cancelled because the run stops is not an error of the workload.
            if (m_run.stopping() && result.kind == OpResult::Kind::Error)
                break;
            record(result);
            if (result.kind == OpResult::Kind::Error)
                break; // the write after a failed location update is not run
        }
    }
    finish();
}

void WorkloadSession::finish()
{
    std::lock_guard lock(m_cancelMutex);
    if (m_connection && !m_connection->isBroken() && m_connection->inTransaction())
        (void)m_connection->exec(QStringLiteral("ROLLBACK"));
    m_cancel = CancelHandle();
    m_runner.reset();
    m_tutorialRunner.reset();
    m_connection.reset(); // the server session ends with it
    m_run.sessionEnded();
}

OpResult WorkloadSession::runBody(WorkloadOp op, const Result<TransactionBody> &body,
                                  const QString &city, Outcome *outcomeOut)
{
    Q_UNUSED(city);
    if (!body)
        return failure(op, body.error().toString());
    const TransactionBody &effective = *body;
    const quint64 action = TransactionRunner::nextActionId();
    m_currentAction.store(action);
    if (m_run.stopping()) {
        m_currentAction.store(0);
        return failure(op, tr("The workload is stopping."));
    }
    QElapsedTimer timer;
    timer.start();
    PgConnection *before = m_connection.get();
    const int pidBefore = before ? before->serverInfo().backendPid : 0;
    const bool postgres = before && !before->serverInfo().isCockroach();
    Outcome outcome =
        tutorialWay() ? m_tutorialRunner->run(effective, action) : m_runner->run(effective, action);
    m_currentAction.store(0);
    if (m_connection.get() != before) {
        // The runner reconnected (an ambiguous commit, a connection lost before the commit).
        std::lock_guard lock(m_cancelMutex);
        m_cancel = m_connection ? m_connection->cancelHandle() : CancelHandle();
    }
    if (outcome.state == Outcome::State::Unknown && !effective.verify.sql.isEmpty() &&
        (!m_connection || m_connection->isBroken())) {
        // The runner could not reconnect to look the commit up (the server is down): look it
        // up once it is back. The backend that received the COMMIT is the broken connection's.
        const int pid = m_connection ? m_connection->serverInfo().backendPid : pidBefore;
        resolveAfterReconnect(op, outcome, effective.verify, postgres ? pid : 0);
    }
    const qint64 latencyUs = timer.nsecsElapsed() / 1000;
    if (m_run.tracing()) {
        QList<TraceEntry> entries = outcome.trace;
        entries.append(outcome.traceEntry(action, effective.action));
        for (TraceEntry &entry : entries)
            entry.source = TraceSource::Workload;
        m_run.trace(entries);
    }
    OpResult result = resultOf(op, outcome, latencyUs);
    if (outcomeOut)
        *outcomeOut = std::move(outcome);
    return result;
}

void WorkloadSession::resolveAfterReconnect(WorkloadOp op, Outcome &outcome,
                                            const Statement &verify, int oldBackendPid)
{
    int failures = 0;
    while (!m_run.stopping()) {
        if (!m_connection || m_connection->isBroken()) {
            Result<std::unique_ptr<PgConnection>> opened = PgConnection::open(m_settings);
            if (!opened) {
                // Counted like any failed reconnection, so that an outage shows while it lasts.
                record(failure(op, tr("Session %1 could not connect: %2")
                                       .arg(m_index + 1)
                                       .arg(opened.error().toString())));
                ++failures;
                m_run.sleep(qMin(milliseconds(2000), 100ms * (1 << qMin(failures, 5))));
                continue;
            }
            std::lock_guard lock(m_cancelMutex);
            m_connection = std::move(opened.value());
            m_cancel = m_connection->cancelHandle();
        }
        PgConnection *connection = m_connection.get();
        // The same look-up as the runner's (and the edit worker's after its own reconnect).
        CommitResolver resolver(
            [connection](const TxnStatement &statement) -> Result<PgResult> {
                Result<PgResult> result = connection->exec(statement.sql, statement.params);
                if (!result && connection->isBroken()) {
                    DbError error = result.error();
                    error.kind = ErrorClass::Connection;
                    return error;
                }
                return result;
            },
            [] { return steady_clock::now(); },
            [this](microseconds delay) { m_run.sleep(ceil<milliseconds>(delay)); });
        resolver.setStopCondition([this] { return m_run.stopping(); });
        const CommitResolver::Verdict verdict = resolver.resolve(verify, oldBackendPid);
        using State = CommitResolver::Verdict::State;
        switch (verdict.state) {
        case State::ConnectionLost:
            continue; // lost again: reconnect and look again
        case State::Committed:
            outcome.state = Outcome::State::Committed;
            outcome.error.reset();
            outcome.howToCheck.clear();
            return;
        case State::NotCommitted:
            outcome.state = Outcome::State::NotCommitted;
            outcome.howToCheck.clear();
            return;
        case State::Unknown:
            if (outcome.error)
                outcome.error->message += QStringLiteral("; ") + verdict.why;
            return;
        }
    }
}

OpResult WorkloadSession::runOp(WorkloadOp op, const QString &city)
{
    switch (op) {
    case WorkloadOp::ReadVehicles:
        return readVehicles(city);
    case WorkloadOp::UpdateActiveRides:
        return updateActiveRides();
    case WorkloadOp::StartRide:
        return startRide(city);
    case WorkloadOp::EndRide:
        return endRide(city);
    case WorkloadOp::AddUser:
        return addUser(city);
    case WorkloadOp::AddVehicle:
        return addVehicle(city);
    case WorkloadOp::ApplyPromoCode:
        return applyPromoCode(city);
    case WorkloadOp::CreatePromoCode:
        return createPromoCode();
    }
    return failure(op, tr("Unknown workload operation."));
}
