#include "demo/DemoDatabase.h"
#include "demo/LocalServer.h"
#include "movr/Schema.h"
#include "pg/PgConnection.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>
#include <csignal>
#include <unistd.h>

namespace {

bool processAlive(qint64 pid)
{
    return pid > 0 && (::kill(pid_t(pid), 0) == 0 || errno == EPERM);
}

qint64 deadPid()
{
    QProcess process;
    process.start(QStringLiteral("/bin/true"));
    process.waitForFinished(5000);
    return process.processId() ? process.processId() : 999999;
}

// Children of the postmaster (checkpointer, walwriter, ...): none may survive it.
int processesWithArgument(const QString &text)
{
    int count = 0;
    const auto entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
    for (const QString &entry : entries) {
        bool numeric = false;
        entry.toLongLong(&numeric);
        if (!numeric)
            continue;
        QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(entry));
        if (cmdline.open(QIODevice::ReadOnly) && cmdline.readAll().contains(text.toUtf8()))
            ++count;
    }
    return count;
}

QString fileText(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

} // namespace

// The private PostgreSQL server: start, connect, stop and leave nothing behind.
class TestLocalServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void startConnectStop();
    void twoServersAtOnce();
    void takenPortGivesWayToAFreeOne();
    void staleDirectoryOfDeadOwnerIsRemoved();
    void otherDirectoriesAreLeftAlone();
    void keptDirectorySurvivesRestart();
    void demoDatabaseLoadsOnce();
    void privateParentIsReportedBeforeAnythingStarts();
    void missingBinariesNamePackageAndLeaveNothing();
};

void TestLocalServer::startConnectStop()
{
    LocalServer server;
    const Status started = server.start();
    QVERIFY2(started.hasValue(), qPrintable(started ? QString() : started.error().toString()));
    QVERIFY(server.isRunning());
    QVERIFY(server.port() > 0);
    const qint64 pid = server.serverPid();
    const QString directory = server.directory();
    QVERIFY(processAlive(pid));
    QVERIFY(QFileInfo::exists(directory + QStringLiteral("/data/PG_VERSION")));
    QVERIFY(directory.startsWith(QDir::tempPath() + QStringLiteral("/movr-demo-")));

    auto connection = PgConnection::open(server.connectionSettings());
    QVERIFY2(connection.hasValue(),
             qPrintable(connection ? QString() : connection.error().toString()));
    auto result = (*connection)
                      ->exec(QStringLiteral("SELECT current_database(), current_user, "
                                            "inet_server_addr()::text"));
    QVERIFY(result.hasValue());
    QCOMPARE(result->text(0, 0), QStringLiteral("movr"));
    QCOMPARE(result->text(0, 1), QStringLiteral("movr"));
    QCOMPARE(result->text(0, 2), QStringLiteral("127.0.0.1/32")); // loopback only
    // The URL works as given (what `psql "$URL"` would use).
    auto fromUrl = ConnectionSettings::parse(server.url());
    QVERIFY(fromUrl.hasValue());
    QVERIFY(PgConnection::open(*fromUrl).hasValue());
    // A wrong password is refused: TCP needs the password.
    ConnectionSettings wrong = server.connectionSettings();
    wrong.setValue(QStringLiteral("password"), QStringLiteral("wrong"));
    auto refused = PgConnection::open(wrong);
    QVERIFY(!refused.hasValue());
    connection->reset();

    server.stop();
    QVERIFY(!server.isRunning());
    QTRY_VERIFY_WITH_TIMEOUT(!processAlive(pid), 10000);
    QCOMPARE(processesWithArgument(directory), 0);
    QVERIFY(!QFileInfo::exists(directory));
}

// Another program listens on the port the server tries first: postgres cannot bind it, and
// the server starts on another port instead of failing.
void TestLocalServer::takenPortGivesWayToAFreeOne()
{
    QTcpServer squatter;
    QVERIFY(squatter.listen(QHostAddress::LocalHost));
    LocalServerOptions options;
    options.preferredPort = squatter.serverPort();
    LocalServer server(options);
    const Status started = server.start();
    QVERIFY2(started.hasValue(), qPrintable(started ? QString() : started.error().toString()));
    QVERIFY(server.port() > 0);
    QVERIFY(server.port() != squatter.serverPort());
    QVERIFY(fileText(server.directory() + QStringLiteral("/server.log"))
                .contains(QLatin1String("could not bind")));
    QVERIFY(PgConnection::open(server.connectionSettings()).hasValue());
    server.stop();

    // A free preferred port is used as it is.
    const quint16 free = squatter.serverPort();
    squatter.close();
    LocalServer again(options);
    QVERIFY(again.start().hasValue());
    QCOMPARE(again.port(), int(free));
}

void TestLocalServer::twoServersAtOnce()
{
    LocalServer first, second;
    QVERIFY(first.start().hasValue());
    QVERIFY(second.start().hasValue());
    QVERIFY(first.port() != second.port());
    QVERIFY(first.directory() != second.directory());
    auto a = PgConnection::open(first.connectionSettings());
    auto b = PgConnection::open(second.connectionSettings());
    QVERIFY(a.hasValue() && b.hasValue());
    QVERIFY((*a)->exec(QStringLiteral("CREATE TABLE only_here (x int)")).hasValue());
    auto other = (*b)->exec(QStringLiteral("SELECT * FROM only_here"));
    QVERIFY(!other.hasValue()); // separate servers
    QCOMPARE(other.error().sqlState, QStringLiteral("42P01"));
    a->reset();
    b->reset();
    const QString firstDirectory = first.directory(), secondDirectory = second.directory();
    first.stop();
    QVERIFY(second.isRunning());
    second.stop();
    QVERIFY(!QFileInfo::exists(firstDirectory));
    QVERIFY(!QFileInfo::exists(secondDirectory));
}

void TestLocalServer::staleDirectoryOfDeadOwnerIsRemoved()
{
    // A server whose owner "died" (owner.pid names a dead process): the next cleanup stops
    // the server still running there and removes its directory.
    LocalServer server;
    QVERIFY(server.start().hasValue());
    const QString directory = server.directory();
    const qint64 postmaster = server.serverPid();
    {
        QFile owner(directory + QStringLiteral("/owner.pid"));
        QVERIFY(owner.open(QIODevice::WriteOnly | QIODevice::Truncate));
        owner.write(QByteArray::number(deadPid()) + '\n');
    }
    QVERIFY(LocalServer::removeStaleDirectories() >= 1);
    QVERIFY(!QFileInfo::exists(directory));
    QTRY_VERIFY_WITH_TIMEOUT(!processAlive(postmaster), 10000);
    QCOMPARE(processesWithArgument(directory), 0);
    server.stop(); // copes with a server already gone
    QVERIFY(!server.isRunning());
}

void TestLocalServer::otherDirectoriesAreLeftAlone()
{
    // Not ours (no marker file), and ours but with a live owner: both stay.
    const QString suffix = QString::number(QCoreApplication::applicationPid());
    const QString foreign = QDir::tempPath() + QStringLiteral("/movr-demo-foreign") + suffix;
    const QString live = QDir::tempPath() + QStringLiteral("/movr-demo-live") + suffix;
    QVERIFY(QDir().mkpath(foreign));
    QVERIFY(QDir().mkpath(live));
    QFile marker(live + QStringLiteral("/movr-admin-demo"));
    QVERIFY(marker.open(QIODevice::WriteOnly));
    QFile owner(live + QStringLiteral("/owner.pid"));
    QVERIFY(owner.open(QIODevice::WriteOnly));
    owner.write(suffix.toLatin1() + '\n');
    owner.close();
    LocalServer::removeStaleDirectories();
    QVERIFY(QFileInfo::exists(foreign));
    QVERIFY(QFileInfo::exists(live + QStringLiteral("/owner.pid")));
    QVERIFY(QDir(foreign).removeRecursively());
    QVERIFY(QDir(live).removeRecursively());
}

void TestLocalServer::keptDirectorySurvivesRestart()
{
    QTemporaryDir parent;
    // As root the server's account must reach it (QTemporaryDir makes it private).
    QFile::setPermissions(parent.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                             QFileDevice::ExeOwner | QFileDevice::ExeOther);
    const QString directory = parent.filePath(QStringLiteral("kept"));
    LocalServerOptions options;
    options.directory = directory;
    options.durable = false; // a clean stop writes everything anyway; keeps the test fast
    {
        LocalServer server(options);
        QVERIFY(server.start().hasValue());
        auto connection = PgConnection::open(server.connectionSettings());
        QVERIFY(connection.hasValue());
        QVERIFY((*connection)->exec(QStringLiteral("CREATE TABLE kept (x int)")).hasValue());
        QVERIFY((*connection)->exec(QStringLiteral("INSERT INTO kept VALUES (42)")).hasValue());
        connection->reset();
        const qint64 pid = server.serverPid();
        server.stop();
        QTRY_VERIFY_WITH_TIMEOUT(!processAlive(pid), 10000);
        QVERIFY(QFileInfo::exists(directory + QStringLiteral("/data/PG_VERSION")));
    }
    {
        LocalServer server(options);
        QVERIFY(server.start().hasValue());
        auto connection = PgConnection::open(server.connectionSettings());
        QVERIFY(connection.hasValue());
        auto result = (*connection)->exec(QStringLiteral("SELECT x FROM kept"));
        QVERIFY(result.hasValue());
        QCOMPARE(result->text(0, 0), QStringLiteral("42"));
    }
}

void TestLocalServer::demoDatabaseLoadsOnce()
{
    QTemporaryDir parent;
    QFile::setPermissions(parent.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                             QFileDevice::ExeOwner | QFileDevice::ExeOther);
    DemoOptions options;
    options.directory = parent.filePath(QStringLiteral("demo"));
    options.counts.rides = 30;
    {
        DemoDatabase demo(options);
        const Status started = demo.start();
        QVERIFY2(started.hasValue(), qPrintable(started ? QString() : started.error().toString()));
        QVERIFY(demo.loadedThisRun());
        auto connection = PgConnection::open(demo.connectionSettings());
        QVERIFY(connection.hasValue());
        QVERIFY((*connection)
                    ->exec(QStringLiteral("UPDATE rides SET revenue = 12.34 WHERE true"))
                    .hasValue());
    }
    {
        DemoDatabase demo(options);
        QVERIFY(demo.start().hasValue());
        QVERIFY(!demo.loadedThisRun()); // kept, not reloaded
        auto connection = PgConnection::open(demo.connectionSettings());
        auto result = (*connection)
                          ->exec(QStringLiteral("SELECT count(*), min(revenue)::text "
                                                "FROM rides"));
        QCOMPARE(result->text(0, 0), QStringLiteral("30"));
        QCOMPARE(result->text(0, 1), QStringLiteral("12.34"));
        auto tables = Schema::existingTables(**connection);
        QCOMPARE(tables->size(), Schema::tableNames().size());
    }
}

void TestLocalServer::privateParentIsReportedBeforeAnythingStarts()
{
    if (::geteuid() != 0)
        QSKIP("only root runs the server as another account");
    QTemporaryDir parent; // 0700, owned by root
    DemoOptions options;
    options.directory = parent.filePath(QStringLiteral("demo"));
    const QString problem = DemoDatabase::checkDirectory(options.directory);
    QVERIFY2(problem.contains(QStringLiteral("cannot be reached")), qPrintable(problem));
    DemoDatabase demo(options);
    const Status started = demo.start();
    QVERIFY(!started.hasValue());
    QVERIFY(!QFileInfo::exists(options.directory));
}

void TestLocalServer::missingBinariesNamePackageAndLeaveNothing()
{
    QTemporaryDir empty;
    QTemporaryDir parent;
    qputenv("PG_BINDIR", QFile::encodeName(empty.path()));
    qputenv("MOVR_PG_BINDIR_ONLY", "1");
    auto binaries = LocalServer::binaryDirectory();
    DemoOptions options;
    options.directory = parent.filePath(QStringLiteral("never"));
    DemoDatabase demo(options);
    const Status started = demo.start();
    qunsetenv("PG_BINDIR");
    qunsetenv("MOVR_PG_BINDIR_ONLY");
    QVERIFY(!binaries.hasValue());
    QVERIFY2(binaries.error().message.contains(QStringLiteral("postgresql")),
             qPrintable(binaries.error().message));
    QVERIFY(!started.hasValue());
    QVERIFY(!QFileInfo::exists(options.directory));
    QVERIFY(LocalServer::binaryDirectory().hasValue());
}

QTEST_GUILESS_MAIN(TestLocalServer)
#include "tst_localserver.moc"
