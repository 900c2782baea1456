#pragma once

#include "ChangeEvent.h"

#include <QElapsedTimer>
#include <QList>

#include <algorithm>
#include <utility>

// Collects events and hands them out at most every BatchMs (and before anything else the
// worker emits), so that a fast stream does not flood the GUI thread with signals. The first
// events after a quiet BatchMs are due at once: spacing costs a slow stream no latency.
class LiveBatch
{
public:
    static constexpr int BatchMs = 25;
    void add(const QList<ChangeEvent> &events) { m_events += events; }
    bool isEmpty() const { return m_events.isEmpty(); }
    bool due() const { return !m_events.isEmpty() && sinceTakeMs() >= BatchMs; }
    // How long to wait for more data before the batch is due (at most `idleMs`).
    int waitMs(int idleMs) const
    {
        return m_events.isEmpty() ? idleMs : int(std::max<qint64>(0, BatchMs - sinceTakeMs()));
    }
    QList<ChangeEvent> take()
    {
        m_sinceTake.start();
        return std::exchange(m_events, {});
    }

private:
    qint64 sinceTakeMs() const { return m_sinceTake.isValid() ? m_sinceTake.elapsed() : BatchMs; }
    QList<ChangeEvent> m_events;
    QElapsedTimer m_sinceTake; // since the last take (invalid before the first)
};
