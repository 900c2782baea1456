#pragma once

#include "EditAction.h"

#include <QCoreApplication>

class ApplyPromoCodeAction : public EditAction
{
    // The strings were EditController's: translations keep their context.
    Q_DECLARE_TR_FUNCTIONS(EditController)

public:
    MovrOperation operation() const override { return MovrOperation::ApplyPromoCode; }
    QString text() const override { return tr("&Apply promo code…"); }
    void trigger(ActionContext &context) override;
};
