#pragma once

#include "ChangeHighlights.h"
#include "PageSource.h"
#include "RowKeyIndex.h"
#include "worker/BrowseTypes.h"

#include <QAbstractTableModel>
#include <QElapsedTimer>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <optional>

struct ChangeEvent;

class BrowseWorker;
class WorkerPageSource;

// One MovR table as the views see it: rows fetched from a PageSource (the browse worker, see
// WorkerPageSource) in keyset pages (no SQL here), keyed by primary key so that a row can be
// re-read and updated in place. Configured per table by a TableSpec; the same class serves every
// tab and the detail pane.
//
// Paging: the first page is small so that rows show at once; while the view keeps asking
// (fetchMore soon after the previous page arrived) each page doubles, up to maxPageSize.
// Changing the filter, the sort or the table reloads with a new generation: replies of the
// older generation are dropped, and the worker cancels the superseded query on the server.
class BrowseTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Role {
        CopyTextRole = Qt::UserRole + 1, // full value for the clipboard and CSV
        RawTextRole,                     // the server's text, nullptr-free ("" for NULL)
        IsNullRole,
        ColumnKindRole, // int(ColumnKind)
        BadgeRole,      // status columns: true (the delegate draws a badge)
        // Live updates (issue 13):
        ChangeHighlightRole, // qreal 0..1: how strongly the cell shows it just changed
                             // (1 at the change, fading to 0); 0 when it did not change
        RowGoneRole,         // QString: why the row the user is on left (deleted on the
                             // server, no longer matches the filter); empty otherwise
    };
    enum class State {
        Idle,    // nothing asked yet (no page source)
        Loading, // the first page of this generation is on its way
        Ready,   // rows shown; more may follow with fetchMore
        Error,   // the last request failed: errorText() says why, retry() repeats it
    };
    Q_ENUM(State)

    explicit BrowseTableModel(BrowseTable table, QObject *parent = nullptr);
    ~BrowseTableModel() override;

    const TableSpec &spec() const { return *m_spec; }
    BrowseTable table() const { return m_spec->table; }

    // The worker that serves this model (through a WorkerPageSource the model owns); loads
    // the first page at once. nullptr: no source (Idle).
    void setWorker(BrowseWorker *worker);
    // Any page source (not owned; it must outlive the model or be set to nullptr first);
    // loads the first page at once.
    void setPageSource(PageSource *source);
    PageSource *pageSource() const { return m_source; }
    void setFilter(const BrowseFilter &filter);
    const BrowseFilter &filter() const { return m_filter; }
    void setSortOrder(const BrowseSort &sort);
    const BrowseSort &sortOrder() const { return m_sort; }
    // CockroachDB only (the worker ignores them on PostgreSQL).
    void setFollowerReads(bool enabled);
    void setAsOf(const QDateTime &time);
    QDateTime asOf() const { return m_asOf; }
    void setFirstPageSize(int rows) { m_firstPageSize = qMax(1, rows); }
    void setMaxPageSize(int rows) { m_maxPageSize = qMax(1, rows); }
    // A title for the SQL panel entries ("Browse rides").
    void setActionName(const QString &name) { m_actionName = name; }

    // Drops the rows and loads the first page again (new generation).
    void reload();
    // Repeats the request that failed.
    void retry();
    // Re-reads these rows (primary key values) and updates them in place; rows that no
    // longer exist are removed.
    void refreshRows(const QList<KeyValues> &keys);
    void requestEstimate();

    State state() const { return m_state; }
    QString errorText() const { return m_errorText; }
    // The error behind State::Error (its SQLSTATE and the server's message).
    const DbError &error() const { return m_error; }
    bool atEnd() const { return m_atEnd; }
    bool isFetching() const { return m_pending; }
    qint64 estimatedRows() const { return m_estimate; }
    // Whether the current query reads every row (a search, a filter or a sort in all cities
    // that no index answers, see worker/WholeTableRead.h) and the statement that would make
    // it instant (Page::searchIndexScript; empty for a sort, and when an index answers it).
    WholeTableReason wholeTableRead() const { return m_wholeTableRead; }
    QString searchIndexScript() const { return m_searchIndexScript; }
    quint64 generation() const { return m_generation; }
    quint64 clientId() const { return m_client; }

    const RowData &rowAt(int row) const { return m_rows.at(row); }
    KeyValues keyAt(int row) const;
    int rowForKey(const KeyValues &key) const; // -1 when not loaded
    QString cellText(int row, int column) const { return m_rows.at(row).text(column); }
    // Credit cards show masked unless revealed row by row, on purpose.
    void setCardRevealed(int row, bool revealed);
    bool isCardRevealed(int row) const;

    // Live updates (issue 13; see BrowseTableModelLive.cpp).
    // Off (the default) ignores every live change; a view of a past time (as of) is never
    // live.
    void setLiveEnabled(bool enabled);
    bool isLiveEnabled() const;
    // Committed changes of any table (those of other tables are ignored), coalesced: the
    // rows they touch are read again by key through the page source (one Refresh in flight
    // per model; keys arriving meanwhile wait for the next), so the filter, the sort and the
    // server's text stay exact; a loaded row that was deleted leaves at once. Changed cells
    // are highlighted (ChangeHighlightRole); inserts that match the filter are counted
    // (newRowCount), never jumped into the view.
    void applyChanges(const QList<ChangeEvent> &events);
    // The rows the view shows (first..last, inclusive; -1 -1 for none).
    void setVisibleRows(int first, int last);
    // Reads the visible rows (and the pinned one) again now, by key, in one query: polling,
    // and after a gap in the stream. With `afterGap`, every other loaded row is marked stale
    // and read again when it becomes visible.
    void resyncVisible(bool afterGap = false);
    // The row the user is on: when it is deleted or no longer matches the filter it stays,
    // marked (RowGoneRole), until the pin moves elsewhere.
    void setPinnedKey(const std::optional<KeyValues> &key);
    // New rows that match the filter, seen by live inserts and not shown yet.
    int newRowCount() const;
    // Inserts them where they belong inside the loaded key range (the others are found by
    // scrolling); returns the first inserted row, or -1.
    int showNewRows();
    // How long a changed cell takes to fade (ChangeHighlights::DefaultDurationMs; tests
    // shorten it).
    void setHighlightDuration(int ms) { m_highlights.setDuration(ms); }
    // How long after a live refresh a row an event touched, found unchanged or missing, is
    // read once more (tests shorten it; see BrowseTableModelLive.cpp).
    void setRecheckDelay(int ms) { m_recheckDelayMs = qMax(0, ms); }

    // The request that reads everything matching the current filter and sort (export).
    PageRequest exportRequest(int pageSize) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent = {}) const override;
    void fetchMore(const QModelIndex &parent = {}) override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    // Presentation helpers shared with the export and the detail pane.
    static QString displayText(const ColumnSpec &column, const QString &text, bool revealed);
    // What a copy puts on the clipboard (CopyTextRole): the value as stored (full ids, UTC
    // timestamps, exact decimals), a card number masked unless revealed.
    static QString copyText(const ColumnSpec &column, const QString &text, bool revealed);
    // A primary key as one string, for sets and maps of rows (key values are never NULL).
    static QString keyString(const KeyValues &key);
    static QString jsonSummary(const QString &json);

Q_SIGNALS:
    void stateChanged(BrowseTableModel::State state);
    void estimateChanged(qint64 rows);
    // Live: the count of new rows not shown yet changed (newRowCount()).
    void newRowsChanged(int count);
    // Emitted when a page of the current generation was appended (rows = its size).
    void pageLoaded(int rows);
    // Emitted once per generation, when its first rows are in the model.
    void firstRowsShown();
    void rowsRefreshed(int count);
    // wholeTableRead() or searchIndexScript() changed.
    void indexHintChanged();

private:
    void onPage(const Page &page);
    void applyPage(const Page &page);
    void applyRefresh(const Page &page);
    void requestPage();
    void setState(State state);
    PageRequest baseRequest() const;
    // Live (BrowseTableModelLive.cpp).
    bool acceptsLive() const;
    void resetLive();
    bool isLiveReply(const Page &page) const;
    void applyLiveRefresh(const Page &page);
    void queueLiveRefresh(const QList<KeyValues> &keys, bool fromEvents);
    void sendLiveRefresh();
    // Removes these rows (any order, duplicates allowed), keeping the stale bits and the key
    // index aligned.
    void removeRowsAt(QList<int> rows);
    void removeKeys(const QList<KeyValues> &keys); // those loaded
    // Marks the pinned row as left (RowGoneRole); an earlier marked row the pin has left is
    // removed now (callers hold keys, not row numbers, across this call).
    void markGone(const KeyValues &key, const QString &reason);
    // The pinned row that had left is back (a refresh returned it): no longer marked.
    void unmarkGone(const QString &keyString);
    void removeUnpinnedGoneRow();
    // A page's rows without those already loaded (a live insert, a row that moved in the
    // sort order since it was loaded); drops the new rows the page covers.
    QList<RowData> withoutLoaded(const QList<RowData> &rows);
    int compareInSortOrder(const RowData &a, const RowData &b) const;
    void onHighlightTick();
    qreal highlightAt(int row, int column) const;
    QString goneTextAt(int row) const;

    const TableSpec *m_spec;
    QPointer<PageSource> m_source;
    WorkerPageSource *m_ownedSource = nullptr; // the one setWorker() made, a child
    quint64 m_client = 0;
    quint64 m_generation = 0;
    BrowseFilter m_filter;
    BrowseSort m_sort;
    bool m_followerReads = false;
    QDateTime m_asOf;
    DbError m_error;
    QString m_actionName;

    QList<RowData> m_rows;
    std::optional<KeyValues> m_nextKey;
    bool m_atEnd = false;
    bool m_pending = false;
    bool m_firstShown = false;
    int m_retriesOfCancel = 0;
    State m_state = State::Idle;
    QString m_errorText;
    qint64 m_estimate = -1;
    QString m_searchIndexScript;
    WholeTableReason m_wholeTableRead = WholeTableReason::None;

    int m_firstPageSize = 50;
    int m_maxPageSize = 10000;
    int m_pageSize = 50;
    QElapsedTimer m_sinceLastPage;
    QSet<QString> m_revealed;       // key strings of rows whose card number is shown
    mutable RowKeyIndex m_keyIndex; // rowForKey without a scan

    // Live updates (issue 13).
    bool m_live = false;
    bool m_liveInFlight = false;         // one live Refresh at a time
    QList<KeyValues> m_liveInFlightKeys; // its keys (how its reply is recognised)
    QSet<QString> m_liveInFlightEvents;  // those asked because an event touched them
    QSet<QString> m_deletedInFlight;     // deleted since it was sent: its rows are stale
    QElapsedTimer m_liveSentAt;
    QList<KeyValues> m_liveQueued; // waiting for the reply to the one in flight
    QSet<QString> m_liveQueuedSet;
    QSet<QString> m_liveQueuedEvents;
    QHash<QString, RowData> m_newRows; // key string → row: matching inserts not shown yet
    bool m_pagesMayRepeat = false;     // a live change touched the rows: pages skip loaded keys
    bool m_resyncAfterPage = false;    // a page read before a gap was in flight at its resync
    std::optional<KeyValues> m_pinned;
    QString m_pinnedString;
    std::optional<KeyValues> m_goneKey; // the pinned row kept although it left
    QString m_goneString;
    QString m_goneReason;
    bool m_visibleKnown = false;
    int m_visibleFirst = -1;
    int m_visibleLast = -1;
    QList<bool> m_stale; // empty: none; else one per row (read again when it becomes visible)
    qsizetype m_staleCount = 0;
    ChangeHighlights m_highlights;
    int m_recheckDelayMs = 50;
    QTimer m_highlightTimer;
    QElapsedTimer m_clock; // monotonic, for the fading
};
