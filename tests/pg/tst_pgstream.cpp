#include "TestServer.h"
#include "pg/PgStream.h"

#include <QElapsedTimer>
#include <QTest>

#include <atomic>

// PgStream on the real test server: the simple-query open of a replication connection (which
// PgConnection::open cannot do: a walsender refuses the extended protocol), single-row mode,
// and the stop condition ending a statement the server holds, without waiting for it.
class TestPgStream : public QObject
{
    Q_OBJECT

    QString m_database;
    const PgStream::StopCheck Never = [] { return false; };

private Q_SLOTS:
    void initTestCase() { m_database = TestServer::createDatabase(QStringLiteral("stream")); }

    void replicationConnectionRunsReplicationCommands()
    {
        auto stream = PgStream::open(TestServer::settings(m_database), PgStream::Mode::Replication,
                                     QStringLiteral("tst pgstream"), Never);
        QVERIFY2(stream, qPrintable(stream ? QString() : stream.error().toString()));
        QVERIFY((*stream)->serverVersion() >= 100000);
        QVERIFY((*stream)->backendPid() > 0);
        auto identified = (*stream)->query(QStringLiteral("IDENTIFY_SYSTEM"), Never);
        QVERIFY2(identified, qPrintable(identified ? QString() : identified.error().toString()));
        QCOMPARE(identified->rowCount(), 1);
        QCOMPARE(identified->text(0, 3), m_database); // dbname: replication=database
        // Its application name, as pg_stat_activity shows it.
        auto observer = TestServer::connect(m_database);
        auto named = observer->exec(
            QStringLiteral("SELECT backend_type FROM pg_stat_activity WHERE pid = $1 AND "
                           "application_name = 'tst pgstream'"),
            {QString::number((*stream)->backendPid())});
        QVERIFY(named);
        QCOMPARE(named->value(0, 0), SqlValue(QStringLiteral("walsender")));
        // An error keeps its SQLSTATE.
        auto refused = (*stream)->query(QStringLiteral("START_REPLICATION SLOT no_such_slot "
                                                       "LOGICAL 0/0"),
                                        Never);
        QVERIFY(!refused);
        QCOMPARE(refused.error().sqlState, QStringLiteral("42704"));
    }

    void singleRowModeReturnsRowsOneByOne()
    {
        auto stream = PgStream::open(TestServer::settings(m_database), PgStream::Mode::Normal,
                                     QStringLiteral("tst pgstream"), Never);
        QVERIFY(stream);
        PgStream &s = **stream;
        QVERIFY(
            s.send(QStringLiteral("SELECT g, 'v' || g FROM generate_series(1, 5) g"), true, Never));
        QStringList seen;
        std::optional<DbError> end;
        for (int round = 0; round < 1000 && !end; ++round) {
            s.waitReadable(50);
            for (;;) {
                auto row = s.nextRow();
                if (!row) {
                    end = row.error();
                    break;
                }
                if (!*row)
                    break;
                QCOMPARE((*row)->rowCount(), 1);
                seen << (*row)->text(0, 1);
            }
        }
        QVERIFY(end);
        QVERIFY2(end->message.isEmpty(), qPrintable(end->toString())); // a normal end
        QCOMPARE(seen,
                 (QStringList{QStringLiteral("v1"), QStringLiteral("v2"), QStringLiteral("v3"),
                              QStringLiteral("v4"), QStringLiteral("v5")}));
        // An error ends the rows with its SQLSTATE.
        QVERIFY(
            s.send(QStringLiteral("SELECT 1 / (g - 2) FROM generate_series(1, 3) g"), true, Never));
        end.reset();
        for (int round = 0; round < 1000 && !end; ++round) {
            s.waitReadable(50);
            for (;;) {
                auto row = s.nextRow();
                if (!row) {
                    end = row.error();
                    break;
                }
                if (!*row)
                    break;
            }
        }
        QVERIFY(end);
        QCOMPARE(end->sqlState, QStringLiteral("22012"));
    }

    void stopEndsAHeldStatementPromptly()
    {
        auto stream = PgStream::open(TestServer::settings(m_database), PgStream::Mode::Normal,
                                     QStringLiteral("tst pgstream"), Never);
        QVERIFY(stream);
        QElapsedTimer timer;
        timer.start();
        std::atomic<int> checks{0};
        auto held = (*stream)->query(QStringLiteral("SELECT pg_sleep(30)"),
                                     [&] { return ++checks > 3 || timer.elapsed() > 5000; });
        QVERIFY(!held);
        QCOMPARE(held.error().kind, ErrorClass::Canceled);
        QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
        // Stopped before it connects: an error at once.
        auto never = PgStream::open(TestServer::settings(m_database), PgStream::Mode::Normal,
                                    QStringLiteral("tst pgstream"), [] { return true; });
        QVERIFY(!never);
    }
};

QTEST_GUILESS_MAIN(TestPgStream)
#include "tst_pgstream.moc"
