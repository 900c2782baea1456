#pragma once

#include "actions/ActionContext.h"
#include "actions/ActionRegistry.h"
#include "movr/Privileges.h"
#include "pg/ConnectionSettings.h"
#include "pg/ServerInfo.h"
#include "worker/EditRequest.h"
#include "worker/TableSpec.h"

#include <QHash>
#include <QObject>

#include <memory>
#include <optional>

class BrowseTableModel;
class EditJournal;
class EditWorker;
class PendingApply;
class PendingChanges;
class MainWindow;
class QAction;
class QMenu;
class RetryInjectionActions;

// The Actions menu and the edit worker. Each MovR operation is an EditAction (ActionRegistry)
// that opens its dialog without blocking and sends through this controller; actions the SQL
// user may not perform are disabled, with the missing privilege in the tooltip (nothing is
// attempted). Inline edits are applied by PendingApply. Outcomes go to the status bar (or a
// message naming the cause, unless the action's dialog shows it), the trace to the SQL
// panel, and the touched rows refresh in place.
class EditController : public QObject, public ActionContext
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
    PendingChanges *pendingChanges() const;
    EditJournal *journal() const;
    const TablePrivileges &privileges() const { return m_privileges; }
    EditWorker *worker() const { return m_worker; }
    ServerFlavor flavor() const;
    RetryPolicy retryPolicy() const;

    // Previews when asked to (without blocking), then sends. Returns the action id when sent
    // at once, 0 when a preview was opened or nothing was sent.
    quint64 submit(const TransactionBody &body, const Touched &touched = {});
    // Outcome text as the status bar or message shows it.
    static QString describe(const EditReply &reply);

    // What a request is: an edit (its outcome shown, editFinished emitted) or a read made on
    // the edit connection for the controller itself (only its trace shown).
    enum class Kind { Edit, Read };
    // Sends now; `done` gets the reply (see ActionContext::Done). Returns the action id.
    // `read`: a read whose typed value comes back in the reply's payload (see EditRead).
    quint64 dispatch(const TransactionBody &body, const Touched &touched, const RetryPolicy &policy,
                     Done done, Kind kind = Kind::Edit, EditRead read = {});
    void showStatus(const QString &text, int timeout = 0);

    // ActionContext
    QWidget *dialogParent() const override;
    std::optional<QString> selected(BrowseTable table, const char *column) const override;
    QList<QStringList> selectedRows(BrowseTable table, const QStringList &columns) const override;
    std::optional<QString> shown(BrowseTable table, const char *column) const override;
    QHash<QString, QString> pendingValues(BrowseTable table, const QStringList &key,
                                          const QStringList &columns) const override;
    void settlePending(BrowseTable table, const QStringList &key,
                       const QStringList &columns) override;
    BrowseWorker *browseWorker() const override;
    void send(const TransactionBody &body, const Touched &touched, Done done) override;
    void inform(const QString &title, const QString &text) override;

public Q_SLOTS:
    // See PendingApply.
    void applyPending();
    void revertPending();
    void previewPending();

Q_SIGNALS:
    void editFinished(const EditReply &reply);
    void privilegesLoaded(const TablePrivileges &privileges);
    // The conflict dialog is about to show (tests answer it).
    void conflictsFound(int count);
    // Pending edits from an earlier session were found in the journal.
    void journalRestored(int count);

private:
    struct Sent
    {
        Touched touched;
        Done done;
        Kind kind = Kind::Edit;
        QString action;
        // The SQL panel shows it as waiting for the connection (until its reply replaces it).
        bool shownWaiting = false;
    };
    void createActions();
    void updateActions();
    void updatePendingState();
    void loadPrivileges();
    void onFinished(const EditReply &reply);
    // While the edit connection is down, edits sent wait in the worker's queue: the SQL
    // panel shows each at once, as not sent yet; its statements follow when it is sent.
    void showWaiting();
    void present(const EditReply &reply, const Touched &touched, bool presented,
                 const QString &text);
    // A row the user's own committed edit made leave is not kept as "gone" (see .cpp).
    static void releaseOwnGoneRow(BrowseTableModel *model, const KeyValues &key);

    MainWindow *m_window;
    ActionRegistry m_registry;
    QMenu *m_menu = nullptr;
    QHash<int, QAction *> m_actions;
    QAction *m_preview = nullptr;
    QAction *m_apply = nullptr;
    QAction *m_revert = nullptr;
    QAction *m_previewPending = nullptr;
    RetryInjectionActions *m_injection = nullptr;
    PendingApply *m_pendingApply = nullptr;
    EditWorker *m_worker = nullptr;
    std::optional<ServerInfo> m_server;
    TablePrivileges m_privileges = TablePrivileges::all();
    // False from connecting until the privileges are read (or the read failed): the actions
    // wait, so that a read-only user never sends a statement the server would refuse.
    bool m_privilegesKnown = false;
    quint64 m_privilegesAction = 0;
    QHash<quint64, Sent> m_sent;
};
