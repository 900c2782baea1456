#include "PendingChanges.h"

#include "BrowseTableModel.h"
#include "SemanticColors.h"

#include <QColor>
#include <QFont>

PendingChanges::PendingChanges(QObject *parent) : QObject(parent) {}

const PendingEdit *PendingChanges::find(BrowseTable table, const QStringList &key, int column) const
{
    for (const PendingEdit &edit : m_edits) {
        if (edit.table == table && edit.column == column && edit.key == key)
            return &edit;
    }
    return nullptr;
}

void PendingChanges::set(const PendingEdit &edit)
{
    auto existing = std::find_if(m_edits.begin(), m_edits.end(),
                                 [&](const PendingEdit &e) { return e.sameCell(edit); });
    if (existing != m_edits.end()) {
        if (existing->value == edit.value)
            return;
        if (existing->original == edit.value) {
            const PendingEdit gone = *existing;
            m_edits.erase(existing);
            Q_EMIT removed({gone});
            Q_EMIT changed();
            return;
        }
        existing->value = edit.value; // the first original stays
        Q_EMIT recorded(*existing);
        Q_EMIT changed();
        return;
    }
    if (edit.original == edit.value)
        return;
    m_edits.append(edit);
    Q_EMIT recorded(edit);
    Q_EMIT changed();
}

void PendingChanges::remove(const QList<PendingEdit> &cells)
{
    QList<PendingEdit> gone;
    for (const PendingEdit &cell : cells) {
        auto it = std::find_if(m_edits.begin(), m_edits.end(),
                               [&](const PendingEdit &e) { return e.sameCell(cell); });
        if (it != m_edits.end()) {
            gone.append(*it);
            m_edits.erase(it);
        }
    }
    if (gone.isEmpty())
        return;
    Q_EMIT removed(gone);
    Q_EMIT changed();
}

void PendingChanges::clear()
{
    if (m_edits.isEmpty())
        return;
    m_edits.clear();
    Q_EMIT cleared();
    Q_EMIT changed();
}

PendingEditsProxy::PendingEditsProxy(BrowseTableModel *source, QObject *parent)
    : QIdentityProxyModel(parent), m_source(source)
{
    setSourceModel(source);
}

void PendingEditsProxy::setPendingChanges(PendingChanges *changes)
{
    if (m_changes)
        disconnect(m_changes, nullptr, this, nullptr);
    m_changes = changes;
    if (m_changes) {
        connect(m_changes, &PendingChanges::changed, this, [this] {
            if (rowCount() > 0)
                Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
        });
    }
}

void PendingEditsProxy::setEditable(bool editable)
{
    m_editable = editable;
}

QStringList PendingEditsProxy::keyAt(int row) const
{
    QStringList key;
    for (const SqlValue &part : m_source->keyAt(row))
        key << part.value_or(QString());
    return key;
}

Qt::ItemFlags PendingEditsProxy::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QIdentityProxyModel::flags(index);
    if (m_changes && m_editable && index.isValid() &&
        InlineEdits::isEditable(m_source->table(), index.column()))
        flags |= Qt::ItemIsEditable;
    return flags;
}

QVariant PendingEditsProxy::data(const QModelIndex &index, int role) const
{
    const PendingEdit *pending =
        // Every cell of every repaint asks: with nothing pending, no key is built.
        m_changes && m_changes->count() > 0 && index.isValid()
            ? m_changes->find(m_source->table(), keyAt(index.row()), index.column())
            : nullptr;
    if (role == ChangedOnServerRole)
        return pending && changedOnServer(index, *pending);
    if (role == Qt::EditRole) {
        if (pending)
            return pending->value.value_or(QString());
        return QIdentityProxyModel::data(index, BrowseTableModel::RawTextRole);
    }
    if (!pending)
        return QIdentityProxyModel::data(index, role);
    const ColumnSpec &column = m_source->spec().columns.at(index.column());
    switch (role) {
    case Qt::DisplayRole:
        return pending->value ? BrowseTableModel::displayText(column, *pending->value, false)
                              : QString();
    case BrowseTableModel::RawTextRole:
    case BrowseTableModel::CopyTextRole:
        return pending->value.value_or(QString());
    case BrowseTableModel::IsNullRole:
        return !pending->value.has_value();
    case Qt::BackgroundRole:
        return SemanticColors::pending().background; // not in the database yet
    case Qt::ForegroundRole:
        return SemanticColors::pending().foreground;
    case Qt::FontRole: {
        QFont font;
        font.setItalic(true);
        return font;
    }
    case Qt::DecorationRole:
        if (changedOnServer(index, *pending))
            return SemanticColors::foreground(SemanticColors::Role::Warning);
        return QIdentityProxyModel::data(index, role);
    case Qt::ToolTipRole:
        if (changedOnServer(index, *pending)) {
            const QModelIndex source = mapToSource(index);
            const QString now =
                m_source->data(source, BrowseTableModel::IsNullRole).toBool()
                    ? QStringLiteral("NULL")
                    : m_source->data(source, BrowseTableModel::RawTextRole).toString();
            return tr("Changed on the server to “%1” since you edited it; Apply will "
                      "ask which value to keep.")
                .arg(now);
        }
        return tr("Changed from \"%1\"; not applied yet (Ctrl+S applies, Actions › Revert "
                  "discards).")
            .arg(pending->original.value_or(QStringLiteral("NULL")));
    case BrowseTableModel::BadgeRole:
        return false;
    default:
        return QIdentityProxyModel::data(index, role);
    }
}

bool PendingEditsProxy::changedOnServer(const QModelIndex &index, const PendingEdit &pending) const
{
    const QModelIndex source = mapToSource(index);
    const SqlValue loaded =
        m_source->data(source, BrowseTableModel::IsNullRole).toBool()
            ? SqlValue()
            : SqlValue(m_source->data(source, BrowseTableModel::RawTextRole).toString());
    return loaded != pending.original;
}

bool PendingEditsProxy::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !m_changes || !(flags(index) & Qt::ItemIsEditable))
        return false;
    const BrowseTable table = m_source->table();
    PendingEdit edit;
    edit.table = table;
    edit.key = keyAt(index.row());
    edit.column = index.column();
    edit.value = InlineEdits::fromText(table, index.column(), value.toString());
    const QString problem = InlineEdits::validate(table, index.column(), edit.value);
    if (!problem.isEmpty()) {
        Q_EMIT editRejected(
            tr("%1: %2").arg(m_source->spec().columns.at(index.column()).title, problem));
        return false;
    }
    const QModelIndex source = mapToSource(index);
    edit.original =
        m_source->data(source, BrowseTableModel::IsNullRole).toBool()
            ? SqlValue()
            : SqlValue(m_source->data(source, BrowseTableModel::RawTextRole).toString());
    if (const PendingEdit *existing = m_changes->find(table, edit.key, edit.column))
        edit.original = existing->original;
    m_changes->set(edit);
    Q_EMIT dataChanged(index, index);
    return true;
}
