#include "DialogSending.h"

#include "ActionContext.h"
#include "ActionDialog.h"
#include "OutcomeText.h"

#include <QPointer>

namespace {

void sendFrom(QPointer<ActionDialog> dialog, ActionContext &context, QList<Submission> items,
              qsizetype index)
{
    const Submission item = items.at(index);
    context.send(item.body, item.touched,
                 [dialog, &context, items, index](const EditReply *reply) -> bool {
                     if (!dialog)
                         return false; // closed meanwhile: the window shows the outcome
                     if (!reply) {
                         dialog->notSent();
                         return true;
                     }
                     switch (reply->outcome.state) {
                     case Outcome::State::Committed:
                         if (items.at(index).committed)
                             items.at(index).committed();
                         if (index + 1 < items.size())
                             sendFrom(dialog, context, items, index + 1);
                         else
                             dialog->succeeded();
                         return false; // the status bar says "done"
                     case Outcome::State::NotCommitted:
                         dialog->refused(OutcomeText::describe(*reply),
                                         reply->outcome.error.value_or(DbError{}));
                         return true;
                     case Outcome::State::Unknown:
                         dialog->reject();
                         return false;
                     }
                     return false;
                 });
}

} // namespace

void DialogSending::open(ActionDialog *dialog, ActionContext &context, Build build)
{
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QPointer<ActionDialog> guard(dialog);
    dialog->setSender([guard, &context, build] {
        const QList<Submission> items = build();
        if (items.isEmpty()) {
            guard->notSent();
            return;
        }
        sendFrom(guard, context, items, 0);
    });
    dialog->open();
}
