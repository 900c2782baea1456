#pragma once

#include <QtGlobal>

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>

// The global rate limit of a workload run, shared by all its sessions (thread-safe).
//
// A scheduler of slots (the "virtual time" form of a token bucket, burst of one): each
// acquire() takes the next free slot, at least 1/rate after the previous one, and waits
// until its time. A slot is never earlier than now minus one interval, so an idle period
// does not save up a burst. maxRate 0 means unlimited (acquire() returns at once).
//
// Ramp: during the first `ramp` after start(), the rate rises linearly from 0 to maxRate: the
// slots follow the integral of the rate exactly (maxRate * ramp / 2 of them during the ramp).
// setMaxRate() takes effect for the next slot. stop() ends every wait at once.
class RateLimiter
{
public:
    using Clock = std::chrono::steady_clock;
    using TimePoint = Clock::time_point;
    using Now = std::function<TimePoint()>;

    explicit RateLimiter(double maxRate = 0, std::chrono::milliseconds ramp = {}, Now now = {});

    // The ramp starts now.
    void start();
    void setMaxRate(double opsPerSecond);
    double maxRate() const;
    // The rate in force at `at` (ramp applied); 0 = unlimited.
    double rateAt(TimePoint at) const;

    // Takes the next slot and waits for it (a live rate change re-takes it at the new rate);
    // false when stopped, or when the slot is after `deadline` (returns at the deadline).
    bool acquire(TimePoint deadline = TimePoint::max());
    // The pure part, for tests with a fake clock: takes the next slot at time `now` and
    // returns when it is due (<= now: at once).
    TimePoint reserve(TimePoint now);

    void stop();
    bool stopped() const;

private:
    TimePoint now() const;
    double rateLocked(TimePoint at) const;
    TimePoint nextSlotLocked(TimePoint slot) const;

    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    Now m_now;
    double m_maxRate = 0;
    std::chrono::milliseconds m_ramp{0};
    TimePoint m_started;
    TimePoint m_next; // the next free slot
    bool m_haveNext = false;
    bool m_stopped = false;
    quint64 m_generation = 0; // setMaxRate() calls, to wake waiters
};
