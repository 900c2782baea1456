#pragma once

#include "pg/PgConnection.h"

#include <chrono>
#include <functional>
#include <optional>
#include <vector>

// One libpq pipeline on a PgConnection: hands the queries to libpq with one Sync and reads
// every answer (one result, then a NULL, per query; then the Sync). Bounded in time: past
// the deadline (each round trip gets at least 1 s) or when `canceled` says so it sends a
// cancel request, and if even that brings no answer within 2 s (a network that swallows
// everything) it shuts the socket, so that the connection is lost like any other.
// Blocking: worker threads only. The only place that speaks libpq's pipeline mode.
class PgPipeline
{
public:
    struct Query
    {
        QString sql;
        SqlParams params;
    };
    struct ItemResult
    {
        enum class State {
            Ok,
            Failed,
            Skipped,    // queued, never executed: an earlier query in the pipeline failed
            NotReceived // no answer (the connection was lost, or it was never handed over)
        };
        State state = State::NotReceived;
        PgResult result;
        DbError error;
    };
    struct Batch
    {
        QList<ItemResult> items;
        int queued = 0; // items handed to libpq (possibly on the wire)
        bool connectionLost = false;
        std::optional<DbError> lostError;
        std::vector<qint64> receivedUs; // per item: when its answer came (-1: none)
        bool leftUnusable = false;      // pipeline mode could not be left: replace the connection
    };

    // `connection` may be null or broken (the batch is then lost, nothing sent).
    static Batch run(PgConnection *connection, const QList<Query> &queries,
                     std::chrono::steady_clock::time_point statementDeadline,
                     const std::function<bool()> &canceled);

    // A connection left in pipeline mode by an interrupted batch: drains what is left
    // (bounded) and leaves pipeline mode. False when it could not: replace the connection.
    [[nodiscard]] static bool leaveLeftoverPipeline(PgConnection &connection);
};
