#pragma once

#include "RateLimiter.h"
#include "WorkloadStats.h"
#include "WorkloadTypes.h"
#include "txn/Trace.h"

#include <QList>
#include <QString>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>

// What the sessions of one workload run share (thread-safe): the configuration, the
// statistics, the global rate limit, the stop flag, the call budget (maxOps), the end time
// (duration), the first fatal error and the trace sink. The engine owns it; sessions hold a
// reference.
class WorkloadRun
{
public:
    using TraceSink = std::function<void(const QList<TraceEntry> &)>;
    using TimePoint = std::chrono::steady_clock::time_point;

    explicit WorkloadRun(WorkloadConfig config);

    const WorkloadConfig &config() const { return m_config; }
    WorkloadStats &stats() { return m_stats; }
    RateLimiter &limiter() { return m_limiter; }
    void setTraceSink(TraceSink sink) { m_sink = std::move(sink); }
    void trace(const QList<TraceEntry> &entries) const;
    bool tracing() const { return m_config.trace && m_sink; }

    // The run starts now: the ramp and the duration count from here.
    void begin();
    TimePoint startedAt() const { return TimePoint(TimePoint::duration(m_startedAt.load())); }
    TimePoint endsAt() const { return m_endsAt; } // max() without a duration

    // A session may start one more call: false once stopping, past the end time or when
    // maxOps calls have been started (the run then ends: calls already taken still run).
    bool takeCall();
    // Stops the run now: no new call, every wait ends (the engine also cancels what is in
    // flight).
    void stop();
    bool stopping() const { return m_stopping.load(); }
    // Waits `delay` unless the run stops first; false when it stopped.
    bool sleep(std::chrono::milliseconds delay);

    // The first unexpected error with tolerateErrors off: kept, and the run stops.
    void fail(const QString &error);
    std::optional<QString> fatalError() const;
    // Called by fail() after the stop flag is set (the engine interrupts the sessions).
    void setOnFail(std::function<void()> onFail) { m_onFail = std::move(onFail); }

    // Sessions report their end; the run is over when all have.
    void sessionEnded() { m_sessionsEnded.fetch_add(1); }
    int sessionsEnded() const { return m_sessionsEnded.load(); }

private:
    WorkloadConfig m_config;
    WorkloadStats m_stats;
    RateLimiter m_limiter;
    TraceSink m_sink;
    std::atomic<TimePoint::rep> m_startedAt{0}; // read by tick() on any thread
    TimePoint m_endsAt = TimePoint::max();
    std::atomic<bool> m_stopping{false};
    std::atomic<bool> m_noMoreCalls{false}; // the duration or maxOps is reached
    std::atomic<qint64> m_callsStarted{0};
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::optional<QString> m_fatalError;
    std::function<void()> m_onFail;
    std::atomic<int> m_sessionsEnded{0};
};
