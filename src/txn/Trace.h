#pragma once

#include "pg/PgConnection.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

// How an action ended, as the SQL panel shows and filters it.
enum class TraceOutcome {
    None,      // not an outcome entry (a statement)
    Committed, // the effect is in the database
    Refused,   // a precondition said no: nothing written
    Failed,    // an error: nothing written
    Unknown,   // an ambiguous commit that could not be decided
    NotSent,   // the action never reached the server (e.g. the connection was lost)
};

// Who sent a statement, for the SQL panel's source filter.
enum class TraceSource {
    Edit,     // the user's own edits (the edit worker)
    Read,     // browse queries, look-ups
    Workload, // the MovR workload (src/workload)
};

// One statement the application sent, as the SQL panel shows it; or, with `outcome` set,
// the entry that closes an action (no SQL; `error` says why when it did not commit).
struct TraceEntry
{
    quint64 actionId = 0; // groups the statements of one action (all its attempts)
    QString action;       // "Start ride", "Browse rides", ...
    int attempt = 1;      // 1-based; > 1 is a retry
    QString retryCause;   // on the first statement of a retry: why (SQLSTATE and message)
    QString sql;          // exactly as sent
    SqlParams params;     // bound values, text format; nullopt = NULL
    QDateTime startedAt;
    qint64 durationUs = 0;
    qint64 rows = -1;      // affected or returned; -1 when unknown (failed, skipped)
    QString sqlState;      // on failure
    QString error;         // on failure; for a statement not sent or an outcome: why
    bool injected = false; // a synthetic error raised by the QA toggle
    // A read (nothing written): browse queries and look-ups, also the workload's look-ups.
    // Every entry of source Read is a read; a workload read keeps source Workload.
    bool isRead = false;
    // Queued in a pipeline but never executed: an earlier statement in it failed, so the
    // server skipped it (e.g. the COMMIT after a failed INSERT). Not a failure of its own.
    bool notSent = false;
    TraceOutcome outcome = TraceOutcome::None;
    TraceSource source = TraceSource::Edit;

    bool isOutcome() const { return outcome != TraceOutcome::None; }
    // The statement ran and the server answered with an error (or none came).
    bool failed() const
    {
        return !notSent && !isOutcome() && (!sqlState.isEmpty() || !error.isEmpty());
    }

    // The entry that closes action `actionId`: how it ended and, unless committed, why.
    static TraceEntry outcomeEntry(quint64 actionId, const QString &action, TraceOutcome outcome,
                                   const QString &why = {})
    {
        TraceEntry entry;
        entry.actionId = actionId;
        entry.action = action;
        entry.outcome = outcome;
        entry.error = why;
        entry.startedAt = QDateTime::currentDateTimeUtc();
        entry.attempt = 0;
        return entry;
    }
    // An action that could not be sent at all: `why` is one translated sentence, e.g.
    // "The connection to the server was lost." The SQL panel shows it as "not sent".
    static TraceEntry notSentEntry(quint64 actionId, const QString &action, const QString &why)
    {
        return outcomeEntry(actionId, action, TraceOutcome::NotSent, why);
    }
};

Q_DECLARE_METATYPE(TraceEntry)
Q_DECLARE_METATYPE(QList<TraceEntry>)
