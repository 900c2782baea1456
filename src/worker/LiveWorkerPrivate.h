#pragma once

// LiveWorker's state, shared by its source files (not for other code).

#include "LiveBatch.h"
#include "LiveSql.h"
#include "LiveWorker.h"

#include <QElapsedTimer>
#include <QList>
#include <QMutex>

#include <atomic>

class QTimer;

struct LiveWorker::Ending
{
    enum class Kind {
        Ended,   // stopped or paused: nothing to say
        Retry,   // open the stream again after a backoff (decision.reason says why)
        Polling, // fall back (decision.reason, decision.adminHint)
    };
    Kind kind = Kind::Ended;
    LiveDecision decision;

    static Ending ended() { return {}; }
    static Ending from(const LiveDecision &decision)
    {
        Ending ending;
        ending.decision = decision;
        switch (decision.action) {
        case LiveDecision::Action::Polling:
            ending.kind = Kind::Polling;
            break;
        case LiveDecision::Action::Reconnect:
        case LiveDecision::Action::TryExperimental:
            ending.kind = Kind::Retry;
            break;
        }
        return ending;
    }
};

struct LiveWorker::Private
{
    LiveOptions options;
    mutable QMutex mutex; // guards status
    LiveStatus status;
    std::atomic<bool> paused{false};
    std::atomic<bool> started{false}; // startStream() was called: jobs may be queued
    // Worker thread only:
    QTimer *retryTimer = nullptr;
    int retryAttempt = 0;
    bool jobQueued = false;
    bool gap = true; // the shown rows must be read again once a source runs
    int serial = 0;  // job generations
    quint64 actionId = 0;
};
