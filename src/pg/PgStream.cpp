#include "PgStream.h"

#include <QCoreApplication>
#include <QDeadlineTimer>

#include <poll.h>

#include <algorithm>
#include <vector>

namespace {

constexpr int Slice = 50; // ms between checks of the stop condition

// Waits at most `timeoutMs` for `events` on `socket`; true when it is ready (or failed, which
// the next libpq call reports).
bool waitFor(int socket, short events, int timeoutMs)
{
    if (socket < 0)
        return true;
    pollfd descriptor{socket, events, 0};
    return ::poll(&descriptor, 1, timeoutMs) != 0;
}

DbError stoppedError()
{
    return DbError::make(ErrorClass::Canceled,
                         QCoreApplication::translate("PgStream", "The stream was stopped."));
}

} // namespace

PgStream::PgStream(PGconn *connection) : m_connection(connection) {}

PgStream::~PgStream()
{
    PQfinish(m_connection); // a Terminate message on a non-blocking socket: never waits long
}

Result<std::unique_ptr<PgStream>> PgStream::open(const ConnectionSettings &settings, Mode mode,
                                                 const QString &applicationName,
                                                 const StopCheck &stop)
{
    std::vector<QByteArray> storage;
    std::vector<const char *> keywords;
    std::vector<const char *> values;
    int connectTimeout = 10;
    for (const auto &[key, value] : settings.libpqKeywords()) {
        if (key == "application_name" || key == "replication")
            continue;
        if (key == "connect_timeout")
            connectTimeout = std::max(1, value.toInt());
        storage.push_back(key);
        storage.push_back(value);
    }
    storage.push_back("application_name");
    storage.push_back(applicationName.toUtf8());
    if (mode == Mode::Replication) {
        storage.push_back("replication");
        storage.push_back("database");
    }
    for (size_t i = 0; i < storage.size(); i += 2) {
        keywords.push_back(storage[i].constData());
        values.push_back(storage[i + 1].constData());
    }
    keywords.push_back(nullptr);
    values.push_back(nullptr);

    PGconn *raw = PQconnectStartParams(keywords.data(), values.data(), 0);
    std::unique_ptr<PgStream> stream(new PgStream(raw));
    if (!raw || PQstatus(raw) == CONNECTION_BAD)
        return DbError::fromConnection(raw);
    const QDeadlineTimer deadline(connectTimeout * 1000);
    PostgresPollingStatusType polling = PGRES_POLLING_WRITING;
    while (polling != PGRES_POLLING_OK) {
        if (polling == PGRES_POLLING_FAILED)
            return DbError::fromConnection(raw);
        if (stop && stop())
            return stoppedError();
        if (deadline.hasExpired())
            return DbError::make(ErrorClass::Connection,
                                 QCoreApplication::translate(
                                     "PgStream", "The server did not answer within %n seconds.",
                                     nullptr, connectTimeout));
        const short events = polling == PGRES_POLLING_READING ? POLLIN : POLLOUT;
        if (waitFor(PQsocket(raw), events, Slice))
            polling = PQconnectPoll(raw);
    }
    if (PQsetnonblocking(raw, 1) != 0)
        return DbError::fromConnection(raw);
    return stream;
}

Status PgStream::flush(const StopCheck &stop)
{
    for (;;) {
        const int flushed = PQflush(m_connection);
        if (flushed == 0)
            return Ok{};
        if (flushed < 0)
            return DbError::fromConnection(m_connection);
        if (stop && stop())
            return stoppedError();
        waitFor(socket(), POLLOUT | POLLIN, Slice);
        if (PQconsumeInput(m_connection) == 0)
            return DbError::fromConnection(m_connection);
    }
}

Result<PgResult> PgStream::query(const QString &sql, const StopCheck &stop)
{
    const Status sent = send(sql, false, stop);
    if (!sent)
        return sent.error();
    PgResult last;
    std::optional<DbError> failure;
    for (;;) {
        while (PQisBusy(m_connection) == 0) {
            PGresult *raw = PQgetResult(m_connection);
            if (!raw) {
                if (failure)
                    return *failure;
                if (last.isNull())
                    return DbError::fromConnection(m_connection);
                return last;
            }
            PgResult result(raw);
            const ExecStatusType status = result.status();
            if (status == PGRES_COPY_BOTH || status == PGRES_COPY_OUT || status == PGRES_COPY_IN)
                return DbError::make(ErrorClass::Other,
                                     QCoreApplication::translate(
                                         "PgStream", "The statement started a copy stream."));
            if (!failure && status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK &&
                status != PGRES_EMPTY_QUERY)
                failure = DbError::fromResult(raw, m_connection);
            last = result;
        }
        if (stop && stop())
            return stoppedError();
        waitFor(socket(), POLLIN, Slice);
        if (PQconsumeInput(m_connection) == 0)
            return DbError::fromConnection(m_connection);
    }
}

Status PgStream::drain(const StopCheck &stop)
{
    // What is left of the previous statement (its final NULL result, after ReadyForQuery).
    for (;;) {
        if (PQconsumeInput(m_connection) == 0)
            return DbError::fromConnection(m_connection);
        while (PQisBusy(m_connection) == 0) {
            PGresult *raw = PQgetResult(m_connection);
            if (!raw)
                return Ok{};
            PQclear(raw);
        }
        if (stop && stop())
            return stoppedError();
        waitFor(socket(), POLLIN, Slice);
    }
}

Status PgStream::send(const QString &sql, bool singleRow, const StopCheck &stop)
{
    if (PQtransactionStatus(m_connection) == PQTRANS_ACTIVE) {
        const Status drained = drain(stop);
        if (!drained)
            return drained;
    }
    const QByteArray text = sql.toUtf8();
    if (PQsendQuery(m_connection, text.constData()) == 0)
        return DbError::fromConnection(m_connection);
    if (singleRow && PQsetSingleRowMode(m_connection) == 0)
        return DbError::fromConnection(m_connection);
    return flush(stop);
}

Status PgStream::waitForCopyBoth(const StopCheck &stop)
{
    for (;;) {
        if (PQisBusy(m_connection) == 0) {
            PGresult *raw = PQgetResult(m_connection);
            if (!raw)
                return DbError::fromConnection(m_connection);
            PgResult result(raw);
            if (result.status() == PGRES_COPY_BOTH)
                return Ok{};
            const DbError error = DbError::fromResult(raw, m_connection);
            while (PGresult *rest = PQgetResult(m_connection))
                PQclear(rest);
            return error;
        }
        if (stop && stop())
            return stoppedError();
        waitFor(socket(), POLLIN, Slice);
        if (PQconsumeInput(m_connection) == 0)
            return DbError::fromConnection(m_connection);
    }
}

bool PgStream::waitReadable(int timeoutMs)
{
    return waitFor(socket(), POLLIN, timeoutMs);
}

Result<std::optional<QByteArray>> PgStream::readCopyData()
{
    if (PQconsumeInput(m_connection) == 0)
        return DbError::fromConnection(m_connection);
    char *buffer = nullptr;
    const int length = PQgetCopyData(m_connection, &buffer, 1);
    if (length > 0) {
        QByteArray message(buffer, length);
        PQfreemem(buffer);
        return std::optional<QByteArray>(std::move(message));
    }
    if (length == 0)
        return std::optional<QByteArray>();
    // -1: the server ended the copy (its final result says why); -2: an error.
    std::optional<DbError> error;
    while (PQisBusy(m_connection) == 0) {
        PGresult *raw = PQgetResult(m_connection);
        if (!raw)
            break;
        PgResult result(raw);
        if (!error && result.status() != PGRES_COMMAND_OK && result.status() != PGRES_TUPLES_OK)
            error = DbError::fromResult(raw, m_connection);
    }
    if (error)
        return *error;
    if (isBroken())
        return DbError::fromConnection(m_connection);
    return DbError::make(ErrorClass::Connection,
                         QCoreApplication::translate("PgStream", "The server ended the stream."));
}

Status PgStream::writeCopyData(const QByteArray &message, const StopCheck &stop)
{
    if (PQputCopyData(m_connection, message.constData(), int(message.size())) != 1)
        return DbError::fromConnection(m_connection);
    return flush(stop);
}

Result<std::optional<PgResult>> PgStream::nextRow()
{
    if (PQconsumeInput(m_connection) == 0)
        return DbError::fromConnection(m_connection);
    if (PQisBusy(m_connection) != 0)
        return std::optional<PgResult>();
    PGresult *raw = PQgetResult(m_connection);
    if (!raw) {
        if (isBroken())
            return DbError::fromConnection(m_connection);
        return DbError::make(ErrorClass::Other, QString());
    }
    PgResult result(raw);
    if (result.status() == PGRES_SINGLE_TUPLE)
        return std::optional<PgResult>(result);
    std::optional<DbError> error;
    if (result.status() != PGRES_TUPLES_OK && result.status() != PGRES_COMMAND_OK)
        error = DbError::fromResult(raw, m_connection);
    if (error)
        return *error;
    return DbError::make(ErrorClass::Other, QString());
}

bool PgStream::isBroken() const
{
    return PQstatus(m_connection) == CONNECTION_BAD;
}

int PgStream::socket() const
{
    return PQsocket(m_connection);
}

int PgStream::serverVersion() const
{
    return PQserverVersion(m_connection);
}

int PgStream::backendPid() const
{
    return PQbackendPID(m_connection);
}
