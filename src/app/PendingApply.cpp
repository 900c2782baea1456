#include "PendingApply.h"

#include "ConflictDialog.h"
#include "EditController.h"
#include "PreviewDialog.h"
#include "models/PendingChanges.h"

#include <QMessageBox>
#include <QPushButton>

PendingApply::PendingApply(EditController *controller)
    : QObject(controller), m_controller(controller), m_changes(new PendingChanges(this)),
      m_journal(new EditJournal(QString(), this))
{
    // Every pending edit is journaled as it is made.
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
    connect(m_journal, &EditJournal::loaded, this, &PendingApply::restoreJournal);
    connect(m_journal, &EditJournal::failed, this,
            [this](const QString &message) { m_controller->showStatus(message, 15000); });
}

void PendingApply::setTarget(const QString &target)
{
    m_target = target;
    m_busy = false; // what was under way belongs to the old connection
    m_journal->load(m_target);
}

void PendingApply::apply(bool preview)
{
    if (m_changes->count() == 0 || m_busy)
        return;
    const QList<PendingEdit> edits = m_changes->edits();
    const auto body = InlineEdits::applyBody(edits);
    if (!body) {
        m_controller->inform(EditController::tr("Apply changes"), body.error().message);
        return;
    }
    m_busy = true;
    if (!preview) {
        send(*body, edits);
        return;
    }
    // Not exec(): the worker's replies keep arriving while the preview shows.
    auto *dialog = new PreviewDialog(*body, m_controller->flavor(), m_controller->retryPolicy(),
                                     m_controller->dialogParent());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::finished, this, [this, body = *body, edits](int result) {
        if (result == QDialog::Accepted)
            send(body, edits);
        else
            m_busy = false;
    });
    dialog->open();
}

void PendingApply::send(const TransactionBody &body, const QList<PendingEdit> &edits)
{
    Touched touched;
    for (const PendingEdit &edit : edits)
        touched.rows.append({edit.table, KeyValues(edit.key.begin(), edit.key.end())});
    m_controller->dispatch(body, touched, m_controller->retryPolicy(),
                           [this, edits](const EditReply *reply) { return applied(reply, edits); });
}

bool PendingApply::applied(const EditReply *reply, const QList<PendingEdit> &edits)
{
    if (!reply) {
        m_busy = false;
        return true;
    }
    if (reply->outcome.committed()) {
        m_busy = false;
        m_changes->remove(edits);
        return false;
    }
    if (reply->outcome.error && reply->outcome.error->kind == ErrorClass::Conflict) {
        m_controller->showStatus(reply->outcome.error->message);
        checkConflicts(edits); // still busy: the user decides next
        return true;
    }
    m_busy = false;
    return false;
}

void PendingApply::revert()
{
    if (m_changes->count() == 0)
        return;
    m_changes->clear();
    m_controller->showStatus(EditController::tr("Changes reverted."), 5000);
}

void PendingApply::checkConflicts(const QList<PendingEdit> &edits)
{
    // Read what the rows hold now, on the worker; compare there (no libpq on this thread).
    TransactionBody body;
    body.action = EditController::tr("Read current values");
    body.preview = InlineEdits::currentValues(edits);
    const EditRead read = [edits](TransactionSession &session, EditPayload &payload) -> Status {
        QList<PgResult> results;
        for (const Statement &statement : InlineEdits::currentValues(edits)) {
            auto result = session.exec(statement);
            if (!result)
                return result.error();
            results.append(*result);
        }
        payload = InlineEdits::conflicts(edits, results);
        return Ok{};
    };
    m_controller->dispatch(
        body, {}, {},
        [this](const EditReply *reply) {
            const auto *conflicts =
                reply ? std::get_if<QList<FieldConflict>>(&reply->payload) : nullptr;
            conflictsRead(reply, conflicts ? *conflicts : QList<FieldConflict>());
            return true;
        },
        EditController::Kind::Read, read);
}

void PendingApply::conflictsRead(const EditReply *reply, const QList<FieldConflict> &conflicts)
{
    if (!reply) {
        m_busy = false;
        return;
    }
    if (!reply->outcome.committed() || conflicts.isEmpty()) {
        m_busy = false;
        m_controller->showStatus(
            reply->outcome.committed()
                ? EditController::tr("The rows no longer differ from what you saw: apply again.")
                : EditController::describe(*reply));
        return;
    }
    m_controller->showStatus(
        EditController::tr("Changed by someone else since you edited: choose what to keep."));
    // Not exec(): the dialog is answered while the worker's replies keep arriving.
    auto *dialog = new ConflictDialog(conflicts, m_controller->dialogParent());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::finished, this, [this, dialog](int result) {
        m_busy = false;
        if (result != QDialog::Accepted) {
            m_controller->showStatus(
                EditController::tr("Nothing was written; your changes are still pending."));
            return;
        }
        m_changes->remove(dialog->droppedEdits());
        // "Mine" now applies over what is there: its original becomes the current value.
        const QList<PendingEdit> rebased = dialog->resolvedEdits();
        m_changes->remove(rebased);
        for (const PendingEdit &edit : rebased)
            m_changes->set(edit);
        m_controller->applyPending();
    });
    dialog->open();
    Q_EMIT conflictsFound(int(conflicts.size()));
}

void PendingApply::restoreJournal(const QList<JournalEntry> &entries)
{
    if (entries.isEmpty())
        return;
    for (const JournalEntry &entry : entries)
        m_changes->set(entry.edit);
    Q_EMIT journalRestored(int(entries.size()));
    QWidget *window = m_controller->dialogParent();
    auto *box = new QMessageBox(
        QMessageBox::Question, EditController::tr("Pending changes"),
        EditController::tr(
            "%n change(s) made earlier on %1 were not applied (the application or the "
            "connection ended first). They are shown marked in the tables.",
            nullptr, int(entries.size()))
            .arg(m_target),
        QMessageBox::NoButton, window);
    box->setObjectName(QStringLiteral("journalRestore"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->addButton(EditController::tr("&Keep them to review"), QMessageBox::AcceptRole);
    QPushButton *applyNow =
        box->addButton(EditController::tr("&Apply now"), QMessageBox::ActionRole);
    QPushButton *discard =
        box->addButton(EditController::tr("&Discard"), QMessageBox::DestructiveRole);
    connect(box, &QMessageBox::buttonClicked, this,
            [this, applyNow, discard](QAbstractButton *clicked) {
                if (clicked == applyNow)
                    m_controller->applyPending();
                else if (clicked == discard)
                    revert();
            });
    if (window->isVisible())
        box->open();
    else
        box->deleteLater();
}
