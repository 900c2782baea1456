#include "CreatePromoCodeAction.h"

#include "ActionContext.h"
#include "DialogSending.h"
#include "PromoCodeDialog.h"

void CreatePromoCodeAction::trigger(ActionContext &context)
{
    auto *dialog = new PromoCodeDialog(context.dialogParent());
    DialogSending::open(dialog, context, [dialog] {
        return QList<Submission>{{*dialog->body(), {{}, {BrowseTable::PromoCodes}}}};
    });
}
