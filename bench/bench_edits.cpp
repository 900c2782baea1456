// Edit latency and round trips: each MovR edit as this application sends it (one pipelined
// transaction body through the TransactionRunner) side by side with the same edit done the
// way the CockroachDB tutorials do it (BEGIN; SAVEPOINT cockroach_restart; one statement per
// round trip; RELEASE SAVEPOINT cockroach_restart; COMMIT), both through a loopback proxy
// that delays each direction (default 25 ms one way, a 50 ms round trip), in the same run.
//
// Round trips are counted at the proxy: one Sync message per round trip of the extended
// protocol (a pipeline ends with one Sync; PQexecParams sends one per statement).
//
//   bench_edits [--url URL] [--delay-ms 25] [--iterations 11] [--json]
//
// Without --url a private PostgreSQL is started and loaded with generated MovR data. With
// --url the MovR tables must exist (or are created and loaded when the database has none);
// the benchmark adds its own users, vehicles and rides in "new york".

#include "BenchSupport.h"
#include "TcpProxy.h"

#include "demo/LocalServer.h"
#include "movr/DataGenerator.h"
#include "movr/MovrLoader.h"
#include "movr/Operations.h"
#include "movr/Schema.h"
#include "txn/TransactionRunner.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <map>

namespace {

using bench::die;
using bench::need;

const QString City = QStringLiteral("new york");

enum class Operation { AddUser, AddVehicle, StartRide, EndRide, SetStatus };
const QList<Operation> AllOperations{Operation::StartRide, Operation::EndRide,
                                     Operation::AddVehicle, Operation::SetStatus,
                                     Operation::AddUser};

QString label(Operation operation)
{
    switch (operation) {
    case Operation::AddUser:
        return QStringLiteral("add user");
    case Operation::AddVehicle:
        return QStringLiteral("add vehicle");
    case Operation::StartRide:
        return QStringLiteral("start ride");
    case Operation::EndRide:
        return QStringLiteral("end ride");
    case Operation::SetStatus:
        return QStringLiteral("set status");
    }
    return {};
}

QString key(Operation operation)
{
    return label(operation).replace(QLatin1Char(' '), QLatin1Char('_'));
}

struct Sample
{
    double milliseconds = 0;
    int roundTrips = 0; // Syncs seen by the proxy
};

struct Samples
{
    QList<double> milliseconds;
    QList<double> roundTrips;
    QList<double> outcomeRoundTrips; // pipelined only: Outcome::roundTrips
    int attempts = 0;                // pipelined only: attempts beyond one (retries)
};

double median(QList<double> values)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const qsizetype middle = values.size() / 2;
    if (values.size() % 2)
        return values.at(middle);
    return (values.at(middle - 1) + values.at(middle)) / 2;
}

// The IDs one iteration works on (each way has its own).
struct Entities
{
    QString user;
    QString vehicle;
    QString ride;
};

// This application's way: one pipelined body per edit, through the runner.
class PipelinedWay
{
public:
    PipelinedWay(std::unique_ptr<PgConnection> &connection, TcpProxy &proxy)
        : m_runner(connection), m_proxy(proxy)
    {}

    Sample run(Operation operation, Entities &entities, Samples &samples)
    {
        Result<TransactionBody> body = DbError{};
        switch (operation) {
        case Operation::AddUser: {
            AddUserInput input;
            input.city = City;
            input.name = QStringLiteral("Bench User");
            input.address = QStringLiteral("1 Benchmark Ave");
            input.creditCard = QStringLiteral("4111111111111111");
            entities.user = input.id;
            body = Operations::addUser(input);
            break;
        }
        case Operation::AddVehicle: {
            AddVehicleInput input;
            input.city = City;
            input.type = QStringLiteral("scooter");
            input.ownerId = entities.user;
            input.currentLocation = QStringLiteral("Times Square");
            input.ext = QStringLiteral(R"({"color": "red"})");
            entities.vehicle = input.id;
            body = Operations::addVehicle(input);
            break;
        }
        case Operation::StartRide: {
            StartRideInput input(City, entities.user, entities.vehicle);
            entities.ride = input.rideId;
            body = Operations::startRide(input);
            break;
        }
        case Operation::EndRide:
            body = Operations::endRide(EndRideInput(City, entities.ride, QStringLiteral("12.50")));
            break;
        case Operation::SetStatus: {
            auto bodies = Operations::setVehicleStatus(
                SetVehicleStatusInput(City, {entities.vehicle}, QStringLiteral("lost")));
            if (!bodies)
                die(bodies.error().toString());
            body = bodies->first();
            break;
        }
        }
        if (!body)
            die(body.error().toString());
        m_proxy.resetCounts();
        QElapsedTimer timer;
        timer.start();
        const Outcome outcome = m_runner.run(*body);
        Sample sample{timer.nsecsElapsed() / 1e6, m_proxy.forwarded('S')};
        if (!outcome.committed())
            die(QStringLiteral("%1 (pipelined): %2")
                    .arg(label(operation),
                         outcome.error ? outcome.error->toString() : QStringLiteral("?")));
        samples.outcomeRoundTrips.append(outcome.roundTrips);
        samples.attempts += outcome.attempts - 1;
        return sample;
    }

private:
    TransactionRunner m_runner;
    TcpProxy &m_proxy;
};

// The tutorials' way: one statement per round trip inside the savepoint protocol.
class TutorialWay
{
public:
    TutorialWay(PgConnection &connection, TcpProxy &proxy)
        : m_connection(connection), m_proxy(proxy)
    {}

    Sample run(Operation operation, Entities &entities)
    {
        m_proxy.resetCounts();
        QElapsedTimer timer;
        timer.start();
        transaction([&] { body(operation, entities); });
        return Sample{timer.nsecsElapsed() / 1e6, m_proxy.forwarded('S')};
    }

private:
    PgResult exec(const QString &sql, const SqlParams &params = {})
    {
        return need(m_connection.exec(sql, params), "tutorial statement");
    }

    void transaction(const std::function<void()> &statements)
    {
        exec(QStringLiteral("BEGIN"));
        exec(QStringLiteral("SAVEPOINT cockroach_restart"));
        statements();
        exec(QStringLiteral("RELEASE SAVEPOINT cockroach_restart"));
        exec(QStringLiteral("COMMIT"));
    }

    void body(Operation operation, Entities &entities)
    {
        switch (operation) {
        case Operation::AddUser:
            entities.user = newClientUuid();
            exec(QStringLiteral("INSERT INTO users (id, city, name, address, credit_card) "
                                "VALUES ($1, $2, $3, $4, $5)"),
                 {entities.user, City, QStringLiteral("Bench User"),
                  QStringLiteral("1 Benchmark Ave"), QStringLiteral("4111111111111111")});
            break;
        case Operation::AddVehicle:
            entities.vehicle = newClientUuid();
            exec(QStringLiteral("INSERT INTO vehicles (id, city, type, owner_id, creation_time, "
                                "status, current_location, ext) VALUES ($1, $2, $3, $4, now(), "
                                "'available', $5, $6)"),
                 {entities.vehicle, City, QStringLiteral("scooter"), entities.user,
                  QStringLiteral("Times Square"), QStringLiteral(R"({"color": "red"})")});
            break;
        case Operation::StartRide: {
            const PgResult vehicle = exec(QStringLiteral("SELECT current_location, status FROM "
                                                         "vehicles WHERE city = $1 AND id = $2"),
                                          {City, entities.vehicle});
            entities.ride = newClientUuid();
            exec(QStringLiteral("INSERT INTO rides (id, city, vehicle_city, rider_id, vehicle_id, "
                                "start_address, start_time) VALUES ($1, $2, $2, $3, $4, $5, "
                                "now())"),
                 {entities.ride, City, entities.user, entities.vehicle, vehicle.text(0, 0)});
            exec(
                QStringLiteral("UPDATE vehicles SET status = 'in_use' WHERE city = $1 AND id = $2"),
                {City, entities.vehicle});
            exec(QStringLiteral("UPDATE user_promo_codes SET usage_count = usage_count + 1 WHERE "
                                "city = $1 AND user_id = $2 AND code IN (SELECT code FROM "
                                "promo_codes WHERE expiration_time > now())"),
                 {City, entities.user});
            break;
        }
        case Operation::EndRide: {
            const PgResult ride = exec(QStringLiteral("SELECT vehicle_city, vehicle_id FROM rides "
                                                      "WHERE city = $1 AND id = $2"),
                                       {City, entities.ride});
            const PgResult vehicle = exec(QStringLiteral("SELECT current_location FROM vehicles "
                                                         "WHERE city = $1 AND id = $2"),
                                          {ride.text(0, 0), ride.text(0, 1)});
            exec(QStringLiteral("UPDATE rides SET end_address = $3, revenue = $4, end_time = "
                                "now() WHERE city = $1 AND id = $2"),
                 {City, entities.ride, vehicle.text(0, 0), QStringLiteral("12.50")});
            exec(QStringLiteral("UPDATE vehicles SET status = 'available', current_location = $3 "
                                "WHERE city = $1 AND id = $2"),
                 {City, entities.vehicle, vehicle.text(0, 0)});
            break;
        }
        case Operation::SetStatus:
            exec(QStringLiteral("UPDATE vehicles SET status = 'lost' WHERE city = $1 AND id = $2"),
                 {City, entities.vehicle});
            break;
        }
    }

    PgConnection &m_connection;
    TcpProxy &m_proxy;
};

// The order of one iteration: each operation uses what the previous ones made.
const QList<Operation> Sequence{Operation::AddUser, Operation::AddVehicle, Operation::StartRide,
                                Operation::EndRide, Operation::SetStatus};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("MovR edits: pipelined transaction bodies vs the tutorials' "
                       "one-statement-per-round-trip transactions, through a delaying proxy"));
    parser.addHelpOption();
    const QCommandLineOption urlOption(
        QStringLiteral("url"),
        QStringLiteral("Use this server (default: a private PostgreSQL with generated MovR "
                       "data)."),
        QStringLiteral("URL"));
    const QCommandLineOption delayOption(QStringLiteral("delay-ms"),
                                         QStringLiteral("Proxy delay each way (default 25)."),
                                         QStringLiteral("MS"), QStringLiteral("25"));
    const QCommandLineOption iterationsOption(
        QStringLiteral("iterations"),
        QStringLiteral("Measured runs of each operation and way (default 11)."),
        QStringLiteral("N"), QStringLiteral("11"));
    const QCommandLineOption jsonOption(QStringLiteral("json"),
                                        QStringLiteral("Print the figures as one JSON object."));
    parser.addOptions({urlOption, delayOption, iterationsOption, jsonOption});
    parser.process(app);

    bool ok = false;
    const int delayMs = parser.value(delayOption).toInt(&ok);
    if (!ok || delayMs < 0 || delayMs > 10000)
        die(QStringLiteral("--delay-ms must be a number from 0 to 10000"));
    const int iterations = parser.value(iterationsOption).toInt(&ok);
    if (!ok || iterations < 1 || iterations > 1000)
        die(QStringLiteral("--iterations must be a number from 1 to 1000"));

    std::unique_ptr<LocalServer> server;
    ConnectionSettings direct;
    if (parser.isSet(urlOption)) {
        direct = need(ConnectionSettings::parse(parser.value(urlOption)), "--url");
    } else {
        server = std::make_unique<LocalServer>();
        need(server->start(), "start server");
        direct = server->connectionSettings();
    }
    {
        auto setup = need(PgConnection::open(direct), "connect");
        if (!need(Schema::hasMovrTables(*setup), "look for the MovR tables"))
            need(MovrLoader::initialize(*setup, DataGenerator()), "load MovR");
    }

    TcpProxy proxy(direct.host().isEmpty() ? QStringLiteral("127.0.0.1") : direct.host(),
                   direct.port(), std::chrono::milliseconds(delayMs));
    if (const QString error = proxy.start(); !error.isEmpty())
        die(QStringLiteral("proxy: ") + error);
    const ConnectionSettings proxied = proxy.route(direct);

    // Connections are opened before any timing: setup is not counted.
    std::unique_ptr<PgConnection> pipelinedConnection =
        need(PgConnection::open(proxied), "connect");
    std::unique_ptr<PgConnection> tutorialConnection = need(PgConnection::open(proxied), "connect");
    const QString serverName = pipelinedConnection->serverInfo().displayName();
    PipelinedWay pipelined(pipelinedConnection, proxy);
    TutorialWay tutorial(*tutorialConnection, proxy);

    std::map<Operation, Samples> ours;
    std::map<Operation, Samples> theirs;
    // One warm-up iteration (not counted), then the measured ones; the two ways alternate
    // operation by operation so that both see the same conditions.
    for (int iteration = 0; iteration <= iterations; ++iteration) {
        Entities mine;
        Entities reference;
        for (Operation operation : Sequence) {
            Samples &ourSamples = ours[operation];
            const Sample a = pipelined.run(operation, mine, ourSamples);
            const Sample b = tutorial.run(operation, reference);
            if (iteration == 0) {
                ourSamples = Samples{};
                continue;
            }
            ourSamples.milliseconds.append(a.milliseconds);
            ourSamples.roundTrips.append(a.roundTrips);
            theirs[operation].milliseconds.append(b.milliseconds);
            theirs[operation].roundTrips.append(b.roundTrips);
        }
    }

    const double target = 1.2;
    bool targetMet = true;
    QJsonObject operations;
    for (Operation operation : AllOperations) {
        const Samples &a = ours[operation];
        const Samples &b = theirs[operation];
        targetMet = targetMet && median(a.roundTrips) <= target;
        operations.insert(
            key(operation),
            QJsonObject{
                {QStringLiteral("pipelined_median_ms"), median(a.milliseconds)},
                {QStringLiteral("pipelined_median_round_trips"), median(a.roundTrips)},
                {QStringLiteral("pipelined_outcome_round_trips"), median(a.outcomeRoundTrips)},
                {QStringLiteral("pipelined_retries"), a.attempts},
                {QStringLiteral("tutorial_median_ms"), median(b.milliseconds)},
                {QStringLiteral("tutorial_median_round_trips"), median(b.roundTrips)},
                {QStringLiteral("speedup"), median(b.milliseconds) / median(a.milliseconds)},
            });
    }

    if (parser.isSet(jsonOption)) {
        const QJsonObject json{
            {QStringLiteral("server"), serverName},
            {QStringLiteral("delay_ms_each_way"), delayMs},
            {QStringLiteral("iterations"), iterations},
            {QStringLiteral("operations"), operations},
            {QStringLiteral("target_round_trips"), target},
            {QStringLiteral("target_met"), targetMet},
        };
        std::printf("%s\n", QJsonDocument(json).toJson(QJsonDocument::Compact).constData());
        return targetMet ? 0 : 3;
    }

    std::printf("MovR edits through a proxy delaying each direction %d ms (%d ms round trip), "
                "%d runs each, on %s\n\n",
                delayMs, 2 * delayMs, iterations, qPrintable(serverName));
    std::printf("| operation   | pipelined median ms | round trips | tutorial median ms | round "
                "trips | speed-up |\n");
    std::printf("|-------------|--------------------:|------------:|-------------------:|------"
                "------:|---------:|\n");
    for (Operation operation : AllOperations) {
        const QJsonObject row = operations.value(key(operation)).toObject();
        std::printf("| %-11s | %19.1f | %11.1f | %18.1f | %11.1f | %7.1fx |\n",
                    qPrintable(label(operation)),
                    row.value(QStringLiteral("pipelined_median_ms")).toDouble(),
                    row.value(QStringLiteral("pipelined_median_round_trips")).toDouble(),
                    row.value(QStringLiteral("tutorial_median_ms")).toDouble(),
                    row.value(QStringLiteral("tutorial_median_round_trips")).toDouble(),
                    row.value(QStringLiteral("speedup")).toDouble());
    }
    std::printf("\nRound trips are Sync messages counted at the proxy. Target: at most %.1f round "
                "trips per operation (median): %s\n",
                target, targetMet ? "met" : "NOT met");
    return targetMet ? 0 : 3;
}
