#pragma once

#include "movr/Privileges.h"
#include "pg/ConnectionSettings.h"
#include "pg/ServerInfo.h"
#include "worker/EditJournal.h"
#include "worker/EditRequest.h"
#include "worker/RowData.h"
#include "worker/TableSpec.h"

#include <QHash>
#include <QObject>

#include <memory>
#include <optional>

class EditJournal;
class EditWorker;
class PendingChanges;
class MainWindow;
class QAction;
class QMenu;
class RetryInjectionActions;

// The Actions menu: every MovR operation as a dialog prefilled from the selection, run by
// the edit worker as a retrying transaction, optionally previewed first. Actions the SQL
// user may not perform are disabled, with the missing privilege in the tooltip (nothing is
// attempted). Outcomes go to the status bar (or a message naming the cause), the trace to
// the SQL panel, and the touched rows refresh in place.
class EditController : public QObject
{
    Q_OBJECT

public:
    explicit EditController(MainWindow *window);
    ~EditController() override;

    // Uses `worker` (owned and started by a ConnectionSession) from now on. `journalKey`: see
    // MainWindow::connectTo().
    void connectTo(EditWorker *worker, const ConnectionSettings &settings,
                   const QString &journalKey = {});
    QMenu *menu() const { return m_menu; }
    QAction *action(MovrOperation operation) const { return m_actions.value(int(operation)); }
    QAction *injectAction() const;
    QAction *injectOnCommitAction() const;
    QAction *applyAction() const { return m_apply; }
    QAction *revertAction() const { return m_revert; }
    QAction *previewPendingAction() const { return m_previewPending; }
    PendingChanges *pendingChanges() const { return m_changes; }
    EditJournal *journal() const { return m_journal; }
    const TablePrivileges &privileges() const { return m_privileges; }
    EditWorker *worker() const { return m_worker; }

    // Rows to re-read, and tables to reload (for inserts), once an edit is done.
    struct Touched
    {
        QList<QPair<BrowseTable, KeyValues>> rows;
        QList<BrowseTable> reload;
    };
    // Previews when asked to, then sends. Returns the action id, 0 when not sent.
    quint64 submit(const TransactionBody &body, const Touched &touched = {});
    // Outcome text as the status bar or message shows it.
    static QString describe(const EditReply &reply);

public Q_SLOTS:
    // Sends every pending inline edit as one transaction; on a conflict, reads the current
    // values and lets the user decide (ConflictDialog) before anything is overwritten.
    void applyPending();
    void revertPending();
    // Shows the statements Apply would send; applies from there when confirmed.
    void previewPending();

Q_SIGNALS:
    void editFinished(const EditReply &reply);
    void privilegesLoaded(const TablePrivileges &privileges);
    // The conflict dialog is about to show (tests answer it).
    void conflictsFound(int count);
    // Pending edits from an earlier session were found in the journal.
    void journalRestored(int count);

private:
    void createActions();
    quint64 send(const TransactionBody &body, const Touched &touched, const RetryPolicy &policy);
    void checkConflicts(const QList<PendingEdit> &edits);
    void restoreJournal(const QList<JournalEntry> &entries);
    void updatePendingState();
    void updateActions();
    void loadPrivileges();
    void onFinished(const EditReply &reply);
    void run(MovrOperation operation);
    // The value of `column` in the current page's current row, when that page shows `table`.
    std::optional<QString> selected(BrowseTable table, const char *column) const;
    QList<int> selectedRows(BrowseTable table) const;

    MainWindow *m_window;
    QMenu *m_menu = nullptr;
    QHash<int, QAction *> m_actions;
    QAction *m_preview = nullptr;
    RetryInjectionActions *m_injection = nullptr;
    EditWorker *m_worker = nullptr;
    std::optional<ServerInfo> m_server;
    TablePrivileges m_privileges = TablePrivileges::all();
    // False from connecting until the privileges are read (or the read failed): the actions
    // wait, so that a read-only user never sends a statement the server would refuse.
    bool m_privilegesKnown = false;
    quint64 m_privilegesAction = 0;
    std::shared_ptr<std::optional<TablePrivileges>> m_privilegesHolder;
    QHash<quint64, Touched> m_pending;
    QAction *m_apply = nullptr;
    QAction *m_revert = nullptr;
    QAction *m_previewPending = nullptr;
    void startApply(bool preview);
    PendingChanges *m_changes = nullptr;
    EditJournal *m_journal = nullptr;
    QString m_target; // the journal's name for this database
    quint64 m_applyAction = 0;
    QList<PendingEdit> m_applying;
    quint64 m_conflictAction = 0;
    std::shared_ptr<QList<FieldConflict>> m_conflictHolder;
};
