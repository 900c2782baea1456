#pragma once

#include "EditAction.h"

#include <QCoreApplication>

class SetVehicleStatusAction : public EditAction
{
    // The strings were EditController's: translations keep their context.
    Q_DECLARE_TR_FUNCTIONS(EditController)

public:
    MovrOperation operation() const override { return MovrOperation::SetVehicleStatus; }
    QString text() const override { return tr("Set vehicle s&tatus…"); }
    QKeySequence shortcut() const override
    {
        return QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T);
    }
    void trigger(ActionContext &context) override;
};
