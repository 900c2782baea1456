#include "WorkloadRun.h"

WorkloadRun::WorkloadRun(WorkloadConfig config)
    : m_config(std::move(config)), m_limiter(m_config.maxRate, m_config.ramp)
{
    m_startedAt = std::chrono::steady_clock::now().time_since_epoch().count();
}

void WorkloadRun::trace(const QList<TraceEntry> &entries) const
{
    if (m_sink && !entries.isEmpty())
        m_sink(entries);
}

void WorkloadRun::begin()
{
    const TimePoint now = std::chrono::steady_clock::now();
    m_startedAt = now.time_since_epoch().count();
    if (m_config.duration.count() > 0)
        m_endsAt = now + m_config.duration;
    m_limiter.start();
}

bool WorkloadRun::takeCall()
{
    if (stopping() || m_noMoreCalls.load())
        return false;
    if (std::chrono::steady_clock::now() >= m_endsAt ||
        (m_config.maxOps > 0 && m_callsStarted.fetch_add(1) >= m_config.maxOps)) {
        m_noMoreCalls.store(true);
        return false;
    }
    return true;
}

void WorkloadRun::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping.store(true);
    }
    m_limiter.stop();
    m_wake.notify_all();
}

bool WorkloadRun::sleep(std::chrono::milliseconds delay)
{
    std::unique_lock lock(m_mutex);
    m_wake.wait_for(lock, delay, [this] { return m_stopping.load(); });
    return !m_stopping.load();
}

void WorkloadRun::fail(const QString &error)
{
    bool first = false;
    {
        std::lock_guard lock(m_mutex);
        if (!m_fatalError) {
            m_fatalError = error;
            first = true;
        }
    }
    stop();
    if (first && m_onFail)
        m_onFail();
}

std::optional<QString> WorkloadRun::fatalError() const
{
    std::lock_guard lock(m_mutex);
    return m_fatalError;
}
