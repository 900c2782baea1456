#include "OperationSupport.h"

#include "Operations.h"

namespace OperationSupport {

DbError invalid(const QString &reason)
{
    return DbError::make(ErrorClass::InvalidInput, reason);
}

Status refuse(const QString &reason)
{
    return DbError::make(ErrorClass::Constraint, reason);
}

Status refuse(const QString &reason, const char *column)
{
    DbError error = DbError::make(ErrorClass::Constraint, reason);
    error.constraint = QLatin1String(column);
    return error;
}

std::optional<QString> firstProblem(std::initializer_list<QString> reasons)
{
    for (const QString &reason : reasons) {
        if (!reason.isEmpty())
            return reason;
    }
    return std::nullopt;
}

Status unexpectedReply()
{
    return DbError::make(ErrorClass::Other,
                         Operations::tr("the server's reply has an unexpected shape"));
}

QString vehicleNotAvailable(const QString &status)
{
    if (status == QLatin1String("in_use"))
        return Operations::tr("the vehicle is in use");
    if (status == QLatin1String("lost"))
        return Operations::tr("the vehicle is reported lost");
    if (status == QLatin1String("retired"))
        return Operations::tr("the vehicle is retired");
    return Operations::tr("the vehicle is not available (status \"%1\")").arg(status);
}

QString notInCity(Entity entity, const QString &city, const QString &otherCity)
{
    const bool elsewhere = !otherCity.isEmpty();
    switch (entity) {
    case Entity::Vehicle:
        return elsewhere
                   ? Operations::tr("the vehicle is not in %1 (it is in %2)").arg(city, otherCity)
                   : Operations::tr("no such vehicle in %1").arg(city);
    case Entity::Ride:
        return elsewhere
                   ? Operations::tr("the ride is not in %1 (it is in %2)").arg(city, otherCity)
                   : Operations::tr("no such ride in %1").arg(city);
    case Entity::User:
        return elsewhere
                   ? Operations::tr("the user is not in %1 (it is in %2)").arg(city, otherCity)
                   : Operations::tr("no such user in %1").arg(city);
    }
    return {};
}

SqlValue optionalText(const std::optional<QString> &value)
{
    return value ? SqlValue(*value) : SqlValue();
}

QString flag(bool set)
{
    return set ? QStringLiteral("true") : QStringLiteral("false");
}

Statement rowExists(const char *table, const QString &city, const QString &id)
{
    return Statement{QStringLiteral("SELECT 1 FROM %1 WHERE city = $1::text AND id = $2::uuid")
                         .arg(QLatin1String(table)),
                     {city, id}};
}

} // namespace OperationSupport
