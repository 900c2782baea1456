#pragma once

// The dialogs of the MovR operations (forms in ui/*.ui) derive from ActionDialog. Each one
// validates as the user types: every field is checked by Validation and marked when wrong,
// and a last rule asks Operations itself to build the transaction body, so that no business
// rule is written twice; OK stays disabled until the body can be built. body() is what the
// edit worker runs.

#include "pg/DbError.h"

#include "RowPicker.h"
#include <QDialog>
#include <QHash>
#include <QLineEdit>
#include <QPointer>

#include <functional>

class BrowseWorker;
class FormValidator;
class QFormLayout;
class QToolButton;
class QComboBox;
class QDialogButtonBox;
class QLabel;

// What every action dialog shares: the validator, OK only when valid; and, once a sender is
// set (the Actions menu does), OK sends without closing: the dialog waits for the outcome,
// closes on success, and on a refusal stays open with every value kept, the reason shown and
// the field at fault marked.
class ActionDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ActionDialog(QWidget *parent = nullptr);
    ~ActionDialog() override;
    FormValidator *validator() const { return m_validator; }
    // The first problem, or empty when OK is enabled.
    QString problem() const;
    // Valid: closes (Accepted), or, with a sender, sends and waits.
    void accept() override;

    // Called by accept() once the form is valid, instead of closing.
    void setSender(std::function<void()> sender) { m_sender = std::move(sender); }
    // Sent, waiting for the outcome: OK disabled, the message line says so.
    void setSending();
    bool isSending() const { return m_sending; }
    // The edit is done: closes, Accepted.
    void succeeded();
    // Not sent after all (the preview was cancelled): OK again, nothing shown.
    void notSent();
    // Refused or failed: stays open, the values kept, `message` (one sentence) on the message
    // line, and the field named by the error's column (DbError::constraint) marked.
    void refused(const QString &message, const DbError &error);
    // The field shown as at fault when a refusal names `column`.
    void setFieldColumn(QWidget *field, const QString &column);
    QLabel *messageLabel() const { return m_message; }
    // The fields showing a pending inline edit (italic), and a note above the message line.
    QList<QWidget *> pendingFields() const { return m_pending; }

    // Enables every "Find…" (addFind()): searches run on this browse worker.
    void setRowSource(BrowseWorker *worker);
    // The picker a "Find…" opened, while it shows.
    RowPicker *openPicker() const { return m_picker; }

protected:
    void markPending(const QList<QWidget *> &fields);
    // "Find…" beside `field` (a row of `form`): opens the picker `makePicker` builds (without
    // blocking), searching for what is typed in the field unless it is a whole id; the
    // chosen row's `column` fills in the field, and `chosen` (if any) sees the picker.
    using PickerFactory = std::function<RowPicker *(BrowseWorker *worker)>;
    QToolButton *addFind(QFormLayout *form, QLineEdit *field, const QString &column,
                         PickerFactory makePicker, std::function<void(RowPicker *)> chosen = {});
    // A field that takes an id, or text to find one with "Find…": "" when it holds a whole
    // id, `notWhole` when it holds something else and Find… is offered, else `invalid`.
    QString idOrFind(const QLineEdit *field, const QString &invalid, const QString &notWhole) const;

protected:
    void setUpValidation(QDialogButtonBox *buttons, QLabel *message);
    static void fillCities(QComboBox *box, const QString &current);
    static QString trimmed(const QLineEdit *edit) { return edit->text().trimmed(); }
    // A body-building rule: the operation's own validation, worded for the message line.
    template <typename BodyFunction> static std::function<QString()> bodyRule(BodyFunction body)
    {
        return [body] {
            const auto built = body();
            return built ? QString() : built.error().message;
        };
    }
    // First shown as tall as its fields need (the .ui sizes are only a starting width):
    // no blank band above the buttons.
    void showEvent(QShowEvent *event) override;

private:
    FormValidator *m_validator = nullptr;
    QLabel *m_message = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    std::function<void()> m_sender;
    QHash<QString, QWidget *> m_columns;
    QList<QWidget *> m_pending;
    BrowseWorker *m_rows = nullptr;
    QList<QToolButton *> m_finds;
    QPointer<RowPicker> m_picker;
    bool m_sending = false;
    bool m_fitted = false;
};
