#include "RetireVehicleAction.h"

#include "ActionContext.h"
#include "ConfirmQuestion.h"
#include "movr/Operations.h"

void RetireVehicleAction::trigger(ActionContext &context)
{
    const auto id = context.selected(BrowseTable::Vehicles, "id");
    if (!id) {
        context.inform(tr("Select a row first"), tr("Select a vehicle in its table first."));
        return;
    }
    const QString city = context.selected(BrowseTable::Vehicles, "city").value_or(QString());
    auto body = Operations::retireVehicle(city, *id);
    if (!body) {
        context.inform(tr("Retire vehicle"), body.error().message);
        return;
    }
    ConfirmQuestion::ask(context.dialogParent(), tr("Retire vehicle"),
                         tr("Retire vehicle %1 in %2? It stays in the database for its "
                            "rides' history, with status \"retired\".")
                             .arg(*id, city),
                         [&context, body = *body, city, id = *id] {
                             context.send(body, {{{BrowseTable::Vehicles, {city, id}}}, {}}, {});
                         });
}
