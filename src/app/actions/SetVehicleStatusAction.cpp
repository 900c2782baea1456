#include "SetVehicleStatusAction.h"

#include "ActionContext.h"
#include "DialogSending.h"
#include "VehicleStatusDialog.h"

void SetVehicleStatusAction::trigger(ActionContext &context)
{
    const QList<QStringList> rows =
        context.selectedRows(BrowseTable::Vehicles, {QStringLiteral("city"), QStringLiteral("id")});
    if (rows.isEmpty()) {
        context.inform(tr("Select a row first"),
                       tr("Select one or more vehicles in their table first."));
        return;
    }
    const QString city = rows.first().at(0);
    QStringList ids;
    for (const QStringList &row : rows) {
        if (row.at(0) != city) {
            context.inform(tr("One city at a time"),
                           tr("Select vehicles of one city: a status change runs per city."));
            return;
        }
        ids << row.at(1);
    }
    auto *dialog = new VehicleStatusDialog(city, ids, context.dialogParent());
    DialogSending::open(dialog, context, [dialog, city, ids] {
        Touched touched;
        for (const QString &id : ids)
            touched.rows.append({BrowseTable::Vehicles, {city, id}});
        QList<Submission> submissions;
        const auto bodies = dialog->bodies(); // valid: the dialog sends only then
        for (const TransactionBody &body : *bodies)
            submissions.append({body, touched});
        return submissions;
    });
}
