#pragma once

#include "pg/PgConnection.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

// One statement the application sent, as the SQL panel shows it.
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
    QString error;         // on failure
    bool injected = false; // a synthetic error raised by the QA toggle
    bool isRead = false;   // browse queries

    bool failed() const { return !sqlState.isEmpty() || !error.isEmpty(); }
};

Q_DECLARE_METATYPE(TraceEntry)
Q_DECLARE_METATYPE(QList<TraceEntry>)
