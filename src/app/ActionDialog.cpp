#include "ActionDialog.h"

#include "FormValidator.h"
#include "movr/Cities.h"

#include <QBoxLayout>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>

ActionDialog::ActionDialog(QWidget *parent) : QDialog(parent) {}

ActionDialog::~ActionDialog() = default;

void ActionDialog::setUpValidation(QDialogButtonBox *buttons, QLabel *message)
{
    m_buttons = buttons;
    m_message = message;
    m_validator = new FormValidator(buttons->button(QDialogButtonBox::Ok), message, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &ActionDialog::accept);
}

void ActionDialog::showEvent(QShowEvent *event)
{
    if (!m_fitted) {
        m_fitted = true;
        resize(qMax(width(), sizeHint().width()), sizeHint().height());
    }
    QDialog::showEvent(event);
}

QString ActionDialog::problem() const
{
    return m_validator->firstProblem();
}

void ActionDialog::accept()
{
    // Enter in a field must not get past an invalid form, nor send twice.
    if (m_sending || !m_validator->validate())
        return;
    if (!m_sender) {
        QDialog::accept();
        return;
    }
    setSending();
    m_sender();
}

void ActionDialog::setSending()
{
    m_sending = true;
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    m_message->setText(tr("Sending to the database…"));
    m_message->setVisible(true);
}

void ActionDialog::succeeded()
{
    m_sending = false;
    QDialog::accept();
}

void ActionDialog::notSent()
{
    m_sending = false;
    m_validator->validate();
}

void ActionDialog::refused(const QString &message, const DbError &error)
{
    m_sending = false;
    m_validator->validate(); // OK again: the user may change a value, or try again as it is
    m_validator->showProblem(m_columns.value(error.constraint), message);
}

void ActionDialog::setFieldColumn(QWidget *field, const QString &column)
{
    m_columns.insert(column, field);
}

void ActionDialog::markPending(const QList<QWidget *> &fields)
{
    if (fields.isEmpty())
        return;
    m_pending = fields;
    for (QWidget *field : fields) {
        QFont font = field->font();
        font.setItalic(true);
        field->setFont(font);
    }
    auto *note = new QLabel(tr("%n field(s) in italics show your pending changes, not applied "
                               "yet: saving applies them.",
                               nullptr, int(fields.size())),
                            this);
    note->setObjectName(QStringLiteral("pendingNote"));
    note->setWordWrap(true);
    if (auto *box = qobject_cast<QBoxLayout *>(layout()))
        box->insertWidget(box->indexOf(m_message), note);
    m_validator->validate();
}

void ActionDialog::fillCities(QComboBox *box, const QString &current)
{
    box->addItems(Cities::names());
    if (!current.isEmpty()) {
        if (box->findText(current) < 0)
            box->addItem(current); // shown as it is, and refused by validation
        box->setCurrentText(current);
    }
}
