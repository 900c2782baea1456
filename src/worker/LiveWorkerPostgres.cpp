// PostgreSQL: logical decoding with pgoutput on a replication connection (issue 13). Why
// pgoutput: see LogicalDecodingParser.h.

#include "LiveWorker.h"

#include "LiveWire.h"
#include "LiveWorkerPrivate.h"
#include "LogicalDecodingParser.h"

#include "pg/PgStream.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QRandomGenerator>

#include <atomic>

namespace {

constexpr int IdleWaitMs = 100;      // longest wait between checks of stop and pause
constexpr int ConfirmEveryMs = 1000; // standby status updates
constexpr int MaxReadsPerRound = 10000;

} // namespace

// A dropped table leaves the publication and sends nothing on the stream: every
// catalogCheckMs the publication is read again. A table missing from it ends the stream; the
// next setup adds it again, or says that it does not exist and falls back to polling.
std::optional<LiveDecision> LiveWorker::followedTablesGone(PgConnection &control)
{
    auto published = execControl(control, LiveSql::publicationTables(), {d->options.publication});
    if (!published)
        return LiveSql::postgresFailure(LiveSql::PostgresStep::Stream, published.error());
    QStringList missing;
    for (const QString &table : std::as_const(d->options.tables)) {
        bool found = false;
        for (int row = 0; row < published->rowCount() && !found; ++row)
            found = published->text(row, 0) == table;
        if (!found)
            missing << table;
    }
    if (missing.isEmpty())
        return std::nullopt;
    return LiveDecision{LiveDecision::Action::Reconnect,
                        tr("The table %1 was dropped or left the publication %2; the stream is "
                           "opened again.")
                            .arg(missing.join(QLatin1String(", ")), d->options.publication),
                        {}};
}

LiveWorker::Ending LiveWorker::runPostgres(PgConnection &control)
{
    using Step = LiveSql::PostgresStep;
    const LiveOptions &options = d->options;
    const auto stop = [this] { return shouldEnd(); };

    // 1. What the server allows, on the normal connection.
    auto setup = execControl(control, LiveSql::setupCheck());
    if (!setup)
        return Ending::from(LiveSql::postgresFailure(Step::Setup, setup.error()));
    if (setup->rowCount() != 1)
        return Ending::from(LiveSql::postgresFailure(
            Step::Setup, DbError::make(ErrorClass::Other, tr("The role was not found."))));
    if (auto refused = LiveSql::checkSetup(setup->text(0, 0), setup->text(0, 1) == u"t",
                                           control.serverInfo().user))
        return Ending::from(*refused);

    // 2. The publication pgoutput reads: created, or completed with the missing tables.
    auto exists = execControl(control, LiveSql::publicationExists(), {options.publication});
    if (!exists)
        return Ending::from(LiveSql::postgresFailure(Step::Setup, exists.error()));
    std::optional<QString> change;
    if (exists->rowCount() == 0) {
        change = LiveSql::createPublication(options.publication, options.tables);
    } else {
        auto published = execControl(control, LiveSql::publicationTables(), {options.publication});
        if (!published)
            return Ending::from(LiveSql::postgresFailure(Step::Setup, published.error()));
        QStringList missing;
        for (const QString &table : options.tables) {
            bool found = false;
            for (int row = 0; row < published->rowCount() && !found; ++row)
                found = published->text(row, 0) == table;
            if (!found)
                missing << table;
        }
        if (!missing.isEmpty())
            change = LiveSql::addTables(options.publication, missing);
    }
    if (change) {
        auto changed = execControl(control, *change);
        if (!changed)
            return Ending::from(LiveSql::postgresFailure(Step::Publication, changed.error()));
    }
    // The key order of each table (pgoutput lists key columns in table order). A database
    // whose MovR shape the browser does not support streams with the replica identity's.
    QString problem;
    auto keys = readKeys(control, &problem);
    if (!keys)
        return Ending::from(LiveSql::postgresFailure(Step::Setup, keys.error()));
    if (shouldEnd())
        return Ending::ended();

    // 3. The replication connection, a temporary slot, the stream.
    auto opened = PgStream::open(settings(), PgStream::Mode::Replication,
                                 LiveWorker::applicationName(), stop);
    if (!opened) {
        if (shouldEnd())
            return Ending::ended();
        // Lost both (the server went away) or only refused the replication connection?
        if (!control.consumeInput() || control.isBroken())
            return Ending::from(LiveSql::postgresFailure(Step::Stream, opened.error()));
        return Ending::from(LiveSql::postgresFailure(Step::ReplicationConnect, opened.error()));
    }
    PgStream &stream = **opened;
    // Unique on the server: every worker of this process (an old session's may still hold its
    // temporary slot while a new one starts) takes the next number.
    static std::atomic<int> serial{0};
    static const quint32 token = QRandomGenerator::global()->generate();
    const QString slot = LiveSql::slotName(QCoreApplication::applicationPid(), token, ++serial);
    const QString createSlot = LiveSql::createSlot(slot, stream.serverVersion());
    QDateTime startedAt = QDateTime::currentDateTimeUtc();
    QElapsedTimer timer;
    timer.start();
    auto created = stream.query(createSlot, stop);
    if (!created && shouldEnd())
        return Ending::ended();
    traceStatement(createSlot, {}, startedAt, timer.nsecsElapsed() / 1000,
                   created ? created->rowCount() : -1, created ? nullptr : &created.error());
    if (!created)
        return Ending::from(LiveSql::postgresFailure(Step::CreateSlot, created.error()));

    const QString start = LiveSql::startReplication(slot, options.publication);
    startedAt = QDateTime::currentDateTimeUtc();
    timer.restart();
    Status started = stream.send(start, false, stop);
    if (started)
        started = stream.waitForCopyBoth(stop);
    if (!started && shouldEnd())
        return Ending::ended();
    traceStatement(start, {}, startedAt, timer.nsecsElapsed() / 1000, started ? 0 : -1,
                   started ? nullptr : &started.error());
    if (!started)
        return Ending::from(LiveSql::postgresFailure(Step::StartReplication, started.error()));

    streamOpened(LiveSource::LogicalDecoding);

    // 4. Read until stopped, paused or lost. Events go out in batches (LiveBatch); the slot
    // is told how far they went about every second.
    LogicalDecodingParser parser(*keys);
    LiveBatch batch;
    quint64 confirmed = 0;
    QElapsedTimer sinceConfirm;
    sinceConfirm.start();
    QElapsedTimer sinceCatalogCheck;
    sinceCatalogCheck.start();
    const auto flushBatch = [&] {
        if (!batch.isEmpty())
            Q_EMIT changes(batch.take());
    };
    const auto confirm = [&](bool force) -> Status {
        const quint64 lsn = batch.isEmpty() ? parser.lastCommitEndLsn() : confirmed;
        if (!force && sinceConfirm.elapsed() < ConfirmEveryMs)
            return Ok{};
        sinceConfirm.restart();
        confirmed = std::max(confirmed, lsn);
        return stream.writeCopyData(
            LiveWire::standbyStatus(confirmed, QDateTime::currentMSecsSinceEpoch() * 1000), stop);
    };
    bool backlog = false;
    while (!shouldEnd()) {
        // More may be buffered after a full round: read it before waiting.
        stream.waitReadable(backlog ? 0 : batch.waitMs(IdleWaitMs));
        int read = 0;
        for (; read < MaxReadsPerRound && !shouldEnd(); ++read) {
            auto data = stream.readCopyData();
            if (!data) {
                flushBatch();
                return Ending::from(LiveSql::postgresFailure(Step::Stream, data.error()));
            }
            if (!*data)
                break;
            const auto message = LiveWire::parse(**data);
            if (!message)
                continue; // a message type of a newer server: nothing to apply
            if (message->kind == LiveWire::Message::Kind::Keepalive) {
                if (message->replyRequested) {
                    const Status sent = confirm(true);
                    if (!sent) {
                        flushBatch();
                        return Ending::from(LiveSql::postgresFailure(Step::Stream, sent.error()));
                    }
                }
                continue;
            }
            auto events = parser.parse(message->payload);
            if (!events) {
                flushBatch();
                return Ending::from(
                    {LiveDecision::Action::Polling,
                     tr("The logical decoding stream could not be read, so the tables are "
                        "polled: %1")
                         .arg(events.error()),
                     {}});
            }
            batch.add(*events);
            const QStringList resync = parser.takeResyncTables();
            if (!resync.isEmpty()) {
                flushBatch(); // what came before the TRUNCATE / ALTER first
                Q_EMIT resyncNeeded(resync);
            }
            if (batch.due())
                flushBatch();
        }
        backlog = read >= MaxReadsPerRound;
        if (batch.due())
            flushBatch();
        const Status sent = confirm(false);
        if (!sent) {
            flushBatch();
            return Ending::from(LiveSql::postgresFailure(Step::Stream, sent.error()));
        }
        if (options.catalogCheckMs > 0 && sinceCatalogCheck.elapsed() >= options.catalogCheckMs) {
            sinceCatalogCheck.restart();
            if (auto gone = followedTablesGone(control)) {
                flushBatch();
                return Ending::from(*gone);
            }
        }
    }
    flushBatch();
    return Ending::ended(); // the stream's connection closes: the temporary slot goes
}
