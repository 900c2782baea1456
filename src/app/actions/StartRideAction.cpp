#include "StartRideAction.h"

#include "ActionContext.h"
#include "DialogSending.h"
#include "StartRideDialog.h"
#include "movr/Validation.h"

void StartRideAction::trigger(ActionContext &context)
{
    StartRideInput input;
    input.city = selectedCity(context);
    input.vehicleId = selectedOrShown(context, BrowseTable::Vehicles, "id");
    input.riderId = selectedOrShown(context, BrowseTable::Users, "id");
    auto *dialog = new StartRideDialog(input, context.dialogParent());
    dialog->setRowSource(context.browseWorker());
    DialogSending::open(dialog, context, [dialog] {
        const StartRideInput done = dialog->input();
        const Touched touched{
            {{BrowseTable::Vehicles, {done.city, Validation::normalizedUuid(done.vehicleId)}}},
            {BrowseTable::Rides}};
        return QList<Submission>{{*dialog->body(), touched}};
    });
}
