#include "TestServer.h"

#include "movr/MovrLoader.h"

#include <QAtomicInt>
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QTest>
#include <QThread>

#include <cstdio>
#include <cstdlib>

namespace {

LocalServer *instance = nullptr;

void stopAtExit()
{
    delete instance;
    instance = nullptr;
}

} // namespace

namespace TestServer {

LocalServer &server()
{
    if (!instance) {
        instance = new LocalServer();
        const Status started = instance->start();
        if (!started) {
            std::fprintf(stderr, "TestServer: cannot start PostgreSQL: %s\n",
                         qPrintable(started.error().toString()));
            std::exit(2);
        }
        std::atexit(stopAtExit);
    }
    return *instance;
}

ConnectionSettings settings(const QString &database)
{
    return server().connectionSettings(database);
}

QString createDatabase(const QString &prefix)
{
    static QAtomicInt counter;
    const QString name = QStringLiteral("%1_%2").arg(prefix).arg(counter.fetchAndAddOrdered(1));
    auto admin = PgConnection::open(settings(QStringLiteral("postgres")));
    if (!admin)
        qFatal("TestServer: %s", qPrintable(admin.error().toString()));
    const QString quoted = PgConnection::quoteIdentifier(name);
    // A left-over of an earlier run, if any; CREATE below reports what matters.
    (void)(*admin)->exec(QStringLiteral("DROP DATABASE IF EXISTS ") + quoted);
    auto created = (*admin)->exec(QStringLiteral("CREATE DATABASE ") + quoted);
    if (!created)
        qFatal("TestServer: %s", qPrintable(created.error().toString()));
    return name;
}

Schema::Layout layoutUnderTest()
{
    return qEnvironmentVariable("MOVR_TEST_LAYOUT") == QLatin1String("multi-region")
               ? Schema::Layout::MultiRegion
               : Schema::Layout::Canonical;
}

QString createMovrDatabase(const QString &prefix, const MovrCounts &counts, quint64 seed,
                           Schema::Layout layout)
{
    const QString name = createDatabase(prefix);
    auto connection = connect(name);
    MovrLoader::Options options;
    options.layout = layout;
    const Status loaded = MovrLoader::initialize(*connection, DataGenerator(counts, seed), options);
    if (!loaded)
        qFatal("TestServer: loading MovR data: %s", qPrintable(loaded.error().toString()));
    return name;
}

std::unique_ptr<PgConnection> connect(const QString &database)
{
    auto connection = PgConnection::open(settings(database));
    if (!connection)
        qFatal("TestServer: cannot connect: %s", qPrintable(connection.error().toString()));
    return std::move(connection).value();
}

bool waitUntilRunning(PgConnection &observer, const QString &query, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        auto running = observer.exec(
            QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE query = $1"), {query});
        if (running && running->text(0, 0) != QLatin1String("0"))
            return true;
        QThread::msleep(10);
    }
    return false;
}

} // namespace TestServer
