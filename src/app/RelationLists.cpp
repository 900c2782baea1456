#include "RelationLists.h"

#include "StatusBadgeDelegate.h"
#include "models/BrowseTableModel.h"

#include <QHeaderView>
#include <QStyle>
#include <QTableView>

namespace RelationLists {

void arrangeRides(BrowseTableModel *model, QTableView *view)
{
    const TableSpec &spec = model->spec();
    const int start = spec.columnIndex(QStringLiteral("start_time"));
    if (start >= 0)
        model->setSortOrder({start, Qt::DescendingOrder});
    QHeaderView *header = view->horizontalHeader();
    int place = spec.columnIndex(QStringLiteral("id")) >= 0
                    ? header->visualIndex(spec.columnIndex(QStringLiteral("id"))) + 1
                    : 0;
    for (const char *name : {"start_time", "end_time", "revenue"}) {
        const int column = spec.columnIndex(QString::fromLatin1(name));
        if (column < 0)
            continue;
        header->moveSection(header->visualIndex(column), place++);
    }
    const int vehicleCity = spec.columnIndex(QStringLiteral("vehicle_city"));
    if (vehicleCity >= 0)
        view->hideColumn(vehicleCity);
}

void arrangeView(QTableView *view, int visibleRows)
{
    view->setItemDelegate(new StatusBadgeDelegate(view));
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 6);
    view->horizontalHeader()->setStretchLastSection(true);
    const int rowHeight = view->verticalHeader()->defaultSectionSize();
    view->setFixedHeight(rowHeight * visibleRows + view->horizontalHeader()->sizeHint().height() +
                         view->style()->pixelMetric(QStyle::PM_ScrollBarExtent) + 6);
}

} // namespace RelationLists
