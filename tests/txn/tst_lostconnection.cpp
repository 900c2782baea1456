// Lost connections at every step of the retry protocol, through a fault-injecting proxy:
// never a duplicate, and the outcome the runner reports is the one the table shows.
#include "TcpProxy.h"
#include "TestServer.h"
#include "txn/TransactionRunner.h"

#include <QElapsedTimer>
#include <QTest>
#include <QThread>
#include <QUuid>

#include <atomic>
#include <thread>

using namespace std::chrono;

namespace {

using When = TcpProxy::When;
using State = Outcome::State;

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

const QString insertSql = QStringLiteral("INSERT INTO events (id, note) VALUES ($1::uuid, $2)");
const QString verifySql = QStringLiteral("SELECT 1 FROM events WHERE id = $1::uuid");

TransactionBody pipelinedInsert(const QString &id)
{
    TransactionBody body;
    body.action = QStringLiteral("Insert event");
    body.statements = {{insertSql, {id, QStringLiteral("pipelined")}}};
    body.verify = {verifySql, {id}};
    return body;
}

TransactionBody interactiveInsert(const QString &id)
{
    TransactionBody body;
    body.action = QStringLiteral("Insert event");
    body.verify = {verifySql, {id}};
    body.interactive = [id](TransactionSession &session) -> Status {
        auto before = session.exec(QStringLiteral("SELECT count(*) FROM events"));
        if (!before)
            return before.error();
        auto inserted = session.exec(insertSql, {id, QStringLiteral("interactive")});
        if (!inserted)
            return inserted.error();
        return Ok{};
    };
    return body;
}

TcpProxy::DropRule rule(char type, const char *contains, When when, char thenType = 0)
{
    TcpProxy::DropRule r;
    r.type = type;
    r.contains = contains;
    r.when = when;
    r.thenType = thenType;
    return r;
}

} // namespace

Q_DECLARE_METATYPE(TcpProxy::DropRule)

class TestLostConnection : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void proxyDelaysEachDirection();
    void pipelineIsOneRoundTripPerAttempt();
    void proxyRules();
    void lostConnection_data();
    void lostConnection();
    void cannotReconnectIsUnknown();
    void networkBlackHole_data();
    void backendKilledMidStatement_data();
    void backendKilledMidStatement();
    void networkBlackHole();

private:
    std::unique_ptr<PgConnection> connectThroughProxy();
    qint64 rowsWithId(const QString &id);
    QString m_database;
    std::unique_ptr<PgConnection> m_admin;
    std::unique_ptr<TcpProxy> m_proxy;
};

void TestLostConnection::initTestCase()
{
    m_database = TestServer::createDatabase(QStringLiteral("lost"));
    m_admin = TestServer::connect(m_database);
    // No key on purpose: a blind re-run would show up as a duplicate.
    QVERIFY(m_admin
                ->execScript(QStringLiteral(
                    "CREATE TABLE events (id uuid NOT NULL, note text);"
                    "CREATE TABLE control (retry_failures int NOT NULL);"
                    "INSERT INTO control VALUES (0);"
                    "CREATE SEQUENCE retry_calls;"
                    "CREATE FUNCTION fail_first() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                    "  IF nextval('retry_calls') <= (SELECT retry_failures FROM control) THEN"
                    "    RAISE EXCEPTION 'injected' USING ERRCODE = '40001'; END IF;"
                    "  RETURN NEW; END$$;"
                    "CREATE TRIGGER events_retry BEFORE INSERT ON events FOR EACH ROW "
                    "EXECUTE FUNCTION fail_first();"))
                .hasValue());
    const ConnectionSettings direct = TestServer::settings(m_database);
    m_proxy = std::make_unique<TcpProxy>(direct.host(), direct.port(), milliseconds(0));
    const QString error = m_proxy->start();
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestLostConnection::cleanupTestCase()
{
    m_proxy.reset();
}

std::unique_ptr<PgConnection> TestLostConnection::connectThroughProxy()
{
    auto connection = PgConnection::open(m_proxy->route(TestServer::settings(m_database)));
    if (!connection)
        qFatal("cannot connect through the proxy: %s", qPrintable(connection.error().toString()));
    return std::move(connection).value();
}

qint64 TestLostConnection::rowsWithId(const QString &id)
{
    auto result =
        m_admin->exec(QStringLiteral("SELECT count(*) FROM events WHERE id = $1::uuid"), {id});
    if (!result)
        qFatal("%s", qPrintable(result.error().toString()));
    return result->text(0, 0).toLongLong();
}

void TestLostConnection::proxyDelaysEachDirection()
{
    m_proxy->setDelay(milliseconds(60));
    auto connection = connectThroughProxy();
    QElapsedTimer timer;
    timer.start();
    QVERIFY(connection->exec(QStringLiteral("SELECT 1")).hasValue());
    // A round trip cannot be faster than the delay both ways (a lower bound only).
    QVERIFY2(timer.elapsed() >= 120, qPrintable(QString::number(timer.elapsed())));
    // A pipelined transaction still takes one round trip: about 120 ms, not 3 x 120 ms.
    TransactionRunner runner(connection);
    timer.restart();
    const Outcome outcome = runner.run(pipelinedInsert(newId()));
    QVERIFY(outcome.committed());
    QVERIFY(timer.elapsed() >= 120);
    QCOMPARE(outcome.roundTrips, 1);
    m_proxy->setDelay(milliseconds(0));
}

void TestLostConnection::pipelineIsOneRoundTripPerAttempt()
{
    auto connection = connectThroughProxy();
    TransactionRunner runner(connection);
    runner.setSleeper([](microseconds) {});
    for (int failures : {0, 1, 2}) {
        QVERIFY(m_admin
                    ->execScript(QStringLiteral("ALTER SEQUENCE retry_calls RESTART;"
                                                "UPDATE control SET retry_failures = %1")
                                     .arg(failures))
                    .hasValue());
        m_proxy->resetCounts();
        const QString id = newId();
        const Outcome outcome = runner.run(pipelinedInsert(id));
        QVERIFY(outcome.committed());
        QCOMPARE(outcome.attempts, failures + 1);
        // Each attempt is one pipeline; a ROLLBACK before a backoff sleep is one more.
        const int rollbacks = std::max(0, failures - 1);
        QCOMPARE(outcome.roundTrips, failures + 1 + rollbacks);
        // What went over the wire agrees: one Sync per round trip, no simple queries.
        QCOMPARE(m_proxy->forwarded('S'), outcome.roundTrips);
        QCOMPARE(m_proxy->forwarded('Q'), 0);
        QCOMPARE(m_proxy->forwarded('E'), outcome.trace.size());
        QCOMPARE(rowsWithId(id), 1);
    }
    QVERIFY(
        m_admin->execScript(QStringLiteral("UPDATE control SET retry_failures = 0")).hasValue());
}

void TestLostConnection::proxyRules()
{
    // Before vs after forwarding, on the simple query protocol: the side effect of an
    // autocommitted INSERT tells whether the server got the message.
    const QString before = newId();
    const QString after = newId();
    auto insert = [](const QString &id) {
        return QStringLiteral("INSERT INTO events VALUES ('%1', 'simple')").arg(id);
    };
    {
        auto connection = connectThroughProxy();
        m_proxy->dropOn(rule('Q', before.toLatin1().constData(), When::BeforeForwarding));
        QVERIFY(connection->execScript(QStringLiteral("SELECT 1")).hasValue());
        const Status status = connection->execScript(insert(before));
        QVERIFY(!status.hasValue());
        QCOMPARE(status.error().kind, ErrorClass::Connection);
        QVERIFY(connection->isBroken());
    }
    {
        auto connection = connectThroughProxy();
        m_proxy->dropOn(rule('Q', after.toLatin1().constData(), When::AfterForwarding));
        QVERIFY(!connection->execScript(insert(after)).hasValue());
        QVERIFY(connection->isBroken());
    }
    // The server got the second one and ran it; it never saw the first.
    for (int i = 0; i < 100 && rowsWithId(after) == 0; ++i)
        QThread::msleep(20);
    QCOMPARE(rowsWithId(after), 1);
    QCOMPARE(rowsWithId(before), 0);

    // The N-th occurrence: the third Sync (third extended-protocol round trip).
    {
        auto connection = connectThroughProxy();
        TcpProxy::DropRule third = rule('S', "", When::AfterForwarding);
        third.occurrence = 3;
        m_proxy->dropOn(third);
        QVERIFY(connection->exec(QStringLiteral("SELECT 1")).hasValue());
        QVERIFY(connection->exec(QStringLiteral("SELECT 2")).hasValue());
        QVERIFY(!connection->exec(QStringLiteral("SELECT 3")).hasValue());
        QVERIFY(connection->isBroken());
    }
    // dropAll closes every connection at once.
    auto one = connectThroughProxy();
    auto two = connectThroughProxy();
    QVERIFY(m_proxy->openConnections() >= 2);
    m_proxy->dropAll();
    QVERIFY(!one->exec(QStringLiteral("SELECT 1")).hasValue());
    QVERIFY(!two->exec(QStringLiteral("SELECT 1")).hasValue());
    QVERIFY(connectThroughProxy()->exec(QStringLiteral("SELECT 1")).hasValue());
}

void TestLostConnection::lostConnection_data()
{
    QTest::addColumn<bool>("interactive");
    QTest::addColumn<bool>("cockroach");
    QTest::addColumn<TcpProxy::DropRule>("drop");
    QTest::addColumn<int>("expectedState"); // Outcome::State
    QTest::addColumn<bool>("expectedAmbiguous");
    QTest::addColumn<int>("expectedAttempts");

    const int committed = int(State::Committed);
    const int notCommitted = int(State::NotCommitted);
    const auto beforeBegin = rule('P', "BEGIN", When::BeforeForwarding);
    const auto afterBegin = rule('P', "BEGIN", When::AfterForwarding, 'E');
    const auto afterSavepoint =
        rule('P', "SAVEPOINT cockroach_restart", When::AfterForwarding, 'E');
    const auto midBody = rule('P', "INSERT INTO events", When::AfterForwarding, 'E');
    const auto beforeInsert = rule('P', "INSERT INTO events", When::BeforeForwarding);
    const auto beforeRelease = rule('P', "RELEASE", When::BeforeForwarding);
    const auto afterRelease = rule('P', "RELEASE", When::AfterForwarding, 'E');
    const auto beforeCommit = rule('P', "COMMIT", When::BeforeForwarding);
    const auto afterCommit = rule('P', "COMMIT", When::AfterForwarding, 'E');
    const auto afterCommitSync = rule('P', "COMMIT", When::AfterForwarding, 'S');

    // A pipeline sends everything at once: any loss is ambiguous to the client, which
    // looks the row up and reports what it finds (never re-running the body).
    QTest::newRow("pipelined: before BEGIN")
        << false << false << beforeBegin << notCommitted << true << 1;
    QTest::newRow("pipelined: after BEGIN")
        << false << false << afterBegin << notCommitted << true << 1;
    QTest::newRow("pipelined: mid-body") << false << false << midBody << notCommitted << true << 1;
    QTest::newRow("pipelined: before COMMIT")
        << false << false << beforeCommit << notCommitted << true << 1;
    QTest::newRow("pipelined: right after COMMIT")
        << false << false << afterCommit << committed << true << 1;
    QTest::newRow("pipelined: after COMMIT and Sync")
        << false << false << afterCommitSync << committed << true << 1;
    // Statement by statement: a loss before COMMIT was sent is certainly not a commit:
    // reconnect and run the body again.
    QTest::newRow("interactive: before BEGIN")
        << true << false << beforeBegin << committed << false << 2;
    QTest::newRow("interactive: after BEGIN")
        << true << false << afterBegin << committed << false << 2;
    QTest::newRow("interactive: before INSERT")
        << true << false << beforeInsert << committed << false << 2;
    QTest::newRow("interactive: mid-body") << true << false << midBody << committed << false << 2;
    QTest::newRow("interactive: before COMMIT")
        << true << false << beforeCommit << notCommitted << true << 1;
    QTest::newRow("interactive: right after COMMIT")
        << true << false << afterCommit << committed << true << 1;
    // The CockroachDB sequence (against PostgreSQL, where COMMIT and not RELEASE commits).
    QTest::newRow("cockroach pipelined: after SAVEPOINT")
        << false << true << afterSavepoint << notCommitted << true << 1;
    QTest::newRow("cockroach pipelined: before RELEASE")
        << false << true << beforeRelease << notCommitted << true << 1;
    QTest::newRow("cockroach pipelined: after RELEASE")
        << false << true << afterRelease << notCommitted << true << 1;
    QTest::newRow("cockroach pipelined: right after COMMIT")
        << false << true << afterCommit << committed << true << 1;
    QTest::newRow("cockroach interactive: mid-body")
        << true << true << midBody << committed << false << 2;
    QTest::newRow("cockroach interactive: before RELEASE")
        << true << true << beforeRelease << notCommitted << true << 1;
    QTest::newRow("cockroach interactive: after RELEASE")
        << true << true << afterRelease << notCommitted << true << 1;
    QTest::newRow("cockroach interactive: right after COMMIT")
        << true << true << afterCommit << committed << true << 1;
}

void TestLostConnection::lostConnection()
{
    QFETCH(bool, interactive);
    QFETCH(bool, cockroach);
    QFETCH(TcpProxy::DropRule, drop);
    QFETCH(int, expectedState);
    QFETCH(bool, expectedAmbiguous);
    QFETCH(int, expectedAttempts);

    auto connection = connectThroughProxy();
    const int oldPid = connection->serverInfo().backendPid;
    TransactionRunner runner(connection);
    if (cockroach)
        runner.setProtocolFlavor(ServerFlavor::CockroachDB);
    const int dropsBefore = m_proxy->dropsDone();
    m_proxy->dropOn(drop);
    const QString id = newId();
    const Outcome outcome = runner.run(interactive ? interactiveInsert(id) : pipelinedInsert(id));
    m_proxy->disarm();
    QCOMPARE(m_proxy->dropsDone(), dropsBefore + 1); // the fault did happen

    const qint64 rows = rowsWithId(id);
    QVERIFY2(rows <= 1, "duplicate");
    // The reported outcome is the true one.
    QCOMPARE(outcome.state == State::Committed, rows == 1);
    QVERIFY2(outcome.state != State::Unknown,
             qPrintable(outcome.error ? outcome.error->toString() : QString()));
    QCOMPARE(int(outcome.state), expectedState);
    QCOMPARE(outcome.wasAmbiguous, expectedAmbiguous);
    QCOMPARE(outcome.attempts, expectedAttempts);
    if (outcome.state == State::NotCommitted) {
        QVERIFY(outcome.error);
        QCOMPARE(outcome.error->kind,
                 expectedAmbiguous ? ErrorClass::Ambiguous : ErrorClass::Connection);
    }
    // The runner replaced the lost connection with a working one.
    QVERIFY(connection && !connection->isBroken());
    QVERIFY(connection->serverInfo().backendPid != oldPid);
    if (expectedAmbiguous) {
        // It made sure the old session was gone before looking.
        bool terminated = false;
        for (const TraceEntry &entry : outcome.trace)
            terminated =
                terminated || entry.sql.startsWith(QLatin1String("SELECT pg_terminate_backend"));
        QVERIFY(terminated);
        QCOMPARE(outcome.trace.last().sql, verifySql);
        QCOMPARE(outcome.trace.last().rows, rows);
    }
    if (expectedAttempts == 2) {
        // The retry says why it happened.
        bool cause = false;
        for (const TraceEntry &entry : outcome.trace)
            cause = cause || (entry.attempt == 2 && !entry.retryCause.isEmpty());
        QVERIFY(cause);
    }
    QCOMPARE(PQtransactionStatus(connection->handle()), PQTRANS_IDLE);
    // And the connection works for the next action.
    QVERIFY(runner.run(pipelinedInsert(newId())).committed());
}

void TestLostConnection::cannotReconnectIsUnknown()
{
    auto connection = connectThroughProxy();
    const int oldPid = connection->serverInfo().backendPid;
    TransactionRunner runner(connection);
    runner.setSleeper([](microseconds) {});
    int tries = 0;
    runner.setConnector(
        [&tries](const ConnectionSettings &) -> Result<std::unique_ptr<PgConnection>> {
            ++tries;
            return DbError::make(ErrorClass::Connection, QStringLiteral("network unreachable"));
        });
    m_proxy->dropOn(rule('P', "COMMIT", When::AfterForwarding, 'E'));
    const QString id = newId();
    const Outcome outcome = runner.run(pipelinedInsert(id));
    m_proxy->disarm();
    QCOMPARE(outcome.state, State::Unknown);
    QVERIFY(outcome.wasAmbiguous);
    QVERIFY(tries >= 1);
    QVERIFY(outcome.error);
    QCOMPARE(outcome.error->kind, ErrorClass::Ambiguous);
    QVERIFY2(outcome.error->message.contains(QLatin1String("network unreachable")),
             qPrintable(outcome.error->message));
    QCOMPARE(outcome.howToCheck,
             QStringLiteral("SELECT 1 FROM events WHERE id = '%1'::uuid;").arg(id));
    // The check, run by hand once the old session is gone, answers the question: the
    // COMMIT reached the server, so the row is there.
    for (int i = 0; i < 100; ++i) {
        auto alive =
            m_admin->exec(QStringLiteral("SELECT 1 FROM pg_stat_activity WHERE pid = $1::int"),
                          {QString::number(oldPid)});
        QVERIFY(alive.hasValue());
        if (alive->rowCount() == 0)
            break;
        QThread::msleep(50);
    }
    auto checked = m_admin->exec(outcome.howToCheck.chopped(1));
    QVERIFY(checked.hasValue());
    QCOMPARE(checked->rowCount(), 1);
}

void TestLostConnection::networkBlackHole_data()
{
    QTest::addColumn<bool>("interactive");
    QTest::addColumn<TcpProxy::DropRule>("stall");
    QTest::addColumn<int>("expectedState");
    QTest::addColumn<bool>("expectedAmbiguous");
    QTest::newRow("pipelined: stalls before INSERT")
        << false << rule('P', "INSERT INTO events", When::StallBeforeForwarding)
        << int(State::NotCommitted) << true;
    // Statement by statement, COMMIT was never sent: certainly not committed, and the
    // deadline is spent, so no new attempt.
    QTest::newRow("interactive: stalls before INSERT")
        << true << rule('P', "INSERT INTO events", When::StallBeforeForwarding)
        << int(State::NotCommitted) << false;
    QTest::newRow("interactive: stalls before COMMIT")
        << true << rule('P', "COMMIT", When::StallBeforeForwarding) << int(State::NotCommitted)
        << true;
}

void TestLostConnection::networkBlackHole()
{
    // The network swallows everything without closing: the deadline bounds the wait
    // (cancel request, then the connection is closed) and the outcome is still the truth.
    QFETCH(bool, interactive);
    QFETCH(TcpProxy::DropRule, stall);
    QFETCH(int, expectedState);
    QFETCH(bool, expectedAmbiguous);
    auto connection = connectThroughProxy();
    RetryPolicy policy;
    policy.deadline = milliseconds(1500);
    TransactionRunner runner(connection, policy);
    const int before = m_proxy->dropsDone();
    m_proxy->dropOn(stall);
    const QString id = newId();
    QElapsedTimer timer;
    timer.start();
    const Outcome outcome = runner.run(interactive ? interactiveInsert(id) : pipelinedInsert(id));
    m_proxy->disarm();
    QCOMPARE(m_proxy->dropsDone(), before + 1);
    QVERIFY(timer.elapsed() >= 1500); // it did wait for the deadline (a lower bound only)
    const qint64 rows = rowsWithId(id);
    QCOMPARE(outcome.state == State::Committed, rows == 1);
    QCOMPARE(int(outcome.state), expectedState);
    QCOMPARE(outcome.wasAmbiguous, expectedAmbiguous);
    QVERIFY(outcome.error);
    QVERIFY2(outcome.error->message.contains(QLatin1String("no reply from the server in time")),
             qPrintable(outcome.error->message));
    QCOMPARE(rows, 0);
}

void TestLostConnection::backendKilledMidStatement_data()
{
    QTest::addColumn<bool>("interactive");
    QTest::newRow("pipelined") << false;
    QTest::newRow("interactive") << true;
}

void TestLostConnection::backendKilledMidStatement()
{
    // The server ends the session (57P01) while a body statement runs.
    QFETCH(bool, interactive);
    auto connection = TestServer::connect(m_database);
    const int pid = connection->serverInfo().backendPid;
    const QString id = newId();
    TransactionBody body = pipelinedInsert(id);
    const Statement nap{QStringLiteral("SELECT pg_sleep(0.5)"), {}};
    if (interactive) {
        body.statements.clear();
        body.interactive = [id, nap](TransactionSession &session) -> Status {
            auto inserted = session.exec(insertSql, {id, QStringLiteral("interactive")});
            if (!inserted)
                return inserted.error();
            auto slept = session.exec(nap);
            if (!slept)
                return slept.error();
            return Ok{};
        };
    } else {
        body.statements.append(nap);
    }
    std::atomic<bool> killed{false};
    std::thread killer([&] {
        auto admin = PgConnection::open(TestServer::settings(m_database));
        if (!admin)
            return;
        for (int i = 0; i < 250 && !killed; ++i) {
            auto sleeping = (*admin)->exec(
                QStringLiteral("SELECT 1 FROM pg_stat_activity WHERE pid = $1::int AND "
                               "state = 'active' AND query LIKE 'SELECT pg_sleep%'"),
                {QString::number(pid)});
            if (sleeping && sleeping->rowCount() == 1) {
                killed = (*admin)
                             ->exec(QStringLiteral("SELECT pg_terminate_backend($1::int)"),
                                    {QString::number(pid)})
                             .hasValue();
                break;
            }
            QThread::msleep(20);
        }
    });
    TransactionRunner runner(connection);
    const Outcome outcome = runner.run(body);
    killer.join();
    QVERIFY(killed);
    const qint64 rows = rowsWithId(id);
    QVERIFY(rows <= 1);
    QCOMPARE(outcome.state == State::Committed, rows == 1);
    if (interactive) {
        // COMMIT was never sent: certainly not committed, so the runner ran it again.
        QCOMPARE(outcome.state, State::Committed);
        QCOMPARE(outcome.attempts, 2);
        QVERIFY(!outcome.wasAmbiguous);
    } else {
        // The whole pipeline, COMMIT included, was sent: looked up, not re-run.
        QCOMPARE(outcome.state, State::NotCommitted);
        QVERIFY(outcome.wasAmbiguous);
        QCOMPARE(outcome.attempts, 1);
    }
    QVERIFY(connection->serverInfo().backendPid != pid);
}

QTEST_GUILESS_MAIN(TestLostConnection)
#include "tst_lostconnection.moc"
