#include "RestartStrategy.h"

#include <algorithm>

RestartStrategy::Decision RestartStrategy::afterFailure(const Situation &situation)
{
    const bool cockroach = situation.flavor == ServerFlavor::CockroachDB;
    if (!situation.transactionOpen) {
        // Nothing to restart from (lost connection, or the server ended the transaction).
        return {TxnStart::Fresh, situation.failedAttempt > 1};
    }
    if (cockroach && situation.serverInjects) {
        // Stay in the one transaction whose injection count runs out.
        return {TxnStart::RestartSavepoint, false};
    }
    if (situation.failedAttempt == 1)
        return {cockroach ? TxnStart::RestartSavepoint : TxnStart::RollbackThenBegin, false};
    return {TxnStart::Fresh, true};
}

int RestartStrategy::attemptCap(int policyMaxAttempts, ServerFlavor flavor, bool serverInjects)
{
    const int cap = std::max(1, policyMaxAttempts);
    if (flavor == ServerFlavor::CockroachDB && serverInjects)
        return std::max(cap, cockroachInjectedErrors + 1);
    return cap;
}

bool RestartStrategy::serverInjects(ServerFlavor flavor, const RetryPolicy &policy)
{
    return flavor == ServerFlavor::CockroachDB && policy.injectRetryErrors;
}

bool RestartStrategy::isInjectedByServer(const DbError &error)
{
    // "restart transaction: TransactionRetryWithProtoRefreshError: injected by
    // `inject_retry_errors_enabled` session variable" (and ..._on_commit_enabled).
    return error.message.contains(QLatin1String("injected by `inject_retry_errors_"));
}
