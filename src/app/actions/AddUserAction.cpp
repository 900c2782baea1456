#include "AddUserAction.h"

#include "ActionContext.h"
#include "DialogSending.h"
#include "UserDialog.h"

void AddUserAction::trigger(ActionContext &context)
{
    UserDialog::Values values;
    values.city = selectedCity(context);
    auto *dialog = new UserDialog(UserDialog::Mode::Add, values, context.dialogParent());
    DialogSending::open(dialog, context, [dialog] {
        return QList<Submission>{{*dialog->body(), {{}, {BrowseTable::Users}}}};
    });
}
