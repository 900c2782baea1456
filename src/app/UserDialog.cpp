#include "UserDialog.h"

#include "FormValidator.h"
#include "movr/Validation.h"

#include "ui_UserDialog.h"

#include <QHBoxLayout>
#include <QPushButton>
#include <QToolButton>

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
    {
        // Masked, as in the tables, until revealed: "Reveal" beside the field.
        int row = -1;
        QFormLayout::ItemRole role;
        m_ui->form->getWidgetPosition(m_ui->creditCard, &row, &role);
        auto *container = new QWidget(this);
        auto *box = new QHBoxLayout(container);
        box->setContentsMargins(0, 0, 0, 0);
        m_ui->form->removeWidget(m_ui->creditCard);
        box->addWidget(m_ui->creditCard);
        auto *reveal = new QToolButton(container);
        reveal->setObjectName(QStringLiteral("revealCard"));
        reveal->setText(tr("Reveal"));
        reveal->setToolTip(tr("Show the card number in full"));
        reveal->setCheckable(true);
        box->addWidget(reveal);
        m_ui->form->setWidget(row, QFormLayout::FieldRole, container);
        m_reveal = reveal;
        connect(reveal, &QToolButton::toggled, this, &UserDialog::setCardRevealed);
        setCardRevealed(false);
    }
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

void UserDialog::setCardRevealed(bool revealed)
{
    m_ui->creditCard->setEchoMode(revealed ? QLineEdit::Normal : QLineEdit::Password);
    if (m_reveal->isChecked() != revealed)
        m_reveal->setChecked(revealed);
    m_reveal->setText(revealed ? tr("Hide") : tr("Reveal"));
}

bool UserDialog::isCardRevealed() const
{
    return m_ui->creditCard->echoMode() == QLineEdit::Normal;
}

void UserDialog::showPending(const QHash<QString, QString> &pending)
{
    const QHash<QString, QLineEdit *> fields{{QStringLiteral("name"), m_ui->name},
                                             {QStringLiteral("address"), m_ui->address},
                                             {QStringLiteral("credit_card"), m_ui->creditCard}};
    QList<QWidget *> shown;
    for (auto it = pending.begin(); it != pending.end(); ++it) {
        if (QLineEdit *field = fields.value(it.key())) {
            field->setText(it.value());
            shown.append(field);
        }
    }
    markPending(shown);
}

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
