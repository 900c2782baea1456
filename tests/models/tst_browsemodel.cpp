// The browse models against a real PostgreSQL holding a MovR data set several pages large:
// every model under QAbstractItemModelTester; results of sort, filter and search compared
// with the same query computed directly in SQL.

#include "ModelTesting.h"
#include "MovrTestData.h"
#include "TcpProxy.h"
#include "TestServer.h"
#include "models/BrowseTableModel.h"
#include "movr/Cities.h"
#include "worker/BrowseQuery.h"
#include "worker/BrowseWorker.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

Q_DECLARE_METATYPE(BrowseFilter)

namespace {

using ModelTesting::KeyList;
using ModelTesting::modelKeys;

// Loads every page (fetchMore until the end); false on an error or when it takes too long.

} // namespace

class TestBrowseModel : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<PgConnection> m_sql; // the direct connection the tests compare with
    BrowseWorker *m_worker = nullptr;
    QString m_database;

    KeyList sqlKeys(const QString &table, const QString &keyColumns, const QString &where,
                    const QString &orderBy, const SqlParams &params = {})
    {
        return ModelTesting::sqlKeys(*m_sql, table, keyColumns, where, orderBy, params);
    }

    std::unique_ptr<BrowseTableModel> makeModel(BrowseTable table, const BrowseFilter &filter = {},
                                                const BrowseSort &sort = {})
    {
        auto model = std::make_unique<BrowseTableModel>(table);
        new QAbstractItemModelTester(
            model.get(), QAbstractItemModelTester::FailureReportingMode::Fatal, model.get());
        model->setFilter(filter);
        model->setSortOrder(sort);
        model->setWorker(m_worker);
        return model;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_database = TestServer::createDatabase(QStringLiteral("browse"));
        m_sql = TestServer::connect(m_database);
        QVERIFY(MovrTestData::load(*m_sql));
        BrowseWorker::registerMetaTypes();
        m_worker = new BrowseWorker(TestServer::settings(m_database));
        m_worker->start(QStringLiteral("browse-test"));
    }

    void cleanupTestCase()
    {
        if (m_worker)
            WorkerBase::shutdownAndDelete(m_worker);
        m_worker = nullptr;
    }

    // A table PostgreSQL never analyzed (reltuples -1), and a NULL estimate (what CockroachDB's
    // SHOW TABLES gives without statistics): unknown, never "about 0".
    void unanalyzedTableHasNoEstimate()
    {
        const QString database = TestServer::createDatabase(QStringLiteral("browse_fresh"));
        auto sql = TestServer::connect(database);
        QVERIFY(Schema::create(*sql));
        QVERIFY(sql->exec(QStringLiteral(
            "INSERT INTO promo_codes (code, description, creation_time, expiration_time, rules) "
            "VALUES ('a', 'x', now(), now(), '{}'), ('b', 'y', now(), now(), '{}')")));
        auto reltuples = sql->exec(
            QStringLiteral("SELECT reltuples FROM pg_class WHERE oid = 'promo_codes'::regclass"));
        QVERIFY(reltuples);
        QCOMPARE(reltuples->text(0, 0), QStringLiteral("-1"));
        auto *worker = new BrowseWorker(TestServer::settings(database));
        worker->start(QStringLiteral("browse-fresh"));
        {
            BrowseTableModel model(BrowseTable::PromoCodes);
            QSignalSpy estimated(&model, &BrowseTableModel::estimateChanged);
            model.setWorker(worker);
            QTRY_COMPARE(estimated.count(), 1);
            QCOMPARE(estimated.first().at(0).toLongLong(), qint64(-1));
            QCOMPARE(model.estimatedRows(), qint64(-1));
            QTRY_COMPARE(model.rowCount(), 2);
        }
        WorkerBase::shutdownAndDelete(worker);
        auto null = sql->exec(QStringLiteral("SELECT NULL::int8"));
        QVERIFY(null);
        QCOMPARE(BrowseQuery::estimateFrom(*null), qint64(-1));
        auto none = sql->exec(QStringLiteral("SELECT 1 WHERE false"));
        QVERIFY(none);
        QCOMPARE(BrowseQuery::estimateFrom(*none), qint64(-1));
        auto known = sql->exec(QStringLiteral("SELECT 42::int8"));
        QVERIFY(known);
        QCOMPARE(BrowseQuery::estimateFrom(*known), qint64(42));
    }

    void firstPageIsSmallAndPagesGrow()
    {
        BrowseTableModel model(BrowseTable::Rides);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setMaxPageSize(1000);
        QSignalSpy first(&model, &BrowseTableModel::firstRowsShown);
        QSignalSpy pages(&model, &BrowseTableModel::pageLoaded);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.setWorker(m_worker);
        QCOMPARE(model.state(), BrowseTableModel::State::Loading);
        QVERIFY(!model.canFetchMore()); // one page in flight at a time
        QTRY_COMPARE(first.count(), 1);
        QCOMPARE(pages.at(0).at(0).toInt(), 50);
        // Keep asking (the model tester asks too, after every insert): each page doubles,
        // up to the maximum, and only one page is ever in flight.
        QVERIFY(ModelTesting::fetchAll(model));
        QCOMPARE(model.rowCount(), 5000);
        QList<int> sizes;
        for (const auto &arguments : pages)
            sizes.append(arguments.at(0).toInt());
        QCOMPARE(sizes, (QList<int>{50, 100, 200, 400, 800, 1000, 1000, 1000, 450}));
        QCOMPARE(inserted.count(), sizes.size());
        QCOMPARE(first.count(), 1);
        // The catalog's estimate (after ANALYZE), not a count.
        QTRY_VERIFY(model.estimatedRows() > 0);
        QCOMPARE(model.estimatedRows(), 5000);
    }

    void sortMatchesSql_data()
    {
        QTest::addColumn<int>("table");
        QTest::addColumn<int>("column");
        QTest::addColumn<int>("order");
        QTest::addColumn<QString>("orderBy");
        const int asc = Qt::AscendingOrder, desc = Qt::DescendingOrder;
        const int rides = int(BrowseTable::Rides);
        QTest::newRow("rides by key") << rides << -1 << asc << "city ASC, id ASC";
        QTest::newRow("rides by key desc") << rides << -1 << desc << "city DESC, id DESC";
        QTest::newRow("rides by end time (NULLs)")
            << rides << 8 << asc << "end_time ASC NULLS LAST, city ASC, id ASC";
        QTest::newRow("rides by end time desc")
            << rides << 8 << desc << "end_time DESC NULLS LAST, city DESC, id DESC";
        QTest::newRow("rides by revenue")
            << rides << 9 << asc << "revenue ASC NULLS LAST, city ASC, id ASC";
        QTest::newRow("rides by id")
            << rides << 1 << desc << "id DESC NULLS LAST, city DESC, id DESC";
        QTest::newRow("users by name")
            << int(BrowseTable::Users) << 2 << asc << "name ASC NULLS LAST, city ASC, id ASC";
        QTest::newRow("vehicles by status desc") << int(BrowseTable::Vehicles) << 3 << desc
                                                 << "status DESC NULLS LAST, city DESC, id DESC";
        QTest::newRow("promo codes by key desc")
            << int(BrowseTable::PromoCodes) << -1 << desc << "code DESC";
        QTest::newRow("promo codes by expiry") << int(BrowseTable::PromoCodes) << 3 << asc
                                               << "expiration_time ASC NULLS LAST, code ASC";
    }

    void sortMatchesSql()
    {
        QFETCH(int, table);
        QFETCH(int, column);
        QFETCH(int, order);
        QFETCH(QString, orderBy);
        auto model = makeModel(BrowseTable(table), {}, {column, Qt::SortOrder(order)});
        model->setMaxPageSize(700);
        QVERIFY(ModelTesting::fetchAll(*model));
        const TableSpec &spec = model->spec();
        QStringList keyColumns;
        for (int c : spec.keyColumns)
            keyColumns.append(spec.quotedColumn(c));
        const KeyList expected =
            sqlKeys(spec.sqlName, keyColumns.join(QLatin1Char(',')), {}, orderBy);
        QVERIFY(expected.size() > 500);
        QCOMPARE(modelKeys(*model), expected);
    }

    void headerClickSortsOnServer()
    {
        auto model = makeModel(BrowseTable::Users);
        QTRY_VERIFY(model->rowCount() > 0);
        QSignalSpy reset(model.get(), &QAbstractItemModel::modelReset);
        model->sort(2, Qt::DescendingOrder);
        QCOMPARE(reset.count(), 1);
        QCOMPARE(model->sortOrder().column, 2);
        QVERIFY(ModelTesting::fetchAll(*model));
        const KeyList expected =
            sqlKeys(QStringLiteral("users"), QStringLiteral("city, id"), {},
                    QStringLiteral("name DESC NULLS LAST, city DESC, id DESC"));
        QCOMPARE(modelKeys(*model), expected);
    }

    void filterMatchesSql_data()
    {
        QTest::addColumn<int>("table");
        QTest::addColumn<BrowseFilter>("filter");
        QTest::addColumn<QString>("where");
        QTest::addColumn<QStringList>("params");

        BrowseFilter city;
        city.cities = {QStringLiteral("rome")};
        QTest::newRow("rides in a city")
            << int(BrowseTable::Rides) << city << "city = $1" << QStringList{"rome"};
        BrowseFilter region;
        region.cities = Cities::namesInRegion(QStringLiteral("us-west1"));
        QTest::newRow("users in a region")
            << int(BrowseTable::Users) << region << "city IN ($1, $2, $3)" << region.cities;
        BrowseFilter status;
        status.status = QStringLiteral("available");
        status.vehicleType = QStringLiteral("bike");
        QTest::newRow("available bikes")
            << int(BrowseTable::Vehicles) << status << "status = $1 AND type = $2"
            << QStringList{"available", "bike"};
        BrowseFilter active;
        active.activeOnly = true;
        active.cities = {QStringLiteral("paris"), QStringLiteral("boston")};
        QTest::newRow("active rides in two cities")
            << int(BrowseTable::Rides) << active << "end_time IS NULL AND city IN ($1, $2)"
            << QStringList{"paris", "boston"};
        BrowseFilter range;
        range.from = QDateTime(QDate(2018, 12, 20), QTime(0, 0), QTimeZone::utc());
        range.to = QDateTime(QDate(2018, 12, 25), QTime(12, 0), QTimeZone::utc());
        QTest::newRow("rides in a time range")
            << int(BrowseTable::Rides) << range
            << "start_time >= $1::timestamp AND start_time < $2::timestamp"
            << QStringList{"2018-12-20 00:00:00", "2018-12-25 12:00:00"};
        BrowseFilter history;
        history.equals = {{QStringLiteral("city"), QStringLiteral("boston")}};
        QTest::newRow("history of boston")
            << int(BrowseTable::LocationHistory) << history << "city = $1" << QStringList{"boston"};
        BrowseFilter nothing;
        nothing.cities = {QStringLiteral("atlantis")};
        QTest::newRow("empty result")
            << int(BrowseTable::Rides) << nothing << "city = $1" << QStringList{"atlantis"};
    }

    void filterMatchesSql()
    {
        QFETCH(int, table);
        QFETCH(BrowseFilter, filter);
        QFETCH(QString, where);
        QFETCH(QStringList, params);
        auto model = makeModel(BrowseTable(table), filter);
        model->setMaxPageSize(1000);
        QVERIFY(ModelTesting::fetchAll(*model));
        const TableSpec &spec = model->spec();
        QStringList keyColumns;
        for (int c : spec.keyColumns)
            keyColumns.append(spec.quotedColumn(c));
        SqlParams sqlParams;
        for (const QString &param : params)
            sqlParams.append(param);
        const KeyList expected = sqlKeys(spec.sqlName, keyColumns.join(QLatin1Char(',')), where,
                                         keyColumns.join(QLatin1Char(',')), sqlParams);
        QCOMPARE(modelKeys(*model), expected);
    }

    void searchMatchesSql_data()
    {
        QTest::addColumn<int>("table");
        QTest::addColumn<QString>("search");
        QTest::addColumn<QString>("where");
        QTest::addColumn<int>("minimum");
        // Compared with strpos (no pattern syntax at all), so escaping mistakes show.
        QTest::newRow("ride by id prefix") << int(BrowseTable::Rides) << QStringLiteral("@r17:6")
                                           << "strpos(id::text, lower($1)) = 1" << 1;
        QTest::newRow("ride by full id") << int(BrowseTable::Rides) << QStringLiteral("@r17:36")
                                         << "strpos(id::text, lower($1)) = 1" << 1;
        QTest::newRow("ride by id prefix across a hyphen")
            << int(BrowseTable::Rides) << QStringLiteral("@r17:10")
            << "strpos(id::text, lower($1)) = 1" << 1;
        QTest::newRow("ride by id prefix ending in a hyphen")
            << int(BrowseTable::Rides) << QStringLiteral("@r17:9")
            << "strpos(id::text, lower($1)) = 1" << 1;
        QTest::newRow("ride by a one-digit prefix")
            << int(BrowseTable::Rides) << QStringLiteral("@r17:1")
            << "strpos(id::text, lower($1)) = 1" << 100;
        QTest::newRow("ride by text no id starts with")
            << int(BrowseTable::Rides) << QStringLiteral("ab-c")
            << "strpos(id::text, lower($1)) = 1" << 0;
        QTest::newRow("ride by upper-case full id")
            << int(BrowseTable::Rides) << QStringLiteral("@R17:36")
            << "strpos(id::text, lower($1)) = 1" << 1;
        QTest::newRow("ride by upper-case prefix")
            << int(BrowseTable::Rides) << QStringLiteral("@R17:4")
            << "strpos(id::text, lower($1)) = 1" << 1;
        QTest::newRow("user by name") << int(BrowseTable::Users) << QStringLiteral("user 12")
                                      << "strpos(lower(name), lower($1)) > 0" << 100;
        QTest::newRow("vehicle by location")
            << int(BrowseTable::Vehicles) << QStringLiteral("7 harbor")
            << "strpos(lower(current_location), lower($1)) > 0 OR strpos(id::text, lower($1)) = 1"
            << 5;
        QTest::newRow("vehicle by id") << int(BrowseTable::Vehicles) << QStringLiteral("@v5:5")
                                       << "strpos(lower(current_location), lower($1)) > 0 OR "
                                          "strpos(id::text, lower($1)) = 1"
                                       << 1;
        QTest::newRow("vehicle by full id")
            << int(BrowseTable::Vehicles) << QStringLiteral("@v5:36")
            << "strpos(lower(current_location), lower($1)) > 0 OR "
               "strpos(id::text, lower($1)) = 1"
            << 1;
        QTest::newRow("promo code") << int(BrowseTable::PromoCodes) << QStringLiteral("_QUICK_")
                                    << "strpos(lower(code), lower($1)) > 0" << 100;
    }

    void searchMatchesSql()
    {
        QFETCH(int, table);
        QFETCH(QString, search);
        QFETCH(QString, where);
        QFETCH(int, minimum);
        if (search.startsWith(QLatin1Char('@'))) {
            // "@r17:6": the first 6 characters of md5('r17')::uuid (in the case given).
            const QStringList parts = search.mid(1).split(QLatin1Char(':'));
            auto id =
                m_sql->exec(QStringLiteral("SELECT md5($1)::uuid::text"), {parts.at(0).toLower()});
            QVERIFY(id);
            search = id->text(0, 0).left(parts.at(1).toInt());
            if (parts.at(0).at(0).isUpper())
                search = search.toUpper();
        }
        BrowseFilter filter;
        filter.search = search;
        auto model = makeModel(BrowseTable(table), filter);
        QVERIFY(ModelTesting::fetchAll(*model));
        const TableSpec &spec = model->spec();
        QStringList keyColumns;
        for (int c : spec.keyColumns)
            keyColumns.append(spec.quotedColumn(c));
        const KeyList expected = sqlKeys(spec.sqlName, keyColumns.join(QLatin1Char(',')), where,
                                         keyColumns.join(QLatin1Char(',')), {search});
        QVERIFY2(expected.size() >= minimum, qPrintable(QString::number(expected.size())));
        QCOMPARE(modelKeys(*model), expected);
    }

    void hostileSearchFindsLiterally_data()
    {
        QTest::addColumn<QString>("search");
        QTest::addColumn<QStringList>("names"); // exactly these; empty = compare with SQL only
        QTest::newRow("percent") << "100%" << QStringList{"100% sure"};
        QTest::newRow("underscore") << "a_b" << QStringList{"a_b underscore"};
        QTest::newRow("backslash") << "k\\s" << QStringList{"back\\slash"};
        QTest::newRow("lone backslash") << "\\" << QStringList{"back\\slash"};
        QTest::newRow("quote") << "O'Bri" << QStringList{"O'Brien"};
        QTest::newRow("sql") << "'); DROP TABLE users;--"
                             << QStringList{"Robert'); DROP TABLE users;--"};
        QTest::newRow("unicode") << "ünïcode 日本" << QStringList{"Zoë Ünïcode 日本"};
        QTest::newRow("emoji") << "🚲" << QStringList{"emoji 🚲 rider"};
        QTest::newRow("placeholder") << "$1" << QStringList{"dollar $1 param"};
        QTest::newRow("double quote") << "\"" << QStringList{"quote \" double"};
        QTest::newRow("percent only") << "%" << QStringList{"100% sure"};
        QTest::newRow("underscore only") << "_" << QStringList{"a_b underscore"};
        QTest::newRow("very long")
            << QString(5000, QLatin1Char('x')) + QLatin1Char('%') << QStringList{};
        QTest::newRow("not there") << "%_\\'\"" << QStringList{};
    }

    void hostileSearchFindsLiterally()
    {
        QFETCH(QString, search);
        QFETCH(QStringList, names);
        BrowseFilter filter;
        filter.search = search;
        auto model = makeModel(BrowseTable::Users, filter);
        QVERIFY(ModelTesting::fetchAll(*model));
        QStringList found;
        for (int row = 0; row < model->rowCount(); ++row)
            found.append(model->cellText(row, 2));
        found.sort();
        QCOMPARE(found, names);
        const KeyList expected = sqlKeys(QStringLiteral("users"), QStringLiteral("city, id"),
                                         QStringLiteral("strpos(lower(name), lower($1)) > 0"),
                                         QStringLiteral("city, id"), {search});
        QCOMPARE(modelKeys(*model), expected);
        // The table is still there.
        QVERIFY(m_sql->exec(QStringLiteral("SELECT 1 FROM users LIMIT 1")));
    }

    void nulCharacterIsRejectedWithAMessage()
    {
        BrowseFilter filter;
        filter.search = QStringLiteral("a") + QChar(0) + QStringLiteral("b");
        auto model = makeModel(BrowseTable::Users, filter);
        QTRY_COMPARE(model->state(), BrowseTableModel::State::Error);
        QVERIFY(model->errorText().contains(QLatin1String("NUL")));
        QVERIFY(!model->errorText().contains(QLatin1Char('\n')));
        QCOMPARE(model->rowCount(), 0);
    }

    // The as-of bar's GC window request: answered on PostgreSQL (no time travel there) with
    // "unknown" and without a statement (SHOW ZONE CONFIGURATION is CockroachDB's).
    void gcWindowIsNotAskedOfPostgres()
    {
        // Other models' replies may still arrive (the worker answers every client on one
        // signal): only this client's reply counts, and statements are counted until then.
        PageRequest request;
        request.kind = PageRequest::Kind::GcWindow;
        request.client = m_worker->newClientId();
        request.generation = 1;
        request.table = BrowseTable::Rides;
        QObject receiver;
        std::optional<Page> reply;
        QStringList sent;
        connect(m_worker, &BrowseWorker::statementTraced, &receiver, [&](const TraceEntry &entry) {
            if (!reply)
                sent.append(entry.sql);
        });
        connect(m_worker, &BrowseWorker::pageReady, &receiver, [&](const Page &page) {
            if (page.client == request.client)
                reply = page;
        });
        m_worker->submit(request);
        QTRY_VERIFY(reply.has_value());
        QCOMPARE(reply->kind, PageRequest::Kind::GcWindow);
        QVERIFY(!reply->error);
        QCOMPARE(reply->estimate, qint64(-1));
        for (const QString &sql : std::as_const(sent))
            QVERIFY2(!sql.contains(QLatin1String("ZONE")), qPrintable(sql));
    }

    void staleGenerationsAreDropped()
    {
        auto model = makeModel(BrowseTable::Rides);
        QTRY_COMPARE(model->state(), BrowseTableModel::State::Ready);
        const quint64 before = model->generation();
        // Three filters in a row without waiting: only the last one's rows may show.
        for (const char *city : {"rome", "paris", "seattle"}) {
            BrowseFilter filter;
            filter.cities = {QString::fromLatin1(city)};
            model->setFilter(filter);
        }
        QCOMPARE(model->generation(), before + 3);
        QTRY_COMPARE(model->state(), BrowseTableModel::State::Ready);
        QVERIFY(ModelTesting::fetchAll(*model)); // nothing of this generation is still on its way
        QVERIFY(model->rowCount() > 0);
        for (int row = 0; row < model->rowCount(); ++row)
            QCOMPARE(model->cellText(row, 0), QStringLiteral("seattle"));

        // A reply of an older generation arriving late is ignored.
        QSignalSpy inserted(model.get(), &QAbstractItemModel::rowsInserted);
        const int rows = model->rowCount();
        Page stale;
        stale.client = model->clientId();
        stale.generation = before;
        stale.table = BrowseTable::Rides;
        stale.rows = {model->rowAt(0), model->rowAt(1)};
        Q_EMIT m_worker->pageReady(stale);
        Page otherClient = stale;
        otherClient.client = model->clientId() + 1000;
        otherClient.generation = model->generation();
        Q_EMIT m_worker->pageReady(otherClient);
        QTest::qWait(100);
        QCOMPARE(inserted.count(), 0);
        QCOMPARE(model->rowCount(), rows);
    }

    void supersededQueryIsCancelledOnTheServer()
    {
        // Another session holds a lock on rides: the page query waits on the server.
        auto locker = TestServer::connect(m_database);
        QVERIFY(locker->exec(QStringLiteral("BEGIN")));
        QVERIFY(locker->exec(QStringLiteral("LOCK TABLE rides IN ACCESS EXCLUSIVE MODE")));
        // The worker emits on its own thread: a receiver here gets the entries queued, so the
        // list is never read while the worker appends to it (as a QSignalSpy's would be).
        QList<TraceEntry> traced;
        QObject receiver;
        connect(m_worker, &BrowseWorker::statementTraced, &receiver,
                [&](const TraceEntry &entry) { traced << entry; });
        BrowseFilter rome;
        rome.cities = {QStringLiteral("rome")};
        auto model = makeModel(BrowseTable::Rides, rome);
        // Wait until the query is running (waiting for the lock) on the server.
        QTRY_VERIFY_WITH_TIMEOUT(
            m_sql->exec(QStringLiteral("SELECT 1 FROM pg_stat_activity WHERE wait_event_type = "
                                       "'Lock' AND query LIKE 'SELECT city, id, rider_id%'"))
                    ->rowCount() >= 1,
            10000);
        // The user changes the scope: the waiting query is superseded and cancelled.
        BrowseFilter paris;
        paris.cities = {QStringLiteral("paris")};
        model->setFilter(paris);
        auto cancelled = [&] {
            for (const TraceEntry &entry : std::as_const(traced)) {
                if (entry.sqlState == QLatin1String("57014") &&
                    entry.params.contains(std::optional<QString>(QStringLiteral("rome"))))
                    return true;
            }
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(cancelled(), 10000);
        QVERIFY(locker->exec(QStringLiteral("COMMIT")));
        QTRY_COMPARE(model->state(), BrowseTableModel::State::Ready);
        QVERIFY(model->rowCount() > 0);
        for (int row = 0; row < model->rowCount(); ++row)
            QCOMPARE(model->cellText(row, 0), QStringLiteral("paris"));
    }

    void droppedConnectionRecoversByItself()
    {
        TcpProxy proxy(QStringLiteral("127.0.0.1"), TestServer::settings(m_database).port(),
                       std::chrono::milliseconds(0));
        QCOMPARE(proxy.start(), QString());
        auto *worker = new BrowseWorker(proxy.route(TestServer::settings(m_database)));
        worker->start(QStringLiteral("browse-drop"));
        int reconnecting = 0;
        QObject receiver;
        connect(worker, &WorkerBase::reconnecting, &receiver, [&] { ++reconnecting; });
        BrowseTableModel model(BrowseTable::Rides);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setWorker(worker);
        QTRY_VERIFY(model.rowCount() > 0);
        QTRY_VERIFY(model.estimatedRows() > 0);
        QVERIFY(ModelTesting::fetchAll(model));
        const int accepted = proxy.connectionsAccepted();
        // The link drops: the next query fails on a dead connection, the worker reconnects
        // and runs it again; the model just gets its rows.
        proxy.dropAll();
        model.reload();
        QVERIFY(ModelTesting::fetchAll(model));
        QVERIFY(proxy.connectionsAccepted() > accepted);
        QTRY_VERIFY(reconnecting >= 1); // the status bar shows the loss
        QCOMPARE(model.rowCount(), 5000);
        QCOMPARE(model.state(), BrowseTableModel::State::Ready);
        const KeyList expected = sqlKeys(QStringLiteral("rides"), QStringLiteral("city, id"), {},
                                         QStringLiteral("city, id"));
        QCOMPARE(modelKeys(model), expected); // nothing lost, nothing twice
        model.setWorker(nullptr);
        WorkerBase::shutdownAndDelete(worker);
        proxy.stop();
    }

    void rowChangedElsewhereIsRefreshedInPlace()
    {
        BrowseFilter filter;
        filter.cities = {QStringLiteral("amsterdam")};
        auto model = makeModel(BrowseTable::Users, filter);
        QVERIFY(ModelTesting::fetchAll(*model));
        QVERIFY(model->rowCount() >= 10);
        const int row = 7;
        const KeyValues key = model->keyAt(row);
        const int rows = model->rowCount();
        QSignalSpy changed(model.get(), &QAbstractItemModel::dataChanged);
        QSignalSpy inserted(model.get(), &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(model.get(), &QAbstractItemModel::rowsRemoved);
        auto updated = m_sql->exec(
            QStringLiteral(
                "UPDATE users SET name = 'Renamed Elsewhere' WHERE city = $1 AND id = $2::uuid"),
            {key.at(0), key.at(1)});
        QVERIFY(updated);
        QCOMPARE(updated->affectedRows(), 1);
        model->refreshRows({key});
        QTRY_COMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), row);
        QCOMPARE(model->cellText(row, 2), QStringLiteral("Renamed Elsewhere"));
        QCOMPARE(model->rowCount(), rows);
        QCOMPARE(model->rowForKey(key), row);
        QCOMPARE(inserted.count(), 0);
        QCOMPARE(removed.count(), 0);
    }

    void rowDeletedElsewhereIsRemovedOnRefresh()
    {
        auto model = makeModel(BrowseTable::PromoCodes);
        QVERIFY(ModelTesting::fetchAll(*model));
        QVERIFY(model->rowCount() >= 10);
        const KeyValues key = model->keyAt(3);
        const int rows = model->rowCount();
        QSignalSpy removed(model.get(), &QAbstractItemModel::rowsRemoved);
        QVERIFY(
            m_sql->exec(QStringLiteral("DELETE FROM promo_codes WHERE code = $1"), {key.at(0)}));
        model->refreshRows({key, model->keyAt(4)});
        QTRY_COMPARE(removed.count(), 1);
        QCOMPARE(model->rowCount(), rows - 1);
        QCOMPARE(model->rowForKey(key), -1);
    }

    void rowNoLongerMatchingTheFilterLeavesOnRefresh()
    {
        BrowseFilter active;
        active.activeOnly = true;
        auto model = makeModel(BrowseTable::Rides, active);
        QVERIFY(ModelTesting::fetchAll(*model));
        QVERIFY(model->rowCount() >= 2);
        const KeyValues ended = model->keyAt(0);
        const KeyValues untouched = model->keyAt(1);
        const int rows = model->rowCount();
        QSignalSpy removed(model.get(), &QAbstractItemModel::rowsRemoved);
        auto update = m_sql->exec(QStringLiteral("UPDATE rides SET end_time = now(), revenue = 1 "
                                                 "WHERE city = $1 AND id = $2::uuid"),
                                  {ended.at(0), ended.at(1)});
        QVERIFY(update);
        QCOMPARE(update->affectedRows(), 1);
        model->refreshRows({ended, untouched});
        QTRY_COMPARE(removed.count(), 1);
        QCOMPARE(model->rowCount(), rows - 1);
        QCOMPARE(model->rowForKey(ended), -1);
        QVERIFY(model->rowForKey(untouched) >= 0);
        QVERIFY(m_sql->exec(QStringLiteral("UPDATE rides SET end_time = NULL, revenue = NULL "
                                           "WHERE city = $1 AND id = $2::uuid"),
                            {ended.at(0), ended.at(1)}));
    }

    void presentation()
    {
        BrowseFilter filter;
        filter.search = QStringLiteral("back\\slash");
        auto users = makeModel(BrowseTable::Users, filter);
        QTRY_COMPARE(users->rowCount(), 1);
        const QModelIndex id = users->index(0, 1);
        const QString fullId = users->cellText(0, 1);
        QCOMPARE(fullId.size(), 36);
        QCOMPARE(id.data().toString(), fullId.left(8));
        QCOMPARE(id.data(Qt::ToolTipRole).toString(), fullId);
        QCOMPARE(id.data(BrowseTableModel::CopyTextRole).toString(), fullId);
        const QModelIndex card = users->index(0, 4);
        QCOMPARE(card.data().toString(), QStringLiteral("•••• 1111"));
        QCOMPARE(card.data(BrowseTableModel::CopyTextRole).toString(), QStringLiteral("•••• 1111"));
        QSignalSpy changed(users.get(), &QAbstractItemModel::dataChanged);
        users->setCardRevealed(0, true);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(card.data().toString(), QStringLiteral("4111111111111111"));
        QCOMPARE(card.data(BrowseTableModel::CopyTextRole).toString(),
                 QStringLiteral("4111111111111111"));
        users->setCardRevealed(0, false);
        QCOMPARE(card.data().toString(), QStringLiteral("•••• 1111"));

        auto rides = makeModel(BrowseTable::Rides);
        QTRY_VERIFY(rides->rowCount() > 0);
        int withRevenue = -1;
        for (int row = 0; row < rides->rowCount() && withRevenue < 0; ++row) {
            if (!rides->rowAt(row).isNull(9))
                withRevenue = row;
        }
        QVERIFY(withRevenue >= 0);
        const QModelIndex revenue = rides->index(withRevenue, 9);
        QVERIFY(revenue.data(Qt::TextAlignmentRole).value<Qt::Alignment>() & Qt::AlignRight);
        const QString money = revenue.data().toString();
        QVERIFY2(money.size() >= 4 && money.at(money.size() - 3) == QLocale().decimalPoint().at(0),
                 qPrintable(money));
        const QModelIndex started = rides->index(withRevenue, 7);
        const QString raw = rides->cellText(withRevenue, 7);
        QDateTime utc = QDateTime::fromString(raw.left(19), QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        utc.setTimeZone(QTimeZone::utc());
        QCOMPARE(started.data().toString(),
                 utc.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
        QVERIFY(started.data(Qt::ToolTipRole).toString().endsWith(QLatin1String(" UTC")));

        BrowseFilter bikes;
        bikes.vehicleType = QStringLiteral("bike");
        auto vehicles = makeModel(BrowseTable::Vehicles, bikes);
        QTRY_VERIFY(vehicles->rowCount() > 0);
        const QModelIndex ext = vehicles->index(0, 5);
        QVERIFY(ext.data(Qt::DecorationRole).value<QColor>().isValid());
        QVERIFY(!ext.data().toString().contains(QLatin1Char('{')));
        const QModelIndex status = vehicles->index(0, 3);
        QVERIFY(status.data(BrowseTableModel::BadgeRole).toBool());
        QVERIFY(status.data(Qt::BackgroundRole).value<QBrush>().color().isValid());
    }

    void extraColumnDoesNotShiftAnything()
    {
        // A multi-region database has crdb_region in front; named columns keep working.
        const QString database = TestServer::createDatabase(QStringLiteral("region"));
        auto sql = TestServer::connect(database);
        QVERIFY(MovrTestData::load(*sql, 60, 30, 100));
        QVERIFY(sql->exec(
            QStringLiteral("ALTER TABLE users ADD COLUMN crdb_region text DEFAULT 'us-east1'")));
        BrowseWorker *worker = new BrowseWorker(TestServer::settings(database));
        worker->start();
        BrowseTableModel model(BrowseTable::Users);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setWorker(worker);
        QTRY_VERIFY(model.rowCount() > 0);
        QCOMPARE(model.columnCount(), 5);
        QVERIFY(model.cellText(0, 2).startsWith(QLatin1String("User ")) ||
                MovrTestData::hostileNames().contains(model.cellText(0, 2)));
        model.setWorker(nullptr);
        WorkerBase::shutdownAndDelete(worker);
    }
};

QTEST_MAIN(TestBrowseModel)
#include "tst_browsemodel.moc"
