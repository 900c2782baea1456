#include "UserDialog.h"

#include "FormValidator.h"
#include "movr/Validation.h"

#include "ui_UserDialog.h"

#include <QPushButton>

UserDialog::UserDialog(Mode mode, const Values &initial, QWidget *parent)
    : ActionDialog(parent), m_ui(std::make_unique<Ui::UserDialog>()), m_mode(mode),
      m_initial(initial)
{
    m_ui->setupUi(this);
    setUpValidation(m_ui->buttons, m_ui->message);
    setWindowTitle(mode == Mode::Add ? tr("Add user") : tr("Edit user"));
    m_ui->buttons->button(QDialogButtonBox::Ok)
        ->setText(mode == Mode::Add ? tr("&Add") : tr("&Save"));
    if (m_initial.id.isEmpty())
        m_initial.id = newClientUuid();
    fillCities(m_ui->city, initial.city);
    m_ui->city->setEnabled(mode == Mode::Add);
    m_ui->userId->setText(m_initial.id);
    m_ui->name->setText(initial.name);
    m_ui->address->setText(initial.address);
    m_ui->creditCard->setText(initial.creditCard);
    validator()->addField(m_ui->city,
                          [this] { return Validation::city(m_ui->city->currentText()); });
    validator()->addField(m_ui->name, [this] { return Validation::name(m_ui->name->text()); });
    validator()->addField(m_ui->address,
                          [this] { return Validation::address(m_ui->address->text()); });
    validator()->addField(m_ui->creditCard, [this] {
        return trimmed(m_ui->creditCard).isEmpty() ? QString()
                                                   : Validation::creditCard(creditCard());
    });
    // A number typed in groups ("4111 1111 1111 1111") is shown as it is stored.
    connect(m_ui->creditCard, &QLineEdit::editingFinished, this, [this] {
        if (Validation::creditCard(creditCard()).isEmpty() &&
            m_ui->creditCard->text() != creditCard())
            m_ui->creditCard->setText(creditCard());
    });
    validator()->addRule(bodyRule([this] { return body(); }));
    validator()->validate();
    validator()->focusFirstProblem();
}

UserDialog::~UserDialog() = default;

AddUserInput UserDialog::addInput() const
{
    AddUserInput input;
    input.id = m_initial.id;
    input.city = m_ui->city->currentText();
    input.name = trimmed(m_ui->name);
    input.address = trimmed(m_ui->address);
    input.creditCard = creditCard();
    return input;
}

QString UserDialog::creditCard() const
{
    return Validation::normalizedCreditCard(m_ui->creditCard->text());
}

EditUserInput UserDialog::editInput() const
{
    EditUserInput input;
    input.city = m_initial.city;
    input.id = m_initial.id;
    if (trimmed(m_ui->name) != m_initial.name)
        input.name = trimmed(m_ui->name);
    if (trimmed(m_ui->address) != m_initial.address)
        input.address = trimmed(m_ui->address);
    if (creditCard() != m_initial.creditCard)
        input.creditCard = creditCard();
    return input;
}

Result<TransactionBody> UserDialog::body() const
{
    return m_mode == Mode::Add ? Operations::addUser(addInput())
                               : Operations::editUser(editInput());
}
