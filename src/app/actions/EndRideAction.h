#pragma once

#include "EditAction.h"

#include <QCoreApplication>

class EndRideAction : public EditAction
{
    // The strings were EditController's: translations keep their context.
    Q_DECLARE_TR_FUNCTIONS(EditController)

public:
    MovrOperation operation() const override { return MovrOperation::EndRide; }
    QString text() const override { return tr("&End ride…"); }
    QKeySequence shortcut() const override
    {
        return QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E);
    }
    void trigger(ActionContext &context) override;
};
