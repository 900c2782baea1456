// Live tables (issue 13): how soon a change committed by another session shows in a view, per
// source, with a writer committing 10, 100 and 1,000 changes per second to the rows the view
// shows. Sources, one after the other in the same run, with the same writer:
//   - logical decoding: a LiveWorker (pgoutput, temporary slot) whose changes go through a
//     coalescer like the window's (latest event per row, at most once per 40 ms frame) into
//     BrowseTableModel::applyChanges; resyncNeeded -> resyncVisible(true);
//   - polling: BrowseTableModel::resyncVisible() every --poll-interval;
//   - F5, the reference a user has today: BrowseTableModel::reload() every --poll-interval
//     (a user pressing F5 that often), with the cost of each read.
//
//   bench_live [--seconds 10] [--rates 10,100,1000] [--poll-interval 1000] [--frame-ms 40]
//              [--visible 50] [--sources logical,polling,f5]
//              [--writer-synchronous-commit on|off|server] [--url URL] [--json]
//
// The view: Vehicles of one city in a BrowseTableModel fed by a BrowseWorker (through
// WorkerPageSource), its first page (--visible rows) loaded and visible, live enabled. The
// writer (its own thread and connection) sets vehicles.current_location = 'bench-<seq>' on
// those rows in turn, one autocommit UPDATE per change, rate-limited, and records when each
// commit returned (steady clock). The model's dataChanged / rowsInserted / modelReset are
// watched on the GUI thread: the latency of change <seq> is from its commit's return to the
// first time the model shows that row with <seq> or a later one. After the writer stops the
// source keeps running until every row shows its last value (bounded); what never showed is
// missed. The GUI stall is the largest lateness of a 5 ms timer on the GUI thread; the app's
// CPU is the process's (getrusage) minus the writer thread's own (CLOCK_THREAD_CPUTIME_ID);
// the server is another process. Logical decoding's latency is also split at the event's
// arrival on the GUI thread. The writer's session runs with synchronous_commit = on unless told
// otherwise (the private server's own setting is off, which makes logical decoding wait for
// the WAL writer). With --url the rows of that database are written to. Targets (issue 13,
// loopback), printed beside the figures, never asserted: logical decoding p50 <= 100 ms and
// p99 <= 500 ms at 1,000 changes/s, GUI stall <= 50 ms; polling p99 <= interval + a round trip.

#include "BenchSupport.h"
#include "TestServer.h"

#include "models/BrowseTableModel.h"
#include "movr/Cities.h"
#include "movr/DataGenerator.h"
#include "pg/PgConnection.h"
#include "worker/BrowseWorker.h"
#include "worker/ChangeEvent.h"
#include "worker/LiveWorker.h"
#include "workload/LatencyHistogram.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <functional>
#include <sys/resource.h>
#include <thread>
#include <vector>

namespace {

using bench::die;
using bench::need;

const QString TagPrefix = QStringLiteral("bench-");

qint64 nowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

double processCpuMs()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 +
           (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
}

double threadCpuMs()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return now.tv_sec * 1000.0 + now.tv_nsec / 1e6;
}

// Runs the event loop until done() (checked at least every 20 ms), at most timeoutMs. Sleeps
// between events: processEvents(flags, ms) would spin, and its CPU would count as the app's.
bool waitUntil(const std::function<bool()> &done, qint64 timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    QTimer wake;
    wake.start(20);
    while (!done()) {
        if (clock.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    }
    return true;
}

enum class Source { LogicalDecoding, Polling, F5 };

QString sourceName(Source source)
{
    switch (source) {
    case Source::LogicalDecoding:
        return QStringLiteral("logical decoding");
    case Source::Polling:
        return QStringLiteral("polling");
    case Source::F5:
        return QStringLiteral("F5 (reload)");
    }
    return {};
}

// The GUI thread's longest stall: how late a 5 ms timer fires, at most.
class StallProbe
{
public:
    static constexpr int IntervalMs = 5;
    StallProbe()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(IntervalMs);
        QObject::connect(&m_timer, &QTimer::timeout, &m_timer, [this] { tick(); });
    }
    void start()
    {
        m_last = nowNs();
        m_maxGap = 0;
        m_timer.start();
    }
    double stopMs()
    {
        m_timer.stop();
        tick();
        return qMax<double>(0, m_maxGap / 1e6 - IntervalMs);
    }

private:
    void tick()
    {
        const qint64 now = nowNs();
        m_maxGap = qMax(m_maxGap, now - m_last);
        m_last = now;
    }
    QTimer m_timer;
    qint64 m_last = 0;
    qint64 m_maxGap = 0;
};

// The other session: sets current_location = 'bench-<seq>' on the view's rows in turn, one
// autocommit UPDATE per change, at `rate` per second for `seconds`, on its own thread and
// connection; remembers when each commit returned.
class Writer
{
public:
    Writer(ConnectionSettings settings, QList<KeyValues> keys, int rate, qint64 firstSeq,
           int seconds, QString synchronousCommit)
        : m_settings(std::move(settings)), m_keys(std::move(keys)), m_rate(rate),
          m_firstSeq(firstSeq), m_seconds(seconds),
          m_synchronousCommit(std::move(synchronousCommit))
    {}
    ~Writer() { join(); }
    void start()
    {
        m_commitNs.reserve(size_t(m_rate) * size_t(m_seconds) + 1);
        m_thread = std::thread([this] { run(); });
    }
    bool finished() const { return m_finished.load(); }
    void join()
    {
        if (m_thread.joinable())
            m_thread.join();
    }
    // After join():
    qint64 firstSeq() const { return m_firstSeq; }
    const std::vector<qint64> &commitNs() const { return m_commitNs; }
    double cpuMs() const { return m_cpuMs; }
    double elapsedSeconds() const { return m_elapsedS; }
    const QString &error() const { return m_error; }

private:
    void run()
    {
        const double cpu0 = threadCpuMs();
        auto opened = PgConnection::open(m_settings);
        if (!opened) {
            m_error = opened.error().toString();
            m_finished = true;
            return;
        }
        PgConnection &connection = **opened;
        // The session's synchronous_commit (the private server runs with off, for the tests'
        // speed: then a commit returns before its WAL is flushed, and logical decoding sends
        // only flushed WAL, up to wal_writer_delay later: 10 ms there, 200 ms by default).
        if (!m_synchronousCommit.isEmpty()) {
            auto set = connection.exec(QStringLiteral("SELECT set_config('synchronous_commit', "
                                                      "$1, false)"),
                                       {m_synchronousCommit});
            if (!set) {
                m_error = set.error().toString();
                m_finished = true;
                return;
            }
        }
        const QString sql = QStringLiteral(
            "UPDATE vehicles SET current_location = $1 WHERE city = $2 AND id = $3::uuid");
        const qint64 start = nowNs();
        const qint64 end = start + qint64(m_seconds) * 1000000000;
        const qint64 step = 1000000000 / m_rate;
        for (qint64 i = 0;; ++i) {
            const qint64 due = start + i * step;
            if (due >= end)
                break;
            const qint64 now = nowNs();
            if (now < due)
                std::this_thread::sleep_for(std::chrono::nanoseconds(due - now));
            else if (now >= end)
                break; // behind: the run is bounded in time, not in count
            const KeyValues &key = m_keys.at(int(i % m_keys.size()));
            auto updated = connection.exec(
                sql, {TagPrefix + QString::number(m_firstSeq + i), key.at(0), key.at(1)});
            if (!updated || updated->affectedRows() != 1) {
                m_error = updated ? QStringLiteral("the UPDATE found no row")
                                  : updated.error().toString();
                break;
            }
            m_commitNs.push_back(nowNs());
        }
        m_elapsedS = (nowNs() - start) / 1e9;
        m_cpuMs = threadCpuMs() - cpu0;
        m_finished = true;
    }

    ConnectionSettings m_settings;
    QList<KeyValues> m_keys;
    int m_rate;
    qint64 m_firstSeq;
    int m_seconds;
    QString m_synchronousCommit; // empty: the server's setting
    std::thread m_thread;
    std::atomic<bool> m_finished{false};
    std::vector<qint64> m_commitNs;
    double m_cpuMs = 0;
    double m_elapsedS = 0;
    QString m_error;
};

// Watches the model on the GUI thread: for each written row, when it first showed which tag.
class Observer
{
public:
    Observer(BrowseTableModel *model, const QStringList &ids, qint64 firstSeq)
        : m_model(model), m_shown(size_t(ids.size())), m_last(size_t(ids.size()), firstSeq - 1)
    {
        for (int i = 0; i < ids.size(); ++i)
            m_rowOfId.insert(ids.at(i), i);
        m_idColumn = model->spec().columnIndex(QStringLiteral("id"));
        m_tagColumn = model->spec().columnIndex(QStringLiteral("current_location"));
        QObject::connect(model, &QAbstractItemModel::dataChanged, model,
                         [this](const QModelIndex &top, const QModelIndex &bottom) {
                             scan(top.row(), bottom.row());
                         });
        QObject::connect(model, &QAbstractItemModel::rowsInserted, model,
                         [this](const QModelIndex &, int first, int last) { scan(first, last); });
        QObject::connect(model, &QAbstractItemModel::modelReset, model, [this] { scanAll(); });
        QObject::connect(model, &QAbstractItemModel::layoutChanged, model, [this] { scanAll(); });
        scanAll();
    }
    void scanAll() { scan(0, m_model->rowCount() - 1); }
    void scan(int first, int last)
    {
        const qint64 now = nowNs();
        for (int row = qMax(0, first); row <= last && row < m_model->rowCount(); ++row) {
            const int index = m_rowOfId.value(m_model->cellText(row, m_idColumn), -1);
            if (index < 0)
                continue;
            const QString tag = m_model->cellText(row, m_tagColumn);
            if (!tag.startsWith(TagPrefix))
                continue;
            bool ok = false;
            const qint64 seq = QStringView(tag).mid(TagPrefix.size()).toLongLong(&ok);
            if (ok && seq > m_last[size_t(index)]) {
                m_last[size_t(index)] = seq;
                m_shown[size_t(index)].push_back({seq, now});
            }
        }
    }
    // Every row shows the last value written to it.
    bool showsAll(const std::vector<qint64> &lastWritten) const
    {
        for (size_t i = 0; i < lastWritten.size(); ++i) {
            if (m_last[i] < lastWritten[i])
                return false;
        }
        return true;
    }
    // When row `index` first showed `seq` or a later one; -1 never.
    qint64 shownAt(int index, qint64 seq) const
    {
        const auto &events = m_shown[size_t(index)];
        const auto found = std::lower_bound(events.begin(), events.end(), seq,
                                            [](const auto &e, qint64 s) { return e.first < s; });
        return found == events.end() ? -1 : found->second;
    }

private:
    BrowseTableModel *m_model;
    QHash<QString, int> m_rowOfId;
    int m_idColumn = -1;
    int m_tagColumn = -1;
    std::vector<std::vector<std::pair<qint64, qint64>>> m_shown; // (seq, ns), seq increasing
    std::vector<qint64> m_last;
};

// Like the window's (src/app/LiveController): the latest event per row, handed to the model
// at most once per frame: at once after a quiet frame, else when the frame ends.
class Coalescer : public QObject
{
public:
    Coalescer(BrowseTableModel *model, int frameMs) : m_model(model), m_frameMs(frameMs)
    {
        m_timer.setSingleShot(true);
        QObject::connect(&m_timer, &QTimer::timeout, this, [this] { dispatch(); });
    }
    void add(const QList<ChangeEvent> &events)
    {
        m_received += events.size();
        if (m_onEvent) {
            const qint64 now = nowNs();
            for (const ChangeEvent &event : events)
                m_onEvent(event, now);
        }
        for (const ChangeEvent &event : events) {
            QString key = event.table;
            for (const auto &[name, value] : event.key)
                key += QChar(0x1f) + value.value_or(QString());
            auto found = m_pending.find(key);
            if (found == m_pending.end()) {
                m_order.append(key);
                m_pending.insert(key, event);
            } else {
                *found = event;
            }
        }
        if (m_order.isEmpty() || m_timer.isActive())
            return;
        // As the window: after a quiet frame at once, else at the frame's end.
        const qint64 since = m_sinceDispatch.isValid() ? m_sinceDispatch.elapsed() : m_frameMs;
        if (since >= m_frameMs)
            dispatch();
        else
            m_timer.start(int(m_frameMs - since));
    }
    qint64 received() const { return m_received; }
    // Called for each event as it arrives on the GUI thread (before coalescing).
    void setOnEvent(std::function<void(const ChangeEvent &, qint64)> onEvent)
    {
        m_onEvent = std::move(onEvent);
    }
    qint64 dispatches() const { return m_dispatches; }

private:
    void dispatch()
    {
        if (m_order.isEmpty())
            return;
        m_sinceDispatch.start();
        QList<ChangeEvent> batch;
        batch.reserve(m_order.size());
        for (const QString &key : std::as_const(m_order))
            batch.append(m_pending.take(key));
        m_order.clear();
        ++m_dispatches;
        m_model->applyChanges(batch);
    }
    BrowseTableModel *m_model;
    int m_frameMs;
    QElapsedTimer m_sinceDispatch;
    QTimer m_timer;
    QHash<QString, ChangeEvent> m_pending;
    QStringList m_order;
    qint64 m_received = 0;
    qint64 m_dispatches = 0;
    std::function<void(const ChangeEvent &, qint64)> m_onEvent;
};

struct Context
{
    ConnectionSettings settings;
    BrowseWorker *browse = nullptr;
    QString city;
    int visible = 50;
    int seconds = 10;
    int pollMs = 1000;
    int frameMs = 40; // the window's LiveController::frameMs
    QString synchronousCommit = QStringLiteral("on");
    QList<KeyValues> keys;
    QStringList ids;
    qint64 nextSeq = 1;
};

struct Cell
{
    Source source = Source::Polling;
    int rate = 0;
    qint64 written = 0;
    double writtenPerS = 0;
    LatencyHistogram latency; // us
    qint64 missed = 0;
    double stallMs = 0;
    double appCpuMs = 0;
    double writerCpuMs = 0;
    double cellSeconds = 0;
    qint64 reads = 0;          // statements the browse worker ran for this model
    LatencyHistogram readWall; // us, F5: reload() to the rows shown again
    qint64 events = 0;         // logical decoding: change events received
    qint64 dispatches = 0;
    LatencyHistogram toEvent;      // us, logical decoding: commit to the event on the GUI thread
    LatencyHistogram eventToModel; // us: the event on the GUI thread to the model showing it
    double timerLateMs = 0;        // polling / F5: the timer's largest interval minus its own
    QString unavailable;

    double cpuPer1000() const { return written ? appCpuMs * 1000.0 / double(written) : 0; }
    // The same without what the app spends at rest over the cell's time (idleCpuPerSecond).
    double cpuPer1000AboveIdle(double idlePerSecond) const
    {
        return written ? (appCpuMs - idlePerSecond * cellSeconds) * 1000.0 / double(written) : 0;
    }
};

std::unique_ptr<BrowseTableModel> openView(const Context &ctx)
{
    auto model = std::make_unique<BrowseTableModel>(BrowseTable::Vehicles);
    model->setFirstPageSize(ctx.visible);
    BrowseFilter filter;
    filter.cities = {ctx.city};
    model->setFilter(filter);
    bool shown = false;
    QObject::connect(model.get(), &BrowseTableModel::firstRowsShown, model.get(),
                     [&shown] { shown = true; });
    model->setWorker(ctx.browse);
    if (!waitUntil([&] { return shown || model->state() == BrowseTableModel::State::Error; },
                   60000) ||
        model->state() == BrowseTableModel::State::Error)
        die(QStringLiteral("the view did not load: %1").arg(model->errorText()));
    QObject::disconnect(model.get(), &BrowseTableModel::firstRowsShown, model.get(), nullptr);
    if (model->rowCount() < ctx.visible)
        die(QStringLiteral("%1 has %2 vehicles, fewer than --visible %3")
                .arg(ctx.city)
                .arg(model->rowCount())
                .arg(ctx.visible));
    return model;
}

Cell runCell(Context &ctx, Source source, int rate)
{
    Cell cell;
    cell.source = source;
    cell.rate = rate;

    LiveWorker *live = nullptr;
    LiveStatus status;
    if (source == Source::LogicalDecoding) {
        LiveOptions options;
        options.tables = {QStringLiteral("vehicles")};
        options.allowChangefeed = false;
        live = new LiveWorker(ctx.settings, options);
        QObject::connect(live, &LiveWorker::statusChanged, live,
                         [&status](const LiveStatus &s) { status = s; });
        live->startStream();
        const bool streaming = waitUntil(
            [&] { return status.source == LiveSource::LogicalDecoding && status.connected; },
            20000);
        if (!streaming) {
            cell.unavailable = status.reason.isEmpty()
                                   ? QStringLiteral("the live worker did not stream")
                                   : status.reason;
            WorkerBase::shutdownAndDelete(live);
            return cell;
        }
    }

    auto model = openView(ctx);
    if (source != Source::F5) {
        model->setLiveEnabled(true);
        model->setVisibleRows(0, ctx.visible - 1);
    }
    const qint64 firstSeq = ctx.nextSeq;
    Observer observer(model.get(), ctx.ids, firstSeq);
    const auto traced = QObject::connect(ctx.browse, &BrowseWorker::statementTraced, model.get(),
                                         [&cell] { ++cell.reads; });

    std::unique_ptr<Coalescer> coalescer;
    QTimer timer; // polling or F5: precise, as the window's polling timer
    timer.setTimerType(Qt::PreciseTimer);
    qint64 reloadStart = 0;
    // Logical decoding: when each change's event reached the GUI thread (index seq - firstSeq).
    std::vector<qint64> arrivedNs(size_t(rate) * size_t(ctx.seconds) + 1, -1);
    if (source == Source::LogicalDecoding) {
        coalescer = std::make_unique<Coalescer>(model.get(), ctx.frameMs);
        coalescer->setOnEvent([&](const ChangeEvent &event, qint64 now) {
            const ChangedColumn *column = event.column(QStringLiteral("current_location"));
            if (!column || !column->after || !column->after->startsWith(TagPrefix))
                return;
            bool ok = false;
            const qint64 index =
                QStringView(*column->after).mid(TagPrefix.size()).toLongLong(&ok) - firstSeq;
            if (ok && index >= 0 && index < qint64(arrivedNs.size()) &&
                arrivedNs[size_t(index)] < 0)
                arrivedNs[size_t(index)] = now;
        });
        QObject::connect(live, &LiveWorker::changes, coalescer.get(),
                         [&](const QList<ChangeEvent> &events) { coalescer->add(events); });
        QObject::connect(live, &LiveWorker::resyncNeeded, model.get(),
                         [&] { model->resyncVisible(true); });
    } else if (source == Source::Polling) {
        QObject::connect(&timer, &QTimer::timeout, model.get(), [&] { model->resyncVisible(); });
    } else {
        QObject::connect(model.get(), &BrowseTableModel::firstRowsShown, model.get(), [&] {
            if (reloadStart) {
                cell.readWall.record((nowNs() - reloadStart) / 1000);
                reloadStart = 0;
            }
        });
        QObject::connect(&timer, &QTimer::timeout, model.get(), [&] {
            if (reloadStart)
                return; // the previous F5 has not shown its rows yet
            reloadStart = nowNs();
            model->reload();
        });
    }
    timer.setInterval(ctx.pollMs);
    // How late the polling / F5 timer fired at most (a coarse timer, as the window's).
    qint64 lastTick = 0;
    QObject::connect(&timer, &QTimer::timeout, model.get(), [&] {
        const qint64 now = nowNs();
        if (lastTick)
            cell.timerLateMs = qMax(cell.timerLateMs, (now - lastTick) / 1e6 - ctx.pollMs);
        lastTick = now;
    });
    if (source != Source::LogicalDecoding)
        timer.start();

    StallProbe probe;
    probe.start();
    const double cpu0 = processCpuMs();
    const qint64 t0 = nowNs();
    Writer writer(ctx.settings, ctx.keys, rate, firstSeq, ctx.seconds, ctx.synchronousCommit);
    writer.start();
    if (!waitUntil([&] { return writer.finished(); }, qint64(ctx.seconds) * 1000 + 60000))
        die(QStringLiteral("the writer did not finish"));
    writer.join();
    if (!writer.error().isEmpty())
        die(QStringLiteral("writer: %1").arg(writer.error()));
    const std::vector<qint64> &commits = writer.commitNs();
    cell.written = qint64(commits.size());
    cell.writtenPerS = writer.elapsedSeconds() > 0 ? cell.written / writer.elapsedSeconds() : 0;
    ctx.nextSeq += cell.written;

    // Settle: the source keeps going until every row shows its last value (bounded).
    std::vector<qint64> lastWritten(size_t(ctx.keys.size()), firstSeq - 1);
    for (qint64 i = 0; i < cell.written; ++i)
        lastWritten[size_t(i % ctx.keys.size())] = firstSeq + i;
    const qint64 settleMs =
        source == Source::LogicalDecoding ? 15000 : 3 * qint64(ctx.pollMs) + 5000;
    waitUntil([&] { return observer.showsAll(lastWritten); }, settleMs);

    cell.stallMs = probe.stopMs();
    cell.cellSeconds = (nowNs() - t0) / 1e9;
    cell.writerCpuMs = writer.cpuMs();
    cell.appCpuMs = processCpuMs() - cpu0 - cell.writerCpuMs;
    timer.stop();
    QObject::disconnect(traced);

    for (qint64 i = 0; i < cell.written; ++i) {
        const qint64 shown = observer.shownAt(int(i % ctx.keys.size()), firstSeq + i);
        if (shown < 0)
            ++cell.missed;
        else
            cell.latency.record(qMax<qint64>(0, shown - commits[size_t(i)]) / 1000);
        const qint64 arrived = size_t(i) < arrivedNs.size() ? arrivedNs[size_t(i)] : -1;
        if (arrived >= 0) {
            cell.toEvent.record(qMax<qint64>(0, arrived - commits[size_t(i)]) / 1000);
            if (shown >= 0)
                cell.eventToModel.record(qMax<qint64>(0, shown - arrived) / 1000);
        }
    }
    if (coalescer) {
        cell.events = coalescer->received();
        cell.dispatches = coalescer->dispatches();
    }
    coalescer.reset();
    model->setWorker(nullptr);
    if (live) {
        WorkerBase::shutdownAndDelete(live);
        // The next cell's worker may not start while this one's temporary slot exists: the
        // live worker names its slots by process id and a serial of its own, so a second
        // worker of the process takes the same name while it exists.
        auto observer = need(PgConnection::open(ctx.settings), "connect");
        const QString sql =
            QStringLiteral("SELECT count(*) FROM pg_replication_slots WHERE slot_name LIKE $1");
        const SqlParams pattern{
            QStringLiteral("movr\\_admin\\_live\\_%1\\_%").arg(QCoreApplication::applicationPid())};
        if (!waitUntil(
                [&] {
                    auto slots = observer->exec(sql, pattern);
                    return slots && slots->text(0, 0) == QLatin1String("0");
                },
                15000))
            die(QStringLiteral("the live worker's slot was not dropped within 15 s"));
    }
    return cell;
}

// The app at rest with a loaded view and the stall probe: CPU ms per second, the median of
// five one-second windows (a single window caught stray work now and then).
double idleCpuPerSecond(const Context &ctx)
{
    auto model = openView(ctx);
    StallProbe probe;
    probe.start();
    std::vector<double> windows;
    for (int i = 0; i < 5; ++i) {
        const double cpu0 = processCpuMs();
        const qint64 t0 = nowNs();
        waitUntil([] { return false; }, 1000);
        windows.push_back((processCpuMs() - cpu0) / ((nowNs() - t0) / 1e9));
    }
    probe.stopMs();
    model->setWorker(nullptr);
    std::sort(windows.begin(), windows.end());
    return windows[windows.size() / 2];
}

// The cost of one F5 (BrowseTableModel::reload() until the rows are shown again), no writer:
// wall time per read and the app's CPU per read above idle. F5GapMs between a read and the
// next: a reload at once after the previous one queues behind that one's row estimate on the
// browse worker and measured 30 ms instead of 1.
constexpr int F5GapMs = 20;
struct ReadCost
{
    int reads = 0;
    LatencyHistogram wall; // us
    double cpuMsPerRead = 0;
};

ReadCost f5Cost(const Context &ctx, int reads, double idleCpuPerSecond)
{
    auto model = openView(ctx);
    ReadCost cost;
    qint64 started = 0;
    int done = 0;
    // Timed in the handler; the next F5 is pressed from the event loop right after.
    QObject::connect(model.get(), &BrowseTableModel::firstRowsShown, model.get(), [&] {
        cost.wall.record((nowNs() - started) / 1000);
        if (++done < reads) {
            QTimer::singleShot(F5GapMs, model.get(), [&] {
                started = nowNs();
                model->reload();
            });
        }
    });
    const double cpu0 = processCpuMs();
    const qint64 t0 = nowNs();
    started = t0;
    model->reload();
    if (!waitUntil([&] { return done >= reads; }, 60000))
        die(QStringLiteral("the reloads did not show rows"));
    cost.reads = reads;
    cost.cpuMsPerRead = (processCpuMs() - cpu0 - idleCpuPerSecond * (nowNs() - t0) / 1e9) / reads;
    model->setWorker(nullptr);
    return cost;
}

double roundTripMs(BrowseWorker *browse)
{
    std::vector<qint64> samples;
    const auto connection = QObject::connect(browse, &BrowseWorker::roundTrip, browse,
                                             [&](qint64 us) { samples.push_back(us); });
    for (int i = 0; i < 7; ++i) {
        const size_t before = samples.size();
        browse->ping();
        if (!waitUntil([&] { return samples.size() > before; }, 10000))
            die(QStringLiteral("the browse worker did not answer a ping"));
    }
    QObject::disconnect(connection);
    std::sort(samples.begin(), samples.end());
    return samples[samples.size() / 2] / 1000.0;
}

double ms(qint64 us)
{
    return us / 1000.0;
}

QString targetOf(const Cell &cell, int pollMs, double rttMs)
{
    if (!cell.unavailable.isEmpty())
        return QStringLiteral("unavailable: ") + cell.unavailable;
    const double p50 = ms(cell.latency.quantile(0.5));
    const double p99 = ms(cell.latency.quantile(0.99));
    const QString missed =
        cell.missed ? QStringLiteral("; %1 MISSED changes").arg(cell.missed) : QString();
    switch (cell.source) {
    case Source::LogicalDecoding:
        if (cell.rate < 1000)
            return QStringLiteral("stall <= 50 (%1)").arg(cell.stallMs <= 50 ? "met" : "MISSED") +
                   missed;
        return QStringLiteral("p50 <= 100, p99 <= 500, stall <= 50 (%1)")
                   .arg(p50 <= 100 && p99 <= 500 && cell.stallMs <= 50 ? "met" : "MISSED") +
               missed;
    case Source::Polling:
        return QStringLiteral("p99 <= %1 + %2 (%3)")
                   .arg(pollMs)
                   .arg(rttMs, 0, 'f', 1)
                   .arg(p99 <= pollMs + rttMs ? "met" : "MISSED") +
               missed;
    case Source::F5:
        return QStringLiteral("reference") + missed;
    }
    return {};
}

QJsonObject cellJson(const Cell &cell, double idleCpu)
{
    QJsonObject object{
        {QStringLiteral("source"), sourceName(cell.source)},
        {QStringLiteral("rate"), cell.rate},
    };
    if (!cell.unavailable.isEmpty()) {
        object.insert(QStringLiteral("unavailable"), cell.unavailable);
        return object;
    }
    object.insert(QStringLiteral("written"), cell.written);
    object.insert(QStringLiteral("written_per_s"), cell.writtenPerS);
    object.insert(QStringLiteral("applied"), cell.written - cell.missed);
    object.insert(QStringLiteral("missed"), cell.missed);
    object.insert(QStringLiteral("p50_ms"), ms(cell.latency.quantile(0.5)));
    object.insert(QStringLiteral("p99_ms"), ms(cell.latency.quantile(0.99)));
    object.insert(QStringLiteral("max_ms"), ms(cell.latency.max()));
    object.insert(QStringLiteral("longest_stall_ms"), cell.stallMs);
    object.insert(QStringLiteral("app_cpu_ms"), cell.appCpuMs);
    object.insert(QStringLiteral("writer_cpu_ms"), cell.writerCpuMs);
    object.insert(QStringLiteral("cell_seconds"), cell.cellSeconds);
    object.insert(QStringLiteral("app_cpu_ms_per_1000_changes"), cell.cpuPer1000());
    object.insert(QStringLiteral("app_cpu_ms_per_1000_changes_above_idle"),
                  cell.cpuPer1000AboveIdle(idleCpu));
    object.insert(QStringLiteral("reads"), cell.reads);
    if (cell.source != Source::LogicalDecoding)
        object.insert(QStringLiteral("timer_late_max_ms"), cell.timerLateMs);
    if (cell.source == Source::LogicalDecoding) {
        object.insert(QStringLiteral("events"), cell.events);
        object.insert(QStringLiteral("dispatches"), cell.dispatches);
        object.insert(QStringLiteral("commit_to_event_p50_ms"), ms(cell.toEvent.quantile(0.5)));
        object.insert(QStringLiteral("commit_to_event_p99_ms"), ms(cell.toEvent.quantile(0.99)));
        object.insert(QStringLiteral("event_to_model_p50_ms"), ms(cell.eventToModel.quantile(0.5)));
        object.insert(QStringLiteral("event_to_model_p99_ms"),
                      ms(cell.eventToModel.quantile(0.99)));
    }
    if (cell.source == Source::F5) {
        object.insert(QStringLiteral("f5_reads"), cell.readWall.count());
        object.insert(QStringLiteral("read_p50_ms"), ms(cell.readWall.quantile(0.5)));
        object.insert(QStringLiteral("read_max_ms"), ms(cell.readWall.max()));
    }
    return object;
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Live tables: commit-to-model latency of logical decoding and polling against F5"));
    parser.addHelpOption();
    const QCommandLineOption secondsOption(QStringLiteral("seconds"),
                                           QStringLiteral("Writing time per cell (default 10)."),
                                           QStringLiteral("N"), QStringLiteral("10"));
    const QCommandLineOption ratesOption(
        QStringLiteral("rates"), QStringLiteral("Changes per second (default 10,100,1000)."),
        QStringLiteral("LIST"), QStringLiteral("10,100,1000"));
    const QCommandLineOption pollOption(
        QStringLiteral("poll-interval"),
        QStringLiteral("Polling and F5 interval in ms (default 1000)."), QStringLiteral("MS"),
        QStringLiteral("1000"));
    const QCommandLineOption frameOption(
        QStringLiteral("frame-ms"),
        QStringLiteral("Logical decoding: dispatch to the model at most every N ms, as the "
                       "window does (default 40)."),
        QStringLiteral("MS"), QStringLiteral("40"));
    const QCommandLineOption syncOption(
        QStringLiteral("writer-synchronous-commit"),
        QStringLiteral("The writer session's synchronous_commit: on (PostgreSQL's default, the "
                       "default here), off, or server (the server's setting; the private one "
                       "runs with off)."),
        QStringLiteral("SETTING"), QStringLiteral("on"));
    const QCommandLineOption visibleOption(QStringLiteral("visible"),
                                           QStringLiteral("Visible rows (default 50)."),
                                           QStringLiteral("N"), QStringLiteral("50"));
    const QCommandLineOption sourcesOption(
        QStringLiteral("sources"),
        QStringLiteral("Sources to measure (default logical,polling,f5)."), QStringLiteral("LIST"),
        QStringLiteral("logical,polling,f5"));
    const QCommandLineOption urlOption(
        QStringLiteral("url"),
        QStringLiteral("A server with MovR data (its vehicles' locations are overwritten)."),
        QStringLiteral("URL"));
    const QCommandLineOption jsonOption(QStringLiteral("json"),
                                        QStringLiteral("Print the figures as one JSON object."));
    parser.addOptions({secondsOption, ratesOption, pollOption, frameOption, syncOption,
                       visibleOption, sourcesOption, urlOption, jsonOption});
    parser.process(app);

    Context ctx;
    bool ok = false;
    ctx.seconds = parser.value(secondsOption).toInt(&ok);
    if (!ok || ctx.seconds < 1 || ctx.seconds > 3600)
        die(QStringLiteral("--seconds must be a number from 1 to 3600"));
    ctx.pollMs = parser.value(pollOption).toInt(&ok);
    if (!ok || ctx.pollMs < 10 || ctx.pollMs > 600000)
        die(QStringLiteral("--poll-interval must be a number of ms from 10 to 600000"));
    ctx.frameMs = parser.value(frameOption).toInt(&ok);
    if (!ok || ctx.frameMs < 1 || ctx.frameMs > 10000)
        die(QStringLiteral("--frame-ms must be a number of ms from 1 to 10000"));
    ctx.synchronousCommit = parser.value(syncOption).trimmed().toLower();
    if (ctx.synchronousCommit == QLatin1String("server"))
        ctx.synchronousCommit.clear();
    else if (ctx.synchronousCommit != QLatin1String("on") &&
             ctx.synchronousCommit != QLatin1String("off"))
        die(QStringLiteral("--writer-synchronous-commit must be on, off or server"));
    ctx.visible = parser.value(visibleOption).toInt(&ok);
    if (!ok || ctx.visible < 1 || ctx.visible > 1000)
        die(QStringLiteral("--visible must be a number from 1 to 1000"));
    QList<int> rates;
    for (const QString &part : parser.value(ratesOption).split(QLatin1Char(','))) {
        const int rate = part.trimmed().toInt(&ok);
        if (!ok || rate < 1 || rate > 100000)
            die(QStringLiteral("--rates: %1 is not a rate from 1 to 100000").arg(part));
        rates.append(rate);
    }
    QList<Source> sources;
    for (const QString &part : parser.value(sourcesOption).split(QLatin1Char(','))) {
        const QString name = part.trimmed().toLower();
        if (name == QLatin1String("logical"))
            sources.append(Source::LogicalDecoding);
        else if (name == QLatin1String("polling"))
            sources.append(Source::Polling);
        else if (name == QLatin1String("f5"))
            sources.append(Source::F5);
        else
            die(QStringLiteral("--sources: %1 is not logical, polling or f5").arg(part));
    }
    const bool json = parser.isSet(jsonOption);
    BrowseWorker::registerMetaTypes();
    LiveWorker::registerMetaTypes();

    ctx.city = Cities::all().first().name;
    if (parser.isSet(urlOption)) {
        ctx.settings = need(ConnectionSettings::parse(parser.value(urlOption)), "--url");
    } else {
        MovrCounts counts;
        counts.vehicles = qint64(Cities::all().size()) * (ctx.visible + 20);
        counts.users = 900;
        counts.rides = 1000;
        counts.histories = 1000;
        counts.promoCodes = 100;
        if (!json)
            std::fprintf(stderr, "bench_live: starting a private PostgreSQL…\n");
        ctx.settings = TestServer::settings(TestServer::createMovrDatabase(
            QStringLiteral("bench_live"), counts, 1, Schema::Layout::Canonical));
    }
    QString serverVersion;
    {
        auto probe = need(PgConnection::open(ctx.settings), "connect");
        serverVersion = probe->serverInfo().displayName();
    }

    ctx.browse = new BrowseWorker(ctx.settings);
    ctx.browse->start(QStringLiteral("bench-browse"));
    const double rttMs = roundTripMs(ctx.browse);
    {
        auto view = openView(ctx);
        const int id = view->spec().columnIndex(QStringLiteral("id"));
        for (int row = 0; row < ctx.visible; ++row) {
            ctx.keys.append(view->keyAt(row));
            ctx.ids.append(view->cellText(row, id));
        }
        view->setWorker(nullptr);
    }
    const double idleCpu = idleCpuPerSecond(ctx);
    const ReadCost f5 = f5Cost(ctx, 50, idleCpu);

    QList<Cell> cells;
    for (int rate : std::as_const(rates)) {
        for (Source source : std::as_const(sources)) {
            if (!json)
                std::fprintf(stderr, "bench_live: %s, %d changes/s, %d s…\n",
                             qPrintable(sourceName(source)), rate, ctx.seconds);
            cells.append(runCell(ctx, source, rate));
            const Cell &cell = cells.last();
            if (!json && cell.unavailable.isEmpty())
                std::fprintf(stderr,
                             "  %lld written, p50 %.1f ms, p99 %.1f ms, stall %.1f ms, missed "
                             "%lld\n",
                             static_cast<long long>(cell.written), ms(cell.latency.quantile(0.5)),
                             ms(cell.latency.quantile(0.99)), cell.stallMs,
                             static_cast<long long>(cell.missed));
        }
    }
    WorkerBase::shutdownAndDelete(ctx.browse);
    waitUntil([] { return false; }, 100);

    double load[3] = {0, 0, 0};
    if (::getloadavg(load, 3) < 1)
        load[0] = -1;
    if (json) {
        QJsonArray array;
        for (const Cell &cell : std::as_const(cells))
            array.append(cellJson(cell, idleCpu));
        const QJsonObject root{
            {QStringLiteral("server"), serverVersion},
            {QStringLiteral("cores"), QThread::idealThreadCount()},
            {QStringLiteral("load_average"), load[0]},
            {QStringLiteral("seconds"), ctx.seconds},
            {QStringLiteral("poll_interval_ms"), ctx.pollMs},
            {QStringLiteral("frame_ms"), ctx.frameMs},
            {QStringLiteral("writer_synchronous_commit"),
             ctx.synchronousCommit.isEmpty() ? QStringLiteral("server") : ctx.synchronousCommit},
            {QStringLiteral("visible_rows"), ctx.visible},
            {QStringLiteral("round_trip_ms"), rttMs},
            {QStringLiteral("idle_cpu_ms_per_s"), idleCpu},
            {QStringLiteral("f5_read"),
             QJsonObject{{QStringLiteral("reads"), f5.reads},
                         {QStringLiteral("gap_ms"), F5GapMs},
                         {QStringLiteral("p50_ms"), ms(f5.wall.quantile(0.5))},
                         {QStringLiteral("max_ms"), ms(f5.wall.max())},
                         {QStringLiteral("cpu_ms_per_read_above_idle"), f5.cpuMsPerRead}}},
            {QStringLiteral("cells"), array},
        };
        std::printf("%s\n", QJsonDocument(root).toJson(QJsonDocument::Compact).constData());
        return 0;
    }
    std::printf("Live tables: %d visible vehicles of %s, %d s of writing per cell, polling and F5 "
                "every %d ms; %s; round trip %.2f ms; load average %.1f on %d cores; idle app "
                "CPU %.1f ms/s\n\n",
                ctx.visible, qPrintable(ctx.city), ctx.seconds, ctx.pollMs,
                qPrintable(serverVersion), rttMs, load[0], QThread::idealThreadCount(), idleCpu);
    std::printf("| source | changes/s | written/s | p50 ms | p99 ms | max ms | longest stall ms | "
                "app CPU ms / 1,000 changes (above idle) | reads | applied / written | target |\n");
    std::printf("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
    for (const Cell &cell : std::as_const(cells)) {
        if (!cell.unavailable.isEmpty()) {
            std::printf("| %s | %d | | | | | | | | | %s |\n", qPrintable(sourceName(cell.source)),
                        cell.rate, qPrintable(targetOf(cell, ctx.pollMs, rttMs)));
            continue;
        }
        std::printf(
            "| %s | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f (%.1f) | %lld | %lld / %lld | "
            "%s |\n",
            qPrintable(sourceName(cell.source)), cell.rate, cell.writtenPerS,
            ms(cell.latency.quantile(0.5)), ms(cell.latency.quantile(0.99)), ms(cell.latency.max()),
            cell.stallMs, cell.cpuPer1000(), cell.cpuPer1000AboveIdle(idleCpu),
            static_cast<long long>(cell.reads), static_cast<long long>(cell.written - cell.missed),
            static_cast<long long>(cell.written), qPrintable(targetOf(cell, ctx.pollMs, rttMs)));
    }
    std::printf(
        "\nLogical decoding, where the time goes (p50 / p99 ms): commit to the event on the "
        "GUI thread (server, WAL sender, live worker batch); the event to the model "
        "showing it (frame, live Refresh by key):");
    for (const Cell &cell : std::as_const(cells)) {
        if (cell.source == Source::LogicalDecoding && cell.unavailable.isEmpty())
            std::printf(" %d/s: %.1f / %.1f, %.1f / %.1f (%lld events, %lld dispatches);",
                        cell.rate, ms(cell.toEvent.quantile(0.5)), ms(cell.toEvent.quantile(0.99)),
                        ms(cell.eventToModel.quantile(0.5)), ms(cell.eventToModel.quantile(0.99)),
                        static_cast<long long>(cell.events),
                        static_cast<long long>(cell.dispatches));
    }
    std::printf("\n");
    std::printf(
        "\nPolling / F5 timer (a precise QTimer of %d ms, as the window's), fired late by at most:",
        ctx.pollMs);
    for (const Cell &cell : std::as_const(cells)) {
        if (cell.source != Source::LogicalDecoding && cell.unavailable.isEmpty())
            std::printf(" %s %d/s %.1f ms;", qPrintable(sourceName(cell.source)), cell.rate,
                        cell.timerLateMs);
    }
    std::printf("\n");
    std::printf("\nF5, the reference: one read of the view (reload() until its %d rows are shown "
                "again), %d reads %d ms apart with no writer: p50 %.1f ms, max %.1f ms, app CPU "
                "%.2f ms per read above idle.\n",
                ctx.visible, f5.reads, F5GapMs, ms(f5.wall.quantile(0.5)), ms(f5.wall.max()),
                f5.cpuMsPerRead);
    std::printf("During the F5 cells (a reload every %d ms, with the writer):", ctx.pollMs);
    for (const Cell &cell : std::as_const(cells)) {
        if (cell.source == Source::F5 && cell.unavailable.isEmpty())
            std::printf(" %d/s: %lld reloads, p50 %.1f ms, max %.1f ms;", cell.rate,
                        static_cast<long long>(cell.readWall.count()),
                        ms(cell.readWall.quantile(0.5)), ms(cell.readWall.max()));
    }
    std::printf("\n");
    return 0;
}
