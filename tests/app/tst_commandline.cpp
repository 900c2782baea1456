#include "CommandLine.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

// What each command line means, and the one-line errors (the binary's exit codes and
// stderr are covered by tests/demo/tst_demolifecycle).
class TestCommandLine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void modes_data();
    void modes();
    void countsAndSeed();
    void errors_data();
    void errors();
    void certsDirectory();
    void durations_data();
    void durations();
    void workloadRun();
    void workloadCheck();
    void workloadHelp();
    void workloadErrors_data();
    void workloadErrors();
    void withLoad();
};

using Mode = CommandLineOptions::Mode;

static Result<CommandLineOptions, QString> parse(QStringList arguments, const QString &env = {})
{
    arguments.prepend(QStringLiteral("movr-admin"));
    return CommandLine::parse(arguments, env);
}

void TestCommandLine::modes_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("databaseUrl");
    QTest::addColumn<Mode>("mode");
    QTest::addColumn<QString>("host"); // for Connect / InitMovr

    const QString url = QStringLiteral("postgresql://root@db.example:26257/movr?sslmode=disable");
    QTest::newRow("nothing: demo") << QStringList{} << QString() << Mode::Demo << QString();
    QTest::newRow("--demo") << QStringList{QStringLiteral("--demo")} << QString() << Mode::Demo
                            << QString();
    QTest::newRow("--demo wins over DATABASE_URL")
        << QStringList{QStringLiteral("--demo")} << url << Mode::Demo << QString();
    QTest::newRow("positional URL")
        << QStringList{url} << QString() << Mode::Connect << QStringLiteral("db.example");
    QTest::newRow("--url") << QStringList{QStringLiteral("--url"), url} << QString()
                           << Mode::Connect << QStringLiteral("db.example");
    QTest::newRow("DATABASE_URL") << QStringList{} << url << Mode::Connect
                                  << QStringLiteral("db.example");
    QTest::newRow("argument wins over DATABASE_URL")
        << QStringList{QStringLiteral("postgresql://u@other.example/movr")} << url << Mode::Connect
        << QStringLiteral("other.example");
    QTest::newRow("cockroachdb scheme")
        << QStringList{QStringLiteral("cockroachdb://root@crdb.example:26257/movr")} << QString()
        << Mode::Connect << QStringLiteral("crdb.example");
    QTest::newRow("--init-movr") << QStringList{QStringLiteral("--init-movr"), url} << QString()
                                 << Mode::InitMovr << QStringLiteral("db.example");
    QTest::newRow("--help") << QStringList{QStringLiteral("--help")} << QString() << Mode::Help
                            << QString();
    QTest::newRow("--version") << QStringList{QStringLiteral("--version")} << QString()
                               << Mode::Version << QString();
}

void TestCommandLine::modes()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, databaseUrl);
    QFETCH(Mode, mode);
    QFETCH(QString, host);
    auto parsed = parse(arguments, databaseUrl);
    QVERIFY2(parsed.hasValue(), qPrintable(parsed ? QString() : parsed.error()));
    QCOMPARE(parsed->mode, mode);
    if (mode == Mode::Connect || mode == Mode::InitMovr)
        QCOMPARE(parsed->settings.host(), host);
    if (mode == Mode::Help)
        QVERIFY(parsed->text.contains(QStringLiteral("--num-rides")));
    if (mode == Mode::Help)
        QVERIFY(!parsed->text.contains(QStringLiteral("quit-when-ready"))); // hidden
    if (mode == Mode::Version)
        QVERIFY(parsed->text.contains(QStringLiteral(MOVR_VERSION)));
}

void TestCommandLine::countsAndSeed()
{
    auto defaults = parse({});
    QVERIFY(defaults.hasValue());
    QCOMPARE(defaults->demo.counts.users, 50);
    QCOMPARE(defaults->demo.counts.vehicles, 15);
    QCOMPARE(defaults->demo.counts.rides, 500);
    QCOMPARE(defaults->demo.counts.histories, 1000);
    QCOMPARE(defaults->demo.counts.promoCodes, 1000);
    QCOMPARE(defaults->demo.seed, 1u);
    QVERIFY(!defaults->quitWhenReady);
    QVERIFY(!defaults->demo.secure); // the quick start stays the plain, fast demo

    // --demo-secure: certificate authentication; it implies the demo.
    auto secure = parse({QStringLiteral("--demo-secure")});
    QVERIFY2(secure.hasValue(), qPrintable(secure ? QString() : secure.error()));
    QCOMPARE(secure->mode, Mode::Demo);
    QVERIFY(secure->demo.secure);

    QTemporaryDir dir;
    // As root the server's account must be able to reach the directory.
    QFile::setPermissions(dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                          QFileDevice::ExeOwner | QFileDevice::ExeOther);
    auto parsed =
        parse({QStringLiteral("--demo-dir"), dir.filePath(QStringLiteral("d")),
               QStringLiteral("--num-users"), QStringLiteral("9"), QStringLiteral("--num-vehicles"),
               QStringLiteral("10"), QStringLiteral("--num-rides"), QStringLiteral("1000000"),
               QStringLiteral("--num-histories"), QStringLiteral("12"),
               QStringLiteral("--num-promo-codes"), QStringLiteral("13"), QStringLiteral("--seed"),
               QStringLiteral("42"), QStringLiteral("--quit-when-ready")});
    QVERIFY2(parsed.hasValue(), qPrintable(parsed ? QString() : parsed.error()));
    QCOMPARE(parsed->mode, Mode::Demo); // --demo-dir implies the demo
    QCOMPARE(parsed->demo.counts.users, 9);
    QCOMPARE(parsed->demo.counts.vehicles, 10);
    QCOMPARE(parsed->demo.counts.rides, 1000000);
    QCOMPARE(parsed->demo.counts.histories, 12);
    QCOMPARE(parsed->demo.counts.promoCodes, 13);
    QCOMPARE(parsed->demo.seed, 42u);
    QCOMPARE(parsed->demo.directory, dir.filePath(QStringLiteral("d")));
    QVERIFY(parsed->quitWhenReady);

    auto drop =
        parse({QStringLiteral("--init-movr"), QStringLiteral("postgresql://u@h/db"),
               QStringLiteral("--drop"), QStringLiteral("--num-rides"), QStringLiteral("20")});
    QVERIFY(drop.hasValue());
    QVERIFY(drop->drop);
    QVERIFY(!drop->multiRegion);
    QCOMPARE(drop->demo.counts.rides, 20);

    auto multiRegion = parse({QStringLiteral("--init-movr"), QStringLiteral("postgresql://u@h/db"),
                              QStringLiteral("--multi-region")});
    QVERIFY(multiRegion.hasValue());
    QCOMPARE(multiRegion->mode, Mode::InitMovr);
    QVERIFY(multiRegion->multiRegion);
}

void TestCommandLine::errors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("fragment");
    QTest::newRow("below 9") << QStringList{QStringLiteral("--num-vehicles"), QStringLiteral("8")}
                             << QStringLiteral("--num-vehicles must be at least 9");
    QTest::newRow("negative") << QStringList{QStringLiteral("--num-users"), QStringLiteral("-9")}
                              << QStringLiteral("at least 9");
    QTest::newRow("not a number") << QStringList{QStringLiteral("--num-promo-codes"),
                                                 QStringLiteral("1e3")}
                                  << QStringLiteral("whole number");
    QTest::newRow("missing value")
        << QStringList{QStringLiteral("--num-rides")} << QStringLiteral("num-rides");
    QTest::newRow("unknown flag") << QStringList{QStringLiteral("--colour")}
                                  << QStringLiteral("colour");
    QTest::newRow("two URLs") << QStringList{QStringLiteral("postgresql://a@h/db"),
                                             QStringLiteral("postgresql://b@h/db")}
                              << QStringLiteral("Too many arguments");
    QTest::newRow("URL and --url")
        << QStringList{QStringLiteral("postgresql://a@h/db"), QStringLiteral("--url"),
                       QStringLiteral("postgresql://b@h/db")}
        << QStringLiteral("not both");
    QTest::newRow("--demo and a URL")
        << QStringList{QStringLiteral("--demo"), QStringLiteral("postgresql://a@h/db")}
        << QStringLiteral("--demo cannot be combined");
    QTest::newRow("--init-movr and --demo")
        << QStringList{QStringLiteral("--init-movr"), QStringLiteral("postgresql://a@h/db"),
                       QStringLiteral("--demo")}
        << QStringLiteral("--init-movr cannot be combined");
    QTest::newRow("--demo-secure and a URL")
        << QStringList{QStringLiteral("--demo-secure"), QStringLiteral("postgresql://a@h/db")}
        << QStringLiteral("--demo cannot be combined");
    QTest::newRow("--init-movr and --demo-secure")
        << QStringList{QStringLiteral("--init-movr"), QStringLiteral("postgresql://a@h/db"),
                       QStringLiteral("--demo-secure")}
        << QStringLiteral("--demo-secure");
    QTest::newRow("--drop alone") << QStringList{QStringLiteral("--drop")}
                                  << QStringLiteral("--drop");
    QTest::newRow("--multi-region without --init-movr")
        << QStringList{QStringLiteral("--multi-region"), QStringLiteral("postgresql://a@h/db")}
        << QStringLiteral("--multi-region is only meaningful with --init-movr");
    QTest::newRow("malformed URL")
        << QStringList{QStringLiteral("postgresql://u@h:99999999/db")} << QStringLiteral("port");
    QTest::newRow("--certs-dir without URL")
        << QStringList{QStringLiteral("--certs-dir"), QStringLiteral("/tmp")}
        << QStringLiteral("--certs-dir needs a URL");
    QTest::newRow("password never echoed")
        << QStringList{QStringLiteral("--url"), QStringLiteral("postgresql://u:s3cr3t@h:x/db")}
        << QString();
}

void TestCommandLine::errors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, fragment);
    auto parsed = parse(arguments);
    QVERIFY(!parsed.hasValue());
    QVERIFY(!parsed.error().contains(QLatin1Char('\n')));
    QVERIFY2(parsed.error().contains(fragment), qPrintable(parsed.error()));
    QVERIFY(!parsed.error().contains(QStringLiteral("s3cr3t")));
}

void TestCommandLine::certsDirectory()
{
    QTemporaryDir certs;
    QFile ca(certs.filePath(QStringLiteral("ca.crt")));
    QVERIFY(ca.open(QIODevice::WriteOnly));
    ca.close();
    auto parsed = parse({QStringLiteral("postgresql://root@crdb.example:26257/movr"),
                         QStringLiteral("--certs-dir"), certs.path()});
    QVERIFY2(parsed.hasValue(), qPrintable(parsed ? QString() : parsed.error()));
    QCOMPARE(parsed->settings.value(QStringLiteral("sslrootcert")),
             certs.path() + QStringLiteral("/ca.crt"));
    QCOMPARE(parsed->settings.sslMode(), QStringLiteral("verify-full"));
}

void TestCommandLine::durations_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("milliseconds"); // -1: does not parse
    QTest::newRow("seconds") << QStringLiteral("30s") << qint64(30000);
    QTest::newRow("minutes") << QStringLiteral("2m") << qint64(120000);
    QTest::newRow("hours and minutes") << QStringLiteral("1h30m") << qint64(5400000);
    QTest::newRow("all units") << QStringLiteral("1h2m3s4ms") << qint64(3723004);
    QTest::newRow("milliseconds") << QStringLiteral("250ms") << qint64(250);
    QTest::newRow("fraction") << QStringLiteral("1.5s") << qint64(1500);
    QTest::newRow("zero") << QStringLiteral("0") << qint64(0);
    QTest::newRow("zero seconds") << QStringLiteral("0s") << qint64(0);
    QTest::newRow("no unit") << QStringLiteral("30") << qint64(-1);
    QTest::newRow("empty") << QString() << qint64(-1);
    QTest::newRow("unknown unit") << QStringLiteral("3d") << qint64(-1);
    QTest::newRow("negative") << QStringLiteral("-5s") << qint64(-1);
    QTest::newRow("spaces") << QStringLiteral("1m 30s") << qint64(-1);
    QTest::newRow("trailing text") << QStringLiteral("30sx") << qint64(-1);
    QTest::newRow("unit first") << QStringLiteral("s30") << qint64(-1);
    QTest::newRow("above a year") << QStringLiteral("9000h") << qint64(-1);
}

void TestCommandLine::durations()
{
    QFETCH(QString, text);
    QFETCH(qint64, milliseconds);
    const auto parsed = CommandLine::parseDuration(text);
    if (milliseconds < 0) {
        QVERIFY2(!parsed, qPrintable(text));
    } else {
        QVERIFY2(parsed.has_value(), qPrintable(text));
        QCOMPARE(qint64(parsed->count()), milliseconds);
    }
}

void TestCommandLine::workloadRun()
{
    const QString url = QStringLiteral("postgresql://root@db.example:26257/movr?sslmode=disable");
    auto defaults = parse({QStringLiteral("workload"), QStringLiteral("run"), url});
    QVERIFY2(defaults.hasValue(), qPrintable(defaults ? QString() : defaults.error()));
    QCOMPARE(defaults->mode, Mode::WorkloadRun);
    QCOMPARE(defaults->workload.settings.host(), QStringLiteral("db.example"));
    QCOMPARE(defaults->settings.host(), QStringLiteral("db.example"));
    const WorkloadConfig plain;
    QCOMPARE(defaults->workload.mix, WorkloadMix::Canonical);
    QCOMPARE(defaults->workload.concurrency, plain.concurrency);
    QCOMPARE(defaults->workload.maxRate, 0.0);
    QCOMPARE(defaults->workload.duration.count(), 0);
    QCOMPARE(defaults->workload.maxOps, 0);
    QCOMPARE(defaults->workload.seed, 0u);
    QVERIFY(defaults->workload.hotCity.isEmpty());
    QVERIFY(!defaults->workload.tolerateErrors);
    QVERIFY(!defaults->workloadJson);
    QVERIFY(!defaults->workloadCheck);

    auto all = parse({QStringLiteral("workload"),
                      QStringLiteral("run"),
                      url,
                      QStringLiteral("--mix"),
                      QStringLiteral("writes"),
                      QStringLiteral("--concurrency"),
                      QStringLiteral("8"),
                      QStringLiteral("--max-rate"),
                      QStringLiteral("12.5"),
                      QStringLiteral("--duration"),
                      QStringLiteral("1h30m"),
                      QStringLiteral("--max-ops"),
                      QStringLiteral("1000"),
                      QStringLiteral("--ramp"),
                      QStringLiteral("10s"),
                      QStringLiteral("--seed"),
                      QStringLiteral("77"),
                      QStringLiteral("--hot-city"),
                      QStringLiteral("new york"),
                      QStringLiteral("--hot-fraction"),
                      QStringLiteral("0.5"),
                      QStringLiteral("--tolerate-errors"),
                      QStringLiteral("--json"),
                      QStringLiteral("--check")});
    QVERIFY2(all.hasValue(), qPrintable(all ? QString() : all.error()));
    QCOMPARE(all->mode, Mode::WorkloadRun);
    QCOMPARE(all->workload.mix, WorkloadMix::Writes);
    QCOMPARE(all->workload.concurrency, 8);
    QCOMPARE(all->workload.maxRate, 12.5);
    QCOMPARE(all->workload.duration.count(), 5400000);
    QCOMPARE(all->workload.maxOps, 1000);
    QCOMPARE(all->workload.ramp.count(), 10000);
    QCOMPARE(all->workload.seed, 77u);
    QCOMPARE(all->workload.hotCity, QStringLiteral("new york"));
    QCOMPARE(all->workload.hotFraction, 0.5);
    QVERIFY(all->workload.tolerateErrors);
    QVERIFY(all->workloadJson);
    QVERIFY(all->workloadCheck);

    // Flags before the URL, --flag=value, the steady mix, DATABASE_URL for the URL.
    auto env = parse({QStringLiteral("workload"), QStringLiteral("run"),
                      QStringLiteral("--mix=steady"), QStringLiteral("--concurrency=1")},
                     url);
    QVERIFY2(env.hasValue(), qPrintable(env ? QString() : env.error()));
    QCOMPARE(env->workload.mix, WorkloadMix::Steady);
    QCOMPARE(env->workload.concurrency, 1);
    QCOMPARE(env->workload.settings.host(), QStringLiteral("db.example"));
}

void TestCommandLine::workloadCheck()
{
    auto check = parse({QStringLiteral("workload"), QStringLiteral("check"),
                        QStringLiteral("postgresql://u@h.example/movr"), QStringLiteral("--json")});
    QVERIFY2(check.hasValue(), qPrintable(check ? QString() : check.error()));
    QCOMPARE(check->mode, Mode::WorkloadCheck);
    QCOMPARE(check->settings.host(), QStringLiteral("h.example"));
    QVERIFY(check->workloadJson);
}

void TestCommandLine::workloadHelp()
{
    auto help = parse({QStringLiteral("workload"), QStringLiteral("--help")});
    QVERIFY(help.hasValue());
    QCOMPARE(help->mode, Mode::Help);
    for (const char *flag :
         {"--mix", "--concurrency", "--max-rate", "--duration", "--max-ops", "--ramp", "--seed",
          "--hot-city", "--hot-fraction", "--tolerate-errors", "--json", "--check"})
        QVERIFY2(help->text.contains(QLatin1String(flag)), flag);
    QVERIFY(help->text.contains(QStringLiteral("movr-admin workload")));
    // The main help names the workload commands and --with-load.
    auto main = parse({QStringLiteral("--help")});
    QVERIFY(main->text.contains(QStringLiteral("workload run")));
    QVERIFY(main->text.contains(QStringLiteral("--with-load")));
}

void TestCommandLine::workloadErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("fragment");
    const QString url = QStringLiteral("postgresql://u@h/db");
    const QString run = QStringLiteral("run");
    const auto row = [&](const char *name, QStringList flags, const char *fragment) {
        QTest::newRow(name) << (QStringList{QStringLiteral("workload"), run, url} + flags)
                            << QString::fromLatin1(fragment);
    };
    row("rate 0", {QStringLiteral("--max-rate"), QStringLiteral("0")}, "--max-rate must be");
    row("negative rate", {QStringLiteral("--max-rate=-5")}, "above 0");
    row("rate not a number", {QStringLiteral("--max-rate"), QStringLiteral("fast")},
        "--max-rate must be");
    row("infinite rate", {QStringLiteral("--max-rate"), QStringLiteral("inf")},
        "--max-rate must be");
    row("concurrency 0", {QStringLiteral("--concurrency"), QStringLiteral("0")},
        "--concurrency must be");
    row("concurrency not whole", {QStringLiteral("--concurrency"), QStringLiteral("2.5")},
        "--concurrency must be");
    row("unknown mix", {QStringLiteral("--mix"), QStringLiteral("reads")},
        "--mix must be one of canonical, steady, writes");
    row("unknown city", {QStringLiteral("--hot-city"), QStringLiteral("atlantis")},
        "--hot-city must be one of the MovR cities");
    row("bad duration", {QStringLiteral("--duration"), QStringLiteral("ten minutes")},
        "--duration must be a duration");
    row("duration without unit", {QStringLiteral("--duration"), QStringLiteral("30")},
        "--duration must be a duration");
    row("bad ramp", {QStringLiteral("--ramp"), QStringLiteral("5x")}, "--ramp must be");
    row("max-ops 0", {QStringLiteral("--max-ops"), QStringLiteral("0")}, "--max-ops must be");
    row("hot fraction above 1",
        {QStringLiteral("--hot-city"), QStringLiteral("rome"), QStringLiteral("--hot-fraction"),
         QStringLiteral("1.5")},
        "--hot-fraction must be");
    row("hot fraction without city", {QStringLiteral("--hot-fraction"), QStringLiteral("0.5")},
        "--hot-fraction needs --hot-city");
    row("bad seed", {QStringLiteral("--seed"), QStringLiteral("-1")}, "--seed must be");
    row("unknown flag", {QStringLiteral("--colour")}, "colour");
    row("two URLs", {QStringLiteral("postgresql://v@h/db")}, "Too many arguments");
    QTest::newRow("no command") << QStringList{QStringLiteral("workload")}
                                << QStringLiteral("needs a command");
    QTest::newRow("unknown command")
        << QStringList{QStringLiteral("workload"), QStringLiteral("walk"), url}
        << QStringLiteral("Unknown workload command");
    QTest::newRow("no URL") << QStringList{QStringLiteral("workload"), run}
                            << QStringLiteral("needs a URL");
    QTest::newRow("malformed URL") << QStringList{QStringLiteral("workload"), run,
                                                  QStringLiteral("postgresql://u@h:99999999/db")}
                                   << QStringLiteral("port");
    QTest::newRow("run flag with check")
        << QStringList{QStringLiteral("workload"), QStringLiteral("check"), url,
                       QStringLiteral("--concurrency"), QStringLiteral("4")}
        << QStringLiteral("--concurrency is only meaningful with workload run");
    QTest::newRow("password never echoed")
        << QStringList{QStringLiteral("workload"), run,
                       QStringLiteral("postgresql://u:s3cr3t@h:x/db")}
        << QString();
}

void TestCommandLine::workloadErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, fragment);
    auto parsed = parse(arguments);
    QVERIFY(!parsed.hasValue());
    QVERIFY(!parsed.error().contains(QLatin1Char('\n')));
    QVERIFY2(parsed.error().contains(fragment), qPrintable(parsed.error()));
    QVERIFY(!parsed.error().contains(QStringLiteral("s3cr3t")));
}

void TestCommandLine::withLoad()
{
    auto none = parse({QStringLiteral("--demo")});
    QVERIFY(none.hasValue());
    QVERIFY(!none->withLoadRate);

    auto bare = parse({QStringLiteral("--demo"), QStringLiteral("--with-load")});
    QVERIFY2(bare.hasValue(), qPrintable(bare ? QString() : bare.error()));
    QCOMPARE(bare->mode, Mode::Demo);
    QCOMPARE(bare->withLoadRate, std::optional<double>(25.0));

    // A bare --with-load does not swallow the next argument.
    auto first = parse({QStringLiteral("--with-load"), QStringLiteral("--demo")});
    QVERIFY2(first.hasValue(), qPrintable(first ? QString() : first.error()));
    QCOMPARE(first->withLoadRate, std::optional<double>(25.0));

    auto rate = parse({QStringLiteral("--demo"), QStringLiteral("--with-load=60")});
    QVERIFY2(rate.hasValue(), qPrintable(rate ? QString() : rate.error()));
    QCOMPARE(rate->withLoadRate, std::optional<double>(60.0));

    for (const QString &bad : {QStringLiteral("--with-load=0"), QStringLiteral("--with-load=-3"),
                               QStringLiteral("--with-load=lots")}) {
        auto parsed = parse({QStringLiteral("--demo"), bad});
        QVERIFY2(!parsed.hasValue(), qPrintable(bad));
        QVERIFY2(parsed.error().contains(QStringLiteral("--with-load must be")),
                 qPrintable(parsed.error()));
    }
    for (const QStringList &alone :
         {QStringList{QStringLiteral("--with-load")},
          QStringList{QStringLiteral("postgresql://u@h/db"), QStringLiteral("--with-load")}}) {
        auto parsed = parse(alone);
        QVERIFY(!parsed.hasValue());
        QVERIFY2(parsed.error().contains(QStringLiteral("only meaningful with --demo")),
                 qPrintable(parsed.error()));
    }
}

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
