// Browsing rides: this application's browse worker + keyset model against Qt's stock
// approach (QSqlQueryModel on the GUI thread) and `psql -c "SELECT * FROM rides"`, in the
// same run, on loopback and through a loopback proxy adding a round trip (TcpProxy).
//
//   bench_browse [--rides N] [--url URL] [--delay-ms ONE_WAY] [--max-page ROWS] [--json]
//
// Figures: time from opening Rides to the first rows in the model (connection already
// open), time to scroll to the end (fetchMore as soon as a page arrives, until done), the
// GUI thread's longest stall during both (a 2 ms timer probe on the event loop), and the
// process RSS with every ride loaded against the size of the same rows as CSV.

#include "BenchSupport.h"
#include "StatusBadgeDelegate.h"
#include "TcpProxy.h"
#include "TestServer.h"
#include "models/BrowseTableModel.h"
#include "models/PendingChanges.h"
#include "movr/DataGenerator.h"
#include "movr/MovrLoader.h"
#include "worker/BrowseWorker.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlQueryModel>
#include <QTableView>
#include <QThread>
#include <QTimer>

#include <cstdio>
#include <cstdlib>

namespace {

using bench::die;

const char *RideColumns = "city, id, rider_id, vehicle_city, vehicle_id, start_address, "
                          "end_address, start_time, end_time, revenue";

qint64 rssBytes()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong() * 1024;
    }
    return -1;
}

// The event loop's longest stall: a timer that should fire every 2 ms.
class StallProbe : public QObject
{
public:
    StallProbe()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(2);
        QObject::connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 now = m_clock.nsecsElapsed() / 1000;
            if (now - m_lastUs > 20000 && qEnvironmentVariableIsSet("BENCH_DEBUG"))
                std::fprintf(stderr, "  stall of %.1f ms at %.1f ms\n", (now - m_lastUs) / 1000.0,
                             now / 1000.0);
            m_maxGapUs = qMax(m_maxGapUs, now - m_lastUs);
            m_lastUs = now;
        });
    }
    void start()
    {
        m_clock.start();
        m_lastUs = 0;
        m_maxGapUs = 0;
        m_timer.start();
    }
    double stopMs()
    {
        m_timer.stop();
        const qint64 now = m_clock.nsecsElapsed() / 1000;
        m_maxGapUs = qMax(m_maxGapUs, now - m_lastUs);
        return m_maxGapUs / 1000.0;
    }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_lastUs = 0;
    qint64 m_maxGapUs = 0;
};

bool waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    while (!done()) {
        if (clock.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    }
    return true;
}

struct Figures
{
    double firstMs = 0;
    double allMs = 0;
    double stallMs = 0;
    double insertMs = 0; // the longest page insert on the GUI thread (model + view), ours only
    qint64 rows = 0;
    qint64 rssBytes = -1;
};

Figures measureOurs(const ConnectionSettings &settings, int maxPage, bool measureMemory)
{
    auto *worker = new BrowseWorker(settings);
    worker->start(QStringLiteral("bench-browse"));
    // The window is open and connected: the connection exists before Rides is opened.
    bool pinged = false;
    QObject::connect(worker, &BrowseWorker::roundTrip, worker, [&pinged] { pinged = true; });
    worker->ping();
    if (!waitUntil([&] { return pinged; }, 30000))
        die(QStringLiteral("the browse worker did not connect"));

    Figures figures;
    {
        BrowseTableModel model(BrowseTable::Rides);
        model.setMaxPageSize(maxPage);
        // As the window shows it (TablePage): pending edits between model and view (one
        // pending, so that every cell looks it up) and the status badge delegate.
        PendingChanges changes;
        PendingEdit pending;
        pending.table = BrowseTable::Rides;
        pending.key = {QStringLiteral("rome"),
                       QStringLiteral("00000000-0000-0000-0000-000000000000")};
        pending.column =
            TableSpec::of(BrowseTable::Rides).columnIndex(QStringLiteral("end_address"));
        pending.original = QStringLiteral("before");
        pending.value = QStringLiteral("after");
        changes.set(pending);
        PendingEditsProxy proxy(&model);
        proxy.setPendingChanges(&changes);
        QTableView view;
        view.verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
        view.setModel(&proxy);
        view.setItemDelegate(new StatusBadgeDelegate(&view));
        view.resize(1000, 700);
        view.show();
        QCoreApplication::processEvents();
        // Scrolling: ask for the next page as soon as one arrives (a view at the bottom).
        static const bool debug = qEnvironmentVariableIsSet("BENCH_DEBUG");
        QElapsedTimer sinceStart;
        sinceStart.start();
        if (debug) {
            QObject::connect(
                worker, &BrowseWorker::statementTraced, &model, [&](const TraceEntry &entry) {
                    std::fprintf(stderr, "  %.1f ms: query %.1f ms, %lld rows\n",
                                 sinceStart.nsecsElapsed() / 1e6, entry.durationUs / 1000.0,
                                 static_cast<long long>(entry.rows));
                });
            QObject::connect(&model, &BrowseTableModel::pageLoaded, &model, [&](int rows) {
                std::fprintf(stderr, "  %.1f ms: page of %d in the model\n",
                             sinceStart.nsecsElapsed() / 1e6, rows);
            });
        }
        QObject::connect(&model, &BrowseTableModel::pageLoaded, &model, [&model] {
            QTimer::singleShot(0, &model, [&model] {
                if (model.canFetchMore())
                    model.fetchMore();
            });
        });
        // The GUI thread's own work per page: from rowsAboutToBeInserted to pageLoaded.
        QElapsedTimer insertClock;
        QObject::connect(&model, &QAbstractItemModel::rowsAboutToBeInserted, &model,
                         [&insertClock] { insertClock.start(); });
        QObject::connect(&model, &BrowseTableModel::pageLoaded, &model, [&](int rows) {
            if (rows > 0 && insertClock.isValid()) {
                const double ms = insertClock.nsecsElapsed() / 1e6;
                figures.insertMs = qMax(figures.insertMs, ms);
                if (ms > 20 && debug)
                    std::fprintf(stderr, "  slow insert %.1f ms at %d rows\n", ms,
                                 model.rowCount());
            }
        });
        bool first = false;
        QElapsedTimer clock;
        // Times are taken in the signal handlers (the wait loop below may wake late).
        QObject::connect(&model, &BrowseTableModel::firstRowsShown, &model, [&] {
            first = true;
            figures.firstMs = clock.nsecsElapsed() / 1e6;
        });
        QObject::connect(&model, &BrowseTableModel::pageLoaded, &model, [&] {
            if (model.atEnd())
                figures.allMs = clock.nsecsElapsed() / 1e6;
        });
        StallProbe probe;
        probe.start();
        clock.start();
        sinceStart.start();
        model.setWorker(worker);
        if (!waitUntil([&] { return first; }, 60000))
            die(QStringLiteral("no first page: %1").arg(model.errorText()));
        if (!waitUntil(
                [&] { return model.atEnd() || model.state() == BrowseTableModel::State::Error; },
                3600000))
            die(QStringLiteral("scrolling did not finish"));
        if (model.state() == BrowseTableModel::State::Error)
            die(model.errorText());
        figures.stallMs = probe.stopMs();
        figures.rows = model.rowCount();
        if (measureMemory)
            figures.rssBytes = rssBytes();
        model.setWorker(nullptr);
    }
    WorkerBase::shutdownAndDelete(worker);
    return figures;
}

Figures measureQSqlQueryModel(const ConnectionSettings &settings, const QString &name)
{
    Figures figures;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(settings.host());
        db.setPort(settings.port());
        db.setDatabaseName(settings.database());
        db.setUserName(settings.user());
        db.setPassword(settings.value(QStringLiteral("password")));
        db.setConnectOptions(QStringLiteral("sslmode=disable"));
        if (!db.open())
            die(QStringLiteral("QPSQL: %1").arg(db.lastError().text()));
        QSqlQueryModel model;
        QTableView view;
        view.verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
        view.setModel(&model);
        view.resize(1000, 700);
        view.show();
        QCoreApplication::processEvents();
        StallProbe probe;
        probe.start();
        QElapsedTimer clock;
        clock.start();
        bool done = false;
        // The stock way: the query runs on the GUI thread; fetchMore in steps, with the
        // event loop running between them (as a view scrolled to the bottom would).
        QTimer::singleShot(0, &model, [&] {
            model.setQuery(QStringLiteral("SELECT %1 FROM rides ORDER BY city, id")
                               .arg(QLatin1String(RideColumns)),
                           db);
            if (model.lastError().isValid())
                die(model.lastError().text());
            figures.firstMs = clock.nsecsElapsed() / 1e6;
            std::function<void()> step;
            step = [&] {
                if (model.canFetchMore()) {
                    model.fetchMore();
                    QTimer::singleShot(0, &model, step);
                } else {
                    done = true;
                    figures.allMs = clock.nsecsElapsed() / 1e6;
                }
            };
            QTimer::singleShot(0, &model, step);
        });
        if (!waitUntil([&] { return done; }, 3600000))
            die(QStringLiteral("QSqlQueryModel did not finish"));
        figures.stallMs = probe.stopMs();
        figures.rows = model.rowCount();
        view.setModel(nullptr);
        model.clear();
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return figures;
}

QString psqlBinary()
{
    auto dir = LocalServer::binaryDirectory();
    if (dir && QFile::exists(*dir + QStringLiteral("/psql")))
        return *dir + QStringLiteral("/psql");
    return QStringLiteral("psql");
}

// psql -c "SELECT * FROM rides" > /dev/null; returns milliseconds.
double measurePsql(const ConnectionSettings &settings)
{
    QProcess psql;
    psql.setStandardOutputFile(QProcess::nullDevice());
    QElapsedTimer clock;
    clock.start();
    psql.start(psqlBinary(), {QStringLiteral("-X"), QStringLiteral("-q"),
                              settings.toUrl(ConnectionSettings::Password::Include),
                              QStringLiteral("-c"), QStringLiteral("SELECT * FROM rides")});
    if (!psql.waitForFinished(3600000) || psql.exitCode() != 0)
        die(QStringLiteral("psql failed: %1")
                .arg(QString::fromLocal8Bit(psql.readAllStandardError())));
    return clock.nsecsElapsed() / 1e6;
}

// Bytes of the same rows as CSV (COPY ... TO STDOUT WITH CSV, counted, not stored).
qint64 csvBytes(const ConnectionSettings &settings)
{
    QProcess psql;
    qint64 bytes = 0;
    QObject::connect(&psql, &QProcess::readyReadStandardOutput, &psql,
                     [&] { bytes += psql.readAllStandardOutput().size(); });
    psql.start(psqlBinary(),
               {QStringLiteral("-X"), QStringLiteral("-q"),
                settings.toUrl(ConnectionSettings::Password::Include), QStringLiteral("-c"),
                QStringLiteral("COPY (SELECT %1 FROM rides) TO STDOUT WITH (FORMAT csv)")
                    .arg(QLatin1String(RideColumns))});
    if (!psql.waitForFinished(3600000) || psql.exitCode() != 0)
        die(QStringLiteral("psql COPY failed"));
    bytes += psql.readAllStandardOutput().size();
    return bytes;
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Browsing rides: keyset pages vs stock Qt"));
    parser.addHelpOption();
    QCommandLineOption ridesOption(QStringLiteral("rides"), QStringLiteral("Rides to load."),
                                   QStringLiteral("N"), QStringLiteral("200000"));
    QCommandLineOption urlOption(QStringLiteral("url"),
                                 QStringLiteral("A server with MovR data (else a private one)."),
                                 QStringLiteral("URL"));
    QCommandLineOption delayOption(QStringLiteral("delay-ms"),
                                   QStringLiteral("Proxy delay each way (default 25)."),
                                   QStringLiteral("MS"), QStringLiteral("25"));
    QCommandLineOption pageOption(QStringLiteral("max-page"),
                                  QStringLiteral("Largest page (default 10000)."),
                                  QStringLiteral("ROWS"), QStringLiteral("10000"));
    QCommandLineOption jsonOption(QStringLiteral("json"), QStringLiteral("Print JSON."));
    parser.addOptions({ridesOption, urlOption, delayOption, pageOption, jsonOption});
    parser.process(app);

    const qint64 rides = parser.value(ridesOption).toLongLong();
    const int delay = parser.value(delayOption).toInt();
    const int maxPage = parser.value(pageOption).toInt();
    BrowseWorker::registerMetaTypes();

    ConnectionSettings settings;
    if (parser.isSet(urlOption)) {
        auto parsed = ConnectionSettings::parse(parser.value(urlOption));
        if (!parsed)
            die(parsed.error().toString());
        settings = *parsed;
    } else {
        const QString database = TestServer::createDatabase(QStringLiteral("bench_browse"));
        settings = TestServer::settings(database);
        auto connection = TestServer::connect(database);
        MovrCounts counts;
        counts.rides = qMax<qint64>(9, rides);
        counts.users = qMax<qint64>(9, rides / 10);
        counts.vehicles = qMax<qint64>(9, rides / 30);
        counts.histories = 1000;
        counts.promoCodes = 1000;
        std::fprintf(stderr, "bench_browse: loading %lld rides…\n", static_cast<long long>(rides));
        const Status loaded = MovrLoader::initialize(*connection, DataGenerator(counts, 1));
        if (!loaded)
            die(loaded.error().toString());
    }

    const qint64 rssBefore = rssBytes();
    // Loopback first (the memory figure is taken there, before anything else loaded rows).
    std::fprintf(stderr, "bench_browse: loopback…\n");
    const Figures oursLocal = measureOurs(settings, maxPage, true);
    const double psqlLocal = measurePsql(settings);
    const Figures stockLocal = measureQSqlQueryModel(settings, QStringLiteral("local"));
    const qint64 csv = csvBytes(settings);

    TcpProxy proxy(settings.host().isEmpty() ? QStringLiteral("127.0.0.1") : settings.host(),
                   settings.port(), std::chrono::milliseconds(delay));
    const QString proxyError = proxy.start();
    if (!proxyError.isEmpty())
        die(proxyError);
    const ConnectionSettings slow = proxy.route(settings);
    std::fprintf(stderr, "bench_browse: through the proxy (%d ms round trip)…\n", 2 * delay);
    const Figures oursSlow = measureOurs(slow, maxPage, false);
    const double psqlSlow = measurePsql(slow);
    const Figures stockSlow = measureQSqlQueryModel(slow, QStringLiteral("slow"));
    proxy.stop();

    const double rtt = 2.0 * delay;
    const double memoryRatio = double(oursLocal.rssBytes) / double(qMax<qint64>(1, csv));
    const double rowsRatio = double(oursLocal.rssBytes - rssBefore) / double(qMax<qint64>(1, csv));
    if (parser.isSet(jsonOption)) {
        auto figures = [](const Figures &f) {
            return QJsonObject{{QStringLiteral("first_rows_ms"), f.firstMs},
                               {QStringLiteral("all_rows_ms"), f.allMs},
                               {QStringLiteral("longest_stall_ms"), f.stallMs},
                               {QStringLiteral("longest_page_insert_ms"), f.insertMs},
                               {QStringLiteral("rows"), f.rows}};
        };
        QJsonObject root{
            {QStringLiteral("rides"), oursLocal.rows},
            {QStringLiteral("proxy_round_trip_ms"), rtt},
            {QStringLiteral("loopback"),
             QJsonObject{{QStringLiteral("ours"), figures(oursLocal)},
                         {QStringLiteral("qsqlquerymodel"), figures(stockLocal)},
                         {QStringLiteral("psql_ms"), psqlLocal}}},
            {QStringLiteral("proxy"),
             QJsonObject{{QStringLiteral("ours"), figures(oursSlow)},
                         {QStringLiteral("qsqlquerymodel"), figures(stockSlow)},
                         {QStringLiteral("psql_ms"), psqlSlow}}},
            {QStringLiteral("rss_bytes"), oursLocal.rssBytes},
            {QStringLiteral("rss_before_bytes"), rssBefore},
            {QStringLiteral("csv_bytes"), csv},
            {QStringLiteral("rss_to_csv"), memoryRatio},
            {QStringLiteral("rows_rss_to_csv"), rowsRatio},
        };
        std::printf("%s\n", QJsonDocument(root).toJson(QJsonDocument::Compact).constData());
        return 0;
    }
    double load[3] = {0, 0, 0};
    if (::getloadavg(load, 3) < 1)
        load[0] = -1;
    std::printf("Browsing %lld rides (max page %d); proxy round trip %.0f ms; load average %.1f "
                "on %d cores\n\n",
                static_cast<long long>(oursLocal.rows), maxPage, rtt, load[0],
                QThread::idealThreadCount());
    std::printf(
        "| network  | measure                | ours (worker+keyset) | QSqlQueryModel (GUI thread) "
        "| psql      | target                    |\n");
    std::printf(
        "|----------|------------------------|---------------------:|----------------------------:"
        "|----------:|---------------------------|\n");
    auto rowsFor = [&](const char *network, const Figures &ours, const Figures &stock, double psql,
                       double roundTrip) {
        std::printf("| %-8s | first rows shown, ms   | %20.1f | %27.1f | %9s | <= %.0f ms (%s) |\n",
                    network, ours.firstMs, stock.firstMs, "", roundTrip + 50,
                    ours.firstMs <= roundTrip + 50 ? "met" : "MISSED");
        std::printf("| %-8s | all rows, ms           | %20.1f | %27.1f | %9.1f | <= 2x psql: %.2fx "
                    "(%s) |\n",
                    network, ours.allMs, stock.allMs, psql, ours.allMs / psql,
                    ours.allMs <= 2 * psql ? "met" : "MISSED");
        std::printf("| %-8s | longest GUI stall, ms  | %20.1f | %27.1f | %9s | <= 50 ms (%s) |\n",
                    network, ours.stallMs, stock.stallMs, "",
                    ours.stallMs <= 50 ? "met" : "MISSED");
        std::printf(
            "| %-8s | longest page insert, ms| %20.1f | %27s | %9s | (GUI work per page) |\n",
            network, ours.insertMs, "", "");
    };
    rowsFor("loopback", oursLocal, stockLocal, psqlLocal, 0.0);
    rowsFor("proxy", oursSlow, stockSlow, psqlSlow, rtt);
    std::printf(
        "\nMemory with all rides loaded: RSS %.1f MB (%.1f MB before loading), rides as CSV "
        "%.1f MB\n",
        oursLocal.rssBytes / 1048576.0, rssBefore / 1048576.0, csv / 1048576.0);
    std::printf("RSS / CSV = %.2fx (rows alone: %.2fx); target <= 2.5x (%s)\n", memoryRatio,
                rowsRatio, memoryRatio <= 2.5 ? "met" : "MISSED");
    return 0;
}
