#pragma once

#include "txn/Trace.h"
#include "workload/WorkloadStats.h"
#include "workload/WorkloadTypes.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>

#include <chrono>
#include <memory>

class WorkloadEngine;
struct WorkloadTraceQueue;

// Runs one WorkloadEngine for the Workload dock, on the GUI thread's terms: nothing here
// blocks it.
//
// - start(): validate() at once; preflight() (which connects) on a pool thread, its result
//   handed back queued; then the engine starts (WorkloadEngine::start() returns at once).
// - Every second tick() reads the engine's statistics (ticked()).
// - The engine's trace sink is called on its session threads: entries go into a
//   mutex-protected queue that the GUI thread drains every 100 ms (traced()), so hundreds of
//   operations a second cost ten queued batches a second, never an event per statement. The
//   queue holds at most MaximumQueuedEntries (the oldest are dropped) should the GUI stall.
// - stop() asks the engine to stop (it ends every session within a second); once it has
//   finished, the engine is destroyed on a pool thread (its destructor joins its threads).
//   Deleting the controller does the same; the application waits for the pool at exit.
class WorkloadController : public QObject
{
    Q_OBJECT

public:
    enum class State {
        Idle,     // nothing running
        Checking, // preflight() against the server
        Running,
        Stopping, // requestStop() sent; sessions ending
    };
    Q_ENUM(State)

    static constexpr std::chrono::milliseconds TraceInterval{100};
    static constexpr std::chrono::milliseconds TickInterval{1000};
    static constexpr int MaximumQueuedEntries = 20000;

    explicit WorkloadController(QObject *parent = nullptr);
    ~WorkloadController() override;

    State state() const { return m_state; }
    bool isActive() const { return m_state != State::Idle; }
    // The configuration of the current (or last) run.
    const WorkloadConfig &config() const { return m_config; }

    // Checks and starts a run (config.trace is set: the statements go to traced()). A
    // configuration or server problem ends in startFailed() with one sentence.
    void start(WorkloadConfig config);
    // Ends the run within a second; finished() follows.
    void stop();
    // The global rate limit, live (0 = unlimited).
    void setMaxRate(double opsPerSecond);

Q_SIGNALS:
    void stateChanged(WorkloadController::State state);
    void startFailed(const QString &error);
    void started(quint64 seed);
    void ticked(const WorkloadSnapshot &snapshot);
    // The workload's statements (source Workload), batched.
    void traced(const QList<TraceEntry> &entries);
    // The run ended: stopped, its duration or operations reached, or an unexpected error
    // (`fatalError`, empty otherwise).
    void finished(const QString &fatalError);

private:
    void setState(State state);
    void onPreflight(quint64 generation, const QString &error);
    void drainTrace();
    void tick();
    void finish();
    void disposeEngine();

    State m_state = State::Idle;
    WorkloadConfig m_config;
    quint64 m_generation = 0; // a preflight answer for an older start() is dropped
    std::unique_ptr<WorkloadEngine> m_engine;
    std::shared_ptr<WorkloadTraceQueue> m_queue;
    QTimer m_traceTimer;
    QTimer m_tickTimer;
};
