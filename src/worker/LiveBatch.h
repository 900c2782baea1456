#pragma once

#include "ChangeEvent.h"

#include <QElapsedTimer>
#include <QList>

#include <algorithm>
#include <utility>

// Collects events and hands them out at most every BatchMs (and before anything else the
// worker emits), so that a fast stream does not flood the GUI thread with signals.
class LiveBatch
{
public:
    static constexpr int BatchMs = 25;
    void add(const QList<ChangeEvent> &events)
    {
        if (events.isEmpty())
            return;
        if (m_events.isEmpty())
            m_age.start();
        m_events += events;
    }
    bool isEmpty() const { return m_events.isEmpty(); }
    bool due() const { return !m_events.isEmpty() && m_age.elapsed() >= BatchMs; }
    // How long to wait for more data before the batch is due (at most `idleMs`).
    int waitMs(int idleMs) const
    {
        return m_events.isEmpty() ? idleMs : int(std::max<qint64>(0, BatchMs - m_age.elapsed()));
    }
    QList<ChangeEvent> take() { return std::exchange(m_events, {}); }

private:
    QList<ChangeEvent> m_events;
    QElapsedTimer m_age;
};
