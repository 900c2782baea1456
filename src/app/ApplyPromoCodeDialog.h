#pragma once

#include "ActionDialog.h"
#include "movr/Operations.h"

#include <memory>

namespace Ui {
class ApplyPromoCodeDialog;
}

class ApplyPromoCodeDialog : public ActionDialog
{
    Q_OBJECT
public:
    explicit ApplyPromoCodeDialog(const ApplyPromoCodeInput &initial, QWidget *parent = nullptr);
    ~ApplyPromoCodeDialog() override;
    ApplyPromoCodeInput input() const;
    Result<TransactionBody> body() const { return Operations::applyPromoCode(input()); }

private:
    std::unique_ptr<Ui::ApplyPromoCodeDialog> m_ui;
};
