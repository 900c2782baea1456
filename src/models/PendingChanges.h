#pragma once

#include "worker/InlineEdits.h"

#include <QIdentityProxyModel>
#include <QObject>

class BrowseTableModel;

// The pending inline edits of the whole window, kept by table, primary key and column (not
// by row number), so that they survive sorting, filtering and scrolling until Apply or
// Revert. Never dropped silently.
class PendingChanges : public QObject
{
    Q_OBJECT

public:
    explicit PendingChanges(QObject *parent = nullptr);

    const QList<PendingEdit> &edits() const { return m_edits; }
    int count() const { return int(m_edits.size()); }
    const PendingEdit *find(BrowseTable table, const QStringList &key, int column) const;
    // Adds or updates the edit of that cell; a cell edited back to its original value is no
    // longer pending. The first original is kept.
    void set(const PendingEdit &edit);
    void remove(const QList<PendingEdit> &cells);
    void clear();

Q_SIGNALS:
    void changed();                         // count or values changed
    void recorded(const PendingEdit &edit); // for the journal
    void removed(const QList<PendingEdit> &cells);
    void cleared();

private:
    QList<PendingEdit> m_edits;
};

// Between a BrowseTableModel and its view: editable plain columns (F2), pending values shown
// in place of the loaded ones and marked, input validated as it is committed (a rejected
// value is reported through editRejected and not kept).
class PendingEditsProxy : public QIdentityProxyModel
{
    Q_OBJECT

public:
    enum Role {
        // bool: the cell has a pending edit and its value in the database changed since the
        // edit was made (a live update): Apply goes through the conflict dialog. The pending
        // value stays shown.
        ChangedOnServerRole = Qt::UserRole + 64,
    };

    explicit PendingEditsProxy(BrowseTableModel *source, QObject *parent = nullptr);

    void setPendingChanges(PendingChanges *changes);
    // False while the SQL user may not UPDATE the table: nothing is editable.
    void setEditable(bool editable);
    bool isEditable() const { return m_editable; }

    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

Q_SIGNALS:
    void editRejected(const QString &reason);

private:
    QStringList keyAt(int row) const;
    // The loaded value differs from the one the edit started from.
    bool changedOnServer(const QModelIndex &index, const PendingEdit &pending) const;
    BrowseTableModel *m_source;
    PendingChanges *m_changes = nullptr;
    bool m_editable = true;
};
