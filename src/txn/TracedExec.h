#pragma once

#include "pg/PgConnection.h"
#include "txn/Trace.h"

// Runs one statement, `entry.sql` with `entry.params`, on `connection`, and completes `entry`
// as the SQL panel shows it: when it started, how long it took, and the rows it returned or
// changed, or its error. Who sent it (action, attempt, source) is the caller's to fill in.
Result<PgResult> execTraced(PgConnection &connection, TraceEntry &entry);
