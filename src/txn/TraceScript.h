#pragma once

#include "pg/PgConnection.h"
#include "txn/Trace.h"

#include <QList>
#include <QString>

// Renders traced statements as a script that psql (or any SQL console) can run: the bound
// parameters are inlined as quoted literals, and comments say which action and attempt
// each statement belongs to, why an attempt was a retry and which statements failed.
class TraceScript
{
public:
    // `sql` with every $n placeholder replaced by the literal of params[n-1] (NULL for
    // nullopt). Placeholders inside string literals ('...', E'...'), quoted identifiers,
    // dollar-quoted bodies and comments are left alone, as are $n beyond params.size().
    static QString inlineParameters(const QString &sql, const SqlParams &params);
    // NULL, or the value quoted with PgConnection::quoteLiteral.
    static QString literal(const SqlValue &value);
    // One statement, parameters inlined, ending with ";".
    static QString statement(const TraceEntry &entry);
    // A whole group (one action, one attempt, or any selection), in the order given.
    static QString render(const QList<TraceEntry> &entries);
};
