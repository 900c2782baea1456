#include "PromoCodeDialog.h"

#include "FormValidator.h"
#include "movr/Validation.h"

#include "ui_PromoCodeDialog.h"

#include <QPushButton>

PromoCodeDialog::PromoCodeDialog(QWidget *parent)
    : ActionDialog(parent), m_ui(std::make_unique<Ui::PromoCodeDialog>())
{
    m_ui->setupUi(this);
    setUpValidation(m_ui->buttons, m_ui->message);
    m_ui->buttons->button(QDialogButtonBox::Ok)->setText(tr("Crea&te"));
    m_ui->expiration->setTimeSpec(Qt::UTC);
    m_ui->expiration->setDateTime(QDateTime::currentDateTimeUtc().addDays(30));
    m_ui->expiration->setEnabled(false);
    m_ui->expires->setChecked(false);
    connect(m_ui->expires, &QCheckBox::toggled, m_ui->expiration, &QWidget::setEnabled);
    m_ui->rules->setPlainText(CreatePromoCodeInput{}.rules);
    validator()->addField(m_ui->code,
                          [this] { return Validation::promoCode(trimmed(m_ui->code)); });
    validator()->addField(m_ui->description, [this] {
        return m_ui->description->toPlainText().size() > Validation::MaxDescriptionLength
                   ? tr("The description is longer than %1 characters.")
                         .arg(Validation::MaxDescriptionLength)
                   : QString();
    });
    validator()->addField(m_ui->expires, [] { return QString(); });
    validator()->addField(m_ui->expiration, [this] {
        return m_ui->expiration->dateTime() <= QDateTime::currentDateTimeUtc()
                   ? tr("The expiration time is in the past.")
                   : QString();
    });
    validator()->addField(m_ui->rules, [this] {
        return Validation::jsonObject(m_ui->rules->toPlainText(), Validation::JsonField::Rules);
    });
    validator()->addRule(bodyRule([this] { return body(); }));
    validator()->validate();
    validator()->focusFirstProblem();
}

PromoCodeDialog::~PromoCodeDialog() = default;

CreatePromoCodeInput PromoCodeDialog::input() const
{
    CreatePromoCodeInput input;
    input.code = trimmed(m_ui->code);
    input.description = m_ui->description->toPlainText();
    if (m_ui->expires->isChecked())
        input.expirationTime =
            m_ui->expiration->dateTime().toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    input.rules = m_ui->rules->toPlainText();
    return input;
}
