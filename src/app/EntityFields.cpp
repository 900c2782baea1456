#include "EntityFields.h"

#include "models/BrowseTableModel.h"

#include <QApplication>
#include <QClipboard>
#include <QCoreApplication>
#include <QFormLayout>
#include <QLabel>
#include <QMenu>

// The texts are in DetailPane's translation context, where they were written first.

EntityFields::EntityFields(QWidget *parent) : QWidget(parent), m_layout(new QFormLayout(this))
{
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setLabelAlignment(Qt::AlignRight);
}

void EntityFields::clear()
{
    while (m_layout->rowCount() > 0)
        m_layout->removeRow(0);
    m_fields.clear();
}

const EntityFields::Field *EntityFields::field(const QString &column) const
{
    const auto found = std::find_if(m_fields.cbegin(), m_fields.cend(),
                                    [&column](const Field &f) { return f.column == column; });
    return found == m_fields.cend() ? nullptr : &*found;
}

QLabel *EntityFields::label(const QString &column) const
{
    const Field *shown = field(column);
    return shown ? shown->value : nullptr;
}

QString EntityFields::copyText(const QString &column) const
{
    const Field *shown = field(column);
    return shown ? shown->copyText : QString();
}

void EntityFields::setRow(BrowseTable table, const RowData &row)
{
    const TableSpec &spec = TableSpec::of(table);
    // The same entity's table again (a refresh): the labels stay, their texts change, so
    // nothing in the pane moves.
    const bool reuse = m_table == table && m_fields.size() == spec.columns.size();
    if (!reuse) {
        while (m_layout->rowCount() > 0)
            m_layout->removeRow(0);
        m_fields.clear();
        m_table = table;
    }
    for (int c = 0; c < spec.columns.size(); ++c) {
        const ColumnSpec &column = spec.columns.at(c);
        QString text = row.isNull(c) ? QCoreApplication::translate("DetailPane", "—")
                                     : BrowseTableModel::displayText(column, row.text(c), false);
        if (column.kind == ColumnKind::Uuid && !row.isNull(c))
            text = row.text(c); // the whole id here: there is room, and people copy it
        // What the tables copy: the value as stored, card numbers masked.
        const QString copyText =
            row.isNull(c) ? QString() : BrowseTableModel::copyText(column, row.text(c), false);
        if (reuse) {
            Field &field = m_fields[c];
            if (field.value->text() != text)
                field.value->setText(text);
            field.copyText = copyText;
            field.isNull = row.isNull(c);
            continue;
        }
        auto *value = new QLabel(text, this);
        value->setObjectName(column.name);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
        value->setWordWrap(true);
        value->setContextMenuPolicy(Qt::CustomContextMenu);
        connect(value, &QWidget::customContextMenuRequested, this,
                [this, value](const QPoint &position) { showValueMenu(value, position); });
        m_layout->addRow(column.title + QLatin1Char(':'), value);
        m_fields.append({column.name, value, copyText, row.isNull(c)});
    }
}

void EntityFields::showValueMenu(QLabel *value, const QPoint &position)
{
    const auto field = std::find_if(m_fields.cbegin(), m_fields.cend(),
                                    [value](const Field &f) { return f.value == value; });
    if (field == m_fields.cend())
        return;
    const QString copyText = field->copyText;
    // Not exec(): the worker's replies (and tests) keep running while it shows.
    auto *menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("valueMenu"));
    menu->setAttribute(Qt::WA_DeleteOnClose);
    QAction *copySelected = menu->addAction(QCoreApplication::translate("DetailPane", "&Copy"));
    copySelected->setObjectName(QStringLiteral("copySelection"));
    copySelected->setEnabled(value->hasSelectedText());
    const QString selected = value->selectedText();
    connect(copySelected, &QAction::triggered, this,
            [selected] { QApplication::clipboard()->setText(selected); });
    QAction *copyValue = menu->addAction(QCoreApplication::translate("DetailPane", "Copy &value"));
    copyValue->setObjectName(QStringLiteral("copyValue"));
    copyValue->setEnabled(!field->isNull);
    connect(copyValue, &QAction::triggered, this,
            [copyText] { QApplication::clipboard()->setText(copyText); });
    menu->popup(value->mapToGlobal(position));
}
