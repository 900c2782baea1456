#include "WorkloadStats.h"

void OpStats::add(const OpResult &result)
{
    switch (result.kind) {
    case OpResult::Kind::Ok:
        ++ops;
        latency.record(result.latencyUs);
        break;
    case OpResult::Kind::Refused:
        ++refused;
        break;
    case OpResult::Kind::Error:
        ++errors;
        break;
    }
    retries += qMax(0, result.attempts - 1);
    for (const QString &sqlState : result.retrySqlStates)
        ++retriesBySqlState[sqlState];
    if (result.ambiguous) {
        ++ambiguous;
        switch (result.resolvedAs) {
        case Outcome::State::Committed:
            ++ambiguousCommitted;
            break;
        case Outcome::State::NotCommitted:
            ++ambiguousNotCommitted;
            break;
        case Outcome::State::Unknown:
            ++ambiguousUnknown;
            break;
        }
    }
}

void OpStats::merge(const OpStats &other)
{
    ops += other.ops;
    refused += other.refused;
    errors += other.errors;
    retries += other.retries;
    for (auto it = other.retriesBySqlState.cbegin(); it != other.retriesBySqlState.cend(); ++it)
        retriesBySqlState[it.key()] += it.value();
    ambiguous += other.ambiguous;
    ambiguousCommitted += other.ambiguousCommitted;
    ambiguousNotCommitted += other.ambiguousNotCommitted;
    ambiguousUnknown += other.ambiguousUnknown;
    latency.merge(other.latency);
}

namespace {

OpStats total(const std::array<OpStats, kWorkloadOpCount> &perOp)
{
    OpStats sum;
    for (const OpStats &stats : perOp)
        sum.merge(stats);
    return sum;
}

} // namespace

OpStats WorkloadSnapshot::intervalTotal() const
{
    return total(interval);
}

OpStats WorkloadSnapshot::cumulativeTotal() const
{
    return total(cumulative);
}

void WorkloadStats::record(const OpResult &result)
{
    const size_t index = size_t(result.op);
    if (index >= size_t(kWorkloadOpCount))
        return;
    std::lock_guard lock(m_mutex);
    m_interval[index].add(result);
    m_cumulative[index].add(result);
    if (result.kind == OpResult::Kind::Error && m_newErrors.size() < 10) {
        m_newErrors.append(
            QStringLiteral("%1: %2").arg(workloadOpName(result.op), result.error.simplified()));
    }
}

WorkloadSnapshot WorkloadStats::tick(double elapsedSeconds)
{
    WorkloadSnapshot snapshot;
    snapshot.elapsedSeconds = elapsedSeconds;
    std::lock_guard lock(m_mutex);
    snapshot.intervalSeconds = qMax(0.0, elapsedSeconds - m_lastTick);
    m_lastTick = elapsedSeconds;
    for (size_t i = 0; i < size_t(kWorkloadOpCount); ++i) {
        snapshot.interval[i] = std::move(m_interval[i]);
        m_interval[i] = OpStats{};
        snapshot.cumulative[i] = m_cumulative[i];
    }
    snapshot.newErrors = std::move(m_newErrors);
    m_newErrors.clear();
    return snapshot;
}
