#include "EditVehicleAction.h"

#include "ActionContext.h"
#include "DialogSending.h"
#include "VehicleDialog.h"

void EditVehicleAction::trigger(ActionContext &context)
{
    const auto id = context.selected(BrowseTable::Vehicles, "id");
    if (!id) {
        context.inform(tr("Select a row first"), tr("Select a vehicle in its table first."));
        return;
    }
    VehicleDialog::Values values;
    values.city = context.selected(BrowseTable::Vehicles, "city").value_or(QString());
    values.id = *id;
    values.type = context.selected(BrowseTable::Vehicles, "type").value_or(QString());
    values.ownerId = context.selected(BrowseTable::Vehicles, "owner_id").value_or(QString());
    values.status = context.selected(BrowseTable::Vehicles, "status").value_or(QString());
    values.location =
        context.selected(BrowseTable::Vehicles, "current_location").value_or(QString());
    values.ext = context.selected(BrowseTable::Vehicles, "ext").value_or(QStringLiteral("{}"));
    auto *dialog = new VehicleDialog(VehicleDialog::Mode::Edit, values, context.dialogParent());
    dialog->setUserSource(context.browseWorker());
    // Pending inline edits show here; saving applies them with the rest.
    const QStringList key{values.city, values.id};
    const QStringList columns{QStringLiteral("type"), QStringLiteral("owner_id"),
                              QStringLiteral("current_location"), QStringLiteral("ext")};
    dialog->showPending(context.pendingValues(BrowseTable::Vehicles, key, columns));
    DialogSending::open(dialog, context, [dialog, values, key, columns, &context] {
        return QList<Submission>{{*dialog->body(),
                                  {{{BrowseTable::Vehicles, {values.city, values.id}}}, {}},
                                  [&context, key, columns] {
                                      context.settlePending(BrowseTable::Vehicles, key, columns);
                                  }}};
    });
}
