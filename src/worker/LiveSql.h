#pragma once

#include "pg/DbError.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>

// What the live worker does after a step of opening its stream failed.
struct LiveDecision
{
    enum class Action {
        Reconnect,       // the connection was lost (or the stream ended): try again later
        TryExperimental, // CockroachDB refused CREATE CHANGEFEED: try EXPERIMENTAL CHANGEFEED
        Polling,         // fall back to polling, for `reason`
    };
    Action action = Action::Reconnect;
    QString reason;    // a whole sentence; holds the server's own message
    QString adminHint; // the statement an administrator runs to allow the stream, if any
};

// The live worker's statements and its decisions on their errors, without a connection
// (tests/worker/tst_livesql.cpp checks the exact sequences; no CockroachDB runs here).
class LiveSql
{
    Q_DECLARE_TR_FUNCTIONS(LiveSql)

public:
    // --- PostgreSQL: logical decoding with pgoutput (see LogicalDecodingParser) ---
    // On the normal connection: wal_level and whether the role may open a replication
    // connection (REPLICATION or superuser).
    static QString setupCheck();
    // $1 = publication: one row when it exists.
    static QString publicationExists();
    // $1 = publication: the followed tables it already publishes (current schema).
    static QString publicationTables();
    static QString createPublication(const QString &publication, const QStringList &tables);
    static QString addTables(const QString &publication, const QStringList &tables);
    // A slot name unique to this process and stream (lowercase, digits, underscores).
    static QString slotName(qint64 processId, quint32 token, int serial);
    // On the replication connection. serverVersion as PQserverVersion (150018): from 15 on,
    // the option list syntax; before, NOEXPORT_SNAPSHOT.
    static QString createSlot(const QString &slot, int serverVersion);
    static QString startReplication(const QString &slot, const QString &publication);

    // The statements that open a stream, in order, when the publication already publishes
    // `published` of `tables` (empty: it does not exist when `exists` is false).
    static QStringList postgresSequence(const QString &publication, const QStringList &tables,
                                        bool exists, const QStringList &published,
                                        const QString &slot, int serverVersion);

    // nullopt when the server allows logical decoding; else why not (Polling).
    // `role`: the connection's user, named in the statement an administrator runs.
    static std::optional<LiveDecision> checkSetup(const QString &walLevel, bool canReplicate,
                                                  const QString &role);

    enum class PostgresStep {
        Setup,              // the setup check or the publication look-up
        Publication,        // CREATE / ALTER PUBLICATION
        ReplicationConnect, // opening the replication connection (no SQLSTATE from libpq)
        CreateSlot,
        StartReplication,
        Stream, // the server ended a running stream
    };
    static LiveDecision postgresFailure(PostgresStep step, const DbError &error);

    // --- CockroachDB: a sinkless changefeed ---
    // CREATE CHANGEFEED FOR TABLE a, b WITH updated, diff, resolved = '1s', no_initial_scan;
    // experimental: EXPERIMENTAL CHANGEFEED FOR a, b WITH ... (servers before sinkless
    // CREATE CHANGEFEED).
    static QString changefeed(const QStringList &tables, bool experimental);
    static QString rangefeedHint();
    // After the changefeed statement failed (before or while streaming).
    static LiveDecision cockroachFailure(const DbError &error, bool experimental, bool streaming);
};
