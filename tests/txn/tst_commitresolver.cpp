// CommitResolver on a real server, its waits driven by a fake clock and sleeper (no real
// sleep): an old session idle in its transaction is ended at once; a COMMIT still running
// in the old session is let finish (it commits), and the wait for it is bounded.

#include "TestServer.h"

#include "txn/CommitResolver.h"

#include <QTest>
#include <QUuid>

#include <libpq-fe.h>

using namespace std::chrono;

namespace {

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

constexpr int lockKey = 4711;

} // namespace

class TestCommitResolver : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void idleOldSessionIsEndedWithoutWaiting();
    void commitInFlightIsLetFinish();
    void waitForACommitInFlightIsBounded();
    void withoutOldSessionOnlyTheCheckRuns();

private:
    // The resolver on m_checker, with the fake clock and sleeper below.
    CommitResolver resolver();
    Statement verify(const QString &id) const;
    // A session whose COMMIT of `id` now waits in the deferred trigger for m_locker's lock.
    std::unique_ptr<PgConnection> commitBlockedOnLock(const QString &id);
    bool exists(const QString &id);
    bool sessionExists(int pid);

    QString m_database;
    std::unique_ptr<PgConnection> m_admin;
    std::unique_ptr<PgConnection> m_checker; // the resolver's connection
    std::unique_ptr<PgConnection> m_locker;  // holds the advisory lock the COMMIT waits for

    steady_clock::time_point m_now;
    QList<microseconds> m_sleeps;
    std::function<void(microseconds)> m_onSleep; // what a sleep does besides being recorded
};

void TestCommitResolver::initTestCase()
{
    m_database = TestServer::createDatabase(QStringLiteral("resolver"));
    m_admin = TestServer::connect(m_database);
    m_checker = TestServer::connect(m_database);
    m_locker = TestServer::connect(m_database);
    QVERIFY(m_admin
                ->execScript(QStringLiteral(R"SQL(
CREATE TABLE slow (id uuid PRIMARY KEY);
-- At COMMIT: waits for the advisory lock the test may hold.
CREATE FUNCTION wait_for_lock() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_lock(%1);
    PERFORM pg_advisory_unlock(%1);
    RETURN NULL;
END$$;
CREATE CONSTRAINT TRIGGER slow_commit AFTER INSERT ON slow
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION wait_for_lock();
)SQL")
                                 .arg(lockKey))
                .hasValue());
}

void TestCommitResolver::cleanup()
{
    // A test that failed half-way may still hold the lock.
    QVERIFY(m_locker->exec(QStringLiteral("SELECT pg_advisory_unlock_all()")));
}

CommitResolver TestCommitResolver::resolver()
{
    m_sleeps.clear();
    m_onSleep = {};
    return CommitResolver(
        [this](const TxnStatement &statement) -> Result<PgResult> {
            auto result = m_checker->exec(statement.sql, statement.params);
            if (!result && m_checker->isBroken()) {
                DbError error = result.error();
                error.kind = ErrorClass::Connection;
                return error;
            }
            return result;
        },
        [this] { return m_now; },
        [this](microseconds delay) {
            m_sleeps.append(delay);
            if (m_onSleep)
                m_onSleep(delay);
        });
}

Statement TestCommitResolver::verify(const QString &id) const
{
    return Statement{QStringLiteral("SELECT 1 FROM slow WHERE id = $1::uuid"), {id}};
}

bool TestCommitResolver::exists(const QString &id)
{
    auto result = m_admin->exec(verify(id).sql, verify(id).params);
    return result && result->rowCount() == 1;
}

bool TestCommitResolver::sessionExists(int pid)
{
    auto result = m_admin->exec(CommitResolver::stillThereQuery(), {QString::number(pid)});
    return result && result->rowCount() == 1;
}

std::unique_ptr<PgConnection> TestCommitResolver::commitBlockedOnLock(const QString &id)
{
    auto locked = m_locker->exec(QStringLiteral("SELECT pg_advisory_lock(%1)").arg(lockKey));
    if (!locked)
        qFatal("%s", qPrintable(locked.error().toString()));
    auto old = TestServer::connect(m_database);
    if (!old->execScript(QStringLiteral("BEGIN")) ||
        !old->exec(QStringLiteral("INSERT INTO slow VALUES ($1::uuid)"), {id}))
        qFatal("could not start the old session's transaction");
    // The test's own use of libpq: send the COMMIT without waiting for it.
    if (PQsendQuery(old->handle(), "COMMIT") != 1)
        qFatal("could not send COMMIT");
    return old;
}

void TestCommitResolver::idleOldSessionIsEndedWithoutWaiting()
{
    // The old session received no COMMIT: it waits for its client (ClientRead). The resolver
    // ends it at once (no sleep in the in-flight wait) and finds nothing committed.
    auto old = TestServer::connect(m_database);
    const QString id = newId();
    QVERIFY(old->execScript(QStringLiteral("BEGIN")));
    QVERIFY(old->exec(QStringLiteral("INSERT INTO slow VALUES ($1::uuid)"), {id}));
    const int pid = old->serverInfo().backendPid;
    // The backend shows ClientRead only once it blocks reading, a moment after its reply:
    // until then it looks busy, and the resolver would rightly poll once.
    const auto waitsForClient = [this, pid] {
        auto result = m_admin->exec(QStringLiteral("SELECT wait_event = 'ClientRead' FROM "
                                                   "pg_stat_activity WHERE pid = $1::int"),
                                    {QString::number(pid)});
        return result && result->rowCount() == 1 && result->text(0, 0) == u"t";
    };
    QTRY_VERIFY_WITH_TIMEOUT(waitsForClient(), 10000);

    CommitResolver lookUp = resolver();
    const CommitResolver::Verdict verdict = lookUp.resolve(verify(id), pid);
    QCOMPARE(verdict.state, CommitResolver::Verdict::State::NotCommitted);
    QVERIFY(!m_sleeps.contains(CommitResolver::inFlightPoll));
    QVERIFY(!sessionExists(pid));
    QVERIFY(!exists(id));
}

void TestCommitResolver::commitInFlightIsLetFinish()
{
    // The old session is executing its COMMIT (a deferred trigger waits for a lock). The
    // resolver waits; during its first sleep the lock is released, the COMMIT completes, the
    // session then waits for its client and is ended: the look-up finds the row. The fake
    // clock stands still once the lock is free, so only the session's state ends the wait.
    const QString id = newId();
    auto old = commitBlockedOnLock(id);
    const int pid = old->serverInfo().backendPid;
    QTRY_VERIFY(m_admin
                    ->exec(QStringLiteral("SELECT 1 FROM pg_stat_activity WHERE pid = $1::int AND "
                                          "wait_event_type = 'Lock' AND query = 'COMMIT'"),
                           {QString::number(pid)})
                    ->rowCount() == 1);

    CommitResolver lookUp = resolver();
    bool released = false;
    m_onSleep = [&](microseconds delay) {
        if (!released) {
            m_now += delay;
            QVERIFY(m_locker->exec(QStringLiteral("SELECT pg_advisory_unlock(%1)").arg(lockKey)));
            released = true;
        }
    };
    const CommitResolver::Verdict verdict = lookUp.resolve(verify(id), pid);
    QCOMPARE(verdict.state, CommitResolver::Verdict::State::Committed);
    QVERIFY(released);
    QVERIFY(m_sleeps.contains(CommitResolver::inFlightPoll));
    QVERIFY(!sessionExists(pid));
    QVERIFY(exists(id));
}

void TestCommitResolver::waitForACommitInFlightIsBounded()
{
    // The COMMIT never gets its lock: the resolver waits inFlightBound (on its clock), then
    // ends the session, whose transaction therefore did not commit.
    const QString id = newId();
    auto old = commitBlockedOnLock(id);
    const int pid = old->serverInfo().backendPid;
    QTRY_VERIFY(m_admin
                    ->exec(QStringLiteral("SELECT 1 FROM pg_stat_activity WHERE pid = $1::int AND "
                                          "wait_event_type = 'Lock' AND query = 'COMMIT'"),
                           {QString::number(pid)})
                    ->rowCount() == 1);

    CommitResolver lookUp = resolver();
    m_onSleep = [&](microseconds delay) { m_now += delay; };
    const CommitResolver::Verdict verdict = lookUp.resolve(verify(id), pid);
    QVERIFY(m_locker->exec(QStringLiteral("SELECT pg_advisory_unlock(%1)").arg(lockKey)));
    QCOMPARE(verdict.state, CommitResolver::Verdict::State::NotCommitted);
    microseconds waited{0};
    for (const microseconds sleep : std::as_const(m_sleeps)) {
        if (sleep == CommitResolver::inFlightPoll)
            waited += sleep;
    }
    QCOMPARE(waited, microseconds(CommitResolver::inFlightBound));
    QVERIFY(!sessionExists(pid));
    QVERIFY(!exists(id));
}

void TestCommitResolver::withoutOldSessionOnlyTheCheckRuns()
{
    const QString id = newId();
    QVERIFY(m_admin->exec(QStringLiteral("INSERT INTO slow VALUES ($1::uuid)"), {id}));
    CommitResolver lookUp = resolver();
    QCOMPARE(lookUp.resolve(verify(id), 0).state, CommitResolver::Verdict::State::Committed);
    QCOMPARE(lookUp.resolve(verify(newId()), 0).state,
             CommitResolver::Verdict::State::NotCommitted);
    QVERIFY(m_sleeps.isEmpty());
}

QTEST_GUILESS_MAIN(TestCommitResolver)
#include "tst_commitresolver.moc"
