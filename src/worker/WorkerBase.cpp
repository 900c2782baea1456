#include "WorkerBase.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QMutex>
#include <QMutexLocker>
#include <QSet>
#include <QSocketNotifier>
#include <QThread>
#include <QTimer>
#include <QWaitCondition>

#include <poll.h>
#include <sys/socket.h>

#include <algorithm>
#include <thread>

// Everything another thread may touch, behind one mutex, which is never held across a
// network call.
//
// A cancel runs on a detached helper thread: PQcancel connects to the server and waits for it
// to acknowledge, which must not block the GUI thread (nor a thread pool that application
// exit waits for). So that a cancel meant for one job cannot hit the next one, the worker
// thread does not start a job while a cancel is in flight (bounded wait); a cancel that
// arrives at an idle backend is ignored by the server.
struct WorkerBase::Shared
{
    QMutex mutex;
    QWaitCondition cancelDone;
    CancelHandle cancel; // of the open connection
    int socket = -1;     // of the open connection, for the last-resort shutdown
    bool hasRunning = false;
    quint64 running = 0;         // generation of the running job
    quint64 supersededBelow = 0; // jobs below this generation are abandoned
    quint64 highestQueued = 0;   // highest generation that reached the worker
    QSet<quint64> queued;        // generations waiting in the queue
    QSet<quint64> cancelled;     // queued (or not yet arrived) generations to abandon
    int cancelsInFlight = 0;
    bool stopRequested = false;
    bool finished = false;           // finishOnThread() ran: the thread is ending
    bool deleteWhenFinished = false; // shutdownAndDelete() was called before that
    QWaitCondition finishedChanged;

    // Call with the mutex held: makes a blocked libpq call on the worker's socket return.
    void shutdownSocket()
    {
        if (!finished && socket >= 0)
            ::shutdown(socket, SHUT_RDWR);
    }

    // Call with the mutex held: cancels the running job from a helper thread.
    static void cancelRunning(const std::shared_ptr<Shared> &shared)
    {
        if (!shared->hasRunning || !shared->cancel.isValid())
            return;
        ++shared->cancelsInFlight;
        std::thread([shared, handle = shared->cancel] {
            handle.cancel();
            QMutexLocker locker(&shared->mutex);
            --shared->cancelsInFlight;
            shared->cancelDone.wakeAll();
        }).detach();
    }
};

namespace {

// Workers that were asked to stop, for the bounded wait at application exit.
struct StoppingWorkers
{
    QMutex mutex;
    QList<std::weak_ptr<WorkerBase::Shared>> list;
};

StoppingWorkers &stoppingWorkers()
{
    static StoppingWorkers *workers = new StoppingWorkers; // outlives every post routine
    return *workers;
}

void waitAtExit()
{
    WorkerBase::waitForStoppingWorkers();
}

} // namespace

WorkerBase::WorkerBase(ConnectionSettings settings, QObject *parent)
    : QObject(parent), m_settings(std::move(settings)), m_shared(std::make_shared<Shared>())
{
    registerMetaTypes();
    m_reconnectTimer = new QTimer(this);
    m_reconnectTimer->setSingleShot(true);
    connect(m_reconnectTimer, &QTimer::timeout, this, [this] {
        if (ensureConnection())
            scheduleProcessing();
    });
}

WorkerBase::~WorkerBase()
{
    if (m_thread) {
        if (!hasStopped()) {
            // Deleting a running worker (not through shutdownAndDelete()): the thread uses
            // this object, so it must end first. Its socket is shut down at once; only a
            // bounded blocking call (connect_timeout) can still be running then.
            stop(std::chrono::milliseconds(0));
            qWarning("WorkerBase: deleted while running; waiting for the worker thread");
        }
        m_thread->wait();
        delete m_thread;
    }
}

bool WorkerBase::hasStopped() const
{
    if (!m_thread)
        return true;
    QMutexLocker locker(&m_shared->mutex);
    return m_shared->finished;
}

bool WorkerBase::waitForStoppingWorkers(std::chrono::milliseconds bound)
{
    QList<std::shared_ptr<Shared>> pending;
    {
        StoppingWorkers &workers = stoppingWorkers();
        QMutexLocker locker(&workers.mutex);
        for (const auto &weak : std::as_const(workers.list))
            if (auto shared = weak.lock())
                pending.append(shared);
        workers.list.clear();
    }
    const QDeadlineTimer deadline(bound);
    bool all = true;
    for (const auto &shared : std::as_const(pending)) {
        QMutexLocker locker(&shared->mutex);
        shared->shutdownSocket();
        while (!shared->finished && !deadline.hasExpired())
            shared->finishedChanged.wait(&shared->mutex, deadline);
        all = all && shared->finished;
    }
    return all;
}

void WorkerBase::registerMetaTypes()
{
    qRegisterMetaType<ServerInfo>();
    qRegisterMetaType<DbError>();
    qRegisterMetaType<WorkerBase::ConnectionState>();
}

void WorkerBase::start(const QString &threadName)
{
    Q_ASSERT(!m_thread);
    Q_ASSERT(!parent());
    m_thread = new QThread;
    m_thread->setObjectName(threadName);
    m_ownerThread = QThread::currentThread();
    moveToThread(m_thread);
    m_thread->start();
    static const bool exitHook = [] {
        qAddPostRoutine(waitAtExit);
        return true;
    }();
    Q_UNUSED(exitHook);
}

void WorkerBase::stop(std::chrono::milliseconds grace)
{
    m_stopping = true;
    if (!m_thread)
        return;
    QMutexLocker locker(&m_shared->mutex);
    if (m_shared->finished)
        return;
    if (grace.count() <= 0)
        m_shared->shutdownSocket(); // no patience left (deleting, exiting)
    if (m_shared->stopRequested)
        return;
    m_shared->stopRequested = true;
    // The worker thread may be blocked in that very query: cancel it on the server (from a
    // helper thread: PQcancel waits for the server's answer).
    Shared::cancelRunning(m_shared);
    QMetaObject::invokeMethod(this, &WorkerBase::finishOnThread, Qt::QueuedConnection);
    // If the cancel does not help (the network swallows packets), make libpq's blocked read
    // or write fail after the grace period. A helper thread, not a timer: the caller's event
    // loop may be gone by then, and the helper keeps only the shared state alive.
    std::thread([shared = m_shared, grace] {
        QMutexLocker locker(&shared->mutex);
        const QDeadlineTimer deadline(grace);
        while (!shared->finished && !deadline.hasExpired())
            shared->finishedChanged.wait(&shared->mutex, deadline);
        shared->shutdownSocket(); // under the mutex: the descriptor is still libpq's
    }).detach();
    {
        StoppingWorkers &workers = stoppingWorkers();
        QMutexLocker listLocker(&workers.mutex);
        workers.list.removeIf([](const std::weak_ptr<Shared> &weak) { return weak.expired(); });
        workers.list.append(m_shared);
    }
}

bool WorkerBase::shutdown(std::chrono::milliseconds timeout)
{
    if (!m_thread || m_thread->isFinished())
        return true;
    stop(timeout);
    return m_thread->wait(QDeadlineTimer(2 * timeout));
}

void WorkerBase::shutdownAndDelete(WorkerBase *worker, std::chrono::milliseconds grace)
{
    if (!worker)
        return;
    if (!worker->m_thread) {
        delete worker;
        return;
    }
    worker->stop(grace);
    bool finished = false;
    {
        QMutexLocker locker(&worker->m_shared->mutex);
        finished = worker->m_shared->finished;
        // Otherwise finishOnThread() posts the deletion to this thread when it is done.
        worker->m_shared->deleteWhenFinished = true;
    }
    if (finished)
        worker->deleteLater(); // the thread is ending: its last instructions, not the network
}

void WorkerBase::cancelCurrent(quint64 generation)
{
    QMutexLocker locker(&m_shared->mutex);
    if (m_shared->hasRunning && m_shared->running == generation)
        Shared::cancelRunning(m_shared);
    else if (m_shared->queued.contains(generation) || generation > m_shared->highestQueued)
        m_shared->cancelled.insert(generation);
}

void WorkerBase::supersede(quint64 generation)
{
    QMutexLocker locker(&m_shared->mutex);
    m_shared->supersededBelow = std::max(m_shared->supersededBelow, generation);
    if (m_shared->hasRunning && m_shared->running < generation)
        Shared::cancelRunning(m_shared);
}

void WorkerBase::reconnectNow()
{
    if (m_stopping)
        return;
    m_reconnectTimer->stop();
    m_reconnectAttempt = 0;
    if (ensureConnection())
        scheduleProcessing();
}

Status WorkerBase::prepareConnection(PgConnection &)
{
    return Ok{};
}

void WorkerBase::enqueue(WorkerJob job)
{
    if (m_stopping) {
        if (job.abandon)
            job.abandon(DbError::make(ErrorClass::Canceled, tr("the worker is shutting down")));
        return;
    }
    {
        QMutexLocker locker(&m_shared->mutex);
        m_shared->queued.insert(job.generation);
        m_shared->highestQueued = std::max(m_shared->highestQueued, job.generation);
    }
    m_queue.append(std::move(job));
    m_runsPerJob.append(0);
    Q_EMIT queueLengthChanged(int(m_queue.size()));
    if (m_state.load() == ConnectionState::Failed) {
        // A new request is a reason to try again.
        m_reconnectAttempt = 0;
        setState(ConnectionState::Disconnected);
    }
    scheduleProcessing();
}

void WorkerBase::scheduleProcessing()
{
    if (m_processingScheduled)
        return;
    m_processingScheduled = true;
    // Queued, so that requests and shutdown arriving meanwhile are seen between jobs.
    QMetaObject::invokeMethod(this, &WorkerBase::processQueue, Qt::QueuedConnection);
}

bool WorkerBase::takeJobIfWanted(quint64 generation)
{
    QMutexLocker locker(&m_shared->mutex);
    // A cancel still on its way must not reach the job about to start.
    const QDeadlineTimer patience(2000);
    while (m_shared->cancelsInFlight > 0 && !patience.hasExpired())
        m_shared->cancelDone.wait(&m_shared->mutex, patience);
    m_shared->queued.remove(generation);
    const bool cancelled = m_shared->cancelled.remove(generation);
    if (cancelled || generation < m_shared->supersededBelow)
        return false;
    m_shared->hasRunning = true;
    m_shared->running = generation;
    return true;
}

void WorkerBase::processQueue()
{
    m_processingScheduled = false;
    if (m_stopping || m_running || m_queue.isEmpty())
        return;
    if (m_reconnectTimer->isActive() || m_state.load() == ConnectionState::Failed)
        return; // the queue waits for the connection
    if (!ensureConnection())
        return;

    WorkerJob job = m_queue.takeFirst();
    const int runs = m_runsPerJob.takeFirst() + 1;
    Q_EMIT queueLengthChanged(int(m_queue.size()));
    if (!takeJobIfWanted(job.generation)) {
        abandonJob(job, DbError::make(ErrorClass::Canceled, tr("superseded by a newer request")));
        scheduleProcessing();
        return;
    }

    m_running = true;
    if (m_idleWatch)
        m_idleWatch->setEnabled(false); // libpq reads the socket itself now
    PgConnection *const before = m_connection.get();
    const JobStatus status = job.run(*m_connection);
    m_running = false;
    {
        QMutexLocker locker(&m_shared->mutex);
        m_shared->hasRunning = false;
        if (m_connection.get() != before) {
            // The job replaced the connection (the runner reconnected): cancel and the
            // last-resort shutdown must aim at the new one.
            m_shared->cancel = m_connection ? m_connection->cancelHandle() : CancelHandle();
            m_shared->socket = m_connection ? m_connection->socket() : -1;
        }
    }
    if (m_connection && m_connection.get() != before && !m_connection->isBroken()) {
        const Status prepared = prepareConnection(*m_connection);
        if (!prepared)
            qWarning("WorkerBase: preparing the connection failed: %s",
                     qPrintable(prepared.error().toString()));
        Q_EMIT connected(m_connection->serverInfo());
    }

    const bool broken = !m_connection || m_connection->isBroken();
    if (status == JobStatus::RunAgainAfterReconnect) {
        if (runs >= m_policy.maxRunsPerJob) {
            abandonJob(
                job,
                DbError::make(
                    ErrorClass::Connection,
                    tr("the connection was lost %1 times while running this request; giving up")
                        .arg(runs)));
        } else if (!m_stopping) {
            {
                QMutexLocker locker(&m_shared->mutex);
                m_shared->queued.insert(job.generation);
            }
            m_queue.prepend(std::move(job));
            m_runsPerJob.prepend(runs);
            Q_EMIT queueLengthChanged(int(m_queue.size()));
        } else {
            abandonJob(job, DbError::make(ErrorClass::Canceled, tr("the worker is shutting down")));
        }
    }
    if (broken || status == JobStatus::RunAgainAfterReconnect) {
        const DbError reason = m_connection
                                   ? DbError::fromConnection(m_connection->handle())
                                   : DbError::make(ErrorClass::Connection, tr("connection lost"));
        dropConnection();
        scheduleReconnect(reason);
        return;
    }
    watchIdleConnection();
    scheduleProcessing();
}

void WorkerBase::watchIdleConnection()
{
    const int socket = m_connection ? m_connection->socket() : -1;
    if (m_idleWatch && (socket < 0 || m_idleWatch->socket() != socket)) {
        delete m_idleWatch;
        m_idleWatch = nullptr;
    }
    if (socket < 0 || m_stopping)
        return;
    if (!m_idleWatch) {
        m_idleWatch = new QSocketNotifier(socket, QSocketNotifier::Read, this);
        connect(m_idleWatch, &QSocketNotifier::activated, this,
                &WorkerBase::onIdleConnectionReadable);
    }
    m_idleWatch->setEnabled(true);
}

void WorkerBase::onIdleConnectionReadable()
{
    if (m_running || m_stopping || !m_connection)
        return;
    if (!lostWhileIdle(*m_connection))
        return; // a notification or a notice: still connected
    const DbError reason = DbError::fromConnection(m_connection->handle());
    dropConnection();
    scheduleReconnect(reason);
}

bool WorkerBase::ensureConnection()
{
    if (m_stopping)
        return false;
    if (m_connection && !m_connection->isBroken() && !lostWhileIdle(*m_connection))
        return true;
    if (m_connection) {
        const DbError reason = DbError::fromConnection(m_connection->handle());
        dropConnection();
        scheduleReconnect(reason);
        return false;
    }
    setState(ConnectionState::Connecting);
    auto opened = PgConnection::open(m_settings);
    if (!opened) {
        scheduleReconnect(opened.error());
        return false;
    }
    m_connection = std::move(opened).value();
    const Status prepared = prepareConnection(*m_connection);
    if (!prepared &&
        (prepared.error().kind == ErrorClass::Connection || m_connection->isBroken())) {
        dropConnection();
        scheduleReconnect(prepared.error());
        return false;
    }
    if (!prepared)
        qWarning("WorkerBase: preparing the connection failed: %s",
                 qPrintable(prepared.error().toString()));
    {
        QMutexLocker locker(&m_shared->mutex);
        m_shared->cancel = m_connection->cancelHandle();
        m_shared->socket = m_connection->socket();
    }
    m_reconnectAttempt = 0;
    setState(ConnectionState::Connected);
    watchIdleConnection();
    Q_EMIT connected(m_connection->serverInfo());
    return true;
}

void WorkerBase::noteReplacementConnection(const PgConnection &connection)
{
    QMutexLocker locker(&m_shared->mutex);
    m_shared->cancel = connection.cancelHandle();
    m_shared->socket = connection.socket();
}

bool WorkerBase::lostWhileIdle(PgConnection &connection)
{
    // An idle connection has nothing to read; something readable is the server saying
    // goodbye (FATAL 57P01 after pg_terminate_backend, a restart) followed by the end of the
    // stream, or rarely a notification. Reading it now lets libpq notice the end, so the next
    // request is not sent into a dead socket. After unexpected data, wait briefly for the end
    // of the stream that usually follows (bounded: three short polls).
    for (int round = 0; round < 3; ++round) {
        pollfd descriptor{connection.socket(), POLLIN, 0};
        if (descriptor.fd < 0)
            return true;
        if (::poll(&descriptor, 1, round == 0 ? 0 : 50) <= 0)
            return false;
        if (!connection.consumeInput() || connection.isBroken())
            return true;
    }
    return connection.isBroken();
}

void WorkerBase::scheduleReconnect(const DbError &reason)
{
    if (m_stopping)
        return;
    ++m_reconnectAttempt;
    // A wrong password, a missing database or a certificate the server or client rejects
    // does not mend itself: retrying would only hammer the server. Say so at once; the
    // caller asks the user (jobs stay queued until then).
    if (reason.isPermanentConnectFailure() ||
        (m_policy.maxAttempts > 0 && m_reconnectAttempt > m_policy.maxAttempts)) {
        setState(ConnectionState::Failed);
        Q_EMIT connectionFailed(reason);
        return;
    }
    const int shift = std::min(m_reconnectAttempt - 1, 20);
    const qint64 delay = std::min<qint64>(m_policy.maxDelay.count(),
                                          m_policy.initialDelay.count() * (qint64(1) << shift));
    setState(ConnectionState::Reconnecting);
    Q_EMIT reconnecting(reason, int(delay), m_reconnectAttempt);
    m_reconnectTimer->start(int(delay));
}

void WorkerBase::dropConnection()
{
    delete m_idleWatch; // before its descriptor is closed
    m_idleWatch = nullptr;
    QMutexLocker locker(&m_shared->mutex);
    m_shared->cancel = CancelHandle();
    m_shared->socket = -1;
    m_connection.reset();
}

void WorkerBase::setState(ConnectionState state)
{
    if (m_state.exchange(state) != state)
        Q_EMIT connectionStateChanged(state);
}

void WorkerBase::abandonJob(WorkerJob &job, const DbError &reason)
{
    if (job.abandon)
        job.abandon(reason);
}

void WorkerBase::abandonAll(const DbError &reason)
{
    QList<WorkerJob> jobs;
    jobs.swap(m_queue);
    m_runsPerJob.clear();
    {
        QMutexLocker locker(&m_shared->mutex);
        m_shared->queued.clear();
        m_shared->cancelled.clear();
    }
    for (WorkerJob &job : jobs)
        abandonJob(job, reason);
    if (!jobs.isEmpty())
        Q_EMIT queueLengthChanged(0);
}

void WorkerBase::finishOnThread()
{
    m_reconnectTimer->stop();
    abandonAll(DbError::make(ErrorClass::Canceled, tr("the worker is shutting down")));
    dropConnection();
    setState(ConnectionState::Disconnected);
    // Hand the object back to its owner's thread so it is deleted there, cleanly.
    if (m_ownerThread)
        moveToThread(m_ownerThread);
    bool deleteNow = false;
    {
        QMutexLocker locker(&m_shared->mutex);
        m_shared->finished = true;
        deleteNow = m_shared->deleteWhenFinished;
        m_shared->finishedChanged.wakeAll();
    }
    if (deleteNow)
        deleteLater(); // on the owner's thread: the object lives there now
    QThread::currentThread()->quit();
}
