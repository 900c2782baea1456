#pragma once

#include "ActionDialog.h"
#include "movr/Operations.h"

#include <QHash>

#include <memory>

class QAbstractButton;

namespace Ui {
class UserDialog;
}

class UserDialog : public ActionDialog
{
    Q_OBJECT
public:
    enum class Mode { Add, Edit };
    struct Values
    {
        QString id;
        QString city;
        QString name;
        QString address;
        QString creditCard;
    };
    UserDialog(Mode mode, const Values &initial, QWidget *parent = nullptr);
    ~UserDialog() override;
    AddUserInput addInput() const;
    EditUserInput editInput() const;
    Result<TransactionBody> body() const;
    // Shows the values of pending inline edits (column -> value) in place of the stored ones,
    // marked as not applied yet; saving applies them with the rest.
    void showPending(const QHash<QString, QString> &pending);
    // The card number shows masked unless revealed (the "Reveal" toggle beside it).
    void setCardRevealed(bool revealed);
    bool isCardRevealed() const;

private:
    // The card number as it is stored: typed groups ("4111 1111 …", "4111-1111-…") joined.
    QString creditCard() const;

    std::unique_ptr<Ui::UserDialog> m_ui;
    Mode m_mode;
    Values m_initial;
    QAbstractButton *m_reveal = nullptr;
};
