#include "LinkTableView.h"

#include "models/BrowseTableModel.h"

#include <QApplication>
#include <QClipboard>
#include <QKeyEvent>
#include <QMap>
#include <QSet>

namespace {

QString tsvField(QString text)
{
    // A tab or newline inside a value would break the columns: replace them by spaces.
    text.replace(QLatin1Char('\t'), QLatin1Char(' '));
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    text.replace(QLatin1Char('\r'), QLatin1Char(' '));
    return text;
}

} // namespace

QString LinkTableView::selectionAsTsv() const
{
    if (!selectionModel() || !model())
        return {};
    const QModelIndexList selected = selectionModel()->selectedIndexes();
    if (selected.isEmpty())
        return {};
    QMap<int, QMap<int, QString>> cells; // row → column → text
    QSet<int> columns;
    for (const QModelIndex &index : selected) {
        cells[index.row()][index.column()] =
            tsvField(index.data(BrowseTableModel::CopyTextRole).toString());
        columns.insert(index.column());
    }
    QList<int> columnList = columns.values();
    std::sort(columnList.begin(), columnList.end());
    QStringList lines;
    if (cells.size() > 1) {
        QStringList header;
        for (int column : columnList)
            header.append(model()
                              ->headerData(column, Qt::Horizontal, BrowseTableModel::CopyTextRole)
                              .toString());
        lines.append(header.join(QLatin1Char('\t')));
    }
    for (auto row = cells.cbegin(); row != cells.cend(); ++row) {
        QStringList fields;
        for (int column : columnList)
            fields.append(row->value(column));
        lines.append(fields.join(QLatin1Char('\t')));
    }
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

void LinkTableView::copySelection() const
{
    const QString text = selectionAsTsv();
    if (!text.isEmpty())
        QApplication::clipboard()->setText(text);
}

void LinkTableView::keyPressEvent(QKeyEvent *event)
{
    // Enter in a cell editor ends the edit (the delegate commits it); the editor passes the
    // key on to the view, which must not take it for "follow the relations" as well.
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) &&
        currentIndex().isValid() && (state() != EditingState || hasFocus())) {
        Q_EMIT activated(currentIndex());
        return;
    }
    if (event->matches(QKeySequence::Copy) && state() != EditingState) {
        copySelection();
        event->accept();
        return;
    }
    QTableView::keyPressEvent(event);
}
