#include "RelationLists.h"

#include "models/BrowseTableModel.h"

#include <QHeaderView>
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

} // namespace RelationLists
