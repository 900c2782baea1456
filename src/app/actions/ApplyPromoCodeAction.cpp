#include "ApplyPromoCodeAction.h"

#include "ActionContext.h"
#include "ApplyPromoCodeDialog.h"
#include "DialogSending.h"

void ApplyPromoCodeAction::trigger(ActionContext &context)
{
    ApplyPromoCodeInput input;
    input.city = selectedCity(context);
    input.userId = selectedOrShown(context, BrowseTable::Users, "id");
    input.code = selectedOrShown(context, BrowseTable::PromoCodes, "code");
    auto *dialog = new ApplyPromoCodeDialog(input, context.dialogParent());
    DialogSending::open(dialog, context, [dialog] {
        // A user's codes: the table is reloaded.
        return QList<Submission>{{*dialog->body(), {{}, {BrowseTable::UserPromoCodes}}}};
    });
}
