#include "TestServer.h"
#include "movr/Cities.h"
#include "movr/DataGenerator.h"
#include "movr/MovrLoader.h"
#include "movr/Schema.h"

#include <QRegularExpression>
#include <QTest>

// The generator's rows, and what the loader puts on a real server.
class TestDataGenerator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void sameSeedSameRows();
    void chunkingDoesNotChangeRows();
    void otherSeedDifferentRows();
    void countsAreValidated();
    void uuidLayoutAndTimestamps();
    void countsOnServer();
    void citySpread();
    void statusAndTypeDistribution();
    void jsonShapes();
    void coordinates();
    void ridesTimesAndRevenue();
    void textShapes();
    void foreignKeysHold();
    void serverRowsEqualGenerated();
    void refusesExistingTablesUnlessDrop();
    void cancelLeavesNothing();
    void smallChunksLoadTheSame();
    void copyEscapesHostileText();
    void snapshotInvariants();
    void snapshotInvariants_data();
    void defaultCountsGiveStaffWork();
    void otherNowSameRowsShifted();

private:
    // Counts the rows of the loaded database that break the snapshot's rules (one line per
    // rule that fails), at `now`.
    static QStringList invariantViolations(PgConnection &connection, qint64 now);
    qint64 scalar(const QString &sql, const SqlParams &params = {});
    QString text(PgConnection &connection, const QString &sql);

    // The snapshot's time: fixed, so that the rows are the same on every run.
    static constexpr qint64 Now = 1796126400; // 2026-12-01 12:00:00 UTC
    MovrCounts m_counts;
    QString m_database;
    std::unique_ptr<PgConnection> m_connection;
};

qint64 TestDataGenerator::scalar(const QString &sql, const SqlParams &params)
{
    auto result = m_connection->exec(sql, params);
    if (!result)
        qFatal("%s: %s", qPrintable(sql), qPrintable(result.error().toString()));
    return result->text(0, 0).toLongLong();
}

QString TestDataGenerator::text(PgConnection &connection, const QString &sql)
{
    auto result = connection.exec(sql);
    if (!result)
        qFatal("%s: %s", qPrintable(sql), qPrintable(result.error().toString()));
    return result->text(0, 0);
}

void TestDataGenerator::initTestCase()
{
    // Enough vehicles for the 40/55/5 split to show; the rest small and fast.
    m_counts.users = 2000; // riders for the 1647 vehicles in use
    m_counts.vehicles = 3000;
    m_counts.rides = 2000;
    m_counts.histories = 4000;
    m_counts.promoCodes = 500;
    m_database = TestServer::createDatabase(QStringLiteral("gen"));
    m_connection = TestServer::connect(m_database);
    qint64 calls = 0;
    MovrLoadOptions options;
    options.chunkRows = 700;
    options.progress = [&calls](const LoadProgress &progress) {
        ++calls;
        return progress.rowsDone <= progress.rowsTotal;
    };
    const Status loaded =
        MovrLoader::initialize(*m_connection, DataGenerator(m_counts, 1, Now), options);
    QVERIFY2(loaded.hasValue(), qPrintable(loaded ? QString() : loaded.error().toString()));
    QVERIFY(calls >= m_counts.total() / 700);
}

void TestDataGenerator::sameSeedSameRows()
{
    const DataGenerator a(m_counts, 7, Now), b(m_counts, 7, Now);
    const auto usersA = a.users(0, m_counts.users), usersB = b.users(0, m_counts.users);
    QCOMPARE(usersA.size(), m_counts.users);
    for (qsizetype i = 0; i < usersA.size(); ++i) {
        QCOMPARE(usersA[i].id, usersB[i].id);
        QCOMPARE(usersA[i].name, usersB[i].name);
        QCOMPARE(usersA[i].address, usersB[i].address);
        QCOMPARE(usersA[i].creditCard, usersB[i].creditCard);
    }
    const auto ridesA = a.rides(0, 300), ridesB = b.rides(0, 300);
    for (qsizetype i = 0; i < ridesA.size(); ++i) {
        QCOMPARE(ridesA[i].id, ridesB[i].id);
        QCOMPARE(ridesA[i].riderId, ridesB[i].riderId);
        QCOMPARE(ridesA[i].vehicleId, ridesB[i].vehicleId);
        QCOMPARE(ridesA[i].startTime, ridesB[i].startTime);
        QCOMPARE(ridesA[i].revenue, ridesB[i].revenue);
    }
    const auto vehiclesA = a.vehicles(0, 100), vehiclesB = b.vehicles(0, 100);
    for (qsizetype i = 0; i < vehiclesA.size(); ++i) {
        QCOMPARE(vehiclesA[i].ext, vehiclesB[i].ext);
        QCOMPARE(vehiclesA[i].status, vehiclesB[i].status);
    }
    const auto historiesA = a.histories(0, 100), historiesB = b.histories(0, 100);
    for (qsizetype i = 0; i < historiesA.size(); ++i) {
        QCOMPARE(historiesA[i].latitude, historiesB[i].latitude);
        QCOMPARE(historiesA[i].longitude, historiesB[i].longitude);
        QCOMPARE(historiesA[i].rideId, historiesB[i].rideId);
    }
    QCOMPARE(a.promoCodes(0, 50).last().code, b.promoCodes(0, 50).last().code);
    QCOMPARE(a.promoCodes(0, 50).last().expirationTime, b.promoCodes(0, 50).last().expirationTime);
    const auto heldA = a.userPromoCodes(0, 50), heldB = b.userPromoCodes(0, 50);
    QCOMPARE(heldA.size(), 50);
    for (qsizetype i = 0; i < heldA.size(); ++i) {
        QCOMPARE(heldA[i].code, heldB[i].code);
        QCOMPARE(heldA[i].timestamp, heldB[i].timestamp);
        QCOMPARE(heldA[i].usageCount, heldB[i].usageCount);
    }
    // Fixed values for seed 1: the generator must not drift between compilers or versions.
    const DataGenerator one;
    QCOMPARE(one.userId(0), DataGenerator(MovrCounts{}, 1).users(0, 1).first().id);
}

void TestDataGenerator::chunkingDoesNotChangeRows()
{
    const DataGenerator generator(m_counts, 3, Now);
    const auto whole = generator.rides(0, 100);
    auto parts = generator.rides(0, 37);
    parts += generator.rides(37, 63);
    QCOMPARE(parts.size(), whole.size());
    for (qsizetype i = 0; i < whole.size(); ++i) {
        QCOMPARE(parts[i].id, whole[i].id);
        QCOMPARE(parts[i].endAddress, whole[i].endAddress);
        QCOMPARE(parts[i].startTime, whole[i].startTime);
    }
    const auto histories = generator.histories(0, 90);
    auto historyParts = generator.histories(0, 41);
    historyParts += generator.histories(41, 49);
    for (qsizetype i = 0; i < histories.size(); ++i)
        QCOMPARE(historyParts[i].timestamp, histories[i].timestamp);
    // Asking past the end yields only the rows that exist.
    QCOMPARE(generator.users(m_counts.users - 5, 100).size(), 5);
    QCOMPARE(generator.rides(10, 1).first().id, generator.rideId(10));
}

void TestDataGenerator::otherSeedDifferentRows()
{
    const DataGenerator a(m_counts, 1), b(m_counts, 2);
    const auto usersA = a.users(0, 50), usersB = b.users(0, 50);
    int sameName = 0;
    for (qsizetype i = 0; i < usersA.size(); ++i) {
        QVERIFY(usersA[i].id != usersB[i].id);
        QVERIFY(usersA[i].creditCard != usersB[i].creditCard);
        sameName += usersA[i].name == usersB[i].name;
    }
    QVERIFY(sameName < 5);
    QVERIFY(a.promoCodes(0, 1).first().code != b.promoCodes(0, 1).first().code ||
            a.promoCodes(1, 1).first().code != b.promoCodes(1, 1).first().code);
}

void TestDataGenerator::countsAreValidated()
{
    QVERIFY(MovrCounts{}.validate().isEmpty());
    MovrCounts counts;
    counts.rides = 8;
    QVERIFY(counts.validate().contains(QStringLiteral("--num-rides")));
    counts.rides = 9;
    QVERIFY(counts.validate().isEmpty());
    counts.users = -1;
    QVERIFY(counts.validate().contains(QStringLiteral("--num-users")));
    auto refused = MovrLoader::initialize(*m_connection, DataGenerator(counts));
    QVERIFY(!refused.hasValue());
    QCOMPARE(refused.error().kind, ErrorClass::InvalidInput);
}

void TestDataGenerator::uuidLayoutAndTimestamps()
{
    static const QRegularExpression uuid(
        QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"));
    const DataGenerator generator(m_counts, 11);
    for (const UserRow &user : generator.users(0, 100))
        QVERIFY2(uuid.match(user.id).hasMatch(), qPrintable(user.id));
    QCOMPARE(DataGenerator::formatTimestamp(DataGenerator::BaseEpochSeconds),
             QStringLiteral("2019-01-02 03:04:05"));
    QCOMPARE(DataGenerator::formatTimestamp(951782400), QStringLiteral("2000-02-29 00:00:00"));
    QCOMPARE(DataGenerator::formatTimestampMs(DataGenerator::BaseEpochSeconds * 1000 + 7),
             QStringLiteral("2019-01-02 03:04:05.007"));
    QCOMPARE(DataGenerator::formatTimestamp(0), QStringLiteral("1970-01-01 00:00:00"));
}

void TestDataGenerator::countsOnServer()
{
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM users")), m_counts.users);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM vehicles")), m_counts.vehicles);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM rides")), m_counts.rides);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM vehicle_location_histories")),
             m_counts.histories);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM promo_codes")), m_counts.promoCodes);
    // Not in the workload: every other user holds a code (docs/DATA.md).
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM user_promo_codes")), m_counts.users / 2);
    // ANALYZE ran: the planner's estimate is exact.
    QCOMPARE(scalar(QStringLiteral("SELECT reltuples::bigint FROM pg_class WHERE relname = "
                                   "'rides'")),
             m_counts.rides);
}

void TestDataGenerator::citySpread()
{
    const struct
    {
        const char *table;
        qint64 total;
    } tables[] = {{"users", m_counts.users},
                  {"vehicles", m_counts.vehicles},
                  {"rides", m_counts.rides},
                  {"vehicle_location_histories", m_counts.histories}};
    for (const auto &table : tables) {
        auto result = m_connection->exec(
            QStringLiteral("SELECT city, count(*) FROM %1 GROUP BY city ORDER BY city")
                .arg(QLatin1String(table.table)));
        QVERIFY(result.hasValue());
        QCOMPARE(result->rowCount(), 9);
        for (int row = 0; row < 9; ++row) {
            QVERIFY(Cities::isKnown(result->text(row, 0)));
            const qint64 count = result->text(row, 1).toLongLong();
            // Contiguous blocks of equal size (within one row).
            QVERIFY2(count >= table.total / 9 && count <= table.total / 9 + 1,
                     qPrintable(QStringLiteral("%1 %2: %3")
                                    .arg(QLatin1String(table.table), result->text(row, 0))
                                    .arg(count)));
        }
    }
    // Contiguous: generator order follows Cities::all().
    const DataGenerator generator(m_counts, 1, Now);
    const auto users = generator.users(0, m_counts.users);
    int changes = 0;
    for (qsizetype i = 1; i < users.size(); ++i)
        changes += users[i].city != users[i - 1].city;
    QCOMPARE(changes, 8);
    QCOMPARE(users.first().city, Cities::all().first().name);
    QCOMPARE(users.last().city, Cities::all().last().name);
}

void TestDataGenerator::statusAndTypeDistribution()
{
    const double total = double(m_counts.vehicles);
    auto share = [&](const QString &sql) { return double(scalar(sql)) / total; };
    const double available =
        share(QStringLiteral("SELECT count(*) FROM vehicles WHERE status = 'available'"));
    const double inUse =
        share(QStringLiteral("SELECT count(*) FROM vehicles WHERE status = 'in_use'"));
    const double lost =
        share(QStringLiteral("SELECT count(*) FROM vehicles WHERE status = 'lost'"));
    QVERIFY2(qAbs(available - 0.40) < 0.03, qPrintable(QString::number(available)));
    QVERIFY2(qAbs(inUse - 0.55) < 0.03, qPrintable(QString::number(inUse)));
    QVERIFY2(qAbs(lost - 0.05) < 0.015, qPrintable(QString::number(lost)));
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM vehicles WHERE status NOT IN "
                                   "('available', 'in_use', 'lost') OR status IS NULL")),
             0);
    for (const char *type : {"skateboard", "bike", "scooter"}) {
        const double actual =
            double(scalar(QStringLiteral("SELECT count(*) FROM vehicles WHERE type = $1"),
                          {QString::fromLatin1(type)})) /
            total;
        QVERIFY2(qAbs(actual - 1.0 / 3) < 0.03, type);
    }
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM vehicles WHERE type NOT IN "
                                   "('skateboard', 'bike', 'scooter') OR type IS NULL")),
             0);
}

void TestDataGenerator::jsonShapes()
{
    // Bikes: exactly {brand, color}; others exactly {color}; values from the workload's sets.
    QCOMPARE(scalar(QStringLiteral(
                 "SELECT count(*) FROM vehicles WHERE "
                 "(SELECT array_agg(k ORDER BY k) FROM jsonb_object_keys(ext) k) <> "
                 "CASE WHEN type = 'bike' THEN ARRAY['brand', 'color'] ELSE ARRAY['color'] END")),
             0);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM vehicles WHERE ext->>'color' NOT IN "
                                   "('red', 'yellow', 'blue', 'green', 'black')")),
             0);
    QCOMPARE(scalar(QStringLiteral(
                 "SELECT count(*) FROM vehicles WHERE type = 'bike' AND ext->>'brand' NOT IN "
                 "('Merida', 'Fuji', 'Cervelo', 'Pinarello', 'Santa Cruz', 'Kona', 'Schwinn')")),
             0);
    QCOMPARE(scalar(QStringLiteral("SELECT count(DISTINCT ext->>'color') FROM vehicles")), 5);
    QCOMPARE(scalar(QStringLiteral("SELECT count(DISTINCT ext->>'brand') FROM vehicles")), 7);
    QCOMPARE(
        scalar(QStringLiteral("SELECT count(*) FROM promo_codes WHERE rules = "
                              "'{\"type\": \"percent_discount\", \"value\": \"10%\"}'::jsonb")),
        m_counts.promoCodes);
}

void TestDataGenerator::coordinates()
{
    QString values;
    for (const City &city : Cities::all()) {
        if (!values.isEmpty())
            values += QLatin1Char(',');
        values += QStringLiteral("(%1, %2::float8, %3::float8)")
                      .arg(PgConnection::quoteLiteral(city.name))
                      .arg(city.latitude, 0, 'g', 17)
                      .arg(city.longitude, 0, 'g', 17);
    }
    const QString join = QStringLiteral("FROM vehicle_location_histories h JOIN (VALUES %1) "
                                        "AS c(name, lat, long) ON c.name = h.city ")
                             .arg(values);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) ") + join), m_counts.histories);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) ") + join +
                        QStringLiteral("WHERE abs(h.lat - c.lat) > $1::float8 "
                                       "OR abs(h.long - c.long) > $1::float8 "
                                       "OR h.lat IS NULL OR h.long IS NULL"),
                    {QString::number(DataGenerator::CoordinateSpread)}),
             0);
    // Spread out, not all on the centre.
    QVERIFY(scalar(QStringLiteral("SELECT count(DISTINCT lat) FROM vehicle_location_histories")) >
            m_counts.histories * 9 / 10);
    // Trails: ten points per ride or more, but for the last ride of a city, which gets the
    // rest (inside the ride: snapshotInvariants).
    QVERIFY(scalar(QStringLiteral("SELECT count(*) FROM (SELECT ride_id FROM "
                                  "vehicle_location_histories GROUP BY city, ride_id "
                                  "HAVING count(*) < 10) t")) <= 9);
}

void TestDataGenerator::ridesTimesAndRevenue()
{
    const QString now = DataGenerator::formatTimestamp(Now);
    // Ended rides in the four weeks before now, three hours at most, with revenue.
    QCOMPARE(scalar(QStringLiteral(
                        "SELECT count(*) FROM rides WHERE end_time IS NOT NULL AND ("
                        "start_time < $1::timestamp - interval '28 days' "
                        "OR end_time > $1::timestamp - interval '2 hours' "
                        "OR end_time <= start_time OR end_time > start_time + interval '3 hours' "
                        "OR revenue < 0 OR revenue > 99.99 OR revenue IS NULL)"),
                    {now}),
             0);
    QVERIFY(scalar(QStringLiteral("SELECT count(DISTINCT start_time::date) FROM rides")) >= 28);
    QVERIFY(scalar(QStringLiteral("SELECT count(*) FROM rides WHERE revenue <> trunc(revenue)")) >
            m_counts.rides / 20);
}

void TestDataGenerator::textShapes()
{
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM users WHERE credit_card !~ "
                                   "'^[0-9]{10}$'")),
             0);
    QCOMPARE(scalar(QStringLiteral(
                 "SELECT count(*) FROM users WHERE name !~ "
                 "'^((Mr|Mrs|Ms|Miss|Dr)\\.? )?[A-Z][a-z]+ [A-Za-z ]+( (Jr\\.|Sr\\.))?$'")),
             0);
    QVERIFY(scalar(QStringLiteral(
                "SELECT count(*) FROM users WHERE name ~ '^(Mr|Mrs|Ms|Miss|Dr)'")) > 0);
    QVERIFY(scalar(QStringLiteral("SELECT count(*) FROM users WHERE name ~ ' (Jr\\.|Sr\\.|I|II|"
                                  "III|IV|V|MD|DDS|PhD)$'")) > 0);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM users WHERE address !~ "
                                   "'^[0-9]+ [A-Z][a-z]+ [A-Z][a-z]+( Apt\\. [0-9]+)?$'")),
             0);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM promo_codes WHERE code !~ "
                                   "'^[0-9]+_[a-z]+_[a-z]+_[a-z]+$'")),
             0);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM promo_codes WHERE "
                                   "expiration_time <= creation_time OR description IS NULL")),
             0);
}

void TestDataGenerator::foreignKeysHold()
{
    // The five keys exist and are validated...
    QCOMPARE(
        scalar(QStringLiteral("SELECT count(*) FROM pg_constraint c JOIN pg_namespace n ON "
                              "n.oid = c.connamespace WHERE c.contype = 'f' AND c.convalidated AND "
                              "n.nspname = current_schema()")),
        5);
    // ... and every reference points at a row of the same city.
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM vehicles v LEFT JOIN users u ON "
                                   "u.city = v.city AND u.id = v.owner_id WHERE u.id IS NULL")),
             0);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM rides r LEFT JOIN users u ON "
                                   "u.city = r.city AND u.id = r.rider_id WHERE u.id IS NULL")),
             0);
    QCOMPARE(scalar(QStringLiteral(
                 "SELECT count(*) FROM rides r LEFT JOIN vehicles v ON v.city = r.vehicle_city "
                 "AND v.id = r.vehicle_id WHERE v.id IS NULL")),
             0);
    QCOMPARE(scalar(QStringLiteral(
                 "SELECT count(*) FROM vehicle_location_histories h LEFT JOIN rides r ON "
                 "r.city = h.city AND r.id = h.ride_id WHERE r.id IS NULL")),
             0);
    // Owners and riders are spread, not all one user.
    QVERIFY(scalar(QStringLiteral("SELECT count(DISTINCT rider_id) FROM rides")) >
            m_counts.users / 2);
}

void TestDataGenerator::serverRowsEqualGenerated()
{
    const DataGenerator generator(m_counts, 1, Now);
    const RideRow ride = generator.rides(1234, 1).first();
    auto result = m_connection->exec(
        QStringLiteral("SELECT city, rider_id::text, vehicle_id::text, start_address, end_address, "
                       "start_time::text, end_time::text, revenue::text FROM rides "
                       "WHERE city = $1 AND id = $2::uuid"),
        {ride.city, ride.id});
    QVERIFY(result.hasValue());
    QCOMPARE(result->rowCount(), 1);
    QCOMPARE(result->text(0, 1), ride.riderId);
    QCOMPARE(result->text(0, 2), ride.vehicleId);
    QCOMPARE(result->text(0, 3), ride.startAddress);
    QCOMPARE(result->text(0, 4), ride.endAddress);
    QCOMPARE(result->text(0, 5), ride.startTime);
    QCOMPARE(result->text(0, 6), ride.endTime);
    QCOMPARE(result->text(0, 7), ride.revenue);
    const LocationHistoryRow history = generator.histories(77, 1).first();
    result = m_connection->exec(QStringLiteral("SELECT lat, long FROM vehicle_location_histories "
                                               "WHERE city = $1 AND ride_id = $2::uuid AND "
                                               "timestamp = $3::timestamp"),
                                {history.city, history.rideId, history.timestamp});
    QCOMPARE(result->rowCount(), 1);
    QCOMPARE(result->text(0, 0).toDouble(), history.latitude); // exact round trip
    QCOMPARE(result->text(0, 1).toDouble(), history.longitude);
}

void TestDataGenerator::refusesExistingTablesUnlessDrop()
{
    MovrCounts small; // defaults
    small.rides = 20;
    auto refused = MovrLoader::initialize(*m_connection, DataGenerator(small, 5));
    QVERIFY(!refused.hasValue());
    QCOMPARE(refused.error().kind, ErrorClass::InvalidInput);
    QVERIFY(refused.error().message.contains(QStringLiteral("--drop")));
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM rides")), m_counts.rides); // untouched

    const QString database = TestServer::createDatabase(QStringLiteral("gendrop"));
    auto connection = TestServer::connect(database);
    QVERIFY(MovrLoader::initialize(*connection, DataGenerator(small, 5)).hasValue());
    MovrLoadOptions drop;
    drop.existingTables = MovrLoadOptions::ExistingTables::Drop;
    small.rides = 30;
    QVERIFY(MovrLoader::initialize(*connection, DataGenerator(small, 6), drop).hasValue());
    QCOMPARE(text(*connection, QStringLiteral("SELECT count(*) FROM rides")), QStringLiteral("30"));
}

void TestDataGenerator::cancelLeavesNothing()
{
    const QString database = TestServer::createDatabase(QStringLiteral("gencancel"));
    auto connection = TestServer::connect(database);
    MovrLoadOptions options;
    options.chunkRows = 100;
    options.progress = [](const LoadProgress &progress) {
        return progress.table != QLatin1String("rides") || progress.tableRows < 300;
    };
    MovrCounts counts;
    counts.rides = 1000;
    auto canceled = MovrLoader::initialize(*connection, DataGenerator(counts), options);
    QVERIFY(!canceled.hasValue());
    QCOMPARE(canceled.error().kind, ErrorClass::Canceled);
    auto tables = Schema::existingTables(*connection);
    QVERIFY(tables.hasValue());
    QVERIFY(tables->isEmpty());
    // The connection is usable afterwards.
    QCOMPARE(text(*connection, QStringLiteral("SELECT 1")), QStringLiteral("1"));
}

void TestDataGenerator::smallChunksLoadTheSame()
{
    MovrCounts counts;
    counts.rides = 100;
    counts.histories = 150;
    const QString a = TestServer::createDatabase(QStringLiteral("genchunka"));
    const QString b = TestServer::createDatabase(QStringLiteral("genchunkb"));
    auto connectionA = TestServer::connect(a), connectionB = TestServer::connect(b);
    MovrLoadOptions tiny;
    tiny.chunkRows = 7;
    QVERIFY(MovrLoader::initialize(*connectionA, DataGenerator(counts, 9, Now), tiny).hasValue());
    QVERIFY(MovrLoader::initialize(*connectionB, DataGenerator(counts, 9, Now)).hasValue());
    for (const QString &table : Schema::tableNames()) {
        const QString digest = QStringLiteral("SELECT md5(coalesce(string_agg(t::text, '|' ORDER "
                                              "BY t::text), '')) FROM %1 t")
                                   .arg(table);
        QCOMPARE(text(*connectionA, digest), text(*connectionB, digest));
    }
    QCOMPARE(text(*connectionA, QStringLiteral("SELECT count(*) FROM vehicle_location_histories")),
             QStringLiteral("150"));
}

void TestDataGenerator::copyEscapesHostileText()
{
    QVERIFY(m_connection->exec(QStringLiteral("CREATE TEMP TABLE hostile (n int, a text, b text)"))
                .hasValue());
    const QList<SqlParams> rows{
        {QStringLiteral("1"), QStringLiteral("tab\there"), QStringLiteral("new\nline")},
        {QStringLiteral("2"), QStringLiteral("back\\slash\\"), QStringLiteral("\\N")},
        {QStringLiteral("3"), QStringLiteral("cr\r\nlf"), std::nullopt},
        {QStringLiteral("4"), QString(), QStringLiteral("\\.")},
        {QStringLiteral("5"), QStringLiteral("ünïcödé 🚲\tand\\t"), QStringLiteral("'\";--")},
        {QStringLiteral("6"), QStringLiteral("\\\n\\\t"), QStringLiteral("\x01\x7f end")},
    };
    qsizetype sent = 0;
    const Status copied = MovrLoader::copy(
        *m_connection, QStringLiteral("hostile"),
        {QStringLiteral("n"), QStringLiteral("a"), QStringLiteral("b")}, [&](QByteArray &buffer) {
            if (sent == rows.size())
                return false;
            MovrLoader::appendRow(buffer, rows.at(sent++)); // one row per chunk
            return true;
        });
    QVERIFY2(copied.hasValue(), qPrintable(copied ? QString() : copied.error().toString()));
    auto result = m_connection->exec(QStringLiteral("SELECT n, a, b FROM hostile ORDER BY n"));
    QVERIFY(result.hasValue());
    QCOMPARE(result->rowCount(), rows.size());
    for (int row = 0; row < rows.size(); ++row) {
        QCOMPARE(result->value(row, 1), rows[row][1]);
        QCOMPARE(result->value(row, 2), rows[row][2]);
    }
    // A bad row fails the COPY with the server's SQLSTATE, and the connection stays usable.
    bool once = false;
    auto failed = MovrLoader::copy(*m_connection, QStringLiteral("hostile"), {QStringLiteral("n")},
                                   [&](QByteArray &buffer) {
                                       if (once)
                                           return false;
                                       once = true;
                                       MovrLoader::appendRow(buffer, {QStringLiteral("x")});
                                       return true;
                                   });
    QVERIFY(!failed.hasValue());
    QCOMPARE(failed.error().sqlState, QStringLiteral("22P02"));
    QCOMPARE(text(*m_connection, QStringLiteral("SELECT count(*) FROM hostile")),
             QStringLiteral("6"));
}

QStringList TestDataGenerator::invariantViolations(PgConnection &connection, qint64 now)
{
    const SqlParams at{DataGenerator::formatTimestamp(now)};
    const struct
    {
        const char *rule;
        const char *sql; // counts the rows that break the rule
    } rules[] = {
        {"no vehicle in two active rides",
         "SELECT count(*) FROM (SELECT 1 FROM rides WHERE end_time IS NULL "
         "GROUP BY vehicle_city, vehicle_id HAVING count(*) > 1) t"},
        {"in_use exactly when the vehicle has an active ride (a lost one has none)",
         "SELECT count(*) FROM vehicles v WHERE (v.status = 'in_use') <> EXISTS (SELECT 1 FROM "
         "rides r WHERE r.vehicle_city = v.city AND r.vehicle_id = v.id AND r.end_time IS NULL)"},
        {"rider and vehicle in the ride's city",
         "SELECT count(*) FROM rides r WHERE r.vehicle_city <> r.city "
         "OR NOT EXISTS (SELECT 1 FROM users u WHERE u.city = r.city AND u.id = r.rider_id) "
         "OR NOT EXISTS (SELECT 1 FROM vehicles v WHERE v.city = r.city AND v.id = r.vehicle_id)"},
        {"an active ride started in the last two hours, has no end, end address or revenue",
         "SELECT count(*) FROM rides WHERE end_time IS NULL AND (end_address IS NOT NULL "
         "OR revenue IS NOT NULL OR start_time >= $1::timestamp "
         "OR start_time < $1::timestamp - interval '2 hours')"},
        {"an ended ride ends after it starts and before now, with revenue >= 0",
         "SELECT count(*) FROM rides WHERE end_time IS NOT NULL AND (end_time <= start_time "
         "OR end_time >= $1::timestamp OR revenue IS NULL OR revenue < 0 "
         "OR end_address IS NULL)"},
        {"a vehicle's rides do not overlap",
         "SELECT count(*) FROM rides a JOIN rides b ON a.vehicle_city = b.vehicle_city "
         "AND a.vehicle_id = b.vehicle_id AND a.id < b.id "
         "AND a.start_time < coalesce(b.end_time, $1::timestamp) "
         "AND b.start_time < coalesce(a.end_time, $1::timestamp)"},
        {"a rider has one active ride at most",
         "SELECT count(*) FROM (SELECT 1 FROM rides WHERE end_time IS NULL "
         "GROUP BY city, rider_id HAVING count(*) > 1) t"},
        {"a ride starts where its vehicle's previous ride ended",
         "SELECT count(*) FROM (SELECT start_address, lag(end_address) OVER (PARTITION BY "
         "vehicle_city, vehicle_id ORDER BY start_time) AS previous_end FROM rides) t "
         "WHERE previous_end IS NOT NULL AND previous_end <> start_address"},
        {"a vehicle is where its last ride left it (or started)",
         "SELECT count(*) FROM vehicles v JOIN LATERAL (SELECT * FROM rides r WHERE "
         "r.vehicle_city = v.city AND r.vehicle_id = v.id ORDER BY r.start_time DESC LIMIT 1) "
         "last ON true WHERE coalesce(last.end_address, last.start_address) <> "
         "v.current_location"},
        {"a vehicle exists before its first ride",
         "SELECT count(*) FROM rides r JOIN vehicles v ON v.city = r.vehicle_city "
         "AND v.id = r.vehicle_id WHERE r.start_time <= v.creation_time "
         "OR v.creation_time >= $1::timestamp"},
        {"a location point lies inside its ride",
         "SELECT count(*) FROM vehicle_location_histories h JOIN rides r ON r.city = h.city "
         "AND r.id = h.ride_id WHERE h.timestamp <= r.start_time "
         "OR h.timestamp >= coalesce(r.end_time, $1::timestamp)"},
        {"a promo code was created before now and expires after its creation",
         "SELECT count(*) FROM promo_codes WHERE creation_time >= $1::timestamp "
         "OR expiration_time <= creation_time"},
        {"a held code exists, was applied while valid and before now, used 0 to 3 times",
         "SELECT count(*) FROM user_promo_codes h LEFT JOIN promo_codes p ON p.code = h.code "
         "WHERE p.code IS NULL OR h.timestamp < p.creation_time "
         "OR h.timestamp > least(p.expiration_time, $1::timestamp) "
         "OR h.usage_count < 0 OR h.usage_count > 3 OR h.usage_count IS NULL"},
    };
    QStringList violations;
    for (const auto &rule : rules) {
        const QString sql = QString::fromLatin1(rule.sql);
        auto result = connection.exec(sql, sql.contains(QLatin1String("$1")) ? at : SqlParams{});
        if (!result) {
            violations.append(
                QStringLiteral("%1: %2").arg(QLatin1String(rule.rule), result.error().toString()));
        } else if (result->text(0, 0) != QLatin1String("0")) {
            violations.append(
                QStringLiteral("%1: %2 rows").arg(QLatin1String(rule.rule), result->text(0, 0)));
        }
    }
    return violations;
}

void TestDataGenerator::snapshotInvariants_data()
{
    QTest::addColumn<qint64>("users");
    QTest::addColumn<qint64>("vehicles");
    QTest::addColumn<qint64>("rides");
    QTest::addColumn<qint64>("histories");
    QTest::addColumn<quint64>("seed");
    QTest::newRow("defaults") << qint64(50) << qint64(15) << qint64(500) << qint64(1000)
                              << quint64(1);
    QTest::newRow("defaults, seed 42")
        << qint64(50) << qint64(15) << qint64(500) << qint64(1000) << quint64(42);
    QTest::newRow("more vehicles than riders")
        << qint64(200) << qint64(3000) << qint64(2000) << qint64(4000) << quint64(1);
    QTest::newRow("minimal") << qint64(9) << qint64(9) << qint64(9) << qint64(9) << quint64(3);
    QTest::newRow("many rides per vehicle")
        << qint64(90) << qint64(18) << qint64(20000) << qint64(30000) << quint64(5);
}

void TestDataGenerator::snapshotInvariants()
{
    QFETCH(qint64, users);
    QFETCH(qint64, vehicles);
    QFETCH(qint64, rides);
    QFETCH(qint64, histories);
    QFETCH(quint64, seed);
    MovrCounts counts;
    counts.users = users;
    counts.vehicles = vehicles;
    counts.rides = rides;
    counts.histories = histories;
    counts.promoCodes = 200;
    const QString database = TestServer::createDatabase(QStringLiteral("gensnap"));
    auto connection = TestServer::connect(database);
    const Status loaded = MovrLoader::initialize(*connection, DataGenerator(counts, seed, Now));
    QVERIFY2(loaded.hasValue(), qPrintable(loaded ? QString() : loaded.error().toString()));
    const QStringList violations = invariantViolations(*connection, Now);
    QVERIFY2(violations.isEmpty(), qPrintable(violations.join(QLatin1Char('\n'))));
    // Some rides are active now where a city has two vehicles or more (one alone stays
    // available).
    if (vehicles >= 18)
        QVERIFY(
            text(*connection, QStringLiteral("SELECT count(*) FROM rides WHERE end_time IS NULL"))
                .toLongLong() > 0);
    // The big test database too.
    const QStringList big = invariantViolations(*m_connection, Now);
    QVERIFY2(big.isEmpty(), qPrintable(big.join(QLatin1Char('\n'))));
}

void TestDataGenerator::defaultCountsGiveStaffWork()
{
    // What a new user sees in the demo (the workload's default counts).
    const QString database = TestServer::createDatabase(QStringLiteral("gendefault"));
    auto connection = TestServer::connect(database);
    QVERIFY(MovrLoader::initialize(*connection, DataGenerator(MovrCounts{}, 1, Now)).hasValue());
    const auto count = [&](const char *sql) {
        auto result =
            connection->exec(QString::fromLatin1(sql), {DataGenerator::formatTimestamp(Now)});
        if (!result)
            qFatal("%s: %s", sql, qPrintable(result.error().toString()));
        return result->text(0, 0).toLongLong();
    };
    // Six of the nine cities have two vehicles: one of each is on a ride now.
    QCOMPARE(count("SELECT count(*) + 0 * length($1) FROM rides WHERE end_time IS NULL"), 6);
    QCOMPARE(count("SELECT count(*) + 0 * length($1) FROM vehicles WHERE status = 'in_use'"), 6);
    // Every city has a vehicle that is not in use, most of them available to start a ride.
    QCOMPARE(count("SELECT count(DISTINCT city) + 0 * length($1) FROM vehicles "
                   "WHERE status <> 'in_use'"),
             9);
    QVERIFY(count("SELECT count(*) + 0 * length($1) FROM vehicles WHERE status = 'available'") >=
            6);
    // Most promo codes valid now, some expired; 25 users hold one, most of them valid.
    const qint64 valid =
        count("SELECT count(*) FROM promo_codes WHERE expiration_time > $1::timestamp");
    QVERIFY2(valid > 800 && valid < 950, qPrintable(QString::number(valid)));
    QCOMPARE(count("SELECT count(DISTINCT (city, user_id)) + 0 * length($1) FROM "
                   "user_promo_codes"),
             25);
    QVERIFY(count("SELECT count(*) FROM user_promo_codes h JOIN promo_codes p USING (code) "
                  "WHERE p.expiration_time > $1::timestamp") >= 20);
    // The newest rides are recent: the last ended one within the day before now.
    QVERIFY(count("SELECT count(*) FROM rides WHERE end_time > $1::timestamp - interval '1 day'") >
            0);
    const QStringList violations = invariantViolations(*connection, Now);
    QVERIFY2(violations.isEmpty(), qPrintable(violations.join(QLatin1Char('\n'))));
}

void TestDataGenerator::otherNowSameRowsShifted()
{
    // Another time: the same people, vehicles and rides, their times moved with it.
    const DataGenerator a(m_counts, 4, Now), b(m_counts, 4, Now + 86400);
    const RideRow rideA = a.rides(700, 1).first(), rideB = b.rides(700, 1).first();
    QCOMPARE(rideA.id, rideB.id);
    QCOMPARE(rideA.vehicleId, rideB.vehicleId);
    QCOMPARE(QDateTime::fromString(rideA.startTime, Qt::ISODate)
                 .secsTo(QDateTime::fromString(rideB.startTime, Qt::ISODate)),
             86400);
}

QTEST_GUILESS_MAIN(TestDataGenerator)
#include "tst_datagenerator.moc"
