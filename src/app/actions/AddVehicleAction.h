#pragma once

#include "EditAction.h"

#include <QCoreApplication>

class AddVehicleAction : public EditAction
{
    // The strings were EditController's: translations keep their context.
    Q_DECLARE_TR_FUNCTIONS(EditController)

public:
    MovrOperation operation() const override { return MovrOperation::AddVehicle; }
    QString text() const override { return tr("Add &vehicle…"); }
    QKeySequence shortcut() const override
    {
        return QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V);
    }
    void trigger(ActionContext &context) override;
};
