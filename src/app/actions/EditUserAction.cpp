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
    // What the user typed in the table and has not applied yet is what they see here; saving
    // applies it with the rest, so that Apply later does not take it for someone else's.
    const QStringList key{values.city, values.id};
    const QStringList columns{QStringLiteral("name"), QStringLiteral("address"),
                              QStringLiteral("credit_card")};
    dialog->showPending(context.pendingValues(BrowseTable::Users, key, columns));
    DialogSending::open(dialog, context, [dialog, values, key, columns, &context] {
        return QList<Submission>{{*dialog->body(),
                                  {{{BrowseTable::Users, {values.city, values.id}}}, {}},
                                  [&context, key, columns] {
                                      context.settlePending(BrowseTable::Users, key, columns);
                                  }}};
    });
}
