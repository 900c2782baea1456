#pragma once

#include "ConnectionSettings.h"
#include "Result.h"
#include "ServerInfo.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <libpq-fe.h>

#include <memory>
#include <optional>
#include <vector>

// A bound parameter in text format: std::nullopt is SQL NULL. Statements cast where the
// type matters ($1::uuid), so the same text inlines into a runnable script.
using SqlValue = std::optional<QString>;
using SqlParams = QList<SqlValue>;

// Parameters as libpq takes them: UTF-8 text, NULL as a null pointer, alive as long as this.
// libpq reads each value up to its first NUL byte, so a value holding U+0000 would be cut
// there silently: error() refuses such a value before anything is sent.
class ParamValues
{
public:
    explicit ParamValues(const SqlParams &params);
    int count() const { return int(m_values.size()); }
    const char *const *values() const { return m_values.data(); }
    const std::optional<DbError> &error() const { return m_error; }

private:
    std::vector<QByteArray> m_storage;
    std::vector<const char *> m_values;
    std::optional<DbError> m_error;
};

// Owns a PGresult (shared, so it can be copied into value types cheaply).
class PgResult
{
public:
    PgResult() = default;
    explicit PgResult(PGresult *result);

    bool isNull() const { return !m_result; }
    ExecStatusType status() const;
    int rowCount() const;
    int columnCount() const;
    QString columnName(int column) const;
    int columnIndex(const char *name) const;
    bool isNull(int row, int column) const;
    QString text(int row, int column) const; // empty for NULL
    // The value's bytes as libpq holds them (nullptr for NULL), alive as long as this result.
    const char *rawText(int row, int column) const;
    int rawLength(int row, int column) const;
    SqlValue value(int row, int column) const; // nullopt for NULL
    // Rows affected by INSERT/UPDATE/DELETE (PQcmdTuples), or rows returned by a SELECT.
    qint64 affectedRows() const;
    PGresult *get() const { return m_result.get(); }

private:
    std::shared_ptr<PGresult> m_result;
};

// Cancels the query running on a connection; usable from any thread (PQcancel with its
// own PGcancel object is thread-safe).
class CancelHandle
{
public:
    CancelHandle() = default;
    explicit CancelHandle(PGconn *connection);
    // Asks the server to cancel; returns an error message on failure, empty on success.
    QString cancel() const;
    bool isValid() const { return bool(m_cancel); }

private:
    std::shared_ptr<PGcancel> m_cancel;
};

// One libpq connection (RAII). Blocking: use only from worker threads, tests, benchmarks
// and command-line tools, never from the GUI thread.
class PgConnection
{
public:
    // Connects and detects the server (version(), current_database(), current_user).
    static Result<std::unique_ptr<PgConnection>> open(const ConnectionSettings &settings);
    ~PgConnection();
    PgConnection(const PgConnection &) = delete;
    PgConnection &operator=(const PgConnection &) = delete;

    // Runs one statement with text parameters (extended protocol even without parameters,
    // so exactly one statement is allowed). Errors carry SQLSTATE and class.
    Result<PgResult> exec(const QString &sql, const SqlParams &params = {});
    // Simple-query protocol: several statements separated by semicolons, no parameters.
    Status execScript(const QString &sql);

    const ServerInfo &serverInfo() const { return m_info; }
    const ConnectionSettings &settings() const { return m_settings; }
    CancelHandle cancelHandle() const { return CancelHandle(m_connection); }
    bool isBroken() const { return PQstatus(m_connection) == CONNECTION_BAD; }
    // A transaction block is open (idle in it, or aborted in it).
    bool inTransaction() const
    {
        const PGTransactionStatusType status = PQtransactionStatus(m_connection);
        return status == PQTRANS_INTRANS || status == PQTRANS_INERROR;
    }
    int socket() const { return PQsocket(m_connection); }
    // Reads what the server sent without blocking; false when the connection broke.
    bool consumeInput() { return PQconsumeInput(m_connection) != 0; }
    // The libpq this program runs with: 150018 for 15.18.
    static int libraryVersion() { return PQlibVersion(); }
    // A server accepts connections with `conninfo` (PQping): no authentication needed.
    static bool acceptsConnections(const QByteArray &conninfo)
    {
        return PQping(conninfo.constData()) == PQPING_OK;
    }
    PGconn *handle() const { return m_connection; }

    // Quotes a literal for a script shown to people (E'..' where backslashes appear).
    static QString quoteLiteral(const QString &text);
    static QString quoteIdentifier(const QString &name);

private:
    PgConnection(PGconn *connection, ConnectionSettings settings);
    PGconn *m_connection = nullptr;
    ConnectionSettings m_settings;
    ServerInfo m_info;
};
