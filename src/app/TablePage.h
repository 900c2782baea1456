#pragma once

#include "LinkTableView.h"
#include "worker/BrowseTypes.h"

#include <QVariantMap>
#include <QWidget>

class BrowseTableModel;
class NewRowsBar;
class PendingEditsProxy;
class BrowseWorker;
class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTimer;
class ScopeSelector;
class StateOverlay;

// One tab of the main window: a table of one MovR table with its scope, search and
// filters, the row count estimate, and the loading / empty / error states.
class TablePage : public QWidget
{
    Q_OBJECT

public:
    TablePage(BrowseTable table, QWidget *parent = nullptr);
    ~TablePage() override;

    BrowseTable table() const;
    BrowseTableModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    PendingEditsProxy *editsProxy() const { return m_editsProxy; }
    ScopeSelector *scopeSelector() const { return m_scope; }
    QLineEdit *searchField() const { return m_search; }
    // Beside the search: shown while the query reads every row (WholeTableRead: a search, a
    // filter or a sort in all cities that no index answers).
    QLabel *searchIndexHint() const { return m_searchIndexHint; }
    StateOverlay *overlay() const { return m_overlay; }
    // Live updates: "12 new rides — Show" above the table.
    NewRowsBar *newRowsBar() const { return m_newRows; }
    QString summaryText() const;
    // The summary line: "N rows" once everything is loaded; "N loaded of about M in the
    // table" while the catalog's estimate M is known and above N; otherwise (no estimate,
    // or a stale one at or below N) "N loaded, more as you scroll". `estimate` < 0: unknown.
    static QString summaryFor(int loaded, bool atEnd, qint64 estimate);

    void setWorker(BrowseWorker *worker);
    void setFollowerReads(bool enabled);
    // The selection as tab-separated text: full values (whole UUIDs, UTC timestamps), a
    // header line first when more than one row is copied.
    QString selectionAsTsv() const;
    // The row the cursor is on, or -1.
    int currentRow() const;

    // The filter bar (scope, search, status, type, active only, time range) as settings
    // values, and back: entries that are missing or no longer valid are left at their
    // defaults, and the restored filter is applied once.
    QVariantMap filterState() const;
    void restoreFilterState(const QVariantMap &state);
    // Column widths, order and the sort; restoring applies the saved sort to the model.
    QByteArray columnState() const;
    void restoreColumnState(const QByteArray &state);

public Q_SLOTS:
    void focusSearch();
    void reload();
    void copySelection();

Q_SIGNALS:
    // The current row changed (-1: none).
    void currentRowChanged(BrowseTable table, int row);
    // Enter or double-click on a row: show its relations.
    void rowActivated(BrowseTable table, int row);
    void firstRowsShown();
    void exportRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateIndexHint(); // the hint beside the search (WholeTableRead)
    void applyFilter();
    void updateColors();
    void updateState();
    void updateTimeRangeWidgets();
    void updateSummary();
    void showContextMenu(const QPoint &position);
    QWidget *makeFilterBar();

    BrowseTableModel *m_model;
    PendingEditsProxy *m_editsProxy = nullptr;
    LinkTableView *m_view;
    StateOverlay *m_overlay;
    ScopeSelector *m_scope;
    QLineEdit *m_search;
    QComboBox *m_status = nullptr;
    QComboBox *m_type = nullptr;
    QCheckBox *m_activeOnly = nullptr;
    QCheckBox *m_timeRange = nullptr;
    QDateTimeEdit *m_from = nullptr;
    QCheckBox *m_toBound = nullptr; // unticked: the range ends now
    QDateTimeEdit *m_to = nullptr;
    QLabel *m_summary;
    QWidget *m_errorBar;
    QLabel *m_errorLabel;
    QTimer *m_searchDelay;
    QLabel *m_searchIndexHint = nullptr;
    NewRowsBar *m_newRows = nullptr;
};
