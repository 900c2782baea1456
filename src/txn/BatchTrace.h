#pragma once

#include "pg/PgPipeline.h"
#include "txn/Trace.h"
#include "txn/TxnStatements.h"

#include <QDateTime>
#include <QList>

// What the SQL panel records of one pipeline: an entry per statement handed to libpq (and
// the one that could not be), with its rows, or its SQLSTATE and message, and the time its
// answer came. Pure: no connection.
class BatchTrace
{
public:
    struct Context
    {
        quint64 actionId = 0;
        QString action;
        int attempt = 1;
        QString retryCause; // put on the first entry
        QDateTime startedAt;
        qint64 elapsedUs = 0; // since the batch started: the duration of unanswered entries
    };

    static QList<TraceEntry> entries(const QList<TxnStatement> &items,
                                     const PgPipeline::Batch &batch, const Context &context);
};
