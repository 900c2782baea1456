#pragma once

// The edit worker's request and reply: value types that cross threads by queued signals.

#include "movr/Privileges.h"
#include "txn/Transaction.h"
#include "worker/InlineEdits.h"

#include <QMetaType>
#include <QString>

#include <functional>
#include <variant>

// The typed value a read made on the edit connection hands back in its reply (none for an
// edit). A new kind of read adds its type here: the compiler checks both ends.
using EditPayload = std::variant<std::monostate, TablePrivileges, QList<FieldConflict>>;
// Runs inside the request's transaction, on the worker thread, in place of
// body.interactive: reads what it needs and sets `payload` (reset before each attempt).
using EditRead = std::function<Status(TransactionSession &session, EditPayload &payload)>;

// One edit: a transaction body (from Operations) with its retry policy. `actionId` is the
// request's generation: it groups the trace, names the reply, and is what
// EditWorker::cancelCurrent() takes. Use TransactionRunner::nextActionId() (0: the worker
// assigns one, and the reply carries it).
struct EditRequest
{
    quint64 actionId = 0;
    TransactionBody body;
    RetryPolicy policy;
    EditRead read; // optional: see EditRead
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
    // What `read` set, when the transaction committed (monostate otherwise).
    EditPayload payload;
};

Q_DECLARE_METATYPE(EditRequest)
Q_DECLARE_METATYPE(EditReply)
