#include "TestServer.h"
#include "worker/LiveWorker.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>
#include <QUuid>

namespace {

// Defined at the end of the file: moc misreads a raw string literal holding \" in the class.
extern const char *const HostileJsonText;

using Key = QList<std::pair<QString, SqlValue>>;

} // namespace

// The live worker on the real test server (wal_level=logical, 20 slots): logical decoding
// with pgoutput on a replication connection, the fall backs to polling, reconnect, pause,
// TRUNCATE / ALTER, stop. A second session writes; the worker's events must say exactly what
// it wrote.
class TestLiveWorker : public QObject
{
    Q_OBJECT

    QString m_database;
    std::unique_ptr<PgConnection> m_writer;
    LiveWorker *m_worker = nullptr;
    std::unique_ptr<QSignalSpy> m_status;
    std::unique_ptr<QSignalSpy> m_changes;
    std::unique_ptr<QSignalSpy> m_resync;
    std::unique_ptr<QSignalSpy> m_traced;

    const QString Hostile = QStringLiteral(
        "O'Brien \"Bob\" \\ \\\\x00 line1\nline2\ttab ünï 🚲 '';-- DROP TABLE users;");
    const QString HostileJson = QString::fromUtf8(HostileJsonText);

    static SqlValue one(PgConnection &connection, const QString &sql, const SqlParams &params = {})
    {
        auto result = connection.exec(sql, params);
        if (!result) {
            qWarning() << sql << result.error().toString();
            return std::nullopt;
        }
        return result->rowCount() > 0 ? result->value(0, 0) : std::nullopt;
    }
    void exec(const QString &sql, const SqlParams &params = {})
    {
        auto result = m_writer->exec(sql, params);
        QVERIFY2(result, qPrintable(sql + QStringLiteral(": ") +
                                    (result ? QString() : result.error().toString())));
    }
    int liveSlots()
    {
        return one(*m_writer,
                   QStringLiteral("SELECT count(*) FROM pg_replication_slots WHERE slot_name "
                                  "LIKE 'movr_admin_live_%'"))
            .value_or(QStringLiteral("-1"))
            .toInt();
    }
    QList<ChangeEvent> events() const
    {
        QList<ChangeEvent> all;
        for (const QList<QVariant> &signal : std::as_const(*m_changes))
            all += signal.at(0).value<QList<ChangeEvent>>();
        return all;
    }
    std::optional<ChangeEvent> find(const QString &table, ChangeKind kind, const QString &id) const
    {
        for (const ChangeEvent &event : events()) {
            if (event.table == table && event.kind == kind &&
                event.keyValue(QStringLiteral("id")) == SqlValue(id))
                return event;
        }
        return std::nullopt;
    }
    bool hasName(const QString &name) const
    {
        const QList<ChangeEvent> all = events();
        return std::any_of(all.cbegin(), all.cend(), [&](const ChangeEvent &event) {
            const ChangedColumn *column = event.column(QStringLiteral("name"));
            return column && column->after == SqlValue(name);
        });
    }
    bool streaming() const
    {
        const LiveStatus status = m_worker->status();
        return status.source == LiveSource::LogicalDecoding && status.connected && !status.paused;
    }
    void startWorker(const ConnectionSettings &settings, LiveOptions options = {})
    {
        m_worker = new LiveWorker(settings, options);
        m_status = std::make_unique<QSignalSpy>(m_worker, &LiveWorker::statusChanged);
        m_changes = std::make_unique<QSignalSpy>(m_worker, &LiveWorker::changes);
        m_resync = std::make_unique<QSignalSpy>(m_worker, &LiveWorker::resyncNeeded);
        m_traced = std::make_unique<QSignalSpy>(m_worker, &LiveWorker::statementTraced);
        m_worker->startStream();
    }
    void startStreaming()
    {
        startWorker(TestServer::settings(m_database));
        QTRY_VERIFY_WITH_TIMEOUT(streaming(), 15000);
        QTRY_COMPARE(m_resync->size(), 1); // the first start: read what is shown
        QCOMPARE(m_resync->first().at(0).toStringList(), QStringList());
    }
    QString firstUser()
    {
        return one(*m_writer, QStringLiteral("SELECT id FROM users ORDER BY id LIMIT 1"))
            .value_or(QString());
    }

private Q_SLOTS:
    void initTestCase()
    {
        LiveWorker::registerMetaTypes();
        MovrCounts counts;
        counts.users = 20;
        counts.vehicles = 10;
        counts.rides = 20;
        counts.histories = 10;
        counts.promoCodes = 20;
        m_database = TestServer::createMovrDatabase(QStringLiteral("live"), counts);
        m_writer = TestServer::connect(m_database);
        // The test server runs with synchronous_commit=off; commit flushes at once here, so the
        // walsender has the change to send when the writer returns.
        exec(QStringLiteral("SET synchronous_commit = on"));
    }

    void cleanup()
    {
        if (m_worker) {
            QVERIFY(m_worker->shutdown(std::chrono::milliseconds(3000)));
            delete m_worker;
            m_worker = nullptr;
        }
        // The temporary slot goes with the stream's connection.
        QTRY_COMPARE_WITH_TIMEOUT(liveSlots(), 0, 10000);
    }

    void streamsChangesWithHostileValues()
    {
        startStreaming();
        // The statements it sent, for the SQL panel.
        QTRY_VERIFY(m_traced->size() >= 4);
        QStringList sent;
        for (const QList<QVariant> &signal : std::as_const(*m_traced)) {
            const auto entry = signal.at(0).value<TraceEntry>();
            QCOMPARE(entry.source, TraceSource::Read);
            QVERIFY2(!entry.failed(), qPrintable(entry.sql + entry.error));
            sent << entry.sql;
        }
        QVERIFY(sent.first().contains(QStringLiteral("wal_level")));
        QVERIFY(sent.last().startsWith(QStringLiteral("START_REPLICATION SLOT")));
        QVERIFY(
            one(*m_writer, QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE "
                                          "application_name = 'movr-admin live' AND backend_type = "
                                          "'walsender'"))
                .value_or(QString()) == u"1");

        const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        exec(QStringLiteral("INSERT INTO users (id, city, name, address, credit_card) VALUES "
                            "($1, $2, $2, $3, NULL)"),
             {id, Hostile, HostileJson});
        const QString user = firstUser();
        exec(QStringLiteral("UPDATE users SET name = $2, credit_card = $3 WHERE id = $1"),
             {user, HostileJson, Hostile});
        const QString vehicle =
            one(*m_writer, QStringLiteral("SELECT id FROM vehicles ORDER BY id LIMIT 1"))
                .value_or(QString());
        exec(QStringLiteral("UPDATE vehicles SET ext = $2::jsonb WHERE id = $1"),
             {vehicle, HostileJson});
        exec(QStringLiteral("DELETE FROM users WHERE id = $1"), {id});

        QTRY_VERIFY_WITH_TIMEOUT(find(QStringLiteral("users"), ChangeKind::Delete, id), 10000);
        const auto inserted = find(QStringLiteral("users"), ChangeKind::Insert, id);
        QVERIFY(inserted);
        QCOMPARE(inserted->schema, QStringLiteral("public"));
        QCOMPARE(inserted->key,
                 (Key{{QStringLiteral("city"), Hostile}, {QStringLiteral("id"), id}}));
        QCOMPARE(inserted->column(QStringLiteral("name"))->after, SqlValue(Hostile));
        QCOMPARE(inserted->column(QStringLiteral("address"))->after, SqlValue(HostileJson));
        QCOMPARE(inserted->column(QStringLiteral("credit_card"))->after, SqlValue());

        const auto updated = find(QStringLiteral("users"), ChangeKind::Update, user);
        QVERIFY(updated);
        QCOMPARE(updated->column(QStringLiteral("name"))->after, SqlValue(HostileJson));
        QCOMPARE(updated->column(QStringLiteral("credit_card"))->after, SqlValue(Hostile));

        const auto ext = find(QStringLiteral("vehicles"), ChangeKind::Update, vehicle);
        QVERIFY(ext);
        QCOMPARE(
            ext->column(QStringLiteral("ext"))->after,
            one(*m_writer, QStringLiteral("SELECT ext FROM vehicles WHERE id = $1"), {vehicle}));

        const auto deleted = find(QStringLiteral("users"), ChangeKind::Delete, id);
        QCOMPARE(deleted->key, inserted->key);

        // Commit order: insert, update, update, delete.
        const QList<ChangeEvent> all = events();
        QCOMPARE(all.size(), 4);
        QCOMPARE(all.at(0).kind, ChangeKind::Insert);
        QCOMPARE(all.at(2).table, QStringLiteral("vehicles"));
        QCOMPARE(all.at(3).kind, ChangeKind::Delete);
        QVERIFY(all.at(0).commitTime <= all.at(3).commitTime);
        QCOMPARE(m_resync->size(), 1);
    }

    void truncateAndAlterAskForResync()
    {
        startStreaming();
        exec(QStringLiteral("TRUNCATE user_promo_codes"));
        QTRY_VERIFY_WITH_TIMEOUT(m_resync->size() >= 2, 10000);
        QCOMPARE(m_resync->at(1).at(0).toStringList(),
                 QStringList{QStringLiteral("user_promo_codes")});

        // ALTER TABLE: pgoutput describes the table again with its new columns.
        exec(QStringLiteral("UPDATE promo_codes SET description = 'before' WHERE code = (SELECT "
                            "min(code) FROM promo_codes)"));
        QTRY_VERIFY_WITH_TIMEOUT(events().size() == 1, 10000);
        exec(QStringLiteral("ALTER TABLE promo_codes ADD COLUMN live_note text"));
        exec(QStringLiteral("UPDATE promo_codes SET live_note = 'after' WHERE code = (SELECT "
                            "min(code) FROM promo_codes)"));
        QTRY_VERIFY_WITH_TIMEOUT(m_resync->size() >= 3, 10000);
        QCOMPARE(m_resync->at(2).at(0).toStringList(), QStringList{QStringLiteral("promo_codes")});
        QTRY_COMPARE(events().size(), 2);
        QCOMPARE(events().at(1).column(QStringLiteral("live_note"))->after,
                 SqlValue(QStringLiteral("after")));
        QVERIFY(streaming());
        exec(QStringLiteral("ALTER TABLE promo_codes DROP COLUMN live_note"));
    }

    // A dropped table sends nothing on the stream: the periodic catalog check notices, the
    // stream is opened again, and the setup says the table is gone: polling, with the reason.
    void droppedTableFallsBackWithAReason()
    {
        exec(QStringLiteral("CREATE TABLE live_scratch (id int8 PRIMARY KEY, note text)"));
        LiveOptions options;
        options.tables = {QStringLiteral("live_scratch")};
        options.publication = QStringLiteral("live_scratch_pub");
        options.catalogCheckMs = 200;
        startWorker(TestServer::settings(m_database), options);
        QTRY_VERIFY_WITH_TIMEOUT(streaming(), 15000);
        exec(QStringLiteral("INSERT INTO live_scratch VALUES (1, $1)"), {Hostile});
        QTRY_COMPARE_WITH_TIMEOUT(events().size(), 1, 10000);
        QCOMPARE(events().first().column(QStringLiteral("note"))->after, SqlValue(Hostile));
        exec(QStringLiteral("DROP TABLE live_scratch"));
        QTRY_COMPARE_WITH_TIMEOUT(m_worker->status().source, LiveSource::Polling, 15000);
        const QString reason = m_worker->status().reason;
        QVERIFY2(reason.contains(QStringLiteral("live_scratch")), qPrintable(reason));
        QVERIFY2(reason.contains(QStringLiteral("42P01")), qPrintable(reason));
        exec(QStringLiteral("DROP PUBLICATION live_scratch_pub"));
    }

    void reconnectsAfterTheBackendIsTerminated()
    {
        startStreaming();
        const QString slotBefore =
            one(*m_writer, QStringLiteral("SELECT slot_name FROM pg_replication_slots WHERE "
                                          "slot_name LIKE 'movr_admin_live_%'"))
                .value_or(QString());
        QVERIFY(!slotBefore.isEmpty());
        const int statusesBefore = int(m_status->size());
        QCOMPARE(one(*m_writer, QStringLiteral("SELECT count(pg_terminate_backend(pid)) FROM "
                                               "pg_stat_activity WHERE application_name = "
                                               "'movr-admin live' AND backend_type = "
                                               "'walsender'")),
                 SqlValue(QStringLiteral("1")));
        // Written while the stream is down (or, at the latest, just reconnecting).
        const QString user = firstUser();
        exec(QStringLiteral("UPDATE users SET name = 'while down' WHERE id = $1"), {user});
        // It noticed (connected = false, with the reason), reconnected and asked for a resync.
        QTRY_VERIFY_WITH_TIMEOUT(m_resync->size() >= 2, 15000);
        QTRY_VERIFY_WITH_TIMEOUT(streaming(), 15000);
        bool sawLoss = false;
        for (qsizetype i = statusesBefore; i < m_status->size(); ++i) {
            const auto status = m_status->at(i).at(0).value<LiveStatus>();
            if (!status.connected && !status.reason.isEmpty())
                sawLoss = true;
        }
        QVERIFY(sawLoss);
        // A new temporary slot.
        QTRY_COMPARE(liveSlots(), 1);
        QVERIFY(one(*m_writer, QStringLiteral("SELECT slot_name FROM pg_replication_slots WHERE "
                                              "slot_name LIKE 'movr_admin_live_%'")) !=
                SqlValue(slotBefore));
        // And it streams again.
        exec(QStringLiteral("UPDATE users SET name = 'after reconnect' WHERE id = $1"), {user});
        QTRY_VERIFY_WITH_TIMEOUT(hasName(QStringLiteral("after reconnect")), 10000);
    }

    // As after a server restart: the stream's and the control connection both go.
    void reconnectsAfterEveryConnectionIsTerminated()
    {
        startStreaming();
        QVERIFY(one(*m_writer, QStringLiteral("SELECT count(pg_terminate_backend(pid)) FROM "
                                              "pg_stat_activity WHERE pid <> pg_backend_pid() "
                                              "AND (datname = current_database() OR "
                                              "application_name = 'movr-admin live')"))
                    .value_or(QString())
                    .toInt() >= 2);
        QTRY_VERIFY_WITH_TIMEOUT(m_resync->size() >= 2, 15000);
        QTRY_VERIFY_WITH_TIMEOUT(streaming(), 15000);
        const QString user = firstUser();
        exec(QStringLiteral("UPDATE users SET name = 'after the restart' WHERE id = $1"), {user});
        QTRY_VERIFY_WITH_TIMEOUT(hasName(QStringLiteral("after the restart")), 10000);
    }

    void pauseClosesTheStreamAndResumeResyncs()
    {
        startStreaming();
        m_worker->setPaused(true);
        QTRY_VERIFY(m_worker->status().paused);
        QVERIFY(!m_worker->status().connected);
        QTRY_COMPARE(liveSlots(), 0);
        const QString user = firstUser();
        exec(QStringLiteral("UPDATE users SET name = 'while paused' WHERE id = $1"), {user});
        m_worker->setPaused(false);
        QTRY_VERIFY_WITH_TIMEOUT(streaming(), 15000);
        QTRY_COMPARE(m_resync->size(), 2);
        QCOMPARE(liveSlots(), 1);
        exec(QStringLiteral("UPDATE users SET name = 'after resume' WHERE id = $1"), {user});
        QTRY_VERIFY_WITH_TIMEOUT(find(QStringLiteral("users"), ChangeKind::Update, user), 10000);
        QCOMPARE(events().last().column(QStringLiteral("name"))->after,
                 SqlValue(QStringLiteral("after resume")));
    }

    // The window may start with live updates off: setPaused(true) before startStream().
    void pausedBeforeStartOpensNothing()
    {
        m_worker = new LiveWorker(TestServer::settings(m_database));
        m_resync = std::make_unique<QSignalSpy>(m_worker, &LiveWorker::resyncNeeded);
        m_changes = std::make_unique<QSignalSpy>(m_worker, &LiveWorker::changes);
        m_worker->setPaused(true);
        m_worker->startStream();
        QTRY_VERIFY(m_worker->status().paused);
        // Nothing opens meanwhile (bounded: the worker's thread answers a queued no-op first).
        QSignalSpy traced(m_worker, &LiveWorker::statementTraced);
        QVERIFY(!traced.wait(300));
        QCOMPARE(liveSlots(), 0);
        QCOMPARE(m_worker->status().source, LiveSource::None);
        m_worker->setPaused(false);
        QTRY_VERIFY_WITH_TIMEOUT(streaming(), 15000);
        QTRY_COMPARE(m_resync->size(), 1);
    }

    void stopIsPromptAndLeavesNoSlot()
    {
        startStreaming();
        QCOMPARE(liveSlots(), 1);
        QElapsedTimer timer;
        timer.start();
        QVERIFY(m_worker->shutdown(std::chrono::milliseconds(3000)));
        QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
        delete m_worker;
        m_worker = nullptr;
        QTRY_COMPARE(liveSlots(), 0);
    }

    // CREATE_REPLICATION_SLOT waits for every transaction that holds an xid to end: a stop
    // meanwhile must not wait for it.
    void stopWhileTheSlotWaitsIsPrompt()
    {
        auto holder = TestServer::connect(m_database);
        QVERIFY(holder->exec(QStringLiteral("BEGIN")));
        QVERIFY(holder->exec(QStringLiteral("UPDATE users SET name = name WHERE id = (SELECT id "
                                            "FROM users ORDER BY id LIMIT 1)")));
        startWorker(TestServer::settings(m_database));
        QTRY_COMPARE_WITH_TIMEOUT(
            one(*m_writer, QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE "
                                          "application_name = 'movr-admin live' AND state = "
                                          "'active' AND query LIKE 'CREATE_REPLICATION_SLOT%'")),
            SqlValue(QStringLiteral("1")), 15000);
        QVERIFY(!m_worker->status().connected);
        QElapsedTimer timer;
        timer.start();
        QVERIFY(m_worker->shutdown(std::chrono::milliseconds(3000)));
        QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
        delete m_worker;
        m_worker = nullptr;
        QVERIFY(holder->exec(QStringLiteral("ROLLBACK")));
        QTRY_COMPARE(liveSlots(), 0);
    }

    void roleWithoutReplicationPolls()
    {
        exec(QStringLiteral("DROP ROLE IF EXISTS live_plain"));
        exec(QStringLiteral("CREATE ROLE live_plain LOGIN PASSWORD 'live-plain-pw' NOREPLICATION"));
        exec(QStringLiteral("GRANT SELECT ON ALL TABLES IN SCHEMA public TO live_plain"));
        ConnectionSettings settings = TestServer::settings(m_database);
        settings.setValue(QStringLiteral("user"), QStringLiteral("live_plain"));
        settings.setValue(QStringLiteral("password"), QStringLiteral("live-plain-pw"));
        LiveOptions options;
        options.pollIntervalMs = 2000;
        startWorker(settings, options);
        QTRY_COMPARE_WITH_TIMEOUT(m_worker->status().source, LiveSource::Polling, 15000);
        const LiveStatus status = m_worker->status();
        QVERIFY(status.connected);
        QCOMPARE(status.pollIntervalMs, 2000);
        QVERIFY2(status.reason.contains(QStringLiteral("REPLICATION")), qPrintable(status.reason));
        QVERIFY(!status.adminHint.isEmpty());
        QTRY_COMPARE(m_resync->size(), 1);
    }

    void exhaustedSlotsPoll()
    {
        // Fill every slot left: physical slots that reserve no WAL, cheap. Not temporary: the
        // error that says "full" would drop a session's temporary slots.
        auto filler = TestServer::connect(m_database);
        DbError refused;
        for (int i = 0; i < 100; ++i) {
            auto created =
                filler->exec(QStringLiteral("SELECT pg_create_physical_replication_slot($1)"),
                             {QStringLiteral("tst_fill_%1").arg(i)});
            if (!created) {
                refused = created.error();
                break;
            }
        }
        QCOMPARE(refused.sqlState, QStringLiteral("53400"));
        startWorker(TestServer::settings(m_database));
        QTRY_COMPARE_WITH_TIMEOUT(m_worker->status().source, LiveSource::Polling, 15000);
        const LiveStatus status = m_worker->status();
        QVERIFY2(status.reason.contains(QStringLiteral("max_replication_slots")),
                 qPrintable(status.reason));
        QVERIFY2(status.reason.contains(refused.message), qPrintable(status.reason));
        QVERIFY(filler->exec(QStringLiteral("SELECT pg_drop_replication_slot(slot_name) FROM "
                                            "pg_replication_slots WHERE slot_name LIKE "
                                            "'tst_fill_%'")));
    }

    void optionsCanForcePolling()
    {
        LiveOptions options;
        options.allowLogicalDecoding = false;
        startWorker(TestServer::settings(m_database), options);
        QTRY_COMPARE(m_worker->status().source, LiveSource::Polling);
        QVERIFY(!m_worker->status().reason.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestLiveWorker)
#include "tst_liveworker.moc"

namespace {
const char *const HostileJsonText =
    R"({"quote": "it's \"x\"", "back": "a\\b", "nl": "1\n2", "u": "é🚲", "sql": "'; DROP TABLE x; --"})";
} // namespace
