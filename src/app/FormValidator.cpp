#include "FormValidator.h"

#include "Theme.h"
#include "models/SemanticColors.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSpinBox>

namespace {
const char InvalidProperty[] = "invalidInput";
}

FormValidator::FormValidator(QAbstractButton *okButton, QLabel *message, QObject *parent)
    : QObject(parent), m_ok(okButton), m_message(message)
{
    if (QWidget *watched = m_message ? static_cast<QWidget *>(m_message) : m_ok.data())
        watched->installEventFilter(this);
    applyColors();
}

bool FormValidator::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        applyColors();
    return QObject::eventFilter(watched, event);
}

void FormValidator::applyColors()
{
    QWidget *reference = m_message ? static_cast<QWidget *>(m_message) : m_ok.data();
    const QPalette palette =
        reference ? reference->palette() : SemanticColors::applicationPalette();
    const QColor error = SemanticColors::foreground(SemanticColors::Role::Error, palette);
    // Only when different: setting a palette or style sheet sends PaletteChange again.
    if (m_message && m_message->palette().color(QPalette::WindowText) != error)
        Theme::setTextColor(m_message, error);
    const QString frame = QStringLiteral("border: 1px solid %1;").arg(error.name());
    for (const Field &field : m_fields) {
        if (!field.widget)
            continue;
        const QString wanted = field.widget->property(InvalidProperty).toBool() ? frame : QString();
        if (field.widget->styleSheet() != wanted)
            field.widget->setStyleSheet(wanted);
    }
}

void FormValidator::addField(QWidget *field, Check check)
{
    m_fields.push_back({field, std::move(check)});
    const auto revalidate = [this] { validate(); };
    if (auto *edit = qobject_cast<QLineEdit *>(field))
        connect(edit, &QLineEdit::textChanged, this, revalidate);
    else if (auto *combo = qobject_cast<QComboBox *>(field)) {
        connect(combo, &QComboBox::currentIndexChanged, this, revalidate);
        connect(combo, &QComboBox::editTextChanged, this, revalidate);
    } else if (auto *spin = qobject_cast<QSpinBox *>(field))
        connect(spin, &QSpinBox::valueChanged, this, revalidate);
    else if (auto *doubleSpin = qobject_cast<QDoubleSpinBox *>(field))
        connect(doubleSpin, &QDoubleSpinBox::valueChanged, this, revalidate);
    else if (auto *text = qobject_cast<QPlainTextEdit *>(field))
        connect(text, &QPlainTextEdit::textChanged, this, revalidate);
    else if (auto *dateTime = qobject_cast<QDateTimeEdit *>(field))
        connect(dateTime, &QDateTimeEdit::dateTimeChanged, this, revalidate);
    else if (auto *check = qobject_cast<QCheckBox *>(field))
        connect(check, &QCheckBox::toggled, this, revalidate);
}

void FormValidator::addRule(Check check)
{
    m_rules.push_back(std::move(check));
}

void FormValidator::focusFirstProblem()
{
    QWidget *first = nullptr;
    for (const Field &field : m_fields) {
        if (!field.widget || !field.widget->isEnabled())
            continue;
        if (auto *edit = qobject_cast<QLineEdit *>(field.widget.data()); edit && edit->isReadOnly())
            continue;
        if (!first)
            first = field.widget;
        if (field.widget->property(InvalidProperty).toBool()) {
            first = field.widget;
            break;
        }
    }
    if (first)
        first->setFocus(Qt::OtherFocusReason);
}

void FormValidator::showProblem(QWidget *field, const QString &message)
{
    if (field) {
        field->setProperty(InvalidProperty, true);
        field->setToolTip(message);
        applyColors();
        field->setFocus(Qt::OtherFocusReason);
    }
    if (m_message) {
        m_message->setText(message);
        m_message->setVisible(true);
    }
}

bool FormValidator::validate()
{
    m_problem.clear();
    bool colorsChanged = false;
    for (const Field &field : m_fields) {
        if (!field.widget)
            continue;
        const QString problem = field.widget->isEnabled() ? field.check() : QString();
        const bool invalid = !problem.isEmpty();
        if (field.widget->property(InvalidProperty).toBool() != invalid) {
            field.widget->setProperty(InvalidProperty, invalid);
            colorsChanged = true;
        }
        if (invalid) {
            field.widget->setToolTip(problem);
            if (m_problem.isEmpty())
                m_problem = problem;
        } else {
            field.widget->setToolTip(QString());
        }
    }
    if (colorsChanged)
        applyColors(); // a frame in the error colour on the field; removed when it is valid
    for (const Check &rule : m_rules) {
        if (!m_problem.isEmpty())
            break;
        m_problem = rule();
    }
    const bool valid = m_problem.isEmpty();
    if (m_ok)
        m_ok->setEnabled(valid);
    if (m_message) {
        // Checks word their reason for use inside sentences; the message line is one.
        QString shown = m_problem;
        if (!shown.isEmpty())
            shown[0] = shown.at(0).toUpper();
        m_message->setText(shown);
        m_message->setVisible(!valid);
    }
    if (valid != m_valid) {
        m_valid = valid;
        Q_EMIT validityChanged(valid);
    }
    return valid;
}
