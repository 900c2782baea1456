#pragma once

#include "worker/EditJournal.h"
#include "worker/EditRequest.h"
#include "worker/InlineEdits.h"

#include <QObject>

class EditController;
class PendingChanges;

// Inline edits from pending to applied: journaled as they are made (a crash or a dead
// connection loses nothing), offered again from the journal, sent as one transaction, and,
// when another session changed a row meanwhile, compared with what the rows hold now so
// that the user decides (ConflictDialog) before anything is overwritten. Dialogs open
// without blocking; replies arrive through EditController::dispatch().
class PendingApply : public QObject
{
    Q_OBJECT

public:
    explicit PendingApply(EditController *controller);

    PendingChanges *changes() const { return m_changes; }
    EditJournal *journal() const { return m_journal; }
    // The journal's name for this database; loads what it holds for it.
    void setTarget(const QString &target);
    // Sends every pending edit as one transaction (after the preview when `preview`).
    void apply(bool preview);
    void revert();

Q_SIGNALS:
    void conflictsFound(int count);
    void journalRestored(int count);

private:
    void send(const TransactionBody &body, const QList<PendingEdit> &edits);
    bool applied(const EditReply *reply, const QList<PendingEdit> &edits);
    void checkConflicts(const QList<PendingEdit> &edits);
    void conflictsRead(const EditReply *reply, const QList<FieldConflict> &conflicts);
    void restoreJournal(const QList<JournalEntry> &entries);

    EditController *m_controller;
    PendingChanges *m_changes;
    EditJournal *m_journal;
    QString m_target;
    // An apply (or its preview, or its conflict check) is under way: Apply waits.
    bool m_busy = false;
};
