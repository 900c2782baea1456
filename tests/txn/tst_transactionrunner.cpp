#include "TestServer.h"
#include "txn/RestartStrategy.h"
#include "txn/TransactionRunner.h"
#include "txn/TxnStatements.h"

#include <QDeadlineTimer>
#include <QTest>
#include <QUuid>

#include <atomic>
#include <latch>
#include <thread>

using namespace std::chrono;

namespace {

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QStringList sqlOf(const QList<TraceEntry> &trace)
{
    QStringList sql;
    for (const TraceEntry &entry : trace)
        sql << entry.sql;
    return sql;
}

const QString insertSql = QStringLiteral("INSERT INTO rides (id, note) VALUES ($1::uuid, $2)");
const QString crdbBegin = QStringLiteral("BEGIN TRANSACTION ISOLATION LEVEL SERIALIZABLE");

TransactionBody insertBody(const QString &id, const QString &note = QStringLiteral("ride"))
{
    TransactionBody body;
    body.action = QStringLiteral("Insert ride");
    body.statements = {{insertSql, {id, note}}};
    body.verify = {QStringLiteral("SELECT 1 FROM rides WHERE id = $1::uuid"), {id}};
    return body;
}

// Reads before it writes: inserts only when the row is not there yet.
TransactionBody interactiveInsertBody(const QString &id)
{
    TransactionBody body = insertBody(id);
    body.statements.clear();
    body.interactive = [id](TransactionSession &session) -> Status {
        auto found =
            session.exec(QStringLiteral("SELECT count(*) FROM rides WHERE id = $1::uuid"), {id});
        if (!found)
            return found.error();
        if (found->text(0, 0) != u"0")
            return DbError::make(ErrorClass::InvalidInput, QStringLiteral("already there"));
        auto inserted = session.exec(insertSql, {id, QStringLiteral("interactive")});
        if (!inserted)
            return inserted.error();
        return Ok{};
    };
    return body;
}

QStringList sqlOf(const QList<TxnStatement> &statements)
{
    QStringList sql;
    for (const TxnStatement &statement : statements)
        sql << statement.sql;
    return sql;
}

// What a CockroachDB session answers while inject_retry_errors_enabled is on, by its source
// (pkg/sql/conn_executor_exec.go dispatchToExecutionEngine; txn_state.go resetForNewSQLTxn):
// a statement other than SET/SHOW that succeeded in an open explicit transaction is answered
// with 40001 "... injected by `inject_retry_errors_enabled` session variable" while the
// transaction's injection count is below 3; BEGIN starts a new SQL transaction (count 0);
// ROLLBACK TO SAVEPOINT cockroach_restart keeps the transaction (and its count); RELEASE
// SAVEPOINT cockroach_restart commits. In one pipeline, the statements after an error are
// not executed. The server does not retry by itself while the variable is on
// (conn_executor.go makeErrEvent), so every injected error reaches the client.
class CockroachInjectingSession
{
public:
    enum class State { NoTxn, Open, Aborted, CommitWait };

    // One pipeline up to its Sync: the SQLSTATE of each statement ("" = ok).
    QStringList pipeline(const QStringList &statements)
    {
        QStringList answers;
        bool failed = false;
        for (const QString &sql : statements) {
            sent << sql;
            answers << (failed ? QStringLiteral("skipped") : execute(sql));
            failed = failed || !answers.last().isEmpty();
        }
        return answers;
    }

    QStringList sent;
    State state = State::NoTxn;
    int injected = 0; // in the current SQL transaction
    int commits = 0;

private:
    QString execute(const QString &sql)
    {
        if (sql.startsWith(QLatin1String("BEGIN"))) {
            if (state != State::NoTxn)
                return QStringLiteral("25001");
            state = State::Open;
            injected = 0; // resetForNewSQLTxn
            return {};
        }
        if (sql == u"ROLLBACK") {
            state = State::NoTxn;
            return {};
        }
        if (sql == u"ROLLBACK TO SAVEPOINT cockroach_restart") {
            if (state != State::Open && state != State::Aborted)
                return QStringLiteral("3B001");
            state = State::Open;
            return {};
        }
        if (state == State::Aborted)
            return QStringLiteral("25P02");
        if (sql == u"SAVEPOINT cockroach_restart")
            return state == State::Open ? QString() : QStringLiteral("25P01");
        if (sql == u"RELEASE SAVEPOINT cockroach_restart") {
            if (state != State::Open)
                return QStringLiteral("3B001");
            state = State::CommitWait;
            ++commits;
            return {};
        }
        if (sql == u"COMMIT") {
            if (state == State::Open)
                ++commits;
            state = State::NoTxn;
            return {};
        }
        if (state != State::Open)
            return QStringLiteral("25P01");
        if (injected < RestartStrategy::cockroachInjectedErrors) {
            ++injected;
            state = State::Aborted;
            return QStringLiteral("40001");
        }
        return {};
    }
};

struct Driven
{
    int attempts = 0;
    bool committed = false;
};

// Runs `body` against the session the way TransactionRunner does, asking RestartStrategy
// after each failed attempt. Interactive: one pipeline per statement (the first carries the
// start statements), then one for the commit. Pipelined: everything in one pipeline.
Driven drive(CockroachInjectingSession &server, const QStringList &body, bool interactive,
             bool serverInjects, int policyMaxAttempts)
{
    const ServerFlavor flavor = ServerFlavor::CockroachDB;
    const int cap = RestartStrategy::attemptCap(policyMaxAttempts, flavor, serverInjects);
    TxnStart start = TxnStart::Fresh;
    for (int attempt = 1; attempt <= cap; ++attempt) {
        QStringList pending = sqlOf(TxnStatements::start(flavor, start));
        const QStringList commit = sqlOf(TxnStatements::commit(flavor));
        bool failed = false;
        auto run = [&](const QStringList &statements) {
            for (const QString &answer : server.pipeline(statements))
                failed = failed || !answer.isEmpty();
        };
        if (interactive) {
            for (const QString &statement : body) {
                run(pending + QStringList{statement});
                pending.clear();
                if (failed)
                    break;
            }
            if (!failed)
                run(commit);
        } else {
            run(pending + body + commit);
        }
        if (!failed)
            return {attempt, true};
        const RestartStrategy::Decision next = RestartStrategy::afterFailure(
            {flavor, attempt, server.state != CockroachInjectingSession::State::NoTxn,
             serverInjects});
        if (next.rollbackAndSleep && server.state != CockroachInjectingSession::State::NoTxn)
            server.pipeline({QStringLiteral("ROLLBACK")});
        start = next.start;
    }
    return {cap, false};
}

} // namespace

class TestTransactionRunner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void pipelinedBodyIsOneRoundTrip();
    void interactiveBody();
    void injectedRetryErrors_data();
    void injectedRetryErrors();
    void attemptsExhausted_data();
    void attemptsExhausted();
    void constraintErrorIsNotRetried();
    void nulInAParameterIsRefused();
    void checkFailureIsNotCommitted();
    void qaInjectionOnPostgres_data();
    void qaInjectionOnPostgres();
    void cockroachStatementSequence_data();
    void cockroachStatementSequence();
    void cockroachInjectionStatement();
    void isolationIsPinned_data();
    void isolationIsPinned();
    void cockroachInjectionAnswers_data();
    void cockroachInjectionAnswers();
    void serverInjectionRestartsFromSavepoint_data();
    void serverInjectionRestartsFromSavepoint();
    void qaInjectionAtCommitOnPostgres_data();
    void qaInjectionAtCommitOnPostgres();
    void plannedStatements();
    void backoffSchedule();
    void deadlineStopsRetrying();
    void ambiguousCommit40003_data();
    void ambiguousCommit40003();
    void realSerializationConflicts();
    void realDeadlock();
    void cancelStopsRetrying();
    void cancelInterruptsAStatement();
    void reconnectsWhenConnectionIsBroken();
    void connectsLazily();

private:
    void exec(const QString &sql);
    qint64 count(const QString &sql, const SqlParams &params = {});
    void setFailures(int retryFailures, int ambiguousFailures = 0);
    QString m_database;
    std::unique_ptr<PgConnection> m_admin;
};

void TestTransactionRunner::initTestCase()
{
    m_database = TestServer::createDatabase(QStringLiteral("runner"));
    m_admin = TestServer::connect(m_database);
    QVERIFY(m_admin
                ->execScript(QStringLiteral(R"SQL(
CREATE TABLE control (retry_failures int NOT NULL, ambiguous_failures int NOT NULL,
                      retry_state text NOT NULL DEFAULT '40001');
INSERT INTO control VALUES (0, 0);
CREATE SEQUENCE retry_calls;
CREATE SEQUENCE commit_calls;
CREATE TABLE rides (id uuid PRIMARY KEY, note text);
CREATE TABLE accounts (id int PRIMARY KEY, balance int NOT NULL CHECK (balance >= 0));
-- Raises 40001 on the first N inserts (a sequence counts them: it survives rollbacks).
CREATE FUNCTION fail_first() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF nextval('retry_calls') <= (SELECT retry_failures FROM control) THEN
        RAISE EXCEPTION 'injected retryable failure'
            USING ERRCODE = (SELECT retry_state FROM control);
    END IF;
    RETURN NEW;
END$$;
CREATE TRIGGER rides_retry BEFORE INSERT ON rides FOR EACH ROW EXECUTE FUNCTION fail_first();
-- Raises 40003 at COMMIT (deferred) on the first N commits.
CREATE FUNCTION fail_commit() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF nextval('commit_calls') <= (SELECT ambiguous_failures FROM control) THEN
        RAISE EXCEPTION 'injected ambiguous result' USING ERRCODE = '40003';
    END IF;
    RETURN NULL;
END$$;
CREATE CONSTRAINT TRIGGER rides_commit AFTER INSERT ON rides
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION fail_commit();
)SQL"))
                .hasValue());
}

void TestTransactionRunner::init()
{
    setFailures(0, 0);
    exec(QStringLiteral("TRUNCATE rides"));
    exec(QStringLiteral("DELETE FROM accounts"));
}

void TestTransactionRunner::exec(const QString &sql)
{
    const Status status = m_admin->execScript(sql);
    QVERIFY2(status.hasValue(), qPrintable(status ? QString() : status.error().toString()));
}

qint64 TestTransactionRunner::count(const QString &sql, const SqlParams &params)
{
    auto result = m_admin->exec(sql, params);
    if (!result)
        qFatal("%s", qPrintable(result.error().toString()));
    return result->text(0, 0).toLongLong();
}

void TestTransactionRunner::setFailures(int retryFailures, int ambiguousFailures)
{
    exec(QStringLiteral("ALTER SEQUENCE retry_calls RESTART; ALTER SEQUENCE commit_calls RESTART;"
                        "UPDATE control SET retry_failures = %1, ambiguous_failures = %2, "
                        "retry_state = '40001'")
             .arg(retryFailures)
             .arg(ambiguousFailures));
}

void TestTransactionRunner::pipelinedBodyIsOneRoundTrip()
{
    auto connection = TestServer::connect(m_database);
    TransactionRunner runner(connection);
    const QString a = newId();
    const QString b = newId();
    TransactionBody body = insertBody(a);
    body.statements.append({insertSql, {b, QStringLiteral("second")}});
    body.statements.append({QStringLiteral("SELECT note FROM rides WHERE id = $1::uuid"), {a}});
    const Outcome outcome = runner.run(body);
    QVERIFY(outcome.committed());
    QCOMPARE(outcome.attempts, 1);
    QCOMPARE(outcome.roundTrips, 1);
    QVERIFY(!outcome.wasAmbiguous);
    QCOMPARE(outcome.results.size(), 3);
    QCOMPARE(outcome.results.at(2).text(0, 0), QStringLiteral("ride"));
    QCOMPARE(sqlOf(outcome.trace),
             QStringList({QStringLiteral("BEGIN ISOLATION LEVEL SERIALIZABLE"), insertSql,
                          insertSql, QStringLiteral("SELECT note FROM rides WHERE id = $1::uuid"),
                          QStringLiteral("COMMIT")}));
    QCOMPARE(outcome.trace.at(1).params, SqlParams({a, QStringLiteral("ride")}));
    QCOMPARE(outcome.trace.at(1).rows, 1);
    QCOMPARE(outcome.trace.at(3).rows, 1);
    quint64 actionId = outcome.trace.first().actionId;
    QVERIFY(actionId > 0);
    for (const TraceEntry &entry : outcome.trace) {
        QCOMPARE(entry.actionId, actionId);
        QCOMPARE(entry.attempt, 1);
        QCOMPARE(entry.action, QStringLiteral("Insert ride"));
        QVERIFY(!entry.failed());
    }
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM rides")), 2);
    QCOMPARE(PQtransactionStatus(connection->handle()), PQTRANS_IDLE);
    // The next action gets a new id.
    const Outcome next = runner.run(insertBody(newId()));
    QVERIFY(next.committed());
    QVERIFY(next.trace.first().actionId != actionId);
}

void TestTransactionRunner::interactiveBody()
{
    auto connection = TestServer::connect(m_database);
    TransactionRunner runner(connection);
    const QString id = newId();
    const Outcome outcome = runner.run(interactiveInsertBody(id));
    QVERIFY2(outcome.committed(),
             qPrintable(outcome.error ? outcome.error->toString() : QString()));
    QCOMPARE(outcome.attempts, 1);
    // BEGIN travels with the first statement; RELEASE/COMMIT is one more.
    QCOMPARE(outcome.roundTrips, 3);
    QCOMPARE(outcome.results.size(), 2);
    QCOMPARE(sqlOf(outcome.trace),
             QStringList({QStringLiteral("BEGIN ISOLATION LEVEL SERIALIZABLE"),
                          QStringLiteral("SELECT count(*) FROM rides WHERE id = $1::uuid"),
                          insertSql, QStringLiteral("COMMIT")}));
    // The same body again: its own precondition fails, nothing written, rolled back.
    const Outcome again = runner.run(interactiveInsertBody(id));
    QCOMPARE(again.state, Outcome::State::NotCommitted);
    QVERIFY(again.error);
    QCOMPARE(again.error->message, QStringLiteral("already there"));
    QCOMPARE(again.trace.last().sql, QStringLiteral("ROLLBACK"));
    QCOMPARE(again.attempts, 1);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM rides")), 1);
    QCOMPARE(PQtransactionStatus(connection->handle()), PQTRANS_IDLE);
}

void TestTransactionRunner::injectedRetryErrors_data()
{
    QTest::addColumn<bool>("interactive");
    QTest::addColumn<int>("failures");
    QTest::addColumn<QString>("sqlState");
    for (int failures : {0, 1, 3}) {
        QTest::addRow("pipelined, %d failures", failures) << false << failures << "40001";
        QTest::addRow("interactive, %d failures", failures) << true << failures << "40001";
    }
    QTest::addRow("pipelined, 2 deadlocks") << false << 2 << "40P01";
    QTest::addRow("interactive, 2 deadlocks") << true << 2 << "40P01";
}

void TestTransactionRunner::injectedRetryErrors()
{
    QFETCH(bool, interactive);
    QFETCH(int, failures);
    QFETCH(QString, sqlState);
    setFailures(failures);
    exec(QStringLiteral("UPDATE control SET retry_state = '%1'").arg(sqlState));
    auto connection = TestServer::connect(m_database);
    TransactionRunner runner(connection);
    QList<microseconds> sleeps;
    runner.setSleeper([&sleeps](microseconds delay) { sleeps.append(delay); });
    const QString id = newId();
    const Outcome outcome = runner.run(interactive ? interactiveInsertBody(id) : insertBody(id));
    QVERIFY2(outcome.committed(),
             qPrintable(outcome.error ? outcome.error->toString() : QString()));
    QCOMPARE(outcome.attempts, failures + 1);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM rides WHERE id = $1::uuid"), {id}), 1);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM rides")), 1);
    // The first retry is immediate; each later one sleeps once.
    QCOMPARE(sleeps.size(), std::max(0, failures - 1));
    int retries = 0;
    int failed = 0;
    int lastAttempt = 0;
    for (const TraceEntry &entry : outcome.trace) {
        QVERIFY(entry.attempt >= lastAttempt);
        if (entry.attempt != lastAttempt && entry.attempt > 1) {
            // The first statement of a retry says why.
            QVERIFY2(entry.retryCause.contains(sqlState), qPrintable(entry.retryCause));
            ++retries;
        } else {
            QVERIFY(entry.retryCause.isEmpty());
        }
        lastAttempt = entry.attempt;
        if (entry.sqlState == sqlState)
            ++failed;
    }
    QCOMPARE(retries, failures);
    QCOMPARE(failed, failures);
    if (!interactive)
        QCOMPARE(outcome.roundTrips,
                 failures + 1 + std::max(0, failures - 1)); // + ROLLBACKs before sleeps
    QCOMPARE(PQtransactionStatus(connection->handle()), PQTRANS_IDLE);
}

void TestTransactionRunner::attemptsExhausted_data()
{
    QTest::addColumn<bool>("interactive");
    QTest::newRow("pipelined") << false;
    QTest::newRow("interactive") << true;
}

void TestTransactionRunner::attemptsExhausted()
{
    QFETCH(bool, interactive);
    setFailures(1000);
    auto connection = TestServer::connect(m_database);
    RetryPolicy policy;
    policy.maxAttempts = 4;
    TransactionRunner runner(connection, policy);
    runner.setSleeper([](microseconds) {});
    const QString id = newId();
    const Outcome outcome = runner.run(interactive ? interactiveInsertBody(id) : insertBody(id));
    QCOMPARE(outcome.state, Outcome::State::NotCommitted);
    QCOMPARE(outcome.attempts, 4);
    QVERIFY(outcome.error);
    QCOMPARE(outcome.error->sqlState, QStringLiteral("40001"));
    QCOMPARE(outcome.error->kind, ErrorClass::Retryable);
    QVERIFY2(outcome.error->message.contains(QLatin1String("gave up after 4 attempts")),
             qPrintable(outcome.error->message));
    QCOMPARE(outcome.trace.last().sql, QStringLiteral("ROLLBACK"));
    QCOMPARE(outcome.trace.last().attempt, 4);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM rides")), 0);
    QCOMPARE(PQtransactionStatus(connection->handle()), PQTRANS_IDLE);
}

void TestTransactionRunner::constraintErrorIsNotRetried()
{
    auto connection = TestServer::connect(m_database);
    TransactionRunner runner(connection);
    const QString id = newId();
    QVERIFY(runner.run(insertBody(id)).committed());
    TransactionBody body = insertBody(newId());
    body.statements.append({insertSql, {id, QStringLiteral("duplicate")}});
    const Outcome outcome = runner.run(body);
    QCOMPARE(outcome.state, Outcome::State::NotCommitted);
    QCOMPARE(outcome.attempts, 1);
    QVERIFY(outcome.error);
    QCOMPARE(outcome.error->kind, ErrorClass::Constraint);
    QCOMPARE(outcome.error->sqlState, QStringLiteral("23505"));
    QVERIFY(!outcome.refused);
    // The COMMIT in the pipeline was skipped (not sent, not failed); the runner rolled back.
    QCOMPARE(outcome.trace.at(3).sql, QStringLiteral("COMMIT"));
    QVERIFY(outcome.trace.at(3).notSent);
    QVERIFY(!outcome.trace.at(3).failed());
    QVERIFY(outcome.trace.at(3).sqlState.isEmpty());
    QVERIFY(outcome.trace.at(2).failed());
    QCOMPARE(outcome.trace.last().sql, QStringLiteral("ROLLBACK"));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM rides")), 1);
    QCOMPARE(PQtransactionStatus(connection->handle()), PQTRANS_IDLE);
}

// A parameter holding U+0000 (libpq would cut it short) fails the transaction before it is
// sent, is not retried, and leaves nothing written.
void TestTransactionRunner::nulInAParameterIsRefused()
{
    auto connection = TestServer::connect(m_database);
    TransactionRunner runner(connection);
    TransactionBody body = insertBody(newId());
    body.statements.append(
        {insertSql, {newId(), QStringLiteral("cut") + QChar(u'\0') + QStringLiteral("here")}});
    const Outcome outcome = runner.run(body);
    QCOMPARE(outcome.state, Outcome::State::NotCommitted);
    QCOMPARE(outcome.attempts, 1);
    QVERIFY(outcome.error);
    QCOMPARE(outcome.error->kind, ErrorClass::InvalidInput);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM rides")), 0);
    QCOMPARE(PQtransactionStatus(connection->handle()), PQTRANS_IDLE);
}

void TestTransactionRunner::checkFailureIsNotCommitted()
{
    auto connection = TestServer::connect(m_database);
    TransactionRunner runner(connection);
    exec(QStringLiteral("INSERT INTO accounts VALUES (1, 5)"));
    TransactionBody body;
    body.action = QStringLiteral("Withdraw");
    body.statements = {
        {QStringLiteral("UPDATE accounts SET balance = balance - $2::int "
                        "WHERE id = $1::int AND balance >= $2::int RETURNING balance"),
         {QStringLiteral("1"), QStringLiteral("10")}}};
    body.check = [](const QList<PgResult> &results) -> Status {
        if (results.at(0).rowCount() == 0)
            return DbError::make(ErrorClass::InvalidInput, QStringLiteral("not enough money"));
        return Ok{};
    };
    const Outcome outcome = runner.run(body);
    QCOMPARE(outcome.state, Outcome::State::NotCommitted);
    QCOMPARE(outcome.error->message, QStringLiteral("not enough money"));
    QVERIFY(outcome.refused); // a precondition said no: refused, nothing written
    QCOMPARE(outcome.traceEntry(1, body.action).outcome, TraceOutcome::Refused);
    QCOMPARE(count(QStringLiteral("SELECT balance FROM accounts WHERE id = 1")), 5);
    body.statements[0].params[1] = QStringLiteral("3");
    const Outcome paid = runner.run(body);
    QVERIFY(paid.committed());
    QCOMPARE(paid.results.at(0).text(0, 0), QStringLiteral("2"));
}

void TestTransactionRunner::qaInjectionOnPostgres_data()
{
    attemptsExhausted_data();
}

void TestTransactionRunner::qaInjectionOnPostgres()
{
    QFETCH(bool, interactive);
    auto connection = TestServer::connect(m_database);
    RetryPolicy policy;
    policy.injectRetryErrors = true;
    TransactionRunner runner(connection, policy);
    const QString id = newId();
    const Outcome outcome = runner.run(interactive ? interactiveInsertBody(id) : insertBody(id));
    QVERIFY2(outcome.committed(),
             qPrintable(outcome.error ? outcome.error->toString() : QString()));
    QCOMPARE(outcome.attempts, 2);
    QList<TraceEntry> injected;
    for (const TraceEntry &entry : outcome.trace) {
        if (entry.injected)
            injected.append(entry);
    }
    QCOMPARE(injected.size(), 1);
    QCOMPARE(injected.first().sql, TransactionRunner::injectedErrorStatement());
    QCOMPARE(injected.first().sqlState, QStringLiteral("40001"));
    QCOMPARE(injected.first().attempt, 1);
    // It came right after the first body statement.
    for (qsizetype i = 0; i < outcome.trace.size(); ++i) {
        if (outcome.trace.at(i).injected) {
            QCOMPARE(i, 2);
            QCOMPARE(outcome.trace.at(1).params.first(), SqlValue(id));
        }
    }
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM rides WHERE id = $1::uuid"), {id}), 1);
}

void TestTransactionRunner::cockroachStatementSequence_data()
{
    attemptsExhausted_data();
}

void TestTransactionRunner::cockroachStatementSequence()
{
    QFETCH(bool, interactive);
    setFailures(3);
    auto connection = TestServer::connect(m_database);
    TransactionRunner runner(connection);
    runner.setProtocolFlavor(ServerFlavor::CockroachDB);
    runner.setSleeper([](microseconds) {});
    const QString id = newId();
    const Outcome outcome = runner.run(interactive ? interactiveInsertBody(id) : insertBody(id));
    QVERIFY2(outcome.committed(),
             qPrintable(outcome.error ? outcome.error->toString() : QString()));
    QCOMPARE(outcome.attempts, 4);
    const QString select = QStringLiteral("SELECT count(*) FROM rides WHERE id = $1::uuid");
    QStringList body = interactive ? QStringList{select, insertSql} : QStringList{insertSql};
    QStringList expected;
    // Attempt 1: fails in the body.
    expected << crdbBegin << QStringLiteral("SAVEPOINT cockroach_restart") << body;
    if (!interactive)
        expected << QStringLiteral("RELEASE SAVEPOINT cockroach_restart")
                 << QStringLiteral("COMMIT");
    // Attempt 2: the first retry, at once, from the savepoint.
    expected << QStringLiteral("ROLLBACK TO SAVEPOINT cockroach_restart") << body;
    if (!interactive)
        expected << QStringLiteral("RELEASE SAVEPOINT cockroach_restart")
                 << QStringLiteral("COMMIT");
    // Attempts 3 and 4: ROLLBACK before the backoff sleep, then a new transaction.
    expected << QStringLiteral("ROLLBACK");
    expected << crdbBegin << QStringLiteral("SAVEPOINT cockroach_restart") << body;
    if (!interactive)
        expected << QStringLiteral("RELEASE SAVEPOINT cockroach_restart")
                 << QStringLiteral("COMMIT");
    expected << QStringLiteral("ROLLBACK");
    expected << crdbBegin << QStringLiteral("SAVEPOINT cockroach_restart") << body
             << QStringLiteral("RELEASE SAVEPOINT cockroach_restart") << QStringLiteral("COMMIT");
    QCOMPARE(sqlOf(outcome.trace), expected);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM rides WHERE id = $1::uuid"), {id}), 1);
    QCOMPARE(PQtransactionStatus(connection->handle()), PQTRANS_IDLE);
}

void TestTransactionRunner::cockroachInjectionStatement()
{
    QCOMPARE(TransactionRunner::injectRetryErrorsStatement(),
             QStringLiteral("SET inject_retry_errors_enabled = true"));
    QCOMPARE(TransactionRunner::disableInjectRetryErrorsStatement(),
             QStringLiteral("SET inject_retry_errors_enabled = false"));
    QCOMPARE(TxnStatements::setInjectRetryErrorsOnCommit(true),
             QStringLiteral("SET inject_retry_errors_on_commit_enabled = true"));
    QCOMPARE(TxnStatements::setInjectRetryErrorsOnCommit(false),
             QStringLiteral("SET inject_retry_errors_on_commit_enabled = false"));
    // The server's errors are recognised as injected (the SQL panel marks them).
    QVERIFY(RestartStrategy::isInjectedByServer(DbError::make(
        ErrorClass::Retryable, QStringLiteral("restart transaction: "
                                              "TransactionRetryWithProtoRefreshError: injected by "
                                              "`inject_retry_errors_enabled` session variable"))));
    QVERIFY(RestartStrategy::isInjectedByServer(DbError::make(
        ErrorClass::Retryable,
        QStringLiteral("restart transaction: TransactionRetryWithProtoRefreshError: injected "
                       "by `inject_retry_errors_on_commit_enabled` session variable"))));
    QVERIFY(!RestartStrategy::isInjectedByServer(
        DbError::make(ErrorClass::Retryable, QStringLiteral("could not serialize access"))));
    // On CockroachDB the runner never sends the PostgreSQL DO block.
    auto connection = TestServer::connect(m_database);
    RetryPolicy policy;
    policy.injectRetryErrors = true;
    policy.injectRetryErrorsOnCommit = true;
    TransactionRunner runner(connection, policy);
    runner.setProtocolFlavor(ServerFlavor::CockroachDB);
    const Outcome outcome = runner.run(insertBody(newId()));
    QVERIFY(outcome.committed());
    QCOMPARE(outcome.attempts, 1);
    for (const TraceEntry &entry : outcome.trace)
        QVERIFY(!entry.sql.startsWith(QLatin1String("DO ")));
}

// BEGIN pins SERIALIZABLE on both protocols, whatever default_transaction_isolation says
// (a role or database default of READ COMMITTED would otherwise weaken the preconditions
// inside the statements).
void TestTransactionRunner::isolationIsPinned_data()
{
    QTest::addColumn<bool>("cockroachProtocol");
    QTest::newRow("postgres protocol") << false;
    QTest::newRow("cockroach protocol") << true;
}

void TestTransactionRunner::isolationIsPinned()
{
    QFETCH(bool, cockroachProtocol);
    auto connection = TestServer::connect(m_database);
    QVERIFY(
        connection->exec(QStringLiteral("SET default_transaction_isolation = 'read committed'")));
    TransactionRunner runner(connection);
    if (cockroachProtocol)
        runner.setProtocolFlavor(ServerFlavor::CockroachDB);
    TransactionBody body;
    body.action = QStringLiteral("Isolation");
    body.statements = {{QStringLiteral("SELECT current_setting('transaction_isolation')"), {}}};
    const Outcome outcome = runner.run(body);
    QVERIFY(outcome.committed());
    QCOMPARE(outcome.results.size(), 1);
    QCOMPARE(outcome.results.first().text(0, 0), QStringLiteral("serializable"));
    QCOMPARE(outcome.trace.first().sql,
             cockroachProtocol ? crdbBegin : QStringLiteral("BEGIN ISOLATION LEVEL SERIALIZABLE"));
}

void TestTransactionRunner::cockroachInjectionAnswers_data()
{
    QTest::addColumn<bool>("interactive");
    QTest::addColumn<bool>("serverInjects");
    QTest::addColumn<int>("policyMaxAttempts");
    QTest::newRow("two-row inline edit, savepoint restarts") << true << true << 2;
    QTest::newRow("one pipeline, savepoint restarts") << false << true << 2;
    QTest::newRow("two-row inline edit, without the injection rule") << true << false << 10;
}

// The decision logic against a CockroachDB session's answers: 40001 (injected) on the first
// three attempts of one transaction, success on the fourth.
void TestTransactionRunner::cockroachInjectionAnswers()
{
    QFETCH(bool, interactive);
    QFETCH(bool, serverInjects);
    QFETCH(int, policyMaxAttempts);
    const QStringList body{
        QStringLiteral("UPDATE users SET name = $3 WHERE city = $1 AND id = $2"),
        QStringLiteral("UPDATE users SET address = $3 WHERE city = $1 AND id = $2")};
    CockroachInjectingSession server;
    const Driven driven = drive(server, body, interactive, serverInjects, policyMaxAttempts);
    if (!serverInjects) {
        // The normal rule starts a new transaction from the third attempt: the count
        // starts again, and an interactive body of two statements never commits.
        QVERIFY(!driven.committed);
        QCOMPARE(server.commits, 0);
        QVERIFY(server.sent.contains(QStringLiteral("ROLLBACK")));
        return;
    }
    QVERIFY(driven.committed);
    QCOMPARE(driven.attempts, RestartStrategy::cockroachInjectedErrors + 1);
    QCOMPARE(server.commits, 1);
    const QString restart = QStringLiteral("ROLLBACK TO SAVEPOINT cockroach_restart");
    const QStringList commit{QStringLiteral("RELEASE SAVEPOINT cockroach_restart"),
                             QStringLiteral("COMMIT")};
    // A failed attempt: the first statement fails; in one pipeline the rest is still sent.
    const QStringList failing = interactive ? QStringList{body.first()} : body + commit;
    QStringList expected;
    expected << crdbBegin << QStringLiteral("SAVEPOINT cockroach_restart") << failing;
    for (int i = 0; i < 2; ++i)
        expected << restart << failing;
    expected << restart << body << commit;
    QCOMPARE(server.sent, expected);
}

void TestTransactionRunner::serverInjectionRestartsFromSavepoint_data()
{
    attemptsExhausted_data();
}

// CockroachDB protocol on PostgreSQL with the server's injection assumed on (the trigger
// fails the first three inserts, as CockroachDB fails the first three attempts): every
// restart is from the savepoint, at once, and the policy's cap of 2 is raised to 4.
void TestTransactionRunner::serverInjectionRestartsFromSavepoint()
{
    QFETCH(bool, interactive);
    setFailures(3);
    auto connection = TestServer::connect(m_database);
    RetryPolicy policy;
    policy.maxAttempts = 2;
    policy.injectRetryErrors = true; // on CockroachDB: the server injects
    TransactionRunner runner(connection, policy);
    runner.setProtocolFlavor(ServerFlavor::CockroachDB);
    QList<microseconds> sleeps;
    runner.setSleeper([&sleeps](microseconds delay) { sleeps.append(delay); });
    const QString id = newId();
    const Outcome outcome = runner.run(interactive ? interactiveInsertBody(id) : insertBody(id));
    QVERIFY2(outcome.committed(),
             qPrintable(outcome.error ? outcome.error->toString() : QString()));
    QCOMPARE(outcome.attempts, 4);
    QVERIFY(sleeps.isEmpty());
    const QString select = QStringLiteral("SELECT count(*) FROM rides WHERE id = $1::uuid");
    const QStringList body = interactive ? QStringList{select, insertSql} : QStringList{insertSql};
    const QStringList commit{QStringLiteral("RELEASE SAVEPOINT cockroach_restart"),
                             QStringLiteral("COMMIT")};
    const QStringList failing = interactive ? body : body + commit;
    QStringList expected;
    expected << crdbBegin << QStringLiteral("SAVEPOINT cockroach_restart") << failing;
    for (int i = 0; i < 2; ++i)
        expected << QStringLiteral("ROLLBACK TO SAVEPOINT cockroach_restart") << failing;
    expected << QStringLiteral("ROLLBACK TO SAVEPOINT cockroach_restart") << body << commit;
    QCOMPARE(sqlOf(outcome.trace), expected);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM rides WHERE id = $1::uuid"), {id}), 1);
    QCOMPARE(PQtransactionStatus(connection->handle()), PQTRANS_IDLE);
}

void TestTransactionRunner::qaInjectionAtCommitOnPostgres_data()
{
    attemptsExhausted_data();
}

// PostgreSQL's stand-in for inject_retry_errors_on_commit_enabled: a 40001 at the commit
// step (right before COMMIT) of the first attempt; the second attempt commits.
void TestTransactionRunner::qaInjectionAtCommitOnPostgres()
{
    QFETCH(bool, interactive);
    auto connection = TestServer::connect(m_database);
    RetryPolicy policy;
    policy.injectRetryErrorsOnCommit = true;
    TransactionRunner runner(connection, policy);
    const QString id = newId();
    const Outcome outcome = runner.run(interactive ? interactiveInsertBody(id) : insertBody(id));
    QVERIFY2(outcome.committed(),
             qPrintable(outcome.error ? outcome.error->toString() : QString()));
    QCOMPARE(outcome.attempts, 2);
    qsizetype injectedAt = -1;
    for (qsizetype i = 0; i < outcome.trace.size(); ++i) {
        if (outcome.trace.at(i).injected) {
            QCOMPARE(injectedAt, -1);
            injectedAt = i;
        }
    }
    QVERIFY(injectedAt > 0);
    const TraceEntry &injected = outcome.trace.at(injectedAt);
    QCOMPARE(injected.sql, TransactionRunner::injectedErrorStatement());
    QCOMPARE(injected.sqlState, QStringLiteral("40001"));
    QCOMPARE(injected.attempt, 1);
    QCOMPARE(outcome.trace.at(injectedAt - 1).sql, insertSql);
    QCOMPARE(outcome.trace.at(injectedAt + 1).sql, QStringLiteral("COMMIT"));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM rides WHERE id = $1::uuid"), {id}), 1);
    QCOMPARE(PQtransactionStatus(connection->handle()), PQTRANS_IDLE);
}

void TestTransactionRunner::plannedStatements()
{
    TransactionBody body = insertBody(QStringLiteral("a"));
    body.statements.append({insertSql, {QStringLiteral("b"), QStringLiteral("second")}});
    auto sql = [](const QList<Statement> &statements) {
        QStringList out;
        for (const Statement &statement : statements)
            out << statement.sql;
        return out;
    };
    RetryPolicy both;
    both.injectRetryErrors = true;
    both.injectRetryErrorsOnCommit = true;
    const QString injected = TransactionRunner::injectedErrorStatement();
    // CockroachDB injects on the server: the plan has no synthetic statement.
    for (const RetryPolicy &policy : {RetryPolicy{}, both})
        QCOMPARE(sql(TransactionRunner::plannedStatements(body, ServerFlavor::CockroachDB, policy)),
                 QStringList({crdbBegin, QStringLiteral("SAVEPOINT cockroach_restart"), insertSql,
                              insertSql, QStringLiteral("RELEASE SAVEPOINT cockroach_restart"),
                              QStringLiteral("COMMIT")}));
    QCOMPARE(sql(TransactionRunner::plannedStatements(body, ServerFlavor::PostgreSQL, both)),
             QStringList({QStringLiteral("BEGIN ISOLATION LEVEL SERIALIZABLE"), insertSql, injected,
                          insertSql, injected, QStringLiteral("COMMIT")}));
    RetryPolicy onCommit;
    onCommit.injectRetryErrorsOnCommit = true;
    QCOMPARE(sql(TransactionRunner::plannedStatements(body, ServerFlavor::PostgreSQL, onCommit)),
             QStringList({QStringLiteral("BEGIN ISOLATION LEVEL SERIALIZABLE"), insertSql,
                          insertSql, injected, QStringLiteral("COMMIT")}));
}

void TestTransactionRunner::backoffSchedule()
{
    RetryPolicy policy;
    policy.backoffBase = milliseconds(10);
    policy.backoffCap = milliseconds(100);
    QCOMPARE(TransactionRunner::backoffCeiling(policy, 0), microseconds(10000));
    QCOMPARE(TransactionRunner::backoffCeiling(policy, 1), microseconds(20000));
    QCOMPARE(TransactionRunner::backoffCeiling(policy, 3), microseconds(80000));
    QCOMPARE(TransactionRunner::backoffCeiling(policy, 4), microseconds(100000));
    QCOMPARE(TransactionRunner::backoffCeiling(policy, 1000), microseconds(100000));

    setFailures(6);
    auto connection = TestServer::connect(m_database);
    policy.maxAttempts = 10;
    TransactionRunner runner(connection, policy);
    QList<microseconds> sleeps;
    runner.setSleeper([&sleeps](microseconds delay) { sleeps.append(delay); });
    const QList<double> draws{0.5, 0.25, 0.999, 0.0, 0.75};
    int next = 0;
    runner.setRandomSource([&] { return draws.at(next++ % draws.size()); });
    const Outcome outcome = runner.run(insertBody(newId()));
    QVERIFY(outcome.committed());
    QCOMPARE(outcome.attempts, 7);
    // 6 retries: the first at once, then uniform(0, min(cap, base * 2^k)) for k = 0..4.
    QCOMPARE(sleeps,
             QList<microseconds>({microseconds(5000), microseconds(5000), microseconds(39960),
                                  microseconds(0), microseconds(75000)}));
}

void TestTransactionRunner::deadlineStopsRetrying()
{
    setFailures(1000);
    auto connection = TestServer::connect(m_database);
    RetryPolicy policy;
    policy.maxAttempts = 100;
    policy.backoffBase = milliseconds(100);
    policy.backoffCap = milliseconds(100);
    policy.deadline = milliseconds(1000);
    TransactionRunner runner(connection, policy);
    // A fake clock that only the sleeps move forward.
    steady_clock::time_point fake = steady_clock::now();
    runner.setClock([&fake] { return fake; });
    runner.setRandomSource([] { return 0.999; }); // 99.9 ms each
    runner.setSleeper([&fake](microseconds delay) { fake += delay; });
    const Outcome outcome = runner.run(insertBody(newId()));
    QCOMPARE(outcome.state, Outcome::State::NotCommitted);
    // 1 immediate retry, then 10 sleeps of 99.9 ms fit in 1 s.
    QCOMPARE(outcome.attempts, 12);
    QVERIFY2(outcome.error->message.contains(QLatin1String("deadline")),
             qPrintable(outcome.error->message));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM rides")), 0);
    QCOMPARE(PQtransactionStatus(connection->handle()), PQTRANS_IDLE);
}

void TestTransactionRunner::ambiguousCommit40003_data()
{
    QTest::addColumn<bool>("interactive");
    QTest::addColumn<bool>("cockroach");
    QTest::newRow("pipelined") << false << false;
    QTest::newRow("interactive") << true << false;
    QTest::newRow("pipelined, cockroach protocol") << false << true;
}

void TestTransactionRunner::ambiguousCommit40003()
{
    QFETCH(bool, interactive);
    QFETCH(bool, cockroach);
    setFailures(0, 1);
    auto connection = TestServer::connect(m_database);
    TransactionRunner runner(connection);
    if (cockroach)
        runner.setProtocolFlavor(ServerFlavor::CockroachDB);
    const QString id = newId();
    const Outcome outcome = runner.run(interactive ? interactiveInsertBody(id) : insertBody(id));
    // PostgreSQL rolled the transaction back when the deferred trigger raised: the runner
    // must find that out by looking, not assume it, and must not run the body again.
    QCOMPARE(outcome.state, Outcome::State::NotCommitted);
    QVERIFY(outcome.wasAmbiguous);
    QCOMPARE(outcome.attempts, 1);
    QVERIFY(outcome.error);
    QCOMPARE(outcome.error->kind, ErrorClass::Ambiguous);
    QCOMPARE(outcome.error->sqlState, QStringLiteral("40003"));
    QCOMPARE(outcome.trace.last().sql, QStringLiteral("SELECT 1 FROM rides WHERE id = $1::uuid"));
    QCOMPARE(outcome.trace.last().params, SqlParams({id}));
    QCOMPARE(outcome.trace.last().rows, 0);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM rides")), 0);
    QCOMPARE(PQtransactionStatus(connection->handle()), PQTRANS_IDLE);

    // Without a verify query the outcome is Unknown and says how to check.
    setFailures(0, 1);
    TransactionBody body = insertBody(newId());
    body.verify = {};
    const Outcome unknown = runner.run(body);
    QCOMPARE(unknown.state, Outcome::State::Unknown);
    QVERIFY(unknown.wasAmbiguous);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM rides")), 0);
}

void TestTransactionRunner::realSerializationConflicts()
{
    // Read-modify-write of one counter from several sessions at once: without SERIALIZABLE
    // and retries, updates would be lost. PostgreSQL refuses the losers with 40001; the
    // runner retries them, so every increment lands exactly once.
    exec(QStringLiteral("INSERT INTO accounts VALUES (1, 0)"));
    constexpr int sessions = 4;
    constexpr int perSession = 15;
    std::atomic<int> committed{0};
    std::atomic<int> retried{0};
    std::atomic<int> problems{0};
    std::vector<std::thread> threads;
    for (int s = 0; s < sessions; ++s) {
        threads.emplace_back([&] {
            auto connection = PgConnection::open(TestServer::settings(m_database));
            if (!connection) {
                ++problems;
                return;
            }
            RetryPolicy policy;
            policy.maxAttempts = 200;
            policy.backoffBase = milliseconds(1);
            policy.backoffCap = milliseconds(20);
            policy.deadline = milliseconds(50000);
            TransactionRunner runner(*connection, policy);
            for (int i = 0; i < perSession; ++i) {
                TransactionBody body;
                body.action = QStringLiteral("Increment");
                body.interactive = [](TransactionSession &session) -> Status {
                    auto read =
                        session.exec(QStringLiteral("SELECT balance FROM accounts WHERE id = 1"));
                    if (!read)
                        return read.error();
                    std::this_thread::sleep_for(milliseconds(2));
                    auto updated = session.exec(
                        QStringLiteral("UPDATE accounts SET balance = $1::int WHERE id = 1"),
                        {QString::number(read->text(0, 0).toInt() + 1)});
                    if (!updated)
                        return updated.error();
                    return Ok{};
                };
                const Outcome outcome = runner.run(body);
                if (outcome.committed())
                    ++committed;
                else
                    ++problems;
                for (const TraceEntry &entry : outcome.trace) {
                    if (entry.attempt > 1 && !entry.retryCause.isEmpty() &&
                        !entry.retryCause.contains(QLatin1String("40001")))
                        ++problems;
                }
                retried += outcome.attempts - 1;
            }
        });
    }
    for (auto &thread : threads)
        thread.join();
    QCOMPARE(problems.load(), 0);
    QCOMPARE(committed.load(), sessions * perSession);
    QCOMPARE(count(QStringLiteral("SELECT balance FROM accounts WHERE id = 1")),
             sessions * perSession);
    qInfo() << "retries under contention:" << retried.load();
    QVERIFY(retried.load() > 0);
}

void TestTransactionRunner::realDeadlock()
{
    // Two sessions lock two rows in opposite orders: PostgreSQL's deadlock detector aborts
    // one (40P01), the runner retries it, and both increments land.
    exec(QStringLiteral("INSERT INTO accounts VALUES (1, 0), (2, 0)"));
    std::latch bothLocked(2);
    std::atomic<int> problems{0};
    QList<Outcome> outcomes(2);
    auto work = [&](int index) {
        auto connection = PgConnection::open(TestServer::settings(m_database));
        if (!connection) {
            ++problems;
            return;
        }
        TransactionRunner runner(*connection);
        const QString first = QString::number(index + 1);
        const QString second = QString::number(2 - index);
        int calls = 0;
        TransactionBody body;
        body.action = QStringLiteral("Transfer");
        body.interactive = [&](TransactionSession &session) -> Status {
            const QString update =
                QStringLiteral("UPDATE accounts SET balance = balance + 1 WHERE id = $1::int");
            auto a = session.exec(update, {first});
            if (!a)
                return a.error();
            if (++calls == 1)
                bothLocked.arrive_and_wait();
            auto b = session.exec(update, {second});
            if (!b)
                return b.error();
            return Ok{};
        };
        outcomes[index] = runner.run(body);
    };
    std::thread one(work, 0);
    std::thread two(work, 1);
    one.join();
    two.join();
    QCOMPARE(problems.load(), 0);
    QVERIFY(outcomes[0].committed());
    QVERIFY(outcomes[1].committed());
    // One was chosen as the deadlock victim and retried (its retry may meet the other's
    // commit and be retried once more, as a 40001).
    QVERIFY(outcomes[0].attempts + outcomes[1].attempts >= 3);
    bool deadlock = false;
    bool cause = false;
    for (const Outcome &outcome : outcomes) {
        for (const TraceEntry &entry : outcome.trace) {
            deadlock = deadlock || entry.sqlState == u"40P01";
            cause =
                cause || (entry.attempt == 2 && entry.retryCause.contains(QLatin1String("40P01")));
        }
    }
    QVERIFY(deadlock);
    QVERIFY(cause);
    QCOMPARE(count(QStringLiteral("SELECT sum(balance) FROM accounts")), 4);
    QCOMPARE(count(QStringLiteral("SELECT min(balance) FROM accounts")), 2);
}

void TestTransactionRunner::cancelStopsRetrying()
{
    setFailures(1000000);
    auto connection = TestServer::connect(m_database);
    RetryPolicy policy;
    policy.maxAttempts = 1000;
    policy.backoffBase = milliseconds(50);
    policy.backoffCap = milliseconds(50);
    TransactionRunner runner(connection, policy);
    const quint64 actionId = TransactionRunner::nextActionId();
    runner.cancel(actionId - 1); // an older action's cancel does not touch this one
    // Cancel once a second attempt has failed (not after a fixed time: a slow machine may
    // spend that long on the first), while the runner retries.
    auto observer = TestServer::connect(m_database);
    std::thread canceller([&runner, &observer, actionId] {
        QDeadlineTimer deadline(30000);
        while (!deadline.hasExpired()) {
            auto calls = observer->exec(QStringLiteral("SELECT last_value FROM retry_calls"));
            if (calls && calls->text(0, 0).toLongLong() >= 2)
                break;
            std::this_thread::sleep_for(milliseconds(10));
        }
        runner.cancel(actionId);
    });
    const Outcome outcome = runner.run(insertBody(newId()), actionId);
    canceller.join();
    QCOMPARE(outcome.state, Outcome::State::NotCommitted);
    QVERIFY(outcome.error);
    QCOMPARE(outcome.error->kind, ErrorClass::Canceled);
    QVERIFY(outcome.attempts > 1);
    QVERIFY(outcome.attempts < 1000);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM rides")), 0);
    QCOMPARE(PQtransactionStatus(connection->handle()), PQTRANS_IDLE);
}

void TestTransactionRunner::cancelInterruptsAStatement()
{
    auto connection = TestServer::connect(m_database);
    TransactionRunner runner(connection);
    const quint64 actionId = TransactionRunner::nextActionId();
    TransactionBody body = insertBody(newId());
    body.statements.append({QStringLiteral("SELECT pg_sleep(60)"), {}});
    // Cancel once the sleep runs on the server (a fixed delay could come before it starts).
    auto observer = TestServer::connect(m_database);
    std::thread canceller([&runner, &observer, actionId] {
        TestServer::waitUntilRunning(*observer, QStringLiteral("SELECT pg_sleep(60)"));
        runner.cancel(actionId);
    });
    const Outcome outcome = runner.run(body, actionId);
    canceller.join();
    QCOMPARE(outcome.state, Outcome::State::NotCommitted);
    QVERIFY(outcome.error);
    QCOMPARE(outcome.error->kind, ErrorClass::Canceled);
    QCOMPARE(outcome.error->sqlState, QStringLiteral("57014"));
    QCOMPARE(outcome.attempts, 1);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM rides")), 0);
    QCOMPARE(PQtransactionStatus(connection->handle()), PQTRANS_IDLE);
}

void TestTransactionRunner::reconnectsWhenConnectionIsBroken()
{
    auto connection = TestServer::connect(m_database);
    const int oldPid = connection->serverInfo().backendPid;
    QVERIFY(m_admin
                ->exec(QStringLiteral("SELECT pg_terminate_backend($1::int)"),
                       {QString::number(oldPid)})
                .hasValue());
    QVERIFY(!connection->exec(QStringLiteral("SELECT 1")).hasValue());
    QVERIFY(connection->isBroken());
    TransactionRunner runner(connection);
    const QString id = newId();
    const Outcome outcome = runner.run(insertBody(id));
    QVERIFY(outcome.committed());
    QVERIFY(connection);
    QVERIFY(connection->serverInfo().backendPid != oldPid);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM rides WHERE id = $1::uuid"), {id}), 1);
}

void TestTransactionRunner::connectsLazily()
{
    std::unique_ptr<PgConnection> connection;
    TransactionRunner runner(connection);
    runner.setSleeper([](microseconds) {});
    // No connection and no settings: a clean failure at once.
    const Outcome nothing = runner.run(insertBody(newId()));
    QCOMPARE(nothing.state, Outcome::State::NotCommitted);
    QCOMPARE(nothing.error->kind, ErrorClass::Connection);
    QCOMPARE(nothing.attempts, 1);
    QVERIFY(nothing.trace.isEmpty());
    // A server that refuses: every attempt tries to connect, then a clean failure.
    ConnectionSettings refused = TestServer::settings(m_database);
    refused.setValue(QStringLiteral("port"), QStringLiteral("1"));
    runner.setSettings(refused);
    RetryPolicy policy;
    policy.maxAttempts = 3;
    runner.setPolicy(policy);
    const Outcome down = runner.run(insertBody(newId()));
    QCOMPARE(down.state, Outcome::State::NotCommitted);
    QCOMPARE(down.error->kind, ErrorClass::Connection);
    QVERIFY(!down.wasAmbiguous);
    QCOMPARE(down.attempts, 3);
    QCOMPARE(down.roundTrips, 0);
    // With settings that work, the first run opens the connection.
    runner.setSettings(TestServer::settings(m_database));
    const QString id = newId();
    const Outcome outcome = runner.run(insertBody(id));
    QVERIFY(outcome.committed());
    QVERIFY(connection);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM rides WHERE id = $1::uuid"), {id}), 1);
}

QTEST_GUILESS_MAIN(TestTransactionRunner)
#include "tst_transactionrunner.moc"
