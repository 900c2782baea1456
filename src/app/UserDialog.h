#pragma once

#include "ActionDialog.h"
#include "movr/Operations.h"

#include <memory>

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

private:
    // The card number as it is stored: typed groups ("4111 1111 …", "4111-1111-…") joined.
    QString creditCard() const;

    std::unique_ptr<Ui::UserDialog> m_ui;
    Mode m_mode;
    Values m_initial;
};
