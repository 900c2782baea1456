#include "EndRideAction.h"

#include "ActionContext.h"
#include "DialogSending.h"
#include "EndRideDialog.h"
#include "movr/Validation.h"

void EndRideAction::trigger(ActionContext &context)
{
    // The ride selected in the Rides table, else the one the details pane shows.
    EndRideInput input;
    input.city = selectedCity(context);
    QString vehicle;
    if (const auto id = context.selected(BrowseTable::Rides, "id")) {
        input.rideId = *id;
        vehicle = context.selected(BrowseTable::Rides, "vehicle_id").value_or(QString());
    } else if (const auto shownId = context.shown(BrowseTable::Rides, "id")) {
        input.city = context.shown(BrowseTable::Rides, "city").value_or(input.city);
        input.rideId = *shownId;
        vehicle = context.shown(BrowseTable::Rides, "vehicle_id").value_or(QString());
    }
    auto *dialog = new EndRideDialog(input, context.dialogParent());
    dialog->setRowSource(context.browseWorker());
    DialogSending::open(dialog, context, [dialog, vehicle] {
        const EndRideInput done = dialog->input();
        // The id as typed may be upper case or braced; the rows hold the canonical form.
        Touched touched{
            {{BrowseTable::Rides, {done.city, Validation::normalizedUuid(done.rideId)}}}, {}};
        const QString rideVehicle = dialog->vehicleId().isEmpty() ? vehicle : dialog->vehicleId();
        if (!rideVehicle.isEmpty())
            touched.rows.append({BrowseTable::Vehicles, {done.city, rideVehicle}});
        return QList<Submission>{{*dialog->body(), touched}};
    });
}
