#pragma once

// The edit worker's request and reply: value types that cross threads by queued signals.

#include "txn/Transaction.h"

#include <QMetaType>
#include <QString>

// One edit: a transaction body (from Operations) with its retry policy. `actionId` is the
// request's generation: it groups the trace, names the reply, and is what
// EditWorker::cancelCurrent() takes. Use TransactionRunner::nextActionId() (0: the worker
// assigns one, and the reply carries it).
struct EditRequest
{
    quint64 actionId = 0;
    TransactionBody body;
    RetryPolicy policy;
};

struct EditReply
{
    quint64 actionId = 0;
    QString action; // body.action, for the status line
    // committed / not committed (with the reason) / unknown, and the trace. `results` is
    // always empty here: raw libpq results never leave the worker thread.
    Outcome outcome;
    // How many times the request was run again after a lost connection (the trace holds the
    // statements of every run).
    int reruns = 0;
};

Q_DECLARE_METATYPE(EditRequest)
Q_DECLARE_METATYPE(EditReply)
