#include "TestServer.h"

#include "workload/WorkloadReport.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

// The real movr-admin binary, headless: `workload run` and `workload check` against the test
// server. No display: QT_QPA_PLATFORM names no platform, so a QApplication would abort.
class TestWorkloadCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void badInput_data();
    void badInput();
    void runText();
    void runJsonWithCheck();
    void checkLoadedData();
    void checkFindsBrokenData();
    void interruptStopsWithinASecond();

private:
    struct Finished
    {
        int exitCode = -1;
        QStringList out;
        QStringList err;
    };
    QProcessEnvironment environment() const;
    Finished execute(const QStringList &arguments, int timeoutMs = 60000);
    // Rows of the tables a run writes to: unchanged when nothing was written.
    QString fingerprint();

    QTemporaryDir m_home;
    QString m_database;
    QString m_url;
};

namespace {

const QString Binary = QStringLiteral(MOVR_ADMIN_BINARY);

QStringList lines(const QByteArray &bytes)
{
    return QString::fromUtf8(bytes).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

// A tick line: elapsed, errors, ops/s inst and cum, p50, p95, p99, pMax, retries, refused, op.
const QRegularExpression TickLine(QStringLiteral(
    "^ *\\d+\\.\\ds +\\d+ +\\d+\\.\\d +\\d+\\.\\d +\\d+\\.\\d +\\d+\\.\\d +\\d+\\.\\d +\\d+\\.\\d "
    "+\\d+ +\\d+ [a-zA-Z]+$"));

} // namespace

QProcessEnvironment TestWorkloadCli::environment() const
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("DATABASE_URL"));
    environment.remove(QStringLiteral("DISPLAY"));
    environment.remove(QStringLiteral("WAYLAND_DISPLAY"));
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("no-display-here"));
    environment.insert(QStringLiteral("LANGUAGE"), QStringLiteral("en"));
    environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"),
                       m_home.filePath(QStringLiteral("config")));
    environment.insert(QStringLiteral("HOME"), m_home.path());
    return environment;
}

TestWorkloadCli::Finished TestWorkloadCli::execute(const QStringList &arguments, int timeoutMs)
{
    QProcess process;
    process.setProcessEnvironment(environment());
    process.start(Binary, arguments);
    Finished finished;
    if (!process.waitForStarted(10000) || !process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(5000);
        return finished;
    }
    finished.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    finished.out = lines(process.readAllStandardOutput());
    finished.err = lines(process.readAllStandardError());
    return finished;
}

QString TestWorkloadCli::fingerprint()
{
    auto connection = TestServer::connect(m_database);
    auto counts = connection->exec(QStringLiteral(
        "SELECT (SELECT count(*) FROM users) || '/' || (SELECT count(*) FROM vehicles) || '/' || "
        "(SELECT count(*) FROM rides) || '/' || (SELECT count(*) FROM vehicle_location_histories)"
        " || '/' || (SELECT count(*) FROM promo_codes) || '/' || "
        "(SELECT count(*) FROM user_promo_codes) || '/' || "
        "(SELECT count(*) FROM rides WHERE end_time IS NULL)"));
    if (!counts)
        return counts.error().toString();
    return counts->text(0, 0);
}

void TestWorkloadCli::initTestCase()
{
    QVERIFY(m_home.isValid());
    MovrCounts counts;
    counts.users = 90;
    counts.vehicles = 90;
    counts.rides = 300;
    m_database = TestServer::createMovrDatabase(QStringLiteral("cli"), counts);
    m_url = TestServer::settings(m_database).toUrl(ConnectionSettings::Password::Include);
}

void TestWorkloadCli::badInput_data()
{
    QTest::addColumn<QStringList>("flags");
    QTest::addColumn<QString>("url"); // empty: the test database
    QTest::addColumn<QString>("fragment");
    const auto row = [](const char *name, QStringList flags, const char *fragment,
                        QString url = {}) {
        QTest::newRow(name) << flags << url << QString::fromLatin1(fragment);
    };
    row("rate 0", {QStringLiteral("--max-rate"), QStringLiteral("0")}, "--max-rate");
    row("negative rate", {QStringLiteral("--max-rate=-1")}, "--max-rate");
    row("concurrency 0", {QStringLiteral("--concurrency"), QStringLiteral("0")}, "--concurrency");
    row("unknown mix", {QStringLiteral("--mix"), QStringLiteral("reads")}, "--mix");
    row("unknown city", {QStringLiteral("--hot-city"), QStringLiteral("atlantis")}, "--hot-city");
    row("bad duration", {QStringLiteral("--duration"), QStringLiteral("soon")}, "--duration");
    row("more sessions than the server allows",
        {QStringLiteral("--concurrency"), QStringLiteral("5000")}, "");
    row("a URL that does not connect", {}, "",
        QStringLiteral("postgresql://nobody@127.0.0.1:1/movr?connect_timeout=5"));
}

void TestWorkloadCli::badInput()
{
    QFETCH(QStringList, flags);
    QFETCH(QString, url);
    QFETCH(QString, fragment);
    const QString before = fingerprint();
    // A short run if the flags were accepted (a --duration among the flags comes later and
    // wins).
    const Finished run =
        execute(QStringList{QStringLiteral("workload"), QStringLiteral("run"),
                            url.isEmpty() ? m_url : url, QStringLiteral("--duration=2s")} +
                flags);
    QVERIFY(run.exitCode > 0);
    QCOMPARE(run.err.size(), 1); // one clear line
    QVERIFY2(run.err.first().startsWith(QStringLiteral("movr-admin: ")),
             qPrintable(run.err.first()));
    QVERIFY2(run.err.first().contains(fragment), qPrintable(run.err.first()));
    QVERIFY2(run.out.isEmpty(), qPrintable(run.out.join(QLatin1Char('\n'))));
    QCOMPARE(fingerprint(), before); // nothing written
}

void TestWorkloadCli::runText()
{
    const Finished run =
        execute({QStringLiteral("workload"), QStringLiteral("run"), m_url, QStringLiteral("--mix"),
                 QStringLiteral("steady"), QStringLiteral("--concurrency"), QStringLiteral("2"),
                 QStringLiteral("--duration"), QStringLiteral("2500ms"), QStringLiteral("--seed"),
                 QStringLiteral("5"), QStringLiteral("--max-rate"), QStringLiteral("200")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err.join(QLatin1Char('\n'))));
    const qsizetype summary = run.out.indexOf(
        QRegularExpression(QStringLiteral("_elapsed___errors_____ops\\(total\\).*__total")));
    QVERIFY2(summary > 0, qPrintable(run.out.join(QLatin1Char('\n'))));
    // Before the summary: headers and tick lines only, at least two ticks' worth.
    int ticks = 0;
    QSet<QString> elapsed;
    for (qsizetype i = 0; i < summary; ++i) {
        const QString &line = run.out.at(i);
        if (line == WorkloadReport::intervalHeader())
            continue;
        QVERIFY2(TickLine.match(line).hasMatch(), qPrintable(line));
        ++ticks;
        elapsed.insert(line.trimmed().section(QLatin1Char(' '), 0, 0));
    }
    QVERIFY(run.out.first() == WorkloadReport::intervalHeader());
    QVERIFY2(elapsed.size() >= 2, qPrintable(run.out.join(QLatin1Char('\n'))));
    QVERIFY(ticks >= 2);
    // The summary's last table is every operation together.
    const qsizetype result = run.out.indexOf(QRegularExpression(QStringLiteral(".*__result")));
    QVERIFY(result > summary);
    QVERIFY(run.out.at(result + 1).endsWith(QStringLiteral("  all")));
    // The seed is reported on stderr.
    QVERIFY2(run.err.join(QLatin1Char('\n')).contains(QStringLiteral("seed 5")),
             qPrintable(run.err.join(QLatin1Char('\n'))));
}

void TestWorkloadCli::runJsonWithCheck()
{
    const Finished run =
        execute({QStringLiteral("workload"), QStringLiteral("run"), m_url, QStringLiteral("--json"),
                 QStringLiteral("--max-ops"), QStringLiteral("60"), QStringLiteral("--concurrency"),
                 QStringLiteral("3"), QStringLiteral("--mix"), QStringLiteral("writes"),
                 QStringLiteral("--check")});
    QVERIFY2(run.exitCode == 0, qPrintable((run.out + run.err).join(QLatin1Char('\n'))));
    QMap<QString, int> types;
    qint64 writes = 0;
    for (const QString &line : run.out) {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(line.toUtf8(), &error);
        QVERIFY2(error.error == QJsonParseError::NoError && document.isObject(), qPrintable(line));
        const QJsonObject object = document.object();
        const QString type = object.value(QStringLiteral("type")).toString();
        QVERIFY2(!type.isEmpty(), qPrintable(line));
        ++types[type];
        const QString op = object.value(QStringLiteral("op")).toString();
        if (type == QLatin1String("summary") && op != QLatin1String("all") &&
            op != QLatin1String("readVehicles") && op != QLatin1String("updateActiveRides"))
            writes += object.value(QStringLiteral("ops")).toInteger() +
                      object.value(QStringLiteral("refused")).toInteger() +
                      object.value(QStringLiteral("errors")).toInteger();
        if (type == QLatin1String("check"))
            QVERIFY2(object.value(QStringLiteral("passed")).toBool(), qPrintable(line));
        if (type == QLatin1String("tick"))
            QVERIFY(object.contains(QStringLiteral("p99Ms")));
    }
    QCOMPARE(types.value(QStringLiteral("start")), 1);
    QVERIFY(types.value(QStringLiteral("summary")) >= 2);
    QVERIFY(types.value(QStringLiteral("check")) >= 1);
    // --max-ops counts calls; in the writes mix each call is one weighted write (after the
    // location update of the session's rides), refused or not.
    QCOMPARE(writes, 60);
}

void TestWorkloadCli::checkLoadedData()
{
    const Finished text = execute({QStringLiteral("workload"), QStringLiteral("check"), m_url});
    QVERIFY2(text.exitCode == 0, qPrintable((text.out + text.err).join(QLatin1Char('\n'))));
    QVERIFY(!text.out.isEmpty());
    const Finished json = execute(
        {QStringLiteral("workload"), QStringLiteral("check"), m_url, QStringLiteral("--json")});
    QCOMPARE(json.exitCode, 0);
    QVERIFY(!json.out.isEmpty());
    for (const QString &line : json.out) {
        const QJsonObject object = QJsonDocument::fromJson(line.toUtf8()).object();
        QCOMPARE(object.value(QStringLiteral("type")).toString(), QStringLiteral("check"));
        QVERIFY2(object.value(QStringLiteral("passed")).toBool(), qPrintable(line));
    }
}

void TestWorkloadCli::checkFindsBrokenData()
{
    // A ride that ends before it starts: the check fails, and says so with a non-zero exit.
    const QString database = TestServer::createMovrDatabase(QStringLiteral("clibroken"), {});
    {
        auto connection = TestServer::connect(database);
        auto broken = connection->exec(QStringLiteral(
            "UPDATE rides SET end_time = start_time - interval '1 hour' WHERE id = "
            "(SELECT id FROM rides WHERE end_time IS NOT NULL ORDER BY id LIMIT 1)"));
        QVERIFY2(broken.hasValue(), qPrintable(broken ? QString() : broken.error().toString()));
    }
    const QString url = TestServer::settings(database).toUrl(ConnectionSettings::Password::Include);
    const Finished check = execute(
        {QStringLiteral("workload"), QStringLiteral("check"), url, QStringLiteral("--json")});
    QCOMPARE(check.exitCode, 1);
    bool failed = false;
    for (const QString &line : check.out) {
        const QJsonObject object = QJsonDocument::fromJson(line.toUtf8()).object();
        failed = failed || !object.value(QStringLiteral("passed")).toBool(true);
    }
    QVERIFY2(failed, qPrintable(check.out.join(QLatin1Char('\n'))));
}

void TestWorkloadCli::interruptStopsWithinASecond()
{
    QProcess process;
    process.setProcessEnvironment(environment());
    process.start(Binary, {QStringLiteral("workload"), QStringLiteral("run"), m_url,
                           QStringLiteral("--concurrency"), QStringLiteral("4"),
                           QStringLiteral("--mix"), QStringLiteral("steady")});
    QVERIFY(process.waitForStarted(10000));
    // Running: the first tick line is out.
    QByteArray out;
    QDeadlineTimer deadline(30000);
    while (!out.contains("startRide") && !out.contains("readVehicles") && !deadline.hasExpired() &&
           process.state() == QProcess::Running) {
        process.waitForReadyRead(500);
        out += process.readAllStandardOutput();
    }
    QVERIFY2(process.state() == QProcess::Running, process.readAllStandardError().constData());
    QVERIFY(!deadline.hasExpired());

    QElapsedTimer stopping;
    stopping.start();
    ::kill(pid_t(process.processId()), SIGINT);
    QVERIFY(process.waitForFinished(10000));
    // The sessions end within one second; the process also prints its summary and exits.
    QVERIFY2(stopping.elapsed() < 1500, qPrintable(QString::number(stopping.elapsed())));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 0);
    out += process.readAllStandardOutput();
    QVERIFY(out.contains("__result"));

    // No session of the run is left on the server, in a transaction or not.
    auto observer = TestServer::connect(m_database);
    const auto sessions = [&] {
        auto count = observer->exec(
            QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE datname = $1 AND "
                           "pid <> pg_backend_pid()"),
            {m_database});
        return count ? count->text(0, 0) : count.error().toString();
    };
    QTRY_COMPARE_WITH_TIMEOUT(sessions(), QStringLiteral("0"), 5000);
}

QTEST_GUILESS_MAIN(TestWorkloadCli)
#include "tst_workloadcli.moc"
