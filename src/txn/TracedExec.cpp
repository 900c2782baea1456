#include "TracedExec.h"

#include <QElapsedTimer>

Result<PgResult> execTraced(PgConnection &connection, TraceEntry &entry)
{
    entry.startedAt = QDateTime::currentDateTimeUtc();
    QElapsedTimer timer;
    timer.start();
    Result<PgResult> result = connection.exec(entry.sql, entry.params);
    entry.durationUs = timer.nsecsElapsed() / 1000;
    if (result) {
        entry.rows = result->affectedRows();
    } else {
        entry.sqlState = result.error().sqlState;
        entry.error = result.error().message;
    }
    return result;
}
