#include "LiveController.h"

#include "ConnectionSession.h"
#include "ConnectionStatusBar.h"
#include "DetailPane.h"
#include "MainWindow.h"
#include "SqlPanel.h"
#include "TablePage.h"
#include "models/BrowseTableModel.h"
#include "models/LiveKeys.h"
#include "worker/LiveWorker.h"

#include <QAction>
#include <QEvent>
#include <QHash>
#include <QSettings>
#include <QTimer>

namespace {

const QString enabledKey = QStringLiteral("live/enabled");

QString eventKey(const ChangeEvent &event)
{
    QString key = event.schema + QChar(0x1f) + event.table;
    for (const auto &[name, value] : event.key)
        key += QChar(0x1f) + name + QChar(0x1e) + (value ? *value : QStringLiteral("\\N"));
    return key;
}

// Whether `event` changed this row of `table` (the event's key in the table's key columns,
// as the models read it: LiveKeys).
bool touches(const ChangeEvent &event, BrowseTable table, const RowData &row)
{
    const TableSpec &spec = TableSpec::of(table);
    return event.table == spec.sqlName &&
           LiveKeys::rowMatches(spec, row, LiveKeys::eventKey(spec, event));
}

} // namespace

LiveController::LiveController(MainWindow *window)
    : QObject(window), m_window(window), m_toggle(new QAction(tr("&Live updates"), this)),
      m_frame(new QTimer(this)), m_poll(new QTimer(this))
{
    m_toggle->setObjectName(QStringLiteral("liveUpdates"));
    m_toggle->setCheckable(true);
    m_toggle->setChecked(QSettings().value(enabledKey, true).toBool());
    m_toggle->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    m_toggle->setToolTip(tr("Tables and details follow changes made in the database by others"));
    connect(m_toggle, &QAction::toggled, this, &LiveController::setEnabled);
    m_frame->setSingleShot(true);
    m_frame->setInterval(frameMs);
    connect(m_frame, &QTimer::timeout, this, &LiveController::dispatch);
    // A coarse timer may fire up to 5% of its interval late (50 ms of 1 s, measured by
    // bench_live under load): polling promises its interval plus one round trip.
    m_poll->setTimerType(Qt::PreciseTimer);
    connect(m_poll, &QTimer::timeout, this, &LiveController::poll);
    window->installEventFilter(this);
    // New relation lists come with each entity the details pane shows.
    connect(window->detailPane(), &DetailPane::entityShown, this, &LiveController::updateModels);
    for (BrowseTable table : TableSpec::browsable()) {
        if (TablePage *page = window->tablePage(table))
            connect(page->model(), &BrowseTableModel::stateChanged, this,
                    &LiveController::updateModels);
    }
    showStatus();
}

LiveController::~LiveController() = default;

bool LiveController::isEnabled() const
{
    return m_toggle->isChecked();
}

bool LiveController::isPolling() const
{
    return m_poll->isActive();
}

LiveStatus LiveController::status() const
{
    LiveStatus shown = m_status;
    if (!isEnabled())
        shown.paused = true;
    return shown;
}

void LiveController::setSession(ConnectionSession *session)
{
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    m_pending.clear();
    m_frame->stop();
    m_status = LiveStatus{};
    if (session) {
        connect(session, &ConnectionSession::liveChanges, this, &LiveController::onChanges);
        connect(session, &ConnectionSession::liveResyncNeeded, this,
                &LiveController::onResyncNeeded);
        connect(session, &ConnectionSession::liveStatusChanged, this, &LiveController::onStatus);
        // The stream's statements are reads, traced like the browse worker's.
        SqlPanel *panel = m_window->sqlPanel();
        connect(session, &ConnectionSession::liveStatementTraced, panel,
                [panel](const TraceEntry &entry) { panel->appendTrace({entry}); });
        if (!isEnabled())
            session->liveWorker()->setPaused(true);
    }
    updateModels();
    updatePolling();
    showStatus();
}

void LiveController::setEnabled(bool enabled)
{
    QSettings().setValue(enabledKey, enabled);
    if (!enabled) {
        m_pending.clear();
        m_frame->stop();
    }
    if (m_session)
        m_session->liveWorker()->setPaused(!enabled);
    updateModels();
    updatePolling();
    showStatus();
    // What changed meanwhile is read now: polling has no stream to resume, and a stream that
    // did not notice a short pause sends no resync, though the window dropped its changes
    // (and those waiting for their frame) while off.
    if (enabled)
        onResyncNeeded({});
}

QList<BrowseTableModel *> LiveController::liveModels() const
{
    QList<BrowseTableModel *> models;
    if (!isEnabled())
        return models;
    const auto add = [&models](BrowseTableModel *model) {
        if (model && !model->asOf().isValid() && model->state() != BrowseTableModel::State::Idle)
            models.append(model);
    };
    for (BrowseTable table : TableSpec::browsable())
        if (TablePage *page = m_window->tablePage(table))
            add(page->model());
    const DetailPane *detail = m_window->detailPane();
    if (!detail->asOf().isValid())
        for (const QString &name : detail->sectionNames())
            add(detail->sectionModel(name));
    return models;
}

void LiveController::updateModels()
{
    const QList<BrowseTableModel *> live = liveModels();
    QList<BrowseTableModel *> all;
    for (BrowseTable table : TableSpec::browsable())
        if (TablePage *page = m_window->tablePage(table))
            all.append(page->model());
    const DetailPane *detail = m_window->detailPane();
    for (const QString &name : detail->sectionNames())
        all.append(detail->sectionModel(name));
    for (BrowseTableModel *model : std::as_const(all)) {
        const bool on = m_session && live.contains(model);
        if (model && model->isLiveEnabled() != on)
            model->setLiveEnabled(on);
    }
}

void LiveController::onChanges(const QList<ChangeEvent> &events)
{
    if (!isEnabled() || events.isEmpty())
        return;
    m_pending += events;
    if (m_frame->isActive())
        return; // this frame's dispatch is already due: the batch rides along
    // At most one dispatch per frame, and none later than needed: a batch after a quiet frame
    // goes out at once; one within a frame of the last dispatch waits for the frame's end.
    const qint64 since = m_sinceDispatch.isValid() ? m_sinceDispatch.elapsed() : frameMs;
    if (since >= frameMs) {
        dispatch();
        return;
    }
    m_frame->start(int(frameMs - since));
}

void LiveController::flush()
{
    m_frame->stop();
    dispatch();
}

void LiveController::dispatch()
{
    if (m_pending.isEmpty())
        return;
    m_sinceDispatch.start();
    const QList<ChangeEvent> events = coalesce(std::exchange(m_pending, {}));
    for (BrowseTableModel *model : liveModels())
        model->applyChanges(events);
    DetailPane *detail = m_window->detailPane();
    if (detail->hasEntity() && !detail->asOf().isValid()) {
        const RowData &row = detail->entityRow();
        const BrowseTable table = detail->entityTable();
        if (std::any_of(events.cbegin(), events.cend(),
                        [&](const ChangeEvent &event) { return touches(event, table, row); }))
            detail->reReadEntity();
    }
    Q_EMIT dispatched(int(events.size()));
}

void LiveController::onResyncNeeded(const QStringList &tables)
{
    if (!isEnabled())
        return;
    // What is pending is older than the read that follows: it goes first (duplicates are
    // harmless), then everything shown is read again.
    flush();
    for (BrowseTableModel *model : liveModels())
        if (tables.isEmpty() || tables.contains(model->spec().sqlName))
            model->resyncVisible(true);
    DetailPane *detail = m_window->detailPane();
    if (detail->hasEntity() &&
        (tables.isEmpty() || tables.contains(TableSpec::of(detail->entityTable()).sqlName)))
        detail->reReadEntity();
    Q_EMIT resynced();
}

void LiveController::poll()
{
    for (BrowseTableModel *model : liveModels())
        model->resyncVisible();
    DetailPane *detail = m_window->detailPane();
    if (detail->hasEntity() && detail->isVisible())
        detail->reReadEntity();
}

void LiveController::onStatus(const LiveStatus &status)
{
    m_status = status;
    updatePolling();
    showStatus();
}

void LiveController::updatePolling()
{
    const bool shown = m_window->isVisible() && !m_window->isMinimized();
    const bool polling = m_session && isEnabled() && !m_status.paused &&
                         m_status.source == LiveSource::Polling && m_status.pollIntervalMs > 0;
    if (polling && shown) {
        if (m_poll->interval() != m_status.pollIntervalMs || !m_poll->isActive())
            m_poll->start(m_status.pollIntervalMs);
    } else {
        m_poll->stop();
    }
}

void LiveController::showStatus()
{
    const LiveStatus shown = status();
    m_window->connectionStatus()->setLiveStatus(m_session ? std::optional<LiveStatus>(shown)
                                                          : std::nullopt);
    Q_EMIT statusChanged(shown);
}

bool LiveController::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_window) {
        switch (event->type()) {
        case QEvent::Show:
        case QEvent::Hide:
        case QEvent::WindowStateChange: {
            const bool wasPolling = m_poll->isActive();
            updatePolling();
            // Back on screen: what changed while hidden shows now, not in an interval.
            if (!wasPolling && m_poll->isActive())
                QTimer::singleShot(0, this, &LiveController::poll);
            break;
        }
        default:
            break;
        }
    }
    return QObject::eventFilter(watched, event);
}

QList<ChangeEvent> LiveController::coalesce(const QList<ChangeEvent> &events)
{
    QList<ChangeEvent> merged;
    merged.reserve(events.size());
    QHash<QString, qsizetype> at;
    for (const ChangeEvent &event : events) {
        const QString key = eventKey(event);
        const auto found = at.constFind(key);
        if (found == at.cend()) {
            at.insert(key, merged.size());
            merged.append(event);
            continue;
        }
        ChangeEvent &into = merged[*found];
        const ChangeKind first = into.kind;
        if (event.kind == ChangeKind::Delete || first == ChangeKind::Delete) {
            // Deleted: nothing else matters. Deleted then inserted again: a new row.
            into = event;
            continue;
        }
        // Insert + update stays an insert; update + update an update. The columns merged:
        // the first `before`, the last `after`.
        for (const ChangedColumn &column : event.columns) {
            auto same = std::find_if(into.columns.begin(), into.columns.end(),
                                     [&](const ChangedColumn &c) { return c.name == column.name; });
            if (same == into.columns.end()) {
                into.columns.append(column);
            } else {
                same->after = column.after;
            }
        }
        into.beforeKnown = into.beforeKnown && event.beforeKnown;
        into.commitTime = event.commitTime;
    }
    return merged;
}
