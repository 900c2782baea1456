#include "PgCopyIn.h"

Status PgCopyIn::start(PgConnection &connection, const QString &sql)
{
    PGconn *raw = connection.handle();
    const PgResult started(PQexec(raw, sql.toUtf8().constData()));
    if (started.status() != PGRES_COPY_IN)
        return DbError::fromResult(started.get(), raw);
    return Ok{};
}

bool PgCopyIn::put(PgConnection &connection, const QByteArray &data)
{
    return PQputCopyData(connection.handle(), data.constData(), int(data.size())) == 1;
}

Status PgCopyIn::finish(PgConnection &connection, bool sendFailed)
{
    PGconn *raw = connection.handle();
    if (!sendFailed && PQputCopyEnd(raw, nullptr) != 1)
        sendFailed = true;
    if (sendFailed && PQstatus(raw) == CONNECTION_BAD) {
        // Drain whatever result there is, then report the broken connection.
        DbError error = DbError::fromConnection(raw);
        while (PGresult *result = PQgetResult(raw))
            PQclear(result);
        return error;
    }
    // Collect the final result (and anything after it) before the connection is reused.
    Status status = Ok{};
    bool first = true;
    while (PGresult *rawResult = PQgetResult(raw)) {
        const PgResult result(rawResult);
        if (first && result.status() != PGRES_COMMAND_OK)
            status = DbError::fromResult(result.get(), raw);
        if (result.status() == PGRES_COPY_IN) // should not happen after PQputCopyEnd
            PQputCopyEnd(raw, "unexpected COPY state");
        first = false;
    }
    return status;
}
