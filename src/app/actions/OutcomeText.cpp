#include "OutcomeText.h"

QString OutcomeText::describe(const EditReply &reply)
{
    const Outcome &outcome = reply.outcome;
    const QString attempts =
        outcome.attempts > 1 ? tr(" after %1 attempts").arg(outcome.attempts) : QString();
    switch (outcome.state) {
    case Outcome::State::Committed:
        return outcome.wasAmbiguous
                   ? tr("%1: committed (confirmed after the connection was lost)%2")
                         .arg(reply.action, attempts)
                   : tr("%1: done%2").arg(reply.action, attempts);
    case Outcome::State::NotCommitted:
        return tr("%1: not done, nothing was changed: %2")
            .arg(reply.action, outcome.error ? outcome.error->toString() : tr("unknown reason"));
    case Outcome::State::Unknown:
        return tr("%1: unknown whether it was committed. Check with: %2")
            .arg(reply.action, outcome.howToCheck);
    }
    return {};
}
