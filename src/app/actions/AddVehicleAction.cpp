#include "AddVehicleAction.h"

#include "ActionContext.h"
#include "DialogSending.h"
#include "VehicleDialog.h"

void AddVehicleAction::trigger(ActionContext &context)
{
    VehicleDialog::Values values;
    values.city = selectedCity(context);
    auto *dialog = new VehicleDialog(VehicleDialog::Mode::Add, values, context.dialogParent());
    dialog->setUserSource(context.browseWorker());
    DialogSending::open(dialog, context, [dialog] {
        return QList<Submission>{{*dialog->body(), {{}, {BrowseTable::Vehicles}}}};
    });
}
