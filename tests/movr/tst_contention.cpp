// Real serialization conflicts: eight sessions, each on its own thread and connection,
// start and end rides on the same three vehicles through the transaction runner. Afterwards
// no vehicle is in two active rides, no ride is lost or doubled, and every vehicle's status
// agrees with its rides.

#include "TestServer.h"

#include "movr/Operations.h"
#include "movr/Schema.h"
#include "txn/TransactionRunner.h"

#include <QMutex>
#include <QRandomGenerator>
#include <QSet>
#include <QTest>

#include <thread>
#include <vector>

namespace {

constexpr int Sessions = 8;
constexpr int OperationsPerSession = 30;
constexpr int MaxRounds = 3; // more rounds only while no conflict was seen yet

struct Tally
{
    QSet<QString> started; // ride ids whose start committed
    QSet<QString> ended;   // ride ids whose end committed
    int refused = 0;       // precondition failures (vehicle in use, ride already ended)
    int retries = 0;       // extra attempts after 40001 / 40P01
    QStringList retryCauses;
    QStringList unexpected; // anything else: must stay empty
};

} // namespace

class TestContention : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void contendedStartAndEndRide();

private:
    void session(int index, quint32 seed, Tally &tally);

    QString m_database;
    const QString m_city = QStringLiteral("amsterdam");
    QStringList m_riders;
    QStringList m_vehicles;
};

void TestContention::initTestCase()
{
    m_database = TestServer::createDatabase(QStringLiteral("contention"));
    auto connection = TestServer::connect(m_database);
    const Status created = Schema::create(*connection);
    QVERIFY2(created, created ? "" : qPrintable(created.error().toString()));
    for (int i = 0; i < Sessions; ++i) {
        m_riders.append(newClientUuid());
        QVERIFY(connection->exec(QStringLiteral("INSERT INTO users (id, city, name) VALUES "
                                                "($1::uuid, $2, $3)"),
                                 {m_riders.last(), m_city, QStringLiteral("Rider %1").arg(i)}));
    }
    for (int i = 0; i < 3; ++i) {
        m_vehicles.append(newClientUuid());
        QVERIFY(connection->exec(
            QStringLiteral("INSERT INTO vehicles (id, city, type, owner_id, status, "
                           "current_location) VALUES ($1::uuid, $2, 'bike', $3::uuid, "
                           "'available', $4)"),
            {m_vehicles.last(), m_city, m_riders.first(), QStringLiteral("Dam %1").arg(i)}));
    }
}

void TestContention::session(int index, quint32 seed, Tally &tally)
{
    auto opened = PgConnection::open(TestServer::settings(m_database));
    if (!opened) {
        tally.unexpected.append(opened.error().toString());
        return;
    }
    std::unique_ptr<PgConnection> connection = std::move(opened).value();
    auto reader = PgConnection::open(TestServer::settings(m_database));
    if (!reader) {
        tally.unexpected.append(reader.error().toString());
        return;
    }
    RetryPolicy policy;
    policy.maxAttempts = 40;
    policy.backoffBase = std::chrono::milliseconds(2);
    policy.backoffCap = std::chrono::milliseconds(50);
    TransactionRunner runner(connection, policy);
    QRandomGenerator random(seed);

    for (int i = 0; i < OperationsPerSession; ++i) {
        const QString vehicle = m_vehicles.at(int(random.bounded(quint32(m_vehicles.size()))));
        // A stale look (outside any transaction) decides what to try; the transaction
        // itself re-checks, so many attempts are refused or retried.
        auto active = (*reader)->exec(
            QStringLiteral("SELECT id FROM rides WHERE vehicle_city = $1 AND vehicle_id = "
                           "$2::uuid AND end_time IS NULL"),
            {m_city, vehicle});
        if (!active) {
            tally.unexpected.append(active.error().toString());
            continue;
        }
        QString rideId;
        bool starting = active->rowCount() == 0;
        Result<TransactionBody> body = DbError{};
        if (starting) {
            StartRideInput input(m_city, m_riders.at(index), vehicle);
            rideId = input.rideId;
            body = Operations::startRide(input);
        } else {
            rideId = active->text(0, 0);
            body = Operations::endRide(
                EndRideInput(m_city, rideId, QString::number(random.bounded(100))));
        }
        if (!body) {
            tally.unexpected.append(body.error().toString());
            continue;
        }
        const Outcome outcome = runner.run(*body);
        tally.retries += outcome.attempts - 1;
        for (const TraceEntry &entry : outcome.trace) {
            if (!entry.retryCause.isEmpty())
                tally.retryCauses.append(entry.retryCause);
        }
        if (outcome.committed()) {
            (starting ? tally.started : tally.ended).insert(rideId);
        } else if (outcome.error && outcome.error->kind == ErrorClass::Constraint &&
                   outcome.error->sqlState.isEmpty() &&
                   (outcome.error->message == QLatin1String("the vehicle is in use") ||
                    outcome.error->message.startsWith(QLatin1String("the ride already ended")) ||
                    outcome.error->message ==
                        QLatin1String("the vehicle is already in an active ride"))) {
            ++tally.refused;
        } else {
            tally.unexpected.append(outcome.error ? outcome.error->toString()
                                                  : QStringLiteral("unknown outcome"));
        }
    }
}

void TestContention::contendedStartAndEndRide()
{
    Tally total;
    for (int round = 0; round < MaxRounds && (round == 0 || total.retries == 0); ++round) {
        std::vector<Tally> tallies(Sessions);
        std::vector<std::thread> threads;
        for (int i = 0; i < Sessions; ++i) {
            threads.emplace_back(
                [this, i, round, &tallies] { session(i, quint32(1000 * round + i), tallies[i]); });
        }
        for (std::thread &thread : threads)
            thread.join();
        for (const Tally &tally : tallies) {
            for (const QString &id : tally.started) {
                QVERIFY2(!total.started.contains(id), "a ride started twice");
                total.started.insert(id);
            }
            for (const QString &id : tally.ended) {
                QVERIFY2(!total.ended.contains(id), "a ride ended twice");
                total.ended.insert(id);
            }
            total.refused += tally.refused;
            total.retries += tally.retries;
            total.retryCauses += tally.retryCauses;
            total.unexpected += tally.unexpected;
        }
    }
    qInfo("%lld rides started, %lld ended, %d refused, %d retries", qlonglong(total.started.size()),
          qlonglong(total.ended.size()), total.refused, total.retries);
    QVERIFY2(total.unexpected.isEmpty(), qPrintable(total.unexpected.join(QLatin1String("; "))));
    QVERIFY(!total.started.isEmpty());
    QVERIFY(!total.ended.isEmpty());
    QVERIFY(total.refused > 0);
    // Real conflicts happened, and were retried because of a serialization failure.
    QVERIFY2(total.retries > 0, "no serialization conflict in any round");
    QVERIFY(!total.retryCauses.isEmpty());
    for (const QString &cause : total.retryCauses)
        QVERIFY2(cause.contains(QLatin1String("40001")) || cause.contains(QLatin1String("40P01")),
                 qPrintable(cause));

    auto connection = TestServer::connect(m_database);
    auto rows = connection->exec(
        QStringLiteral("SELECT id::text, end_time IS NULL FROM rides WHERE city = $1"), {m_city});
    QVERIFY(rows);
    // Every committed start is there once; nothing else is.
    QSet<QString> inDatabase;
    QSet<QString> activeInDatabase;
    for (int row = 0; row < rows->rowCount(); ++row) {
        inDatabase.insert(rows->text(row, 0));
        if (rows->text(row, 1) == QLatin1String("t"))
            activeInDatabase.insert(rows->text(row, 0));
    }
    QCOMPARE(rows->rowCount(), total.started.size());
    QCOMPARE(inDatabase, total.started);
    // Ended exactly the rides whose end committed.
    QCOMPARE(inDatabase - activeInDatabase, total.ended);

    // No vehicle in two active rides.
    auto doubled = connection->exec(
        QStringLiteral("SELECT vehicle_id FROM rides WHERE end_time IS NULL GROUP BY vehicle_id "
                       "HAVING count(*) > 1"));
    QVERIFY(doubled);
    QCOMPARE(doubled->rowCount(), 0);

    // Every vehicle's status agrees with its rides; its location is where its last ride ended.
    auto disagreeing = connection->exec(
        QStringLiteral("SELECT v.id FROM vehicles v WHERE v.city = $1 AND v.status <> CASE WHEN "
                       "EXISTS (SELECT 1 FROM rides r WHERE r.vehicle_city = v.city AND "
                       "r.vehicle_id = v.id AND r.end_time IS NULL) THEN 'in_use' ELSE "
                       "'available' END"),
        {m_city});
    QVERIFY(disagreeing);
    QCOMPARE(disagreeing->rowCount(), 0);
    // Each ride started where the previous ride of its vehicle ended.
    auto chain = connection->exec(QStringLiteral(
        "SELECT count(*) FROM (SELECT start_address, lag(end_address) OVER (PARTITION BY "
        "vehicle_id ORDER BY start_time, end_time NULLS LAST) AS previous FROM rides) r "
        "WHERE previous IS NOT NULL AND previous <> start_address"));
    QVERIFY(chain);
    QCOMPARE(chain->text(0, 0), QStringLiteral("0"));
}

QTEST_GUILESS_MAIN(TestContention)
#include "tst_contention.moc"
