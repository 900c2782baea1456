#pragma once

#include "pg/PgConnection.h"
#include "txn/Transaction.h"
#include "worker/TableSpec.h"

#include <QCoreApplication>
#include <QList>
#include <QMetaType>
#include <QStringList>

// One edited cell, kept as a pending change until Apply: which row (primary key values, in
// key order, as text), which column, the value the user saw and the value they typed.
struct PendingEdit
{
    BrowseTable table = BrowseTable::Vehicles;
    QStringList key;
    int column = -1; // index into TableSpec::of(table).columns
    SqlValue original;
    SqlValue value;

    bool sameCell(const PendingEdit &other) const
    {
        return table == other.table && key == other.key && column == other.column;
    }
};

// A field whose row changed in the database since the user saw it.
struct FieldConflict
{
    PendingEdit edit;        // original = what the user saw, value = theirs
    SqlValue current;        // what the database holds now
    bool rowMissing = false; // the row was deleted meanwhile
};

// Inline editing of plain columns with conflict detection. Applying never overwrites a
// change made by someone else: every UPDATE requires each edited column to still hold the
// value the user saw (IS NOT DISTINCT FROM), and a row that does not match aborts the whole
// transaction (ErrorClass::Conflict), so nothing is half-done. The caller then reads the
// current values (currentValues()) and lets the user choose per field (conflicts()).
class InlineEdits
{
    Q_DECLARE_TR_FUNCTIONS(InlineEdits)

public:
    // Plain columns only: keys, the vehicle status (it must agree with rides: use "Set
    // status", start / end ride and retire) and ride ids and times are not edited inline.
    static bool isEditable(BrowseTable table, int column);
    // "" when `value` may be written to that column; otherwise one translated line.
    static QString validate(BrowseTable table, int column, const SqlValue &value);
    // Text the user typed for a column, as the value to write: empty text is NULL for
    // nullable optional columns (credit card, end address, expiration time).
    static SqlValue fromText(BrowseTable table, int column, const QString &text);

    // One transaction applying every edit (one UPDATE per row, all columns of that row).
    // Interactive: each UPDATE must touch exactly one row, otherwise the transaction is
    // rolled back with ErrorClass::Conflict.
    static Result<TransactionBody> applyBody(const QList<PendingEdit> &edits);
    // Reads the current text of the edited columns of every edited row, one statement per
    // table; columns are the key columns then the edited columns, as text.
    static QList<Statement> currentValues(const QList<PendingEdit> &edits);
    // Compares the originals with the rows read by currentValues() (results in the same
    // order as the statements).
    static QList<FieldConflict> conflicts(const QList<PendingEdit> &edits,
                                          const QList<PgResult> &current);
};

Q_DECLARE_METATYPE(PendingEdit)
