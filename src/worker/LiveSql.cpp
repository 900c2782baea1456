#include "LiveSql.h"

#include "pg/PgConnection.h"

#include <QRegularExpression>

namespace {

// A plain lowercase name as it is (readable in the SQL panel), any other quoted.
QString identifier(const QString &name)
{
    static const QRegularExpression plain(QStringLiteral("^[a-z_][a-z0-9_]*$"));
    return plain.match(name).hasMatch() ? name : PgConnection::quoteIdentifier(name);
}

QString tableList(const QStringList &tables)
{
    QStringList quoted;
    for (const QString &table : tables)
        quoted << identifier(table);
    return quoted.join(QLatin1String(", "));
}

// The server's words, for the end of a reason: "message (SQLSTATE 53400)".
QString serverWords(const DbError &error)
{
    if (error.sqlState.isEmpty())
        return error.message;
    return QStringLiteral("%1 (SQLSTATE %2)").arg(error.message, error.sqlState);
}

LiveDecision polling(const QString &reason, const QString &hint = {})
{
    return LiveDecision{LiveDecision::Action::Polling, reason, hint};
}

LiveDecision reconnect(const QString &reason)
{
    return LiveDecision{LiveDecision::Action::Reconnect, reason, {}};
}

} // namespace

QString LiveSql::setupCheck()
{
    return QStringLiteral("SELECT current_setting('wal_level'), r.rolreplication OR r.rolsuper "
                          "FROM pg_roles r WHERE r.rolname = current_user");
}

QString LiveSql::publicationExists()
{
    return QStringLiteral("SELECT 1 FROM pg_publication WHERE pubname = $1");
}

QString LiveSql::publicationTables()
{
    return QStringLiteral("SELECT tablename FROM pg_publication_tables WHERE pubname = $1 AND "
                          "schemaname = current_schema()");
}

QString LiveSql::createPublication(const QString &publication, const QStringList &tables)
{
    return QStringLiteral("CREATE PUBLICATION %1 FOR TABLE %2")
        .arg(identifier(publication), tableList(tables));
}

QString LiveSql::addTables(const QString &publication, const QStringList &tables)
{
    return QStringLiteral("ALTER PUBLICATION %1 ADD TABLE %2")
        .arg(identifier(publication), tableList(tables));
}

QString LiveSql::slotName(qint64 processId, quint32 token, int serial)
{
    // Slot names are the server's, not the process's: two machines may run processes with
    // the same id against one server, so a random token of the process goes in too.
    return QStringLiteral("movr_admin_live_%1_%2_%3")
        .arg(processId)
        .arg(token, 8, 16, QLatin1Char('0'))
        .arg(serial);
}

QString LiveSql::createSlot(const QString &slot, int serverVersion)
{
    // PostgreSQL documentation, "Streaming Replication Protocol": CREATE_REPLICATION_SLOT
    // slot_name [ TEMPORARY ] LOGICAL output_plugin [ ( option [, ...] ) ] from 15 on (the
    // old NOEXPORT_SNAPSHOT keyword form before). No snapshot: the models read the rows
    // themselves (resyncNeeded) after the stream started.
    if (serverVersion >= 150000)
        return QStringLiteral("CREATE_REPLICATION_SLOT %1 TEMPORARY LOGICAL pgoutput "
                              "(SNAPSHOT 'nothing')")
            .arg(identifier(slot));
    return QStringLiteral("CREATE_REPLICATION_SLOT %1 TEMPORARY LOGICAL pgoutput "
                          "NOEXPORT_SNAPSHOT")
        .arg(identifier(slot));
}

QString LiveSql::startReplication(const QString &slot, const QString &publication)
{
    // publication_names is a list of identifiers inside one string literal.
    return QStringLiteral("START_REPLICATION SLOT %1 LOGICAL 0/0 (proto_version '1', "
                          "publication_names %2)")
        .arg(identifier(slot), PgConnection::quoteLiteral(identifier(publication)));
}

QStringList LiveSql::postgresSequence(const QString &publication, const QStringList &tables,
                                      bool exists, const QStringList &published,
                                      const QString &slot, int serverVersion)
{
    QStringList sequence{setupCheck(), publicationExists()};
    if (!exists) {
        sequence << createPublication(publication, tables);
    } else {
        sequence << publicationTables();
        QStringList missing;
        for (const QString &table : tables)
            if (!published.contains(table))
                missing << table;
        if (!missing.isEmpty())
            sequence << addTables(publication, missing);
    }
    sequence << createSlot(slot, serverVersion) << startReplication(slot, publication);
    return sequence;
}

std::optional<LiveDecision> LiveSql::checkSetup(const QString &walLevel, bool canReplicate,
                                                const QString &role)
{
    if (walLevel != u"logical")
        return polling(tr("The server does not keep the changes logical decoding needs "
                          "(wal_level is %1, not logical), so the tables are polled.")
                           .arg(walLevel),
                       QStringLiteral("ALTER SYSTEM SET wal_level = logical; -- then restart"));
    if (!canReplicate)
        return polling(tr("Your role may not open a replication connection (it lacks the "
                          "REPLICATION attribute), so the tables are polled."),
                       // The role by name: an administrator runs it, not this user.
                       QStringLiteral("ALTER ROLE %1 WITH REPLICATION;").arg(identifier(role)));
    return std::nullopt;
}

LiveDecision LiveSql::postgresFailure(PostgresStep step, const DbError &error)
{
    // A replication connection refused while the normal one works (the caller checks) is
    // not a lost connection: libpq gives no SQLSTATE for it, only the server's message.
    if (step != PostgresStep::ReplicationConnect &&
        (error.kind == ErrorClass::Connection || error.kind == ErrorClass::Canceled))
        return reconnect(tr("The live connection was lost: %1").arg(serverWords(error)));
    switch (step) {
    case PostgresStep::Setup:
        return polling(tr("The server's replication settings could not be read, so the tables "
                          "are polled: %1")
                           .arg(serverWords(error)));
    case PostgresStep::Publication:
        if (error.sqlState == u"42501")
            return polling(tr("The publication logical decoding reads could not be created "
                              "(only the tables' owner may), so the tables are polled: %1")
                               .arg(serverWords(error)));
        if (error.sqlState == u"42710") // another session created it meanwhile
            return reconnect(tr("The publication was created by another session meanwhile: "
                                "%1")
                                 .arg(serverWords(error)));
        if (error.sqlState == u"42P01")
            return polling(tr("A followed table does not exist any more, so the tables are "
                              "polled: %1")
                               .arg(serverWords(error)));
        return polling(tr("The publication logical decoding reads could not be set up, so the "
                          "tables are polled: %1")
                           .arg(serverWords(error)));
    case PostgresStep::ReplicationConnect:
        return polling(tr("The server refused the replication connection, so the tables are "
                          "polled: %1")
                           .arg(serverWords(error)));
    case PostgresStep::CreateSlot:
        // 53400 configuration_limit_exceeded: "all replication slots are in use".
        if (error.sqlState == u"53400")
            return polling(tr("Every replication slot of the server is in use "
                              "(max_replication_slots), so the tables are polled: %1")
                               .arg(serverWords(error)),
                           QStringLiteral("ALTER SYSTEM SET max_replication_slots = 20; -- then "
                                          "restart"));
        return polling(tr("The replication slot could not be created, so the tables are "
                          "polled: %1")
                           .arg(serverWords(error)));
    case PostgresStep::StartReplication:
        return polling(tr("The server refused to start logical decoding, so the tables are "
                          "polled: %1")
                           .arg(serverWords(error)));
    case PostgresStep::Stream:
        break;
    }
    // A running stream ended with an error: open it again (the setup decides then).
    return reconnect(tr("The server ended the live stream: %1").arg(serverWords(error)));
}

QString LiveSql::changefeed(const QStringList &tables, bool experimental)
{
    // A sinkless (core) changefeed streams rows (table, key, value) on this connection until
    // it closes (https://www.cockroachlabs.com/docs/v22.1/changefeed-for). Without a cursor a
    // changefeed first emits every existing row (its initial scan); no_initial_scan (the form
    // every version since v19.2 accepts; v22.1 added initial_scan = 'no') leaves that to the
    // models, which read their rows themselves.
    const QString options = QStringLiteral("WITH updated, diff, resolved = '1s', no_initial_scan");
    if (experimental)
        return QStringLiteral("EXPERIMENTAL CHANGEFEED FOR %1 %2").arg(tableList(tables), options);
    return QStringLiteral("CREATE CHANGEFEED FOR TABLE %1 %2").arg(tableList(tables), options);
}

QString LiveSql::rangefeedHint()
{
    return QStringLiteral("SET CLUSTER SETTING kv.rangefeed.enabled = true;");
}

LiveDecision LiveSql::cockroachFailure(const DbError &error, bool experimental, bool streaming)
{
    if (error.kind == ErrorClass::Connection || error.kind == ErrorClass::Canceled)
        return reconnect(tr("The live connection was lost: %1").arg(serverWords(error)));
    // CockroachDB refuses a changefeed while rangefeeds are off with errors.Errorf("rangefeeds
    // require the kv.rangefeed.enabled setting. See %s", ...) (pkg/ccl/changefeedccl/
    // changefeed_stmt.go; pkg/kv/kvserver/replica_rangefeed.go): no pgcode is attached, so
    // the client sees the generic XXUUU. The setting's name in the message is the only
    // precise sign, hence the one look at the message text here.
    if (error.message.contains(QLatin1String("kv.rangefeed.enabled")))
        return polling(tr("CockroachDB refuses changefeeds while rangefeeds are off "
                          "(the cluster setting kv.rangefeed.enabled), so the tables are "
                          "polled: %1")
                           .arg(serverWords(error)),
                       rangefeedHint());
    if (streaming)
        return reconnect(tr("The server ended the changefeed: %1").arg(serverWords(error)));
    // An older server: CREATE CHANGEFEED without a sink is not known (a syntax error 42601,
    // "feature not supported" 0A000) or asks for an enterprise licence (XXC02).
    if (!experimental &&
        (error.sqlState == u"42601" || error.sqlState == u"0A000" || error.sqlState == u"XXC02"))
        return LiveDecision{LiveDecision::Action::TryExperimental, serverWords(error), {}};
    if (error.sqlState == u"42501")
        return polling(tr("Your role may not create a changefeed on these tables, so they are "
                          "polled: %1")
                           .arg(serverWords(error)));
    return polling(tr("The changefeed could not be started, so the tables are polled: %1")
                       .arg(serverWords(error)));
}
