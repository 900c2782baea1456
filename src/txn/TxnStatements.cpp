#include "TxnStatements.h"

namespace {

const QString restartSavepoint = QStringLiteral("cockroach_restart");

} // namespace

QList<TxnStatement> TxnStatements::start(ServerFlavor flavor, TxnStart start)
{
    using Kind = TxnStatement::Kind;
    QList<TxnStatement> items;
    switch (start) {
    case TxnStart::RestartSavepoint:
        items.append({QStringLiteral("ROLLBACK TO SAVEPOINT ") + restartSavepoint,
                      {},
                      Kind::RollbackToSavepoint});
        return items;
    case TxnStart::RollbackThenBegin:
        items.append({QStringLiteral("ROLLBACK"), {}, Kind::Rollback});
        break;
    case TxnStart::Fresh:
        break;
    }
    if (flavor == ServerFlavor::CockroachDB) {
        items.append(
            {QStringLiteral("BEGIN TRANSACTION ISOLATION LEVEL SERIALIZABLE"), {}, Kind::Begin});
        items.append({QStringLiteral("SAVEPOINT ") + restartSavepoint, {}, Kind::Savepoint});
    } else {
        items.append({QStringLiteral("BEGIN ISOLATION LEVEL SERIALIZABLE"), {}, Kind::Begin});
    }
    return items;
}

QList<TxnStatement> TxnStatements::commit(ServerFlavor flavor)
{
    using Kind = TxnStatement::Kind;
    QList<TxnStatement> items;
    if (flavor == ServerFlavor::CockroachDB)
        items.append({QStringLiteral("RELEASE SAVEPOINT ") + restartSavepoint, {}, Kind::Release});
    items.append({QStringLiteral("COMMIT"), {}, Kind::Commit});
    return items;
}

QString TxnStatements::injectedError()
{
    return QStringLiteral("DO $$BEGIN RAISE EXCEPTION 'injected by MovR Admin (QA)' USING ERRCODE "
                          "= '40001'; END$$");
}

QString TxnStatements::setInjectRetryErrors(bool on)
{
    return on ? QStringLiteral("SET inject_retry_errors_enabled = true")
              : QStringLiteral("SET inject_retry_errors_enabled = false");
}

QString TxnStatements::setInjectRetryErrorsOnCommit(bool on)
{
    return on ? QStringLiteral("SET inject_retry_errors_on_commit_enabled = true")
              : QStringLiteral("SET inject_retry_errors_on_commit_enabled = false");
}

QList<Statement> TxnStatements::planned(const TransactionBody &body, ServerFlavor flavor,
                                        const RetryPolicy &policy)
{
    // On CockroachDB the server injects (session variables), not the body.
    const bool postgres = flavor == ServerFlavor::PostgreSQL;
    QList<Statement> planned;
    for (const TxnStatement &item : start(flavor, TxnStart::Fresh))
        planned.append({item.sql, item.params});
    const QList<Statement> &statements = body.interactive ? body.preview : body.statements;
    for (qsizetype i = 0; i < statements.size(); ++i) {
        planned.append(statements.at(i));
        if (i == 0 && policy.injectRetryErrors && postgres)
            planned.append({injectedError(), {}});
    }
    if (policy.injectRetryErrorsOnCommit && postgres)
        planned.append({injectedError(), {}});
    for (const TxnStatement &item : commit(flavor))
        planned.append({item.sql, item.params});
    return planned;
}
