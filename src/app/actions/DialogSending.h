#pragma once

#include "Touched.h"
#include "txn/Transaction.h"

#include <QList>

#include <functional>

class ActionContext;
class ActionDialog;

// One transaction an action's dialog sends, and the rows it touches.
struct Submission
{
    TransactionBody body;
    Touched touched;
    std::function<void()> committed = {}; // runs once it committed
};

// Runs an action's dialog without blocking: it opens window-modal; OK (once valid) sends what
// `build` returns, in order, each after the previous one committed; the dialog closes when
// all committed, and stays open on a refusal or failure with its values, the reason and the
// field at fault. An undecided outcome (unknown whether committed) closes it: the window's
// message says how to check.
class DialogSending
{
public:
    using Build = std::function<QList<Submission>()>;
    static void open(ActionDialog *dialog, ActionContext &context, Build build);
};
