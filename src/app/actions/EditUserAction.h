#pragma once

#include "EditAction.h"

#include <QCoreApplication>

class EditUserAction : public EditAction
{
    // The strings were EditController's: translations keep their context.
    Q_DECLARE_TR_FUNCTIONS(EditController)

public:
    MovrOperation operation() const override { return MovrOperation::EditUser; }
    QString text() const override { return tr("E&dit user…"); }
    void trigger(ActionContext &context) override;
};
