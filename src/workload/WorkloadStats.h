#pragma once

#include "LatencyHistogram.h"
#include "WorkloadTypes.h"

#include <QMap>
#include <QString>
#include <QStringList>

#include <array>
#include <mutex>

// How one call of one operation ended, as a session reports it.
struct OpResult
{
    enum class Kind {
        Ok,      // committed (or, for reads, answered)
        Refused, // a precondition said no (vehicle no longer available, ride already ended):
                 // counted, not an error
        Error,   // unexpected: counted, shown, and with tolerateErrors off it stops the run
    };
    WorkloadOp op = WorkloadOp::ReadVehicles;
    Kind kind = Kind::Ok;
    qint64 latencyUs = 0; // the whole call, retries and backoff included
    int attempts = 1;
    QStringList retrySqlStates; // one per retry, e.g. {"40001", "40001"}
    // An ambiguous commit and how it was resolved.
    bool ambiguous = false;
    Outcome::State resolvedAs = Outcome::State::Committed;
    QString error; // Error (and Refused): the reason, one line
};

// The counters of one operation over some time.
struct OpStats
{
    qint64 ops = 0; // calls that ended Ok
    qint64 refused = 0;
    qint64 errors = 0;
    qint64 retries = 0;                      // attempts beyond the first
    QMap<QString, qint64> retriesBySqlState; // "40001" -> n
    qint64 ambiguous = 0;
    qint64 ambiguousCommitted = 0;
    qint64 ambiguousNotCommitted = 0;
    qint64 ambiguousUnknown = 0;
    LatencyHistogram latency; // of the Ok calls

    void add(const OpResult &result);
    void merge(const OpStats &other);
};

// What the statistics say at one tick: the interval since the previous tick and the whole
// run, per operation.
struct WorkloadSnapshot
{
    double elapsedSeconds = 0;  // since the run started
    double intervalSeconds = 0; // since the previous tick
    std::array<OpStats, kWorkloadOpCount> interval;
    std::array<OpStats, kWorkloadOpCount> cumulative;
    QStringList newErrors; // the unexpected errors of the interval (at most 10, one line each)

    const OpStats &intervalOf(WorkloadOp op) const { return interval[size_t(op)]; }
    const OpStats &cumulativeOf(WorkloadOp op) const { return cumulative[size_t(op)]; }
    // All operations together.
    OpStats intervalTotal() const;
    OpStats cumulativeTotal() const;
};

// Thread-safe collector: sessions record(), one reader calls tick() (every second).
class WorkloadStats
{
public:
    void record(const OpResult &result);
    // The interval since the previous tick (then reset) and the cumulative counters.
    WorkloadSnapshot tick(double elapsedSeconds);

private:
    std::mutex m_mutex;
    std::array<OpStats, kWorkloadOpCount> m_interval;
    std::array<OpStats, kWorkloadOpCount> m_cumulative;
    QStringList m_newErrors;
    double m_lastTick = 0;
};
