#include "WorkloadCli.h"
#include "StopSignals.h"

#include "pg/PgConnection.h"
#include "workload/WorkloadCheck.h"
#include "workload/WorkloadEngine.h"
#include "workload/WorkloadReport.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <csignal>
#include <cstdio>

namespace {

void printLine(const QString &line)
{
    std::fprintf(stdout, "%s\n", line.toLocal8Bit().constData());
}

void printJson(const QJsonObject &object)
{
    std::fprintf(stdout, "%s\n", QJsonDocument(object).toJson(QJsonDocument::Compact).constData());
}

void printError(const QString &message)
{
    std::fprintf(stderr, "movr-admin: %s\n", message.simplified().toLocal8Bit().constData());
    std::fflush(stderr);
}

// The tick output: a header every 20 lines, as cockroach workload run prints it.
class TickPrinter
{
public:
    explicit TickPrinter(bool json) : m_json(json) {}

    void print(const WorkloadSnapshot &snapshot)
    {
        if (m_json) {
            for (const QJsonObject &object : WorkloadReport::intervalJson(snapshot))
                printJson(object);
            for (const QString &error : snapshot.newErrors)
                printJson(QJsonObject{{QStringLiteral("type"), QStringLiteral("error")},
                                      {QStringLiteral("elapsed"), snapshot.elapsedSeconds},
                                      {QStringLiteral("message"), error}});
        } else {
            const QStringList lines = WorkloadReport::intervalLines(snapshot);
            if (!lines.isEmpty() && (m_linesSinceHeader == 0 || m_linesSinceHeader >= 20)) {
                printLine(WorkloadReport::intervalHeader());
                m_linesSinceHeader = 0;
            }
            for (const QString &line : lines)
                printLine(line);
            m_linesSinceHeader += int(lines.size());
            for (const QString &error : snapshot.newErrors)
                printError(error);
        }
        std::fflush(stdout);
    }

private:
    bool m_json = false;
    int m_linesSinceHeader = 0;
};

// The invariants on a connection of their own; the exit code.
int runCheck(const ConnectionSettings &settings, bool json)
{
    auto connection = PgConnection::open(settings);
    if (!connection) {
        printError(WorkloadCli::tr("Cannot connect to %1: %2")
                       .arg(settings.displayName(), connection.error().toString()));
        return WorkloadCli::BadInput;
    }
    const auto results = WorkloadCheck::run(**connection);
    if (!results) {
        printError(WorkloadCli::tr("The check could not run: %1").arg(results.error().toString()));
        return WorkloadCli::Failed;
    }
    if (json) {
        for (const QJsonObject &object : WorkloadReport::checkJson(*results))
            printJson(object);
    } else {
        std::fputs(WorkloadCheck::format(*results).toLocal8Bit().constData(), stdout);
        if (!WorkloadCheck::format(*results).endsWith(QLatin1Char('\n')))
            std::fputc('\n', stdout);
    }
    std::fflush(stdout);
    return WorkloadCheck::allPassed(*results) ? WorkloadCli::Success : WorkloadCli::Failed;
}

} // namespace

int WorkloadCli::run(const CommandLineOptions &options)
{
    const WorkloadConfig &config = options.workload;
    const bool json = options.workloadJson;
    if (const Status valid = WorkloadEngine::validate(config); !valid) {
        printError(valid.error().message);
        return BadInput;
    }
    // Before anything is written: the server, its MovR tables, its connection limit, the city.
    if (const Status ready = WorkloadEngine::preflight(config); !ready) {
        printError(ready.error().message);
        return BadInput;
    }
    StopSignals signals({SIGINT, SIGTERM});
    if (!signals.installed()) {
        printError(tr("Cannot install the signal handlers."));
        return Failed;
    }

    WorkloadEngine engine(config);
    engine.start();
    if (json) {
        printJson(QJsonObject{
            {QStringLiteral("type"), QStringLiteral("start")},
            {QStringLiteral("server"), config.settings.displayName()},
            {QStringLiteral("mix"), workloadMixName(config.mix)},
            {QStringLiteral("concurrency"), config.concurrency},
            {QStringLiteral("maxRate"), config.maxRate},
            {QStringLiteral("seed"), QString::number(engine.seed())},
        });
    } else {
        printError(tr("Running the %1 mix with %n session(s) on %2 (seed %3); Ctrl+C stops.",
                      nullptr, config.concurrency)
                       .arg(workloadMixName(config.mix), config.settings.displayName(),
                            QString::number(engine.seed())));
    }
    std::fflush(stdout);

    TickPrinter printer(json);
    QElapsedTimer clock;
    clock.start();
    qint64 nextTick = 1000;
    bool stopping = false;
    for (;;) {
        const WorkloadEngine::State state = engine.state();
        if (state == WorkloadEngine::State::Finished || state == WorkloadEngine::State::Failed)
            break;
        // Wake for the next tick, a signal, or (every 100 ms) to see whether the run ended.
        const qint64 untilTick = nextTick - clock.elapsed();
        if (signals.wait(int(std::clamp<qint64>(untilTick, 0, 100))) && !stopping) {
            engine.requestStop();
            stopping = true;
        }
        if (clock.elapsed() >= nextTick) {
            printer.print(engine.tick());
            nextTick = std::max(nextTick + 1000, clock.elapsed() + 500);
        }
    }
    engine.wait();
    const WorkloadSnapshot last = engine.tick();
    printer.print(last);
    if (json) {
        for (const QJsonObject &object : WorkloadReport::summaryJson(last))
            printJson(object);
    } else {
        for (const QString &line : WorkloadReport::summaryLines(last))
            printLine(line);
    }
    std::fflush(stdout);

    int status = Success;
    if (const auto fatal = engine.fatalError()) {
        printError(tr("The run stopped on an unexpected error: %1").arg(*fatal));
        status = Failed;
    } else if (const qint64 errors = last.cumulativeTotal().errors; errors > 0) {
        printError(tr("The run had %n unexpected error(s).", nullptr, int(errors)));
        status = Failed;
    }
    if (options.workloadCheck) {
        const int checked = runCheck(config.settings, json);
        if (checked != Success)
            status = Failed;
    }
    return status;
}

int WorkloadCli::check(const CommandLineOptions &options)
{
    return runCheck(options.settings, options.workloadJson);
}
