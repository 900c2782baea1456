#include "WorkloadController.h"

#include "workload/WorkloadEngine.h"

#include <QCoreApplication>
#include <QPointer>
#include <QThreadPool>

#include <mutex>

// What the engine's session threads hand to the GUI thread: filled by the trace sink under
// the mutex, emptied by drainTrace() every TraceInterval.
struct WorkloadTraceQueue
{
    std::mutex mutex;
    QList<TraceEntry> entries;
    qint64 dropped = 0; // entries dropped because the GUI thread did not keep up
};

namespace {

// Runs `work` on the global pool: QCoreApplication's destructor waits for it, so an engine
// still stopping when the window closes is joined before the process ends.
void runInPool(std::function<void()> work)
{
    QThreadPool::globalInstance()->start(std::move(work));
}

} // namespace

WorkloadController::WorkloadController(QObject *parent) : QObject(parent)
{
    m_traceTimer.setInterval(TraceInterval);
    m_tickTimer.setInterval(TickInterval);
    connect(&m_traceTimer, &QTimer::timeout, this, &WorkloadController::drainTrace);
    connect(&m_tickTimer, &QTimer::timeout, this, &WorkloadController::tick);
}

WorkloadController::~WorkloadController()
{
    ++m_generation; // a preflight still running finds nobody to answer
    disposeEngine();
}

void WorkloadController::setState(State state)
{
    if (state == m_state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void WorkloadController::start(WorkloadConfig config)
{
    if (m_state != State::Idle)
        return;
    config.trace = true;
    if (Status valid = WorkloadEngine::validate(config); !valid) {
        Q_EMIT startFailed(valid.error().message);
        return;
    }
    m_config = config;
    const quint64 generation = ++m_generation;
    setState(State::Checking);
    QPointer<WorkloadController> self(this);
    runInPool([self, generation, config] {
        const Status checked = WorkloadEngine::preflight(config);
        const QString error = checked ? QString() : checked.error().message;
        QCoreApplication *app = QCoreApplication::instance();
        if (!app)
            return;
        QMetaObject::invokeMethod(
            app,
            [self, generation, error] {
                if (self)
                    self->onPreflight(generation, error);
            },
            Qt::QueuedConnection);
    });
}

void WorkloadController::onPreflight(quint64 generation, const QString &error)
{
    if (generation != m_generation || m_state != State::Checking)
        return; // stopped (or started again) meanwhile
    if (!error.isEmpty()) {
        setState(State::Idle);
        Q_EMIT startFailed(error);
        return;
    }
    m_queue = std::make_shared<WorkloadTraceQueue>();
    m_engine = std::make_unique<WorkloadEngine>(m_config);
    m_engine->setTraceSink([queue = m_queue](const QList<TraceEntry> &entries) {
        std::lock_guard lock(queue->mutex);
        queue->entries += entries;
        const qint64 excess = queue->entries.size() - MaximumQueuedEntries;
        if (excess > 0) {
            queue->entries.remove(0, excess);
            queue->dropped += excess;
        }
    });
    m_engine->start();
    m_traceTimer.start();
    m_tickTimer.start();
    setState(State::Running);
    Q_EMIT started(m_engine->seed());
}

void WorkloadController::stop()
{
    switch (m_state) {
    case State::Idle:
    case State::Stopping:
        return;
    case State::Checking:
        ++m_generation; // the preflight's answer is dropped
        setState(State::Idle);
        Q_EMIT finished(QString());
        return;
    case State::Running:
        m_engine->requestStop(); // returns at once; drainTrace() notices the end
        setState(State::Stopping);
        return;
    }
}

void WorkloadController::setMaxRate(double opsPerSecond)
{
    m_config.maxRate = opsPerSecond;
    if (m_engine)
        m_engine->setMaxRate(opsPerSecond);
}

void WorkloadController::drainTrace()
{
    if (m_queue) {
        QList<TraceEntry> entries;
        {
            std::lock_guard lock(m_queue->mutex);
            entries.swap(m_queue->entries);
        }
        if (!entries.isEmpty())
            Q_EMIT traced(entries);
    }
    if (m_engine) {
        const WorkloadEngine::State state = m_engine->state();
        if (state == WorkloadEngine::State::Finished || state == WorkloadEngine::State::Failed)
            finish();
    }
}

void WorkloadController::tick()
{
    if (m_engine)
        Q_EMIT ticked(m_engine->tick());
}

void WorkloadController::finish()
{
    // Every session has ended: the last statements and counters, then the engine goes.
    m_traceTimer.stop();
    m_tickTimer.stop();
    const QString fatal = m_engine->fatalError().value_or(QString());
    Q_EMIT ticked(m_engine->tick());
    QList<TraceEntry> last;
    if (m_queue) {
        std::lock_guard lock(m_queue->mutex);
        last.swap(m_queue->entries);
    }
    if (!last.isEmpty())
        Q_EMIT traced(last);
    disposeEngine();
    setState(State::Idle);
    Q_EMIT finished(fatal);
}

void WorkloadController::disposeEngine()
{
    m_traceTimer.stop();
    m_tickTimer.stop();
    m_queue.reset();
    if (!m_engine)
        return;
    m_engine->requestStop();
    // The destructor joins the session threads (within a second of requestStop()): not here.
    std::shared_ptr<WorkloadEngine> engine(m_engine.release());
    runInPool([engine]() mutable { engine.reset(); });
}
