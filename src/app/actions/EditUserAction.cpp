#include "EditUserAction.h"

#include "ActionContext.h"
#include "DialogSending.h"
#include "UserDialog.h"

void EditUserAction::trigger(ActionContext &context)
{
    const auto id = context.selected(BrowseTable::Users, "id");
    if (!id) {
        context.inform(tr("Select a row first"), tr("Select a user in their table first."));
        return;
    }
    UserDialog::Values values;
    values.city = context.selected(BrowseTable::Users, "city").value_or(QString());
    values.id = *id;
    values.name = context.selected(BrowseTable::Users, "name").value_or(QString());
    values.address = context.selected(BrowseTable::Users, "address").value_or(QString());
    values.creditCard = context.selected(BrowseTable::Users, "credit_card").value_or(QString());
    auto *dialog = new UserDialog(UserDialog::Mode::Edit, values, context.dialogParent());
    DialogSending::open(dialog, context, [dialog, values] {
        return QList<Submission>{
            {*dialog->body(), {{{BrowseTable::Users, {values.city, values.id}}}, {}}}};
    });
}
