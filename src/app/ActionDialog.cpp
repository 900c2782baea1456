#include "ActionDialog.h"

#include "FormValidator.h"
#include "movr/Cities.h"
#include "movr/Validation.h"

#include <QBoxLayout>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QToolButton>

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

void ActionDialog::setRowSource(BrowseWorker *worker)
{
    m_rows = worker;
    for (QToolButton *find : m_finds)
        find->setEnabled(worker != nullptr);
    m_validator->validate();
}

QToolButton *ActionDialog::addFind(QFormLayout *form, QLineEdit *field, const QString &column,
                                   PickerFactory makePicker,
                                   std::function<void(RowPicker *)> chosen)
{
    int row = -1;
    QFormLayout::ItemRole role;
    form->getWidgetPosition(field, &row, &role);
    auto *container = new QWidget(this);
    auto *box = new QHBoxLayout(container);
    box->setContentsMargins(0, 0, 0, 0);
    form->removeWidget(field);
    box->addWidget(field);
    auto *find = new QToolButton(container);
    find->setObjectName(field->objectName() + QStringLiteral("Find"));
    find->setText(tr("Find…"));
    find->setEnabled(m_rows != nullptr);
    box->addWidget(find);
    form->setWidget(row, QFormLayout::FieldRole, container);
    m_finds.append(find);
    connect(find, &QToolButton::clicked, this, [=, this] {
        if (!m_rows || m_picker)
            return;
        // Not exec(): the picker's pages arrive from the browse worker while it shows.
        m_picker = makePicker(m_rows);
        m_picker->setAttribute(Qt::WA_DeleteOnClose);
        const QString typed = trimmed(field);
        if (!typed.isEmpty() && Validation::normalizedUuid(typed).isEmpty())
            m_picker->startWith(typed);
        RowPicker *picker = m_picker;
        connect(picker, &QDialog::accepted, this, [=] {
            const QString value = picker->selectedValue(column);
            if (value.isEmpty())
                return;
            field->setText(value);
            field->setToolTip(picker->selectedName());
            if (chosen)
                chosen(picker);
        });
        m_picker->open();
    });
    return find;
}

QString ActionDialog::idOrFind(const QLineEdit *field, const QString &invalid,
                               const QString &notWhole) const
{
    const QString typed = trimmed(field);
    if (!Validation::normalizedUuid(typed).isEmpty())
        return {};
    return m_rows && !typed.isEmpty() ? notWhole : invalid;
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
