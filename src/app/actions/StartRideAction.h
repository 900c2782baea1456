#pragma once

#include "EditAction.h"

#include <QCoreApplication>

class StartRideAction : public EditAction
{
    // The strings were EditController's: translations keep their context.
    Q_DECLARE_TR_FUNCTIONS(EditController)

public:
    MovrOperation operation() const override { return MovrOperation::StartRide; }
    QString text() const override { return tr("&Start ride…"); }
    QKeySequence shortcut() const override
    {
        return QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R);
    }
    void trigger(ActionContext &context) override;
};
