// The edit worker (and WorkerBase under it) on a real server: queued requests run in order
// on the worker's thread and their outcomes arrive on the caller's thread; a lost
// connection is re-established while queued requests wait (none dropped, none doubled);
// shutdown with a long query running returns within its bound; a superseded or cancelled
// request is cancelled on the server or never sent.

#include "TcpProxy.h"
#include "TestServer.h"

#include "movr/Operations.h"
#include "movr/Schema.h"
#include "txn/CommitResolver.h"
#include "worker/EditWorker.h"

#include <QSignalSpy>
#include <QTest>
#include <QThread>
#include <QUuid>

#include <atomic>
#include <functional>

namespace {

EditRequest request(const Result<TransactionBody> &body, RetryPolicy policy = {})
{
    EditRequest request;
    request.actionId = TransactionRunner::nextActionId();
    if (body)
        request.body = *body;
    request.policy = policy;
    return request;
}

// A body that keeps the server busy until cancelled.
EditRequest sleeper(int seconds = 30)
{
    TransactionBody body;
    body.action = QStringLiteral("Sleep");
    body.statements.append(
        Statement{QStringLiteral("SELECT pg_sleep($1::float8)"), {QString::number(seconds)}});
    body.verify = Statement{QStringLiteral("SELECT 1 WHERE false"), {}}; // sleeping writes nothing
    return request(body);
}

AddUserInput userNamed(const QString &name)
{
    AddUserInput input;
    input.city = QStringLiteral("boston");
    input.name = name;
    input.address = QStringLiteral("1 Worker Way");
    return input;
}

// For failure messages (evaluated even when the check passes).
QString why(const Outcome &outcome)
{
    return outcome.error ? outcome.error->toString() : QStringLiteral("no error");
}

// No statement of it reached the server: its trace is only the "not sent" outcome entry.
bool neverSent(const Outcome &outcome)
{
    return outcome.trace.size() == 1 && outcome.trace.first().outcome == TraceOutcome::NotSent;
}

void submit(EditWorker *worker, const EditRequest &request)
{
    QMetaObject::invokeMethod(worker, "submit", Qt::QueuedConnection, Q_ARG(EditRequest, request));
}

} // namespace

class TestEditWorker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void queuedRequestsRunInOrderAndReplyOnCallerThread();
    void readRepliesWithItsTypedPayload();
    void reconnectKeepsQueuedRequests();
    void requestLostBeforeCommitRunsAgainAfterReconnect();
    void ambiguousCommitIsResolvedNotRerun();
    void ambiguousCommitLookedUpAfterReconnect();
    void deferredLookUpLetsACommitInFlightFinish();
    void shutdownWithLongQueryReturnsPromptly();
    void shutdownOnASlowNetworkIsBounded();
    void cancelRunningRequest();
    void cancelQueuedRequestNeverSendsIt();
    void supersededRequestsAreDropped();
    void injectRetryErrorsOnPostgres();
    void injectRetryErrorsAtCommitOnPostgres();
    void connectionFailureIsReported();
    void wrongPasswordFailsAtOnce();
    void shutdownWithoutStartAndIdle();

private:
    EditWorker *makeWorker(const ConnectionSettings &settings, ReconnectPolicy policy = {},
                           const std::function<void(EditWorker *)> &beforeStart = {});
    qint64 count(const QString &sql, const SqlParams &params = {});
    bool sleeping(); // pg_sleep running on the server

    QString m_database;
    std::unique_ptr<PgConnection> m_sql;
    EditWorker *m_worker = nullptr;
    QList<EditReply> m_replies;
    QList<QThread *> m_replyThreads;
    QList<ServerInfo> m_connected;
    QList<DbError> m_reconnecting; // reasons
    QList<int> m_retryDelays;
    QList<DbError> m_failed;
    QList<QString> m_injectErrors; // injectRetryErrorsChanged: error text per change
};

void TestEditWorker::initTestCase()
{
    m_database = TestServer::createDatabase(QStringLiteral("edit"));
    m_sql = TestServer::connect(m_database);
    const Status created = Schema::create(*m_sql);
    QVERIFY2(created, created ? "" : qPrintable(created.error().toString()));
}

void TestEditWorker::init()
{
    m_replies.clear();
    m_replyThreads.clear();
    m_connected.clear();
    m_reconnecting.clear();
    m_retryDelays.clear();
    m_failed.clear();
    m_injectErrors.clear();
    ReconnectPolicy policy;
    policy.initialDelay = std::chrono::milliseconds(50);
    policy.maxDelay = std::chrono::milliseconds(200);
    policy.maxAttempts = 0;
    m_worker = makeWorker(TestServer::settings(m_database), policy);
}

void TestEditWorker::cleanup()
{
    if (m_worker)
        WorkerBase::shutdownAndDelete(m_worker);
    m_worker = nullptr;
    // Replies the worker sent before it stopped are still queued for this thread: deliver
    // them now so that they do not count in the next test.
    QCoreApplication::sendPostedEvents();
    auto admin = TestServer::connect(QStringLiteral("postgres"));
    QVERIFY(admin->exec(QStringLiteral("ALTER DATABASE %1 ALLOW_CONNECTIONS true")
                            .arg(PgConnection::quoteIdentifier(m_database))));
}

// Signals are received through queued connections on this (the test's) thread.
EditWorker *TestEditWorker::makeWorker(const ConnectionSettings &settings, ReconnectPolicy policy,
                                       const std::function<void(EditWorker *)> &beforeStart)
{
    auto *worker = new EditWorker(settings);
    if (beforeStart)
        beforeStart(worker);
    worker->setReconnectPolicy(policy);
    connect(worker, &WorkerBase::reconnecting, this,
            [this](const DbError &reason, int retryInMs, int) {
                m_reconnecting.append(reason);
                m_retryDelays.append(retryInMs);
            });
    connect(worker, &WorkerBase::connectionFailed, this,
            [this](const DbError &reason) { m_failed.append(reason); });
    connect(worker, &EditWorker::injectRetryErrorsChanged, this,
            [this](bool, const QString &error) { m_injectErrors.append(error); });
    connect(worker, &EditWorker::finished, this, [this](const EditReply &reply) {
        m_replies.append(reply);
        m_replyThreads.append(QThread::currentThread());
    });
    connect(worker, &WorkerBase::connected, this,
            [this](const ServerInfo &info) { m_connected.append(info); });
    worker->start(QStringLiteral("test-edit"));
    return worker;
}

qint64 TestEditWorker::count(const QString &sql, const SqlParams &params)
{
    auto result = m_sql->exec(sql, params);
    if (!result) {
        qWarning("%s", qPrintable(result.error().toString()));
        return -1;
    }
    return result->text(0, 0).toLongLong();
}

bool TestEditWorker::sleeping()
{
    return count(QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE datname = $1 AND "
                                "query LIKE 'SELECT pg_sleep%' AND state = 'active'"),
                 {m_database}) > 0;
}

// A read made on the edit connection hands its value back in the reply, typed (no holder
// shared with the worker): privileges here; a read that fails carries none.
void TestEditWorker::readRepliesWithItsTypedPayload()
{
    EditRequest read;
    read.actionId = TransactionRunner::nextActionId();
    read.body.action = QStringLiteral("Read privileges");
    read.read = [](TransactionSession &session, EditPayload &payload) -> Status {
        auto result = session.exec(TablePrivileges::query());
        if (!result)
            return result.error();
        payload = TablePrivileges::fromResult(*result, QString());
        return Ok{};
    };
    EditRequest failing = read;
    failing.actionId = TransactionRunner::nextActionId();
    failing.read = [](TransactionSession &session, EditPayload &payload) -> Status {
        payload = TablePrivileges::all(); // set, then the read fails: not handed back
        auto result = session.exec(QStringLiteral("SELECT * FROM no_such_table"));
        if (!result)
            return result.error();
        return Ok{};
    };
    submit(m_worker, read);
    submit(m_worker, failing);
    QTRY_COMPARE_WITH_TIMEOUT(m_replies.size(), 2, 20000);
    QVERIFY2(m_replies.at(0).outcome.committed(), qPrintable(why(m_replies.at(0).outcome)));
    const auto *privileges = std::get_if<TablePrivileges>(&m_replies.at(0).payload);
    QVERIFY(privileges);
    // The test's user owns the database: every operation is allowed.
    QVERIFY(privileges->explanation(MovrOperation::AddUser, ServerFlavor::PostgreSQL).isEmpty());
    QVERIFY(!m_replies.at(1).outcome.committed());
    QVERIFY(std::holds_alternative<std::monostate>(m_replies.at(1).payload));
}

void TestEditWorker::queuedRequestsRunInOrderAndReplyOnCallerThread()
{
    QList<EditRequest> requests;
    QList<QString> ids;
    for (int i = 0; i < 4; ++i) {
        const AddUserInput input = userNamed(QStringLiteral("Queued %1").arg(i));
        ids.append(input.id);
        requests.append(request(Operations::addUser(input)));
    }
    for (const EditRequest &r : requests)
        submit(m_worker, r);
    QTRY_COMPARE_WITH_TIMEOUT(m_replies.size(), 4, 20000);
    for (int i = 0; i < 4; ++i) {
        QCOMPARE(m_replies.at(i).actionId, requests.at(i).actionId);
        QVERIFY2(m_replies.at(i).outcome.committed(), qPrintable(why(m_replies.at(i).outcome)));
        QCOMPARE(m_replies.at(i).action, QStringLiteral("Add user"));
        QVERIFY(!m_replies.at(i).outcome.trace.isEmpty());
        QCOMPARE(m_replies.at(i).outcome.trace.first().actionId, requests.at(i).actionId);
        QCOMPARE(m_replyThreads.at(i), QThread::currentThread());
        QCOMPARE(
            count(QStringLiteral("SELECT count(*) FROM users WHERE id = $1::uuid"), {ids.at(i)}),
            1);
    }
    // Opened lazily, once.
    QCOMPARE(m_connected.size(), 1);
    QVERIFY(m_connected.first().backendPid > 0);
    QCOMPARE(m_worker->connectionState(), WorkerBase::ConnectionState::Connected);

    // A refused precondition comes back with its reason.
    AddUserInput duplicate = userNamed(QStringLiteral("Again"));
    duplicate.id = ids.first();
    submit(m_worker, request(Operations::addUser(duplicate)));
    QTRY_COMPARE_WITH_TIMEOUT(m_replies.size(), 5, 10000);
    QVERIFY(!m_replies.last().outcome.committed());
    QVERIFY(m_replies.last().outcome.error->message.contains(QLatin1String("duplicate")));
}

void TestEditWorker::reconnectKeepsQueuedRequests()
{
    // Connect once.
    const AddUserInput first = userNamed(QStringLiteral("Before"));
    submit(m_worker, request(Operations::addUser(first)));
    QTRY_COMPARE_WITH_TIMEOUT(m_replies.size(), 1, 10000);
    QVERIFY(m_replies.first().outcome.committed());
    QCOMPARE(m_connected.size(), 1);
    const int pid = m_connected.first().backendPid;

    // The server now refuses new connections to the database, and the worker's backend dies.
    auto admin = TestServer::connect(QStringLiteral("postgres"));
    QVERIFY(admin->exec(QStringLiteral("ALTER DATABASE %1 ALLOW_CONNECTIONS false")
                            .arg(PgConnection::quoteIdentifier(m_database))));
    QVERIFY(admin->exec(QStringLiteral("SELECT pg_terminate_backend($1::int)"),
                        {QString::number(pid)}));
    QTRY_COMPARE_WITH_TIMEOUT(count(QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE "
                                                   "pid = $1::int"),
                                    {QString::number(pid)}),
                              0, 5000);

    // Three edits queue up while the connection is down.
    RetryPolicy quick;
    quick.maxAttempts = 2;
    QList<EditRequest> requests;
    QList<QString> ids;
    for (int i = 0; i < 3; ++i) {
        const AddUserInput input = userNamed(QStringLiteral("During %1").arg(i));
        ids.append(input.id);
        requests.append(request(Operations::addUser(input), quick));
        submit(m_worker, requests.last());
    }
    QTRY_VERIFY_WITH_TIMEOUT(m_reconnecting.size() >= 2, 20000);
    QVERIFY2(m_replies.size() == 1, // nothing answered, nothing dropped
             qPrintable(why(m_replies.last().outcome)));
    QCOMPARE(m_worker->connectionState(), WorkerBase::ConnectionState::Reconnecting);
    QCOMPARE(m_reconnecting.first().kind, ErrorClass::Connection);
    QCOMPARE(m_retryDelays.at(0), 50); // backoff: 50, 100, 200, 200...
    QCOMPARE(m_retryDelays.at(1), 100);

    // The server accepts connections again: every queued edit runs, once, in order.
    QVERIFY(admin->exec(QStringLiteral("ALTER DATABASE %1 ALLOW_CONNECTIONS true")
                            .arg(PgConnection::quoteIdentifier(m_database))));
    QTRY_COMPARE_WITH_TIMEOUT(m_replies.size(), 4, 20000);
    for (int i = 0; i < 3; ++i) {
        const EditReply &reply = m_replies.at(i + 1);
        QCOMPARE(reply.actionId, requests.at(i).actionId);
        QVERIFY2(reply.outcome.committed(), qPrintable(why(reply.outcome)));
        QCOMPARE(
            count(QStringLiteral("SELECT count(*) FROM users WHERE id = $1::uuid"), {ids.at(i)}),
            1);
    }
    QVERIFY(m_connected.size() >= 2);
    QVERIFY(m_connected.last().backendPid != pid);
    QCOMPARE(m_worker->connectionState(), WorkerBase::ConnectionState::Connected);
}

void TestEditWorker::requestLostBeforeCommitRunsAgainAfterReconnect()
{
    // An interactive body whose first run loses its connection before the commit (it closes
    // the database to new connections and ends its own backend): the runner cannot
    // reconnect, the transaction certainly did not commit, so the worker keeps the request
    // and runs it again once it has reconnected.
    auto admin = std::shared_ptr<PgConnection>(TestServer::connect(QStringLiteral("postgres")));
    const QString database = PgConnection::quoteIdentifier(m_database);
    const QString id = newClientUuid();
    auto runs = std::make_shared<std::atomic<int>>(0);
    TransactionBody body;
    body.action = QStringLiteral("Add user, the hard way");
    body.interactive = [admin, database, id, runs](TransactionSession &session) -> Status {
        if (runs->fetch_add(1) == 0) {
            auto closed = admin->exec(
                QStringLiteral("ALTER DATABASE %1 ALLOW_CONNECTIONS false").arg(database));
            if (!closed)
                return closed.error();
            auto killed =
                session.exec(QStringLiteral("SELECT pg_terminate_backend(pg_backend_pid())"));
            if (!killed)
                return killed.error();
        }
        auto inserted = session.exec(
            QStringLiteral(
                "INSERT INTO users (id, city, name) VALUES ($1::uuid, 'boston', 'Hard')"),
            {id});
        if (!inserted)
            return inserted.error();
        return Ok{};
    };
    body.verify = Statement{QStringLiteral("SELECT 1 FROM users WHERE id = $1::uuid"), {id}};
    RetryPolicy quick;
    quick.maxAttempts = 2;
    const EditRequest hard = request(body, quick);
    submit(m_worker, hard);
    QTRY_VERIFY_WITH_TIMEOUT(m_reconnecting.size() >= 1, 20000);
    QCOMPARE(m_replies.size(), 0);
    QVERIFY(admin->exec(QStringLiteral("ALTER DATABASE %1 ALLOW_CONNECTIONS true").arg(database)));
    QTRY_COMPARE_WITH_TIMEOUT(m_replies.size(), 1, 20000);
    const EditReply &reply = m_replies.first();
    QCOMPARE(reply.actionId, hard.actionId);
    QVERIFY2(reply.outcome.committed(), qPrintable(why(reply.outcome)));
    QVERIFY(reply.reruns >= 1);
    QVERIFY(runs->load() >= 2);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM users WHERE id = $1::uuid"), {id}), 1);
    // The trace holds the statements of every run, the killing one included.
    bool sawKill = false;
    for (const TraceEntry &entry : reply.outcome.trace)
        sawKill = sawKill || entry.sql.contains(QLatin1String("pg_terminate_backend"));
    QVERIFY(sawKill);
}

void TestEditWorker::ambiguousCommitIsResolvedNotRerun()
{
    // Through a proxy that drops the connection right after forwarding the pipeline (BEGIN,
    // INSERT, COMMIT, Sync): the server commits, the worker sees the connection lost after
    // COMMIT was sent. The reply says committed (looked up), and the edit is not run again.
    TcpProxy proxy(QStringLiteral("127.0.0.1"), TestServer::settings(m_database).port(),
                   std::chrono::milliseconds(0));
    QCOMPARE(proxy.start(), QString());
    WorkerBase::shutdownAndDelete(m_worker);
    m_connected.clear();
    m_worker = makeWorker(proxy.route(TestServer::settings(m_database)));
    submit(m_worker, request(Operations::addUser(userNamed(QStringLiteral("Warm up")))));
    QTRY_COMPARE_WITH_TIMEOUT(m_replies.size(), 1, 10000);
    QVERIFY(m_replies.first().outcome.committed());

    TcpProxy::DropRule rule;
    rule.type = 'S';
    rule.when = TcpProxy::When::AfterForwarding;
    proxy.dropOn(rule);
    const AddUserInput input = userNamed(QStringLiteral("Ambiguous"));
    submit(m_worker, request(Operations::addUser(input)));
    QTRY_COMPARE_WITH_TIMEOUT(m_replies.size(), 2, 20000);
    QCOMPARE(proxy.dropsDone(), 1);
    const EditReply &reply = m_replies.last();
    QVERIFY2(reply.outcome.committed(), qPrintable(why(reply.outcome)));
    QVERIFY(reply.outcome.wasAmbiguous);
    QCOMPARE(reply.reruns, 0);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM users WHERE id = $1::uuid"), {input.id}),
             1);

    // The worker goes on with the next edit.
    const AddUserInput after = userNamed(QStringLiteral("After"));
    submit(m_worker, request(Operations::addUser(after)));
    QTRY_COMPARE_WITH_TIMEOUT(m_replies.size(), 3, 10000);
    QVERIFY(m_replies.last().outcome.committed());
    WorkerBase::shutdownAndDelete(m_worker);
    m_worker = nullptr;
}

void TestEditWorker::ambiguousCommitLookedUpAfterReconnect()
{
    // As above, but the database refuses new connections when the connection drops: the
    // runner cannot look the commit up. The worker keeps the request, reconnects when it can,
    // and then only looks it up (the insert is not run again).
    TcpProxy proxy(QStringLiteral("127.0.0.1"), TestServer::settings(m_database).port(),
                   std::chrono::milliseconds(0));
    QCOMPARE(proxy.start(), QString());
    WorkerBase::shutdownAndDelete(m_worker);
    m_worker = makeWorker(proxy.route(TestServer::settings(m_database)));
    submit(m_worker, request(Operations::addUser(userNamed(QStringLiteral("Warm up")))));
    QTRY_COMPARE_WITH_TIMEOUT(m_replies.size(), 1, 10000);

    auto admin = TestServer::connect(QStringLiteral("postgres"));
    const QString database = PgConnection::quoteIdentifier(m_database);
    QVERIFY(admin->exec(QStringLiteral("ALTER DATABASE %1 ALLOW_CONNECTIONS false").arg(database)));
    TcpProxy::DropRule rule;
    rule.type = 'S';
    rule.when = TcpProxy::When::AfterForwarding;
    proxy.dropOn(rule);
    const AddUserInput input = userNamed(QStringLiteral("Looked up later"));
    RetryPolicy quick;
    quick.maxAttempts = 2;
    submit(m_worker, request(Operations::addUser(input), quick));
    QTRY_VERIFY_WITH_TIMEOUT(m_reconnecting.size() >= 2, 20000);
    QCOMPARE(m_replies.size(), 1); // not answered "unknown": still being worked on
    QCOMPARE(proxy.dropsDone(), 1);
    QVERIFY(admin->exec(QStringLiteral("ALTER DATABASE %1 ALLOW_CONNECTIONS true").arg(database)));
    QTRY_COMPARE_WITH_TIMEOUT(m_replies.size(), 2, 20000);
    const EditReply &reply = m_replies.last();
    QVERIFY2(reply.outcome.committed(), qPrintable(why(reply.outcome)));
    QVERIFY(reply.outcome.wasAmbiguous);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM users WHERE id = $1::uuid"), {input.id}),
             1);
    // The trace shows the look-up after the reconnect, and a single INSERT.
    int inserts = 0;
    bool lookedUp = false;
    for (const TraceEntry &entry : reply.outcome.trace) {
        inserts += entry.sql.contains(QLatin1String("INSERT INTO users")) ? 1 : 0;
        lookedUp = lookedUp ||
                   (entry.sql.startsWith(QLatin1String("SELECT 1 FROM users")) && entry.rows == 1);
    }
    QCOMPARE(inserts, 1);
    QVERIFY(lookedUp);
    WorkerBase::shutdownAndDelete(m_worker);
    m_worker = nullptr;
}

void TestEditWorker::deferredLookUpLetsACommitInFlightFinish()
{
    // As above, but the old session is still executing its COMMIT when the worker, back
    // again, looks it up (a deferred trigger waits for a lock the test holds). The look-up
    // must let a COMMIT in flight finish (bounded) before it ends the old session, as the
    // runner's own look-up does: the edit then committed. Ending the session at once killed
    // the COMMIT and reported "not committed" for an edit the user had seen go out.
    // The worker's clock stands still and its sleeper does not sleep: during the look-up's
    // first wait the lock is released, so only the session's state ends the wait.
    QVERIFY(m_sql->execScript(QStringLiteral(R"SQL(
CREATE TABLE IF NOT EXISTS slow_commit (id uuid PRIMARY KEY);
CREATE OR REPLACE FUNCTION slow_commit_wait() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_lock(4712);
    PERFORM pg_advisory_unlock(4712);
    RETURN NULL;
END$$;
DROP TRIGGER IF EXISTS slow_commit_wait ON slow_commit;
CREATE CONSTRAINT TRIGGER slow_commit_wait AFTER INSERT ON slow_commit
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION slow_commit_wait();
)SQL")));
    auto insert = [](const QString &id) {
        TransactionBody body;
        body.action = QStringLiteral("Slow commit");
        body.statements.append(
            Statement{QStringLiteral("INSERT INTO slow_commit VALUES ($1::uuid)"), {id}});
        body.verify =
            Statement{QStringLiteral("SELECT 1 FROM slow_commit WHERE id = $1::uuid"), {id}};
        return request(body);
    };
    auto locker = TestServer::connect(m_database);
    std::atomic<bool> armed{false};
    std::atomic<bool> released{false};
    const auto frozen = std::chrono::steady_clock::now();

    TcpProxy proxy(QStringLiteral("127.0.0.1"), TestServer::settings(m_database).port(),
                   std::chrono::milliseconds(0));
    QCOMPARE(proxy.start(), QString());
    WorkerBase::shutdownAndDelete(m_worker);
    ReconnectPolicy reconnect;
    reconnect.initialDelay = std::chrono::milliseconds(50);
    reconnect.maxDelay = std::chrono::milliseconds(200);
    reconnect.maxAttempts = 0;
    m_worker = makeWorker(
        proxy.route(TestServer::settings(m_database)), reconnect, [&](EditWorker *worker) {
            worker->setClock([frozen] { return frozen; });
            // Runs on the worker's thread; the test thread does not use
            // `locker` meanwhile.
            worker->setSleeper([&](std::chrono::microseconds) {
                if (armed && !released.exchange(true))
                    (void)locker->exec(QStringLiteral("SELECT pg_advisory_unlock(4712)"));
            });
        });
    submit(m_worker, insert(QUuid::createUuid().toString(QUuid::WithoutBraces)));
    QTRY_COMPARE_WITH_TIMEOUT(m_replies.size(), 1, 10000);
    QVERIFY(m_replies.first().outcome.committed());

    QVERIFY(locker->exec(QStringLiteral("SELECT pg_advisory_lock(4712)")));
    auto admin = TestServer::connect(QStringLiteral("postgres"));
    const QString database = PgConnection::quoteIdentifier(m_database);
    QVERIFY(admin->exec(QStringLiteral("ALTER DATABASE %1 ALLOW_CONNECTIONS false").arg(database)));
    TcpProxy::DropRule rule;
    rule.type = 'S';
    rule.when = TcpProxy::When::AfterForwarding;
    proxy.dropOn(rule);
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    RetryPolicy quick;
    quick.maxAttempts = 2;
    EditRequest slow = insert(id);
    slow.policy = quick;
    submit(m_worker, slow);
    QTRY_VERIFY_WITH_TIMEOUT(m_reconnecting.size() >= 2, 20000);
    QCOMPARE(m_replies.size(), 1);
    QCOMPARE(proxy.dropsDone(), 1);
    // The old session is in its COMMIT, waiting for the lock.
    QTRY_COMPARE(count(QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE datname = $1 "
                                      "AND query = 'COMMIT' AND wait_event_type = 'Lock'"),
                       {m_database}),
                 qint64(1));
    armed = true;
    QVERIFY(admin->exec(QStringLiteral("ALTER DATABASE %1 ALLOW_CONNECTIONS true").arg(database)));
    QTRY_COMPARE_WITH_TIMEOUT(m_replies.size(), 2, 20000);
    if (!released)
        (void)locker->exec(QStringLiteral("SELECT pg_advisory_unlock(4712)"));
    const EditReply &reply = m_replies.last();
    QVERIFY2(reply.outcome.committed(), qPrintable(why(reply.outcome)));
    QVERIFY(released); // the look-up waited for the COMMIT in flight
    QVERIFY(reply.outcome.wasAmbiguous);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM slow_commit WHERE id = $1::uuid"), {id}),
             1);
    bool waitedForCommit = false;
    for (const TraceEntry &entry : reply.outcome.trace)
        waitedForCommit = waitedForCommit || entry.sql == CommitResolver::inFlightQuery();
    QVERIFY(waitedForCommit);
    WorkerBase::shutdownAndDelete(m_worker);
    m_worker = nullptr;
}

void TestEditWorker::shutdownWithLongQueryReturnsPromptly()
{
    submit(m_worker, sleeper(60));
    QTRY_VERIFY_WITH_TIMEOUT(sleeping(), 10000);
    // The bound is far below the query's 60 s: only a cancel on the server lets it return.
    QVERIFY(m_worker->shutdown(std::chrono::milliseconds(5000)));
    QTRY_VERIFY_WITH_TIMEOUT(!sleeping(), 5000);
    QCOMPARE(m_worker->connectionState(), WorkerBase::ConnectionState::Disconnected);
    delete m_worker;
    m_worker = nullptr;
    // The worker's connection is closed.
    QTRY_COMPARE_WITH_TIMEOUT(count(QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE "
                                                   "datname = $1 AND pid <> pg_backend_pid() "
                                                   "AND backend_type = 'client backend'"),
                                    {m_database}),
                              0, 5000);
}

void TestEditWorker::shutdownOnASlowNetworkIsBounded()
{
    // The network turns slow (2 s each way) while a long query runs: the cancel needs 4 s to
    // take effect, far beyond shutdown's bound. Shutdown still returns within its bound:
    // the worker's socket is shut down, the runner does not try to reconnect, and the edit
    // is reported as Unknown (COMMIT was on its way) with how to check.
    TcpProxy proxy(QStringLiteral("127.0.0.1"), TestServer::settings(m_database).port(),
                   std::chrono::milliseconds(0));
    QCOMPARE(proxy.start(), QString());
    WorkerBase::shutdownAndDelete(m_worker);
    m_worker = makeWorker(proxy.route(TestServer::settings(m_database)));
    submit(m_worker, request(Operations::addUser(userNamed(QStringLiteral("Fast")))));
    QTRY_COMPARE_WITH_TIMEOUT(m_replies.size(), 1, 10000);

    proxy.setDelay(std::chrono::milliseconds(2000));
    submit(m_worker, sleeper(60));
    QTRY_VERIFY_WITH_TIMEOUT(sleeping(), 10000);
    QVERIFY(m_worker->shutdown(std::chrono::milliseconds(500)));
    QTRY_COMPARE_WITH_TIMEOUT(m_replies.size(), 2, 5000);
    const Outcome &outcome = m_replies.last().outcome;
    QVERIFY(!outcome.committed());
    QCOMPARE(outcome.state, Outcome::State::Unknown);
    QVERIFY(!outcome.howToCheck.isEmpty());
    delete m_worker;
    m_worker = nullptr;
    // The cancel arrives in the end.
    QTRY_VERIFY_WITH_TIMEOUT(!sleeping(), 15000);
}

void TestEditWorker::cancelRunningRequest()
{
    const EditRequest slow = sleeper(60);
    const AddUserInput input = userNamed(QStringLiteral("After the cancel"));
    const EditRequest next = request(Operations::addUser(input));
    submit(m_worker, slow);
    submit(m_worker, next);
    QTRY_VERIFY_WITH_TIMEOUT(sleeping(), 10000);
    m_worker->cancelCurrent(next.actionId); // not running: nothing happens to the sleeper
    m_worker->cancelCurrent(slow.actionId);
    QTRY_COMPARE_WITH_TIMEOUT(m_replies.size(), 2, 10000);
    const Outcome &cancelled = m_replies.first().outcome;
    QCOMPARE(m_replies.first().actionId, slow.actionId);
    QVERIFY(!cancelled.committed());
    QCOMPARE(cancelled.error->kind, ErrorClass::Canceled);
    QVERIFY2(cancelled.error->sqlState == QLatin1String("57014"), qPrintable(why(cancelled)));
    QVERIFY(!sleeping());

    // `next` was cancelled before it started: abandoned, never sent.
    QCOMPARE(m_replies.at(1).actionId, next.actionId);
    QCOMPARE(m_replies.at(1).outcome.error->kind, ErrorClass::Canceled);
    QVERIFY(neverSent(m_replies.at(1).outcome));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM users WHERE id = $1::uuid"), {input.id}),
             0);
}

void TestEditWorker::cancelQueuedRequestNeverSendsIt()
{
    const EditRequest slow = sleeper(60);
    const AddUserInput dropped = userNamed(QStringLiteral("Dropped"));
    const AddUserInput kept = userNamed(QStringLiteral("Kept"));
    const EditRequest droppedRequest = request(Operations::addUser(dropped));
    const EditRequest keptRequest = request(Operations::addUser(kept));
    submit(m_worker, slow);
    submit(m_worker, droppedRequest);
    submit(m_worker, keptRequest);
    QTRY_VERIFY_WITH_TIMEOUT(sleeping(), 10000);
    m_worker->cancelCurrent(droppedRequest.actionId);
    m_worker->cancelCurrent(slow.actionId);
    QTRY_COMPARE_WITH_TIMEOUT(m_replies.size(), 3, 10000);
    QCOMPARE(m_replies.at(0).outcome.error->kind, ErrorClass::Canceled);
    QCOMPARE(m_replies.at(1).actionId, droppedRequest.actionId);
    QVERIFY(!m_replies.at(1).outcome.committed());
    QVERIFY(neverSent(m_replies.at(1).outcome));
    QCOMPARE(m_replies.at(2).actionId, keptRequest.actionId);
    QVERIFY(m_replies.at(2).outcome.committed());
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM users WHERE id = $1::uuid"), {dropped.id}),
             0);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM users WHERE id = $1::uuid"), {kept.id}), 1);

    // A cancel for a request still on its way to the worker applies when it arrives.
    const AddUserInput late = userNamed(QStringLiteral("Late"));
    const EditRequest lateRequest = request(Operations::addUser(late));
    m_worker->cancelCurrent(lateRequest.actionId);
    submit(m_worker, lateRequest);
    QTRY_COMPARE_WITH_TIMEOUT(m_replies.size(), 4, 10000);
    QCOMPARE(m_replies.at(3).outcome.error->kind, ErrorClass::Canceled);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM users WHERE id = $1::uuid"), {late.id}), 0);
}

void TestEditWorker::supersededRequestsAreDropped()
{
    const EditRequest slow = sleeper(60);
    QList<EditRequest> older;
    QList<QString> olderIds;
    for (int i = 0; i < 2; ++i) {
        const AddUserInput input = userNamed(QStringLiteral("Old %1").arg(i));
        olderIds.append(input.id);
        older.append(request(Operations::addUser(input)));
    }
    submit(m_worker, slow);
    for (const EditRequest &r : older)
        submit(m_worker, r);
    QTRY_VERIFY_WITH_TIMEOUT(sleeping(), 10000);
    const AddUserInput newest = userNamed(QStringLiteral("Newest"));
    const EditRequest newestRequest = request(Operations::addUser(newest));
    m_worker->supersede(newestRequest.actionId); // everything older goes, the sleeper too
    submit(m_worker, newestRequest);
    QTRY_COMPARE_WITH_TIMEOUT(m_replies.size(), 4, 10000);
    QCOMPARE(m_replies.at(0).outcome.error->sqlState, QStringLiteral("57014"));
    for (int i = 1; i <= 2; ++i) {
        QCOMPARE(m_replies.at(i).outcome.error->kind, ErrorClass::Canceled);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM users WHERE id = $1::uuid"),
                       {olderIds.at(i - 1)}),
                 0);
    }
    QVERIFY(m_replies.at(3).outcome.committed());
    QVERIFY(!sleeping());
}

void TestEditWorker::injectRetryErrorsOnPostgres()
{
    QMetaObject::invokeMethod(m_worker, "setInjectRetryErrors", Qt::QueuedConnection,
                              Q_ARG(bool, true));
    QTRY_COMPARE_WITH_TIMEOUT(m_injectErrors.size(), 1, 5000);
    QCOMPARE(m_injectErrors.first(), QString());
    const AddUserInput input = userNamed(QStringLiteral("Injected"));
    submit(m_worker, request(Operations::addUser(input)));
    QTRY_COMPARE_WITH_TIMEOUT(m_replies.size(), 1, 10000);
    const Outcome &outcome = m_replies.first().outcome;
    QVERIFY(outcome.committed());
    QCOMPARE(outcome.attempts, 2);
    bool sawInjected = false;
    for (const TraceEntry &entry : outcome.trace)
        sawInjected = sawInjected || entry.injected;
    QVERIFY(sawInjected);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM users WHERE id = $1::uuid"), {input.id}),
             1);

    QMetaObject::invokeMethod(m_worker, "setInjectRetryErrors", Qt::QueuedConnection,
                              Q_ARG(bool, false));
    submit(m_worker, request(Operations::addUser(userNamed(QStringLiteral("Plain")))));
    QTRY_COMPARE_WITH_TIMEOUT(m_replies.size(), 2, 10000);
    QCOMPARE(m_replies.last().outcome.attempts, 1);
}

// The commit-step toggle: on PostgreSQL the runner raises a 40001 right before COMMIT of the
// first attempt; the edit commits on the second.
void TestEditWorker::injectRetryErrorsAtCommitOnPostgres()
{
    QSignalSpy changed(m_worker, &EditWorker::injectRetryErrorsOnCommitChanged);
    QMetaObject::invokeMethod(m_worker, "setInjectRetryErrorsOnCommit", Qt::QueuedConnection,
                              Q_ARG(bool, true));
    QTRY_COMPARE_WITH_TIMEOUT(changed.size(), 1, 5000);
    QCOMPARE(changed.first().at(0).toBool(), true);
    QCOMPARE(changed.first().at(1).toString(), QString());
    const AddUserInput input = userNamed(QStringLiteral("Injected at commit"));
    submit(m_worker, request(Operations::addUser(input)));
    QTRY_COMPARE_WITH_TIMEOUT(m_replies.size(), 1, 10000);
    const Outcome &outcome = m_replies.first().outcome;
    QVERIFY(outcome.committed());
    QCOMPARE(outcome.attempts, 2);
    qsizetype injected = -1;
    for (qsizetype i = 0; i < outcome.trace.size(); ++i) {
        if (outcome.trace.at(i).injected)
            injected = i;
    }
    QVERIFY(injected >= 0);
    QCOMPARE(outcome.trace.at(injected).attempt, 1);
    QCOMPARE(outcome.trace.at(injected + 1).sql, QStringLiteral("COMMIT"));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM users WHERE id = $1::uuid"), {input.id}),
             1);

    QMetaObject::invokeMethod(m_worker, "setInjectRetryErrorsOnCommit", Qt::QueuedConnection,
                              Q_ARG(bool, false));
    submit(m_worker, request(Operations::addUser(userNamed(QStringLiteral("Plain")))));
    QTRY_COMPARE_WITH_TIMEOUT(m_replies.size(), 2, 10000);
    QCOMPARE(m_replies.last().outcome.attempts, 1);
}

void TestEditWorker::connectionFailureIsReported()
{
    // Nothing listens on this port: reconnecting, then failed after the attempt cap; the
    // request stays queued until shutdown.
    WorkerBase::shutdownAndDelete(m_worker);
    ConnectionSettings nowhere = TestServer::settings(m_database);
    nowhere.setValue(QStringLiteral("port"), QStringLiteral("1"));
    ReconnectPolicy policy;
    policy.initialDelay = std::chrono::milliseconds(10);
    policy.maxDelay = std::chrono::milliseconds(20);
    policy.maxAttempts = 3;
    m_worker = makeWorker(nowhere, policy);
    RetryPolicy quick;
    quick.maxAttempts = 1;
    submit(m_worker, request(Operations::addUser(userNamed(QStringLiteral("Nowhere"))), quick));
    QTRY_COMPARE_WITH_TIMEOUT(m_failed.size(), 1, 20000);
    QCOMPARE(m_reconnecting.size(), 3);
    QCOMPARE(m_retryDelays, (QList<int>{10, 20, 20}));
    QCOMPARE(m_worker->connectionState(), WorkerBase::ConnectionState::Failed);
    QCOMPARE(m_failed.first().kind, ErrorClass::Connection);
    QCOMPARE(m_replies.size(), 0);
    QCOMPARE(m_connected.size(), 0);
    // Shutdown answers the queued request as cancelled.
    QVERIFY(m_worker->shutdown());
    QTRY_COMPARE_WITH_TIMEOUT(m_replies.size(), 1, 5000);
    QCOMPARE(m_replies.first().outcome.error->kind, ErrorClass::Canceled);
    // The SQL panel is told that it was never sent, and why (it holds nothing else of it).
    QVERIFY(neverSent(m_replies.first().outcome));
    QVERIFY(!m_replies.first().outcome.trace.first().error.isEmpty());
    delete m_worker;
    m_worker = nullptr;
}

// A wrong password is not retried with backoff (however many attempts the policy allows):
// the worker fails at once and names the reason, and the request waits, unsent.
void TestEditWorker::wrongPasswordFailsAtOnce()
{
    WorkerBase::shutdownAndDelete(m_worker);
    ConnectionSettings wrong = TestServer::settings(m_database);
    wrong.setValue(QStringLiteral("password"), QStringLiteral("not-the-password"));
    ReconnectPolicy policy;
    policy.initialDelay = std::chrono::milliseconds(10);
    policy.maxAttempts = 0; // unlimited for transient failures
    m_worker = makeWorker(wrong, policy);
    submit(m_worker, request(Operations::addUser(userNamed(QStringLiteral("Wrong")))));
    QTRY_COMPARE_WITH_TIMEOUT(m_failed.size(), 1, 20000);
    QCOMPARE(m_failed.first().connectFailure, ConnectFailure::AuthenticationFailed);
    QVERIFY2(!m_failed.first().message.contains(QLatin1String("not-the-password")),
             qPrintable(m_failed.first().message));
    QCOMPARE(m_reconnecting.size(), 0);
    QCOMPARE(m_worker->connectionState(), WorkerBase::ConnectionState::Failed);
    // Nothing more is tried: no new attempt starts (with a 10 ms backoff, one would within
    // this bound). A condition wait that ends early if the worker does try, not a sleep.
    QObject context; // the state arrives queued, on this thread
    int attempts = 0;
    connect(m_worker, &WorkerBase::connectionStateChanged, &context, [&attempts] { ++attempts; });
    QVERIFY(!QTest::qWaitFor([&attempts] { return attempts > 0; }, 200));
    QCOMPARE(m_failed.size(), 1);
    QCOMPARE(m_replies.size(), 0);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM users WHERE name = 'Wrong'")), 0);
}

void TestEditWorker::shutdownWithoutStartAndIdle()
{
    auto *unstarted = new EditWorker(TestServer::settings(m_database));
    QVERIFY(unstarted->shutdown());
    delete unstarted;
    // Idle and never connected.
    QVERIFY(m_worker->shutdown());
    QVERIFY(m_worker->shutdown()); // idempotent
    QCOMPARE(m_connected.size(), 0);
    delete m_worker;
    m_worker = nullptr;
}

QTEST_GUILESS_MAIN(TestEditWorker)
#include "tst_editworker.moc"
