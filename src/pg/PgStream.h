#pragma once

#include "ConnectionSettings.h"
#include "PgConnection.h"
#include "Result.h"

#include <QByteArray>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

// A connection that streams (the live worker's, issue 13): a logical replication connection
// (replication=database, COPY BOTH data of START_REPLICATION) or a normal one whose query
// returns rows one at a time (single-row mode, a CockroachDB changefeed). Every call is
// non-blocking or waits in short slices (at most `slice`) and asks `stop` between them, so
// that the owner ends the stream promptly whatever the network does: connecting, a
// statement the server holds (CREATE_REPLICATION_SLOT waits for running transactions), and
// reading all return soon after `stop` says so. Only simple-query protocol statements: a
// walsender refuses the extended protocol (PgConnection::exec) that PgConnection::open uses.
class PgStream
{
public:
    using StopCheck = std::function<bool()>;
    enum class Mode { Normal, Replication };

    // Connects (replication=database in Replication mode; `applicationName` names the session
    // in pg_stat_activity). An error of kind Canceled when `stop` said so first.
    static Result<std::unique_ptr<PgStream>> open(const ConnectionSettings &settings, Mode mode,
                                                  const QString &applicationName,
                                                  const StopCheck &stop);
    ~PgStream();
    PgStream(const PgStream &) = delete;
    PgStream &operator=(const PgStream &) = delete;

    // Runs one simple-query statement and returns its last result (rows or command).
    Result<PgResult> query(const QString &sql, const StopCheck &stop);
    // Sends a statement whose answer is read piecewise: a COPY BOTH stream
    // (START_REPLICATION; waitForCopyBoth() next) or rows in single-row mode (nextRow()).
    Status send(const QString &sql, bool singleRow, const StopCheck &stop);
    // After send(START_REPLICATION ...): waits until the server switched to COPY BOTH.
    Status waitForCopyBoth(const StopCheck &stop);

    // Waits at most `timeoutMs` for the socket to be readable (data, or the end).
    bool waitReadable(int timeoutMs);
    // COPY BOTH: the next message, std::nullopt when none is complete yet; an error when the
    // stream ended (the server's error, or the connection lost).
    Result<std::optional<QByteArray>> readCopyData();
    // COPY BOTH: sends one message and flushes (non-blocking socket; waits only while the
    // socket is full, in slices, until `stop`).
    Status writeCopyData(const QByteArray &message, const StopCheck &stop);
    // Single-row mode: the next row (a one-row result), std::nullopt when none is complete
    // yet; an error when the query ended with one (or the connection was lost), and an
    // error of kind Other with an empty message when it ended normally.
    Result<std::optional<PgResult>> nextRow();

    bool isBroken() const;
    int socket() const;
    int serverVersion() const; // 150018 for 15.18
    int backendPid() const;

private:
    explicit PgStream(PGconn *connection);
    Status flush(const StopCheck &stop);
    Status drain(const StopCheck &stop);
    PGconn *m_connection = nullptr;
};
