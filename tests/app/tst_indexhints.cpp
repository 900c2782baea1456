// A filter or a sort in all cities that no index answers (WholeTableRead): the window says so
// beside the search (the filter's hint offers the statement that creates its index, the
// sort's offers a city), the query is bounded in time, and the hint goes with a city or once
// the index exists. Against a real PostgreSQL, through the browse worker and the table page.

#include "TestServer.h"
#include "app/ScopeSelector.h"
#include "app/TablePage.h"
#include "models/BrowseTableModel.h"
#include "movr/BrowseIndexes.h"
#include "worker/BrowseWorker.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QTest>

using namespace std::chrono_literals;

class TestIndexHints : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void filterWithoutIndexGetsTheHint();
    void sortInAllCitiesGetsTheHint();
    void filterWithoutIndexIsBounded();
    void indexesRemoveTheFilterHint(); // creates the indexes: keep it last
    void statements();

private:
    BrowseWorker *startWorker();

    QString m_database;
    BrowseWorker *m_worker = nullptr;
};

void TestIndexHints::initTestCase()
{
    m_database = TestServer::createMovrDatabase(QStringLiteral("indexhints"), MovrCounts{});
    m_worker = startWorker();
}

void TestIndexHints::cleanupTestCase()
{
    BrowseWorker::shutdownAndDelete(m_worker);
}

BrowseWorker *TestIndexHints::startWorker()
{
    auto *worker = new BrowseWorker(TestServer::settings(m_database));
    worker->setSearchBound(500ms);
    worker->start();
    return worker;
}

void TestIndexHints::filterWithoutIndexGetsTheHint()
{
    const QString expected = BrowseIndexes::script(
        *BrowseIndexes::find(QStringLiteral("rides"), BrowseIndexes::Filter::Active));
    QCOMPARE(expected,
             QStringLiteral("CREATE INDEX IF NOT EXISTS rides_active ON rides (city, id) WHERE "
                            "end_time IS NULL;"));
    TablePage page(BrowseTable::Rides);
    page.setWorker(m_worker);
    page.show();
    QTRY_COMPARE(page.model()->state(), BrowseTableModel::State::Ready);
    QVERIFY(!page.searchIndexHint()->isVisible());
    auto *activeOnly = page.findChild<QCheckBox *>(QStringLiteral("activeOnly"));
    QVERIFY(activeOnly);
    activeOnly->setChecked(true);
    QTRY_VERIFY(page.searchIndexHint()->isVisible());
    QCOMPARE(page.model()->wholeTableRead(), WholeTableReason::Filter);
    QVERIFY2(page.searchIndexHint()->text().contains(QLatin1String("This filter reads every row")),
             qPrintable(page.searchIndexHint()->text()));
    QCOMPARE(page.searchIndexHint()->toolTip(), expected);
    QApplication::clipboard()->clear();
    Q_EMIT page.searchIndexHint()->linkActivated(QStringLiteral("copy"));
    QCOMPARE(QApplication::clipboard()->text(), expected);
    // In a city, the key answers it: the hint goes.
    QVERIFY(page.scopeSelector()->selectScope(QStringLiteral("rome")));
    QTRY_VERIFY(!page.searchIndexHint()->isVisible());
    QCOMPARE(page.model()->wholeTableRead(), WholeTableReason::None);
}

void TestIndexHints::sortInAllCitiesGetsTheHint()
{
    TablePage page(BrowseTable::Users);
    page.setWorker(m_worker);
    page.show();
    QTRY_COMPARE(page.model()->state(), BrowseTableModel::State::Ready);
    QVERIFY(!page.searchIndexHint()->isVisible());
    const TableSpec &spec = TableSpec::of(BrowseTable::Users);
    // By the key's first column (city): the key's order, no hint.
    page.view()->horizontalHeader()->setSortIndicator(spec.columnIndex(QStringLiteral("city")),
                                                      Qt::DescendingOrder);
    QTRY_COMPARE(page.model()->state(), BrowseTableModel::State::Ready);
    QVERIFY(!page.searchIndexHint()->isVisible());
    // By name, and by id (the key is (city, id)): every row is read.
    for (const char *column : {"name", "id"}) {
        page.view()->horizontalHeader()->setSortIndicator(
            spec.columnIndex(QString::fromLatin1(column)), Qt::AscendingOrder);
        QTRY_VERIFY2(page.searchIndexHint()->isVisible(), column);
        QCOMPARE(page.model()->wholeTableRead(), WholeTableReason::Sort);
        QVERIFY(page.searchIndexHint()->text().contains(QLatin1String("Choose a city")));
        QCOMPARE(page.model()->searchIndexScript(), QString()); // no index offered
        QTRY_COMPARE(page.model()->state(), BrowseTableModel::State::Ready);
        QVERIFY(page.model()->rowCount() > 0); // and it still sorts
    }
    QVERIFY(page.scopeSelector()->selectScope(QStringLiteral("rome")));
    QTRY_VERIFY(!page.searchIndexHint()->isVisible());
}

void TestIndexHints::filterWithoutIndexIsBounded()
{
    // Another session holds vehicles: the filter waits on the server, as a long read would,
    // until its bound stops it; then the window says why, in a sentence.
    auto locker = TestServer::connect(m_database);
    QVERIFY(locker->exec(QStringLiteral("BEGIN")));
    QVERIFY(locker->exec(QStringLiteral("LOCK TABLE vehicles IN ACCESS EXCLUSIVE MODE")));
    BrowseTableModel model(BrowseTable::Vehicles);
    BrowseFilter filter;
    filter.status = QStringLiteral("lost");
    model.setFilter(filter);
    model.setWorker(m_worker);
    QTRY_COMPARE_WITH_TIMEOUT(model.state(), BrowseTableModel::State::Error, 10000);
    QVERIFY(locker->exec(QStringLiteral("COMMIT")));
    QVERIFY2(model.errorText().contains(QLatin1String("The filter stopped after")),
             qPrintable(model.errorText()));
    QCOMPARE(model.wholeTableRead(), WholeTableReason::Filter);
    // A sort is bounded the same way.
    QVERIFY(locker->exec(QStringLiteral("BEGIN")));
    QVERIFY(locker->exec(QStringLiteral("LOCK TABLE vehicles IN ACCESS EXCLUSIVE MODE")));
    BrowseTableModel sorted(BrowseTable::Vehicles);
    sorted.setSortOrder({TableSpec::of(BrowseTable::Vehicles).columnIndex(QStringLiteral("type")),
                         Qt::AscendingOrder});
    sorted.setWorker(m_worker);
    QTRY_COMPARE_WITH_TIMEOUT(sorted.state(), BrowseTableModel::State::Error, 10000);
    QVERIFY(locker->exec(QStringLiteral("COMMIT")));
    QVERIFY2(sorted.errorText().contains(QLatin1String("The sort stopped after")),
             qPrintable(sorted.errorText()));
}

void TestIndexHints::indexesRemoveTheFilterHint()
{
    auto connection = TestServer::connect(m_database);
    QVERIFY(BrowseIndexes::createAll(*connection));
    // The indexes are read at connect: a new worker (a new connection) sees them.
    BrowseWorker *worker = startWorker();
    const auto filtered = [worker](BrowseTable table, const BrowseFilter &filter,
                                   BrowseSort sort = {}) {
        auto model = std::make_unique<BrowseTableModel>(table);
        model->setFilter(filter);
        model->setSortOrder(sort);
        model->setWorker(worker);
        return model;
    };
    BrowseFilter active;
    active.activeOnly = true;
    BrowseFilter range;
    range.from = QDateTime(QDate(2019, 1, 1), QTime(0, 0), Qt::UTC);
    range.to = QDateTime::currentDateTimeUtc();
    BrowseFilter lost;
    lost.status = QStringLiteral("lost");
    for (const auto &[table, filter] :
         {std::pair{BrowseTable::Rides, active}, std::pair{BrowseTable::Rides, range},
          std::pair{BrowseTable::Vehicles, lost}}) {
        auto model = filtered(table, filter);
        QTRY_COMPARE(model->state(), BrowseTableModel::State::Ready);
        QCOMPARE(model->wholeTableRead(), WholeTableReason::None);
        QCOMPARE(model->searchIndexScript(), QString());
    }
    // A sort in all cities is still hinted: no index is made for it.
    auto sorted =
        filtered(BrowseTable::Rides, active,
                 {TableSpec::of(BrowseTable::Rides).columnIndex(QStringLiteral("revenue")),
                  Qt::DescendingOrder});
    QTRY_COMPARE(sorted->state(), BrowseTableModel::State::Ready);
    QCOMPARE(sorted->wholeTableRead(), WholeTableReason::Sort);
    BrowseWorker::shutdownAndDelete(worker);
}

void TestIndexHints::statements()
{
    // One statement per index, the same on both servers (partial indexes: CockroachDB
    // v20.2+, cockroachdb/docs v20.2/partial-indexes.md).
    QStringList all;
    for (const BrowseIndexes::Index &index : BrowseIndexes::all())
        all.append(BrowseIndexes::createStatement(index));
    QCOMPARE(all, (QStringList{
                      QStringLiteral("CREATE INDEX IF NOT EXISTS rides_active ON rides (city, "
                                     "id) WHERE end_time IS NULL"),
                      QStringLiteral("CREATE INDEX IF NOT EXISTS vehicles_status ON vehicles "
                                     "(status, city, id)"),
                      QStringLiteral("CREATE INDEX IF NOT EXISTS rides_start_time ON rides "
                                     "(start_time, city, id)"),
                      QStringLiteral("CREATE INDEX IF NOT EXISTS vehicles_creation_time ON "
                                     "vehicles (creation_time, city, id)"),
                  }));
}

QTEST_MAIN(TestIndexHints)
#include "tst_indexhints.moc"
