#pragma once

#include "ActionDialog.h"
#include "movr/Operations.h"

#include <memory>

namespace Ui {
class PromoCodeDialog;
}

class PromoCodeDialog : public ActionDialog
{
    Q_OBJECT
public:
    explicit PromoCodeDialog(QWidget *parent = nullptr);
    ~PromoCodeDialog() override;
    CreatePromoCodeInput input() const;
    Result<TransactionBody> body() const { return Operations::createPromoCode(input()); }

private:
    std::unique_ptr<Ui::PromoCodeDialog> m_ui;
};
