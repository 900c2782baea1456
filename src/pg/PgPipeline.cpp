#include "PgPipeline.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <poll.h>
#include <sys/socket.h>

#include <algorithm>

using namespace std::chrono;

namespace {

// Every round trip gets at least this long before the deadline cancels it, so that the
// ROLLBACK after a deadline is not cancelled at once.
constexpr milliseconds minimumStatementTime{1000};
// After a cancel request, how long to wait for the server before closing the connection.
constexpr milliseconds cancelGrace{2000};

} // namespace

PgPipeline::Batch PgPipeline::run(PgConnection *connection, const QList<Query> &items,
                                  steady_clock::time_point statementDeadline,
                                  const std::function<bool()> &canceled)
{
    using Item = Query;
    Batch batch;
    batch.items.resize(items.size());
    batch.receivedUs.assign(size_t(items.size()), -1);
    if (items.isEmpty())
        return batch;
    QElapsedTimer timer;
    timer.start();

    auto lose = [&batch](DbError error) {
        if (batch.connectionLost)
            return; // keep the first cause
        batch.connectionLost = true;
        error.kind = ErrorClass::Connection;
        if (error.message.isEmpty())
            error.message = QCoreApplication::translate("TransactionRunner", "connection lost");
        batch.lostError = error;
    };

    PGconn *c = connection && !connection->isBroken() ? connection->handle() : nullptr;
    if (!c) {
        lose(DbError::make(ErrorClass::Connection,
                           QCoreApplication::translate("TransactionRunner", "not connected")));
    } else if (PQenterPipelineMode(c) != 1) {
        if (PQstatus(c) == CONNECTION_BAD)
            lose(DbError::fromConnection(c));
        else
            batch.items[0] = {
                ItemResult::State::Failed,
                {},
                DbError::make(ErrorClass::Other, QString::fromUtf8(PQerrorMessage(c)).trimmed())};
    } else {
        for (qsizetype i = 0; i < items.size(); ++i) {
            const Item &item = items.at(i);
            const QByteArray sql = item.sql.toUtf8();
            const ParamValues values(item.params);
            if (values.error()) {
                batch.items[i] = {ItemResult::State::Failed, {}, *values.error()};
                break;
            }
            if (PQsendQueryParams(c, sql.constData(), values.count(), nullptr, values.values(),
                                  nullptr, nullptr, 0) != 1) {
                if (PQstatus(c) == CONNECTION_BAD)
                    lose(DbError::fromConnection(c));
                else
                    batch.items[i] = {
                        ItemResult::State::Failed,
                        {},
                        DbError::make(ErrorClass::Other,
                                      QString::fromUtf8(PQerrorMessage(c)).trimmed())};
                break;
            }
            batch.queued = int(i + 1);
        }
        if (!batch.connectionLost && batch.queued > 0 && PQpipelineSync(c) != 1)
            lose(DbError::fromConnection(c));
        // Waits until a result can be read without blocking. Past the deadline (or on
        // cancel()) it asks the server to cancel; when even that brings no answer within
        // the grace period (a network that swallows everything), it shuts the socket so
        // that libpq sees the connection lost, and returns false.
        const auto deadline =
            std::max(statementDeadline, steady_clock::now() + minimumStatementTime);
        bool cancelSent = false;
        steady_clock::time_point graceEnd;
        auto awaitInput = [&]() -> bool {
            for (int guard = 0; guard < 1000000; ++guard) {
                if (PQstatus(c) == CONNECTION_BAD || PQisBusy(c) == 0)
                    return true;
                const auto current = steady_clock::now();
                if (!cancelSent && (current >= deadline || (canceled && canceled()))) {
                    connection->cancelHandle().cancel();
                    cancelSent = true;
                    graceEnd = current + cancelGrace;
                }
                if (cancelSent && current >= graceEnd) {
                    ::shutdown(PQsocket(c), SHUT_RDWR);
                    PQconsumeInput(c);
                    lose(DbError::make(ErrorClass::Connection,
                                       QCoreApplication::translate(
                                           "TransactionRunner",
                                           "no reply from the server in time; connection closed")));
                    return false;
                }
                const auto until = cancelSent ? graceEnd : deadline;
                const auto wait = std::clamp<qint64>(
                    duration_cast<milliseconds>(until - current).count() + 1, 1, 50);
                pollfd ready{PQsocket(c), POLLIN, 0};
                if (::poll(&ready, 1, int(wait)) > 0 && PQconsumeInput(c) == 0)
                    return true; // broken: PQgetResult reports it
            }
            return true;
        };
        // Read one result (then a NULL) per queued statement, then the Sync.
        for (int i = 0; i < batch.queued && !batch.connectionLost; ++i) {
            if (!awaitInput())
                break;
            PGresult *raw = PQgetResult(c);
            if (!raw) {
                lose(DbError::fromConnection(c));
                break;
            }
            PgResult result(raw);
            batch.receivedUs[size_t(i)] = timer.nsecsElapsed() / 1000;
            ItemResult &slot = batch.items[i];
            switch (result.status()) {
            case PGRES_COMMAND_OK:
            case PGRES_TUPLES_OK:
            case PGRES_EMPTY_QUERY:
                slot.state = ItemResult::State::Ok;
                slot.result = result;
                break;
            case PGRES_PIPELINE_ABORTED:
                slot.state = ItemResult::State::Skipped;
                break;
            default: {
                DbError error = DbError::fromResult(raw, c);
                if (error.kind == ErrorClass::Connection ||
                    (error.sqlState.isEmpty() && PQstatus(c) == CONNECTION_BAD)) {
                    batch.receivedUs[size_t(i)] = -1;
                    lose(error);
                } else {
                    slot.state = ItemResult::State::Failed;
                    slot.error = error;
                }
                break;
            }
            }
            if (batch.connectionLost)
                break;
            // Each statement's results end with a NULL.
            for (int guard = 0; guard < 16 && awaitInput(); ++guard) {
                PGresult *extra = PQgetResult(c);
                if (!extra)
                    break;
                PQclear(extra);
            }
            if (PQstatus(c) == CONNECTION_BAD)
                lose(DbError::fromConnection(c));
        }
        if (!batch.connectionLost && batch.queued > 0) {
            bool synced = false;
            for (int guard = 0; guard < 16 && !synced && awaitInput(); ++guard) {
                PGresult *raw = PQgetResult(c);
                if (!raw) {
                    if (PQstatus(c) == CONNECTION_BAD)
                        break;
                    continue;
                }
                synced = PQresultStatus(raw) == PGRES_PIPELINE_SYNC;
                PQclear(raw);
            }
            if (!synced && !batch.connectionLost)
                lose(DbError::fromConnection(c));
        }
        if (PQstatus(c) != CONNECTION_BAD && PQexitPipelineMode(c) != 1)
            batch.leftUnusable = true; // unusable state: the caller replaces it
    }
    return batch;
}

bool PgPipeline::leaveLeftoverPipeline(PgConnection &connection)
{
    PGconn *c = connection.handle();
    if (PQpipelineStatus(c) == PQ_PIPELINE_OFF)
        return true;
    // Left over from an interrupted batch: drain (bounded) and leave pipeline mode.
    for (int i = 0; i < 1000 && PQexitPipelineMode(c) != 1; ++i) {
        if (PGresult *rest = PQgetResult(c))
            PQclear(rest);
    }
    return PQpipelineStatus(c) == PQ_PIPELINE_OFF;
}
