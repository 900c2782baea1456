// CockroachDB: a sinkless changefeed on a connection of its own (issue 13). CockroachDB's
// docs ask for a dedicated connection for a core changefeed: its results are not buffered and
// it ends only when its connection closes or with CANCEL QUERY from another session
// (https://www.cockroachlabs.com/docs/v22.1/changefeed-for, "Considerations"). Closing that
// connection is how this worker ends it (stop, pause).

#include "LiveWorker.h"

#include "ChangefeedParser.h"
#include "LiveWorkerPrivate.h"

#include "pg/PgStream.h"

#include <QDateTime>
#include <QElapsedTimer>

namespace {

constexpr int IdleWaitMs = 100;
constexpr int MaxReadsPerRound = 10000;

} // namespace

LiveWorker::Ending LiveWorker::runCockroach(PgConnection &control)
{
    const auto stop = [this] { return shouldEnd(); };

    // The key columns of the followed tables: a changefeed's key is a JSON array without
    // names (see ChangefeedParser).
    QString problem;
    auto keys = readKeys(control, &problem);
    if (!keys)
        return Ending::from(LiveSql::cockroachFailure(keys.error(), false, false));
    if (!problem.isEmpty())
        return Ending::from({LiveDecision::Action::Polling, problem, {}});
    const ChangefeedParser parser(*keys);
    QDateTime startedAt;
    QElapsedTimer timer;

    auto opened =
        PgStream::open(settings(), PgStream::Mode::Normal, LiveWorker::applicationName(), stop);
    if (!opened)
        return shouldEnd() ? Ending::ended()
                           : Ending::from(LiveSql::cockroachFailure(opened.error(), false, false));
    PgStream &stream = **opened;

    bool experimental = false;
    for (;;) {
        const QString sql = LiveSql::changefeed(d->options.tables, experimental);
        startedAt = QDateTime::currentDateTimeUtc();
        timer.restart();
        const Status sent = stream.send(sql, true, stop);
        if (!sent) {
            if (shouldEnd())
                return Ending::ended();
            traceStatement(sql, {}, startedAt, timer.nsecsElapsed() / 1000, -1, &sent.error());
            return Ending::from(LiveSql::cockroachFailure(sent.error(), experimental, false));
        }
        bool streaming = false;
        LiveBatch batch;
        const auto flushBatch = [&] {
            if (!batch.isEmpty())
                Q_EMIT changes(batch.take());
        };
        std::optional<DbError> ended;
        bool backlog = false;
        while (!ended && !shouldEnd()) {
            // More may be buffered after a full round: read it before waiting.
            stream.waitReadable(backlog ? 0 : batch.waitMs(IdleWaitMs));
            int read = 0;
            for (; read < MaxReadsPerRound && !shouldEnd(); ++read) {
                auto row = stream.nextRow();
                if (!row) {
                    ended = row.error();
                    break;
                }
                if (!*row)
                    break;
                if (!streaming) {
                    // The first row (a resolved timestamp within a second at the latest):
                    // the feed runs.
                    streaming = true;
                    traceStatement(sql, {}, startedAt, timer.nsecsElapsed() / 1000, -1, nullptr);
                    streamOpened(LiveSource::Changefeed);
                }
                const PgResult &result = **row;
                auto message =
                    parser.parse(result.value(0, 0), result.value(0, 1), result.value(0, 2));
                if (!message) {
                    flushBatch();
                    return Ending::from(
                        {LiveDecision::Action::Polling,
                         tr("The changefeed sent a row that could not be read, so the tables "
                            "are polled: %1")
                             .arg(message.error()),
                         {}});
                }
                if (const auto *event = std::get_if<ChangeEvent>(&*message))
                    batch.add({*event});
                if (batch.due())
                    flushBatch();
            }
            backlog = read >= MaxReadsPerRound;
            if (batch.due())
                flushBatch();
        }
        flushBatch();
        if (!ended)
            return Ending::ended(); // stopped or paused: the connection closes with the feed
        if (!streaming)
            traceStatement(sql, {}, startedAt, timer.nsecsElapsed() / 1000, -1, &*ended);
        if (ended->message.isEmpty()) // the feed ended without an error (it should not)
            return Ending::from({LiveDecision::Action::Reconnect,
                                 tr("The changefeed ended; it is started again."),
                                 {}});
        const LiveDecision decision = LiveSql::cockroachFailure(*ended, experimental, streaming);
        if (decision.action != LiveDecision::Action::TryExperimental)
            return Ending::from(decision);
        experimental = true; // an older server: the same feed under its older name
    }
}
