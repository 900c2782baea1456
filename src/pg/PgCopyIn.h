#pragma once

#include "pg/PgConnection.h"

#include <QByteArray>
#include <QString>

// COPY ... FROM STDIN on one connection: start(), put() the data in chunks, finish().
// Blocking: worker threads and command-line tools only.
class PgCopyIn
{
public:
    // Sends the COPY statement; an error when the server did not enter COPY IN.
    [[nodiscard]] static Status start(PgConnection &connection, const QString &sql);
    // Hands one chunk to libpq; false when it could not be sent (finish() says why).
    [[nodiscard]] static bool put(PgConnection &connection, const QByteArray &data);
    // Ends the data (unless a put() failed) and reads the final result and anything after
    // it, so that the connection can be reused.
    [[nodiscard]] static Status finish(PgConnection &connection, bool sendFailed);
};
