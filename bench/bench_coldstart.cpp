// Demo cold start: from launching `movr-admin --demo --quit-when-ready` (offscreen) to the
// main window showing data (MainWindow::dataShown), default counts. Side by side, measured
// in the same run: the floor underneath it (a private PostgreSQL started and stopped
// in-process: initdb + postmaster) and launching the executable alone (--version).
//
//   bench_coldstart [--runs N] [--binary PATH] [--json]

#include "BenchSupport.h"
#include "demo/LocalServer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>

#include <algorithm>
#include <cstdio>

namespace {

using bench::die;

struct Stats
{
    double median = 0, min = 0, max = 0;
};

Stats stats(QList<double> values)
{
    std::sort(values.begin(), values.end());
    Stats s;
    if (values.isEmpty())
        return s;
    s.min = values.first();
    s.max = values.last();
    const qsizetype n = values.size();
    s.median = n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    return s;
}

QJsonObject toJson(const Stats &s)
{
    return {{QStringLiteral("median_ms"), s.median},
            {QStringLiteral("min_ms"), s.min},
            {QStringLiteral("max_ms"), s.max}};
}

struct ColdStart
{
    double launchToDataMs = 0; // measured here: start() to the stderr line
    double reportedMs = 0;     // measured by the app: process start to dataShown
    double launchToExitMs = 0; // including stopping the server and removing its files
};

ColdStart runOnce(const QString &binary)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    environment.remove(QStringLiteral("DATABASE_URL"));
    process.setProcessEnvironment(environment);
    static const QRegularExpression shown(
        QStringLiteral("movr-admin: data shown (\\d+) ms after process start"));
    QElapsedTimer timer;
    timer.start();
    process.start(binary, {QStringLiteral("--demo"), QStringLiteral("--quit-when-ready")});
    if (!process.waitForStarted(10000))
        die(QStringLiteral("cannot start %1: %2").arg(binary, process.errorString()));
    ColdStart result;
    QByteArray err;
    QDeadlineTimer deadline(120000);
    while (!deadline.hasExpired()) {
        process.waitForReadyRead(5);
        err += process.readAllStandardError();
        const auto match = shown.match(QString::fromLocal8Bit(err));
        if (match.hasMatch()) {
            result.launchToDataMs = timer.nsecsElapsed() / 1e6;
            result.reportedMs = match.captured(1).toDouble();
            break;
        }
        if (process.state() == QProcess::NotRunning)
            die(QStringLiteral("movr-admin exited before showing data: %1")
                    .arg(QString::fromLocal8Bit(err).trimmed()));
    }
    if (result.launchToDataMs == 0)
        die(QStringLiteral("no data shown within 120 s"));
    if (!process.waitForFinished(60000))
        die(QStringLiteral("movr-admin did not exit after --quit-when-ready"));
    result.launchToExitMs = timer.nsecsElapsed() / 1e6;
    if (process.exitCode() != 0)
        die(QStringLiteral("movr-admin exited with %1").arg(process.exitCode()));
    return result;
}

double launchVersion(const QString &binary)
{
    QProcess process;
    QElapsedTimer timer;
    timer.start();
    process.start(binary, {QStringLiteral("--version")});
    if (!process.waitForFinished(30000) || process.exitCode() != 0)
        die(QStringLiteral("movr-admin --version failed"));
    return timer.nsecsElapsed() / 1e6;
}

double serverFloor()
{
    QElapsedTimer timer;
    timer.start();
    LocalServer server;
    if (auto started = server.start(); !started)
        die(started.error().toString());
    const double ms = timer.nsecsElapsed() / 1e6;
    server.stop();
    return ms;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Demo cold start: launch to data shown, median/min/max over runs"));
    parser.addHelpOption();
    const QCommandLineOption runsOption(QStringLiteral("runs"),
                                        QStringLiteral("Runs of each (default 5)."),
                                        QStringLiteral("N"), QStringLiteral("5"));
    const QCommandLineOption binaryOption(
        QStringLiteral("binary"),
        QStringLiteral("The movr-admin executable (default: the one "
                       "built next to this benchmark)."),
        QStringLiteral("PATH"));
    const QCommandLineOption jsonOption(QStringLiteral("json"),
                                        QStringLiteral("Print the figures as one JSON object."));
    parser.addOptions({runsOption, binaryOption, jsonOption});
    parser.process(app);

    bool ok = false;
    const int runs = parser.value(runsOption).toInt(&ok);
    if (!ok || runs < 1 || runs > 100)
        die(QStringLiteral("--runs must be between 1 and 100"));
    QString binary = parser.value(binaryOption);
    if (binary.isEmpty())
        binary = QDir(QCoreApplication::applicationDirPath())
                     .filePath(QStringLiteral("../src/app/movr-admin"));
    if (!QFileInfo(binary).isExecutable())
        die(QStringLiteral("%1 is not an executable (use --binary)").arg(binary));
    binary = QFileInfo(binary).canonicalFilePath();

    QList<double> launchToData, reported, launchToExit, version, floor;
    for (int run = 0; run < runs; ++run) {
        version << launchVersion(binary);
        floor << serverFloor();
        const ColdStart cold = runOnce(binary);
        launchToData << cold.launchToDataMs;
        reported << cold.reportedMs;
        launchToExit << cold.launchToExitMs;
    }
    const Stats data = stats(launchToData), self = stats(reported), exit = stats(launchToExit),
                versionStats = stats(version), floorStats = stats(floor);
    const bool met = data.median < 3000;
    if (parser.isSet(jsonOption)) {
        const QJsonObject json{
            {QStringLiteral("runs"), runs},
            {QStringLiteral("launch_to_data_shown"), toJson(data)},
            {QStringLiteral("app_reported_process_start_to_data_shown"), toJson(self)},
            {QStringLiteral("launch_to_exit"), toJson(exit)},
            {QStringLiteral("reference_server_start_in_process"), toJson(floorStats)},
            {QStringLiteral("reference_launch_version"), toJson(versionStats)},
            {QStringLiteral("target_ms"), 3000},
            {QStringLiteral("target_met"), met},
        };
        std::printf("%s\n", QJsonDocument(json).toJson(QJsonDocument::Compact).constData());
        return 0;
    }
    std::printf("Demo cold start, %d runs each (default counts: 50 users, 15 vehicles, 500 rides, "
                "1000 histories, 1000 promo codes)\n\n",
                runs);
    std::printf("| measurement | median ms | min ms | max ms |\n|---|---:|---:|---:|\n");
    auto row = [](const char *name, const Stats &s) {
        std::printf("| %s | %.0f | %.0f | %.0f |\n", name, s.median, s.min, s.max);
    };
    row("movr-admin --demo: launch to data shown", data);
    row("  same, as the app reports it (process start to dataShown)", self);
    row("  launch to exit (incl. server stop, files removed)", exit);
    row("reference: private PostgreSQL start (initdb + postmaster), in-process", floorStats);
    row("reference: movr-admin --version (process launch)", versionStats);
    std::printf("\ntarget: launch to data shown under 3000 ms (median): %s\n",
                met ? "met" : "NOT met");
    return 0;
}
