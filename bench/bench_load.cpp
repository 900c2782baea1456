// Loading MovR data: the generator + COPY (what --demo and --init-movr do) against the
// server producing the same rows itself (INSERT ... SELECT over generate_series), in the
// same run, on the same server, into the same schema (tables with their primary keys and
// indexes; foreign keys added afterwards and timed separately).
//
//   bench_load [--rides N] [--url URL] [--json]
//
// Other tables are proportional to the rides, as in MOVR.md's defaults (per 500 rides: 50
// users, 15 vehicles, 1000 histories, 1000 promo codes).

#include "BenchSupport.h"
#include "demo/LocalServer.h"
#include "movr/DataGenerator.h"
#include "movr/MovrLoader.h"
#include "movr/Schema.h"
#include "pg/PgConnection.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>
#include <memory>

namespace {

using bench::die;

void check(const Status &status, const char *what)
{
    if (!status)
        die(QStringLiteral("%1: %2").arg(QLatin1String(what), status.error().toString()));
}

std::unique_ptr<PgConnection> connectTo(const ConnectionSettings &settings)
{
    auto connection = PgConnection::open(settings);
    if (!connection)
        die(connection.error().toString());
    return std::move(connection).value();
}

// A fresh database for one run (on CockroachDB and PostgreSQL alike).
ConnectionSettings freshDatabase(const ConnectionSettings &base, const QString &name)
{
    auto admin = connectTo(base);
    check(admin->exec(QStringLiteral("DROP DATABASE IF EXISTS ") + name).hasValue()
              ? Status(Ok{})
              : Status(DbError::make(ErrorClass::Other, QStringLiteral("drop failed"))),
          "drop database");
    auto created = admin->exec(QStringLiteral("CREATE DATABASE ") + name);
    if (!created)
        die(created.error().toString());
    ConnectionSettings settings = base;
    settings.setValue(QStringLiteral("dbname"), name);
    return settings;
}

void dropDatabase(const ConnectionSettings &base, const QString &name)
{
    auto admin = connectTo(base);
    if (auto dropped = admin->exec(QStringLiteral("DROP DATABASE IF EXISTS ") + name); !dropped)
        qWarning("could not drop %s: %s", qPrintable(name), qPrintable(dropped.error().toString()));
}

QString cityArray()
{
    return QStringLiteral("(ARRAY['new york','boston','washington dc','seattle','san francisco',"
                          "'los angeles','amsterdam','paris','rome'])");
}

// The server-side reference: the same tables, the same numbers of rows, city blocks and
// valid references (ids are md5-derived so that references need no lookups).
QStringList serverSideInserts(const MovrCounts &c)
{
    const QString cities = cityArray();
    // A random row of the block of city `cityExpr` among `total` rows: index arithmetic of
    // DataGenerator::cityBlockStart.
    auto pickIn = [](const QString &cityExpr, qint64 total) {
        return QStringLiteral("((%1 * %2 + 8) / 9 + floor(random() * (((%1 + 1) * %2 + 8) / 9 - "
                              "(%1 * %2 + 8) / 9))::bigint)")
            .arg(cityExpr)
            .arg(total);
    };
    const QString words =
        QStringLiteral("(ARRAY['apple','river','stone','cloud','maple','quiet','brave','amber'])");
    return {
        QStringLiteral("INSERT INTO users SELECT md5('u' || i)::uuid, %1[i * 9 / %2 + 1], "
                       "'Name ' || (i % 97) || ' Last ' || (i % 89), "
                       "(1 + floor(random() * 99999)::int) || ' Main Street', "
                       "lpad(floor(random() * 1e10)::bigint::text, 10, '0') "
                       "FROM generate_series(0, %2 - 1) i")
            .arg(cities)
            .arg(c.users),
        QStringLiteral(
            "INSERT INTO vehicles SELECT md5('v' || i)::uuid, %1[i * 9 / %2 + 1], t.type, "
            "md5('u' || %3)::uuid, '2019-01-02 03:04:05', "
            "CASE WHEN r < 0.40 THEN 'available' WHEN r < 0.95 THEN 'in_use' ELSE 'lost' END, "
            "(1 + floor(random() * 99999)::int) || ' Oak Avenue', "
            "CASE WHEN t.type = 'bike' THEN jsonb_build_object('color', 'red', 'brand', 'Fuji') "
            "ELSE jsonb_build_object('color', 'blue') END "
            "FROM generate_series(0, %2 - 1) i, LATERAL (SELECT (ARRAY['skateboard','bike',"
            "'scooter'])[1 + floor(random() * 3)::int + (i * 0)] AS type, random() + i * 0 AS r) t")
            .arg(cities)
            .arg(c.vehicles)
            .arg(pickIn(QStringLiteral("(i * 9 / %1)").arg(c.vehicles), c.users)),
        QStringLiteral(
            "INSERT INTO rides SELECT md5('r' || i)::uuid, %1[i * 9 / %2 + 1], %1[i * 9 / %2 + 1], "
            "md5('u' || %3)::uuid, md5('v' || %4)::uuid, "
            "(1 + floor(random() * 99999)::int) || ' Pine Road', "
            "(1 + floor(random() * 99999)::int) || ' Elm Lane', s.start, "
            "s.start + floor(random() * 60)::int * interval '1 hour', "
            "floor(random() * 10000)::numeric / 100 "
            "FROM generate_series(0, %2 - 1) i, LATERAL (SELECT '2019-01-02 03:04:05'::timestamp "
            "- (floor(random() * 30)::int + i * 0) * interval '1 day' AS start) s")
            .arg(cities)
            .arg(c.rides)
            .arg(pickIn(QStringLiteral("(i * 9 / %1)").arg(c.rides), c.users),
                 pickIn(QStringLiteral("(i * 9 / %1)").arg(c.rides), c.vehicles)),
        QStringLiteral("INSERT INTO vehicle_location_histories SELECT %1[i * 9 / %2 + 1], "
                       "md5('r' || %3)::uuid, "
                       "'2019-01-02 03:04:05'::timestamp + i * interval '1 millisecond', "
                       "40.7 + random() * 0.1 - 0.05, -74.0 + random() * 0.1 - 0.05 "
                       "FROM generate_series(0, %2 - 1) i")
            .arg(cities)
            .arg(c.histories)
            .arg(pickIn(QStringLiteral("(i * 9 / %1)").arg(c.histories), c.rides)),
        QStringLiteral(
            "INSERT INTO promo_codes SELECT i || '_' || %1[1 + floor(random() * 8)::int] "
            "|| '_' || %1[1 + floor(random() * 8)::int] || '_' || "
            "%1[1 + floor(random() * 8)::int], "
            "'Quiet brave amber stone river cloud.', "
            "'2019-01-02 03:04:05'::timestamp - floor(random() * 30)::int * interval "
            "'1 day', '2019-03-02 03:04:05', "
            "'{\"type\": \"percent_discount\", \"value\": \"10%\"}'::jsonb "
            "FROM generate_series(0, %2 - 1) i")
            .arg(words)
            .arg(c.promoCodes),
        // Every other user holds one code (DataGenerator::userPromoCodes).
        QStringLiteral("INSERT INTO user_promo_codes SELECT %1[(2 * i + 1) * 9 / %2 + 1], "
                       "md5('u' || (2 * i + 1))::uuid, p.code, '2019-01-02 03:04:05', "
                       "floor(random() * 4)::int "
                       "FROM generate_series(0, %4 - 1) i JOIN (SELECT code, row_number() "
                       "OVER () - 1 AS n FROM promo_codes) p ON p.n = i % %3")
            .arg(cities)
            .arg(c.users)
            .arg(c.promoCodes)
            .arg(c.userPromoCodes()),
    };
}

struct Phase
{
    double loadSeconds = 0;
    double foreignKeySeconds = 0;
};

Phase runGenerator(PgConnection &connection, const MovrCounts &counts, qint64 chunkRows)
{
    check(Schema::create(connection, Schema::ForeignKeys::AfterLoading), "create schema");
    MovrLoadOptions options;
    options.chunkRows = chunkRows;
    QElapsedTimer timer;
    timer.start();
    check(MovrLoader::loadRows(connection, DataGenerator(counts, 1), options), "COPY");
    Phase phase;
    phase.loadSeconds = timer.nsecsElapsed() / 1e9;
    timer.restart();
    check(Schema::addForeignKeys(connection), "foreign keys (generator)");
    phase.foreignKeySeconds = timer.nsecsElapsed() / 1e9;
    return phase;
}

Phase runServerSide(PgConnection &connection, const MovrCounts &counts)
{
    check(Schema::create(connection, Schema::ForeignKeys::AfterLoading), "create schema");
    QElapsedTimer timer;
    timer.start();
    for (const QString &statement : serverSideInserts(counts)) {
        auto result = connection.exec(statement);
        if (!result)
            die(QStringLiteral("server-side insert: %1\n%2")
                    .arg(result.error().toString(), statement));
    }
    Phase phase;
    phase.loadSeconds = timer.nsecsElapsed() / 1e9;
    timer.restart();
    check(Schema::addForeignKeys(connection), "foreign keys (server-side)");
    phase.foreignKeySeconds = timer.nsecsElapsed() / 1e9;
    return phase;
}

qint64 countRows(PgConnection &connection)
{
    qint64 total = 0;
    for (const QString &table : Schema::tableNames()) {
        auto result = connection.exec(QStringLiteral("SELECT count(*) FROM ") + table);
        if (!result)
            die(result.error().toString());
        total += result->text(0, 0).toLongLong();
    }
    return total;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Rows per second: MovR generator + COPY vs INSERT ... SELECT generate_series"));
    parser.addHelpOption();
    const QCommandLineOption ridesOption(QStringLiteral("rides"),
                                         QStringLiteral("Rides to load (default 1000000)."),
                                         QStringLiteral("N"), QStringLiteral("1000000"));
    const QCommandLineOption urlOption(QStringLiteral("url"),
                                       QStringLiteral("Use this server (default: a private "
                                                      "PostgreSQL started for the run)."),
                                       QStringLiteral("URL"));
    const QCommandLineOption chunkOption(QStringLiteral("chunk"),
                                         QStringLiteral("Rows per COPY chunk (default 5000)."),
                                         QStringLiteral("N"), QStringLiteral("5000"));
    const QCommandLineOption jsonOption(QStringLiteral("json"),
                                        QStringLiteral("Print the figures as one JSON object."));
    parser.addOptions({ridesOption, urlOption, chunkOption, jsonOption});
    parser.process(app);

    bool ok = false;
    const qint64 rides = parser.value(ridesOption).toLongLong(&ok);
    if (!ok || rides < 500)
        die(QStringLiteral("--rides must be a number of at least 500"));
    const qint64 chunk = parser.value(chunkOption).toLongLong(&ok);
    if (!ok || chunk < 1)
        die(QStringLiteral("--chunk must be a positive number"));
    MovrCounts counts;
    counts.rides = rides;
    counts.users = rides / 10;
    counts.vehicles = rides * 15 / 500;
    counts.histories = rides * 2;
    counts.promoCodes = rides * 2;

    std::unique_ptr<LocalServer> server;
    ConnectionSettings base;
    if (parser.isSet(urlOption)) {
        auto parsed = ConnectionSettings::parse(parser.value(urlOption));
        if (!parsed)
            die(parsed.error().message);
        base = *parsed;
    } else {
        server = std::make_unique<LocalServer>();
        check(server->start(), "start server");
        base = server->connectionSettings(QStringLiteral("postgres"));
    }

    const QString generatorDb = QStringLiteral("bench_load_generator");
    const QString serverDb = QStringLiteral("bench_load_server");
    Phase generator, serverSide;
    qint64 generatorRows = 0, serverRows = 0;
    QString serverName;
    {
        auto connection = connectTo(freshDatabase(base, generatorDb));
        serverName = connection->serverInfo().displayName();
        generator = runGenerator(*connection, counts, chunk);
        generatorRows = countRows(*connection);
    }
    dropDatabase(base, generatorDb);
    {
        auto connection = connectTo(freshDatabase(base, serverDb));
        serverSide = runServerSide(*connection, counts);
        serverRows = countRows(*connection);
    }
    dropDatabase(base, serverDb);
    if (generatorRows != counts.total() || serverRows != counts.total())
        die(QStringLiteral("row counts differ: expected %1, generator %2, server-side %3")
                .arg(counts.total())
                .arg(generatorRows)
                .arg(serverRows));

    const double generatorRate = generatorRows / generator.loadSeconds;
    const double serverRate = serverRows / serverSide.loadSeconds;
    const double ratio = generatorRate / serverRate;
    if (parser.isSet(jsonOption)) {
        QJsonObject json{
            {QStringLiteral("server"), serverName},
            {QStringLiteral("rides"), counts.rides},
            {QStringLiteral("rows"), counts.total()},
            {QStringLiteral("chunk_rows"), chunk},
            {QStringLiteral("generator_copy_seconds"), generator.loadSeconds},
            {QStringLiteral("generator_rows_per_second"), generatorRate},
            {QStringLiteral("generator_foreign_keys_seconds"), generator.foreignKeySeconds},
            {QStringLiteral("server_insert_select_seconds"), serverSide.loadSeconds},
            {QStringLiteral("server_rows_per_second"), serverRate},
            {QStringLiteral("server_foreign_keys_seconds"), serverSide.foreignKeySeconds},
            {QStringLiteral("ratio"), ratio},
            {QStringLiteral("target_ratio"), 0.5},
            {QStringLiteral("target_met"), ratio >= 0.5},
        };
        std::printf("%s\n", QJsonDocument(json).toJson(QJsonDocument::Compact).constData());
        return 0;
    }
    std::printf("Loading MovR: %lld rides, %lld rows in all (users %lld, vehicles %lld, "
                "histories %lld, promo codes %lld) on %s\n\n",
                static_cast<long long>(counts.rides), static_cast<long long>(counts.total()),
                static_cast<long long>(counts.users), static_cast<long long>(counts.vehicles),
                static_cast<long long>(counts.histories), static_cast<long long>(counts.promoCodes),
                qPrintable(serverName));
    std::printf("| method | load s | rows/s | foreign keys s |\n|---|---:|---:|---:|\n");
    std::printf("| generator + COPY (chunks of %lld rows) | %.2f | %.0f | %.2f |\n",
                static_cast<long long>(chunk), generator.loadSeconds, generatorRate,
                generator.foreignKeySeconds);
    std::printf("| server: INSERT ... SELECT generate_series | %.2f | %.0f | %.2f |\n\n",
                serverSide.loadSeconds, serverRate, serverSide.foreignKeySeconds);
    std::printf("generator / server-side rate: %.0f%% (target >= 50%%: %s)\n", ratio * 100,
                ratio >= 0.5 ? "met" : "NOT met");
    return 0;
}
