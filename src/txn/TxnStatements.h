#pragma once

#include "pg/ServerInfo.h"
#include "txn/Transaction.h"

#include <QList>
#include <QString>

// One statement as the transaction runner sends it: a protocol statement or a body's.
struct TxnStatement
{
    enum class Kind {
        Begin,
        Savepoint,
        RollbackToSavepoint,
        Rollback,
        Body,
        Injected,
        Release,
        Commit,
        Verify,
        Housekeeping
    };
    QString sql;
    SqlParams params;
    Kind kind = Kind::Body;
};

// How an attempt begins (RestartStrategy decides which).
enum class TxnStart {
    Fresh,             // BEGIN ... (nothing open)
    RestartSavepoint,  // ROLLBACK TO SAVEPOINT cockroach_restart (same transaction)
    RollbackThenBegin, // ROLLBACK, then BEGIN ... in the same pipeline
};

// The statement texts of the retry protocol (ARCHITECTURE.md "Retrying transactions"), per
// server flavor. Pure: no connection.
//
// Both flavors pin SERIALIZABLE: the preconditions inside the MovR statements (UPDATE ...
// WHERE status = 'available', CTEs hanging every write on one precondition row) are only
// sound under it. A bare BEGIN takes default_transaction_isolation, which a role or a
// database may set to READ COMMITTED (ALTER ROLE/DATABASE ... SET), and CockroachDB runs READ
// COMMITTED as such since v24.1 (sql.txn.read_committed_isolation.enabled is on by default;
// https://www.cockroachlabs.com/docs/stable/read-committed "Enable READ COMMITTED
// isolation"). SERIALIZABLE is CockroachDB's strongest level and its default; the cluster
// setting only upgrades weaker levels, it never weakens an explicit SERIALIZABLE. CockroachDB
// takes PostgreSQL's BEGIN TRANSACTION ISOLATION LEVEL syntax (the Read Committed RFC,
// docs/RFCS/20230122_read_committed_isolation.md, uses exactly that form).
class TxnStatements
{
public:
    static QList<TxnStatement> start(ServerFlavor flavor, TxnStart start);
    static QList<TxnStatement> commit(ServerFlavor flavor);

    // The synthetic retry error the runner raises on PostgreSQL (QA injection).
    static QString injectedError();
    // CockroachDB's own fault injection, sent by the edit worker on its connection.
    static QString setInjectRetryErrors(bool on);
    static QString setInjectRetryErrorsOnCommit(bool on);

    // What the first attempt of `body` sends, in order, protocol statements included (the
    // Preview before Apply). Interactive bodies contribute body.preview.
    static QList<Statement> planned(const TransactionBody &body, ServerFlavor flavor,
                                    const RetryPolicy &policy);
};
