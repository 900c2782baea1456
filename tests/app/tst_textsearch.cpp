// The search that MovR's indexes cannot answer (a part of a name or location, in all
// cities): without a trigram index the window says so beside the search, offers the
// statement that makes it instant, and the search is bounded in time; with the index, no
// hint. Against a real PostgreSQL, through the browse worker and the table page.

#include "TestServer.h"
#include "app/TablePage.h"
#include "models/BrowseTableModel.h"
#include "movr/SearchIndexes.h"
#include "worker/BrowseWorker.h"

#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QLineEdit>
#include <QTest>

using namespace std::chrono_literals;

class TestTextSearch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void unindexedSearchInAllCitiesGetsTheHint();
    void unindexedSearchIsBounded();
    void trigramIndexRemovesTheHint();
    void statementsForEachFlavor();

private:
    BrowseWorker *startWorker();
    std::unique_ptr<BrowseTableModel> search(BrowseWorker *worker, BrowseTable table,
                                             const QString &text, const QStringList &cities = {});

    QString m_database;
    BrowseWorker *m_worker = nullptr;
};

void TestTextSearch::initTestCase()
{
    m_database = TestServer::createMovrDatabase(QStringLiteral("textsearch"), MovrCounts{});
    m_worker = startWorker();
}

void TestTextSearch::cleanupTestCase()
{
    BrowseWorker::shutdownAndDelete(m_worker);
}

BrowseWorker *TestTextSearch::startWorker()
{
    auto *worker = new BrowseWorker(TestServer::settings(m_database));
    worker->setSearchBound(500ms);
    worker->start();
    return worker;
}

std::unique_ptr<BrowseTableModel> TestTextSearch::search(BrowseWorker *worker, BrowseTable table,
                                                         const QString &text,
                                                         const QStringList &cities)
{
    auto model = std::make_unique<BrowseTableModel>(table);
    BrowseFilter filter;
    filter.search = text;
    filter.cities = cities;
    model->setFilter(filter);
    model->setWorker(worker);
    return model;
}

void TestTextSearch::unindexedSearchInAllCitiesGetsTheHint()
{
    const QString expected =
        SearchIndexes::script(*SearchIndexes::find(QStringLiteral("users"), QStringLiteral("name")),
                              ServerFlavor::PostgreSQL);
    QVERIFY(expected.contains(QLatin1String("CREATE EXTENSION IF NOT EXISTS pg_trgm;")));
    QVERIFY(expected.contains(
        QLatin1String("CREATE INDEX IF NOT EXISTS users_name_trgm ON users USING GIN (name "
                      "gin_trgm_ops);")));
    {
        auto model = search(m_worker, BrowseTable::Users, QStringLiteral("a"));
        QTRY_COMPARE(model->state(), BrowseTableModel::State::Ready);
        QVERIFY(model->rowCount() > 0);
        QCOMPARE(model->searchIndexScript(), expected);
    }
    {
        // In a city, the key answers it: no hint.
        auto model = search(m_worker, BrowseTable::Users, QStringLiteral("a"), {"rome"});
        QTRY_COMPARE(model->state(), BrowseTableModel::State::Ready);
        QCOMPARE(model->searchIndexScript(), QString());
    }
    {
        // Rides have no text to search: no hint.
        auto model = search(m_worker, BrowseTable::Rides, QStringLiteral("ab"));
        QTRY_COMPARE(model->state(), BrowseTableModel::State::Ready);
        QCOMPARE(model->searchIndexScript(), QString());
    }
    // The page: the hint beside the search, its link copies the statement.
    TablePage page(BrowseTable::Users);
    page.setWorker(m_worker);
    page.show();
    QVERIFY(!page.searchIndexHint()->isVisible());
    page.searchField()->setText(QStringLiteral("son"));
    Q_EMIT page.searchField()->returnPressed();
    QTRY_VERIFY(page.searchIndexHint()->isVisible());
    QCOMPARE(page.searchIndexHint()->toolTip(), expected);
    QApplication::clipboard()->clear();
    Q_EMIT page.searchIndexHint()->linkActivated(QStringLiteral("copy"));
    QCOMPARE(QApplication::clipboard()->text(), expected);
    // Cleared: the hint goes.
    page.searchField()->clear();
    Q_EMIT page.searchField()->returnPressed();
    QTRY_VERIFY(!page.searchIndexHint()->isVisible());
}

void TestTextSearch::unindexedSearchIsBounded()
{
    // Another session holds users: the search waits on the server, as a long read would,
    // until its bound stops it; then the window says why, in a sentence.
    auto locker = TestServer::connect(m_database);
    QVERIFY(locker->exec(QStringLiteral("BEGIN")));
    QVERIFY(locker->exec(QStringLiteral("LOCK TABLE users IN ACCESS EXCLUSIVE MODE")));
    auto model = search(m_worker, BrowseTable::Users, QStringLiteral("son"));
    QTRY_COMPARE_WITH_TIMEOUT(model->state(), BrowseTableModel::State::Error, 10000);
    QVERIFY2(model->errorText().contains(QLatin1String("The search stopped after")),
             qPrintable(model->errorText()));
    QVERIFY(model->errorText().contains(QLatin1String("Choose a city")));
    QVERIFY(locker->exec(QStringLiteral("COMMIT")));
    // The bound was for that statement only: the worker's next reads are not bounded (a read
    // waiting on a lock longer than the bound still completes).
    QVERIFY(locker->exec(QStringLiteral("BEGIN")));
    QVERIFY(locker->exec(QStringLiteral("LOCK TABLE users IN ACCESS EXCLUSIVE MODE")));
    auto scoped = search(m_worker, BrowseTable::Users, QString(), {"rome"});
    auto observer = TestServer::connect(m_database);
    // A failed query counts as "not yet" (and fails the wait), never as a crash.
    const auto waitingLongerThanTheBound = [&observer] {
        auto waiting =
            observer->exec(QStringLiteral("SELECT 1 FROM pg_stat_activity WHERE wait_event_type = "
                                          "'Lock' AND query LIKE 'SELECT city, id, name%' AND "
                                          "now() - query_start > interval '1 second'"));
        return waiting && waiting->rowCount() >= 1;
    };
    QTRY_VERIFY_WITH_TIMEOUT(waitingLongerThanTheBound(), 10000);
    QVERIFY(locker->exec(QStringLiteral("COMMIT")));
    QTRY_COMPARE(scoped->state(), BrowseTableModel::State::Ready);
    QVERIFY(scoped->rowCount() > 0);
}

void TestTextSearch::trigramIndexRemovesTheHint()
{
    auto connection = TestServer::connect(m_database);
    QVERIFY(SearchIndexes::createAll(*connection));
    // The indexes are read at connect: a new worker (a new connection) sees them.
    BrowseWorker *worker = startWorker();
    for (BrowseTable table : {BrowseTable::Users, BrowseTable::Vehicles}) {
        auto model = search(worker, table, QStringLiteral("son"));
        QTRY_COMPARE(model->state(), BrowseTableModel::State::Ready);
        QCOMPARE(model->searchIndexScript(), QString());
    }
    BrowseWorker::shutdownAndDelete(worker);
}

void TestTextSearch::statementsForEachFlavor()
{
    const SearchIndexes::Index &users =
        *SearchIndexes::find(QStringLiteral("users"), QStringLiteral("name"));
    QCOMPARE(SearchIndexes::createStatements(users, ServerFlavor::PostgreSQL),
             (QStringList{QStringLiteral("CREATE EXTENSION IF NOT EXISTS pg_trgm"),
                          QStringLiteral("CREATE INDEX IF NOT EXISTS users_name_trgm ON users "
                                         "USING GIN (name gin_trgm_ops)")}));
    // CockroachDB (v22.2+): the PostgreSQL-compatible syntax of its docs, no extension.
    QCOMPARE(SearchIndexes::createStatements(users, ServerFlavor::CockroachDB),
             (QStringList{QStringLiteral("CREATE INDEX IF NOT EXISTS users_name_trgm ON users "
                                         "USING GIN (name gin_trgm_ops)")}));
    // Index definitions as pg_indexes gives them: PostgreSQL's pg_get_indexdef() text, and
    // the shape CockroachDB builds from the descriptor (database-qualified, with a direction;
    // from its source, not a recorded answer). A plain index on the column is no trigram one.
    const QSet<QString> found = SearchIndexes::fromIndexDefinitions({
        {QStringLiteral("users"),
         QStringLiteral(
             "CREATE INDEX users_name_trgm ON public.users USING gin (name gin_trgm_ops)")},
        {QStringLiteral("vehicles"),
         QStringLiteral("CREATE INDEX loc ON movr.public.vehicles USING gin (current_location "
                        "gin_trgm_ops ASC)")},
        {QStringLiteral("users"),
         QStringLiteral("CREATE INDEX users_address ON public.users USING btree (address)")},
    });
    QCOMPARE(found, (QSet<QString>{QStringLiteral("users.name"),
                                   QStringLiteral("vehicles.current_location")}));
    QVERIFY(SearchIndexes::fromIndexDefinitions(
                {{QStringLiteral("users"),
                  QStringLiteral("CREATE INDEX n ON public.users USING btree (name)")}})
                .isEmpty());
}

QTEST_MAIN(TestTextSearch)
#include "tst_textsearch.moc"
