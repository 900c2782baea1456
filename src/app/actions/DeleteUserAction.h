#pragma once

#include "EditAction.h"

#include <QCoreApplication>

class DeleteUserAction : public EditAction
{
    // The strings were EditController's: translations keep their context.
    Q_DECLARE_TR_FUNCTIONS(EditController)

public:
    MovrOperation operation() const override { return MovrOperation::DeleteUser; }
    QString text() const override { return tr("De&lete user"); }
    bool endsGroup() const override { return true; }
    void trigger(ActionContext &context) override;
};
