#include "worker/LiveSql.h"
#include "worker/LiveTypes.h"
#include "worker/LiveWire.h"
#include "worker/LogicalDecodingParser.h"

#include <QTest>

// The live worker's statements and decisions without a server: the exact CockroachDB
// sequence (no CockroachDB runs here), the PostgreSQL one, the fall backs with their reasons,
// the replication wire messages, and TRUNCATE in the pgoutput parser.
class TestLiveSql : public QObject
{
    Q_OBJECT

    static DbError error(const QString &sqlState, const QString &message,
                         ErrorClass kind = ErrorClass::Other)
    {
        DbError e = DbError::make(kind, message, sqlState);
        if (!sqlState.isEmpty() && kind == ErrorClass::Other)
            e.kind = DbError::classify(sqlState);
        return e;
    }

    // The statements the worker sends to open a CockroachDB feed when the server answers
    // each with `answers` (nullopt = rows flow), and how it ends.
    static std::pair<QStringList, LiveDecision>
    cockroachRun(const QStringList &tables, const QList<std::optional<DbError>> &answers)
    {
        QStringList sent;
        bool experimental = false;
        for (const auto &answer : answers) {
            sent << LiveSql::changefeed(tables, experimental);
            if (!answer)
                return {sent, LiveDecision{LiveDecision::Action::Reconnect, QString(), {}}};
            const LiveDecision decision = LiveSql::cockroachFailure(*answer, experimental, false);
            if (decision.action != LiveDecision::Action::TryExperimental)
                return {sent, decision};
            experimental = true;
        }
        return {sent, {}};
    }

private Q_SLOTS:
    void cockroachStatementSequence()
    {
        const QStringList tables = LiveOptions().tables;
        const QString create =
            QStringLiteral("CREATE CHANGEFEED FOR TABLE vehicles, rides, users, promo_codes, "
                           "user_promo_codes WITH updated, diff, resolved = '1s', "
                           "no_initial_scan");
        const QString experimental =
            QStringLiteral("EXPERIMENTAL CHANGEFEED FOR vehicles, rides, users, promo_codes, "
                           "user_promo_codes WITH updated, diff, resolved = '1s', "
                           "no_initial_scan");
        // A current server: one statement, rows flow.
        auto [sent, decision] = cockroachRun(tables, {std::nullopt});
        QCOMPARE(sent, QStringList{create});

        // An older one refuses the sinkless CREATE CHANGEFEED: the experimental form next.
        std::tie(sent, decision) = cockroachRun(
            tables, {error(QStringLiteral("42601"), QStringLiteral("at or near \"EOF\": syntax "
                                                                   "error")),
                     std::nullopt});
        QCOMPARE(sent, (QStringList{create, experimental}));

        // Rangefeeds off (recorded from cockroach demo --auto-enable-rangefeeds=false; no
        // pgcode, so XXUUU): polling, the reason names the setting, the hint is the statement.
        const DbError rangefeeds =
            error(QStringLiteral("XXUUU"),
                  QStringLiteral("rangefeeds require the kv.rangefeed.enabled setting. See "
                                 "https://www.cockroachlabs.com/docs/v23.1/"
                                 "create-and-configure-changefeeds.html#enable-rangefeeds"));
        std::tie(sent, decision) = cockroachRun(tables, {rangefeeds});
        QCOMPARE(sent, QStringList{create});
        QCOMPARE(decision.action, LiveDecision::Action::Polling);
        QCOMPARE(decision.adminHint,
                 QStringLiteral("SET CLUSTER SETTING kv.rangefeed.enabled = true;"));
        QVERIFY(decision.reason.contains(rangefeeds.message));
        QVERIFY(decision.reason.contains(QStringLiteral("XXUUU")));

        // The same on an older server, after the experimental form.
        std::tie(sent, decision) = cockroachRun(
            tables, {error(QStringLiteral("XXC02"), QStringLiteral("use of CHANGEFEED requires "
                                                                   "an enterprise license")),
                     rangefeeds});
        QCOMPARE(sent, (QStringList{create, experimental}));
        QCOMPARE(decision.action, LiveDecision::Action::Polling);
        QCOMPARE(decision.adminHint, LiveSql::rangefeedHint());

        // The experimental form refused too: polling with its words, never a loop.
        const DbError syntax = error(QStringLiteral("42601"), QStringLiteral("syntax error"));
        std::tie(sent, decision) = cockroachRun(tables, {syntax, syntax});
        QCOMPARE(sent.size(), 2);
        QCOMPARE(decision.action, LiveDecision::Action::Polling);
        QVERIFY(decision.reason.contains(QStringLiteral("syntax error")));
    }

    void cockroachFailures()
    {
        // No privilege.
        LiveDecision d = LiveSql::cockroachFailure(
            error(QStringLiteral("42501"), QStringLiteral("user maxroach does not have "
                                                          "CHANGEFEED privilege")),
            false, false);
        QCOMPARE(d.action, LiveDecision::Action::Polling);
        QVERIFY(d.reason.contains(QStringLiteral("CHANGEFEED privilege")));
        // The connection lost, before or while streaming: again later.
        const DbError lost =
            DbError::make(ErrorClass::Connection, QStringLiteral("server closed the connection"));
        QCOMPARE(LiveSql::cockroachFailure(lost, false, false).action,
                 LiveDecision::Action::Reconnect);
        QCOMPARE(LiveSql::cockroachFailure(lost, true, true).action,
                 LiveDecision::Action::Reconnect);
        // A running feed ended by the server (a TRUNCATE or schema change of a followed table):
        // started again; a dropped table then fails at the start, and polling says why.
        QCOMPARE(LiveSql::cockroachFailure(
                     error(QStringLiteral("XXUUU"), QStringLiteral("\"rides\" was truncated")),
                     false, true)
                     .action,
                 LiveDecision::Action::Reconnect);
        d = LiveSql::cockroachFailure(
            error(QStringLiteral("42P01"), QStringLiteral("relation \"rides\" does not exist")),
            false, false);
        QCOMPARE(d.action, LiveDecision::Action::Polling);
        QVERIFY(d.reason.contains(QStringLiteral("relation \"rides\" does not exist")));
        // Quoted names stay quoted.
        QCOMPARE(LiveSql::changefeed({QStringLiteral("Odd \"name\"")}, false),
                 QStringLiteral("CREATE CHANGEFEED FOR TABLE \"Odd \"\"name\"\"\" WITH updated, "
                                "diff, resolved = '1s', no_initial_scan"));
    }

    void postgresStatementSequence()
    {
        const QStringList tables = LiveOptions().tables;
        const QString slot = LiveSql::slotName(4242, 0xbeef, 7);
        QCOMPARE(slot, QStringLiteral("movr_admin_live_4242_0000beef_7"));
        const QString setup =
            QStringLiteral("SELECT current_setting('wal_level'), r.rolreplication OR r.rolsuper "
                           "FROM pg_roles r WHERE r.rolname = current_user");
        const QString exists = QStringLiteral("SELECT 1 FROM pg_publication WHERE pubname = $1");
        const QString published =
            QStringLiteral("SELECT tablename FROM pg_publication_tables WHERE pubname = $1 AND "
                           "schemaname = current_schema()");
        const QString createSlot15 = QStringLiteral(
            "CREATE_REPLICATION_SLOT movr_admin_live_4242_0000beef_7 TEMPORARY LOGICAL pgoutput "
            "(SNAPSHOT 'nothing')");
        const QString start =
            QStringLiteral("START_REPLICATION SLOT movr_admin_live_4242_0000beef_7 LOGICAL 0/0 "
                           "(proto_version '1', "
                           "publication_names 'movr_admin_live')");
        // No publication yet.
        QCOMPARE(LiveSql::postgresSequence(QStringLiteral("movr_admin_live"), tables, false, {},
                                           slot, 150018),
                 (QStringList{setup, exists,
                              QStringLiteral("CREATE PUBLICATION movr_admin_live FOR TABLE "
                                             "vehicles, rides, users, promo_codes, "
                                             "user_promo_codes"),
                              createSlot15, start}));
        // Complete already.
        QCOMPARE(LiveSql::postgresSequence(QStringLiteral("movr_admin_live"), tables, true, tables,
                                           slot, 160004),
                 (QStringList{setup, exists, published, createSlot15, start}));
        // Missing two tables; a server before 15.
        QCOMPARE(
            LiveSql::postgresSequence(QStringLiteral("movr_admin_live"), tables, true,
                                      {QStringLiteral("vehicles"), QStringLiteral("users"),
                                       QStringLiteral("promo_codes")},
                                      slot, 140011),
            (QStringList{setup, exists, published,
                         QStringLiteral("ALTER PUBLICATION movr_admin_live ADD TABLE rides, "
                                        "user_promo_codes"),
                         QStringLiteral("CREATE_REPLICATION_SLOT movr_admin_live_4242_0000beef_7 "
                                        "TEMPORARY LOGICAL pgoutput NOEXPORT_SNAPSHOT"),
                         start}));
        // An odd publication name is quoted, also inside publication_names.
        QCOMPARE(
            LiveSql::startReplication(slot, QStringLiteral("Live's")),
            QStringLiteral("START_REPLICATION SLOT movr_admin_live_4242_0000beef_7 LOGICAL 0/0 "
                           "(proto_version '1', publication_names '\"Live''s\"')"));
    }

    void postgresFallbacks()
    {
        using Step = LiveSql::PostgresStep;
        QVERIFY(!LiveSql::checkSetup(QStringLiteral("logical"), true, QStringLiteral("maxroach")));
        auto walLevel =
            LiveSql::checkSetup(QStringLiteral("replica"), true, QStringLiteral("maxroach"));
        QVERIFY(walLevel);
        QCOMPARE(walLevel->action, LiveDecision::Action::Polling);
        QVERIFY(walLevel->reason.contains(QStringLiteral("wal_level is replica")));
        auto privilege =
            LiveSql::checkSetup(QStringLiteral("logical"), false, QStringLiteral("Max Roach"));
        QVERIFY(privilege);
        QVERIFY(privilege->reason.contains(QStringLiteral("REPLICATION")));
        // The role by name (quoted as needed), not CURRENT_USER: an administrator runs it.
        QCOMPARE(privilege->adminHint,
                 QStringLiteral("ALTER ROLE \"Max Roach\" WITH REPLICATION;"));

        const DbError full =
            error(QStringLiteral("53400"), QStringLiteral("all replication slots are in use"));
        LiveDecision d = LiveSql::postgresFailure(Step::CreateSlot, full);
        QCOMPARE(d.action, LiveDecision::Action::Polling);
        QVERIFY(d.reason.contains(QStringLiteral("max_replication_slots")));
        QVERIFY(d.reason.contains(QStringLiteral("all replication slots are in use (SQLSTATE "
                                                 "53400)")));
        d = LiveSql::postgresFailure(
            Step::Publication,
            error(QStringLiteral("42501"), QStringLiteral("must be owner of table rides")));
        QCOMPARE(d.action, LiveDecision::Action::Polling);
        QVERIFY(d.reason.contains(QStringLiteral("must be owner of table rides")));
        d = LiveSql::postgresFailure(
            Step::Publication,
            error(QStringLiteral("42P01"), QStringLiteral("relation \"rides\" does not exist")));
        QCOMPARE(d.action, LiveDecision::Action::Polling);
        QCOMPARE(
            LiveSql::postgresFailure(Step::Publication, error(QStringLiteral("42710"),
                                                              QStringLiteral("publication exists")))
                .action,
            LiveDecision::Action::Reconnect);
        // A replication connection refused (no SQLSTATE from libpq) while the normal one works.
        d = LiveSql::postgresFailure(
            Step::ReplicationConnect,
            DbError::make(ErrorClass::Connection,
                          QStringLiteral("FATAL:  number of requested standby connections "
                                         "exceeds max_wal_senders (currently 0)")));
        QCOMPARE(d.action, LiveDecision::Action::Polling);
        QVERIFY(d.reason.contains(QStringLiteral("max_wal_senders")));
        // Lost: again later, from any step; a stream ended by the server too.
        const DbError terminated =
            error(QStringLiteral("57P01"),
                  QStringLiteral("terminating connection due to administrator command"));
        QCOMPARE(LiveSql::postgresFailure(Step::Stream, terminated).action,
                 LiveDecision::Action::Reconnect);
        QCOMPARE(LiveSql::postgresFailure(Step::CreateSlot, terminated).action,
                 LiveDecision::Action::Reconnect);
        QCOMPARE(LiveSql::postgresFailure(Step::Stream,
                                          error(QStringLiteral("42704"),
                                                QStringLiteral("publication \"p\" does not exist")))
                     .action,
                 LiveDecision::Action::Reconnect);
    }

    void wireMessages()
    {
        QByteArray xlog("w", 1);
        xlog += QByteArray::fromHex("0000000100000010"); // start 1/10
        xlog += QByteArray::fromHex("0000000100000020"); // end 1/20
        xlog += QByteArray(8, '\0');
        xlog += "B-payload";
        auto message = LiveWire::parse(xlog);
        QVERIFY(message);
        QCOMPARE(message->kind, LiveWire::Message::Kind::XLogData);
        QCOMPARE(message->walStart, Q_UINT64_C(0x100000010));
        QCOMPARE(message->walEnd, Q_UINT64_C(0x100000020));
        QCOMPARE(message->payload, QByteArray("B-payload"));
        QCOMPARE(LiveWire::lsnText(message->walEnd), QStringLiteral("1/20"));

        QByteArray keepalive("k", 1);
        keepalive += QByteArray::fromHex("00000002000000FF") + QByteArray(8, '\0') + '\x01';
        message = LiveWire::parse(keepalive);
        QVERIFY(message);
        QCOMPARE(message->kind, LiveWire::Message::Kind::Keepalive);
        QVERIFY(message->replyRequested);
        QCOMPARE(message->walEnd, Q_UINT64_C(0x2000000FF));
        QVERIFY(!LiveWire::parse(keepalive.left(10)));
        QVERIFY(!LiveWire::parse(QByteArray("x")));

        // 'r', three LSNs, the clock (microseconds since 2000-01-01), reply flag.
        const QByteArray status = LiveWire::standbyStatus(0x100000020, 946684800000000 + 5);
        QCOMPARE(status.size(), 34);
        QCOMPARE(status.at(0), 'r');
        QCOMPARE(status.mid(1, 8), QByteArray::fromHex("0000000100000020"));
        QCOMPARE(status.mid(17, 8), QByteArray::fromHex("0000000100000020"));
        QCOMPARE(status.mid(25, 8), QByteArray::fromHex("0000000000000005"));
        QCOMPARE(status.at(33), '\0');
    }

    // TRUNCATE is a resync of the tables it names, not an error; a table described again
    // with other columns (ALTER TABLE) too, and one described again unchanged is not.
    void truncateAndRelationChangesAskForResync()
    {
        const auto relation = [](const QByteArray &columns, char count) {
            return QByteArray("R\x00\x00\x00\x05public\x00t\x00"
                              "d\x00",
                              16) +
                   count + columns;
        };
        const QByteArray id("\x01id\x00\x00\x00\x00\x14\xff\xff\xff\xff", 12);
        const QByteArray name("\x00name\x00\x00\x00\x00\x19\xff\xff\xff\xff", 14);
        LogicalDecodingParser parser;
        QVERIFY(parser.parse(QByteArray("B", 1) + QByteArray(20, '\0')));
        QVERIFY(parser.parse(relation(id, 1)));
        QVERIFY(parser.takeResyncTables().isEmpty());
        auto truncated = parser.parse(QByteArray("T\x00\x00\x00\x01\x00\x00\x00\x00\x05", 10));
        QVERIFY2(truncated, qPrintable(truncated ? QString() : truncated.error()));
        QVERIFY(truncated->isEmpty());
        QCOMPARE(parser.takeResyncTables(), QStringList{QStringLiteral("t")});
        QVERIFY(parser.takeResyncTables().isEmpty());
        QVERIFY(parser.parse(relation(id, 1))); // the same again
        QVERIFY(parser.takeResyncTables().isEmpty());
        QVERIFY(parser.parse(relation(id + name, 2))); // a column more
        QCOMPARE(parser.takeResyncTables(), QStringList{QStringLiteral("t")});
        QVERIFY(parser.parse(QByteArray("C", 1) + QByteArray(25, '\0')));
    }
};

QTEST_GUILESS_MAIN(TestLiveSql)
#include "tst_livesql.moc"
