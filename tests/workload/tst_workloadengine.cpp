// The workload engine (issue 12): the mix, the rate limit and the statistics as pure code;
// then real runs against the test server's PostgreSQL with MovR data: sessions, refusals,
// real serialization conflicts on a hot city, sessions killed mid-run, and a stop that
// leaves nothing open on the server.
#include "TcpProxy.h"
#include "TestServer.h"
#include "movr/Cities.h"
#include "workload/OpChooser.h"
#include "workload/RateLimiter.h"
#include "workload/WorkloadEngine.h"
#include "workload/WorkloadSession.h"
#include "workload/WorkloadStats.h"

#include <QElapsedTimer>
#include <QSet>
#include <QTest>

#include <atomic>
#include <mutex>
#include <thread>

using namespace std::chrono;
using namespace std::chrono_literals;

namespace {

const QString AppName = QString::fromLatin1(WorkloadSession::ApplicationName);

qint64 countOf(const std::array<OpStats, kWorkloadOpCount> &perOp, WorkloadOp op)
{
    const OpStats &stats = perOp[size_t(op)];
    return stats.ops + stats.refused + stats.errors;
}

} // namespace

class TestWorkloadEngine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    // Pure.
    void mixProportions_data();
    void mixProportions();
    void mixIsDeterministic();
    void hotCityTakesItsShareOfWrites();
    void rateLimiterSpacing();
    void rateLimiterRamp();
    void rateLimiterLiveChange();
    void rateLimiterStopEndsWait();
    void statsAgainstKnownLatencies();
    void statsTickResetsInterval();
    void outcomeMapping();
    void validateRejectsBadConfig_data();
    void validateRejectsBadConfig();

    // Real server.
    void preflight();
    void maxOpsEndsRun();
    void refusalsAreNotErrors();
    void concurrencyGivesServerSessions();
    void traceEntriesAreWorkload();
    void hotCityProducesRealRetries_data();
    void hotCityProducesRealRetries();
    void statementPerRoundTrip();
    void terminatedSessionsReconnect();
    void serverOutageReconnects();
    void ambiguousCommitsAreResolvedAndCounted();
    void stopEndsWithinOneSecond();
    void unexpectedErrorStopsRun();

private:
    WorkloadConfig config(int concurrency = 2) const;
    qint64 sessionsOnServer(const QString &state = {});
    QString m_database;
    std::unique_ptr<PgConnection> m_observer;
};

void TestWorkloadEngine::initTestCase()
{
    MovrCounts counts;
    counts.users = 90;
    counts.vehicles = 90;
    counts.rides = 90;
    counts.histories = 90;
    counts.promoCodes = 90;
    m_database = TestServer::createMovrDatabase(QStringLiteral("workload"), counts, 4);
    m_observer = TestServer::connect(m_database);
    QVERIFY(m_observer);
}

WorkloadConfig TestWorkloadEngine::config(int concurrency) const
{
    WorkloadConfig config;
    config.settings = TestServer::settings(m_database);
    config.concurrency = concurrency;
    config.seed = 42;
    return config;
}

qint64 TestWorkloadEngine::sessionsOnServer(const QString &state)
{
    const auto result = m_observer->exec(
        QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE application_name = $1 AND "
                       "datname = $2 AND ($3 = '' OR state = $3)"),
        {AppName, m_database, state});
    if (!result)
        return -1;
    return result->text(0, 0).toLongLong();
}

// ---- the mix ----

void TestWorkloadEngine::mixProportions_data()
{
    QTest::addColumn<WorkloadMix>("mix");
    QTest::newRow("canonical") << WorkloadMix::Canonical;
    QTest::newRow("steady") << WorkloadMix::Steady;
    QTest::newRow("writes") << WorkloadMix::Writes;
}

// 400,000 seeded calls. Tolerances: the read share within 0.003 (about 8 standard deviations
// at this count), each write's share of the writes within 0.02 (the canonical mix has about
// 20,000 writes: a standard deviation of at most 0.0035), each city within 0.01 of 1/9.
void TestWorkloadEngine::mixProportions()
{
    QFETCH(WorkloadMix, mix);
    OpChooser chooser(mix, 7, Cities::names());
    const int calls = 400000;
    qint64 reads = 0;
    qint64 writes = 0;
    std::array<qint64, kWorkloadOpCount> perOp{};
    QHash<QString, qint64> perCity;
    for (int i = 0; i < calls; ++i) {
        const OpChooser::Call call = chooser.next();
        ++perCity[call.city];
        if (call.ops == QList<WorkloadOp>{WorkloadOp::ReadVehicles}) {
            ++reads;
            continue;
        }
        QCOMPARE(call.ops.size(), 2);
        QCOMPARE(call.ops.first(), WorkloadOp::UpdateActiveRides);
        QVERIFY(isWrite(call.ops.last()));
        ++writes;
        ++perOp[size_t(call.ops.last())];
    }
    const double readShare = double(reads) / calls;
    QVERIFY2(qAbs(readShare - OpChooser::readFraction(mix)) < 0.003,
             qPrintable(QString::number(readShare)));
    const auto weights = OpChooser::writeWeights(mix);
    double sum = 0;
    for (WorkloadOp op : kWorkloadOps) {
        sum += weights[size_t(op)];
        const double share = writes ? double(perOp[size_t(op)]) / double(writes) : 0;
        QVERIFY2(qAbs(share - weights[size_t(op)]) < 0.02,
                 qPrintable(QStringLiteral("%1: %2 vs %3")
                                .arg(workloadOpName(op))
                                .arg(share)
                                .arg(weights[size_t(op)])));
    }
    QVERIFY(qAbs(sum - 1.0) < 1e-9);
    QCOMPARE(perCity.size(), 9);
    for (auto it = perCity.cbegin(); it != perCity.cend(); ++it)
        QVERIFY2(qAbs(double(it.value()) / calls - 1.0 / 9) < 0.01, qPrintable(it.key()));
    if (mix == WorkloadMix::Canonical) {
        QCOMPARE(weights[size_t(WorkloadOp::StartRide)], 0.40);
        QCOMPARE(weights[size_t(WorkloadOp::EndRide)], 0.07);
    } else {
        // Starts and ends balanced.
        QCOMPARE(weights[size_t(WorkloadOp::StartRide)], weights[size_t(WorkloadOp::EndRide)]);
    }
}

void TestWorkloadEngine::mixIsDeterministic()
{
    OpChooser a(WorkloadMix::Canonical, 99, Cities::names());
    OpChooser b(WorkloadMix::Canonical, 99, Cities::names());
    OpChooser c(WorkloadMix::Canonical, 100, Cities::names());
    bool differs = false;
    for (int i = 0; i < 1000; ++i) {
        const OpChooser::Call x = a.next();
        const OpChooser::Call y = b.next();
        const OpChooser::Call z = c.next();
        QCOMPARE(x.city, y.city);
        QCOMPARE(x.ops, y.ops);
        differs = differs || x.city != z.city || x.ops != z.ops;
    }
    QVERIFY(differs);
}

// hotFraction of the writes go to the hot city (within 0.01 over 50,000 writes); reads stay
// spread.
void TestWorkloadEngine::hotCityTakesItsShareOfWrites()
{
    OpChooser chooser(WorkloadMix::Writes, 3, Cities::names(), QStringLiteral("rome"), 0.8);
    qint64 hot = 0;
    const int calls = 50000;
    for (int i = 0; i < calls; ++i)
        hot += chooser.next().city == QStringLiteral("rome") ? 1 : 0;
    QVERIFY2(qAbs(double(hot) / calls - 0.8) < 0.01, qPrintable(QString::number(hot)));

    OpChooser reads(WorkloadMix::Canonical, 3, Cities::names(), QStringLiteral("rome"), 1.0);
    qint64 hotReads = 0;
    qint64 readCount = 0;
    for (int i = 0; i < calls; ++i) {
        const OpChooser::Call call = reads.next();
        if (call.ops.first() == WorkloadOp::ReadVehicles) {
            ++readCount;
            hotReads += call.city == QStringLiteral("rome") ? 1 : 0;
        } else {
            QCOMPARE(call.city, QStringLiteral("rome"));
        }
    }
    QVERIFY(qAbs(double(hotReads) / double(readCount) - 1.0 / 9) < 0.01);
}

// ---- the rate limit (a fake clock: no timing) ----

void TestWorkloadEngine::rateLimiterSpacing()
{
    RateLimiter::TimePoint now{};
    RateLimiter limiter(100, 0ms, [&now] { return now; });
    limiter.start();
    // Many sessions asking at the same instant get slots 10 ms apart.
    for (int i = 0; i < 200; ++i) {
        const RateLimiter::TimePoint slot = limiter.reserve(now);
        QVERIFY(qAbs(duration_cast<microseconds>(slot - now).count() - i * 10000) <= 1);
    }
    // A single session that takes each slot when due: exactly 100 in one second.
    RateLimiter single(100, 0ms, [&now] { return now; });
    now = RateLimiter::TimePoint{} + 1h;
    single.start();
    const RateLimiter::TimePoint begin = now;
    int taken = 0;
    for (;;) {
        now = std::max(now, single.reserve(now));
        if (now - begin >= 1s)
            break;
        ++taken;
    }
    QCOMPARE(taken, 100);
    // An idle period saves no burst: after 10 s idle the next two slots are 10 ms apart.
    now += 10s;
    const auto first = single.reserve(now);
    const auto second = single.reserve(now);
    QVERIFY(first <= now);
    QCOMPARE(duration_cast<milliseconds>(second - first).count(), 10);
    // Unlimited: every slot is now.
    RateLimiter unlimited(0, 0ms, [&now] { return now; });
    for (int i = 0; i < 10; ++i)
        QVERIFY(unlimited.reserve(now) == now);
}

// A linear ramp from 0 to 100 ops/s over 10 s admits the integral, 500 ops (within 3%), in
// those 10 s, and 100 per second after.
void TestWorkloadEngine::rateLimiterRamp()
{
    RateLimiter::TimePoint now = RateLimiter::TimePoint{} + 1h;
    RateLimiter limiter(100, 10s, [&now] { return now; });
    limiter.start();
    const auto begin = now;
    QCOMPARE(limiter.rateAt(begin + 5s), 50.0);
    QCOMPARE(limiter.rateAt(begin + 20s), 100.0);
    int inRamp = 0;
    int after = 0;
    for (;;) {
        now = std::max(now, limiter.reserve(now));
        if (now - begin >= 11s)
            break;
        (now - begin < 10s ? inRamp : after)++;
    }
    QVERIFY2(qAbs(inRamp - 500) <= 15, qPrintable(QString::number(inRamp)));
    QVERIFY2(qAbs(after - 100) <= 2, qPrintable(QString::number(after)));
}

void TestWorkloadEngine::rateLimiterLiveChange()
{
    RateLimiter::TimePoint now = RateLimiter::TimePoint{} + 1h;
    RateLimiter limiter(10, 0ms, [&now] { return now; });
    limiter.start();
    const auto a = limiter.reserve(now);
    const auto b = limiter.reserve(now);
    QCOMPARE(duration_cast<milliseconds>(b - a).count(), 100);
    limiter.setMaxRate(1000);
    QCOMPARE(limiter.maxRate(), 1000.0);
    const auto c = limiter.reserve(now);
    const auto d = limiter.reserve(now);
    QVERIFY(c <= now);
    QCOMPARE(duration_cast<milliseconds>(d - c).count(), 1);
    limiter.setMaxRate(0);
    QVERIFY(limiter.reserve(now) == now);
}

// A session waiting for a slot 10 s away ends its wait when the run stops; a raised rate
// wakes it for an earlier slot. Bounds, not timings: the waits would last 10 s otherwise.
void TestWorkloadEngine::rateLimiterStopEndsWait()
{
    RateLimiter limiter(0.1, 0ms);
    limiter.start();
    QVERIFY(limiter.acquire()); // the first slot is now
    std::atomic<int> result{-1};
    std::thread waiter([&] { result = limiter.acquire() ? 1 : 0; });
    QElapsedTimer timer;
    timer.start();
    limiter.setMaxRate(1000);
    waiter.join();
    QCOMPARE(result.load(), 1);
    QVERIFY(timer.elapsed() < 5000);

    limiter.setMaxRate(0.1);
    QVERIFY(limiter.acquire());
    std::thread stopped([&] { result = limiter.acquire() ? 1 : 0; });
    timer.restart();
    limiter.stop();
    stopped.join();
    QCOMPARE(result.load(), 0);
    QVERIFY(timer.elapsed() < 5000);
    QVERIFY(!limiter.acquire());
}

// ---- statistics ----

void TestWorkloadEngine::statsAgainstKnownLatencies()
{
    WorkloadStats stats;
    // 1..1000 ms, Ok; the quantiles are known exactly up to the histogram's bound.
    for (int ms = 1; ms <= 1000; ++ms) {
        OpResult result;
        result.op = WorkloadOp::StartRide;
        result.latencyUs = ms * 1000;
        stats.record(result);
    }
    OpResult refused;
    refused.op = WorkloadOp::StartRide;
    refused.kind = OpResult::Kind::Refused;
    refused.latencyUs = 999999999;
    refused.attempts = 3;
    refused.retrySqlStates = {QStringLiteral("40001"), QStringLiteral("40P01")};
    stats.record(refused);
    OpResult error;
    error.op = WorkloadOp::StartRide;
    error.kind = OpResult::Kind::Error;
    error.error = QStringLiteral("boom");
    error.ambiguous = true;
    error.resolvedAs = Outcome::State::Unknown;
    stats.record(error);
    OpResult ambiguousOk;
    ambiguousOk.op = WorkloadOp::AddUser;
    ambiguousOk.latencyUs = 5000;
    ambiguousOk.ambiguous = true;
    ambiguousOk.resolvedAs = Outcome::State::Committed;
    ambiguousOk.attempts = 2;
    ambiguousOk.retrySqlStates = {QStringLiteral("40001")};
    stats.record(ambiguousOk);

    const WorkloadSnapshot snapshot = stats.tick(2.0);
    const OpStats &start = snapshot.cumulativeOf(WorkloadOp::StartRide);
    QCOMPARE(start.ops, 1000);
    QCOMPARE(start.refused, 1);
    QCOMPARE(start.errors, 1);
    QCOMPARE(start.retries, 2);
    QCOMPARE(start.retriesBySqlState.value(QStringLiteral("40001")), 1);
    QCOMPARE(start.retriesBySqlState.value(QStringLiteral("40P01")), 1);
    QCOMPARE(start.ambiguous, 1);
    QCOMPARE(start.ambiguousUnknown, 1);
    QCOMPARE(start.latency.count(), 1000); // only the Ok calls
    const double bound = 1.0 + LatencyHistogram::relativeError();
    auto near = [bound](qint64 value, qint64 expected) {
        return value >= expected && double(value) <= double(expected) * bound;
    };
    QVERIFY2(near(start.latency.quantile(0.5), 500000),
             qPrintable(QString::number(start.latency.quantile(0.5))));
    QVERIFY(near(start.latency.quantile(0.95), 950000));
    QVERIFY(near(start.latency.quantile(0.99), 990000));
    QCOMPARE(start.latency.max(), 1000000);
    QCOMPARE(snapshot.newErrors.size(), 1);
    QVERIFY(snapshot.newErrors.first().contains(QStringLiteral("boom")));

    const OpStats total = snapshot.cumulativeTotal();
    QCOMPARE(total.ops, 1001);
    QCOMPARE(total.retries, 3);
    QCOMPARE(total.retriesBySqlState.value(QStringLiteral("40001")), 2);
    QCOMPARE(total.ambiguous, 2);
    QCOMPARE(total.ambiguousCommitted, 1);
    QCOMPARE(total.latency.count(), 1001);
}

void TestWorkloadEngine::statsTickResetsInterval()
{
    WorkloadStats stats;
    OpResult result;
    result.op = WorkloadOp::ReadVehicles;
    result.latencyUs = 100;
    for (int i = 0; i < 5; ++i)
        stats.record(result);
    WorkloadSnapshot first = stats.tick(1.0);
    QCOMPARE(first.intervalOf(WorkloadOp::ReadVehicles).ops, 5);
    QCOMPARE(first.intervalSeconds, 1.0);
    stats.record(result);
    WorkloadSnapshot second = stats.tick(2.5);
    QCOMPARE(second.intervalOf(WorkloadOp::ReadVehicles).ops, 1);
    QCOMPARE(second.cumulativeOf(WorkloadOp::ReadVehicles).ops, 6);
    QCOMPARE(second.intervalSeconds, 1.5);
    QCOMPARE(second.intervalTotal().ops, 1);
    QVERIFY(second.newErrors.isEmpty());

    // Many threads record at once: nothing is lost.
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&stats, result] {
            for (int i = 0; i < 10000; ++i)
                stats.record(result);
        });
    for (auto &thread : threads)
        thread.join();
    QCOMPARE(stats.tick(3.0).cumulativeOf(WorkloadOp::ReadVehicles).ops, 40006);
}

void TestWorkloadEngine::outcomeMapping()
{
    Outcome committed;
    committed.state = Outcome::State::Committed;
    committed.attempts = 3;
    TraceEntry retry2;
    retry2.attempt = 2;
    retry2.retryCause = QStringLiteral("could not serialize access (SQLSTATE 40001)");
    TraceEntry failed2;
    failed2.attempt = 2;
    failed2.sqlState = QStringLiteral("40P01");
    failed2.error = QStringLiteral("deadlock detected");
    TraceEntry first3;
    first3.attempt = 3; // no cause recorded: the failed statement of attempt 2 tells
    committed.trace = {retry2, failed2, first3};
    OpResult ok = WorkloadSession::resultOf(WorkloadOp::StartRide, committed, 1234);
    QCOMPARE(ok.kind, OpResult::Kind::Ok);
    QCOMPARE(ok.attempts, 3);
    QCOMPARE(ok.retrySqlStates, (QStringList{QStringLiteral("40001"), QStringLiteral("40P01")}));
    QCOMPARE(ok.latencyUs, 1234);
    QVERIFY(!ok.ambiguous);

    Outcome refused;
    refused.state = Outcome::State::NotCommitted;
    refused.refused = true;
    refused.attempts = 1;
    refused.error = DbError::make(ErrorClass::Constraint, QStringLiteral("the vehicle is in use"));
    const OpResult no = WorkloadSession::resultOf(WorkloadOp::StartRide, refused, 1);
    QCOMPARE(no.kind, OpResult::Kind::Refused);
    QVERIFY(no.error.contains(QStringLiteral("in use")));

    Outcome failed;
    failed.state = Outcome::State::NotCommitted;
    failed.attempts = 1;
    failed.error = DbError::make(ErrorClass::Connection, QStringLiteral("server closed"));
    QCOMPARE(WorkloadSession::resultOf(WorkloadOp::AddUser, failed, 1).kind, OpResult::Kind::Error);

    Outcome ambiguousCommitted;
    ambiguousCommitted.state = Outcome::State::Committed;
    ambiguousCommitted.wasAmbiguous = true;
    ambiguousCommitted.attempts = 1;
    const OpResult a = WorkloadSession::resultOf(WorkloadOp::AddUser, ambiguousCommitted, 1);
    QCOMPARE(a.kind, OpResult::Kind::Ok);
    QVERIFY(a.ambiguous);
    QCOMPARE(a.resolvedAs, Outcome::State::Committed);

    Outcome unknown;
    unknown.state = Outcome::State::Unknown;
    unknown.attempts = 1;
    unknown.howToCheck = QStringLiteral("SELECT 1 FROM users WHERE id = 'x'");
    unknown.error = DbError::make(ErrorClass::Ambiguous, QStringLiteral("lost"));
    const OpResult u = WorkloadSession::resultOf(WorkloadOp::AddUser, unknown, 1);
    QCOMPARE(u.kind, OpResult::Kind::Error);
    QVERIFY(u.ambiguous);
    QCOMPARE(u.resolvedAs, Outcome::State::Unknown);
    QVERIFY(u.error.contains(QStringLiteral("SELECT 1 FROM users")));
}

void TestWorkloadEngine::validateRejectsBadConfig_data()
{
    QTest::addColumn<int>("which");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("negative rate") << 0 << QStringLiteral("rate");
    QTest::newRow("no session") << 1 << QStringLiteral("concurrency");
    QTest::newRow("hot fraction above 1") << 2 << QStringLiteral("hot fraction");
    QTest::newRow("hot fraction below 0") << 3 << QStringLiteral("hot fraction");
    QTest::newRow("unknown city") << 4 << QStringLiteral("atlantis");
    QTest::newRow("negative duration") << 5 << QStringLiteral("duration");
    QTest::newRow("negative max ops") << 6 << QStringLiteral("operations");
    QTest::newRow("no hot vehicle") << 7 << QStringLiteral("vehicle");
}

void TestWorkloadEngine::validateRejectsBadConfig()
{
    QFETCH(int, which);
    QFETCH(QString, mentions);
    WorkloadConfig config;
    QVERIFY(WorkloadEngine::validate(config));
    switch (which) {
    case 0:
        config.maxRate = -1;
        break;
    case 1:
        config.concurrency = 0;
        break;
    case 2:
        config.hotFraction = 1.5;
        break;
    case 3:
        config.hotFraction = -0.1;
        break;
    case 4:
        config.hotCity = QStringLiteral("atlantis");
        break;
    case 5:
        config.duration = -1s;
        break;
    case 6:
        config.maxOps = -1;
        break;
    case 7:
        config.hotVehicles = 0;
        break;
    }
    const Status status = WorkloadEngine::validate(config);
    QVERIFY(!status);
    const QString message = status.error().message;
    QVERIFY2(message.contains(mentions, Qt::CaseInsensitive), qPrintable(message));
    QVERIFY(message.endsWith(QLatin1Char('.')));
    QVERIFY(!message.contains(QLatin1Char('\n')));

    // Started anyway: the run fails at once with the same sentence, nothing runs.
    WorkloadEngine engine(config);
    engine.start();
    engine.wait();
    QCOMPARE(engine.state(), WorkloadEngine::State::Failed);
    QCOMPARE(engine.fatalError().value_or(QString()), message);
}

// ---- real runs ----

void TestWorkloadEngine::preflight()
{
    QVERIFY2(WorkloadEngine::preflight(config(4)), "a good configuration passes");

    WorkloadConfig tooMany = config(5000);
    const Status many = WorkloadEngine::preflight(tooMany);
    QVERIFY(!many);
    QVERIFY2(many.error().message.contains(QStringLiteral("5000")),
             qPrintable(many.error().message));

    WorkloadConfig empty = config();
    empty.settings = TestServer::settings(TestServer::createDatabase(QStringLiteral("nomovr")));
    const Status noTables = WorkloadEngine::preflight(empty);
    QVERIFY(!noTables);
    QVERIFY(!noTables.error().message.isEmpty());

    WorkloadConfig nowhere = config();
    nowhere.settings.setValue(QStringLiteral("port"), QStringLiteral("1"));
    nowhere.settings.setValue(QStringLiteral("connect_timeout"), QStringLiteral("2"));
    QVERIFY(!WorkloadEngine::preflight(nowhere));
}

// maxOps calls, exactly: each call records its read or its location update once.
void TestWorkloadEngine::maxOpsEndsRun()
{
    WorkloadConfig c = config(3);
    c.maxOps = 60;
    c.mix = WorkloadMix::Canonical;
    WorkloadEngine engine(c);
    QCOMPARE(engine.seed(), quint64(42));
    engine.start();
    engine.wait();
    QCOMPARE(engine.state(), WorkloadEngine::State::Finished);
    QVERIFY(!engine.fatalError());
    const WorkloadSnapshot snapshot = engine.tick();
    QCOMPARE(countOf(snapshot.cumulative, WorkloadOp::ReadVehicles) +
                 countOf(snapshot.cumulative, WorkloadOp::UpdateActiveRides),
             qint64(60));
    QCOMPARE(snapshot.cumulativeTotal().errors, 0);

    // The duration ends a run too.
    WorkloadConfig timed = config(2);
    timed.duration = 300ms;
    timed.maxRate = 50;
    WorkloadEngine second(timed);
    QElapsedTimer timer;
    timer.start();
    second.start();
    second.wait();
    QVERIFY(timer.elapsed() < 5000);
    QCOMPARE(second.state(), WorkloadEngine::State::Finished);
    const WorkloadSnapshot timedSnapshot = second.tick();
    QVERIFY(timedSnapshot.cumulativeTotal().ops > 0);
    // The global rate holds across both sessions: at 50 calls/s, a 300 ms run makes at most
    // 15 calls and the one at its start (an upper bound only: a slow machine makes fewer).
    const qint64 calls = countOf(timedSnapshot.cumulative, WorkloadOp::ReadVehicles) +
                         countOf(timedSnapshot.cumulative, WorkloadOp::UpdateActiveRides);
    QVERIFY2(calls <= 16, qPrintable(QString::number(calls)));
}

// One hot vehicle and writes only: most starts find it in use. Refused, not errors, and
// with tolerateErrors off the run goes on to its end.
void TestWorkloadEngine::refusalsAreNotErrors()
{
    WorkloadConfig c = config(2);
    c.mix = WorkloadMix::Writes;
    c.hotCity = QStringLiteral("boston");
    c.hotFraction = 1.0;
    c.hotVehicles = 1;
    c.maxOps = 80;
    c.tolerateErrors = false;
    WorkloadEngine engine(c);
    engine.start();
    engine.wait();
    QVERIFY2(!engine.fatalError(), qPrintable(engine.fatalError().value_or(QString())));
    QCOMPARE(engine.state(), WorkloadEngine::State::Finished);
    const WorkloadSnapshot snapshot = engine.tick();
    const OpStats total = snapshot.cumulativeTotal();
    QCOMPARE(total.errors, 0);
    QVERIFY(total.refused > 0);
    QVERIFY(snapshot.cumulativeOf(WorkloadOp::StartRide).refused > 0);
    QVERIFY(total.ops > 0);
}

void TestWorkloadEngine::concurrencyGivesServerSessions()
{
    QCOMPARE(sessionsOnServer(), 0);
    WorkloadConfig c = config(4);
    c.maxRate = 40;
    WorkloadEngine engine(c);
    engine.start();
    QCOMPARE(engine.state(), WorkloadEngine::State::Running);
    QTRY_COMPARE_WITH_TIMEOUT(sessionsOnServer(), 4, 10000);
    engine.requestStop();
    engine.wait();
    QCOMPARE(engine.state(), WorkloadEngine::State::Finished);
    QTRY_COMPARE_WITH_TIMEOUT(sessionsOnServer(), 0, 5000);
}

void TestWorkloadEngine::traceEntriesAreWorkload()
{
    WorkloadConfig c = config(2);
    c.trace = true;
    c.maxOps = 40;
    c.mix = WorkloadMix::Writes;
    std::mutex mutex;
    QList<TraceEntry> entries;
    WorkloadEngine engine(c);
    engine.setTraceSink([&](const QList<TraceEntry> &batch) {
        std::lock_guard lock(mutex);
        entries += batch;
    });
    engine.start();
    engine.wait();
    std::lock_guard lock(mutex);
    QVERIFY(!entries.isEmpty());
    int outcomes = 0;
    int lookUps = 0;
    for (const TraceEntry &entry : std::as_const(entries)) {
        QCOMPARE(entry.source, TraceSource::Workload);
        outcomes += entry.isOutcome() ? 1 : 0;
        lookUps += entry.isRead ? 1 : 0; // the sessions' reads of ids (SessionEntities)
    }
    QVERIFY(outcomes >= 40);
    QVERIFY(lookUps > 0);
}

// Eight sessions, writes only, all on two vehicles of one city: concurrent starts and ends
// meet on the vehicle rows and PostgreSQL's SERIALIZABLE answers 40001; the runner retries
// them (ours, and the tutorials' loop), nothing is an error, and no vehicle ends up in two
// active rides.
void TestWorkloadEngine::hotCityProducesRealRetries_data()
{
    QTest::addColumn<bool>("tutorial");
    QTest::newRow("pipelined") << false;
    QTest::newRow("tutorials' way") << true;
}

void TestWorkloadEngine::hotCityProducesRealRetries()
{
    QFETCH(bool, tutorial);
    WorkloadConfig c = config(8);
    c.mix = WorkloadMix::Writes;
    c.hotCity = tutorial ? QStringLiteral("seattle") : QStringLiteral("amsterdam");
    c.hotFraction = 1.0;
    c.hotVehicles = 2;
    c.tolerateErrors = false;
    c.statementPerRoundTrip = tutorial;
    QVERIFY(WorkloadEngine::preflight(c));
    WorkloadEngine engine(c);
    engine.start();
    qint64 retries40001 = 0;
    QElapsedTimer timer;
    timer.start();
    WorkloadSnapshot last;
    while (timer.elapsed() < 30000 && engine.state() == WorkloadEngine::State::Running) {
        last = engine.tick();
        retries40001 = last.cumulativeTotal().retriesBySqlState.value(QStringLiteral("40001"));
        if (retries40001 >= 5)
            break;
        QTest::qWait(100);
    }
    engine.requestStop();
    engine.wait();
    QVERIFY2(!engine.fatalError(), qPrintable(engine.fatalError().value_or(QString())));
    QVERIFY2(retries40001 >= 5, qPrintable(QString::number(retries40001)));
    const OpStats total = engine.tick().cumulativeTotal();
    QCOMPARE(total.errors, 0);
    QVERIFY(total.ops > 0);

    const auto doubled = m_observer->exec(QStringLiteral(
        "SELECT count(*) FROM (SELECT vehicle_city, vehicle_id FROM rides WHERE end_time IS "
        "NULL GROUP BY 1, 2 HAVING count(*) > 1) AS twice"));
    QVERIFY(doubled);
    QCOMPARE(doubled->text(0, 0), QStringLiteral("0"));
    const auto status = m_observer->exec(QStringLiteral(
        "SELECT count(*) FROM vehicles v WHERE v.status IN ('available', 'in_use') AND "
        "(v.status = 'in_use') <> EXISTS (SELECT 1 FROM rides r WHERE r.vehicle_city = v.city "
        "AND r.vehicle_id = v.id AND r.end_time IS NULL)"));
    QVERIFY(status);
    QCOMPARE(status->text(0, 0), QStringLiteral("0"));
}

// The tutorials' way (TutorialOperations run by TutorialRunner): the same engine, statement
// by statement. A start ride committed at its first attempt sends its four statements
// (vehicle, ride, vehicle status, promo codes) where our way sends one, and the tutorials'
// protocol around them (BEGIN, SAVEPOINT, RELEASE, COMMIT), each on its own: 8 statements,
// 8 round trips. Nothing is an error and the invariants hold after.
void TestWorkloadEngine::statementPerRoundTrip()
{
    struct Counts
    {
        int statements = -1; // the operation's own statements
        int sent = -1;       // everything sent for it
    };
    auto startRide = [this](bool tutorial) {
        WorkloadConfig c = config(2);
        c.mix = WorkloadMix::Writes;
        c.statementPerRoundTrip = tutorial;
        c.maxOps = 60;
        c.trace = true;
        std::mutex mutex;
        QHash<quint64, int> statements;
        QHash<quint64, int> sent;
        QSet<quint64> retried;
        QSet<quint64> committed;
        WorkloadEngine engine(c);
        engine.setTraceSink([&](const QList<TraceEntry> &batch) {
            std::lock_guard lock(mutex);
            for (const TraceEntry &entry : batch) {
                if (entry.action != QStringLiteral("Start ride"))
                    continue;
                if (entry.outcome == TraceOutcome::Committed)
                    committed.insert(entry.actionId);
                if (entry.isOutcome())
                    continue;
                if (entry.attempt > 1)
                    retried.insert(entry.actionId);
                const QString verb = entry.sql.section(QLatin1Char(' '), 0, 0).toUpper();
                ++sent[entry.actionId];
                if (verb == QStringLiteral("SELECT") || verb == QStringLiteral("INSERT") ||
                    verb == QStringLiteral("UPDATE") || verb == QStringLiteral("WITH"))
                    ++statements[entry.actionId];
            }
        });
        engine.start();
        engine.wait();
        const OpStats total = engine.tick().cumulativeTotal();
        std::lock_guard lock(mutex);
        Counts counts;
        if (engine.fatalError() || total.errors != 0)
            return counts;
        for (quint64 id : std::as_const(committed)) {
            if (retried.contains(id))
                continue;
            counts.statements = qMax(counts.statements, statements.value(id));
            counts.sent = qMax(counts.sent, sent.value(id));
        }
        return counts;
    };
    QCOMPARE(startRide(false).statements, 1);
    const Counts tutorial = startRide(true);
    QCOMPARE(tutorial.statements, 4);
    QCOMPARE(tutorial.sent, 8);

    const auto doubled = m_observer->exec(QStringLiteral(
        "SELECT count(*) FROM (SELECT vehicle_city, vehicle_id FROM rides WHERE end_time IS "
        "NULL GROUP BY 1, 2 HAVING count(*) > 1) AS twice"));
    QVERIFY(doubled);
    QCOMPARE(doubled->text(0, 0), QStringLiteral("0"));
}

// pg_terminate_backend of every workload session mid-run: the errors are counted, the
// sessions reconnect and operations keep committing.
void TestWorkloadEngine::terminatedSessionsReconnect()
{
    WorkloadConfig c = config(3);
    c.mix = WorkloadMix::Writes;
    c.maxRate = 150;
    c.tolerateErrors = true;
    WorkloadEngine engine(c);
    engine.start();
    QTRY_COMPARE_WITH_TIMEOUT(sessionsOnServer(), 3, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(engine.tick().cumulativeTotal().ops > 20, 10000);
    const auto killed = m_observer->exec(
        QStringLiteral("SELECT count(*) FROM (SELECT pg_terminate_backend(pid) FROM "
                       "pg_stat_activity WHERE application_name = $1 AND datname = $2) AS k"),
        {AppName, m_database});
    QVERIFY(killed);
    QCOMPARE(killed->text(0, 0), QStringLiteral("3"));
    QTRY_VERIFY_WITH_TIMEOUT(engine.tick().cumulativeTotal().errors > 0, 10000);
    const qint64 opsAfterKill = engine.tick().cumulativeTotal().ops;
    QTRY_VERIFY_WITH_TIMEOUT(engine.tick().cumulativeTotal().ops > opsAfterKill + 30, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(sessionsOnServer(), 3, 10000);
    QCOMPARE(engine.state(), WorkloadEngine::State::Running);
    engine.requestStop();
    engine.wait();
    QVERIFY(!engine.fatalError());
    // Every ambiguous commit was decided.
    QCOMPARE(engine.tick().cumulativeTotal().ambiguousUnknown, 0);
}

// The server goes away (every connection cut, new ones refused) and comes back: the sessions
// count the errors, reconnect with backoff and go on; every ambiguous commit is decided.
void TestWorkloadEngine::serverOutageReconnects()
{
    TcpProxy proxy(TestServer::settings().host(), TestServer::settings().port(), 0ms);
    QCOMPARE(proxy.start(), QString());
    WorkloadConfig c = config(3);
    c.settings = proxy.route(TestServer::settings(m_database));
    c.mix = WorkloadMix::Writes;
    c.maxRate = 150;
    c.tolerateErrors = true;
    WorkloadEngine engine(c);
    engine.start();
    QTRY_VERIFY_WITH_TIMEOUT(engine.tick().cumulativeTotal().ops > 20, 10000);

    proxy.setRefusing(true);
    proxy.dropAll();
    // The lost connections and the failed reconnections are counted.
    QTRY_VERIFY_WITH_TIMEOUT(engine.tick().cumulativeTotal().errors > 0, 10000);
    QCOMPARE(engine.state(), WorkloadEngine::State::Running);
    proxy.setRefusing(false);
    const qint64 before = engine.tick().cumulativeTotal().ops;
    QTRY_VERIFY_WITH_TIMEOUT(engine.tick().cumulativeTotal().ops > before + 30, 15000);
    engine.requestStop();
    engine.wait();
    QCOMPARE(engine.state(), WorkloadEngine::State::Finished);
    QCOMPARE(engine.tick().cumulativeTotal().ambiguousUnknown, 0);
    proxy.stop();
}

// The connection lost right after an add user's pipeline (its COMMIT included) went out,
// three times: each is an ambiguous commit the runner resolves (here: committed, as the
// server ran the COMMIT it received) and the statistics count with its resolution. (Add user:
// one transaction per operation; updateActiveRides counts one operation for up to ten
// transactions, so two ambiguous points in one call would count once.)
void TestWorkloadEngine::ambiguousCommitsAreResolvedAndCounted()
{
    TcpProxy proxy(TestServer::settings().host(), TestServer::settings().port(), 0ms);
    QCOMPARE(proxy.start(), QString());
    WorkloadConfig c = config(1);
    c.settings = proxy.route(TestServer::settings(m_database));
    c.mix = WorkloadMix::Writes;
    c.maxRate = 50;
    c.tolerateErrors = true;
    WorkloadEngine engine(c);
    engine.start();
    QTRY_VERIFY_WITH_TIMEOUT(engine.tick().cumulativeTotal().ops > 5, 10000);
    TcpProxy::DropRule afterCommit;
    afterCommit.type = 'P';
    afterCommit.contains = "INSERT INTO users";
    afterCommit.when = TcpProxy::When::AfterForwarding;
    afterCommit.thenType = 'S';
    for (int drop = 1; drop <= 3; ++drop) {
        proxy.dropOn(afterCommit);
        QTRY_COMPARE_WITH_TIMEOUT(proxy.dropsDone(), drop, 10000);
    }
    QTRY_VERIFY_WITH_TIMEOUT(engine.tick().cumulativeTotal().ambiguous >= 3, 10000);
    engine.requestStop();
    engine.wait();
    const OpStats total = engine.tick().cumulativeTotal();
    QVERIFY2(total.ambiguous >= 3, qPrintable(QString::number(total.ambiguous)));
    QCOMPARE(total.ambiguousUnknown, 0);
    QCOMPARE(total.ambiguousCommitted + total.ambiguousNotCommitted, total.ambiguous);
    QVERIFY(total.ambiguousCommitted >= 3);
    QVERIFY(engine.tick().cumulativeOf(WorkloadOp::AddUser).ambiguousCommitted >= 3);
    proxy.stop();
}

// The sessions wait on a row lock held by the test (statements in flight on the server):
// requestStop() cancels them and every session ends within one second, with no transaction
// left open.
void TestWorkloadEngine::stopEndsWithinOneSecond()
{
    auto locker = TestServer::connect(m_database);
    QVERIFY(locker);
    QVERIFY(locker->exec(QStringLiteral("BEGIN")));
    QVERIFY(locker->exec(QStringLiteral("SELECT * FROM vehicles WHERE city = 'paris' FOR UPDATE")));
    QVERIFY(locker->exec(QStringLiteral("SELECT * FROM users WHERE city = 'paris' FOR UPDATE")));

    WorkloadConfig c = config(4);
    c.mix = WorkloadMix::Writes;
    c.hotCity = QStringLiteral("paris");
    c.hotFraction = 1.0;
    c.tolerateErrors = true;
    WorkloadEngine engine(c);
    engine.start();
    auto waiting = [this] {
        const auto result = m_observer->exec(
            QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE application_name = $1 "
                           "AND datname = $2 AND wait_event_type = 'Lock'"),
            {AppName, m_database});
        return result ? result->text(0, 0).toInt() : -1;
    };
    QTRY_VERIFY_WITH_TIMEOUT(waiting() >= 2, 15000);

    QElapsedTimer timer;
    timer.start();
    engine.requestStop();
    engine.wait();
    const qint64 elapsed = timer.elapsed();
    QVERIFY2(elapsed < 1000, qPrintable(QString::number(elapsed)));
    QCOMPARE(engine.state(), WorkloadEngine::State::Finished);
    QCOMPARE(sessionsOnServer(QStringLiteral("idle in transaction")), 0);
    QCOMPARE(sessionsOnServer(QStringLiteral("idle in transaction (aborted)")), 0);
    QTRY_COMPARE_WITH_TIMEOUT(sessionsOnServer(), 0, 5000);
    QVERIFY(locker->exec(QStringLiteral("ROLLBACK")));
}

// tolerateErrors off: the first unexpected error stops the run and fatalError() says it.
void TestWorkloadEngine::unexpectedErrorStopsRun()
{
    WorkloadConfig c = config(2);
    c.mix = WorkloadMix::Writes;
    c.maxRate = 100;
    c.tolerateErrors = false;
    WorkloadEngine engine(c);
    engine.start();
    QTRY_COMPARE_WITH_TIMEOUT(sessionsOnServer(), 2, 10000);
    QVERIFY(m_observer->exec(
        QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE "
                       "application_name = $1 AND datname = $2"),
        {AppName, m_database}));
    QTRY_VERIFY_WITH_TIMEOUT(engine.state() == WorkloadEngine::State::Failed, 10000);
    engine.wait();
    QCOMPARE(engine.state(), WorkloadEngine::State::Failed);
    QVERIFY(engine.fatalError());
    QVERIFY(!engine.fatalError()->isEmpty());
    QVERIFY(engine.tick().cumulativeTotal().errors >= 1);
}

QTEST_GUILESS_MAIN(TestWorkloadEngine)
#include "tst_workloadengine.moc"
