#include "ApplyPromoCodeDialog.h"

#include "FormValidator.h"
#include "movr/Validation.h"

#include "ui_ApplyPromoCodeDialog.h"

#include <QPushButton>

ApplyPromoCodeDialog::ApplyPromoCodeDialog(const ApplyPromoCodeInput &initial, QWidget *parent)
    : ActionDialog(parent), m_ui(std::make_unique<Ui::ApplyPromoCodeDialog>())
{
    m_ui->setupUi(this);
    setUpValidation(m_ui->buttons, m_ui->message);
    m_ui->buttons->button(QDialogButtonBox::Ok)->setText(tr("&Apply"));
    fillCities(m_ui->city, initial.city);
    m_ui->userId->setText(initial.userId);
    m_ui->code->setText(initial.code);
    validator()->addField(m_ui->city,
                          [this] { return Validation::city(m_ui->city->currentText()); });
    validator()->addField(m_ui->userId, [this] {
        return Validation::uuid(m_ui->userId->text(), Validation::IdField::User);
    });
    validator()->addField(m_ui->code,
                          [this] { return Validation::promoCode(trimmed(m_ui->code)); });
    validator()->addRule(bodyRule([this] { return body(); }));
    validator()->validate();
    validator()->focusFirstProblem();
}

ApplyPromoCodeDialog::~ApplyPromoCodeDialog() = default;

ApplyPromoCodeInput ApplyPromoCodeDialog::input() const
{
    ApplyPromoCodeInput input;
    input.city = m_ui->city->currentText();
    input.userId = trimmed(m_ui->userId);
    input.code = trimmed(m_ui->code);
    return input;
}
