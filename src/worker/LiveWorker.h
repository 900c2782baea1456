#pragma once

#include "LiveTypes.h"
#include "WorkerBase.h"
#include "txn/Trace.h"

#include <optional>

struct LiveDecision;

// The live change stream (issue 13), on its own thread and its own connection, beside the
// browse and edit workers. Turns the server's change stream into ChangeEvents:
//   - CockroachDB: a sinkless changefeed (CREATE CHANGEFEED FOR TABLE ... WITH updated, diff,
//     resolved = '1s'; EXPERIMENTAL CHANGEFEED FOR on older servers), parsed by
//     ChangefeedParser;
//   - PostgreSQL: logical decoding with pgoutput on a replication connection
//     (replication=database) with a TEMPORARY slot, parsed by LogicalDecodingParser;
//   - otherwise Polling: the worker only reports it (with the reason); the window re-reads
//     the visible rows by key every pollIntervalMs (BrowseTableModel::resyncVisible).
// The GUI thread never waits on it: every member but the constructor is thread-safe and
// returns at once; stop it with WorkerBase::shutdownAndDelete().
class LiveWorker : public WorkerBase
{
    Q_OBJECT

public:
    explicit LiveWorker(ConnectionSettings settings, LiveOptions options = {},
                        QObject *parent = nullptr);
    ~LiveWorker() override;

    // Starts the thread and the stream (the best source the server allows).
    void startStream();
    // Pauses (closes the stream; status paused) or resumes (opens it again, then
    // resyncNeeded()).
    void setPaused(bool paused);
    LiveStatus status() const;

    static void registerMetaTypes();
    // The application_name of every live connection ("movr-admin live"), so that an
    // administrator (and the tests) can tell them apart in pg_stat_activity.
    static QString applicationName();

Q_SIGNALS:
    void statusChanged(const LiveStatus &status);
    // Committed changes, in commit order (at-least-once: after a reconnect some may repeat).
    void changes(const QList<ChangeEvent> &events);
    // What is shown must be read again: the stream (re)started after a gap (first start,
    // reconnect, resume) or a table was emptied or altered. Empty = every table.
    void resyncNeeded(const QStringList &tables);
    // Each statement the worker sends, for the SQL panel (TraceSource::Read).
    void statementTraced(const TraceEntry &entry);

private:
    // How one run of the stream ended (LiveWorker.cpp; the sources in LiveWorkerPostgres.cpp
    // and LiveWorkerCockroach.cpp, each a job on the worker's thread).
    struct Ending;
    void scheduleStream();
    void applyPaused();
    JobStatus runStream(PgConnection &control);
    Ending runPostgres(PgConnection &control);
    Ending runCockroach(PgConnection &control);
    std::optional<LiveDecision> followedTablesGone(PgConnection &control);
    void finishRun(const Ending &ending);
    void setStatus(const LiveStatus &status);
    // Becomes connected with `source`: status, then resyncNeeded() after a gap.
    void streamOpened(LiveSource source);
    bool shouldEnd() const;
    // The primary key of each followed table, in key order, from the catalog (traced).
    Result<QHash<QString, QStringList>> readKeys(PgConnection &control, QString *problem);
    // Emits statementTraced for a statement sent on the stream's own connection.
    void traceStatement(const QString &sql, const SqlParams &params, const QDateTime &startedAt,
                        qint64 durationUs, qint64 rows, const DbError *error);
    // Runs and traces a statement on the worker's (control) connection.
    Result<PgResult> execControl(PgConnection &control, const QString &sql,
                                 const SqlParams &params = {});

    struct Private;
    std::unique_ptr<Private> d;
};
