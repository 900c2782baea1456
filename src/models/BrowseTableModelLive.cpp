// Live updates of BrowseTableModel (issue 13): change events say which rows changed; the model
// reads those rows again by key through its page source (a Refresh, which applies the view's
// filter), one live Refresh in flight at a time, keys arriving meanwhile merged for the next.
#include "BrowseTableModel.h"

#include "LiveKeys.h"

#include "worker/BrowseQuery.h"
#include "worker/ChangeEvent.h"

#include <QTimer>

#include <algorithm>
#include <functional>
#include <utility>

using LiveKeys::PartialKey;

namespace {

// A Refresh with no reply for this long is taken as lost (the next keys go out anyway).
constexpr qint64 LiveReplyLostMs = 30000;
// The rows resynced when the view never said which rows it shows (it starts at the top).
constexpr int DefaultVisibleRows = 100;
// PostgreSQL's walsender may send a commit as soon as its WAL is flushed, a moment before the
// committing backend leaves the proc array (RecordTransactionCommit, then
// ProcArrayEndTransaction in xact.c's CommitTransaction): a read by key right after the event
// can still see the row as it was. A row an event touched that comes back unchanged, or not at
// all, is read once more m_recheckDelayMs later (bench_live found it once the event reached
// the model within a millisecond).

// Two non-NULL cells in the server's order: numbers by value; the rest by their text's bytes
// (the databases use the C collation; a UUID's text sorts like the UUID, and a timestamp's
// ISO text like the time).
int compareCells(const ColumnSpec &column, const RowData &a, const RowData &b, int c)
{
    if (column.kind == ColumnKind::Money || column.kind == ColumnKind::Number ||
        column.kind == ColumnKind::Integer) {
        bool okA = false, okB = false;
        const double x = a.text(c).toDouble(&okA);
        const double y = b.text(c).toDouble(&okB);
        if (okA && okB)
            return x < y ? -1 : (y < x ? 1 : 0);
    }
    const QByteArray x = a.utf8(c);
    const QByteArray y = b.utf8(c);
    return x < y ? -1 : (y < x ? 1 : 0);
}

} // namespace

void BrowseTableModel::setLiveEnabled(bool enabled)
{
    if (m_live == enabled)
        return;
    m_live = enabled;
    if (!enabled) {
        m_liveQueued.clear();
        m_liveQueuedSet.clear();
        m_liveQueuedEvents.clear();
    }
}

bool BrowseTableModel::isLiveEnabled() const
{
    return m_live;
}

bool BrowseTableModel::acceptsLive() const
{
    // A view of a past time shows that time, whatever happens since.
    return m_live && !m_asOf.isValid() && m_source;
}

void BrowseTableModel::resetLive()
{
    m_liveInFlight = false;
    m_liveInFlightKeys.clear();
    m_liveInFlightEvents.clear();
    m_deletedInFlight.clear();
    m_liveQueued.clear();
    m_liveQueuedSet.clear();
    m_liveQueuedEvents.clear();
    const bool hadNewRows = !m_newRows.isEmpty();
    m_newRows.clear();
    m_pagesMayRepeat = false;
    m_resyncAfterPage = false;
    m_goneKey.reset();
    m_goneString.clear();
    m_goneReason.clear();
    m_stale.clear();
    m_staleCount = 0;
    m_highlights.clear();
    m_highlightTimer.stop();
    if (hadNewRows)
        Q_EMIT newRowsChanged(0);
}

void BrowseTableModel::applyChanges(const QList<ChangeEvent> &events)
{
    if (!acceptsLive())
        return;
    QList<KeyValues> refresh;
    QList<KeyValues> leaving; // keys, not rows: markGone may remove a row meanwhile
    bool newRowsChangedNow = false;
    for (const ChangeEvent &event : events) {
        if (event.table != m_spec->sqlName)
            continue;
        const PartialKey key = LiveKeys::eventKey(*m_spec, event);
        const bool complete = LiveKeys::isComplete(key);
        if (event.kind == ChangeKind::Delete) {
            // Leaves at once; an event without every key column (only `id`) matches the
            // loaded rows on the columns it has.
            QList<KeyValues> rowKeys;
            if (complete) {
                if (rowForKey(key) >= 0)
                    rowKeys.append(key);
            } else {
                for (int r = 0; r < m_rows.size(); ++r) {
                    if (LiveKeys::rowMatches(*m_spec, m_rows.at(r), key))
                        rowKeys.append(keyAt(r));
                }
            }
            for (const KeyValues &rowKey : std::as_const(rowKeys)) {
                const QString string = keyString(rowKey);
                if (m_liveInFlight)
                    m_deletedInFlight.insert(string);
                if (m_pinned && string == m_pinnedString)
                    markGone(rowKey, tr("This row was deleted on the server."));
                else
                    leaving.append(rowKey);
            }
            for (auto it = m_newRows.begin(); it != m_newRows.end();) {
                if (LiveKeys::rowMatches(*m_spec, *it, key)) {
                    if (m_liveInFlight)
                        m_deletedInFlight.insert(it.key());
                    it = m_newRows.erase(it);
                    newRowsChangedNow = true;
                } else {
                    ++it;
                }
            }
            if (complete && m_liveInFlight)
                m_deletedInFlight.insert(keyString(key));
            continue;
        }
        if (!complete) {
            // Not readable by key: read again the loaded rows it may be.
            for (int r = 0; r < m_rows.size(); ++r) {
                if (LiveKeys::rowMatches(*m_spec, m_rows.at(r), key))
                    refresh.append(keyAt(r));
            }
            continue;
        }
        // An update of a loaded row, or a candidate (an insert, an update of a row not
        // loaded, which may match the filter now): both are read again by key.
        refresh.append(key);
        if (const auto old = LiveKeys::previousKey(*m_spec, event, key))
            refresh.append(*old);
    }
    removeKeys(leaving);
    if (newRowsChangedNow)
        Q_EMIT newRowsChanged(newRowCount());
    queueLiveRefresh(refresh, true);
}

void BrowseTableModel::queueLiveRefresh(const QList<KeyValues> &keys, bool fromEvents)
{
    for (const KeyValues &key : keys) {
        const QString string = keyString(key);
        if (!m_liveQueuedSet.contains(string)) {
            m_liveQueuedSet.insert(string);
            m_liveQueued.append(key);
        }
        if (fromEvents)
            m_liveQueuedEvents.insert(string);
    }
    if (m_liveInFlight && m_liveSentAt.elapsed() < LiveReplyLostMs)
        return; // sent when the reply comes
    sendLiveRefresh();
}

void BrowseTableModel::sendLiveRefresh()
{
    if (m_liveQueued.isEmpty() || !m_source)
        return;
    m_liveInFlightKeys = std::exchange(m_liveQueued, {});
    m_liveInFlightEvents = std::exchange(m_liveQueuedEvents, {});
    m_liveQueuedSet.clear();
    m_deletedInFlight.clear();
    m_liveInFlight = true;
    m_liveSentAt.start();
    PageRequest request = baseRequest();
    request.kind = PageRequest::Kind::Refresh;
    request.refreshKeys = m_liveInFlightKeys;
    request.action = m_actionName + QStringLiteral(" (live)");
    m_source->submit(request);
}

bool BrowseTableModel::isLiveReply(const Page &page) const
{
    return m_liveInFlight && page.refreshKeys == m_liveInFlightKeys;
}

void BrowseTableModel::applyLiveRefresh(const Page &page)
{
    m_liveInFlight = false;
    const QList<KeyValues> asked = std::exchange(m_liveInFlightKeys, {});
    const QSet<QString> fromEvents = std::exchange(m_liveInFlightEvents, {});
    const QSet<QString> deleted = std::exchange(m_deletedInFlight, {});
    // An error keeps the rows as they were (the trace says why); the next resync reads them.
    if (!page.error) {
        const qint64 now = m_clock.elapsed();
        const int sortColumn = BrowseQuery::effectiveSort(*m_spec, m_sort).column;
        QSet<QString> returned;
        QList<KeyValues> recheck;
        int changed = 0;
        bool newRowsChangedNow = false;
        for (const RowData &row : page.rows) {
            const KeyValues key = BrowseQuery::primaryKeyOf(*m_spec, row);
            const QString string = keyString(key);
            returned.insert(string);
            if (deleted.contains(string))
                continue; // read before its delete committed
            const int index = rowForKey(key);
            if (index < 0) {
                // Matches the filter and is not loaded: a new row, shown on request.
                auto it = m_newRows.find(string);
                if (it == m_newRows.end()) {
                    m_newRows.insert(string, row);
                    newRowsChangedNow = true;
                } else {
                    *it = row;
                }
                continue;
            }
            const RowData old = m_rows.at(index);
            if (old == row && fromEvents.contains(string))
                recheck.append(key); // the change may not be visible yet
            if (!(old == row)) {
                QList<int> cells;
                for (int c = 0; c < columnCount(); ++c) {
                    if (old.isNull(c) != row.isNull(c) || old.utf8(c) != row.utf8(c))
                        cells.append(c);
                }
                m_rows[index] = row;
                if (cells.contains(sortColumn))
                    m_pagesMayRepeat = true; // it may come again in a later page
                m_highlights.mark(string, key, cells, now);
                if (!cells.isEmpty())
                    Q_EMIT dataChanged(this->index(index, cells.first()),
                                       this->index(index, cells.last()));
                ++changed;
            }
            unmarkGone(string);
        }
        QList<KeyValues> leaving;
        for (const KeyValues &key : asked) {
            const QString string = keyString(key);
            if (returned.contains(string))
                continue;
            if (fromEvents.contains(string) && !deleted.contains(string))
                recheck.append(key); // an insert not visible yet, or a row that left
            if (m_newRows.remove(string))
                newRowsChangedNow = true;
            const int index = rowForKey(key);
            if (index < 0)
                continue;
            ++changed;
            if (m_pinned && string == m_pinnedString) {
                if (m_goneKey && m_goneString == string)
                    continue; // already marked (deleted)
                // Asked for because an event changed it, so it exists: the filter drops it.
                markGone(key, fromEvents.contains(string)
                                  ? tr("This row no longer matches the filter.")
                                  : tr("This row was changed on the server and no longer "
                                       "matches the filter, or was deleted."));
            } else {
                leaving.append(key);
            }
        }
        removeKeys(leaving);
        if (!m_highlights.isEmpty() && !m_highlightTimer.isActive())
            m_highlightTimer.start();
        if (newRowsChangedNow)
            Q_EMIT newRowsChanged(newRowCount());
        Q_EMIT rowsRefreshed(changed);
        if (!recheck.isEmpty()) {
            // Read once more, not as from events: no further recheck follows.
            QTimer::singleShot(m_recheckDelayMs, this, [this, generation = m_generation, recheck] {
                if (generation == m_generation && acceptsLive())
                    queueLiveRefresh(recheck, false);
            });
        }
    }
    sendLiveRefresh(); // the keys that arrived meanwhile
}

void BrowseTableModel::removeRowsAt(QList<int> rows)
{
    if (rows.isEmpty())
        return;
    std::sort(rows.begin(), rows.end(), std::greater<int>());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    // Contiguous runs, from the bottom up, so that the rows above keep their numbers.
    for (qsizetype i = 0; i < rows.size();) {
        const int last = rows.at(i);
        int first = last;
        qsizetype j = i + 1;
        while (j < rows.size() && rows.at(j) == first - 1)
            first = rows.at(j++);
        i = j;
        if (first < 0 || last >= m_rows.size())
            continue;
        beginRemoveRows({}, first, last);
        m_rows.remove(first, last - first + 1);
        if (!m_stale.isEmpty()) {
            m_staleCount -= std::count(m_stale.begin() + first, m_stale.begin() + last + 1, true);
            m_stale.remove(first, last - first + 1);
            if (m_staleCount == 0)
                m_stale.clear();
        }
        m_keyIndex.invalidate();
        endRemoveRows();
    }
}

void BrowseTableModel::removeKeys(const QList<KeyValues> &keys)
{
    QList<int> rows;
    rows.reserve(keys.size());
    for (const KeyValues &key : keys)
        rows.append(rowForKey(key));
    removeRowsAt(rows);
}

void BrowseTableModel::markGone(const KeyValues &key, const QString &reason)
{
    const QString string = keyString(key);
    if (m_goneKey && m_goneString != string)
        removeUnpinnedGoneRow(); // an earlier one the pin has left
    m_goneKey = key;
    m_goneString = string;
    m_goneReason = reason;
    const int row = rowForKey(key);
    if (row >= 0)
        Q_EMIT dataChanged(index(row, 0), index(row, columnCount() - 1));
}

void BrowseTableModel::unmarkGone(const QString &keyString)
{
    if (!m_goneKey || m_goneString != keyString)
        return;
    const KeyValues key = *std::exchange(m_goneKey, std::nullopt);
    m_goneString.clear();
    m_goneReason.clear();
    const int row = rowForKey(key);
    if (row >= 0)
        Q_EMIT dataChanged(index(row, 0), index(row, columnCount() - 1));
}

void BrowseTableModel::removeUnpinnedGoneRow()
{
    if (!m_goneKey || (m_pinned && m_goneString == m_pinnedString))
        return;
    const KeyValues key = *std::exchange(m_goneKey, std::nullopt);
    m_goneString.clear();
    m_goneReason.clear();
    removeRowsAt({rowForKey(key)});
}

void BrowseTableModel::setPinnedKey(const std::optional<KeyValues> &key)
{
    m_pinned = key;
    m_pinnedString = key ? keyString(*key) : QString();
    if (m_goneKey && !(m_pinned && m_goneString == m_pinnedString)) {
        // Not from inside the view's current-changed handler: a moment later, if the pin has
        // not come back meanwhile.
        QMetaObject::invokeMethod(this, &BrowseTableModel::removeUnpinnedGoneRow,
                                  Qt::QueuedConnection);
    }
}

void BrowseTableModel::setVisibleRows(int first, int last)
{
    m_visibleKnown = true;
    m_visibleFirst = first;
    m_visibleLast = last;
    if (m_staleCount == 0 || first < 0 || !acceptsLive())
        return;
    QList<KeyValues> keys;
    for (int r = qMax(0, first); r <= qMin(last, int(m_rows.size()) - 1); ++r) {
        if (m_stale.at(r)) {
            m_stale[r] = false;
            --m_staleCount;
            keys.append(keyAt(r));
        }
    }
    if (m_staleCount == 0)
        m_stale.clear();
    queueLiveRefresh(keys, false);
}

void BrowseTableModel::resyncVisible(bool afterGap)
{
    if (!acceptsLive())
        return;
    // A page in flight may have been read before the gap ended (its rows would count as
    // fresh): once it is here, everything is resynced again.
    if (afterGap && m_pending)
        m_resyncAfterPage = true;
    const int rows = int(m_rows.size());
    const int first = m_visibleKnown ? qMax(0, m_visibleFirst) : 0;
    const int last = qMin(rows - 1, m_visibleKnown ? m_visibleLast : DefaultVisibleRows - 1);
    QList<KeyValues> keys;
    for (int r = first; r <= last; ++r)
        keys.append(keyAt(r));
    if (m_pinned)
        keys.append(*m_pinned);
    if (afterGap) {
        // Everything else is read again when it becomes visible.
        m_stale = QList<bool>(rows, true);
        m_staleCount = rows;
        for (int r = first; r <= last; ++r) {
            m_stale[r] = false;
            --m_staleCount;
        }
        if (m_staleCount == 0)
            m_stale.clear();
        // The new rows not shown yet may have changed or gone too.
        for (const RowData &row : std::as_const(m_newRows))
            keys.append(BrowseQuery::primaryKeyOf(*m_spec, row));
    }
    queueLiveRefresh(keys, false);
}

int BrowseTableModel::newRowCount() const
{
    return int(m_newRows.size());
}

int BrowseTableModel::compareInSortOrder(const RowData &a, const RowData &b) const
{
    // The worker's ORDER BY (BrowseQuery::page): the sort column, NULLS LAST in either
    // direction, then the key, all in the sort's direction.
    const BrowseSort sort = BrowseQuery::effectiveSort(*m_spec, m_sort);
    const int direction = sort.order == Qt::DescendingOrder ? -1 : 1;
    if (sort.column >= 0) {
        const bool nullA = a.isNull(sort.column);
        const bool nullB = b.isNull(sort.column);
        if (nullA != nullB)
            return nullA ? 1 : -1;
        if (!nullA) {
            if (const int c = compareCells(m_spec->columns.at(sort.column), a, b, sort.column))
                return c * direction;
        }
    }
    for (int column : m_spec->orderKeyColumns) {
        if (const int c = compareCells(m_spec->columns.at(column), a, b, column))
            return c * direction;
    }
    return 0;
}

int BrowseTableModel::showNewRows()
{
    if (m_newRows.isEmpty())
        return -1;
    // Inside the loaded range: before the last loaded row, or anywhere once all are loaded
    // (pages go on from the last row: the others come with them).
    QList<RowData> inside;
    for (const RowData &row : std::as_const(m_newRows)) {
        if (m_atEnd || (!m_rows.isEmpty() && compareInSortOrder(row, m_rows.last()) < 0))
            inside.append(row);
    }
    m_newRows.clear();
    std::sort(inside.begin(), inside.end(),
              [this](const RowData &a, const RowData &b) { return compareInSortOrder(a, b) < 0; });
    int firstInserted = -1;
    for (const RowData &row : std::as_const(inside)) {
        if (rowForKey(BrowseQuery::primaryKeyOf(*m_spec, row)) >= 0)
            continue;
        // Before the first loaded row that sorts after it (binary search: the rows are in
        // order but for live updates of the sort column, which leave rows where they were).
        int low = 0, high = int(m_rows.size());
        while (low < high) {
            const int middle = low + (high - low) / 2;
            if (compareInSortOrder(m_rows.at(middle), row) > 0)
                high = middle;
            else
                low = middle + 1;
        }
        beginInsertRows({}, low, low);
        m_rows.insert(low, row);
        if (!m_stale.isEmpty())
            m_stale.insert(low, false);
        m_keyIndex.invalidate();
        endInsertRows();
        m_pagesMayRepeat = true;
        if (firstInserted < 0 || low <= firstInserted)
            firstInserted = low;
    }
    Q_EMIT newRowsChanged(0);
    return firstInserted;
}

QList<RowData> BrowseTableModel::withoutLoaded(const QList<RowData> &rows)
{
    QList<RowData> kept;
    kept.reserve(rows.size());
    bool newRowsChangedNow = false;
    for (const RowData &row : rows) {
        const KeyValues key = BrowseQuery::primaryKeyOf(*m_spec, row);
        if (!m_newRows.isEmpty() && m_newRows.remove(keyString(key)))
            newRowsChangedNow = true; // this page shows it where it belongs
        if (m_pagesMayRepeat && rowForKey(key) >= 0)
            continue;
        kept.append(row);
    }
    if (newRowsChangedNow)
        Q_EMIT newRowsChanged(newRowCount());
    return kept;
}

qreal BrowseTableModel::highlightAt(int row, int column) const
{
    if (m_highlights.isEmpty())
        return 0.0;
    return m_highlights.strength(keyString(keyAt(row)), column, m_clock.elapsed());
}

QString BrowseTableModel::goneTextAt(int row) const
{
    if (!m_goneKey || keyString(keyAt(row)) != m_goneString)
        return {};
    return m_goneReason;
}

void BrowseTableModel::onHighlightTick()
{
    const qint64 now = m_clock.elapsed();
    const QList<ChangeHighlights::Span> spans = m_highlights.spans();
    m_highlights.expire(now); // the last repaint below shows them at 0
    if (m_highlights.isEmpty())
        m_highlightTimer.stop();
    const QList<int> roles{ChangeHighlightRole, Qt::BackgroundRole};
    for (const ChangeHighlights::Span &span : spans) {
        const int row = rowForKey(span.key);
        if (row < 0)
            continue;
        // Rows out of sight repaint when they scroll in.
        if (m_visibleKnown && (row < m_visibleFirst || row > m_visibleLast))
            continue;
        Q_EMIT dataChanged(index(row, span.first), index(row, span.last), roles);
    }
}
