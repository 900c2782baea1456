#pragma once

#include <QObject>
#include <QPointer>

#include <functional>
#include <vector>

class QAbstractButton;
class QLabel;
class QWidget;

// Validates a dialog's fields as the user types: each field has a check returning "" or
// one line saying what is wrong. The first problem is shown in the message label (and the
// field is marked with a frame), and the OK button stays disabled until every field is valid.
// The message and the frames use the error colour of the palette in use (light or dark).
class FormValidator : public QObject
{
    Q_OBJECT

public:
    using Check = std::function<QString()>;

    FormValidator(QAbstractButton *okButton, QLabel *message, QObject *parent);

    // Re-validates when `field` changes (QLineEdit, QComboBox, QSpinBox, QPlainTextEdit,
    // QDateTimeEdit, QCheckBox are watched).
    void addField(QWidget *field, Check check);
    // A check across fields (e.g. "the brand is only for bikes").
    void addRule(Check check);

    // Runs every check; true when all pass.
    bool validate();
    // Puts the keyboard focus on the first field that is wrong (or the first field), so that
    // a dialog opens where the user has to type.
    void focusFirstProblem();
    QString firstProblem() const { return m_problem; }
    // A problem found elsewhere (the server refused the values): shown on the message line,
    // `field` (if any) marked and focused, until the next validation (any change). OK stays
    // as it is: the user may try again.
    void showProblem(QWidget *field, const QString &message);

Q_SIGNALS:
    void validityChanged(bool valid);

protected:
    // Palette changes of the message label (or the OK button): colours follow.
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    // The message and the frames of invalid fields in the palette's error colour.
    void applyColors();

    struct Field
    {
        QPointer<QWidget> widget;
        Check check;
    };
    std::vector<Field> m_fields;
    std::vector<Check> m_rules;
    QPointer<QAbstractButton> m_ok;
    QPointer<QLabel> m_message;
    QString m_problem;
    bool m_valid = false;
};
