#include "RateLimiter.h"

#include <algorithm>
#include <cmath>

using namespace std::chrono;

RateLimiter::RateLimiter(double maxRate, milliseconds ramp, Now now)
    : m_now(std::move(now)), m_maxRate(std::max(0.0, maxRate)), m_ramp(ramp)
{
    m_started = this->now();
}

RateLimiter::TimePoint RateLimiter::now() const
{
    return m_now ? m_now() : Clock::now();
}

void RateLimiter::start()
{
    std::lock_guard lock(m_mutex);
    m_started = now();
    m_haveNext = false;
}

void RateLimiter::setMaxRate(double opsPerSecond)
{
    {
        std::lock_guard lock(m_mutex);
        m_maxRate = std::max(0.0, opsPerSecond);
        // A slot reserved at the old rate stays; the next one follows the new rate. From
        // unlimited (or a much slower rate) the next slot starts from now.
        m_haveNext = false;
        ++m_generation;
    }
    m_wake.notify_all();
}

double RateLimiter::maxRate() const
{
    std::lock_guard lock(m_mutex);
    return m_maxRate;
}

double RateLimiter::rateAt(TimePoint at) const
{
    std::lock_guard lock(m_mutex);
    return rateLocked(at);
}

double RateLimiter::rateLocked(TimePoint at) const
{
    if (m_maxRate <= 0)
        return 0;
    if (m_ramp.count() <= 0 || at >= m_started + m_ramp)
        return m_maxRate;
    const double fraction =
        std::max(0.0, duration<double>(at - m_started).count() / duration<double>(m_ramp).count());
    return m_maxRate * fraction;
}

RateLimiter::TimePoint RateLimiter::nextSlotLocked(TimePoint slot) const
{
    // The slots are where the integral of the rate, C(t), grows by one: during the ramp
    // C(t) = R t^2 / (2 T), after it R T / 2 + R (t - T). The next slot solves
    // C(next) = C(slot) + 1 exactly (no drift from stepping with the rate at the slot).
    const double rate = m_maxRate;
    const double ramp = duration<double>(m_ramp).count();
    const double s = std::max(0.0, duration<double>(slot - m_started).count());
    if (ramp <= 0 || s >= ramp)
        return slot + std::chrono::round<Clock::duration>(duration<double>(1.0 / rate));
    const double wanted = rate * s * s / (2 * ramp) + 1;
    const double atRampEnd = rate * ramp / 2;
    const double next = wanted <= atRampEnd ? std::sqrt(2 * ramp * wanted / rate)
                                            : ramp + (wanted - atRampEnd) / rate;
    const auto offset = std::chrono::round<Clock::duration>(duration<double>(next));
    return std::max(slot + nanoseconds(1), m_started + offset);
}

RateLimiter::TimePoint RateLimiter::reserve(TimePoint at)
{
    std::lock_guard lock(m_mutex);
    if (m_maxRate <= 0)
        return at;
    // No burst saved up: a slot is at most one interval (at the current rate) in the past.
    TimePoint slot = at;
    if (m_haveNext) {
        const double rate = rateLocked(at);
        const TimePoint earliest =
            rate > 0 ? at - duration_cast<Clock::duration>(duration<double>(1.0 / rate)) : at;
        slot = std::max(m_next, earliest);
    }
    m_next = nextSlotLocked(slot);
    m_haveNext = true;
    return slot;
}

bool RateLimiter::acquire(TimePoint deadline)
{
    for (;;) {
        if (stopped())
            return false;
        const TimePoint due = reserve(now());
        std::unique_lock lock(m_mutex);
        if (m_now) {
            // A fake clock: nothing to wait for in real time.
            return !m_stopped && due <= deadline;
        }
        const quint64 generation = m_generation;
        m_wake.wait_until(lock, std::min(due, deadline),
                          [&] { return m_stopped || m_generation != generation; });
        if (m_stopped)
            return false;
        if (m_generation != generation)
            continue; // the rate changed while waiting: take a slot at the new rate
        return due <= deadline;
    }
}

void RateLimiter::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopped = true;
    }
    m_wake.notify_all();
}

bool RateLimiter::stopped() const
{
    std::lock_guard lock(m_mutex);
    return m_stopped;
}
