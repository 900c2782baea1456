// The MovR invariants (WorkloadCheck) on a real PostgreSQL: the generated demo data passes
// every one; each invariant broken on purpose (on fresh data, one test each) is reported with
// the rows that break it while the others still pass. tst_workloadcheck_multiregion runs the
// same on the multi-region key shape.

#include "TestServer.h"

#include "movr/Operations.h"
#include "txn/TransactionRunner.h"
#include "workload/WorkloadCheck.h"

#include <QDeadlineTimer>
#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QThread>

#include <thread>

namespace {

QString describe(const QList<InvariantResult> &results)
{
    return WorkloadCheck::format(results);
}

const InvariantResult *find(const QList<InvariantResult> &results, const QString &name)
{
    for (const InvariantResult &result : results) {
        if (result.name == name)
            return &result;
    }
    return nullptr;
}

// The values of one column over the rows shown.
QStringList column(const InvariantResult &result, const QString &name)
{
    const qsizetype index = result.columns.indexOf(name);
    QStringList values;
    for (const QStringList &row : result.rows)
        values << (index >= 0 ? row.value(index) : QString());
    return values;
}

// The small counts the tests that break the data start from: every city has active rides,
// vehicles in and out of use, ended rides and users holding promo codes.
MovrCounts smallCounts()
{
    MovrCounts counts;
    counts.users = 45;
    counts.vehicles = 27;
    counts.rides = 90;
    counts.histories = 45;
    counts.promoCodes = 27;
    return counts;
}

} // namespace

// Runs the check, fails the test on an error.
#define RUN_CHECK(connection, results)                                                             \
    auto results##Result = WorkloadCheck::run(connection);                                         \
    QVERIFY2(results##Result,                                                                      \
             results##Result ? "" : qPrintable(results##Result.error().toString()));               \
    const QList<InvariantResult> results = *results##Result

// Every invariant but `broken` holds; `broken` fails with `count` violations.
#define EXPECT_ONLY_BROKEN(results, broken, count)                                                 \
    do {                                                                                           \
        QCOMPARE(results.size(), WorkloadCheck::names().size());                                   \
        for (const InvariantResult &each : results) {                                              \
            QVERIFY2(!each.error, qPrintable(describe(results)));                                  \
            if (each.name == QLatin1String(broken))                                                \
                QCOMPARE(each.violations, qint64(count));                                          \
            else                                                                                   \
                QVERIFY2(each.passed(), qPrintable(describe(results)));                            \
        }                                                                                          \
        QVERIFY(!WorkloadCheck::allPassed(results));                                               \
    } while (false)

class TestWorkloadCheck : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void names();
    void demoDataPasses_data();
    void demoDataPasses();
    void vehicleInTwoActiveRides();
    void vehicleStatusDisagreesWithRides();
    void rideRiderOrVehicleMissing();
    void rideEndsBeforeStart();
    void rideNegativeRevenue();
    void promoCodeUsageOutsideRules();
    void operationsKeepTheInvariants();
    void oneSnapshot();
    void readOnlyUserAndAQueryThatFails();
    void refusesInsideATransaction();
    void unsupportedSchemaIsAnError();

private:
    // A fresh database of smallCounts() that passes the check; `m_sql` is connected to it.
    bool freshDatabase();
    QString value(const QString &sql, const SqlParams &params = {});
    QStringList values(const QString &sql, const SqlParams &params = {});
    bool exec(const QString &sql, const SqlParams &params = {});

    std::unique_ptr<PgConnection> m_sql;
};

void TestWorkloadCheck::names()
{
    const QStringList names = WorkloadCheck::names();
    QCOMPARE(names, QStringList({QStringLiteral("vehicle-in-two-active-rides"),
                                 QStringLiteral("vehicle-status-disagrees-with-rides"),
                                 QStringLiteral("ride-rider-or-vehicle-missing"),
                                 QStringLiteral("ride-ends-before-start"),
                                 QStringLiteral("ride-negative-revenue"),
                                 QStringLiteral("promo-code-usage-outside-rules")}));
    const QRegularExpression kebab(QStringLiteral("^[a-z]+(-[a-z]+)*$"));
    for (const QString &name : names)
        QVERIFY2(kebab.match(name).hasMatch(), qPrintable(name));
}

void TestWorkloadCheck::demoDataPasses_data()
{
    QTest::addColumn<qint64>("users");
    QTest::addColumn<qint64>("vehicles");
    QTest::addColumn<qint64>("rides");
    QTest::addColumn<qint64>("promoCodes");
    QTest::addColumn<quint64>("seed");
    // The demo's defaults; fewer rides than vehicles; many rides per vehicle; fewer riders than
    // vehicles to put in use, and few promo codes (some of them expired) for many holders.
    QTest::newRow("defaults") << qint64(50) << qint64(15) << qint64(500) << qint64(1000)
                              << quint64(1);
    QTest::newRow("few rides") << qint64(90) << qint64(45) << qint64(18) << qint64(1000)
                               << quint64(3);
    QTest::newRow("busy fleet") << qint64(27) << qint64(18) << qint64(2000) << qint64(1000)
                                << quint64(11);
    QTest::newRow("few riders") << qint64(18) << qint64(90) << qint64(900) << qint64(9)
                                << quint64(5);
}

void TestWorkloadCheck::demoDataPasses()
{
    QFETCH(qint64, users);
    QFETCH(qint64, vehicles);
    QFETCH(qint64, rides);
    QFETCH(qint64, promoCodes);
    QFETCH(quint64, seed);
    MovrCounts counts;
    counts.users = users;
    counts.vehicles = vehicles;
    counts.rides = rides;
    counts.promoCodes = promoCodes;
    const QString database =
        TestServer::createMovrDatabase(QStringLiteral("check_demo"), counts, seed);
    auto connection = TestServer::connect(database);
    RUN_CHECK(*connection, results);
    QCOMPARE(results.size(), WorkloadCheck::names().size());
    for (qsizetype i = 0; i < results.size(); ++i) {
        QCOMPARE(results[i].name, WorkloadCheck::names()[i]);
        QVERIFY(!results[i].description.isEmpty());
        QVERIFY(!results[i].columns.isEmpty());
        QVERIFY2(results[i].passed(), qPrintable(describe(results)));
        QVERIFY(results[i].rows.isEmpty());
    }
    QVERIFY(WorkloadCheck::allPassed(results));
    const QString report = WorkloadCheck::format(results);
    for (const QString &name : WorkloadCheck::names())
        QVERIFY2(report.contains(QStringLiteral("PASS  ") + name + QLatin1Char(':')),
                 qPrintable(report));
    QVERIFY(!report.contains(QLatin1String("FAIL")));
    // The connection is left outside any transaction, ready for more.
    QVERIFY(!connection->inTransaction());
    // The data has what the invariants talk about: active rides, held promo codes.
    auto active =
        connection->exec(QStringLiteral("SELECT count(*) FROM rides WHERE end_time IS NULL"));
    QVERIFY(active && active->text(0, 0).toLongLong() > 0);
}

void TestWorkloadCheck::vehicleInTwoActiveRides()
{
    QVERIFY(freshDatabase());
    // A second active ride on a vehicle that is in use, by another rider of its city.
    const QString city = value(QStringLiteral(
        "SELECT city FROM vehicles WHERE status = 'in_use' ORDER BY city, id LIMIT 1"));
    const QString vehicle = value(QStringLiteral("SELECT id FROM vehicles WHERE city = $1 AND "
                                                 "status = 'in_use' ORDER BY id LIMIT 1"),
                                  {city});
    const QString firstRide =
        value(QStringLiteral("SELECT id FROM rides WHERE vehicle_id = $1 AND end_time IS NULL"),
              {vehicle});
    QVERIFY(!firstRide.isEmpty());
    const QString rider =
        value(QStringLiteral("SELECT id FROM users WHERE city = $1 ORDER BY id LIMIT 1"), {city});
    const QString secondRide = QStringLiteral("00000000-0000-4000-8000-000000000001");
    QVERIFY(
        exec(QStringLiteral("INSERT INTO rides (id, city, vehicle_city, rider_id, vehicle_id, "
                            "start_address, start_time) SELECT $1, $2, $2, $3, $4, '1 Main St', "
                            "start_time + interval '1 minute' FROM rides WHERE id = $5"),
             {secondRide, city, rider, vehicle, firstRide}));

    RUN_CHECK(*m_sql, results);
    EXPECT_ONLY_BROKEN(results, "vehicle-in-two-active-rides", 2);
    const InvariantResult &broken = *find(results, QStringLiteral("vehicle-in-two-active-rides"));
    QCOMPARE(broken.rows.size(), 2);
    QCOMPARE(column(broken, QStringLiteral("vehicle_id")), QStringList({vehicle, vehicle}));
    QCOMPARE(column(broken, QStringLiteral("vehicle_city")), QStringList({city, city}));
    QCOMPARE(column(broken, QStringLiteral("active_rides")),
             QStringList({QStringLiteral("2"), QStringLiteral("2")}));
    // Oldest first: the generated ride started before now.
    QCOMPARE(column(broken, QStringLiteral("ride_id")), QStringList({firstRide, secondRide}));
    const QString report = WorkloadCheck::format(results);
    QVERIFY2(report.contains(QStringLiteral("FAIL  vehicle-in-two-active-rides:")),
             qPrintable(report));
    QVERIFY2(report.contains(secondRide), qPrintable(report));
}

void TestWorkloadCheck::vehicleStatusDisagreesWithRides()
{
    QVERIFY(freshDatabase());
    // An available vehicle marked in use (no active ride), and a vehicle in an active ride
    // marked lost, and another retired.
    const QString idle = value(QStringLiteral(
        "SELECT id FROM vehicles WHERE status = 'available' ORDER BY city, id LIMIT 1"));
    const QStringList riding =
        value(QStringLiteral("SELECT string_agg(id::text, ',' ORDER BY city, id) FROM (SELECT "
                             "city, id FROM vehicles "
                             "WHERE status = 'in_use' ORDER BY city, id LIMIT 2) AS v"))
            .split(QLatin1Char(','));
    QCOMPARE(riding.size(), 2);
    QVERIFY(exec(QStringLiteral("UPDATE vehicles SET status = 'in_use' WHERE id = $1"), {idle}));
    QVERIFY(exec(QStringLiteral("UPDATE vehicles SET status = 'lost' WHERE id = $1"), {riding[0]}));
    QVERIFY(
        exec(QStringLiteral("UPDATE vehicles SET status = 'retired' WHERE id = $1"), {riding[1]}));
    // A lost vehicle without an active ride holds.
    QVERIFY(exec(QStringLiteral(
        "UPDATE vehicles SET status = 'lost' WHERE id = (SELECT id FROM vehicles WHERE status = "
        "'available' ORDER BY city DESC, id LIMIT 1)")));

    RUN_CHECK(*m_sql, results);
    EXPECT_ONLY_BROKEN(results, "vehicle-status-disagrees-with-rides", 3);
    const InvariantResult &broken =
        *find(results, QStringLiteral("vehicle-status-disagrees-with-rides"));
    QHash<QString, QPair<QString, QString>> byId; // id -> status, active rides
    for (const QStringList &row : broken.rows)
        byId.insert(row.value(broken.columns.indexOf(QStringLiteral("id"))),
                    {row.value(broken.columns.indexOf(QStringLiteral("status"))),
                     row.value(broken.columns.indexOf(QStringLiteral("active_rides")))});
    QCOMPARE(byId.size(), 3);
    QCOMPARE(byId.value(idle), qMakePair(QStringLiteral("in_use"), QStringLiteral("0")));
    QCOMPARE(byId.value(riding[0]), qMakePair(QStringLiteral("lost"), QStringLiteral("1")));
    QCOMPARE(byId.value(riding[1]), qMakePair(QStringLiteral("retired"), QStringLiteral("1")));
}

void TestWorkloadCheck::rideRiderOrVehicleMissing()
{
    QVERIFY(freshDatabase());
    // Foreign keys would refuse some of these (the canonical shape's include the city): the
    // breakage is written with them off, as a faulty bulk load would.
    QVERIFY(exec(QStringLiteral("SET session_replication_role = replica")));
    const QString rome = QStringLiteral("rome");
    const QString paris = QStringLiteral("paris");
    const QString romeUser =
        value(QStringLiteral("SELECT id FROM users WHERE city = $1 ORDER BY id LIMIT 1"), {rome});
    const QString parisUser =
        value(QStringLiteral("SELECT id FROM users WHERE city = $1 ORDER BY id LIMIT 1"), {paris});
    const QString romeVehicle = value(
        QStringLiteral("SELECT id FROM vehicles WHERE city = $1 ORDER BY id LIMIT 1"), {rome});
    const QString parisVehicle = value(
        QStringLiteral("SELECT id FROM vehicles WHERE city = $1 ORDER BY id LIMIT 1"), {paris});
    const QString insert = QStringLiteral(
        "INSERT INTO rides (id, city, vehicle_city, rider_id, vehicle_id, start_address, "
        "end_address, start_time, end_time, revenue) VALUES ($1, $2, $2, $3, $4, '1 Main St', "
        "'2 Main St', now() - interval '3 days', now() - interval '3 days' + interval '20 "
        "minutes', "
        "7.50)");
    // A rider of Paris on a ride in Rome; a vehicle of Paris; a rider that does not exist.
    const QString wrongRider = QStringLiteral("00000000-0000-4000-8000-0000000000a1");
    const QString wrongVehicle = QStringLiteral("00000000-0000-4000-8000-0000000000a2");
    const QString noRider = QStringLiteral("00000000-0000-4000-8000-0000000000a3");
    QVERIFY(exec(insert, {wrongRider, rome, parisUser, romeVehicle}));
    QVERIFY(exec(insert, {wrongVehicle, rome, romeUser, parisVehicle}));
    QVERIFY(exec(insert, {noRider, rome, QStringLiteral("00000000-0000-4000-8000-00000000dead"),
                          romeVehicle}));
    QVERIFY(exec(QStringLiteral("RESET session_replication_role")));

    RUN_CHECK(*m_sql, results);
    EXPECT_ONLY_BROKEN(results, "ride-rider-or-vehicle-missing", 3);
    const InvariantResult &broken = *find(results, QStringLiteral("ride-rider-or-vehicle-missing"));
    QCOMPARE(column(broken, QStringLiteral("id")),
             QStringList({wrongRider, wrongVehicle, noRider}));
    QCOMPARE(column(broken, QStringLiteral("city")), QStringList({rome, rome, rome}));
    const QString t = QStringLiteral("t"), f = QStringLiteral("f");
    QCOMPARE(column(broken, QStringLiteral("rider_found")), QStringList({f, t, f}));
    QCOMPARE(column(broken, QStringLiteral("vehicle_found")), QStringList({t, f, t}));
}

void TestWorkloadCheck::rideEndsBeforeStart()
{
    QVERIFY(freshDatabase());
    const QString ride = value(QStringLiteral(
        "SELECT id FROM rides WHERE end_time IS NOT NULL ORDER BY city, id LIMIT 1"));
    QVERIFY(exec(QStringLiteral(
                     "UPDATE rides SET end_time = start_time - interval '1 minute' WHERE id = $1"),
                 {ride}));
    // Ending in the very second it starts holds.
    QVERIFY(exec(QStringLiteral("UPDATE rides SET end_time = start_time WHERE id = (SELECT id "
                                "FROM rides WHERE end_time IS NOT NULL ORDER BY city DESC, id "
                                "LIMIT 1)")));

    RUN_CHECK(*m_sql, results);
    EXPECT_ONLY_BROKEN(results, "ride-ends-before-start", 1);
    const InvariantResult &broken = *find(results, QStringLiteral("ride-ends-before-start"));
    QCOMPARE(column(broken, QStringLiteral("id")), QStringList({ride}));
    const QStringList row = broken.rows.value(0);
    QVERIFY(row.value(broken.columns.indexOf(QStringLiteral("end_time"))) <
            row.value(broken.columns.indexOf(QStringLiteral("start_time"))));
}

void TestWorkloadCheck::rideNegativeRevenue()
{
    QVERIFY(freshDatabase());
    // More rows than are shown: the count is the whole, the rows the first in key order.
    const int broken = WorkloadCheck::kMaxRowsShown + 5;
    QVERIFY(exec(
        QStringLiteral("UPDATE rides SET revenue = -1.25 WHERE id IN (SELECT id FROM rides WHERE "
                       "end_time IS NOT NULL ORDER BY city, id LIMIT $1)"),
        {QString::number(broken)}));
    // Zero holds.
    QVERIFY(exec(QStringLiteral(
        "UPDATE rides SET revenue = 0 WHERE id = (SELECT id FROM rides WHERE end_time IS NOT "
        "NULL ORDER BY city DESC, id DESC LIMIT 1)")));
    auto expected = m_sql->exec(
        QStringLiteral("SELECT id FROM rides WHERE revenue < 0 ORDER BY city, id LIMIT $1"),
        {QString::number(WorkloadCheck::kMaxRowsShown)});
    QVERIFY(expected);
    QStringList expectedIds;
    for (int row = 0; row < expected->rowCount(); ++row)
        expectedIds << expected->text(row, 0);

    RUN_CHECK(*m_sql, results);
    EXPECT_ONLY_BROKEN(results, "ride-negative-revenue", broken);
    const InvariantResult &result = *find(results, QStringLiteral("ride-negative-revenue"));
    QCOMPARE(result.rows.size(), WorkloadCheck::kMaxRowsShown);
    QCOMPARE(column(result, QStringLiteral("id")), expectedIds);
    const QStringList revenues = column(result, QStringLiteral("revenue"));
    QCOMPARE(QSet<QString>(revenues.cbegin(), revenues.cend()),
             QSet<QString>({QStringLiteral("-1.25")}));
    const QString report = WorkloadCheck::format(results);
    QVERIFY2(report.contains(QStringLiteral("FAIL  ride-negative-revenue:")), qPrintable(report));
    QVERIFY2(QRegularExpression(QStringLiteral("\\b15 row.* break it.* first 10 "))
                 .match(report)
                 .hasMatch(),
             qPrintable(report));
}

void TestWorkloadCheck::promoCodeUsageOutsideRules()
{
    QVERIFY(freshDatabase());
    auto held = m_sql->exec(QStringLiteral(
        "SELECT city, user_id, code FROM user_promo_codes ORDER BY city, user_id, code LIMIT 3"));
    QVERIFY(held);
    QCOMPARE(held->rowCount(), 3);
    auto key = [&](int row) {
        return SqlParams{held->text(row, 0), held->text(row, 1), held->text(row, 2)};
    };
    const QString where = QStringLiteral(" WHERE city = $1 AND user_id = $2::uuid AND code = $3");
    // A negative usage count; applied before the code existed; applied once it had expired.
    QVERIFY(exec(QStringLiteral("UPDATE user_promo_codes SET usage_count = -1") + where, key(0)));
    QVERIFY(exec(QStringLiteral("UPDATE user_promo_codes SET \"timestamp\" = (SELECT "
                                "creation_time - interval '1 second' FROM promo_codes p WHERE "
                                "p.code = user_promo_codes.code)") +
                     where,
                 key(1)));
    QVERIFY(exec(QStringLiteral("UPDATE user_promo_codes SET \"timestamp\" = (SELECT "
                                "expiration_time FROM promo_codes p WHERE p.code = "
                                "user_promo_codes.code)") +
                     where,
                 key(2)));
    // A code that does not exist (no foreign key covers the code), and a user of another city
    // (written with the foreign keys off).
    const QString romeUser = value(QStringLiteral(
        "SELECT id FROM users WHERE city = 'rome' AND id NOT IN (SELECT user_id FROM "
        "user_promo_codes) ORDER BY id LIMIT 1"));
    QVERIFY(!romeUser.isEmpty());
    const QString someCode =
        value(QStringLiteral("SELECT code FROM promo_codes ORDER BY code LIMIT 1"));
    QVERIFY(exec(QStringLiteral("INSERT INTO user_promo_codes (city, user_id, code, \"timestamp\", "
                                "usage_count) VALUES ('rome', $1, "
                                "'no_such_code', now(), 0)"),
                 {romeUser}));
    QVERIFY(exec(QStringLiteral("SET session_replication_role = replica")));
    QVERIFY(
        exec(QStringLiteral("INSERT INTO user_promo_codes (city, user_id, code, \"timestamp\", "
                            "usage_count) VALUES ('paris', $1, $2::text, "
                            "(SELECT creation_time FROM promo_codes WHERE code = $2::text), 0)"),
             {romeUser, someCode}));
    QVERIFY(exec(QStringLiteral("RESET session_replication_role")));

    RUN_CHECK(*m_sql, results);
    EXPECT_ONLY_BROKEN(results, "promo-code-usage-outside-rules", 5);
    const InvariantResult &broken =
        *find(results, QStringLiteral("promo-code-usage-outside-rules"));
    QSet<QString> keys;
    const qsizetype city = broken.columns.indexOf(QStringLiteral("city"));
    const qsizetype user = broken.columns.indexOf(QStringLiteral("user_id"));
    const qsizetype code = broken.columns.indexOf(QStringLiteral("code"));
    for (const QStringList &row : broken.rows)
        keys << row.value(city) + QLatin1Char('/') + row.value(user) + QLatin1Char('/') +
                    row.value(code);
    QSet<QString> expected;
    for (int row = 0; row < 3; ++row)
        expected << held->text(row, 0) + QLatin1Char('/') + held->text(row, 1) + QLatin1Char('/') +
                        held->text(row, 2);
    expected << QStringLiteral("rome/") + romeUser + QStringLiteral("/no_such_code");
    expected << QStringLiteral("paris/") + romeUser + QLatin1Char('/') + someCode;
    QCOMPARE(keys, expected);
    for (const QStringList &row : broken.rows) {
        const bool missingCode = row.value(code) == QLatin1String("no_such_code");
        const bool wrongCity =
            row.value(city) == QLatin1String("paris") && row.value(user) == romeUser;
        QCOMPARE(row.value(broken.columns.indexOf(QStringLiteral("code_found"))),
                 missingCode ? QStringLiteral("f") : QStringLiteral("t"));
        QCOMPARE(row.value(broken.columns.indexOf(QStringLiteral("user_found"))),
                 wrongCity ? QStringLiteral("f") : QStringLiteral("t"));
    }
}

// What the workload writes goes through the operations (src/movr), whose preconditions keep
// every invariant: a burst of them, refusals included, leaves the check passing.
void TestWorkloadCheck::operationsKeepTheInvariants()
{
    QVERIFY(freshDatabase());
    const QString database = m_sql->settings().database();
    std::unique_ptr<PgConnection> runnerConnection = TestServer::connect(database);
    TransactionRunner runner(runnerConnection);
    runner.setSettings(TestServer::settings(database));
    int committed = 0, refused = 0;
    auto run = [&](const Result<TransactionBody> &body) {
        QVERIFY2(body, body ? "" : qPrintable(body.error().toString()));
        const Outcome outcome = runner.run(*body);
        QVERIFY2(outcome.committed() || outcome.refused,
                 outcome.error ? qPrintable(outcome.error->toString()) : "not committed");
        ++(outcome.committed() ? committed : refused);
    };
    const QString validCode = QStringLiteral("check_valid_code");
    run(Operations::createPromoCode({validCode, QStringLiteral("Ten percent off."), {}, {}}));
    for (const QString &city : values(QStringLiteral("SELECT DISTINCT city FROM vehicles"))) {
        const QStringList users =
            values(QStringLiteral("SELECT id FROM users WHERE city = $1 ORDER BY id"), {city});
        const QStringList available = values(
            QStringLiteral("SELECT id FROM vehicles WHERE city = $1 AND status = 'available' "
                           "ORDER BY id"),
            {city});
        const QStringList inUse =
            values(QStringLiteral("SELECT id FROM vehicles WHERE city = $1 AND status = 'in_use' "
                                  "ORDER BY id"),
                   {city});
        const QStringList active = values(
            QStringLiteral("SELECT id FROM rides WHERE city = $1 AND end_time IS NULL ORDER BY id"),
            {city});
        QVERIFY(!users.isEmpty());
        // Starting a ride on a vehicle in use is refused; on an available one it starts.
        for (const QString &vehicle : inUse)
            run(Operations::startRide({city, users.last(), vehicle}));
        for (const QString &vehicle : available)
            run(Operations::startRide({city, users.first(), vehicle}));
        // Ending each active ride, twice: the second is refused.
        for (const QString &ride : active) {
            run(Operations::endRide({city, ride, QStringLiteral("4.20")}));
            run(Operations::endRide({city, ride, QStringLiteral("4.20")}));
        }
        // The ended vehicles: one lost, one retired (then refused a ride).
        if (inUse.size() >= 1) {
            auto lost =
                Operations::setVehicleStatus({city, {inUse.first()}, QStringLiteral("lost")});
            QVERIFY(lost);
            for (const TransactionBody &body : *lost)
                run(body);
            run(Operations::startRide({city, users.first(), inUse.first()}));
        }
        // A promo code for every user; expired codes and second applications are refused.
        for (const QString &user : users)
            run(Operations::applyPromoCode({city, user, validCode}));
        run(Operations::applyPromoCode({city, users.first(), validCode}));
        AddUserInput user;
        user.city = city;
        user.name = QStringLiteral("Check Rider");
        user.address = QStringLiteral("1 Main St");
        run(Operations::addUser(user));
        AddVehicleInput vehicle;
        vehicle.city = city;
        vehicle.type = QStringLiteral("bike");
        vehicle.ownerId = users.first();
        vehicle.currentLocation = QStringLiteral("2 Main St");
        run(Operations::addVehicle(vehicle));
        run(Operations::startRide({city, user.id, vehicle.id}));
        run(Operations::retireVehicle(city, vehicle.id)); // refused: in an active ride
    }
    const QStringList expired = values(QStringLiteral(
        "SELECT code FROM promo_codes WHERE expiration_time <= now() ORDER BY code LIMIT 3"));
    for (const QString &code : expired)
        run(Operations::applyPromoCode({QStringLiteral("rome"),
                                        value(QStringLiteral("SELECT id FROM users WHERE city = "
                                                             "'rome' ORDER BY id LIMIT 1")),
                                        code}));
    // A code created for tomorrow cannot be applied today (it would be used before it exists).
    CreatePromoCodeInput future{
        QStringLiteral("check_future_code"),
        QStringLiteral("Soon."),
        value(QStringLiteral("SELECT (now() + interval '1 day')::timestamp::text")),
        {}};
    run(Operations::createPromoCode(future));
    const int refusedBefore = refused;
    run(Operations::applyPromoCode({QStringLiteral("rome"),
                                    value(QStringLiteral("SELECT id FROM users WHERE city = "
                                                         "'rome' ORDER BY id LIMIT 1")),
                                    future.code}));
    QCOMPARE(refused, refusedBefore + 1);
    QVERIFY2(committed > 50, qPrintable(QString::number(committed)));
    QVERIFY2(refused > 20, qPrintable(QString::number(refused)));

    RUN_CHECK(*m_sql, results);
    QVERIFY2(WorkloadCheck::allPassed(results), qPrintable(describe(results)));
}

// Every query reads the snapshot the check began with: a change committed while the check
// runs (here: while its last query waits for a lock) is not seen, and the next check sees it.
void TestWorkloadCheck::oneSnapshot()
{
    QVERIFY(freshDatabase());
    const QString database = m_sql->settings().database();
    auto locker = TestServer::connect(database);
    auto checker = TestServer::connect(database);
    QVERIFY(locker
                ->execScript(
                    QStringLiteral("BEGIN; LOCK TABLE user_promo_codes IN ACCESS EXCLUSIVE MODE"))
                .hasValue());
    std::optional<Result<QList<InvariantResult>>> during;
    std::thread thread([&] { during.emplace(WorkloadCheck::run(*checker)); });
    // Wait until the check waits for the lock (its earlier queries have run).
    bool waiting = false;
    const QDeadlineTimer deadline(30000);
    while (!waiting && !deadline.hasExpired()) {
        waiting = value(QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE pid = $1 "
                                       "AND wait_event_type = 'Lock'"),
                        {QString::number(checker->serverInfo().backendPid)}) == QLatin1String("1");
        if (!waiting)
            QThread::msleep(5);
    }
    const bool updated =
        locker
            ->execScript(QStringLiteral(
                "UPDATE user_promo_codes SET usage_count = -1 WHERE (city, user_id, code) = "
                "(SELECT city, user_id, code FROM user_promo_codes ORDER BY city, user_id, "
                "code LIMIT 1); COMMIT"))
            .hasValue();
    thread.join();
    QVERIFY(waiting);
    QVERIFY(updated);
    QVERIFY(during.has_value());
    QVERIFY2(*during, *during ? "" : qPrintable(during->error().toString()));
    QVERIFY2(WorkloadCheck::allPassed(**during), qPrintable(describe(**during)));

    RUN_CHECK(*checker, after);
    EXPECT_ONLY_BROKEN(after, "promo-code-usage-outside-rules", 1);
}

// The check needs SELECT alone. A query that fails (here: a column the user may not read) is
// reported on its invariant; the others, before and after it, still run and pass.
void TestWorkloadCheck::readOnlyUserAndAQueryThatFails()
{
    QVERIFY(freshDatabase());
    QVERIFY(m_sql
                ->execScript(QStringLiteral(
                    "DROP ROLE IF EXISTS check_reader;"
                    "CREATE ROLE check_reader LOGIN PASSWORD 'reader';"
                    "GRANT SELECT ON users, rides, vehicle_location_histories, promo_codes, "
                    "user_promo_codes TO check_reader;"
                    "GRANT SELECT (city, id) ON vehicles TO check_reader;"))
                .hasValue());
    ConnectionSettings settings = TestServer::settings(m_sql->settings().database());
    settings.setValue(QStringLiteral("user"), QStringLiteral("check_reader"));
    settings.setValue(QStringLiteral("password"), QStringLiteral("reader"));
    auto reader = PgConnection::open(settings);
    QVERIFY2(reader, reader ? "" : qPrintable(reader.error().toString()));

    RUN_CHECK(**reader, results);
    QCOMPARE(results.size(), WorkloadCheck::names().size());
    for (const InvariantResult &each : results) {
        if (each.name == QLatin1String("vehicle-status-disagrees-with-rides")) {
            QVERIFY(each.error);
            QCOMPARE(each.error->sqlState, QStringLiteral("42501"));
            QVERIFY(!each.passed());
        } else {
            QVERIFY2(each.passed(), qPrintable(describe(results)));
        }
    }
    QVERIFY(!WorkloadCheck::allPassed(results));
    QVERIFY(!(*reader)->inTransaction());
    const QString report = WorkloadCheck::format(results);
    QVERIFY2(report.contains(QStringLiteral("ERROR vehicle-status-disagrees-with-rides:")),
             qPrintable(report));
    QVERIFY2(report.contains(QStringLiteral("PASS  ride-negative-revenue:")), qPrintable(report));

    // With every column readable it passes.
    QVERIFY(
        m_sql->execScript(QStringLiteral("GRANT SELECT ON vehicles TO check_reader;")).hasValue());
    RUN_CHECK(**reader, again);
    QVERIFY2(WorkloadCheck::allPassed(again), qPrintable(describe(again)));
}

void TestWorkloadCheck::refusesInsideATransaction()
{
    QVERIFY(freshDatabase());
    QVERIFY(exec(QStringLiteral("BEGIN")));
    auto results = WorkloadCheck::run(*m_sql);
    QVERIFY(!results);
    QVERIFY(!results.error().message.isEmpty());
    // The caller's transaction is left as it was.
    QVERIFY(m_sql->inTransaction());
    QVERIFY(exec(QStringLiteral("ROLLBACK")));
}

void TestWorkloadCheck::unsupportedSchemaIsAnError()
{
    const QString database = TestServer::createDatabase(QStringLiteral("check_empty"));
    auto connection = TestServer::connect(database);
    auto results = WorkloadCheck::run(*connection);
    QVERIFY(!results);
    QVERIFY(!results.error().message.isEmpty());
    QVERIFY(!connection->inTransaction());
}

bool TestWorkloadCheck::freshDatabase()
{
    m_sql.reset();
    const QString database =
        TestServer::createMovrDatabase(QStringLiteral("check"), smallCounts(), 7);
    m_sql = TestServer::connect(database);
    auto results = WorkloadCheck::run(*m_sql);
    if (!results) {
        qWarning("check: %s", qPrintable(results.error().toString()));
        return false;
    }
    if (!WorkloadCheck::allPassed(*results)) {
        qWarning("%s", qPrintable(WorkloadCheck::format(*results)));
        return false;
    }
    return true;
}

QString TestWorkloadCheck::value(const QString &sql, const SqlParams &params)
{
    auto result = m_sql->exec(sql, params);
    if (!result) {
        qWarning("%s: %s", qPrintable(sql), qPrintable(result.error().toString()));
        return {};
    }
    return result->rowCount() > 0 ? result->text(0, 0) : QString();
}

QStringList TestWorkloadCheck::values(const QString &sql, const SqlParams &params)
{
    QStringList list;
    auto result = m_sql->exec(sql, params);
    if (!result) {
        qWarning("%s: %s", qPrintable(sql), qPrintable(result.error().toString()));
        return list;
    }
    for (int row = 0; row < result->rowCount(); ++row)
        list << result->text(row, 0);
    return list;
}

bool TestWorkloadCheck::exec(const QString &sql, const SqlParams &params)
{
    auto result = m_sql->exec(sql, params);
    if (!result)
        qWarning("%s: %s", qPrintable(sql), qPrintable(result.error().toString()));
    return bool(result);
}

QTEST_GUILESS_MAIN(TestWorkloadCheck)
#include "tst_workloadcheck.moc"
