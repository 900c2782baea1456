#pragma once

#include "worker/EditRequest.h"

#include <QCoreApplication>

// How an edit's outcome reads in the status bar, a message or the action's dialog.
class OutcomeText
{
    // The strings were EditController's: translations keep their context.
    Q_DECLARE_TR_FUNCTIONS(EditController)

public:
    static QString describe(const EditReply &reply);
};
