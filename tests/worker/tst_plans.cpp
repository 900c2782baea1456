// Every statement the application sends about MovR rows is answered by an index at scale.
//
// A large MovR data set is loaded and ANALYZEd; then every statement of every operation (as
// the real builders make it, from sample inputs, so that a change in Operations is covered
// at once), the inline edits, and every browse query shape (each table, first and next page,
// each sort the header offers, each filter, search by id prefix, whole UUID and text, in one
// city and in all) is EXPLAINed with its real parameters. A "Seq Scan" node on rides, users,
// vehicles or vehicle_location_histories fails the test, naming the statement. The
// exceptions are exactly the shapes the window hints and bounds (WholeTableRead, the same
// decision the browse worker makes): a text search in all cities where the server has no
// trigram index for the column (the one the issue allows), a filter in all cities without its
// index (BrowseIndexes; the demo creates them, and with them the filters pass below), and a
// sort in all cities by a column that is not the key's first.
//
// How the statements are planned: the application sends every statement unnamed with its
// parameters bound (PQexecParams), and PostgreSQL plans an unnamed statement with the bound
// values (a custom plan, every time). `EXPLAIN (FORMAT JSON) <statement>` sent the same way,
// with the same parameters, is planned exactly like that; no PREPARE or generic plan is
// involved, so none is tested.

#include "TestServer.h"

#include "movr/BrowseIndexes.h"
#include "movr/DataGenerator.h"
#include "movr/Operations.h"
#include "movr/SearchIndexes.h"
#include "worker/BrowseQuery.h"
#include "worker/InlineEdits.h"
#include "worker/SearchCondition.h"
#include "worker/WholeTableRead.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <functional>
#include <utility>

namespace {

const QStringList BigTables = {QStringLiteral("rides"), QStringLiteral("users"),
                               QStringLiteral("vehicles"),
                               QStringLiteral("vehicle_location_histories")};

// Calls `visit` for every node of a JSON plan (Plans, and the plans of sub-plans and CTEs).
void walk(const QJsonObject &node, const std::function<void(const QJsonObject &)> &visit)
{
    visit(node);
    for (const QJsonValue &child : node.value(QLatin1String("Plans")).toArray())
        walk(child.toObject(), visit);
}

// The relations scanned sequentially, among the big tables.
QStringList seqScans(const QJsonObject &plan)
{
    QStringList found;
    walk(plan, [&found](const QJsonObject &node) {
        const QString relation = node.value(QLatin1String("Relation Name")).toString();
        if (node.value(QLatin1String("Node Type")).toString() == QLatin1String("Seq Scan") &&
            BigTables.contains(relation))
            found.append(relation);
    });
    return found;
}

// Whether a node reads every row of `table`: a sequential scan, or an index scan without
// an index condition (a walk of the whole index).
bool readsWholeTable(const QJsonObject &plan, const QString &table)
{
    bool whole = false;
    walk(plan, [&](const QJsonObject &node) {
        if (node.value(QLatin1String("Relation Name")).toString() != table)
            return;
        const QString type = node.value(QLatin1String("Node Type")).toString();
        if (type == QLatin1String("Seq Scan") || (type.startsWith(QLatin1String("Index")) &&
                                                  !node.contains(QLatin1String("Index Cond"))))
            whole = true;
    });
    return whole;
}

// The index names a plan uses.
QStringList indexesUsed(const QJsonObject &plan)
{
    QStringList found;
    walk(plan, [&found](const QJsonObject &node) {
        const QString index = node.value(QLatin1String("Index Name")).toString();
        if (!index.isEmpty())
            found.append(index);
    });
    return found;
}

struct Case
{
    Case(QString name, Statement statement, PageRequest request = {})
        : name(std::move(name)), statement(std::move(statement)), request(std::move(request))
    {}
    QString name;
    Statement statement;
    PageRequest request; // browse cases
};

} // namespace

Q_DECLARE_METATYPE(Statement)

class TestPlans : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void operations_data();
    void operations();
    void browse_data();
    void browse();

    void otherCityLookupRunsOnlyWhenNotFound();
    void nameSearchInAllCitiesWithoutTrigramIndex();
    void hintedShapesReadTheWholeTable();
    void filterIndexesAnswerFilters();    // creates the indexes
    void trigramIndexAnswersTextSearch(); // creates the indexes: keep it last

private:
    QJsonObject explain(const Statement &statement, const QString &options = {});
    QString planText(const Statement &statement);
    QList<Case> operationCases() const;
    QList<Case> browseCases() const;
    QString exceptionFor(const PageRequest &request) const;
    void check(const Case &c, const QString &exception = {});
    QList<QJsonObject> executedCityProbes(const Statement &statement, bool *ok);

    std::unique_ptr<PgConnection> m_connection;
    DataGenerator m_generator{MovrCounts{}};
    QString m_rome, m_paris;
    QString m_user, m_parisUser, m_vehicle, m_ride;
    DetectedIndexes m_indexes; // the demo's indexes the database has (none at first)
};

void TestPlans::initTestCase()
{
    // Enough rows that the planner prefers an index wherever one answers (a few seconds
    // with the COPY loader).
    MovrCounts counts;
    counts.users = 20000;
    counts.vehicles = 20000;
    counts.rides = 100000;
    counts.histories = 100000;
    counts.promoCodes = 1000;
    m_generator = DataGenerator(counts, 7);
    const QString database = TestServer::createMovrDatabase(QStringLiteral("plans"), counts, 7);
    m_connection = TestServer::connect(database);
    const int rome = 8, paris = 7; // Cities::all() order
    m_rome = QStringLiteral("rome");
    m_paris = QStringLiteral("paris");
    m_user = m_generator.userId(DataGenerator::cityBlockStart(rome, counts.users) + 3);
    m_parisUser = m_generator.userId(DataGenerator::cityBlockStart(paris, counts.users) + 3);
    m_vehicle = m_generator.vehicleId(DataGenerator::cityBlockStart(rome, counts.vehicles) + 2);
    m_ride = m_generator.rideId(DataGenerator::cityBlockStart(rome, counts.rides) + 5);
    // The samples are where the test thinks they are.
    auto where =
        m_connection->exec(QStringLiteral("SELECT (SELECT city FROM users WHERE id = $1::uuid),"
                                          " (SELECT city FROM vehicles WHERE id = $2::uuid),"
                                          " (SELECT city FROM rides WHERE id = $3::uuid)"),
                           {m_user, m_vehicle, m_ride});
    QVERIFY2(where, where ? "" : qPrintable(where.error().toString()));
    QCOMPARE(where->text(0, 0), m_rome);
    QCOMPARE(where->text(0, 1), m_rome);
    QCOMPARE(where->text(0, 2), m_rome);
}

QJsonObject TestPlans::explain(const Statement &statement, const QString &options)
{
    auto result = m_connection->exec(
        QStringLiteral("EXPLAIN (FORMAT JSON%1) ").arg(options) + statement.sql, statement.params);
    if (!result) {
        qWarning("%s\n%s", qPrintable(result.error().toString()), qPrintable(statement.sql));
        return {};
    }
    const QJsonDocument document = QJsonDocument::fromJson(result->text(0, 0).toUtf8());
    return document.array().first().toObject().value(QLatin1String("Plan")).toObject();
}

QString TestPlans::planText(const Statement &statement)
{
    auto result = m_connection->exec(QStringLiteral("EXPLAIN ") + statement.sql, statement.params);
    if (!result)
        return result.error().toString();
    QStringList lines;
    for (int row = 0; row < result->rowCount(); ++row)
        lines.append(result->text(row, 0));
    return lines.join(QLatin1Char('\n'));
}

void TestPlans::check(const Case &c, const QString &exception)
{
    const QJsonObject plan = explain(c.statement);
    QVERIFY2(!plan.isEmpty(), qPrintable(QStringLiteral("%1: EXPLAIN failed").arg(c.name)));
    const QStringList scans = seqScans(plan);
    if (!scans.isEmpty() && exception.isEmpty()) {
        // The whole statement and plan (QTest shortens a failure message).
        qWarning("%s\n%s", qPrintable(c.statement.sql), qPrintable(planText(c.statement)));
    }
    if (!scans.isEmpty() && !exception.isEmpty())
        QEXPECT_FAIL("", qPrintable(exception), Continue);
    QVERIFY2(scans.isEmpty(), qPrintable(QStringLiteral("%1 scans %2 sequentially")
                                             .arg(c.name, scans.join(QLatin1String(", ")))));
}

QList<Case> TestPlans::operationCases() const
{
    QList<Case> cases;
    const auto add = [&cases](const QString &name, const Result<TransactionBody> &body) {
        if (!body) {
            qWarning("%s: %s", qPrintable(name), qPrintable(body.error().toString()));
            return;
        }
        QList<Statement> statements = body->statements;
        statements += body->preview;
        for (int i = 0; i < statements.size(); ++i)
            cases.append({QStringLiteral("%1 #%2").arg(name).arg(i + 1), statements.at(i)});
        if (!body->verify.sql.isEmpty())
            cases.append({name + QStringLiteral(" verify"), body->verify});
    };
    add(QStringLiteral("start ride"), Operations::startRide({m_rome, m_user, m_vehicle}));
    add(QStringLiteral("end ride"), Operations::endRide({m_rome, m_ride, QStringLiteral("12.50")}));
    add(QStringLiteral("end ride at an address"),
        Operations::endRide({m_rome, m_ride, QStringLiteral("3.00"), QStringLiteral("Via 1")}));
    AddVehicleInput vehicle;
    vehicle.city = m_rome;
    vehicle.type = QStringLiteral("bike");
    vehicle.ownerId = m_user;
    vehicle.currentLocation = QStringLiteral("Via Appia 1");
    add(QStringLiteral("add vehicle"), Operations::addVehicle(vehicle));
    EditVehicleInput editVehicle(m_rome, m_vehicle);
    editVehicle.ownerId = m_user;
    editVehicle.currentLocation = QStringLiteral("Via 2");
    add(QStringLiteral("edit vehicle"), Operations::editVehicle(editVehicle));
    const auto statuses = Operations::setVehicleStatus(
        {m_rome, {m_vehicle, newClientUuid()}, QStringLiteral("lost")});
    if (statuses) {
        for (const TransactionBody &body : *statuses)
            add(QStringLiteral("set vehicle status"), body);
    }
    add(QStringLiteral("retire vehicle"), Operations::retireVehicle(m_rome, m_vehicle));
    AddUserInput user;
    user.city = m_rome;
    user.name = QStringLiteral("Ada Lovelace");
    user.address = QStringLiteral("Via 3");
    add(QStringLiteral("add user"), Operations::addUser(user));
    EditUserInput editUser(m_rome, m_user);
    editUser.name = QStringLiteral("Ada");
    add(QStringLiteral("edit user"), Operations::editUser(editUser));
    add(QStringLiteral("delete user"), Operations::deleteUser(m_rome, m_user));
    CreatePromoCodeInput promo;
    promo.code = QStringLiteral("plan_test_code");
    add(QStringLiteral("create promo code"), Operations::createPromoCode(promo));
    add(QStringLiteral("apply promo code"),
        Operations::applyPromoCode({m_rome, m_user, QStringLiteral("plan_test_code")}));
    add(QStringLiteral("record location"),
        Operations::recordLocation({m_rome, m_ride, 41.9, 12.5}));

    // Inline edits: one editable column of each table.
    const auto inlineEdit = [&](BrowseTable table, const QStringList &key, const char *column,
                                const QString &value) {
        PendingEdit edit;
        edit.table = table;
        edit.key = key;
        edit.column = TableSpec::of(table).columnIndex(QString::fromLatin1(column));
        edit.original = QStringLiteral("x");
        edit.value = value;
        const QString name = QStringLiteral("inline edit of %1.%2")
                                 .arg(TableSpec::of(table).sqlName, QLatin1String(column));
        add(name, InlineEdits::applyBody({edit}));
        const QList<Statement> reads = InlineEdits::currentValues({edit});
        for (int i = 0; i < reads.size(); ++i)
            cases.append({name + QStringLiteral(" current values"), reads.at(i)});
    };
    inlineEdit(BrowseTable::Users, {m_rome, m_user}, "name", QStringLiteral("Ada"));
    inlineEdit(BrowseTable::Vehicles, {m_rome, m_vehicle}, "current_location",
               QStringLiteral("Via 4"));
    inlineEdit(BrowseTable::Rides, {m_rome, m_ride}, "end_address", QStringLiteral("Via 5"));
    return cases;
}

void TestPlans::operations_data()
{
    QTest::addColumn<Statement>("statement");
    const QList<Case> cases = operationCases();
    QVERIFY(cases.size() > 25);
    for (const Case &c : cases)
        QTest::newRow(qPrintable(c.name)) << c.statement;
}

void TestPlans::operations()
{
    QFETCH(Statement, statement);
    check({QString::fromUtf8(QTest::currentDataTag()), statement});
}

QList<Case> TestPlans::browseCases() const
{
    QList<Case> cases;
    const ServerInfo server;
    const auto add = [&cases, &server](const QString &name, PageRequest request) {
        const TableSpec &spec = TableSpec::of(request.table);
        cases.append(
            {name + QStringLiteral(" (first page)"), BrowseQuery::page(request, server), request});
        // The next page: after a key in the middle of the data.
        KeyValues after;
        const auto sample = [](const ColumnSpec &column) {
            if (column.kind == ColumnKind::Uuid)
                return QStringLiteral("80000000-0000-4000-8000-000000000000");
            if (column.kind == ColumnKind::Timestamp)
                return QStringLiteral("2019-01-05 00:00:00");
            if (column.kind == ColumnKind::Json)
                return QStringLiteral("{}");
            if (column.sqlType == QLatin1String("text"))
                return QStringLiteral("new york");
            return QStringLiteral("5");
        };
        // As the model makes it (BrowseQuery::keyOf): a sort by the key's first column is the
        // key order itself, with no sort value in front.
        const BrowseSort sort = BrowseQuery::effectiveSort(spec, request.sort);
        if (sort.column >= 0)
            after.append(sample(spec.columns.at(sort.column)));
        for (int column : spec.orderKeyColumns)
            after.append(sample(spec.columns.at(column)));
        request.after = after;
        cases.append(
            {name + QStringLiteral(" (next page)"), BrowseQuery::page(request, server), request});
    };
    const auto scopes = [this] {
        return QList<QPair<QString, QStringList>>{
            {QStringLiteral("all cities"), {}},
            {QStringLiteral("rome"), {m_rome}},
            {QStringLiteral("two cities"), {m_rome, m_paris}}};
    };
    for (BrowseTable table : TableSpec::browsable()) {
        const TableSpec &spec = TableSpec::of(table);
        for (const auto &[scopeName, cities] : scopes()) {
            PageRequest request;
            request.table = table;
            request.filter.cities = cities;
            const QString base = spec.sqlName + QStringLiteral(", ") + scopeName;
            add(base, request);
            // Each sort the header offers: every column, both directions.
            for (int column = 0; column < spec.columns.size(); ++column) {
                for (Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
                    PageRequest sorted = request;
                    sorted.sort = {column, order};
                    add(QStringLiteral("%1, sorted by %2 %3")
                            .arg(base, spec.columns.at(column).name,
                                 order == Qt::AscendingOrder ? QLatin1String("asc")
                                                             : QLatin1String("desc")),
                        sorted);
                }
            }
            // Filters.
            if (spec.statusColumn >= 0) {
                PageRequest filtered = request;
                filtered.filter.status = QStringLiteral("lost");
                add(base + QStringLiteral(", status lost"), filtered);
            }
            if (spec.typeColumn >= 0) {
                PageRequest filtered = request;
                filtered.filter.vehicleType = QStringLiteral("scooter");
                add(base + QStringLiteral(", type scooter"), filtered);
            }
            if (spec.activeColumn >= 0) {
                PageRequest filtered = request;
                filtered.filter.activeOnly = true;
                add(base + QStringLiteral(", active only"), filtered);
            }
            if (spec.timeColumn >= 0) {
                PageRequest filtered = request;
                filtered.filter.from = QDateTime(QDate(2019, 1, 3), QTime(0, 0), Qt::UTC);
                filtered.filter.to = QDateTime(QDate(2019, 1, 4), QTime(0, 0), Qt::UTC);
                add(base + QStringLiteral(", time range"), filtered);
            }
            // Searches.
            const QString id = table == BrowseTable::Users      ? m_user
                               : table == BrowseTable::Vehicles ? m_vehicle
                                                                : m_ride;
            const QList<QPair<QString, QString>> searches = {
                {QStringLiteral("id prefix"), id.left(6)},
                {QStringLiteral("whole id"), id},
                {QStringLiteral("text"), QStringLiteral("son")},
            };
            for (const auto &[searchName, text] : searches) {
                PageRequest searched = request;
                searched.filter.search = text;
                add(base + QStringLiteral(", search by ") + searchName, searched);
            }
        }
    }
    // The details pane's lists: rows related to one entity.
    const auto related = [&add](BrowseTable table, const QList<QPair<QString, QString>> &equals,
                                const QString &name) {
        PageRequest request;
        request.table = table;
        request.filter.equals = equals;
        add(name, request);
    };
    related(BrowseTable::Users, {{QStringLiteral("city"), m_rome}, {QStringLiteral("id"), m_user}},
            QStringLiteral("details: a user"));
    related(BrowseTable::Rides,
            {{QStringLiteral("city"), m_rome}, {QStringLiteral("rider_id"), m_user}},
            QStringLiteral("details: rides of a rider"));
    related(BrowseTable::Vehicles,
            {{QStringLiteral("city"), m_rome}, {QStringLiteral("owner_id"), m_user}},
            QStringLiteral("details: vehicles of an owner"));
    related(BrowseTable::UserPromoCodes,
            {{QStringLiteral("city"), m_rome}, {QStringLiteral("user_id"), m_user}},
            QStringLiteral("details: promo codes of a user"));
    related(BrowseTable::Rides,
            {{QStringLiteral("vehicle_city"), m_rome}, {QStringLiteral("vehicle_id"), m_vehicle}},
            QStringLiteral("details: rides of a vehicle"));
    related(BrowseTable::LocationHistory,
            {{QStringLiteral("city"), m_rome}, {QStringLiteral("ride_id"), m_ride}},
            QStringLiteral("details: location history of a ride"));
    // A refresh after an edit.
    PageRequest refresh;
    refresh.kind = PageRequest::Kind::Refresh;
    refresh.table = BrowseTable::Vehicles;
    refresh.refreshKeys = {{m_rome, m_vehicle}};
    cases.append(
        {QStringLiteral("refresh of vehicles"), BrowseQuery::refresh(refresh, server), refresh});
    return cases;
}

void TestPlans::browse_data()
{
    QTest::addColumn<Statement>("statement");
    QTest::addColumn<QString>("exception");
    for (const Case &c : browseCases()) {
        QTest::newRow(qPrintable(c.name)) << c.statement << exceptionFor(c.request);
    }
}

void TestPlans::browse()
{
    QFETCH(Statement, statement);
    QFETCH(QString, exception);
    check({QString::fromUtf8(QTest::currentDataTag()), statement}, exception);
}

// The shapes that may read a whole table, each with its reason: those the window hints and
// bounds (WholeTableRead). Every other shape must not.
QString TestPlans::exceptionFor(const PageRequest &request) const
{
    switch (WholeTableRead::of(request, m_indexes, ServerFlavor::PostgreSQL).reason) {
    case WholeTableReason::None:
        break;
    case WholeTableReason::Search: // the one the issue allows
        return QStringLiteral("text search in all cities without a trigram index: hinted and "
                              "bounded");
    case WholeTableReason::Filter:
        return QStringLiteral("filter in all cities without its index (BrowseIndexes): hinted "
                              "and bounded");
    case WholeTableReason::Sort:
        return QStringLiteral("sort in all cities by a column that is not the key's first: "
                              "hinted (choose a city) and bounded");
    }
    return {};
}

// EXPLAIN ANALYZE of `statement` inside a transaction that is rolled back (the operations
// write); the nodes of the plan that scan the CTE `cities` (the "which city" look-up).
QList<QJsonObject> TestPlans::executedCityProbes(const Statement &statement, bool *ok)
{
    *ok = false;
    QList<QJsonObject> probes;
    if (!m_connection->exec(QStringLiteral("BEGIN")))
        return probes;
    const QJsonObject plan = explain(statement, QStringLiteral(", ANALYZE"));
    if (!m_connection->exec(QStringLiteral("ROLLBACK")))
        qFatal("ROLLBACK after EXPLAIN ANALYZE failed: later plans would see its writes");
    if (plan.isEmpty())
        return probes;
    *ok = true;
    walk(plan, [&probes](const QJsonObject &node) {
        if (node.value(QLatin1String("Node Type")).toString() == QLatin1String("CTE Scan") &&
            node.value(QLatin1String("CTE Name")).toString() == QLatin1String("cities"))
            probes.append(node);
    });
    return probes;
}

void TestPlans::otherCityLookupRunsOnlyWhenNotFound()
{
    const auto loops = [](const QList<QJsonObject> &nodes) {
        int total = 0;
        for (const QJsonObject &node : nodes)
            total += node.value(QLatin1String("Actual Loops")).toInt();
        return total;
    };
    // Found in the given city: the probes of the other cities never run.
    EditUserInput found(m_rome, m_user);
    found.name = QStringLiteral("Ada");
    bool ok = false;
    QList<QJsonObject> probes =
        executedCityProbes(Operations::editUser(found)->statements.first(), &ok);
    QVERIFY(ok);
    QVERIFY(!probes.isEmpty()); // the look-up is in the statement...
    QCOMPARE(loops(probes), 0); // ...and not executed
    // In another city: the probes run (one per city at most) and find it.
    EditUserInput elsewhere(m_rome, m_parisUser);
    elsewhere.name = QStringLiteral("Ada");
    probes = executedCityProbes(Operations::editUser(elsewhere)->statements.first(), &ok);
    QVERIFY(ok);
    QVERIFY(loops(probes) > 0);
    auto reply = m_connection->exec(QStringLiteral("BEGIN"));
    QVERIFY(reply);
    const Statement statement = Operations::editUser(elsewhere)->statements.first();
    reply = m_connection->exec(statement.sql, statement.params);
    QVERIFY(m_connection->exec(QStringLiteral("ROLLBACK")));
    QVERIFY(reply);
    QCOMPARE(reply->text(0, reply->columnIndex("user_city")), m_paris);
}

void TestPlans::nameSearchInAllCitiesWithoutTrigramIndex()
{
    // The exception: the text part reads the table, and the worker says so (with the
    // statement that makes it instant) and bounds it.
    auto detected = SearchIndexes::detect(*m_connection);
    QVERIFY(detected);
    QVERIFY(detected->isEmpty());
    PageRequest request;
    request.table = BrowseTable::Users;
    request.filter.search = QStringLiteral("son");
    // A name no user has: every row is read, by a sequential scan or the whole key's index.
    request.filter.search = QStringLiteral("qqqx");
    const QJsonObject plan = explain(BrowseQuery::page(request, ServerInfo{}));
    QVERIFY(readsWholeTable(plan, QStringLiteral("users")));
    // Within a city, the key's city prefix answers the same search.
    request.filter.cities = {m_rome};
    QVERIFY(seqScans(explain(BrowseQuery::page(request, ServerInfo{}))).isEmpty());
}

void TestPlans::hintedShapesReadTheWholeTable()
{
    // The hint is honest: each shape it is shown for does read the whole table without the
    // index (a sequential scan, or a walk of a whole index).
    const auto reads = [this](PageRequest request, WholeTableReason reason) {
        const WholeTableRead::Verdict verdict = WholeTableRead::of(request, {}, {});
        QCOMPARE(verdict.reason, reason);
        const QString table = TableSpec::of(request.table).sqlName;
        QVERIFY2(readsWholeTable(explain(BrowseQuery::page(request, ServerInfo{})), table),
                 qPrintable(table));
        // In a city, the key answers it: no hint.
        request.filter.cities = {m_rome};
        QCOMPARE(WholeTableRead::of(request, {}, {}).reason, WholeTableReason::None);
    };
    PageRequest lost;
    lost.table = BrowseTable::Vehicles;
    lost.filter.status = QStringLiteral("lost");
    reads(lost, WholeTableReason::Filter);
    PageRequest active;
    active.table = BrowseTable::Rides;
    active.filter.activeOnly = true;
    reads(active, WholeTableReason::Filter);
    PageRequest range;
    range.table = BrowseTable::Rides;
    range.filter.from = QDateTime(QDate(2019, 1, 3), QTime(0, 0), Qt::UTC);
    range.filter.to = QDateTime(QDate(2019, 1, 4), QTime(0, 0), Qt::UTC);
    reads(range, WholeTableReason::Filter);
    const TableSpec &users = TableSpec::of(BrowseTable::Users);
    for (const char *column : {"name", "id"}) {
        PageRequest sorted;
        sorted.table = BrowseTable::Users;
        sorted.sort = {users.columnIndex(QString::fromLatin1(column)), Qt::DescendingOrder};
        reads(sorted, WholeTableReason::Sort);
    }
}

void TestPlans::filterIndexesAnswerFilters()
{
    // The demo's filter indexes (BrowseIndexes), as an admin would create them.
    for (const BrowseIndexes::Index &index : BrowseIndexes::all()) {
        auto done = m_connection->exec(BrowseIndexes::createStatement(index));
        QVERIFY2(done, done ? "" : qPrintable(done.error().toString()));
    }
    QVERIFY(m_connection->exec(QStringLiteral("ANALYZE rides, vehicles")));
    auto detected = BrowseIndexes::detect(*m_connection);
    QVERIFY(detected);
    QCOMPARE(*detected,
             (QSet<QString>{QStringLiteral("rides_active"), QStringLiteral("vehicles_status"),
                            QStringLiteral("rides_start_time"),
                            QStringLiteral("vehicles_creation_time")}));
    m_indexes.browseIndexes = *detected;
    // Every filter shape again, now without exception but for the sorts.
    int filters = 0;
    for (const Case &c : browseCases()) {
        const BrowseFilter &filter = c.request.filter;
        if (filter.status.isEmpty() && !filter.activeOnly && !filter.from.isValid())
            continue;
        ++filters;
        QCOMPARE(WholeTableRead::of(c.request, m_indexes, {}).reason, WholeTableReason::None);
        check(c, exceptionFor(c.request));
        if (QTest::currentTestFailed())
            return;
        if (filter.cities.isEmpty() && !c.request.after &&
            BigTables.contains(TableSpec::of(c.request.table).sqlName)) {
            // In all cities, the first page is read from the filter's index.
            const QStringList used = indexesUsed(explain(c.statement));
            QVERIFY2(used.contains(QStringLiteral("rides_active")) ||
                         used.contains(QStringLiteral("vehicles_status")) ||
                         used.contains(QStringLiteral("rides_start_time")) ||
                         used.contains(QStringLiteral("vehicles_creation_time")),
                     qPrintable(c.name + QLatin1Char(' ') + used.join(QLatin1Char(' '))));
        }
    }
    QVERIFY(filters >= 24);
}

void TestPlans::trigramIndexAnswersTextSearch()
{
    // The demo's indexes (SearchIndexes), as an admin would create them.
    for (const SearchIndexes::Index &index : SearchIndexes::all()) {
        for (const QString &sql :
             SearchIndexes::createStatements(index, ServerFlavor::PostgreSQL)) {
            auto done = m_connection->exec(sql);
            QVERIFY2(done, done ? "" : qPrintable(done.error().toString()));
        }
    }
    QVERIFY(m_connection->exec(QStringLiteral("ANALYZE users, vehicles")));
    auto detected = SearchIndexes::detect(*m_connection);
    QVERIFY(detected);
    QCOMPARE(*detected, (QSet<QString>{QStringLiteral("users.name"),
                                       QStringLiteral("vehicles.current_location")}));
    m_indexes.trigramColumns = *detected;
    // Every search shape again, now without exception: the text part uses the index.
    int searches = 0;
    for (const Case &c : browseCases()) {
        if (c.request.filter.search.isEmpty())
            continue;
        ++searches;
        check(c, exceptionFor(c.request));
        if (QTest::currentTestFailed())
            return;
    }
    // A text no row has, in all cities: the trigram index answers it (without it, every
    // row is read, see above).
    for (BrowseTable table : {BrowseTable::Users, BrowseTable::Vehicles}) {
        PageRequest request;
        request.table = table;
        request.filter.search = QStringLiteral("qqqx");
        const QJsonObject plan = explain(BrowseQuery::page(request, ServerInfo{}));
        const QString name = TableSpec::of(table).sqlName;
        QVERIFY2(!readsWholeTable(plan, name), qPrintable(name));
        const QStringList used = indexesUsed(plan);
        QVERIFY2(used.contains(QStringLiteral("users_name_trgm")) ||
                     used.contains(QStringLiteral("vehicles_current_location_trgm")),
                 qPrintable(used.join(QLatin1Char(' '))));
    }
    QVERIFY(searches > 10);
}

QTEST_GUILESS_MAIN(TestPlans)
#include "tst_plans.moc"
