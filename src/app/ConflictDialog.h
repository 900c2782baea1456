#pragma once

#include "worker/InlineEdits.h"

#include <QDialog>

class QTableWidget;

// Another session changed rows under pending edits: for each field, what the user saw
// (original), what they typed (mine) and what the database holds now (current). The user
// keeps theirs, takes the current value, or chooses per field; nothing is written until
// they decide. A deleted row can only be given up.
class ConflictDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Choice { Mine, Current };

    explicit ConflictDialog(const QList<FieldConflict> &conflicts, QWidget *parent = nullptr);

    void chooseAll(Choice choice);
    void choose(int row, Choice choice);
    Choice choice(int row) const;

    // The edits to apply after the user's choices: "mine" becomes an edit based on the
    // current value (so it applies over it, deliberately); "current" drops the edit.
    QList<PendingEdit> resolvedEdits() const;
    // The edits given up ("current" chosen, or the row is gone): pending changes to drop.
    QList<PendingEdit> droppedEdits() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    // The "current" column in the error colour of the palette in use.
    void updateColors();

    QList<FieldConflict> m_conflicts;
    QTableWidget *m_table = nullptr;
};
