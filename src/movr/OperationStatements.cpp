#include "OperationStatements.h"

#include "Operations.h"

#include <QHash>

#include <algorithm>

namespace {

Result<QList<TransactionBody>> one(Result<TransactionBody> body)
{
    if (!body)
        return body.error();
    return QList<TransactionBody>{*body};
}

} // namespace

QList<MovrOperation> OperationStatements::all()
{
    QList<MovrOperation> operations;
    for (int op = int(MovrOperation::StartRide); op <= int(MovrOperation::RecordLocation); ++op)
        operations.append(MovrOperation(op));
    return operations;
}

Result<QList<TransactionBody>> OperationStatements::bodies(MovrOperation operation,
                                                           const OperationSample &sample)
{
    switch (operation) {
    case MovrOperation::StartRide:
        return one(Operations::startRide({sample.city, sample.userId, sample.vehicleId}));
    case MovrOperation::EndRide:
        return one(
            Operations::endRide({sample.city, sample.activeRideId, QStringLiteral("12.50")}));
    case MovrOperation::AddVehicle: {
        AddVehicleInput input;
        input.city = sample.city;
        input.type = QStringLiteral("scooter");
        input.ownerId = sample.userId;
        input.currentLocation = QStringLiteral("1 Sample Street");
        return one(Operations::addVehicle(input));
    }
    case MovrOperation::EditVehicle: {
        EditVehicleInput input(sample.city, sample.vehicleId);
        input.type = QStringLiteral("bike");
        input.ownerId = sample.userId;
        input.currentLocation = QStringLiteral("2 Sample Street");
        input.ext = QStringLiteral("{\"color\": \"red\"}");
        return one(Operations::editVehicle(input));
    }
    case MovrOperation::SetVehicleStatus: {
        auto bodies =
            Operations::setVehicleStatus({sample.city, {sample.vehicleId}, QStringLiteral("lost")});
        if (!bodies)
            return bodies.error();
        return *bodies;
    }
    case MovrOperation::RetireVehicle:
        return one(Operations::retireVehicle(sample.city, sample.vehicleId));
    case MovrOperation::AddUser: {
        AddUserInput input;
        input.city = sample.city;
        input.name = QStringLiteral("Sample Rider");
        input.address = QStringLiteral("3 Sample Street");
        input.creditCard = QStringLiteral("4111111111111111");
        return one(Operations::addUser(input));
    }
    case MovrOperation::EditUser: {
        EditUserInput input(sample.city, sample.userId);
        input.name = QStringLiteral("Sample Rider Renamed");
        input.address = QStringLiteral("4 Sample Street");
        input.creditCard = QStringLiteral("4111111111111111");
        return one(Operations::editUser(input));
    }
    case MovrOperation::DeleteUser:
        return one(Operations::deleteUser(sample.city, sample.userId));
    case MovrOperation::CreatePromoCode: {
        CreatePromoCodeInput input;
        input.code = sample.newPromoCode;
        input.description = QStringLiteral("Sample promo code");
        return one(Operations::createPromoCode(input));
    }
    case MovrOperation::ApplyPromoCode:
        return one(Operations::applyPromoCode({sample.city, sample.userId, sample.promoCode}));
    case MovrOperation::RecordLocation:
        return one(Operations::recordLocation({sample.city, sample.activeRideId, 40.75, -73.99}));
    }
    return DbError::make(ErrorClass::InvalidInput, QStringLiteral("unknown operation"));
}

QList<Statement> OperationStatements::statements(MovrOperation operation)
{
    const auto built = bodies(operation);
    if (!built) {
        // A bug (tst_privileges fails on it); the server keeps the last word meanwhile.
        qWarning("the sample input of operation %d is refused: %s", int(operation),
                 qPrintable(built.error().message));
        return {};
    }
    QList<Statement> statements;
    for (const TransactionBody &body : *built) {
        statements += body.statements;
        statements += body.preview; // interactive bodies
    }
    for (const TransactionBody &body : *built) {
        if (!body.verify.sql.isEmpty())
            statements.append(body.verify);
    }
    return statements;
}

const QList<PrivilegeUse> &OperationStatements::privileges(MovrOperation operation)
{
    static const QHash<int, QList<PrivilegeUse>> table = [] {
        QHash<int, QList<PrivilegeUse>> result;
        for (MovrOperation op : all()) {
            QList<PrivilegeUse> uses;
            for (const Statement &statement : statements(op)) {
                for (const PrivilegeUse &use : StatementPrivileges::analyze(statement.sql)) {
                    auto same = std::find_if(uses.begin(), uses.end(), [&](const PrivilegeUse &u) {
                        return u.requirement == use.requirement;
                    });
                    if (same == uses.end())
                        uses.append(use);
                    else if (!same->neededOnPostgres())
                        same->reason = use.reason;
                }
            }
            result.insert(int(op), uses);
        }
        return result;
    }();
    static const QList<PrivilegeUse> none;
    const auto found = table.constFind(int(operation));
    return found == table.constEnd() ? none : *found;
}
