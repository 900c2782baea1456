#pragma once

#include "pg/PgConnection.h"
#include "txn/TxnStatements.h"

#include <chrono>
#include <functional>
#include <optional>
#include <vector>

// One libpq pipeline: hands the statements to libpq with one Sync and reads every answer
// (one result, then a NULL, per statement; then the Sync). Bounded in time: past the deadline
// (each round trip gets at least 1 s) or when `canceled` says so it sends a cancel request,
// and if even that brings no answer within 2 s (a network that swallows everything) it shuts
// the socket, so that the connection is lost like any other. Blocking: worker threads only.
class PipelineExchange
{
public:
    struct ItemResult
    {
        enum class State { Ok, Failed, Skipped, NotReceived };
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
    static Batch run(PgConnection *connection, const QList<TxnStatement> &items,
                     std::chrono::steady_clock::time_point statementDeadline,
                     const std::function<bool()> &canceled);
};
