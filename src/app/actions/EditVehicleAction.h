#pragma once

#include "EditAction.h"

#include <QCoreApplication>

class EditVehicleAction : public EditAction
{
    // The strings were EditController's: translations keep their context.
    Q_DECLARE_TR_FUNCTIONS(EditController)

public:
    MovrOperation operation() const override { return MovrOperation::EditVehicle; }
    QString text() const override { return tr("Ed&it vehicle…"); }
    void trigger(ActionContext &context) override;
};
