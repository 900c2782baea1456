#pragma once

#include "EditAction.h"

#include <QCoreApplication>

class AddUserAction : public EditAction
{
    // The strings were EditController's: translations keep their context.
    Q_DECLARE_TR_FUNCTIONS(EditController)

public:
    MovrOperation operation() const override { return MovrOperation::AddUser; }
    QString text() const override { return tr("Add &user…"); }
    QKeySequence shortcut() const override
    {
        return QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U);
    }
    void trigger(ActionContext &context) override;
};
