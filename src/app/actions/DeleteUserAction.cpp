#include "DeleteUserAction.h"

#include "ActionContext.h"
#include "ConfirmQuestion.h"
#include "movr/Operations.h"

void DeleteUserAction::trigger(ActionContext &context)
{
    const auto id = context.selected(BrowseTable::Users, "id");
    if (!id) {
        context.inform(tr("Select a row first"), tr("Select a user in their table first."));
        return;
    }
    const QString city = context.selected(BrowseTable::Users, "city").value_or(QString());
    const QString name = context.selected(BrowseTable::Users, "name").value_or(QString());
    auto body = Operations::deleteUser(city, *id);
    if (!body) {
        context.inform(tr("Delete user"), body.error().message);
        return;
    }
    ConfirmQuestion::ask(context.dialogParent(), tr("Delete user"),
                         tr("Delete user %1 (%2) in %3? This cannot be undone; it is "
                            "refused while rides, vehicles or promo codes refer to the "
                            "user.")
                             .arg(name, *id, city),
                         [&context, body = *body, city, id = *id] {
                             context.send(body, {{{BrowseTable::Users, {city, id}}}, {}}, {});
                         });
}
