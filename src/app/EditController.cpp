#include "EditController.h"

#include "ActionDialogs.h"
#include "ConflictDialog.h"
#include "DetailPane.h"
#include "MainWindow.h"
#include "PreviewDialog.h"
#include "RetryInjectionActions.h"
#include "SqlPanel.h"
#include "TablePage.h"
#include "models/BrowseTableModel.h"
#include "models/PendingChanges.h"
#include "movr/Validation.h"
#include "txn/TransactionRunner.h"
#include "worker/EditWorker.h"

#include <QAction>
#include <QItemSelectionModel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>
#include <QTableView>

namespace {

struct ActionSpec
{
    MovrOperation operation;
    const char *text;
    QKeySequence shortcut;
};

const ActionSpec Specs[] = {
    {MovrOperation::StartRide, QT_TRANSLATE_NOOP("EditController", "&Start ride…"),
     QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R)},
    {MovrOperation::EndRide, QT_TRANSLATE_NOOP("EditController", "&End ride…"),
     QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E)},
    {MovrOperation::AddVehicle, QT_TRANSLATE_NOOP("EditController", "Add &vehicle…"),
     QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V)},
    {MovrOperation::EditVehicle, QT_TRANSLATE_NOOP("EditController", "Ed&it vehicle…"), {}},
    {MovrOperation::SetVehicleStatus, QT_TRANSLATE_NOOP("EditController", "Set vehicle s&tatus…"),
     QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T)},
    {MovrOperation::RetireVehicle, QT_TRANSLATE_NOOP("EditController", "Reti&re vehicle"), {}},
    {MovrOperation::AddUser, QT_TRANSLATE_NOOP("EditController", "Add &user…"),
     QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U)},
    {MovrOperation::EditUser, QT_TRANSLATE_NOOP("EditController", "E&dit user…"), {}},
    {MovrOperation::DeleteUser, QT_TRANSLATE_NOOP("EditController", "De&lete user"), {}},
    {MovrOperation::CreatePromoCode,
     QT_TRANSLATE_NOOP("EditController", "Create &promo code…"),
     {}},
    {MovrOperation::ApplyPromoCode, QT_TRANSLATE_NOOP("EditController", "&Apply promo code…"), {}},
};

KeyValues key(const QString &city, const QString &id)
{
    return {city, id};
}

} // namespace

EditController::EditController(MainWindow *window)
    : QObject(window), m_window(window), m_changes(new PendingChanges(this)),
      m_journal(new EditJournal(QString(), this))
{
    EditWorker::registerMetaTypes();
    createActions();
    for (BrowseTable table : TableSpec::browsable()) {
        if (TablePage *page = m_window->tablePage(table)) {
            page->editsProxy()->setPendingChanges(m_changes);
            connect(page->editsProxy(), &PendingEditsProxy::editRejected, this,
                    [this](const QString &reason) {
                        m_window->statusBar()->showMessage(tr("Not changed: %1").arg(reason),
                                                           10000);
                    });
        }
    }
    // Every pending edit is journaled as it is made: a crash or a dead connection loses
    // nothing.
    connect(m_changes, &PendingChanges::recorded, this, [this](const PendingEdit &edit) {
        if (!m_target.isEmpty())
            m_journal->record(m_target, edit);
    });
    connect(m_changes, &PendingChanges::removed, this, [this](const QList<PendingEdit> &cells) {
        if (!m_target.isEmpty())
            m_journal->forget(m_target, cells);
    });
    connect(m_changes, &PendingChanges::cleared, this, [this] {
        if (!m_target.isEmpty())
            m_journal->forgetAll(m_target);
    });
    connect(m_changes, &PendingChanges::changed, this, &EditController::updatePendingState);
    connect(m_journal, &EditJournal::loaded, this, &EditController::restoreJournal);
    connect(m_journal, &EditJournal::failed, this,
            [this](const QString &message) { m_window->statusBar()->showMessage(message, 15000); });
}

EditController::~EditController() = default; // the worker belongs to the ConnectionSession

void EditController::createActions()
{
    m_menu = new QMenu(tr("&Actions"), m_window);
    m_menu->setToolTipsVisible(true);
    for (const ActionSpec &spec : Specs) {
        QAction *action = m_menu->addAction(tr(spec.text));
        action->setShortcut(spec.shortcut);
        const MovrOperation operation = spec.operation;
        connect(action, &QAction::triggered, this, [this, operation] { run(operation); });
        m_actions.insert(int(operation), action);
        if (operation == MovrOperation::RetireVehicle || operation == MovrOperation::DeleteUser)
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
    m_pending.clear();
    m_server.reset();
    m_privileges = TablePrivileges::all();
    m_privilegesKnown = false;
    // A read still queued on the old worker (which never connected) is not waited for.
    m_privilegesAction = 0;
    m_privilegesHolder.reset();
    m_worker = worker; // started by its ConnectionSession
    connect(m_worker, &EditWorker::finished, this, &EditController::onFinished);
    connect(m_worker, &WorkerBase::connected, this, [this](const ServerInfo &server) {
        m_server = server;
        if (!m_privilegesKnown)
            loadPrivileges(); // also after a read lost with the connection
    });
    m_target = journalKey.isEmpty() ? settings.displayName() : journalKey;
    m_journal->load(m_target);
    m_injection->attach(m_worker);
    // Connect now (the first request opens the connection): privileges follow.
    loadPrivileges();
    updateActions();
}

void EditController::loadPrivileges()
{
    if (!m_worker || m_privilegesAction != 0)
        return;
    // Read on the worker's connection inside a (read-only) transaction body: the SQL panel
    // shows the query like any other.
    auto holder = std::make_shared<std::optional<TablePrivileges>>();
    m_privilegesHolder = holder;
    TransactionBody body;
    body.action = tr("Read privileges");
    body.preview = {TablePrivileges::query()};
    body.interactive = [holder](TransactionSession &session) -> Status {
        auto result = session.exec(TablePrivileges::query());
        if (!result)
            return result.error();
        *holder = TablePrivileges::fromResult(*result, QString());
        return Ok{};
    };
    EditRequest request;
    request.actionId = TransactionRunner::nextActionId();
    request.body = body;
    m_privilegesAction = request.actionId;
    QMetaObject::invokeMethod(m_worker, "submit", Qt::QueuedConnection,
                              Q_ARG(EditRequest, request));
}

void EditController::updateActions()
{
    // PostgreSQL asks for less than CockroachDB; until the server is known, ask for both.
    const ServerFlavor flavor = m_server ? m_server->flavor : ServerFlavor::CockroachDB;
    for (const ActionSpec &spec : Specs) {
        QAction *action = m_actions.value(int(spec.operation));
        const QString why = m_privilegesKnown
                                ? m_privileges.explanation(spec.operation, flavor)
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

quint64 EditController::submit(const TransactionBody &body, const Touched &touched)
{
    if (!m_worker)
        return 0;
    RetryPolicy policy;
    m_injection->applyTo(policy);
    if (PreviewDialog::alwaysPreview()) {
        PreviewDialog preview(body, m_server ? m_server->flavor : ServerFlavor::PostgreSQL, policy,
                              m_window);
        if (preview.exec() != QDialog::Accepted)
            return 0;
    }
    return send(body, touched, policy);
}

quint64 EditController::send(const TransactionBody &body, const Touched &touched,
                             const RetryPolicy &policy)
{
    if (!m_worker)
        return 0;
    EditRequest request;
    request.actionId = TransactionRunner::nextActionId();
    request.body = body;
    request.policy = policy;
    m_pending.insert(request.actionId, touched);
    m_window->statusBar()->showMessage(tr("%1…").arg(body.action));
    QMetaObject::invokeMethod(m_worker, "submit", Qt::QueuedConnection,
                              Q_ARG(EditRequest, request));
    return request.actionId;
}

void EditController::updatePendingState()
{
    const int count = m_changes->count();
    m_apply->setEnabled(count > 0 && m_worker);
    m_revert->setEnabled(count > 0);
    m_previewPending->setEnabled(count > 0 && m_worker);
    m_apply->setText(count > 0 ? tr("Appl&y %n change(s)", nullptr, count) : tr("Appl&y changes"));
    if (count > 0)
        m_window->statusBar()->showMessage(
            tr("%n pending change(s): Ctrl+S applies them in one transaction.", nullptr, count));
}

void EditController::applyPending()
{
    startApply(PreviewDialog::alwaysPreview());
}

void EditController::previewPending()
{
    startApply(true);
}

void EditController::startApply(bool preview)
{
    if (m_changes->count() == 0 || m_applyAction != 0 || m_conflictAction != 0)
        return;
    const auto body = InlineEdits::applyBody(m_changes->edits());
    if (!body) {
        QMessageBox::warning(m_window, tr("Apply changes"), body.error().message);
        return;
    }
    m_applying = m_changes->edits();
    Touched touched;
    for (const PendingEdit &edit : m_applying) {
        KeyValues key(edit.key.begin(), edit.key.end());
        touched.rows.append({edit.table, key});
    }
    RetryPolicy policy;
    m_injection->applyTo(policy);
    if (preview) {
        PreviewDialog dialog(*body, m_server ? m_server->flavor : ServerFlavor::PostgreSQL, policy,
                             m_window);
        if (dialog.exec() != QDialog::Accepted) {
            m_applying.clear();
            return;
        }
    }
    m_applyAction = send(*body, touched, policy);
    if (m_applyAction == 0)
        m_applying.clear();
}

void EditController::revertPending()
{
    if (m_changes->count() == 0)
        return;
    m_changes->clear();
    m_window->statusBar()->showMessage(tr("Changes reverted."), 5000);
}

void EditController::checkConflicts(const QList<PendingEdit> &edits)
{
    // Read what the rows hold now, on the worker; compare there (no libpq on this thread).
    auto holder = std::make_shared<QList<FieldConflict>>();
    m_conflictHolder = holder;
    TransactionBody body;
    body.action = tr("Read current values");
    body.preview = InlineEdits::currentValues(edits);
    body.interactive = [holder, edits](TransactionSession &session) -> Status {
        QList<PgResult> results;
        for (const Statement &statement : InlineEdits::currentValues(edits)) {
            auto result = session.exec(statement);
            if (!result)
                return result.error();
            results.append(*result);
        }
        *holder = InlineEdits::conflicts(edits, results);
        return Ok{};
    };
    m_conflictAction = send(body, {}, {});
}

void EditController::restoreJournal(const QList<JournalEntry> &entries)
{
    if (entries.isEmpty())
        return;
    for (const JournalEntry &entry : entries)
        m_changes->set(entry.edit);
    Q_EMIT journalRestored(int(entries.size()));
    auto *box = new QMessageBox(
        QMessageBox::Question, tr("Pending changes"),
        tr("%n change(s) made earlier on %1 were not applied (the application or the "
           "connection ended first). They are shown marked in the tables.",
           nullptr, int(entries.size()))
            .arg(m_target),
        QMessageBox::NoButton, m_window);
    box->setObjectName(QStringLiteral("journalRestore"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *keep = box->addButton(tr("&Keep them to review"), QMessageBox::AcceptRole);
    QPushButton *apply = box->addButton(tr("&Apply now"), QMessageBox::ActionRole);
    QPushButton *discard = box->addButton(tr("&Discard"), QMessageBox::DestructiveRole);
    Q_UNUSED(keep);
    connect(box, &QMessageBox::buttonClicked, this, [this, apply, discard](QAbstractButton *b) {
        if (b == apply)
            applyPending();
        else if (b == discard)
            revertPending();
    });
    if (m_window->isVisible())
        box->open();
    else
        box->deleteLater();
}

QString EditController::describe(const EditReply &reply)
{
    const Outcome &outcome = reply.outcome;
    const QString attempts =
        outcome.attempts > 1 ? tr(" after %1 attempts").arg(outcome.attempts) : QString();
    switch (outcome.state) {
    case Outcome::State::Committed:
        return outcome.wasAmbiguous
                   ? tr("%1: committed (confirmed after the connection was lost)%2")
                         .arg(reply.action, attempts)
                   : tr("%1: done%2").arg(reply.action, attempts);
    case Outcome::State::NotCommitted:
        return tr("%1: not done, nothing was changed: %2")
            .arg(reply.action, outcome.error ? outcome.error->toString() : tr("unknown reason"));
    case Outcome::State::Unknown:
        return tr("%1: unknown whether it was committed. Check with: %2")
            .arg(reply.action, outcome.howToCheck);
    }
    return {};
}

void EditController::onFinished(const EditReply &reply)
{
    m_window->sqlPanel()->appendTrace(reply.outcome.trace);
    if (reply.actionId == m_privilegesAction) {
        m_privilegesAction = 0;
        if (reply.outcome.committed() && m_privilegesHolder && *m_privilegesHolder) {
            m_privileges = **m_privilegesHolder;
            m_privilegesKnown = true;
            updateActions();
            Q_EMIT privilegesLoaded(m_privileges);
        } else if (!reply.outcome.committed() &&
                   !(reply.outcome.error && reply.outcome.error->kind == ErrorClass::Connection)) {
            // The read itself failed (not with the connection: connected() asks again
            // then). The actions open and the server has the last word.
            m_privileges = TablePrivileges::all();
            m_privilegesKnown = true;
            updateActions();
            m_window->statusBar()->showMessage(
                tr("Could not read the SQL user's privileges (%1): every action is offered, "
                   "and the server decides.")
                    .arg(describe(reply)),
                10000);
        }
        return;
    }
    const Touched touched = m_pending.take(reply.actionId);
    if (reply.actionId == m_conflictAction) {
        m_conflictAction = 0;
        const QList<FieldConflict> conflicts =
            m_conflictHolder ? *m_conflictHolder : QList<FieldConflict>();
        if (!reply.outcome.committed() || conflicts.isEmpty()) {
            m_window->statusBar()->showMessage(
                reply.outcome.committed()
                    ? tr("The rows no longer differ from what you saw: apply again.")
                    : describe(reply));
            return;
        }
        m_window->statusBar()->showMessage(
            tr("Changed by someone else since you edited: choose what to keep."));
        Q_EMIT conflictsFound(int(conflicts.size()));
        ConflictDialog dialog(conflicts, m_window);
        if (dialog.exec() != QDialog::Accepted) {
            m_window->statusBar()->showMessage(
                tr("Nothing was written; your changes are still pending."));
            return;
        }
        m_changes->remove(dialog.droppedEdits());
        // "Mine" now applies over what is there: its original becomes the current value.
        QList<PendingEdit> rebased = dialog.resolvedEdits();
        m_changes->remove(rebased);
        for (const PendingEdit &edit : rebased)
            m_changes->set(edit);
        applyPending();
        return;
    }
    if (reply.actionId == m_applyAction) {
        m_applyAction = 0;
        const QList<PendingEdit> applied = std::exchange(m_applying, {});
        if (reply.outcome.committed()) {
            m_changes->remove(applied);
        } else if (reply.outcome.error && reply.outcome.error->kind == ErrorClass::Conflict) {
            m_window->statusBar()->showMessage(reply.outcome.error->message);
            checkConflicts(applied);
            Q_EMIT editFinished(reply);
            return;
        }
    }
    QString text = describe(reply);
    if (!reply.outcome.committed() && reply.outcome.error &&
        reply.outcome.error->kind == ErrorClass::Permission) {
        // Privileges revoked since they were read (or finer-grained than tables): read them
        // again, so that what the user may no longer do is disabled, its tooltip naming the
        // privilege.
        text += QLatin1Char(' ') + tr("The SQL user's privileges are being read again: "
                                      "actions it may not perform will be disabled.");
        loadPrivileges();
    }
    m_window->statusBar()->showMessage(text, reply.outcome.committed() ? 10000 : 0);
    if (!reply.outcome.committed() && m_window->isVisible()) {
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
    if (reply.outcome.committed() || reply.outcome.state == Outcome::State::Unknown) {
        for (const auto &[table, keys] : touched.rows) {
            if (TablePage *page = m_window->tablePage(table))
                page->model()->refreshRows({keys});
        }
        for (BrowseTable table : touched.reload) {
            TablePage *page = m_window->tablePage(table);
            if (page && page->model()->state() != BrowseTableModel::State::Idle)
                page->model()->reload();
        }
        // The same rows and tables, where the detail pane shows them.
        m_window->detailPane()->refreshAfterEdit(touched.rows, touched.reload);
    }
    Q_EMIT editFinished(reply);
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

QList<int> EditController::selectedRows(BrowseTable table) const
{
    QList<int> rows;
    TablePage *page = m_window->currentPage();
    if (!page || page->table() != table)
        return rows;
    for (const QModelIndex &index : page->view()->selectionModel()->selectedRows())
        rows.append(index.row());
    if (rows.isEmpty() && page->view()->currentIndex().isValid())
        rows.append(page->view()->currentIndex().row());
    return rows;
}

void EditController::run(MovrOperation operation)
{
    const auto need = [this](const std::optional<QString> &value, const QString &what) {
        if (!value)
            QMessageBox::information(m_window, tr("Select a row first"),
                                     tr("Select %1 in its table first.").arg(what));
        return value.has_value();
    };
    const QString anyCity =
        selected(BrowseTable::Vehicles, "city")
            .value_or(selected(BrowseTable::Users, "city")
                          .value_or(selected(BrowseTable::Rides, "city").value_or(QString())));
    switch (operation) {
    case MovrOperation::StartRide: {
        StartRideInput input;
        input.city = anyCity;
        input.vehicleId = selected(BrowseTable::Vehicles, "id").value_or(QString());
        input.riderId = selected(BrowseTable::Users, "id").value_or(QString());
        StartRideDialog dialog(input, m_window);
        if (dialog.exec() == QDialog::Accepted) {
            const StartRideInput done = dialog.input();
            submit(*dialog.body(), {{{BrowseTable::Vehicles, key(done.city, done.vehicleId)}},
                                    {BrowseTable::Rides}});
        }
        return;
    }
    case MovrOperation::EndRide: {
        EndRideInput input;
        input.city = anyCity;
        input.rideId = selected(BrowseTable::Rides, "id").value_or(QString());
        const QString vehicle = selected(BrowseTable::Rides, "vehicle_id").value_or(QString());
        EndRideDialog dialog(input, m_window);
        if (dialog.exec() == QDialog::Accepted) {
            const EndRideInput done = dialog.input();
            // The id as typed may be upper case or braced; the rows hold the canonical form.
            Touched touched{
                {{BrowseTable::Rides, key(done.city, Validation::normalizedUuid(done.rideId))}},
                {}};
            if (!vehicle.isEmpty())
                touched.rows.append({BrowseTable::Vehicles, key(done.city, vehicle)});
            submit(*dialog.body(), touched);
        }
        return;
    }
    case MovrOperation::AddVehicle:
    case MovrOperation::EditVehicle: {
        const bool add = operation == MovrOperation::AddVehicle;
        VehicleDialog::Values values;
        values.city = anyCity;
        if (!add) {
            const auto id = selected(BrowseTable::Vehicles, "id");
            if (!need(id, tr("a vehicle")))
                return;
            values.id = *id;
            values.type = selected(BrowseTable::Vehicles, "type").value_or(QString());
            values.ownerId = selected(BrowseTable::Vehicles, "owner_id").value_or(QString());
            values.status = selected(BrowseTable::Vehicles, "status").value_or(QString());
            values.location =
                selected(BrowseTable::Vehicles, "current_location").value_or(QString());
            values.ext = selected(BrowseTable::Vehicles, "ext").value_or(QStringLiteral("{}"));
        }
        VehicleDialog dialog(add ? VehicleDialog::Mode::Add : VehicleDialog::Mode::Edit, values,
                             m_window);
        dialog.setUserSource(m_window->browseWorker());
        if (dialog.exec() == QDialog::Accepted) {
            if (add)
                submit(*dialog.body(), {{}, {BrowseTable::Vehicles}});
            else
                submit(*dialog.body(),
                       {{{BrowseTable::Vehicles, key(values.city, values.id)}}, {}});
        }
        return;
    }
    case MovrOperation::SetVehicleStatus: {
        const QList<int> rows = selectedRows(BrowseTable::Vehicles);
        if (rows.isEmpty()) {
            need(std::nullopt, tr("one or more vehicles"));
            return;
        }
        TablePage *page = m_window->currentPage();
        const TableSpec &spec = TableSpec::of(BrowseTable::Vehicles);
        const int cityColumn = spec.columnIndex(QStringLiteral("city"));
        const int idColumn = spec.columnIndex(QStringLiteral("id"));
        const QString city = page->model()->cellText(rows.first(), cityColumn);
        QStringList ids;
        for (int row : rows) {
            if (page->model()->cellText(row, cityColumn) != city) {
                QMessageBox::information(m_window, tr("One city at a time"),
                                         tr("Select vehicles of one city: a status change runs "
                                            "per city."));
                return;
            }
            ids << page->model()->cellText(row, idColumn);
        }
        VehicleStatusDialog dialog(city, ids, m_window);
        if (dialog.exec() != QDialog::Accepted)
            return;
        const auto bodies = dialog.bodies();
        for (const TransactionBody &body : *bodies) {
            Touched touched;
            for (const QString &id : ids)
                touched.rows.append({BrowseTable::Vehicles, key(city, id)});
            if (!submit(body, touched))
                return;
        }
        return;
    }
    case MovrOperation::RetireVehicle: {
        const auto id = selected(BrowseTable::Vehicles, "id");
        if (!need(id, tr("a vehicle")))
            return;
        const QString city = *selected(BrowseTable::Vehicles, "city");
        if (QMessageBox::question(m_window, tr("Retire vehicle"),
                                  tr("Retire vehicle %1 in %2? It stays in the database for its "
                                     "rides' history, with status \"retired\".")
                                      .arg(*id, city)) != QMessageBox::Yes)
            return;
        auto body = Operations::retireVehicle(city, *id);
        if (!body) {
            QMessageBox::warning(m_window, tr("Retire vehicle"), body.error().message);
            return;
        }
        submit(*body, {{{BrowseTable::Vehicles, key(city, *id)}}, {}});
        return;
    }
    case MovrOperation::AddUser:
    case MovrOperation::EditUser: {
        const bool add = operation == MovrOperation::AddUser;
        UserDialog::Values values;
        values.city = anyCity;
        if (!add) {
            const auto id = selected(BrowseTable::Users, "id");
            if (!need(id, tr("a user")))
                return;
            values.id = *id;
            values.name = selected(BrowseTable::Users, "name").value_or(QString());
            values.address = selected(BrowseTable::Users, "address").value_or(QString());
            values.creditCard = selected(BrowseTable::Users, "credit_card").value_or(QString());
        }
        UserDialog dialog(add ? UserDialog::Mode::Add : UserDialog::Mode::Edit, values, m_window);
        if (dialog.exec() == QDialog::Accepted) {
            if (add)
                submit(*dialog.body(), {{}, {BrowseTable::Users}});
            else
                submit(*dialog.body(), {{{BrowseTable::Users, key(values.city, values.id)}}, {}});
        }
        return;
    }
    case MovrOperation::DeleteUser: {
        const auto id = selected(BrowseTable::Users, "id");
        if (!need(id, tr("a user")))
            return;
        const QString city = *selected(BrowseTable::Users, "city");
        const QString name = selected(BrowseTable::Users, "name").value_or(QString());
        if (QMessageBox::question(m_window, tr("Delete user"),
                                  tr("Delete user %1 (%2) in %3? This cannot be undone; it is "
                                     "refused while rides, vehicles or promo codes refer to the "
                                     "user.")
                                      .arg(name, *id, city)) != QMessageBox::Yes)
            return;
        auto body = Operations::deleteUser(city, *id);
        if (!body) {
            QMessageBox::warning(m_window, tr("Delete user"), body.error().message);
            return;
        }
        submit(*body, {{{BrowseTable::Users, key(city, *id)}}, {}});
        return;
    }
    case MovrOperation::CreatePromoCode: {
        PromoCodeDialog dialog(m_window);
        if (dialog.exec() == QDialog::Accepted)
            submit(*dialog.body(), {{}, {BrowseTable::PromoCodes}});
        return;
    }
    case MovrOperation::ApplyPromoCode: {
        ApplyPromoCodeInput input;
        input.city = anyCity;
        input.userId = selected(BrowseTable::Users, "id").value_or(QString());
        input.code = selected(BrowseTable::PromoCodes, "code").value_or(QString());
        ApplyPromoCodeDialog dialog(input, m_window);
        if (dialog.exec() == QDialog::Accepted)
            submit(*dialog.body(), {{}, {BrowseTable::UserPromoCodes}}); // a user's codes
        return;
    }
    case MovrOperation::RecordLocation:
        return; // recorded by the apps in the field, not from here
    }
}

QAction *EditController::injectAction() const
{
    return m_injection->statementsAction();
}

QAction *EditController::injectOnCommitAction() const
{
    return m_injection->onCommitAction();
}
