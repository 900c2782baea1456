#include "LiveWorker.h"

#include "LiveWorkerPrivate.h"

#include "movr/MovrSchemaShape.h"
#include "txn/TracedExec.h"
#include "txn/TransactionRunner.h"

#include <QElapsedTimer>
#include <QMetaObject>
#include <QMutexLocker>
#include <QThread>
#include <QTimer>

#include <algorithm>

// Design: the stream is one long job on the worker's thread (WorkerBase), which opens the
// stream on a connection of its own (PgStream) and loops on poll() of its socket in slices of
// at most 100 ms, asking shouldEnd() (stop or pause) between them: stopping never waits on
// the network and ends the stream within a slice. The worker's own connection (the
// "control" connection WorkerBase opens) detects the server and sets up what the stream needs
// (the publication); a lost control connection is reconnected by WorkerBase. When the stream
// ends (lost, paused, refused) the job returns: a retry is a new job after a backoff timer,
// a fall back to polling ends the worker's work until a resume.

namespace {

constexpr int InitialRetryMs = 250;
constexpr int MaxRetryMs = 5000;

} // namespace

namespace {

// Every connection of the live worker (its control connection, the stream's own) carries the
// live application name.
ConnectionSettings withLiveName(ConnectionSettings settings)
{
    settings.setValue(QStringLiteral("application_name"), LiveWorker::applicationName());
    return settings;
}

} // namespace

QString LiveWorker::applicationName()
{
    return QStringLiteral("movr-admin live");
}

LiveWorker::LiveWorker(ConnectionSettings settings, LiveOptions options, QObject *parent)
    : WorkerBase(withLiveName(std::move(settings)), parent), d(std::make_unique<Private>())
{
    registerMetaTypes();
    d->options = std::move(options);
    d->retryTimer = new QTimer(this);
    d->retryTimer->setSingleShot(true);
    connect(d->retryTimer, &QTimer::timeout, this, [this] { scheduleStream(); });
    // The control connection: reconnect for as long as the window lives.
    ReconnectPolicy policy;
    policy.maxAttempts = 0;
    setReconnectPolicy(policy);
    // The control connection lost or not opened (polling does not need it).
    connect(this, &WorkerBase::reconnecting, this, [this](const DbError &reason, int, int) {
        LiveStatus status = this->status();
        if (d->paused.load() || status.source == LiveSource::Polling)
            return;
        status.connected = false;
        status.reason = tr("The live connection was lost; reconnecting: %1").arg(reason.message);
        setStatus(status);
    });
    connect(this, &WorkerBase::connectionFailed, this, [this](const DbError &reason) {
        LiveStatus status = this->status();
        if (d->paused.load() || status.source == LiveSource::Polling)
            return;
        status.connected = false;
        status.reason = tr("The live connection could not be opened: %1").arg(reason.message);
        setStatus(status);
    });
}

LiveWorker::~LiveWorker()
{
    // Deleting a running worker (not through shutdownAndDelete()): its thread uses `d`, which
    // goes before ~WorkerBase waits for the thread. The stream ends within a slice.
    if (!hasStopped() && !shutdown(std::chrono::milliseconds(1000)))
        qWarning("LiveWorker: deleted while its thread still runs");
}

void LiveWorker::registerMetaTypes()
{
    WorkerBase::registerMetaTypes();
    qRegisterMetaType<LiveStatus>();
    qRegisterMetaType<ChangeEvent>();
    qRegisterMetaType<QList<ChangeEvent>>();
    qRegisterMetaType<TraceEntry>();
}

void LiveWorker::startStream()
{
    d->started = true;
    if (thread() == QThread::currentThread()) // not started yet
        start(QStringLiteral("movr-live"));
    QMetaObject::invokeMethod(
        this, [this] { scheduleStream(); }, Qt::QueuedConnection);
}

void LiveWorker::setPaused(bool paused)
{
    d->paused = paused;
    QMetaObject::invokeMethod(
        this, [this] { applyPaused(); }, Qt::QueuedConnection);
}

LiveStatus LiveWorker::status() const
{
    QMutexLocker locker(&d->mutex);
    return d->status;
}

void LiveWorker::setStatus(const LiveStatus &status)
{
    {
        QMutexLocker locker(&d->mutex);
        if (d->status == status)
            return;
        d->status = status;
    }
    Q_EMIT statusChanged(status);
}

bool LiveWorker::shouldEnd() const
{
    return isStopping() || d->paused.load();
}

void LiveWorker::applyPaused()
{
    if (isStopping())
        return;
    if (d->paused.load()) {
        d->retryTimer->stop();
        LiveStatus status = this->status();
        status.paused = true;
        status.connected = false;
        setStatus(status);
        d->gap = true;
        return;
    }
    if (d->jobQueued)
        return; // the running stream did not notice the short pause: nothing was missed
    LiveStatus status = this->status();
    status.paused = false;
    status.connected = false;
    status.reason.clear();
    setStatus(status);
    d->gap = true;
    scheduleStream();
}

void LiveWorker::scheduleStream()
{
    // setPaused() may come before startStream(): nothing runs before the thread does.
    if (!d->started.load() || isStopping() || d->paused.load() || d->jobQueued)
        return;
    d->retryTimer->stop();
    d->jobQueued = true;
    WorkerJob job;
    job.generation = ++d->serial;
    job.run = [this](PgConnection &control) { return runStream(control); };
    job.abandon = [this](const DbError &) { d->jobQueued = false; };
    enqueue(std::move(job));
}

JobStatus LiveWorker::runStream(PgConnection &control)
{
    d->actionId = TransactionRunner::nextActionId();
    Ending ending;
    const ServerInfo &server = control.serverInfo();
    if (server.isCockroach()) {
        ending = d->options.allowChangefeed
                     ? runCockroach(control)
                     : Ending::from({LiveDecision::Action::Polling,
                                     tr("Changefeeds are turned off for live updates, so the "
                                        "tables are polled."),
                                     {}});
    } else {
        ending = d->options.allowLogicalDecoding
                     ? runPostgres(control)
                     : Ending::from({LiveDecision::Action::Polling,
                                     tr("Logical decoding is turned off for live updates, so "
                                        "the tables are polled."),
                                     {}});
    }
    d->jobQueued = false;
    finishRun(ending);
    return JobStatus::Done;
}

void LiveWorker::finishRun(const Ending &ending)
{
    if (isStopping())
        return;
    LiveStatus status = this->status();
    // Paused meanwhile: whatever ended the stream (even an error the pause caused), it stays
    // closed until resumed.
    const Ending::Kind kind =
        d->paused.load() && ending.kind == Ending::Kind::Retry ? Ending::Kind::Ended : ending.kind;
    switch (kind) {
    case Ending::Kind::Ended:
        if (d->paused.load()) {
            status.paused = true;
            status.connected = false;
            setStatus(status);
            d->gap = true;
        }
        return;
    case Ending::Kind::Polling:
        status.source = LiveSource::Polling;
        status.connected = true; // polling needs no stream: it works through the browse worker
        status.paused = d->paused.load();
        status.pollIntervalMs = d->options.pollIntervalMs;
        status.reason = ending.decision.reason;
        status.adminHint = ending.decision.adminHint;
        setStatus(status);
        d->retryAttempt = 0;
        if (d->gap) {
            d->gap = false;
            Q_EMIT resyncNeeded({});
        }
        return;
    case Ending::Kind::Retry: {
        status.connected = false;
        status.reason = ending.decision.reason;
        setStatus(status);
        d->gap = true;
        const int shift = std::min(d->retryAttempt, 8);
        ++d->retryAttempt;
        d->retryTimer->start(std::min(MaxRetryMs, InitialRetryMs << shift));
        return;
    }
    }
}

void LiveWorker::streamOpened(LiveSource source)
{
    LiveStatus status;
    status.source = source;
    status.connected = true;
    setStatus(status);
    d->retryAttempt = 0;
    if (d->gap) {
        d->gap = false;
        Q_EMIT resyncNeeded({});
    }
}

Result<QHash<QString, QStringList>> LiveWorker::readKeys(PgConnection &control, QString *problem)
{
    // The whole primary key, in key order, as the stream names rows: on CockroachDB a
    // REGIONAL BY ROW table's key starts with crdb_region (the changefeed's key array holds
    // it; MovrSchemaShape leaves it out of the application's key, and the models match
    // event keys by column name, so the extra column does no harm).
    auto result = execControl(control, MovrSchemaShape::catalogQuery());
    if (!result)
        return result.error();
    QHash<QString, MovrTableCatalog> catalog;
    for (int row = 0; row < result->rowCount(); ++row) {
        MovrTableCatalog &table = catalog[result->text(row, 0)];
        table.columns << result->text(row, 1);
        if (!result->isNull(row, 2))
            table.primaryKey << result->text(row, 1);
    }
    const MovrSchemaShape shape = MovrSchemaShape::fromCatalog(catalog);
    if (!shape.isSupported())
        *problem = shape.problem();
    QHash<QString, QStringList> keys;
    for (const QString &table : std::as_const(d->options.tables)) {
        const auto found = catalog.constFind(table);
        if (found != catalog.cend() && !found->primaryKey.isEmpty())
            keys.insert(table, found->primaryKey);
    }
    return keys;
}

void LiveWorker::traceStatement(const QString &sql, const SqlParams &params,
                                const QDateTime &startedAt, qint64 durationUs, qint64 rows,
                                const DbError *error)
{
    TraceEntry entry;
    entry.actionId = d->actionId;
    entry.action = tr("Live updates");
    entry.sql = sql;
    entry.params = params;
    entry.startedAt = startedAt;
    entry.durationUs = durationUs;
    entry.rows = rows;
    if (error) {
        entry.sqlState = error->sqlState;
        entry.error = error->message;
        entry.rows = -1;
    }
    entry.isRead = true;
    entry.source = TraceSource::Read;
    Q_EMIT statementTraced(entry);
}

Result<PgResult> LiveWorker::execControl(PgConnection &control, const QString &sql,
                                         const SqlParams &params)
{
    TraceEntry entry;
    entry.actionId = d->actionId;
    entry.action = tr("Live updates");
    entry.sql = sql;
    entry.params = params;
    entry.isRead = true;
    entry.source = TraceSource::Read;
    auto result = execTraced(control, entry);
    Q_EMIT statementTraced(entry);
    return result;
}
