// Every MovR operation end to end on a loaded database, through the transaction runner,
// then checked with SQL: what it writes, that each precondition failure gives its reason
// and writes nothing, that bad input (quotes, SQL text) is stored literally, and that each
// body's `verify` statement tells whether its effect is in the database.

#include "TestServer.h"

#include "movr/DataGenerator.h"
#include "movr/MovrLoader.h"
#include "movr/MovrSchemaShape.h"
#include "movr/Operations.h"
#include "txn/TransactionRunner.h"

#include <QTest>

namespace {

QString describe(const Outcome &outcome)
{
    QString text =
        QStringLiteral("state %1, attempts %2").arg(int(outcome.state)).arg(outcome.attempts);
    if (outcome.error)
        text += QStringLiteral(", error: ") + outcome.error->toString();
    return text;
}

} // namespace

// The outcome committed.
#define COMMITTED(outcome) QVERIFY2((outcome).committed(), qPrintable(describe(outcome)))

// Runs `body`, expects a refusal whose reason contains `reason`, and nothing written.
#define REFUSED(body, reason)                                                                      \
    do {                                                                                           \
        const QString before = fingerprint();                                                      \
        const Outcome refusedOutcome = run(body);                                                  \
        QVERIFY2(!refusedOutcome.committed(), qPrintable(describe(refusedOutcome)));               \
        QVERIFY2(refusedOutcome.error.has_value(), "no reason given");                             \
        QVERIFY2(refusedOutcome.error->message.contains(reason),                                   \
                 qPrintable(refusedOutcome.error->message));                                       \
        QVERIFY2(!refusedOutcome.error->message.contains(QLatin1Char('\n')),                       \
                 qPrintable(refusedOutcome.error->message));                                       \
        QCOMPARE(refusedOutcome.error->kind, ErrorClass::Constraint);                              \
        QCOMPARE(fingerprint(), before);                                                           \
    } while (false)

class TestOperations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void addUser();
    void addUserStoresInputLiterally();
    void editUser();
    void deleteUser();
    void addVehicle();
    void editVehicle();
    void startRide();
    void startRidePreconditions();
    void endRide();
    void endRidePreconditions();
    void setVehicleStatus();
    void setVehicleStatusChunkRefusedAsAWhole();
    void retireVehicle();
    void createPromoCode();
    void applyPromoCode();
    void recordLocation();
    void verifyTellsWhetherTheEffectIsThere();
    void oneRoundTripEach();

private:
    Outcome run(const Result<TransactionBody> &body);
    QString value(const QString &sql, const SqlParams &params = {});
    qint64 number(const QString &sql, const SqlParams &params = {})
    {
        return value(sql, params).toLongLong();
    }
    // A digest of every MovR table: equal digests = nothing written.
    QString fingerprint();
    // Fixtures made through the operations themselves.
    QString addUserIn(const QString &city);
    QString addVehicleIn(const QString &city, const QString &owner,
                         const QString &location = QStringLiteral("1 Main St"));
    QString startRideOn(const QString &city, const QString &rider, const QString &vehicle);

    QString m_database;
    std::unique_ptr<PgConnection> m_runnerConnection;
    std::unique_ptr<PgConnection> m_sql;
    std::unique_ptr<TransactionRunner> m_runner;
    const QString m_rome = QStringLiteral("rome");
    const QString m_paris = QStringLiteral("paris");
};

void TestOperations::initTestCase()
{
    m_database = TestServer::createDatabase(QStringLiteral("ops"));
    m_sql = TestServer::connect(m_database);
    MovrCounts counts;
    counts.users = 45;
    counts.vehicles = 27;
    counts.rides = 90;
    counts.histories = 45;
    counts.promoCodes = 27;
    // tst_operations_multiregion runs every test again on the multi-region shape (keys
    // without city): the statements name rows by city and id, which holds on both.
    MovrLoader::Options options;
    options.layout = TestServer::layoutUnderTest();
    const Status loaded = MovrLoader::initialize(*m_sql, DataGenerator(counts, 7), options);
    QVERIFY2(loaded, loaded ? "" : qPrintable(loaded.error().toString()));
    auto shape = MovrSchemaShape::read(*m_sql);
    QVERIFY(shape);
    QCOMPARE(shape->kind(), options.layout == Schema::Layout::MultiRegion
                                ? MovrSchemaShape::Kind::MultiRegion
                                : MovrSchemaShape::Kind::Canonical);
    m_runnerConnection = TestServer::connect(m_database);
    m_runner = std::make_unique<TransactionRunner>(m_runnerConnection);
    m_runner->setSettings(TestServer::settings(m_database));
}

void TestOperations::cleanupTestCase()
{
    m_runner.reset();
    m_runnerConnection.reset();
    m_sql.reset();
}

Outcome TestOperations::run(const Result<TransactionBody> &body)
{
    if (!body) {
        Outcome outcome;
        outcome.error = body.error();
        return outcome;
    }
    return m_runner->run(*body);
}

QString TestOperations::value(const QString &sql, const SqlParams &params)
{
    auto result = m_sql->exec(sql, params);
    if (!result) {
        qWarning("query failed: %s", qPrintable(result.error().toString()));
        return QStringLiteral("<error>");
    }
    if (result->rowCount() == 0)
        return QStringLiteral("<no row>");
    if (result->isNull(0, 0))
        return QStringLiteral("<null>");
    return result->text(0, 0);
}

QString TestOperations::fingerprint()
{
    QString digest;
    for (const char *table : {"users", "vehicles", "rides", "vehicle_location_histories",
                              "promo_codes", "user_promo_codes"}) {
        digest += value(QStringLiteral("SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY "
                                       "t::text), '')) FROM %1 t")
                            .arg(QLatin1String(table)));
        digest += QLatin1Char(' ');
    }
    return digest;
}

QString TestOperations::addUserIn(const QString &city)
{
    AddUserInput input;
    input.city = city;
    input.name = QStringLiteral("Fixture User");
    input.address = QStringLiteral("2 Fixture Road");
    const Outcome outcome = run(Operations::addUser(input));
    if (!outcome.committed())
        qWarning("fixture user: %s", qPrintable(describe(outcome)));
    return input.id;
}

QString TestOperations::addVehicleIn(const QString &city, const QString &owner,
                                     const QString &location)
{
    AddVehicleInput input;
    input.city = city;
    input.type = QStringLiteral("scooter");
    input.ownerId = owner;
    input.currentLocation = location;
    const Outcome outcome = run(Operations::addVehicle(input));
    if (!outcome.committed())
        qWarning("fixture vehicle: %s", qPrintable(describe(outcome)));
    return input.id;
}

QString TestOperations::startRideOn(const QString &city, const QString &rider,
                                    const QString &vehicle)
{
    StartRideInput input{city, rider, vehicle};
    const Outcome outcome = run(Operations::startRide(input));
    if (!outcome.committed())
        qWarning("fixture ride: %s", qPrintable(describe(outcome)));
    return input.rideId;
}

void TestOperations::addUser()
{
    AddUserInput input;
    input.city = m_rome;
    input.name = QStringLiteral("Ada Lovelace");
    input.address = QStringLiteral("1 Analytical Engine Way");
    input.creditCard = QStringLiteral("4111111111111111");
    const Outcome outcome = run(Operations::addUser(input));
    COMMITTED(outcome);
    QCOMPARE(outcome.attempts, 1);
    QVERIFY(!outcome.trace.isEmpty());
    QCOMPARE(value(QStringLiteral("SELECT name || '/' || address || '/' || credit_card FROM "
                                  "users WHERE city = $1 AND id = $2::uuid"),
                   {m_rome, input.id}),
             QStringLiteral("Ada Lovelace/1 Analytical Engine Way/4111111111111111"));

    // The same id again: a duplicate, reported as such.
    AddUserInput again = input;
    again.name = QStringLiteral("Someone Else");
    REFUSED(Operations::addUser(again), QLatin1String("duplicate"));

    // No credit card: NULL.
    AddUserInput noCard;
    noCard.city = m_paris;
    noCard.name = QStringLiteral("Blaise Pascal");
    noCard.address = QStringLiteral("3 rue de la Machine");
    COMMITTED(run(Operations::addUser(noCard)));
    QCOMPARE(value(QStringLiteral("SELECT credit_card FROM users WHERE city = $1 AND id = "
                                  "$2::uuid"),
                   {m_paris, noCard.id}),
             QStringLiteral("<null>"));
}

void TestOperations::addUserStoresInputLiterally()
{
    AddUserInput input;
    input.city = m_rome;
    input.name = QStringLiteral("Robert'); DROP TABLE users; --");
    input.address = QStringLiteral("C:\\path\\\"quoted\" 'single' $1 %s ünïcödé 山田 😀");
    const Outcome outcome = run(Operations::addUser(input));
    COMMITTED(outcome);
    QCOMPARE(value(QStringLiteral("SELECT name FROM users WHERE city = $1 AND id = $2::uuid"),
                   {m_rome, input.id}),
             input.name);
    QCOMPARE(value(QStringLiteral("SELECT address FROM users WHERE city = $1 AND id = $2::uuid"),
                   {m_rome, input.id}),
             input.address);
    QVERIFY(number(QStringLiteral("SELECT count(*) FROM users")) > 0);

    // JSON with quotes and SQL inside, and a location with a backslash.
    AddVehicleInput vehicle;
    vehicle.city = m_rome;
    vehicle.type = QStringLiteral("bike");
    vehicle.ownerId = input.id;
    vehicle.currentLocation = QStringLiteral("Via dell'Orso 5\\b");
    vehicle.ext = QStringLiteral(R"({"note": "it's \"quoted\"; DROP TABLE vehicles; --"})");
    COMMITTED(run(Operations::addVehicle(vehicle)));
    QCOMPARE(value(QStringLiteral("SELECT ext->>'note' FROM vehicles WHERE city = $1 AND id = "
                                  "$2::uuid"),
                   {m_rome, vehicle.id}),
             QStringLiteral("it's \"quoted\"; DROP TABLE vehicles; --"));
    QCOMPARE(value(QStringLiteral("SELECT current_location FROM vehicles WHERE city = $1 AND id "
                                  "= $2::uuid"),
                   {m_rome, vehicle.id}),
             vehicle.currentLocation);
}

void TestOperations::editUser()
{
    const QString user = addUserIn(m_rome);
    EditUserInput edit{m_rome, user};
    edit.name = QStringLiteral("Grace O'Hopper");
    edit.creditCard = QStringLiteral("1234567890");
    COMMITTED(run(Operations::editUser(edit)));
    QCOMPARE(value(QStringLiteral("SELECT name || '/' || address || '/' || credit_card FROM "
                                  "users WHERE city = $1 AND id = $2::uuid"),
                   {m_rome, user}),
             QStringLiteral("Grace O'Hopper/2 Fixture Road/1234567890"));

    // An empty credit card removes it; the other fields stay.
    EditUserInput remove{m_rome, user};
    remove.creditCard = QString();
    COMMITTED(run(Operations::editUser(remove)));
    QCOMPARE(value(QStringLiteral("SELECT coalesce(credit_card, 'none') || '/' || name FROM "
                                  "users WHERE city = $1 AND id = $2::uuid"),
                   {m_rome, user}),
             QStringLiteral("none/Grace O'Hopper"));

    // Wrong city and unknown user.
    EditUserInput elsewhere{m_paris, user};
    elsewhere.name = QStringLiteral("X");
    REFUSED(Operations::editUser(elsewhere), QLatin1String("(it is in rome)"));
    EditUserInput unknown{m_rome, newClientUuid()};
    unknown.name = QStringLiteral("X");
    REFUSED(Operations::editUser(unknown), QLatin1String("no such user in rome"));
}

void TestOperations::deleteUser()
{
    // A fresh user with nothing referencing it goes.
    const QString lonely = addUserIn(m_rome);
    COMMITTED(run(Operations::deleteUser(m_rome, lonely)));
    QCOMPARE(number(QStringLiteral("SELECT count(*) FROM users WHERE city = $1 AND id = $2::uuid"),
                    {m_rome, lonely}),
             0);
    REFUSED(Operations::deleteUser(m_rome, lonely), QLatin1String("no such user"));

    // A user with a vehicle, two rides and a promo code stays, and the reason counts them.
    const QString owner = addUserIn(m_rome);
    const QString vehicle = addVehicleIn(m_rome, owner);
    const QString ride = startRideOn(m_rome, owner, vehicle);
    COMMITTED(run(Operations::endRide({m_rome, ride, QStringLiteral("1.00"), std::nullopt})));
    startRideOn(m_rome, owner, vehicle);
    const QString code =
        value(QStringLiteral("SELECT code FROM promo_codes ORDER BY code LIMIT 1"));
    QVERIFY(m_sql->exec(QStringLiteral("UPDATE promo_codes SET expiration_time = NULL WHERE code "
                                       "= $1"),
                        {code}));
    COMMITTED(run(Operations::applyPromoCode({m_rome, owner, code})));
    REFUSED(Operations::deleteUser(m_rome, owner),
            QLatin1String("the user still has 2 rides, 1 vehicle, 1 promo code"));
    REFUSED(Operations::deleteUser(m_paris, owner), QLatin1String("(it is in rome)"));
}

void TestOperations::addVehicle()
{
    const QString owner = addUserIn(m_rome);
    AddVehicleInput input;
    input.city = m_rome;
    input.type = QStringLiteral("bike");
    input.ownerId = owner.toUpper(); // normalized before it is sent
    input.currentLocation = QStringLiteral("Piazza Navona");
    input.ext = QStringLiteral(R"({"color": "green", "brand": "Kona"})");
    COMMITTED(run(Operations::addVehicle(input)));
    QCOMPARE(value(QStringLiteral("SELECT concat_ws('/', type, owner_id, status, current_location, "
                                  "ext->>'color', creation_time IS NOT NULL) FROM vehicles "
                                  "WHERE city = $1 AND id = $2::uuid"),
                   {m_rome, input.id}),
             QStringLiteral("bike/%1/available/Piazza Navona/green/t").arg(owner));

    // A lost vehicle may be added as such.
    AddVehicleInput lost = input;
    lost.id = newClientUuid();
    lost.status = QStringLiteral("lost");
    COMMITTED(run(Operations::addVehicle(lost)));

    // The same id again, an owner of another city, an unknown owner.
    REFUSED(Operations::addVehicle(input), QLatin1String("duplicate"));
    AddVehicleInput otherCity = input;
    otherCity.id = newClientUuid();
    otherCity.city = m_paris;
    REFUSED(Operations::addVehicle(otherCity),
            QLatin1String("the owner is not a user of paris (the owner is in rome)"));
    AddVehicleInput nobody = input;
    nobody.id = newClientUuid();
    nobody.ownerId = newClientUuid();
    REFUSED(Operations::addVehicle(nobody), QLatin1String("the owner is not a user of rome"));
}

void TestOperations::editVehicle()
{
    const QString owner = addUserIn(m_rome);
    const QString vehicle = addVehicleIn(m_rome, owner);
    const QString newOwner = addUserIn(m_rome);
    EditVehicleInput edit{m_rome, vehicle};
    edit.type = QStringLiteral("skateboard");
    edit.ownerId = newOwner;
    edit.ext = QStringLiteral(R"({"color": "black"})");
    COMMITTED(run(Operations::editVehicle(edit)));
    QCOMPARE(value(QStringLiteral("SELECT concat_ws('/', type, owner_id, current_location, "
                                  "ext::text) FROM vehicles WHERE city = $1 AND id = $2::uuid"),
                   {m_rome, vehicle}),
             QStringLiteral("skateboard/%1/1 Main St/{\"color\": \"black\"}").arg(newOwner));

    EditVehicleInput foreignOwner{m_rome, vehicle};
    foreignOwner.ownerId = addUserIn(m_paris);
    REFUSED(Operations::editVehicle(foreignOwner),
            QLatin1String("the owner is not a user of rome"));
    EditVehicleInput elsewhere{m_paris, vehicle};
    elsewhere.currentLocation = QStringLiteral("Louvre");
    REFUSED(Operations::editVehicle(elsewhere), QLatin1String("(it is in rome)"));
    EditVehicleInput unknown{m_rome, newClientUuid()};
    unknown.currentLocation = QStringLiteral("Louvre");
    REFUSED(Operations::editVehicle(unknown), QLatin1String("no such vehicle in rome"));

    COMMITTED(run(Operations::retireVehicle(m_rome, vehicle)));
    EditVehicleInput retired{m_rome, vehicle};
    retired.currentLocation = QStringLiteral("Scrapyard");
    REFUSED(Operations::editVehicle(retired), QLatin1String("the vehicle is retired"));
}

void TestOperations::startRide()
{
    const QString rider = addUserIn(m_rome);
    const QString vehicle = addVehicleIn(m_rome, addUserIn(m_rome), QStringLiteral("Colosseo"));

    // The rider holds three promo codes: unexpired, expired, never expiring.
    const QString live = QStringLiteral("live_%1").arg(rider.left(8));
    const QString dead = QStringLiteral("dead_%1").arg(rider.left(8));
    const QString forever = QStringLiteral("forever_%1").arg(rider.left(8));
    QVERIFY(m_sql->exec(
        QStringLiteral("INSERT INTO promo_codes (code, creation_time, expiration_time) VALUES "
                       "($1, now() - interval '2 days', now() + interval '1 day'), "
                       "($2, now() - interval '2 days', now() - interval '1 day'), "
                       "($3, now() - interval '2 days', NULL)"),
        {live, dead, forever}));
    QVERIFY(
        m_sql->exec(QStringLiteral("INSERT INTO user_promo_codes (city, user_id, code, "
                                   "\"timestamp\", usage_count) VALUES "
                                   "($1, $2::uuid, $3, now(), 4), ($1, $2::uuid, $4, now(), 4), "
                                   "($1, $2::uuid, $5, now(), NULL)"),
                    {m_rome, rider, live, dead, forever}));

    StartRideInput input{m_rome, rider, vehicle};
    const Outcome outcome = run(Operations::startRide(input));
    COMMITTED(outcome);
    QCOMPARE(value(QStringLiteral("SELECT concat_ws('/', city, vehicle_city, rider_id, vehicle_id, "
                                  "start_address, start_time IS NOT NULL, end_time IS NULL, "
                                  "revenue IS NULL) FROM rides WHERE city = $1 AND id = $2::uuid"),
                   {m_rome, input.rideId}),
             QStringLiteral("rome/rome/%1/%2/Colosseo/t/t/t").arg(rider, vehicle));
    QCOMPARE(value(QStringLiteral("SELECT status FROM vehicles WHERE city = $1 AND id = $2::uuid"),
                   {m_rome, vehicle}),
             QStringLiteral("in_use"));
    QCOMPARE(value(QStringLiteral("SELECT string_agg(code || '=' || coalesce(usage_count::text, "
                                  "'null'), ',' ORDER BY code) FROM user_promo_codes WHERE "
                                  "city = $1 AND user_id = $2::uuid"),
                   {m_rome, rider}),
             QStringLiteral("%1=4,%2=1,%3=5").arg(dead, forever, live));
}

void TestOperations::startRidePreconditions()
{
    const QString owner = addUserIn(m_rome);
    const QString rider = addUserIn(m_rome);
    const QString vehicle = addVehicleIn(m_rome, owner);
    startRideOn(m_rome, rider, vehicle);

    // In use.
    const QString otherRider = addUserIn(m_rome);
    REFUSED(Operations::startRide({m_rome, otherRider, vehicle}),
            QLatin1String("the vehicle is in use"));
    // The rider lives elsewhere.
    const QString parisian = addUserIn(m_paris);
    const QString free = addVehicleIn(m_rome, owner);
    REFUSED(Operations::startRide({m_rome, parisian, free}),
            QLatin1String("the rider is not in this city (rome; the rider is in paris)"));
    REFUSED(Operations::startRide({m_rome, newClientUuid(), free}),
            QLatin1String("no such rider in rome"));
    // The vehicle is elsewhere or unknown.
    REFUSED(Operations::startRide({m_paris, parisian, free}),
            QLatin1String("the vehicle is not in paris (it is in rome)"));
    REFUSED(Operations::startRide({m_rome, rider, newClientUuid()}),
            QLatin1String("no such vehicle in rome"));
    // Lost, retired.
    QVERIFY(m_sql->exec(QStringLiteral("UPDATE vehicles SET status = 'lost' WHERE city = $1 AND "
                                       "id = $2::uuid"),
                        {m_rome, free}));
    REFUSED(Operations::startRide({m_rome, rider, free}),
            QLatin1String("the vehicle is reported lost"));
    const QString old = addVehicleIn(m_rome, owner);
    COMMITTED(run(Operations::retireVehicle(m_rome, old)));
    REFUSED(Operations::startRide({m_rome, rider, old}), QLatin1String("the vehicle is retired"));
    // Status says available but an active ride exists (data edited by hand): still refused.
    QVERIFY(m_sql->exec(QStringLiteral("UPDATE vehicles SET status = 'available' WHERE city = $1 "
                                       "AND id = $2::uuid"),
                        {m_rome, vehicle}));
    REFUSED(Operations::startRide({m_rome, rider, vehicle}),
            QLatin1String("the vehicle is already in an active ride"));
    QVERIFY(m_sql->exec(QStringLiteral("UPDATE vehicles SET status = 'in_use' WHERE city = $1 "
                                       "AND id = $2::uuid"),
                        {m_rome, vehicle}));
    // The same ride id twice.
    const QString another = addVehicleIn(m_rome, owner);
    StartRideInput first{m_rome, rider, another};
    COMMITTED(run(Operations::startRide(first)));
    const QString third = addVehicleIn(m_rome, owner);
    StartRideInput reused{m_rome, rider, third, first.rideId};
    const Outcome duplicate = run(Operations::startRide(reused));
    QVERIFY(!duplicate.committed());
    QVERIFY(duplicate.error);
    QCOMPARE(duplicate.error->kind, ErrorClass::Constraint);
    QCOMPARE(duplicate.error->sqlState, QStringLiteral("23505"));
    QCOMPARE(value(QStringLiteral("SELECT status FROM vehicles WHERE city = $1 AND id = $2::uuid"),
                   {m_rome, third}),
             QStringLiteral("available"));
}

void TestOperations::endRide()
{
    const QString rider = addUserIn(m_rome);
    const QString vehicle = addVehicleIn(m_rome, addUserIn(m_rome), QStringLiteral("Pantheon"));
    const QString ride = startRideOn(m_rome, rider, vehicle);

    // Default end address: where the vehicle is.
    COMMITTED(run(Operations::endRide({m_rome, ride, QStringLiteral("12.5"), std::nullopt})));
    QCOMPARE(value(QStringLiteral("SELECT concat_ws('/', end_address, revenue, end_time IS NOT "
                                  "NULL, end_time >= start_time) FROM rides WHERE city = $1 AND "
                                  "id = $2::uuid"),
                   {m_rome, ride}),
             QStringLiteral("Pantheon/12.50/t/t"));
    QCOMPARE(value(QStringLiteral("SELECT status || '/' || current_location FROM vehicles WHERE "
                                  "city = $1 AND id = $2::uuid"),
                   {m_rome, vehicle}),
             QStringLiteral("available/Pantheon"));

    // An explicit end address moves the vehicle there.
    const QString second = startRideOn(m_rome, rider, vehicle);
    COMMITTED(run(Operations::endRide(
        {m_rome, second, QStringLiteral("0"), QStringLiteral("Trastevere 'da Enzo'")})));
    QCOMPARE(value(QStringLiteral("SELECT end_address || '/' || revenue FROM rides WHERE city = $1 "
                                  "AND id = $2::uuid"),
                   {m_rome, second}),
             QStringLiteral("Trastevere 'da Enzo'/0.00"));
    QCOMPARE(value(QStringLiteral("SELECT status || '/' || current_location FROM vehicles WHERE "
                                  "city = $1 AND id = $2::uuid"),
                   {m_rome, vehicle}),
             QStringLiteral("available/Trastevere 'da Enzo'"));
    // The next ride starts where the last one ended.
    const QString third = startRideOn(m_rome, rider, vehicle);
    QCOMPARE(value(QStringLiteral("SELECT start_address FROM rides WHERE city = $1 AND id = "
                                  "$2::uuid"),
                   {m_rome, third}),
             QStringLiteral("Trastevere 'da Enzo'"));
}

void TestOperations::endRidePreconditions()
{
    const QString rider = addUserIn(m_rome);
    const QString vehicle = addVehicleIn(m_rome, addUserIn(m_rome));
    const QString ride = startRideOn(m_rome, rider, vehicle);
    COMMITTED(run(Operations::endRide({m_rome, ride, QStringLiteral("3"), std::nullopt})));
    REFUSED(Operations::endRide({m_rome, ride, QStringLiteral("3"), std::nullopt}),
            QLatin1String("the ride already ended"));
    REFUSED(Operations::endRide({m_paris, ride, QStringLiteral("3"), std::nullopt}),
            QLatin1String("the ride is not in paris (it is in rome)"));
    REFUSED(Operations::endRide({m_rome, newClientUuid(), QStringLiteral("3"), std::nullopt}),
            QLatin1String("no such ride in rome"));
    // Generated rides have all ended.
    const QString generated =
        value(QStringLiteral("SELECT id FROM rides WHERE city = $1 AND end_time IS NOT NULL "
                             "ORDER BY id LIMIT 1"),
              {m_rome});
    REFUSED(Operations::endRide({m_rome, generated, QStringLiteral("3"), std::nullopt}),
            QLatin1String("the ride already ended"));
}

void TestOperations::setVehicleStatus()
{
    const QString owner = addUserIn(m_paris);
    QStringList vehicles;
    for (int i = 0; i < 5; ++i)
        vehicles.append(addVehicleIn(m_paris, owner));
    SetVehicleStatusInput input{m_paris, vehicles, QStringLiteral("lost"), 2};
    const auto bodies = Operations::setVehicleStatus(input);
    QVERIFY(bodies);
    QCOMPARE(bodies->size(), 3);
    for (const TransactionBody &body : *bodies)
        COMMITTED(m_runner->run(body));
    QCOMPARE(
        value(QStringLiteral("SELECT string_agg(DISTINCT status, ',') FROM vehicles WHERE "
                             "city = $1 AND id = ANY($2::uuid[])"),
              {m_paris, QLatin1Char('{') + vehicles.join(QLatin1Char(',')) + QLatin1Char('}')}),
        QStringLiteral("lost"));

    // Back to available, one at a time.
    const auto one =
        Operations::setVehicleStatus({m_paris, {vehicles.first()}, QStringLiteral("available")});
    QVERIFY(one);
    QCOMPARE(one->size(), 1);
    COMMITTED(m_runner->run(one->first()));
    QCOMPARE(value(QStringLiteral("SELECT status FROM vehicles WHERE city = $1 AND id = $2::uuid"),
                   {m_paris, vehicles.first()}),
             QStringLiteral("available"));
}

void TestOperations::setVehicleStatusChunkRefusedAsAWhole()
{
    const QString owner = addUserIn(m_paris);
    const QString free = addVehicleIn(m_paris, owner);
    const QString riding = addVehicleIn(m_paris, owner);
    const QString retired = addVehicleIn(m_paris, owner);
    startRideOn(m_paris, addUserIn(m_paris), riding);
    COMMITTED(run(Operations::retireVehicle(m_paris, retired)));

    auto refusedBodies = [&](const QStringList &ids) {
        const auto bodies =
            Operations::setVehicleStatus({m_paris, ids, QStringLiteral("lost"), 100});
        return bodies ? bodies->first() : TransactionBody{};
    };
    REFUSED(Result<TransactionBody>(refusedBodies({free, riding})),
            QStringLiteral("vehicle %1 is in an active ride").arg(riding));
    REFUSED(Result<TransactionBody>(refusedBodies({free, retired})),
            QStringLiteral("vehicle %1 is retired").arg(retired));
    const QString unknown = newClientUuid();
    REFUSED(Result<TransactionBody>(refusedBodies({free, unknown})),
            QStringLiteral("vehicle %1 is not a vehicle of paris").arg(unknown));
    REFUSED(Result<TransactionBody>(refusedBodies({riding, retired, free})),
            QLatin1String("(and 1 more problem)"));
    QCOMPARE(value(QStringLiteral("SELECT status FROM vehicles WHERE city = $1 AND id = $2::uuid"),
                   {m_paris, free}),
             QStringLiteral("available"));
}

void TestOperations::retireVehicle()
{
    const QString owner = addUserIn(m_rome);
    const QString vehicle = addVehicleIn(m_rome, owner);
    const QString ride = startRideOn(m_rome, addUserIn(m_rome), vehicle);
    REFUSED(Operations::retireVehicle(m_rome, vehicle),
            QLatin1String("the vehicle is in an active ride"));
    COMMITTED(run(Operations::endRide({m_rome, ride, QStringLiteral("9.99"), std::nullopt})));
    COMMITTED(run(Operations::retireVehicle(m_rome, vehicle)));
    QCOMPARE(value(QStringLiteral("SELECT status FROM vehicles WHERE city = $1 AND id = $2::uuid"),
                   {m_rome, vehicle}),
             QStringLiteral("retired"));
    // Its rides are kept (soft delete).
    QCOMPARE(number(QStringLiteral("SELECT count(*) FROM rides WHERE vehicle_city = $1 AND "
                                   "vehicle_id = $2::uuid"),
                    {m_rome, vehicle}),
             1);
    REFUSED(Operations::retireVehicle(m_rome, vehicle), QLatin1String("already retired"));
    REFUSED(Operations::retireVehicle(m_paris, vehicle), QLatin1String("(it is in rome)"));
}

void TestOperations::createPromoCode()
{
    CreatePromoCodeInput input;
    input.code = QStringLiteral("SPRING-2099");
    input.description = QStringLiteral("10% off; it's \"spring\"");
    input.expirationTime = QStringLiteral("2099-06-01 00:00:00");
    COMMITTED(run(Operations::createPromoCode(input)));
    QCOMPARE(value(QStringLiteral("SELECT concat_ws('/', description, expiration_time, "
                                  "rules->>'type', creation_time IS NOT NULL) FROM promo_codes "
                                  "WHERE code = $1"),
                   {input.code}),
             QStringLiteral("10% off; it's \"spring\"/2099-06-01 00:00:00/percent_discount/t"));
    REFUSED(Operations::createPromoCode(input), QLatin1String("duplicate"));

    CreatePromoCodeInput past;
    past.code = QStringLiteral("BYGONE");
    past.expirationTime = QStringLiteral("2001-01-01 00:00:00");
    REFUSED(Operations::createPromoCode(past), QLatin1String("in the past"));

    CreatePromoCodeInput dated;
    dated.code = QStringLiteral("DATED");
    dated.creationTime = QStringLiteral("2020-01-01 00:00:00");
    dated.expirationTime = QStringLiteral("2020-02-01 00:00:00");
    dated.rules = QStringLiteral(R"({"type": "free_ride"})");
    COMMITTED(run(Operations::createPromoCode(dated)));
    QCOMPARE(value(QStringLiteral("SELECT creation_time || '/' || (rules->>'type') FROM "
                                  "promo_codes WHERE code = $1"),
                   {dated.code}),
             QStringLiteral("2020-01-01 00:00:00/free_ride"));
}

void TestOperations::applyPromoCode()
{
    const QString user = addUserIn(m_rome);
    CreatePromoCodeInput promo;
    promo.code = QStringLiteral("APPLY_ME");
    promo.expirationTime = QStringLiteral("2099-01-01 00:00:00");
    COMMITTED(run(Operations::createPromoCode(promo)));

    COMMITTED(run(Operations::applyPromoCode({m_rome, user, promo.code})));
    QCOMPARE(value(QStringLiteral("SELECT usage_count || '/' || (\"timestamp\" IS NOT NULL) FROM "
                                  "user_promo_codes WHERE city = $1 AND user_id = $2::uuid AND "
                                  "code = $3"),
                   {m_rome, user, promo.code}),
             QStringLiteral("0/true"));
    REFUSED(Operations::applyPromoCode({m_rome, user, promo.code}),
            QLatin1String("duplicate: the user already has this promo code"));
    REFUSED(Operations::applyPromoCode({m_rome, user, QStringLiteral("NO_SUCH_CODE")}),
            QLatin1String("no such promo code"));
    REFUSED(Operations::applyPromoCode({m_paris, user, promo.code}),
            QLatin1String("the user is not in paris (it is in rome)"));
    REFUSED(Operations::applyPromoCode({m_rome, newClientUuid(), promo.code}),
            QLatin1String("no such user in rome"));

    // A code typed with a decomposed "é" (e + U+0301) is the code stored precomposed: created
    // one way, applied the other, it is found (and stored once, in NFC).
    const QString decomposed = QStringLiteral("CAF") + QChar(u'E') + QChar(0x0301);
    const QString precomposed = QStringLiteral("CAF") + QChar(0x00C9);
    CreatePromoCodeInput accented;
    accented.code = decomposed;
    accented.expirationTime = QStringLiteral("2099-01-01 00:00:00");
    COMMITTED(run(Operations::createPromoCode(accented)));
    QCOMPARE(
        value(QStringLiteral("SELECT count(*) FROM promo_codes WHERE code = $1"), {precomposed}),
        QStringLiteral("1"));
    COMMITTED(run(Operations::applyPromoCode({m_rome, user, precomposed})));

    QVERIFY(m_sql->exec(QStringLiteral("INSERT INTO promo_codes (code, expiration_time) VALUES "
                                       "('EXPIRED_ONE', now() - interval '1 minute')")));
    REFUSED(Operations::applyPromoCode({m_rome, user, QStringLiteral("EXPIRED_ONE")}),
            QLatin1String("the promo code has expired"));
}

void TestOperations::recordLocation()
{
    const QString vehicle = addVehicleIn(m_rome, addUserIn(m_rome));
    const QString ride = startRideOn(m_rome, addUserIn(m_rome), vehicle);
    RecordLocationInput input{m_rome, ride, 41.9028, 12.4964};
    COMMITTED(run(Operations::recordLocation(input)));
    QCOMPARE(value(QStringLiteral("SELECT lat || '/' || long FROM vehicle_location_histories "
                                  "WHERE city = $1 AND ride_id = $2::uuid AND \"timestamp\" = "
                                  "$3::timestamptz::timestamp"),
                   {m_rome, ride, input.timestamp + QStringLiteral("+00")}),
             QStringLiteral("41.9028/12.4964"));
    RecordLocationInput next{m_rome, ride, 41.9, 12.5};
    COMMITTED(run(Operations::recordLocation(next)));
    QCOMPARE(number(QStringLiteral("SELECT count(*) FROM vehicle_location_histories WHERE city = "
                                   "$1 AND ride_id = $2::uuid"),
                    {m_rome, ride}),
             2);
    REFUSED(Operations::recordLocation(input), QLatin1String("duplicate"));

    // The client's clock is stored as the session's local time, like now()::timestamp of the
    // ride's start: on a session in Tokyo both are Tokyo time.
    QVERIFY(m_runnerConnection->exec(QStringLiteral("SET TIME ZONE 'Asia/Tokyo'")));
    RecordLocationInput tokyo{m_rome, ride, 41.95, 12.45};
    COMMITTED(run(Operations::recordLocation(tokyo)));
    QVERIFY(m_runnerConnection->exec(QStringLiteral("RESET TIME ZONE")));
    QCOMPARE(value(QStringLiteral("SELECT abs(extract(epoch FROM \"timestamp\" - (now() AT TIME "
                                  "ZONE 'Asia/Tokyo'))) < 600 FROM vehicle_location_histories "
                                  "WHERE city = $1 AND ride_id = $2::uuid AND lat = 41.95"),
                   {m_rome, ride}),
             QStringLiteral("t"));

    COMMITTED(run(Operations::endRide({m_rome, ride, QStringLiteral("1"), std::nullopt})));
    REFUSED(Operations::recordLocation({m_rome, ride, 41.9, 12.5}),
            QLatin1String("the ride is not active"));
    REFUSED(Operations::recordLocation({m_rome, newClientUuid(), 41.9, 12.5}),
            QLatin1String("no such ride in rome"));
}

void TestOperations::verifyTellsWhetherTheEffectIsThere()
{
    // For each kind of body: verify finds nothing before the run and a row after it.
    const QString owner = addUserIn(m_rome);
    const QString vehicle = addVehicleIn(m_rome, owner);
    StartRideInput start{m_rome, addUserIn(m_rome), vehicle};
    AddUserInput user;
    user.city = m_rome;
    user.name = QStringLiteral("Verify Me");
    user.address = QStringLiteral("0 Check St");
    EditVehicleInput edit{m_rome, addVehicleIn(m_rome, owner)};
    edit.currentLocation = QStringLiteral("Somewhere new");
    const QString doomed = addUserIn(m_rome);
    CreatePromoCodeInput promo;
    promo.code = QStringLiteral("VERIFY_CODE");
    promo.description = QStringLiteral("verify");

    QList<Result<TransactionBody>> bodies{
        Operations::startRide(start),
        Operations::addUser(user),
        Operations::editVehicle(edit),
        Operations::deleteUser(m_rome, doomed),
        Operations::createPromoCode(promo),
        Operations::retireVehicle(m_rome, addVehicleIn(m_rome, owner)),
    };
    for (const auto &body : bodies) {
        QVERIFY(body);
        auto before = m_sql->exec(body->verify.sql, body->verify.params);
        QVERIFY2(before, before ? "" : qPrintable(before.error().toString()));
        QVERIFY2(before->rowCount() == 0, qPrintable(body->action));
        COMMITTED(m_runner->run(*body));
        auto after = m_sql->exec(body->verify.sql, body->verify.params);
        QVERIFY(after);
        QVERIFY2(after->rowCount() > 0, qPrintable(body->action));
    }
    // End ride (needs the started ride).
    const auto end =
        Operations::endRide({m_rome, start.rideId, QStringLiteral("4.20"), std::nullopt});
    QVERIFY(end);
    QCOMPARE(m_sql->exec(end->verify.sql, end->verify.params)->rowCount(), 0);
    COMMITTED(m_runner->run(*end));
    QCOMPARE(m_sql->exec(end->verify.sql, end->verify.params)->rowCount(), 1);
}

void TestOperations::oneRoundTripEach()
{
    // Pipelined bodies: BEGIN, the statement and COMMIT in one round trip, also when refused.
    const QString owner = addUserIn(m_rome);
    AddVehicleInput vehicle;
    vehicle.city = m_rome;
    vehicle.type = QStringLiteral("bike");
    vehicle.ownerId = owner;
    vehicle.currentLocation = QStringLiteral("Circo Massimo");
    const Outcome added = run(Operations::addVehicle(vehicle));
    COMMITTED(added);
    QCOMPARE(added.roundTrips, 1);
    StartRideInput start{m_rome, owner, vehicle.id};
    const Outcome started = run(Operations::startRide(start));
    COMMITTED(started);
    QCOMPARE(started.roundTrips, 1);
    const Outcome refused = run(Operations::startRide({m_rome, owner, vehicle.id}));
    QVERIFY(!refused.committed());
    QCOMPARE(refused.roundTrips, 1);
    const Outcome ended =
        run(Operations::endRide({m_rome, start.rideId, QStringLiteral("5"), std::nullopt}));
    COMMITTED(ended);
    QCOMPARE(ended.roundTrips, 1);
}

QTEST_GUILESS_MAIN(TestOperations)
#include "tst_operations.moc"
