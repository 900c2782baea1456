#include "BrowseTableModel.h"

#include "SemanticColors.h"
#include "WorkerPageSource.h"

#include "worker/BrowseQuery.h"
#include "worker/BrowseWorker.h"

#include <QBrush>
#include <QColor>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QTimeZone>

namespace {

// The next page doubles when the view asks again within this time of the previous one.
constexpr qint64 KeepGrowingMs = 2000;

QDateTime parseTimestamp(const QString &text)
{
    // The server's text for TIMESTAMP: "2019-01-02 03:04:05" with optional fraction. The
    // columns hold UTC.
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid())
        time = QDateTime::fromString(text.left(19), QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    if (time.isValid())
        time.setTimeZone(QTimeZone::utc());
    return time;
}

QColor namedColor(const QString &name)
{
    const QColor color = QColor::fromString(name);
    return color.isValid() ? color : QColor();
}

} // namespace

BrowseTableModel::BrowseTableModel(BrowseTable table, QObject *parent)
    : QAbstractTableModel(parent), m_spec(&TableSpec::of(table)), m_keyIndex(m_spec->keyColumns)
{
    m_actionName = tr("Browse %1").arg(m_spec->sqlName);
    m_clock.start();
    m_highlightTimer.setInterval(100); // the fading's frame rate
    connect(&m_highlightTimer, &QTimer::timeout, this, &BrowseTableModel::onHighlightTick);
}

BrowseTableModel::~BrowseTableModel()
{
    if (m_source)
        m_source->forgetClient(m_client);
}

void BrowseTableModel::setWorker(BrowseWorker *worker)
{
    if (m_ownedSource && m_source == m_ownedSource && m_ownedSource->worker() == worker)
        return;
    WorkerPageSource *previous = m_ownedSource;
    m_ownedSource = worker ? new WorkerPageSource(worker, this) : nullptr;
    setPageSource(m_ownedSource);
    delete previous;
}

void BrowseTableModel::setPageSource(PageSource *source)
{
    if (m_source == source)
        return;
    if (m_source) {
        disconnect(m_source, nullptr, this, nullptr);
        m_source->forgetClient(m_client);
    }
    m_source = source;
    if (m_source) {
        m_client = m_source->newClientId();
        connect(m_source, &PageSource::pageReady, this, &BrowseTableModel::onPage);
    }
    reload();
}

void BrowseTableModel::setFilter(const BrowseFilter &filter)
{
    if (m_filter == filter && m_state != State::Idle)
        return;
    m_filter = filter;
    reload();
}

void BrowseTableModel::setSortOrder(const BrowseSort &sort)
{
    if (m_sort == sort && m_state != State::Idle)
        return;
    m_sort = sort;
    reload();
}

void BrowseTableModel::setFollowerReads(bool enabled)
{
    if (m_followerReads == enabled)
        return;
    m_followerReads = enabled;
    reload();
}

void BrowseTableModel::setAsOf(const QDateTime &time)
{
    if (m_asOf == time)
        return;
    m_asOf = time;
    reload();
}

void BrowseTableModel::reload()
{
    // All state first: views and testers react to modelReset by asking for more.
    ++m_generation;
    m_nextKey.reset();
    m_atEnd = false;
    m_pending = false;
    m_firstShown = false;
    m_retriesOfCancel = 0;
    m_errorText.clear();
    m_pageSize = m_firstPageSize;
    resetLive();
    const State next = m_source ? State::Loading : State::Idle;
    const bool stateChanges = m_state != next;
    m_state = next;
    beginResetModel();
    m_rows.clear();
    m_rows.squeeze();
    m_revealed.clear();
    m_keyIndex.invalidate();
    endResetModel();
    if (stateChanges)
        Q_EMIT stateChanged(m_state);
    if (!m_source)
        return;
    requestPage();
    requestEstimate();
}

void BrowseTableModel::retry()
{
    if (m_state != State::Error || !m_source)
        return;
    m_errorText.clear();
    setState(m_rows.isEmpty() ? State::Loading : State::Ready);
    requestPage();
}

PageRequest BrowseTableModel::baseRequest() const
{
    PageRequest request;
    request.client = m_client;
    request.generation = m_generation;
    request.table = m_spec->table;
    request.filter = m_filter;
    request.sort = m_sort;
    request.followerReads = m_followerReads;
    request.asOf = m_asOf;
    request.action = m_actionName;
    return request;
}

void BrowseTableModel::requestPage()
{
    if (!m_source || m_pending || m_atEnd)
        return;
    PageRequest request = baseRequest();
    request.kind = PageRequest::Kind::Page;
    request.after = m_nextKey;
    request.pageSize = m_pageSize;
    m_pending = true;
    m_source->submit(request);
}

void BrowseTableModel::requestEstimate()
{
    if (!m_source)
        return;
    PageRequest request = baseRequest();
    request.kind = PageRequest::Kind::Estimate;
    request.action = tr("%1 (row estimate)").arg(m_actionName);
    m_source->submit(request);
}

void BrowseTableModel::refreshRows(const QList<KeyValues> &keys)
{
    if (!m_source || keys.isEmpty())
        return;
    PageRequest request = baseRequest();
    request.kind = PageRequest::Kind::Refresh;
    request.refreshKeys = keys;
    request.action = m_actionName + QStringLiteral(" (refresh)");
    m_source->submit(request);
}

PageRequest BrowseTableModel::exportRequest(int pageSize) const
{
    PageRequest request = baseRequest();
    request.kind = PageRequest::Kind::Page;
    request.pageSize = pageSize;
    request.action = QStringLiteral("Export ") + m_spec->sqlName;
    return request;
}

void BrowseTableModel::onPage(const Page &page)
{
    if (page.client != m_client)
        return;
    if (page.generation != m_generation)
        return; // stale: the filter, sort or table changed since
    switch (page.kind) {
    case PageRequest::Kind::Page:
        applyPage(page);
        break;
    case PageRequest::Kind::Refresh:
        applyRefresh(page);
        break;
    case PageRequest::Kind::Estimate:
        if (!page.error) {
            m_estimate = page.estimate;
            Q_EMIT estimateChanged(m_estimate);
        }
        break;
    case PageRequest::Kind::GcWindow:
        break; // asked by the as-of bar, not by models
    }
}

void BrowseTableModel::applyPage(const Page &page)
{
    m_pending = false;
    if (page.searchIndexScript != m_searchIndexScript || page.wholeTableRead != m_wholeTableRead) {
        m_searchIndexScript = page.searchIndexScript;
        m_wholeTableRead = page.wholeTableRead;
        Q_EMIT indexHintChanged();
    }
    if (page.error) {
        // Canceled without our asking (a cancel that raced onto this query): ask again.
        if (page.error->kind == ErrorClass::Canceled && m_retriesOfCancel < 3) {
            ++m_retriesOfCancel;
            requestPage();
            return;
        }
        m_errorText = page.error->toString();
        m_error = *page.error;
        setState(State::Error);
        return;
    }
    m_retriesOfCancel = 0;
    m_nextKey = page.nextKey;
    m_atEnd = page.atEnd;
    // Grow the next page while the view keeps scrolling.
    m_pageSize = qMin(m_maxPageSize, m_pageSize * 2);
    m_sinceLastPage.start();
    const bool stateChanges = m_state != State::Ready;
    m_state = State::Ready;
    const QList<RowData> rows =
        m_pagesMayRepeat || !m_newRows.isEmpty() ? withoutLoaded(page.rows) : page.rows;
    if (!rows.isEmpty()) {
        const int first = int(m_rows.size());
        beginInsertRows({}, first, first + int(rows.size()) - 1);
        m_rows.append(rows);
        if (!m_stale.isEmpty())
            m_stale.resize(m_rows.size(), false);
        m_keyIndex.appended(m_rows, first);
        endInsertRows();
    }
    if (std::exchange(m_resyncAfterPage, false))
        resyncVisible(true);
    if (stateChanges)
        Q_EMIT stateChanged(m_state);
    Q_EMIT pageLoaded(int(page.rows.size()));
    if (!m_firstShown) {
        m_firstShown = true;
        Q_EMIT firstRowsShown();
    }
}

void BrowseTableModel::applyRefresh(const Page &page)
{
    if (isLiveReply(page)) {
        applyLiveRefresh(page);
        return;
    }
    // The app's own refresh (after an edit): no highlight, the user made the change.
    if (page.error)
        return; // the rows keep their last known values; the trace shows why
    QSet<QString> returned;
    int changed = 0;
    for (const RowData &row : page.rows) {
        const KeyValues key = BrowseQuery::primaryKeyOf(*m_spec, row);
        const QString string = keyString(key);
        returned.insert(string);
        const int index = rowForKey(key);
        if (index < 0)
            continue;
        if (!(m_rows.at(index) == row)) {
            m_rows[index] = row;
            Q_EMIT dataChanged(this->index(index, 0), this->index(index, columnCount() - 1));
        }
        unmarkGone(string);
        ++changed;
    }
    // Rows asked for but gone from the table (or no longer matching the filter): they leave,
    // except the row the user is on, which stays marked until the user moves.
    QList<KeyValues> leaving;
    for (const KeyValues &key : page.refreshKeys) {
        const QString string = keyString(key);
        if (returned.contains(string))
            continue;
        const int index = rowForKey(key);
        if (index < 0)
            continue;
        if (m_pinned && string == m_pinnedString) {
            if (m_goneString != string)
                markGone(key, tr("This row was changed on the server and no longer matches the "
                                 "filter, or was deleted."));
        } else {
            leaving.append(key);
        }
        ++changed;
    }
    removeKeys(leaving);
    Q_EMIT rowsRefreshed(changed);
}

void BrowseTableModel::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

KeyValues BrowseTableModel::keyAt(int row) const
{
    return BrowseQuery::primaryKeyOf(*m_spec, m_rows.at(row));
}

int BrowseTableModel::rowForKey(const KeyValues &key) const
{
    // Live changes look rows up at the stream's rate: an index, not a scan.
    return m_keyIndex.find(m_rows, key);
}

QString BrowseTableModel::keyString(const KeyValues &key)
{
    QStringList parts;
    for (const auto &value : key)
        parts.append(value.value_or(QString()));
    return parts.join(QChar(0x1f));
}

void BrowseTableModel::setCardRevealed(int row, bool revealed)
{
    if (row < 0 || row >= m_rows.size())
        return;
    const QString key = keyString(keyAt(row));
    if (revealed)
        m_revealed.insert(key);
    else
        m_revealed.remove(key);
    Q_EMIT dataChanged(index(row, 0), index(row, columnCount() - 1));
}

bool BrowseTableModel::isCardRevealed(int row) const
{
    if (m_revealed.isEmpty() || row < 0 || row >= m_rows.size())
        return false;
    return m_revealed.contains(keyString(keyAt(row)));
}

int BrowseTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int BrowseTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_spec->columns.size());
}

QString BrowseTableModel::jsonSummary(const QString &json)
{
    const QJsonDocument document = QJsonDocument::fromJson(json.toUtf8());
    if (!document.isObject())
        return json;
    const QJsonObject object = document.object();
    QStringList parts;
    // The MovR fields first, in the order people read them.
    for (const char *name : {"color", "brand", "type", "value"}) {
        const QString key = QString::fromLatin1(name);
        if (object.contains(key))
            parts.append(object.value(key).toVariant().toString());
    }
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (QStringList{QStringLiteral("color"), QStringLiteral("brand"), QStringLiteral("type"),
                        QStringLiteral("value")}
                .contains(it.key()))
            continue;
        parts.append(it.key() + QStringLiteral(": ") + it.value().toVariant().toString());
    }
    return parts.join(QStringLiteral(" · "));
}

QString BrowseTableModel::copyText(const ColumnSpec &column, const QString &text, bool revealed)
{
    if (column.kind == ColumnKind::CreditCard && !revealed)
        return displayText(column, text, false);
    return text;
}

QString BrowseTableModel::displayText(const ColumnSpec &column, const QString &text, bool revealed)
{
    switch (column.kind) {
    case ColumnKind::Uuid:
        return text.left(8);
    case ColumnKind::Timestamp: {
        const QDateTime time = parseTimestamp(text);
        return time.isValid() ? time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                              : text;
    }
    case ColumnKind::Money: {
        bool ok = false;
        const double value = text.toDouble(&ok);
        return ok ? QLocale().toString(value, 'f', 2) : text;
    }
    case ColumnKind::Json:
        return jsonSummary(text);
    case ColumnKind::Status:
        return QString(text).replace(QLatin1Char('_'), QLatin1Char(' '));
    case ColumnKind::CreditCard:
        if (revealed || text.isEmpty())
            return text;
        return QStringLiteral("•••• ") + text.right(4);
    default:
        return text;
    }
}

QVariant BrowseTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const RowData &row = m_rows.at(index.row());
    const ColumnSpec &column = m_spec->columns.at(index.column());
    const int c = index.column();
    switch (role) {
    case Qt::DisplayRole: {
        if (row.isNull(c))
            return QString();
        const bool revealed = column.kind == ColumnKind::CreditCard && isCardRevealed(index.row());
        return displayText(column, row.text(c), revealed);
    }
    case Qt::ToolTipRole: {
        if (const QString gone = goneTextAt(index.row()); !gone.isEmpty())
            return gone; // why the row the user is on is still shown
        if (row.isNull(c))
            return tr("NULL");
        const QString text = row.text(c);
        switch (column.kind) {
        case ColumnKind::Uuid:
        case ColumnKind::Json:
            return text;
        case ColumnKind::Timestamp: {
            const QDateTime time = parseTimestamp(text);
            return time.isValid() ? time.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz")) +
                                        QStringLiteral(" UTC")
                                  : text;
        }
        case ColumnKind::CreditCard:
            return isCardRevealed(index.row()) ? text
                                               : tr("Masked: right-click › Reveal card number");
        default:
            return QVariant();
        }
    }
    case CopyTextRole:
        return row.isNull(c) ? QString()
                             : copyText(column, row.text(c), isCardRevealed(index.row()));
    case RawTextRole:
        return row.text(c);
    case IsNullRole:
        return row.isNull(c);
    case ColumnKindRole:
        return int(column.kind);
    case BadgeRole:
        return column.kind == ColumnKind::Status && !row.isNull(c);
    case Qt::TextAlignmentRole:
        if (column.kind == ColumnKind::Money || column.kind == ColumnKind::Number ||
            column.kind == ColumnKind::Integer)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        return QVariant::fromValue(Qt::Alignment(Qt::AlignLeft | Qt::AlignVCenter));
    case Qt::DecorationRole:
        if (column.kind == ColumnKind::Json && !row.isNull(c)) {
            const QJsonDocument document = QJsonDocument::fromJson(row.utf8(c));
            const QString colorName = document.object().value(QStringLiteral("color")).toString();
            const QColor color = namedColor(colorName);
            if (color.isValid())
                return color;
        }
        return {};
    case Qt::BackgroundRole: {
        const bool badge = column.kind == ColumnKind::Status && !row.isNull(c);
        const qreal highlight = highlightAt(index.row(), c);
        if (highlight > 0.0) {
            // The change's colour over the cell's own background, fading into it.
            const QColor under = badge ? SemanticColors::statusBadge(row.text(c)).background
                                       : SemanticColors::applicationPalette().color(QPalette::Base);
            // A badge keeps its white text readable: half strength at most.
            return QBrush(SemanticColors::blend(under, SemanticColors::changeHighlight(),
                                                badge ? highlight / 2 : highlight));
        }
        if (badge)
            return QBrush(SemanticColors::statusBadge(row.text(c)).background);
        return {};
    }
    case ChangeHighlightRole:
        return highlightAt(index.row(), c);
    case RowGoneRole:
        return goneTextAt(index.row());
    case Qt::ForegroundRole:
        if (column.kind == ColumnKind::Status && !row.isNull(c))
            return QBrush(SemanticColors::statusBadge(row.text(c)).foreground);
        return {};
    default:
        return {};
    }
}

QVariant BrowseTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= m_spec->columns.size())
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole)
        return m_spec->columns.at(section).title;
    if (role == Qt::ToolTipRole || role == CopyTextRole) // the SQL name, for copied headers
        return m_spec->columns.at(section).name;
    return {};
}

bool BrowseTableModel::canFetchMore(const QModelIndex &parent) const
{
    if (parent.isValid() || !m_source)
        return false;
    return !m_atEnd && !m_pending && m_state == State::Ready;
}

void BrowseTableModel::fetchMore(const QModelIndex &parent)
{
    if (parent.isValid() || !canFetchMore(parent))
        return;
    // A pause in scrolling starts small again.
    if (m_sinceLastPage.isValid() && m_sinceLastPage.elapsed() > KeepGrowingMs)
        m_pageSize = qMax(m_firstPageSize, qMin(m_maxPageSize, 200));
    requestPage();
}

void BrowseTableModel::sort(int column, Qt::SortOrder order)
{
    BrowseSort sort;
    // Sorting by the first key column is the key order itself; which column that is depends on
    // the database's shape, so the worker decides (BrowseQuery).
    sort.column = (column >= 0 && column < columnCount()) ? column : -1;
    sort.order = order;
    setSortOrder(sort);
}
