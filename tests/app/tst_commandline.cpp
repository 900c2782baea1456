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

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
