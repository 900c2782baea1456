#include "ConflictDialog.h"

#include "models/BrowseTableModel.h"

#include "models/SemanticColors.h"

#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace {

enum Column { FieldColumn, OriginalColumn, MineColumn, CurrentColumn, ChoiceColumn, ColumnCount };

QString shown(const SqlValue &value)
{
    return value ? *value : QStringLiteral("NULL");
}

QRadioButton *radio(QWidget *cell, ConflictDialog::Choice choice)
{
    const auto buttons = cell->findChildren<QRadioButton *>();
    return buttons.value(choice == ConflictDialog::Choice::Mine ? 0 : 1);
}

} // namespace

ConflictDialog::ConflictDialog(const QList<FieldConflict> &conflicts, QWidget *parent)
    : QDialog(parent), m_conflicts(conflicts)
{
    setWindowTitle(tr("Changed by someone else"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("These rows were changed in the database after you loaded them. "
                                "Nothing has been written. Choose, for each field, whether to "
                                "keep your value or take the current one."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    m_table = new QTableWidget(int(conflicts.size()), ColumnCount, this);
    m_table->setHorizontalHeaderLabels(
        {tr("Field"), tr("Original"), tr("Mine"), tr("Current"), tr("Keep")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    for (int row = 0; row < conflicts.size(); ++row) {
        const FieldConflict &conflict = conflicts.at(row);
        const TableSpec &spec = TableSpec::of(conflict.edit.table);
        // The key as the tables show it (ids shortened), whole in the tooltip: the values
        // are what the user compares, and keep the width.
        QStringList shortKey;
        for (qsizetype part = 0; part < conflict.edit.key.size(); ++part) {
            const int column = spec.keyColumns.value(part, -1);
            shortKey << (column >= 0
                             ? BrowseTableModel::displayText(spec.columns.at(column),
                                                             conflict.edit.key.at(part), false)
                             : conflict.edit.key.at(part));
        }
        const QString columnTitle = spec.columns.value(conflict.edit.column).title;
        const QString field = QStringLiteral("%1 %2: %3")
                                  .arg(spec.title, shortKey.join(QLatin1String(", ")), columnTitle);
        m_table->setItem(row, FieldColumn, new QTableWidgetItem(field));
        m_table->setItem(row, OriginalColumn, new QTableWidgetItem(shown(conflict.edit.original)));
        m_table->setItem(row, MineColumn, new QTableWidgetItem(shown(conflict.edit.value)));
        auto *current = new QTableWidgetItem(conflict.rowMissing ? tr("(row deleted)")
                                                                 : shown(conflict.current));
        m_table->setItem(row, CurrentColumn, current);
        for (int column = FieldColumn; column < ChoiceColumn; ++column)
            m_table->item(row, column)->setToolTip(m_table->item(row, column)->text());
        m_table->item(row, FieldColumn)
            ->setToolTip(
                QStringLiteral("%1 %2: %3")
                    .arg(spec.title, conflict.edit.key.join(QLatin1String(", ")), columnTitle));

        auto *cell = new QWidget(m_table);
        auto *cellLayout = new QHBoxLayout(cell);
        cellLayout->setContentsMargins(4, 0, 4, 0);
        auto *mine = new QRadioButton(tr("Mine"), cell);
        auto *theirs = new QRadioButton(tr("Current"), cell);
        auto *group = new QButtonGroup(cell);
        group->addButton(mine);
        group->addButton(theirs);
        cellLayout->addWidget(mine);
        cellLayout->addWidget(theirs);
        // Default: keep mine, except that a deleted row cannot be edited.
        mine->setEnabled(!conflict.rowMissing);
        (conflict.rowMissing ? theirs : mine)->setChecked(true);
        m_table->setCellWidget(row, ChoiceColumn, cell);
    }
    m_table->horizontalHeader()->setSectionResizeMode(FieldColumn, QHeaderView::ResizeToContents);
    for (int column : {OriginalColumn, MineColumn, CurrentColumn})
        m_table->horizontalHeader()->setSectionResizeMode(column, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(ChoiceColumn, QHeaderView::ResizeToContents);
    layout->addWidget(m_table);

    auto *buttons = new QDialogButtonBox(this);
    QPushButton *allMine = buttons->addButton(tr("Keep all &mine"), QDialogButtonBox::ActionRole);
    QPushButton *allCurrent =
        buttons->addButton(tr("Take all &current"), QDialogButtonBox::ActionRole);
    buttons->addButton(tr("&Apply choices"), QDialogButtonBox::AcceptRole);
    buttons->addButton(QDialogButtonBox::Cancel);
    connect(allMine, &QPushButton::clicked, this, [this] { chooseAll(Choice::Mine); });
    connect(allCurrent, &QPushButton::clicked, this, [this] { chooseAll(Choice::Current); });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(820, 360);
    updateColors();
}

void ConflictDialog::changeEvent(QEvent *event)
{
    QDialog::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_table)
        updateColors();
}

void ConflictDialog::updateColors()
{
    const QColor color = SemanticColors::foreground(SemanticColors::Role::Error, palette());
    for (int row = 0; row < m_table->rowCount(); ++row) {
        if (QTableWidgetItem *current = m_table->item(row, CurrentColumn))
            current->setForeground(color);
    }
}

void ConflictDialog::choose(int row, Choice choice)
{
    if (QRadioButton *button = radio(m_table->cellWidget(row, ChoiceColumn), choice)) {
        if (button->isEnabled())
            button->setChecked(true);
    }
}

void ConflictDialog::chooseAll(Choice choice)
{
    for (int row = 0; row < m_conflicts.size(); ++row)
        choose(row, choice);
}

ConflictDialog::Choice ConflictDialog::choice(int row) const
{
    QRadioButton *mine = radio(m_table->cellWidget(row, ChoiceColumn), Choice::Mine);
    return mine && mine->isChecked() ? Choice::Mine : Choice::Current;
}

QList<PendingEdit> ConflictDialog::resolvedEdits() const
{
    QList<PendingEdit> edits;
    for (int row = 0; row < m_conflicts.size(); ++row) {
        if (choice(row) != Choice::Mine)
            continue;
        PendingEdit edit = m_conflicts.at(row).edit;
        edit.original = m_conflicts.at(row).current; // based on what is there now
        edits.append(edit);
    }
    return edits;
}

QList<PendingEdit> ConflictDialog::droppedEdits() const
{
    QList<PendingEdit> edits;
    for (int row = 0; row < m_conflicts.size(); ++row) {
        if (choice(row) == Choice::Current)
            edits.append(m_conflicts.at(row).edit);
    }
    return edits;
}
