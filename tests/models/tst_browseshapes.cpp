// Browsing the multi-region MovR shape (`workload init movr --multi-region`: keys without
// city, a crdb_region column) on a real PostgreSQL standing in for it: pages ordered and
// continued on the key the catalog gives (id), sorts, filters, search and refreshes compared
// with SQL; and a database of another shape answered with one sentence, no query sent.
// (tst_browsemodel covers the canonical shape the same way.)

#include "ModelTesting.h"
#include "MovrTestData.h"
#include "TestServer.h"
#include "models/BrowseTableModel.h"
#include "worker/BrowseWorker.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

Q_DECLARE_METATYPE(BrowseFilter)

namespace {

using ModelTesting::KeyList;
using ModelTesting::modelKeys;

QString keyList(const TableSpec &spec)
{
    QStringList columns;
    for (int column : spec.keyColumns)
        columns << spec.quotedColumn(column);
    return columns.join(QLatin1String(", "));
}

} // namespace

class TestBrowseShapes : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<PgConnection> m_sql;
    BrowseWorker *m_worker = nullptr;
    QList<TraceEntry> m_traced;

    KeyList sqlKeys(const QString &table, const QString &columns, const QString &where,
                    const QString &orderBy, const SqlParams &params = {})
    {
        return ModelTesting::sqlKeys(*m_sql, table, columns, where, orderBy, params);
    }

    std::unique_ptr<BrowseTableModel> makeModel(BrowseTable table, const BrowseFilter &filter = {},
                                                const BrowseSort &sort = {})
    {
        auto model = std::make_unique<BrowseTableModel>(table);
        new QAbstractItemModelTester(
            model.get(), QAbstractItemModelTester::FailureReportingMode::Fatal, model.get());
        model->setFirstPageSize(40);
        model->setMaxPageSize(300);
        model->setFilter(filter);
        model->setSortOrder(sort);
        model->setWorker(m_worker);
        return model;
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString database = TestServer::createDatabase(QStringLiteral("browsemr"));
        m_sql = TestServer::connect(database);
        QVERIFY(MovrTestData::load(*m_sql, 450, 90, 600, Schema::Layout::MultiRegion));
        BrowseWorker::registerMetaTypes();
        m_worker = new BrowseWorker(TestServer::settings(database));
        connect(m_worker, &BrowseWorker::statementTraced, this,
                [this](const TraceEntry &entry) { m_traced.append(entry); });
        m_worker->start(QStringLiteral("browse-mr-test"));
    }

    void cleanupTestCase()
    {
        if (m_worker)
            WorkerBase::shutdownAndDelete(m_worker);
        m_worker = nullptr;
    }

    void pagesFollowTheCatalogKey()
    {
        auto model = makeModel(BrowseTable::Rides);
        QVERIFY(ModelTesting::fetchAll(*model));
        QCOMPARE(modelKeys(*model), sqlKeys(QStringLiteral("rides"), QStringLiteral("city, id"), {},
                                            QStringLiteral("id")));
        QCOMPARE(model->rowCount(), 600);
        // Ordered and continued on id alone: the primary key, not (city, id).
        QTRY_VERIFY(m_traced.size() > 3);
        // First what the worker learned at connect, traced for the SQL panel.
        QCOMPARE(m_traced.first().sql, MovrSchemaShape::catalogQuery());
        int continued = 0;
        for (const TraceEntry &entry : std::as_const(m_traced)) {
            QVERIFY2(!entry.sql.contains(QLatin1String("ORDER BY city")), qPrintable(entry.sql));
            if (entry.sql.contains(QLatin1String(" WHERE id > $1::uuid ORDER BY id ASC LIMIT")))
                ++continued;
        }
        QVERIFY(continued >= 3);
    }

    void sortMatchesSql_data()
    {
        QTest::addColumn<int>("table");
        QTest::addColumn<QString>("column");
        QTest::addColumn<int>("order");
        QTest::addColumn<QString>("orderBy");
        const int asc = Qt::AscendingOrder, desc = Qt::DescendingOrder;
        const int rides = int(BrowseTable::Rides);
        QTest::newRow("rides by key desc") << rides << "" << desc << "id DESC";
        QTest::newRow("rides by id") << rides << "id" << asc << "id ASC";
        // city is a plain column here: sorted by it, then by the key.
        QTest::newRow("rides by city") << rides << "city" << asc << "city ASC, id ASC";
        QTest::newRow("rides by city desc") << rides << "city" << desc << "city DESC, id DESC";
        QTest::newRow("rides by end time (NULLs)")
            << rides << "end_time" << asc << "end_time ASC NULLS LAST, id ASC";
        QTest::newRow("users by name desc")
            << int(BrowseTable::Users) << "name" << desc << "name DESC NULLS LAST, id DESC";
        QTest::newRow("history by key")
            << int(BrowseTable::LocationHistory) << "" << asc << "ride_id ASC, \"timestamp\" ASC";
        QTest::newRow("history by latitude desc")
            << int(BrowseTable::LocationHistory) << "lat" << desc
            << "lat DESC NULLS LAST, ride_id DESC, \"timestamp\" DESC";
        QTest::newRow("promo codes by key desc")
            << int(BrowseTable::PromoCodes) << "" << desc << "code DESC";
    }

    void sortMatchesSql()
    {
        QFETCH(int, table);
        QFETCH(QString, column);
        QFETCH(int, order);
        QFETCH(QString, orderBy);
        const TableSpec &spec = TableSpec::of(BrowseTable(table));
        // As a click on the header sorts (the model does not know the database's key).
        auto model = makeModel(BrowseTable(table));
        QTRY_VERIFY(model->rowCount() > 0);
        model->sort(column.isEmpty() ? -1 : spec.columnIndex(column), Qt::SortOrder(order));
        QVERIFY(ModelTesting::fetchAll(*model));
        const KeyList expected = sqlKeys(spec.sqlName, keyList(spec), {}, orderBy);
        QVERIFY(expected.size() > 400);
        QCOMPARE(modelKeys(*model), expected);
    }

    void filterAndSearchMatchSql_data()
    {
        QTest::addColumn<int>("table");
        QTest::addColumn<BrowseFilter>("filter");
        QTest::addColumn<QString>("where");
        QTest::addColumn<QStringList>("params");
        QTest::addColumn<QString>("orderBy");
        BrowseFilter city;
        city.cities = {QStringLiteral("rome")};
        QTest::newRow("rides in a city")
            << int(BrowseTable::Rides) << city << "city = $1" << QStringList{"rome"} << "id";
        BrowseFilter active;
        active.activeOnly = true;
        active.cities = {QStringLiteral("paris"), QStringLiteral("boston")};
        QTest::newRow("active rides in two cities")
            << int(BrowseTable::Rides) << active << "end_time IS NULL AND city IN ($1, $2)"
            << QStringList{"paris", "boston"} << "id";
        BrowseFilter bikes;
        bikes.status = QStringLiteral("available");
        bikes.vehicleType = QStringLiteral("bike");
        QTest::newRow("available bikes")
            << int(BrowseTable::Vehicles) << bikes << "status = $1 AND type = $2"
            << QStringList{"available", "bike"} << "id";
        BrowseFilter trail;
        trail.equals = {{QStringLiteral("ride_id"), QStringLiteral("@r17")}};
        QTest::newRow("the trail of a ride")
            << int(BrowseTable::LocationHistory) << trail << "ride_id = $1::uuid"
            << QStringList{"@r17"} << "ride_id, \"timestamp\"";
        BrowseFilter name;
        name.search = QStringLiteral("user 12");
        QTest::newRow("users by name")
            << int(BrowseTable::Users) << name << "strpos(lower(name), lower($1)) > 0"
            << QStringList{"user 12"} << "id";
        BrowseFilter prefix;
        prefix.search = QStringLiteral("@r17:5");
        QTest::newRow("ride by id prefix")
            << int(BrowseTable::Rides) << prefix << "strpos(id::text, lower($1)) = 1"
            << QStringList{"@r17:5"} << "id";
    }

    void filterAndSearchMatchSql()
    {
        QFETCH(int, table);
        QFETCH(BrowseFilter, filter);
        QFETCH(QString, where);
        QFETCH(QStringList, params);
        QFETCH(QString, orderBy);
        // "@r17" is md5('r17')::uuid; "@r17:5" its first five characters.
        auto resolve = [this](QString text) {
            if (!text.startsWith(QLatin1Char('@')))
                return text;
            const QStringList parts = text.mid(1).split(QLatin1Char(':'));
            auto id = m_sql->exec(QStringLiteral("SELECT md5($1)::uuid::text"), {parts.at(0)});
            return parts.size() > 1 ? id->text(0, 0).left(parts.at(1).toInt()) : id->text(0, 0);
        };
        for (auto &pair : filter.equals)
            pair.second = resolve(pair.second);
        filter.search = resolve(filter.search);
        SqlParams sqlParams;
        for (const QString &param : params)
            sqlParams.append(resolve(param));
        const TableSpec &spec = TableSpec::of(BrowseTable(table));
        auto model = makeModel(BrowseTable(table), filter);
        QVERIFY(ModelTesting::fetchAll(*model));
        const KeyList expected = sqlKeys(spec.sqlName, keyList(spec), where, orderBy, sqlParams);
        QVERIFY(!expected.isEmpty());
        QCOMPARE(modelKeys(*model), expected);
    }

    void rowChangedElsewhereIsRefreshedInPlace()
    {
        auto model = makeModel(BrowseTable::Users);
        QTRY_VERIFY(model->rowCount() > 10);
        const int row = 7;
        const KeyValues key = model->keyAt(row);
        const int name = model->spec().columnIndex(QStringLiteral("name"));
        QVERIFY(m_sql
                    ->exec(QStringLiteral("UPDATE users SET name = 'Renamed Elsewhere' "
                                          "WHERE city = $1 AND id = $2"),
                           {*key.at(0), *key.at(1)})
                    .hasValue());
        QSignalSpy refreshed(model.get(), &BrowseTableModel::rowsRefreshed);
        model->refreshRows({key});
        QVERIFY(refreshed.wait());
        QCOMPARE(model->rowForKey(key), row);
        QCOMPARE(model->cellText(row, name), QStringLiteral("Renamed Elsewhere"));
    }

    void unsupportedShapeGivesOneMessageAndSendsNothing()
    {
        const QString database = TestServer::createDatabase(QStringLiteral("browsebad"));
        auto connection = TestServer::connect(database);
        QVERIFY(Schema::create(*connection).hasValue());
        QVERIFY(
            connection
                ->execScript(QStringLiteral("ALTER TABLE users DROP CONSTRAINT users_pkey "
                                            "CASCADE; ALTER TABLE users ADD PRIMARY KEY (name)"))
                .hasValue());
        auto *worker = new BrowseWorker(TestServer::settings(database));
        QList<TraceEntry> traced;
        connect(worker, &BrowseWorker::statementTraced, this,
                [&traced](const TraceEntry &entry) { traced.append(entry); });
        worker->start(QStringLiteral("browse-bad-test"));
        const QString message = QStringLiteral(
            "The primary key of the table users is (name); MovR Admin works with the key (city, "
            "id) or, in the multi-region MovR schema, (id).");
        for (BrowseTable table : TableSpec::browsable()) {
            BrowseTableModel model(table);
            QAbstractItemModelTester tester(&model,
                                            QAbstractItemModelTester::FailureReportingMode::Fatal);
            model.setWorker(worker);
            QTRY_COMPARE(model.state(), BrowseTableModel::State::Error);
            QCOMPARE(model.errorText(), message);
            QCOMPARE(model.rowCount(), 0);
            model.setWorker(nullptr);
        }
        // The catalog read at connect is all that was sent.
        QCOMPARE(traced.size(), 1);
        QCOMPARE(traced.first().sql, MovrSchemaShape::catalogQuery());
        QVERIFY(!traced.first().failed());
        WorkerBase::shutdownAndDelete(worker);
    }
};

QTEST_GUILESS_MAIN(TestBrowseShapes)
#include "tst_browseshapes.moc"
