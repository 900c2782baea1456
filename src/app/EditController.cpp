#include "EditController.h"

#include "DetailPane.h"
#include "MainWindow.h"
#include "PendingApply.h"
#include "PreviewDialog.h"
#include "RetryInjectionActions.h"
#include "SqlPanel.h"
#include "TablePage.h"
#include "actions/OutcomeText.h"
#include "models/BrowseTableModel.h"
#include "models/PendingChanges.h"
#include "txn/TransactionRunner.h"
#include "worker/EditWorker.h"

#include <QAction>
#include <QApplication>
#include <QItemSelectionModel>
#include <QMenu>
#include <QMessageBox>
#include <QPointer>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>

EditController::EditController(MainWindow *window) : QObject(window), m_window(window)
{
    EditWorker::registerMetaTypes();
    m_pendingApply = new PendingApply(this);
    connect(m_pendingApply, &PendingApply::conflictsFound, this, &EditController::conflictsFound);
    connect(m_pendingApply, &PendingApply::journalRestored, this, &EditController::journalRestored);
    createActions();
    for (BrowseTable table : TableSpec::browsable()) {
        if (TablePage *page = m_window->tablePage(table)) {
            page->editsProxy()->setPendingChanges(pendingChanges());
            connect(page->editsProxy(), &PendingEditsProxy::editRejected, this,
                    [this](const QString &reason) {
                        showStatus(tr("Not changed: %1").arg(reason), 10000);
                    });
        }
    }
    connect(pendingChanges(), &PendingChanges::changed, this, &EditController::updatePendingState);
}

EditController::~EditController() = default; // the worker belongs to the ConnectionSession

PendingChanges *EditController::pendingChanges() const
{
    return m_pendingApply->changes();
}

EditJournal *EditController::journal() const
{
    return m_pendingApply->journal();
}

void EditController::createActions()
{
    m_menu = new QMenu(tr("&Actions"), m_window);
    m_menu->setToolTipsVisible(true);
    for (const auto &entry : m_registry.actions()) {
        EditAction *editAction = entry.get();
        QAction *action = m_menu->addAction(editAction->text());
        action->setShortcut(editAction->shortcut());
        connect(action, &QAction::triggered, this,
                [this, editAction] { editAction->trigger(*this); });
        m_actions.insert(int(editAction->operation()), action);
        if (editAction->endsGroup())
            m_menu->addSeparator();
    }
    m_menu->addSeparator();
    m_apply = m_menu->addAction(tr("Appl&y changes"));
    m_apply->setShortcut(QKeySequence::Save);
    connect(m_apply, &QAction::triggered, this, &EditController::applyPending);
    m_previewPending = m_menu->addAction(tr("Previe&w changes…"));
    m_previewPending->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    connect(m_previewPending, &QAction::triggered, this, &EditController::previewPending);
    m_revert = m_menu->addAction(tr("Revert c&hanges"));
    m_revert->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_Z));
    connect(m_revert, &QAction::triggered, this, &EditController::revertPending);
    m_menu->addSeparator();
    m_preview = m_menu->addAction(tr("Preview &before applying"));
    m_preview->setCheckable(true);
    m_preview->setChecked(PreviewDialog::alwaysPreview());
    connect(m_preview, &QAction::toggled, this, &PreviewDialog::setAlwaysPreview);
    m_injection =
        new RetryInjectionActions(m_menu, m_window->statusBar(), m_window->sqlPanel(), this);
    updateActions();
    updatePendingState();
}

void EditController::connectTo(EditWorker *worker, const ConnectionSettings &settings,
                               const QString &journalKey)
{
    if (m_worker) {
        // What the old worker still answers (its queued requests, cancelled by the
        // shutdown) belongs to the old connection: not shown, not taken for this one's.
        // The old session stops it (asynchronously).
        disconnect(m_worker, nullptr, this, nullptr);
    }
    // Dialogs waiting for an edit of the old connection may send again.
    const bool oldDown =
        m_worker && m_worker->connectionState() != WorkerBase::ConnectionState::Connected;
    const QHash<quint64, Sent> abandoned = std::exchange(m_sent, {});
    QList<TraceEntry> dropped;
    for (auto it = abandoned.begin(); it != abandoned.end(); ++it) {
        // Shown as waiting for a connection that never came back: the old session's stop
        // abandons it. (Not "nothing was written": one cut off during its COMMIT is unknown.)
        if (it->shownWaiting && oldDown)
            dropped.append(TraceEntry::notSentEntry(
                it.key(), it->action,
                tr("Another connection replaced the lost one while this waited; it was not "
                   "sent on the new one.")));
        if (it->done)
            it->done(nullptr);
    }
    if (!dropped.isEmpty())
        m_window->sqlPanel()->appendTrace(dropped);
    m_server.reset();
    m_privileges = TablePrivileges::all();
    m_privilegesKnown = false;
    // A read still queued on the old worker (which never connected) is not waited for.
    m_privilegesAction = 0;
    m_worker = worker; // started by its ConnectionSession
    connect(m_worker, &EditWorker::finished, this, &EditController::onFinished);
    connect(m_worker, &WorkerBase::connectionStateChanged, this, &EditController::showWaiting);
    connect(m_worker, &WorkerBase::connected, this, [this](const ServerInfo &server) {
        m_server = server;
        if (!m_privilegesKnown)
            loadPrivileges(); // also after a read lost with the connection
    });
    m_pendingApply->setTarget(journalKey.isEmpty() ? settings.displayName() : journalKey);
    m_injection->attach(m_worker);
    // Connect now (the first request opens the connection): privileges follow.
    loadPrivileges();
    updateActions();
    updatePendingState();
}

void EditController::loadPrivileges()
{
    if (!m_worker || m_privilegesAction != 0)
        return;
    // Read on the worker's connection inside a (read-only) transaction body: the SQL panel
    // shows the query like any other.
    TransactionBody body;
    body.action = tr("Read privileges");
    body.preview = {TablePrivileges::query()};
    const EditRead read = [](TransactionSession &session, EditPayload &payload) -> Status {
        auto result = session.exec(TablePrivileges::query());
        if (!result)
            return result.error();
        payload = TablePrivileges::fromResult(*result, QString());
        return Ok{};
    };
    m_privilegesAction = dispatch(
        body, {}, {},
        [this](const EditReply *reply) {
            m_privilegesAction = 0;
            if (!reply)
                return true;
            const auto *read = std::get_if<TablePrivileges>(&reply->payload);
            if (reply->outcome.committed() && read) {
                m_privileges = *read;
                m_privilegesKnown = true;
                updateActions();
                Q_EMIT privilegesLoaded(m_privileges);
            } else if (!reply->outcome.committed() &&
                       !(reply->outcome.error &&
                         reply->outcome.error->kind == ErrorClass::Connection)) {
                // The read itself failed (not with the connection: connected() asks again
                // then). The actions open and the server has the last word.
                m_privileges = TablePrivileges::all();
                m_privilegesKnown = true;
                updateActions();
                showStatus(tr("Could not read the SQL user's privileges (%1): every action is "
                              "offered, and the server decides.")
                               .arg(describe(*reply)),
                           10000);
            }
            return true;
        },
        Kind::Read, read);
}

void EditController::updateActions()
{
    // PostgreSQL asks for less than CockroachDB; until the server is known, ask for both.
    const ServerFlavor serverFlavor = m_server ? m_server->flavor : ServerFlavor::CockroachDB;
    for (const auto &entry : m_registry.actions()) {
        QAction *action = m_actions.value(int(entry->operation()));
        const QString why = m_privilegesKnown
                                ? m_privileges.explanation(entry->operation(), serverFlavor)
                                : tr("Waiting to learn what the SQL user may do on this server.");
        action->setEnabled(m_worker && why.isEmpty());
        action->setToolTip(why.isEmpty() ? action->text().remove(QLatin1Char('&')) : why);
    }
    // Inline editing follows the UPDATE privilege of each table.
    for (BrowseTable table : TableSpec::browsable()) {
        if (TablePage *page = m_window->tablePage(table))
            page->editsProxy()->setEditable(
                m_privilegesKnown &&
                m_privileges.has(TableSpec::of(table).sqlName, Privilege::Update));
    }
}

void EditController::updatePendingState()
{
    const int count = pendingChanges()->count();
    m_apply->setEnabled(count > 0 && m_worker);
    m_revert->setEnabled(count > 0);
    m_previewPending->setEnabled(count > 0 && m_worker);
    m_apply->setText(count > 0 ? tr("Appl&y %n change(s)", nullptr, count) : tr("Appl&y changes"));
    if (count > 0)
        showStatus(
            tr("%n pending change(s): Ctrl+S applies them in one transaction.", nullptr, count));
}

ServerFlavor EditController::flavor() const
{
    return m_server ? m_server->flavor : ServerFlavor::PostgreSQL;
}

RetryPolicy EditController::retryPolicy() const
{
    RetryPolicy policy;
    m_injection->applyTo(policy);
    return policy;
}

quint64 EditController::submit(const TransactionBody &body, const Touched &touched)
{
    if (!m_worker)
        return 0;
    const RetryPolicy policy = retryPolicy();
    if (!PreviewDialog::alwaysPreview())
        return dispatch(body, touched, policy, {});
    // Not exec(): the worker's replies keep arriving while the preview shows.
    auto *preview = new PreviewDialog(body, flavor(), policy, m_window);
    preview->setAttribute(Qt::WA_DeleteOnClose);
    connect(preview, &QDialog::accepted, this,
            [this, body, touched, policy] { dispatch(body, touched, policy, {}); });
    preview->open();
    return 0;
}

void EditController::send(const TransactionBody &body, const Touched &touched, Done done)
{
    if (!m_worker) {
        if (done)
            done(nullptr);
        return;
    }
    const RetryPolicy policy = retryPolicy();
    if (!PreviewDialog::alwaysPreview()) {
        dispatch(body, touched, policy, std::move(done));
        return;
    }
    // Over the action's dialog when there is one; not exec().
    QWidget *parent = QApplication::activeModalWidget() ? QApplication::activeModalWidget()
                                                        : static_cast<QWidget *>(m_window);
    auto *preview = new PreviewDialog(body, flavor(), policy, parent);
    preview->setAttribute(Qt::WA_DeleteOnClose);
    connect(preview, &QDialog::finished, this,
            [this, body, touched, policy, done = std::move(done)](int result) {
                if (result == QDialog::Accepted)
                    dispatch(body, touched, policy, done);
                else if (done)
                    done(nullptr);
            });
    preview->open();
}

quint64 EditController::dispatch(const TransactionBody &body, const Touched &touched,
                                 const RetryPolicy &policy, Done done, Kind kind, EditRead read)
{
    if (!m_worker) {
        if (done)
            done(nullptr);
        return 0;
    }
    EditRequest request;
    request.actionId = TransactionRunner::nextActionId();
    request.body = body;
    request.policy = policy;
    request.read = std::move(read);
    m_sent.insert(request.actionId, {touched, std::move(done), kind, body.action});
    if (kind == Kind::Edit)
        showStatus(tr("%1…").arg(body.action));
    showWaiting();
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, request] { worker->submit(request); }, Qt::QueuedConnection);
    return request.actionId;
}

void EditController::showWaiting()
{
    using State = WorkerBase::ConnectionState;
    const State state = m_worker ? m_worker->connectionState() : State::Disconnected;
    if (state != State::Reconnecting && state != State::Failed)
        return;
    QList<TraceEntry> waiting;
    for (auto it = m_sent.begin(); it != m_sent.end(); ++it) {
        if (it->kind != Kind::Edit || it->shownWaiting)
            continue;
        it->shownWaiting = true;
        // Replaced by how it ended (its outcome entry, same action id) once it is sent.
        waiting.append(TraceEntry::notSentEntry(
            it.key(), it->action,
            tr("The connection to the server is lost; this waits and is sent when the "
               "connection is back.")));
    }
    if (!waiting.isEmpty())
        m_window->sqlPanel()->appendTrace(waiting);
}

void EditController::showStatus(const QString &text, int timeout)
{
    m_window->statusBar()->showMessage(text, timeout);
}

void EditController::applyPending()
{
    m_pendingApply->apply(PreviewDialog::alwaysPreview());
}

void EditController::previewPending()
{
    m_pendingApply->apply(true);
}

void EditController::revertPending()
{
    m_pendingApply->revert();
}

QString EditController::describe(const EditReply &reply)
{
    return OutcomeText::describe(reply);
}

void EditController::onFinished(const EditReply &reply)
{
    m_window->sqlPanel()->appendTrace(reply.outcome.trace);
    const auto found = m_sent.find(reply.actionId);
    if (found == m_sent.end())
        return; // not ours (any more)
    const Sent sent = *found;
    m_sent.erase(found);
    if (sent.kind == Kind::Read) {
        if (sent.done)
            sent.done(&reply);
        return;
    }
    // The status line first: what `done` shows (a question, a dialog's message) comes after.
    QString text = describe(reply);
    const bool permissionLost = !reply.outcome.committed() && reply.outcome.error &&
                                reply.outcome.error->kind == ErrorClass::Permission;
    if (permissionLost)
        text += QLatin1Char(' ') + tr("The SQL user's privileges are being read again: "
                                      "actions it may not perform will be disabled.");
    showStatus(text, reply.outcome.committed() ? 10000 : 0);
    const bool presented = sent.done && sent.done(&reply);
    if (permissionLost) {
        // Privileges revoked since they were read (or finer-grained than tables): read them
        // again, so that what the user may no longer do is disabled, its tooltip naming the
        // privilege.
        loadPrivileges();
    }
    present(reply, sent.touched, presented, text);
    Q_EMIT editFinished(reply);
}

void EditController::releaseOwnGoneRow(BrowseTableModel *model, const KeyValues &key)
{
    // The row the user is on stays, marked, when a live change makes it leave (the model's
    // pin); a row the user's own edit made leave (deleted, no longer matching) leaves. The
    // live delete may mark it before or after this edit's refresh: each refresh until then
    // looks (bounded: the guard ends after a while).
    auto *guard = new QObject(model);
    QTimer::singleShot(10000, guard, &QObject::deleteLater);
    connect(model, &BrowseTableModel::rowsRefreshed, guard, [model, key, guard] {
        const int row = model->rowForKey(key);
        if (row >= 0 &&
            !model->index(row, 0).data(BrowseTableModel::RowGoneRole).toString().isEmpty()) {
            model->setPinnedKey(std::nullopt); // it leaves (queued); the view re-pins
            guard->deleteLater();
        }
    });
}

void EditController::present(const EditReply &reply, const Touched &touched, bool presented,
                             const QString &text)
{
    if (!presented && !reply.outcome.committed() && m_window->isVisible()) {
        // Window-modal and non-blocking: the worker's next replies keep arriving.
        auto *box = new QMessageBox(reply.outcome.state == Outcome::State::Unknown
                                        ? QMessageBox::Warning
                                        : QMessageBox::Information,
                                    reply.action, text, QMessageBox::Ok, m_window);
        box->setObjectName(QStringLiteral("editOutcome"));
        box->setAttribute(Qt::WA_DeleteOnClose);
        if (reply.outcome.error) {
            QStringList details;
            if (!reply.outcome.error->detail.isEmpty())
                details << reply.outcome.error->detail;
            if (!reply.outcome.error->hint.isEmpty())
                details << reply.outcome.error->hint;
            box->setDetailedText(details.join(QLatin1Char('\n')));
        }
        box->setTextInteractionFlags(Qt::TextSelectableByMouse);
        box->open();
    }
    // Whatever the live stream says, the touched rows show the database's values at once:
    // after a commit, and also after a refusal ("the ride already ended": the window showed
    // a picture that had aged). Whole tables reload only when something may have changed.
    const bool changed =
        reply.outcome.committed() || reply.outcome.state == Outcome::State::Unknown;
    for (const auto &[table, keys] : touched.rows) {
        if (TablePage *page = m_window->tablePage(table)) {
            page->model()->refreshRows({keys});
            if (changed)
                releaseOwnGoneRow(page->model(), keys);
        }
    }
    const QList<BrowseTable> reload = changed ? touched.reload : QList<BrowseTable>();
    for (BrowseTable table : reload) {
        TablePage *page = m_window->tablePage(table);
        if (page && page->model()->state() != BrowseTableModel::State::Idle)
            page->model()->reload();
    }
    // The same rows and tables, where the detail pane shows them.
    if (changed || !touched.rows.isEmpty())
        m_window->detailPane()->refreshAfterEdit(touched.rows, reload);
}

QWidget *EditController::dialogParent() const
{
    return m_window;
}

QHash<QString, QString> EditController::pendingValues(BrowseTable table, const QStringList &key,
                                                      const QStringList &columns) const
{
    QHash<QString, QString> values;
    const TableSpec &spec = TableSpec::of(table);
    for (const QString &column : columns) {
        if (const PendingEdit *edit = pendingChanges()->find(table, key, spec.columnIndex(column)))
            values.insert(column, edit->value.value_or(QString()));
    }
    return values;
}

void EditController::settlePending(BrowseTable table, const QStringList &key,
                                   const QStringList &columns)
{
    QList<PendingEdit> cells;
    const TableSpec &spec = TableSpec::of(table);
    for (const QString &column : columns) {
        if (const PendingEdit *edit = pendingChanges()->find(table, key, spec.columnIndex(column)))
            cells.append(*edit);
    }
    if (!cells.isEmpty())
        pendingChanges()->remove(cells);
}

BrowseWorker *EditController::browseWorker() const
{
    return m_window->browseWorker();
}

void EditController::inform(const QString &title, const QString &text)
{
    auto *box = new QMessageBox(QMessageBox::Information, title, text, QMessageBox::Ok, m_window);
    box->setObjectName(QStringLiteral("actionNotice"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

std::optional<QString> EditController::selected(BrowseTable table, const char *column) const
{
    TablePage *page = m_window->currentPage();
    if (!page || page->table() != table)
        return std::nullopt;
    const QModelIndex current = page->view()->currentIndex();
    if (!current.isValid())
        return std::nullopt;
    const int index = TableSpec::of(table).columnIndex(QLatin1String(column));
    if (index < 0)
        return std::nullopt;
    return page->model()->cellText(current.row(), index);
}

QList<QStringList> EditController::selectedRows(BrowseTable table, const QStringList &columns) const
{
    QList<QStringList> rows;
    TablePage *page = m_window->currentPage();
    if (!page || page->table() != table)
        return rows;
    QList<int> indexes;
    for (const QModelIndex &index : page->view()->selectionModel()->selectedRows())
        indexes.append(index.row());
    if (indexes.isEmpty() && page->view()->currentIndex().isValid())
        indexes.append(page->view()->currentIndex().row());
    const TableSpec &spec = TableSpec::of(table);
    for (int row : indexes) {
        QStringList values;
        for (const QString &column : columns)
            values << page->model()->cellText(row, spec.columnIndex(column));
        rows.append(values);
    }
    return rows;
}

std::optional<QString> EditController::shown(BrowseTable table, const char *column) const
{
    const DetailPane *pane = m_window->detailPane();
    if (!pane || !pane->hasEntity() || pane->entityTable() != table)
        return std::nullopt;
    const int index = TableSpec::of(table).columnIndex(QLatin1String(column));
    if (index < 0 || index >= pane->entityRow().columnCount())
        return std::nullopt;
    return pane->entityRow().text(index);
}

QAction *EditController::injectAction() const
{
    return m_injection->statementsAction();
}

QAction *EditController::injectOnCommitAction() const
{
    return m_injection->onCommitAction();
}
