// The browse worker's row read by key (RowRequest → RowReply), which the details pane uses for
// its entity, against a real PostgreSQL.

#include "MovrTestData.h"
#include "TestServer.h"
#include "worker/BrowseWorker.h"

#include <QSignalSpy>
#include <QTest>

class TestRowRead : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<PgConnection> m_sql;
    BrowseWorker *m_worker = nullptr;
    QString m_database;

    // Sends the read and waits for this client's reply of this generation.
    std::optional<RowReply> read(const RowRequest &request)
    {
        QObject receiver;
        std::optional<RowReply> reply;
        connect(m_worker, &BrowseWorker::rowReady, &receiver, [&](const RowReply &r) {
            if (r.client == request.client && r.generation == request.generation)
                reply = r;
        });
        m_worker->readRow(request);
        if (!QTest::qWaitFor([&] { return reply.has_value(); }, 20000))
            return std::nullopt;
        return reply;
    }

    RowRequest request(BrowseTable table, const KeyValues &key)
    {
        RowRequest r;
        r.client = m_worker->newClientId();
        r.generation = 1;
        r.table = table;
        r.key = key;
        r.action = QStringLiteral("Details: test");
        return r;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_database = TestServer::createDatabase(QStringLiteral("rowread"));
        m_sql = TestServer::connect(m_database);
        QVERIFY(MovrTestData::load(*m_sql, 90, 45, 90, TestServer::layoutUnderTest()));
        BrowseWorker::registerMetaTypes();
        m_worker = new BrowseWorker(TestServer::settings(m_database));
        m_worker->start(QStringLiteral("rowread-test"));
    }

    void cleanupTestCase()
    {
        if (m_worker)
            WorkerBase::shutdownAndDelete(m_worker);
        m_worker = nullptr;
    }

    void readsTheRowByItsKey()
    {
        auto expected = m_sql->exec(QStringLiteral(
            "SELECT city, id::text, name, address FROM users ORDER BY city, id LIMIT 1 OFFSET 7"));
        QVERIFY(expected);
        const QString city = expected->text(0, 0);
        const QString id = expected->text(0, 1);
        QList<TraceEntry> traced;
        QObject receiver;
        connect(m_worker, &BrowseWorker::statementTraced, &receiver,
                [&](const TraceEntry &entry) { traced << entry; });

        const auto reply = read(request(BrowseTable::Users, {city, id}));
        QVERIFY(reply);
        QVERIFY2(!reply->error, qPrintable(reply->error ? reply->error->toString() : QString()));
        QVERIFY(reply->row);
        QCOMPARE(reply->table, BrowseTable::Users);
        QCOMPARE(reply->key, (KeyValues{city, id}));
        const TableSpec &spec = TableSpec::of(BrowseTable::Users);
        QCOMPARE(reply->row->text(spec.columnIndex(QStringLiteral("city"))), city);
        QCOMPARE(reply->row->text(spec.columnIndex(QStringLiteral("id"))), id);
        QCOMPARE(reply->row->text(spec.columnIndex(QStringLiteral("name"))), expected->text(0, 2));
        QCOMPARE(reply->row->text(spec.columnIndex(QStringLiteral("address"))),
                 expected->text(0, 3));
        // Traced for the SQL panel, under the request's action, as a read.
        QTRY_VERIFY(std::any_of(traced.begin(), traced.end(), [](const TraceEntry &entry) {
            return entry.action == QLatin1String("Details: test") && entry.isRead &&
                   entry.rows == 1;
        }));
    }

    void aRideWithNullsReadsAsStored()
    {
        auto expected = m_sql->exec(QStringLiteral(
            "SELECT city, id::text FROM rides WHERE end_time IS NULL ORDER BY city, id LIMIT 1"));
        QVERIFY(expected);
        QCOMPARE(expected->rowCount(), 1);
        const auto reply =
            read(request(BrowseTable::Rides, {expected->text(0, 0), expected->text(0, 1)}));
        QVERIFY(reply && reply->row && !reply->error);
        const TableSpec &spec = TableSpec::of(BrowseTable::Rides);
        QVERIFY(reply->row->isNull(spec.columnIndex(QStringLiteral("end_time"))));
        QVERIFY(!reply->row->isNull(spec.columnIndex(QStringLiteral("start_time"))));
    }

    void aMissingRowHasNoRowAndNoError()
    {
        const auto reply = read(
            request(BrowseTable::Users, {QStringLiteral("rome"),
                                         QStringLiteral("00000000-0000-0000-0000-000000000000")}));
        QVERIFY(reply);
        QVERIFY(!reply->error);
        QVERIFY(!reply->row);
    }

    void aBadKeyIsAnErrorReply()
    {
        const auto reply = read(
            request(BrowseTable::Users, {QStringLiteral("rome"), QStringLiteral("not-a-uuid")}));
        QVERIFY(reply);
        QVERIFY(reply->error);
        QVERIFY(!reply->row);
        QCOMPARE(reply->error->sqlState, QStringLiteral("22P02"));
    }

    // A newer read of the same client supersedes the older one: the newest is answered with
    // its own row (the older may be answered or abandoned, never after it with its row).
    void aNewerReadSupersedes()
    {
        auto users = m_sql->exec(
            QStringLiteral("SELECT city, id::text FROM users ORDER BY city, id LIMIT 2"));
        QVERIFY(users);
        RowRequest first = request(BrowseTable::Users, {users->text(0, 0), users->text(0, 1)});
        RowRequest second = first;
        second.generation = 2;
        second.key = {users->text(1, 0), users->text(1, 1)};
        QObject receiver;
        QList<RowReply> replies;
        connect(m_worker, &BrowseWorker::rowReady, &receiver, [&](const RowReply &r) {
            if (r.client == first.client)
                replies << r;
        });
        m_worker->readRow(first);
        m_worker->readRow(second);
        QTRY_VERIFY(std::any_of(replies.begin(), replies.end(),
                                [](const RowReply &r) { return r.generation == 2; }));
        const RowReply &last = replies.last();
        QCOMPARE(last.generation, quint64(2));
        QVERIFY(last.row);
        QCOMPARE(last.row->text(1), users->text(1, 1));
        for (const RowReply &reply : std::as_const(replies)) {
            if (reply.generation == 1 && reply.row)
                QCOMPARE(reply.row->text(1), users->text(0, 1));
        }
    }

    // Forgotten (the pane deleted): the read is cancelled, not left waiting on a lock.
    void aForgottenClientGetsNoRow()
    {
        auto locker = TestServer::connect(m_database);
        QVERIFY(locker->exec(QStringLiteral("BEGIN")));
        QVERIFY(locker->exec(QStringLiteral("LOCK TABLE users IN ACCESS EXCLUSIVE MODE")));
        RowRequest blocked =
            request(BrowseTable::Users, {QStringLiteral("rome"),
                                         QStringLiteral("00000000-0000-0000-0000-000000000001")});
        QObject receiver;
        QList<RowReply> replies;
        connect(m_worker, &BrowseWorker::rowReady, &receiver, [&](const RowReply &r) {
            if (r.client == blocked.client)
                replies << r;
        });
        m_worker->readRow(blocked);
        // Queued, on its way or waiting for the lock on the server: cancelled either way.
        m_worker->forgetClient(blocked.client);
        QTRY_COMPARE(replies.size(), 1);
        QVERIFY(replies.first().error);
        QVERIFY(!replies.first().row);
        QVERIFY(locker->exec(QStringLiteral("ROLLBACK")));
        // The worker is free again.
        auto users = m_sql->exec(QStringLiteral("SELECT city, id::text FROM users LIMIT 1"));
        QVERIFY(users);
        const auto reply =
            read(request(BrowseTable::Users, {users->text(0, 0), users->text(0, 1)}));
        QVERIFY(reply && reply->row);
    }
};

QTEST_MAIN(TestRowRead)
#include "tst_rowread.moc"
