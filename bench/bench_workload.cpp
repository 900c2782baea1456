// The MovR workload under contention: the `writes` mix at concurrency 8 with most writes on one
// hot city (a few vehicles, so transactions conflict), run by the workload engine this
// application's way (one pipelined round trip per attempt, TransactionRunner) side by side with
// the tutorials' way (WorkloadConfig::statementPerRoundTrip: BEGIN; SAVEPOINT
// cockroach_restart; one statement per round trip; RELEASE; COMMIT, the sequence bench_edits
// measures), on loopback and through a proxy that delays each direction (default 25 ms, a
// 50 ms round trip), in the same run. Then the canonical mix the same way, through the proxy.
// After every run the MovR invariants are checked (WorkloadCheck).
//
//   bench_workload [--url URL] [--seconds 60] [--delay-ms 25] [--concurrency 8]
//                  [--hot-city "new york"] [--seed 1] [--json]
//
// Without --url a private PostgreSQL is started and each run gets a fresh database with the
// same generated MovR data. With --url every run works on that database (the MovR tables must
// exist, or are created and loaded when it has none), one after the other.
//
// Targets (issue 12), through the proxy: the writes' p50 at most 1.2 round trips and p99 at
// most 4, write throughput at least 4x the tutorials' way, no unexpected error, the check
// passing after every run. Exit status 3 when a target is missed.

#include "BenchSupport.h"
#include "TcpProxy.h"
#include "TestServer.h"

#include "movr/DataGenerator.h"
#include "movr/MovrLoader.h"
#include "movr/Schema.h"
#include "workload/WorkloadCheck.h"
#include "workload/WorkloadEngine.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>
#include <cstdlib>

namespace {

using bench::die;
using bench::need;

// More vehicles and users than the demo's defaults, so that the hot city has rides to start
// and the other cities do not run dry in a minute.
MovrCounts benchCounts()
{
    MovrCounts counts;
    counts.users = 900;
    counts.vehicles = 270;
    counts.rides = 2000;
    counts.histories = 2000;
    counts.promoCodes = 900;
    return counts;
}

struct Run
{
    QString network; // "loopback" or "proxy"
    QString way;     // "pipelined" or "tutorial"
    WorkloadMix mix = WorkloadMix::Writes;
    WorkloadSnapshot snapshot;
    bool checkPassed = false;
    QString checkReport;
};

OpStats writesOf(const WorkloadSnapshot &snapshot)
{
    OpStats writes;
    for (WorkloadOp op : kWorkloadOps) {
        if (isWrite(op))
            writes.merge(snapshot.cumulativeOf(op));
    }
    return writes;
}

double ms(qint64 us)
{
    return double(us) / 1000.0;
}

double opsPerSecond(const OpStats &stats, const WorkloadSnapshot &snapshot)
{
    return snapshot.elapsedSeconds > 0 ? double(stats.ops) / snapshot.elapsedSeconds : 0.0;
}

QJsonObject statsJson(const OpStats &stats, const WorkloadSnapshot &snapshot)
{
    return QJsonObject{
        {QStringLiteral("ops"), stats.ops},
        {QStringLiteral("ops_per_s"), opsPerSecond(stats, snapshot)},
        {QStringLiteral("p50_ms"), ms(stats.latency.quantile(0.50))},
        {QStringLiteral("p99_ms"), ms(stats.latency.quantile(0.99))},
        {QStringLiteral("retries"), stats.retries},
        {QStringLiteral("refused"), stats.refused},
        {QStringLiteral("errors"), stats.errors},
        {QStringLiteral("ambiguous"), stats.ambiguous},
    };
}

QJsonObject runJson(const Run &run)
{
    QJsonObject operations;
    for (WorkloadOp op : kWorkloadOps) {
        const OpStats &stats = run.snapshot.cumulativeOf(op);
        if (stats.ops + stats.refused + stats.errors > 0)
            operations.insert(workloadOpName(op), statsJson(stats, run.snapshot));
    }
    return QJsonObject{
        {QStringLiteral("network"), run.network},
        {QStringLiteral("way"), run.way},
        {QStringLiteral("mix"), workloadMixName(run.mix)},
        {QStringLiteral("seconds"), run.snapshot.elapsedSeconds},
        {QStringLiteral("operations"), operations},
        {QStringLiteral("writes"), statsJson(writesOf(run.snapshot), run.snapshot)},
        {QStringLiteral("total"), statsJson(run.snapshot.cumulativeTotal(), run.snapshot)},
        {QStringLiteral("check_passed"), run.checkPassed},
    };
}

// One row of a side-by-side table: the operation, then each way's figures.
void printRow(const QString &name, const OpStats &a, const WorkloadSnapshot &sa, const OpStats &b,
              const WorkloadSnapshot &sb)
{
    std::printf("| %-17s | %7.1f | %7.1f | %7.1f | %5lld | %5lld | %4lld | %7.1f | %7.1f | %7.1f "
                "| %5lld | %5lld | %4lld |\n",
                qPrintable(name), opsPerSecond(a, sa), ms(a.latency.quantile(0.50)),
                ms(a.latency.quantile(0.99)), static_cast<long long>(a.retries),
                static_cast<long long>(a.refused), static_cast<long long>(a.errors),
                opsPerSecond(b, sb), ms(b.latency.quantile(0.50)), ms(b.latency.quantile(0.99)),
                static_cast<long long>(b.retries), static_cast<long long>(b.refused),
                static_cast<long long>(b.errors));
}

void printTable(const QString &title, const Run &ours, const Run &theirs)
{
    std::printf("\n%s\n\n", qPrintable(title));
    std::printf("| operation         | pipelined ops/s | p50 ms | p99 ms | retries | refused | "
                "errors | tutorial ops/s | p50 ms | p99 ms | retries | refused | errors |\n");
    std::printf("|-------------------|--------:|--------:|--------:|------:|------:|-----:|"
                "--------:|--------:|--------:|------:|------:|-----:|\n");
    for (WorkloadOp op : kWorkloadOps) {
        const OpStats &a = ours.snapshot.cumulativeOf(op);
        const OpStats &b = theirs.snapshot.cumulativeOf(op);
        if (a.ops + a.refused + a.errors + b.ops + b.refused + b.errors == 0)
            continue;
        printRow(workloadOpName(op), a, ours.snapshot, b, theirs.snapshot);
    }
    printRow(QStringLiteral("all writes"), writesOf(ours.snapshot), ours.snapshot,
             writesOf(theirs.snapshot), theirs.snapshot);
    printRow(QStringLiteral("all"), ours.snapshot.cumulativeTotal(), ours.snapshot,
             theirs.snapshot.cumulativeTotal(), theirs.snapshot);
    std::printf("\nCheck after the pipelined run: %s; after the tutorials' run: %s.\n",
                ours.checkPassed ? "passed" : "FAILED", theirs.checkPassed ? "passed" : "FAILED");
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("The MovR workload's writes under contention, pipelined against the "
                       "tutorials' statement-per-round-trip way, on loopback and through a "
                       "delaying proxy."));
    parser.addHelpOption();
    const QCommandLineOption urlOption(
        QStringLiteral("url"),
        QStringLiteral("Use this server (default: a private PostgreSQL, a fresh database with "
                       "generated MovR data for each run)."),
        QStringLiteral("URL"));
    const QCommandLineOption secondsOption(QStringLiteral("seconds"),
                                           QStringLiteral("Length of each run (default 60)."),
                                           QStringLiteral("N"), QStringLiteral("60"));
    const QCommandLineOption delayOption(QStringLiteral("delay-ms"),
                                         QStringLiteral("Proxy delay each way (default 25)."),
                                         QStringLiteral("MS"), QStringLiteral("25"));
    const QCommandLineOption concurrencyOption(QStringLiteral("concurrency"),
                                               QStringLiteral("Sessions (default 8)."),
                                               QStringLiteral("N"), QStringLiteral("8"));
    const QCommandLineOption hotCityOption(QStringLiteral("hot-city"),
                                           QStringLiteral("The hot city (default new york)."),
                                           QStringLiteral("CITY"), QStringLiteral("new york"));
    const QCommandLineOption seedOption(QStringLiteral("seed"),
                                        QStringLiteral("Seed of the mix (default 1)."),
                                        QStringLiteral("N"), QStringLiteral("1"));
    const QCommandLineOption jsonOption(QStringLiteral("json"),
                                        QStringLiteral("Print the figures as one JSON object."));
    parser.addOptions({urlOption, secondsOption, delayOption, concurrencyOption, hotCityOption,
                       seedOption, jsonOption});
    parser.process(app);

    bool ok = false;
    const int seconds = parser.value(secondsOption).toInt(&ok);
    if (!ok || seconds < 1 || seconds > 3600)
        die(QStringLiteral("--seconds must be a number from 1 to 3600"));
    const int delayMs = parser.value(delayOption).toInt(&ok);
    if (!ok || delayMs < 1 || delayMs > 10000)
        die(QStringLiteral("--delay-ms must be a number from 1 to 10000"));
    const int concurrency = parser.value(concurrencyOption).toInt(&ok);
    if (!ok || concurrency < 1 || concurrency > 256)
        die(QStringLiteral("--concurrency must be a number from 1 to 256"));
    const quint64 seed = parser.value(seedOption).toULongLong(&ok);
    if (!ok || seed == 0)
        die(QStringLiteral("--seed must be a whole number above 0"));
    const QString hotCity = parser.value(hotCityOption);
    const bool json = parser.isSet(jsonOption);

    std::optional<ConnectionSettings> given;
    if (parser.isSet(urlOption)) {
        given = need(ConnectionSettings::parse(parser.value(urlOption)), "--url");
        auto setup = need(PgConnection::open(*given), "connect");
        if (!need(Schema::hasMovrTables(*setup), "look for the MovR tables"))
            need(MovrLoader::initialize(*setup, DataGenerator(benchCounts())), "load MovR");
    }
    QString serverName;

    const auto runOnce = [&](const QString &network, WorkloadMix mix, bool tutorial) {
        // Each run on the same data: a fresh database unless --url was given.
        const ConnectionSettings direct =
            given ? *given
                  : TestServer::settings(TestServer::createMovrDatabase(
                        QStringLiteral("bench"), benchCounts(), 1, Schema::Layout::Canonical));
        std::unique_ptr<TcpProxy> proxy;
        ConnectionSettings target = direct;
        if (network == QLatin1String("proxy")) {
            proxy = std::make_unique<TcpProxy>(direct.host().isEmpty() ? QStringLiteral("127.0.0.1")
                                                                       : direct.host(),
                                               direct.port(), std::chrono::milliseconds(delayMs));
            if (const QString error = proxy->start(); !error.isEmpty())
                die(QStringLiteral("proxy: ") + error);
            target = proxy->route(direct);
        }
        WorkloadConfig config;
        config.settings = target;
        config.mix = mix;
        config.concurrency = concurrency;
        config.duration = std::chrono::seconds(seconds);
        config.seed = seed;
        config.hotCity = hotCity;
        config.statementPerRoundTrip = tutorial;
        config.tolerateErrors = true; // count them: zero is a target, not a precondition
        need(WorkloadEngine::validate(config), "configuration");
        need(WorkloadEngine::preflight(config), "preflight");
        if (!json)
            std::fprintf(stderr, "bench_workload: %s mix, %s, %s way, %d s...\n",
                         qPrintable(workloadMixName(mix)), qPrintable(network),
                         tutorial ? "tutorials'" : "pipelined", seconds);
        Run run;
        run.network = network;
        run.way = tutorial ? QStringLiteral("tutorial") : QStringLiteral("pipelined");
        run.mix = mix;
        {
            WorkloadEngine engine(config);
            engine.start();
            engine.wait();
            run.snapshot = engine.tick();
        }
        auto checker = need(PgConnection::open(direct), "connect for the check");
        if (serverName.isEmpty())
            serverName = checker->serverInfo().displayName();
        const auto results = need(WorkloadCheck::run(*checker), "check");
        run.checkPassed = WorkloadCheck::allPassed(results);
        if (!run.checkPassed)
            run.checkReport = WorkloadCheck::format(results);
        return run;
    };

    QList<Run> runs;
    for (const QString &network : {QStringLiteral("loopback"), QStringLiteral("proxy")}) {
        runs << runOnce(network, WorkloadMix::Writes, false);
        runs << runOnce(network, WorkloadMix::Writes, true);
    }
    runs << runOnce(QStringLiteral("proxy"), WorkloadMix::Canonical, false);
    runs << runOnce(QStringLiteral("proxy"), WorkloadMix::Canonical, true);

    // The targets, on the proxied writes runs (runs 2 and 3).
    const double roundTripMs = 2.0 * delayMs;
    const OpStats oursWrites = writesOf(runs.at(2).snapshot);
    const OpStats theirsWrites = writesOf(runs.at(3).snapshot);
    const double p50RoundTrips = ms(oursWrites.latency.quantile(0.50)) / roundTripMs;
    const double p99RoundTrips = ms(oursWrites.latency.quantile(0.99)) / roundTripMs;
    const double oursRate = opsPerSecond(oursWrites, runs.at(2).snapshot);
    const double theirsRate = opsPerSecond(theirsWrites, runs.at(3).snapshot);
    const double speedup = theirsRate > 0 ? oursRate / theirsRate : 0.0;
    qint64 errors = 0;
    bool checksPassed = true;
    for (const Run &run : runs) {
        errors += run.snapshot.cumulativeTotal().errors;
        checksPassed = checksPassed && run.checkPassed;
    }
    const bool p50Met = p50RoundTrips <= 1.2;
    const bool p99Met = p99RoundTrips <= 4.0;
    const bool speedupMet = speedup >= 4.0;
    const bool targetMet = p50Met && p99Met && speedupMet && errors == 0 && checksPassed;

    if (json) {
        QJsonArray runArray;
        for (const Run &run : runs)
            runArray.append(runJson(run));
        const QJsonObject object{
            {QStringLiteral("server"), serverName},
            {QStringLiteral("delay_ms_each_way"), delayMs},
            {QStringLiteral("seconds"), seconds},
            {QStringLiteral("concurrency"), concurrency},
            {QStringLiteral("hot_city"), hotCity},
            {QStringLiteral("runs"), runArray},
            {QStringLiteral("write_p50_round_trips"), p50RoundTrips},
            {QStringLiteral("write_p99_round_trips"), p99RoundTrips},
            {QStringLiteral("write_speedup"), speedup},
            {QStringLiteral("unexpected_errors"), errors},
            {QStringLiteral("checks_passed"), checksPassed},
            {QStringLiteral("target_met"), targetMet},
        };
        std::printf("%s\n", QJsonDocument(object).toJson(QJsonDocument::Compact).constData());
    } else {
        std::printf("MovR workload, %d sessions, hot city %s, %d s per run, on %s\n", concurrency,
                    qPrintable(hotCity), seconds, qPrintable(serverName));
        printTable(QStringLiteral("writes mix, loopback"), runs.at(0), runs.at(1));
        printTable(QStringLiteral("writes mix, proxy %1 ms each way (%2 ms round trip)")
                       .arg(delayMs)
                       .arg(2 * delayMs),
                   runs.at(2), runs.at(3));
        printTable(QStringLiteral("canonical mix, proxy %1 ms each way").arg(delayMs), runs.at(4),
                   runs.at(5));
        for (const Run &run : runs) {
            if (!run.checkPassed)
                std::printf("\nCheck failed after the %s %s run (%s):\n%s\n", qPrintable(run.way),
                            qPrintable(workloadMixName(run.mix)), qPrintable(run.network),
                            qPrintable(run.checkReport));
        }
        std::printf("\nTargets through the proxy (writes mix, all writes):\n");
        std::printf("  p50 %.2f round trips (at most 1.2): %s\n", p50RoundTrips,
                    p50Met ? "met" : "NOT met");
        std::printf("  p99 %.2f round trips (at most 4): %s\n", p99RoundTrips,
                    p99Met ? "met" : "NOT met");
        std::printf("  throughput %.1fx the tutorials' way (at least 4x): %s\n", speedup,
                    speedupMet ? "met" : "NOT met");
        std::printf("  unexpected errors %lld (none): %s\n", static_cast<long long>(errors),
                    errors == 0 ? "met" : "NOT met");
        std::printf("  check after every run: %s\n", checksPassed ? "met" : "NOT met");
    }
    return targetMet ? 0 : 3;
}
