#include "TestServer.h"

#include <QElapsedTimer>
#include <QTest>
#include <QThread>

#include <thread>

class TestPgConnection : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { TestServer::server(); }
    void detectsServer();
    void parametersRoundTrip();
    void classifiesErrors_data();
    void classifiesErrors();
    void wrongPasswordIsConnectionError();
    void refusedPortIsConnectionError();
    void cancelFromAnotherThread();
    void brokenConnectionIsDetected();
    void flavorFromVersionText_data();
    void flavorFromVersionText();
    void quoting();
};

void TestPgConnection::detectsServer()
{
    auto connection = TestServer::connect();
    const ServerInfo &info = connection->serverInfo();
    QCOMPARE(info.flavor, ServerFlavor::PostgreSQL);
    QVERIFY(info.versionString.startsWith(QLatin1String("PostgreSQL")));
    QVERIFY(info.version.startsWith(QLatin1String("15.")));
    QCOMPARE(info.database, QStringLiteral("movr"));
    QCOMPARE(info.user, QStringLiteral("movr"));
    QVERIFY(!info.tls);
    QVERIFY(info.backendPid > 0);
    QVERIFY(!info.hasFollowerReads());
}

void TestPgConnection::parametersRoundTrip()
{
    auto connection = TestServer::connect();
    const QString hostile = QStringLiteral("O'Brien \\ \"; DROP TABLE users; -- ünïcödé 🚲");
    auto result = connection->exec(QStringLiteral("SELECT $1::text, $2::text IS NULL, $3::int + 1"),
                                   {hostile, std::nullopt, QStringLiteral("41")});
    QVERIFY(result.hasValue());
    QCOMPARE(result->text(0, 0), hostile);
    QCOMPARE(result->text(0, 1), QStringLiteral("t"));
    QCOMPARE(result->text(0, 2), QStringLiteral("42"));
    QCOMPARE(result->rowCount(), 1);
    QCOMPARE(result->affectedRows(), 1);

    // libpq would cut a value at U+0000 and the rest would vanish without a word: refused.
    auto cut =
        connection->exec(QStringLiteral("SELECT $1::text"),
                         {QStringLiteral("before") + QChar(u'\0') + QStringLiteral("after")});
    QVERIFY(!cut.hasValue());
    QCOMPARE(cut.error().kind, ErrorClass::InvalidInput);
    QVERIFY2(cut.error().message.contains(QLatin1String("NUL")), qPrintable(cut.error().message));
    QVERIFY(connection->exec(QStringLiteral("SELECT 1")).hasValue()); // still usable
}

void TestPgConnection::classifiesErrors_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QString>("sqlState");
    QTest::addColumn<ErrorClass>("kind");
    QTest::newRow("syntax") << "SELEC 1"
                            << "42601" << ErrorClass::Other;
    QTest::newRow("unique") << "INSERT INTO dup VALUES (1)"
                            << "23505" << ErrorClass::Constraint;
    QTest::newRow("check") << "INSERT INTO dup VALUES (-1)"
                           << "23514" << ErrorClass::Constraint;
    QTest::newRow("bad uuid") << "SELECT 'nope'::uuid"
                              << "22P02" << ErrorClass::InvalidInput;
    QTest::newRow("serialization")
        << "DO $$BEGIN RAISE EXCEPTION 'injected' USING ERRCODE = '40001'; END$$"
        << "40001" << ErrorClass::Retryable;
    QTest::newRow("deadlock")
        << "DO $$BEGIN RAISE EXCEPTION 'injected' USING ERRCODE = '40P01'; END$$"
        << "40P01" << ErrorClass::Retryable;
    QTest::newRow("ambiguous")
        << "DO $$BEGIN RAISE EXCEPTION 'injected' USING ERRCODE = '40003'; END$$"
        << "40003" << ErrorClass::Ambiguous;
    QTest::newRow("permission") << "SET ROLE reader; SELECT * FROM dup"
                                << "42501" << ErrorClass::Permission;
}

void TestPgConnection::classifiesErrors()
{
    QFETCH(QString, sql);
    auto connection = TestServer::connect(TestServer::createDatabase(QStringLiteral("errors")));
    QVERIFY(connection
                ->execScript(QStringLiteral("CREATE TABLE dup (k int PRIMARY KEY CHECK (k > 0));"
                                            "INSERT INTO dup VALUES (1);"
                                            "DO $$BEGIN CREATE ROLE reader; EXCEPTION WHEN "
                                            "duplicate_object THEN NULL; END$$;"))
                .hasValue());
    Status status = Ok{};
    if (sql.contains(QLatin1Char(';')))
        status = connection->execScript(sql);
    else if (auto result = connection->exec(sql); !result)
        status = result.error();
    QVERIFY(!status.hasValue());
    QTEST(status.error().sqlState, "sqlState");
    QTEST(status.error().kind, "kind");
    QVERIFY(!status.error().message.isEmpty());
    if (status.error().kind == ErrorClass::Constraint)
        QVERIFY(!status.error().constraint.isEmpty());
}

void TestPgConnection::wrongPasswordIsConnectionError()
{
    ConnectionSettings settings = TestServer::settings();
    settings.setValue(QStringLiteral("password"), QStringLiteral("wrong-Pa55word"));
    auto connection = PgConnection::open(settings);
    QVERIFY(!connection.hasValue());
    QCOMPARE(connection.error().kind, ErrorClass::Connection);
    QCOMPARE(connection.error().connectFailure, ConnectFailure::AuthenticationFailed);
    QVERIFY2(connection.error().detail.contains(QLatin1String("password authentication failed")),
             qPrintable(connection.error().detail));
    QVERIFY(!connection.error().message.contains(QLatin1String("wrong-Pa55word")));
    QVERIFY(!connection.error().detail.contains(QLatin1String("wrong-Pa55word")));
}

void TestPgConnection::refusedPortIsConnectionError()
{
    ConnectionSettings settings = TestServer::settings();
    settings.setValue(QStringLiteral("port"), QStringLiteral("1")); // nothing listens there
    auto connection = PgConnection::open(settings);
    QVERIFY(!connection.hasValue());
    QCOMPARE(connection.error().kind, ErrorClass::Connection);
    QCOMPARE(connection.error().connectFailure, ConnectFailure::Refused);
    QVERIFY2(connection.error().message.contains(QLatin1String("refused")),
             qPrintable(connection.error().message));
}

void TestPgConnection::cancelFromAnotherThread()
{
    auto connection = TestServer::connect();
    const CancelHandle cancel = connection->cancelHandle();
    // Cancel once the sleep runs on the server (a fixed delay could come before it starts).
    auto observer = TestServer::connect();
    QString cancelError = QStringLiteral("not sent");
    std::thread canceller([cancel, &observer, &cancelError] {
        TestServer::waitUntilRunning(*observer, QStringLiteral("SELECT pg_sleep(30)"), 20000);
        cancelError = cancel.cancel();
    });
    QElapsedTimer timer;
    timer.start();
    auto result = connection->exec(QStringLiteral("SELECT pg_sleep(30)"));
    canceller.join();
    QCOMPARE(cancelError, QString());
    QVERIFY(!result.hasValue());
    QCOMPARE(result.error().kind, ErrorClass::Canceled);
    QCOMPARE(result.error().sqlState, QStringLiteral("57014"));
    QVERIFY(timer.elapsed() < 10000);
    // The connection is still usable.
    QVERIFY(connection->exec(QStringLiteral("SELECT 1")).hasValue());
}

void TestPgConnection::brokenConnectionIsDetected()
{
    auto victim = TestServer::connect();
    auto admin = TestServer::connect();
    QVERIFY(admin
                ->exec(QStringLiteral("SELECT pg_terminate_backend($1::int)"),
                       {QString::number(victim->serverInfo().backendPid)})
                .hasValue());
    auto result = victim->exec(QStringLiteral("SELECT 1"));
    QVERIFY(!result.hasValue());
    QCOMPARE(result.error().kind, ErrorClass::Connection);
    QVERIFY(victim->isBroken());
}

void TestPgConnection::flavorFromVersionText_data()
{
    QTest::addColumn<QString>("version");
    QTest::addColumn<ServerFlavor>("flavor");
    QTest::addColumn<QString>("shortVersion");
    QTest::newRow("postgres") << "PostgreSQL 15.18 (Debian 15.18-0+deb12u1) on x86_64-pc-linux-gnu"
                              << ServerFlavor::PostgreSQL << "15.18";
    QTest::newRow("cockroach") << "CockroachDB CCL v23.2.4 (x86_64-pc-linux-gnu, built 2024/04/08 "
                                  "21:48:58, go1.21.9 X:nocoverageredesign)"
                               << ServerFlavor::CockroachDB << "v23.2.4";
    QTest::newRow("cockroach beta") << "CockroachDB OSS v24.1.0-beta.2 (aarch64-unknown-linux-gnu)"
                                    << ServerFlavor::CockroachDB << "v24.1.0-beta.2";
}

void TestPgConnection::flavorFromVersionText()
{
    QFETCH(QString, version);
    QTEST(ServerInfo::flavorFromVersion(version), "flavor");
    QTEST(ServerInfo::shortVersion(version), "shortVersion");
}

void TestPgConnection::quoting()
{
    QCOMPARE(PgConnection::quoteLiteral(QStringLiteral("it's")), QStringLiteral("'it''s'"));
    QCOMPARE(PgConnection::quoteLiteral(QStringLiteral("a\\b")), QStringLiteral("E'a\\\\b'"));
    QCOMPARE(PgConnection::quoteIdentifier(QStringLiteral("we\"ird")),
             QStringLiteral("\"we\"\"ird\""));
    // What the quoting produces, the server reads back as the original text.
    auto connection = TestServer::connect();
    const QString nasty = QStringLiteral("x'\\'; SELECT 1; --\n\tü");
    auto result = connection->exec(QStringLiteral("SELECT ") + PgConnection::quoteLiteral(nasty));
    QVERIFY(result.hasValue());
    QCOMPARE(result->text(0, 0), nasty);
}

QTEST_GUILESS_MAIN(TestPgConnection)
#include "tst_pgconnection.moc"
