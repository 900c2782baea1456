#pragma once

#include "Privileges.h"
#include "StatementPrivileges.h"
#include "pg/Result.h"
#include "txn/Transaction.h"

#include <QList>
#include <QString>

// The rows an operation is built for. The defaults are well-formed placeholders: enough to
// build the statements (their text does not depend on the values); a test passes rows that
// exist so that the operation also succeeds.
struct OperationSample
{
    QString city = QStringLiteral("new york");
    QString userId = QStringLiteral("00000000-0000-4000-8000-000000000001");    // no references
    QString vehicleId = QStringLiteral("00000000-0000-4000-8000-000000000002"); // available
    QString activeRideId = QStringLiteral("00000000-0000-4000-8000-000000000003");
    QString promoCode = QStringLiteral("sample_code"); // unexpired, not held by the user
    QString newPromoCode = QStringLiteral("sample_new_code");
};

// What each MovR operation sends, taken from the operation builders themselves (Operations),
// so that a change to a statement changes the privileges it is said to need.
class OperationStatements
{
public:
    // The transaction bodies the operation's builder returns for `sample` (one, or one per
    // chunk for SetVehicleStatus).
    static Result<QList<TransactionBody>> bodies(MovrOperation operation,
                                                 const OperationSample &sample = {});
    // Every statement the operation may send: the bodies' statements, then their
    // ambiguous-commit verifications.
    static QList<Statement> statements(MovrOperation operation);
    // The privileges those statements need (StatementPrivileges), each (table, privilege)
    // once, in the order the statements mention them. Computed once per process.
    static const QList<PrivilegeUse> &privileges(MovrOperation operation);

    static QList<MovrOperation> all();
};
