#include "Operations.h"

#include "CityLookup.h"
#include "OperationSupport.h"
#include "Validation.h"

#include <QSet>

// The vehicle operations of Operations: add, edit, set status, retire.

using namespace OperationSupport;

Result<TransactionBody> Operations::addVehicle(const AddVehicleInput &input)
{
    if (auto problem = firstProblem(
            {Validation::uuid(input.id, Validation::IdField::Vehicle), Validation::city(input.city),
             Validation::vehicleType(input.type),
             Validation::uuid(input.ownerId, Validation::IdField::Owner),
             Validation::settableVehicleStatus(input.status),
             Validation::address(input.currentLocation, Validation::TextField::Location),
             Validation::jsonObject(input.ext)}))
        return invalid(*problem);
    const QString id = Validation::normalizedUuid(input.id);
    const QString ownerId = Validation::normalizedUuid(input.ownerId);

    TransactionBody body;
    body.action = tr("Add vehicle");
    body.statements.append(Statement{
        QStringLiteral(
            "WITH owner AS (\n"
            "    SELECT id FROM users WHERE city = $2::text AND id = $4::uuid),\n"
            "existing AS (\n"
            "    SELECT id FROM vehicles WHERE city = $2::text AND id = $1::uuid),\n"
            "added AS (\n"
            "    INSERT INTO vehicles (id, city, type, owner_id, creation_time, status,\n"
            "                          current_location, ext)\n"
            "    SELECT $1::uuid, $2::text, $3::text, owner.id, now(), $5::text, $6::text,\n"
            "           $7::jsonb\n"
            "    FROM owner WHERE NOT EXISTS (SELECT 1 FROM existing)\n"
            "    RETURNING id)\n"
            "SELECT (SELECT count(*) FROM added) AS added,\n"
            "       (SELECT count(*) FROM existing) AS duplicate,\n"
            "       (SELECT count(*) FROM owner) AS owner_found,\n"
            "       ") +
            CityLookup::otherCity("users", 4, 2, "owner") + QStringLiteral(" AS owner_city"),
        {id, input.city, input.type, ownerId, input.status, input.currentLocation, input.ext}});
    const QString city = input.city;
    body.check = onSummaryRow([city](const SummaryRow &row) -> Status {
        if (row.count("added") == 1)
            return Ok{};
        if (row.count("duplicate") > 0)
            return refuse(tr("duplicate: a vehicle with this id already exists"));
        if (row.count("owner_found") == 0) {
            if (!row.isNull("owner_city"))
                return refuse(tr("the owner is not a user of %1 (the owner is in %2)")
                                  .arg(city, row.text("owner_city")),
                              "owner_id");
            return refuse(tr("the owner is not a user of %1").arg(city), "owner_id");
        }
        return unexpectedReply();
    });
    body.verify = rowExists("vehicles", input.city, id);
    return body;
}

Result<TransactionBody> Operations::editVehicle(const EditVehicleInput &input)
{
    if (auto problem = firstProblem(
            {Validation::city(input.city), Validation::uuid(input.id, Validation::IdField::Vehicle),
             input.type ? Validation::vehicleType(*input.type) : QString(),
             input.ownerId ? Validation::uuid(*input.ownerId, Validation::IdField::Owner)
                           : QString(),
             input.currentLocation
                 ? Validation::address(*input.currentLocation, Validation::TextField::Location)
                 : QString(),
             input.ext ? Validation::jsonObject(*input.ext) : QString()}))
        return invalid(*problem);
    if (!input.type && !input.ownerId && !input.currentLocation && !input.ext)
        return invalid(tr("nothing to change"));
    const QString id = Validation::normalizedUuid(input.id);
    const std::optional<QString> ownerId =
        input.ownerId ? std::optional<QString>(Validation::normalizedUuid(*input.ownerId))
                      : std::nullopt;

    TransactionBody body;
    body.action = tr("Edit vehicle");
    // $3/$4 type, $5 owner, $6 location, $7 ext: NULL keeps the column.
    const SqlParams params{input.city,
                           id,
                           optionalText(input.type),
                           optionalText(ownerId),
                           optionalText(input.currentLocation),
                           optionalText(input.ext)};
    body.statements.append(Statement{
        QStringLiteral(
            "WITH vehicle AS (\n"
            "    SELECT id, status FROM vehicles\n"
            "    WHERE city = $1::text AND id = $2::uuid FOR UPDATE),\n"
            "owner AS (\n"
            "    SELECT id FROM users WHERE city = $1::text AND id = $4::uuid),\n"
            "ok AS (\n"
            "    SELECT vehicle.id FROM vehicle\n"
            "    WHERE vehicle.status IS DISTINCT FROM 'retired'\n"
            "      AND ($4::uuid IS NULL OR EXISTS (SELECT 1 FROM owner))),\n"
            "edited AS (\n"
            "    UPDATE vehicles SET type = coalesce($3::text, type),\n"
            "                        owner_id = coalesce($4::uuid, owner_id),\n"
            "                        current_location = coalesce($5::text, current_location),\n"
            "                        ext = coalesce($6::jsonb, ext)\n"
            "    WHERE city = $1::text AND id IN (SELECT id FROM ok)\n"
            "    RETURNING id)\n"
            "SELECT (SELECT count(*) FROM edited) AS edited,\n"
            "       (SELECT count(*) FROM vehicle) AS vehicle_found,\n"
            "       (SELECT status FROM vehicle) AS vehicle_status,\n"
            "       (SELECT count(*) FROM owner) AS owner_found,\n"
            "       ") +
            CityLookup::otherCity("vehicles", 2, 1, "vehicle") + QStringLiteral(" AS vehicle_city"),
        params});
    const QString city = input.city;
    const bool ownerGiven = bool(ownerId);
    body.check = onSummaryRow([city, ownerGiven](const SummaryRow &row) -> Status {
        if (row.count("edited") == 1)
            return Ok{};
        if (row.count("vehicle_found") == 0)
            return refuse(notInCity(Entity::Vehicle, city, row.text("vehicle_city")));
        if (row.text("vehicle_status") == QLatin1String("retired"))
            return refuse(tr("the vehicle is retired"));
        if (ownerGiven && row.count("owner_found") == 0)
            return refuse(tr("the owner is not a user of %1").arg(city), "owner_id");
        return unexpectedReply();
    });
    body.verify = Statement{
        QStringLiteral("SELECT 1 FROM vehicles WHERE city = $1::text AND id = $2::uuid\n"
                       "  AND type IS NOT DISTINCT FROM coalesce($3::text, type)\n"
                       "  AND owner_id IS NOT DISTINCT FROM coalesce($4::uuid, owner_id)\n"
                       "  AND current_location IS NOT DISTINCT FROM\n"
                       "      coalesce($5::text, current_location)\n"
                       "  AND ext IS NOT DISTINCT FROM coalesce($6::jsonb, ext)"),
        params};
    return body;
}

Result<QList<TransactionBody>> Operations::setVehicleStatus(const SetVehicleStatusInput &input)
{
    if (auto problem = firstProblem(
            {Validation::city(input.city), Validation::settableVehicleStatus(input.status)}))
        return invalid(*problem);
    if (input.vehicleIds.isEmpty())
        return invalid(tr("no vehicles selected"));
    QStringList ids;
    QSet<QString> seen;
    for (const QString &raw : input.vehicleIds) {
        const QString id = Validation::normalizedUuid(raw);
        if (id.isEmpty())
            return invalid(Validation::uuid(raw, Validation::IdField::AnyVehicle));
        if (!seen.contains(id)) {
            seen.insert(id);
            ids.append(id);
        }
    }

    QList<TransactionBody> bodies;
    const QList<QStringList> parts = chunks(ids, input.chunkSize);
    for (qsizetype index = 0; index < parts.size(); ++index) {
        const QStringList &part = parts.at(index);
        const QString array = QLatin1Char('{') + part.join(QLatin1Char(',')) + QLatin1Char('}');
        TransactionBody body;
        body.action =
            parts.size() == 1
                ? tr("Set vehicle status")
                : tr("Set vehicle status (part %1 of %2)").arg(index + 1).arg(parts.size());
        body.statements.append(Statement{
            QStringLiteral(
                "WITH wanted AS (\n"
                "    SELECT DISTINCT unnest($2::uuid[]) AS id),\n"
                "found AS (\n"
                "    SELECT id, status FROM vehicles\n"
                "    WHERE city = $1::text AND id IN (SELECT id FROM wanted) FOR UPDATE),\n"
                "busy AS (\n"
                "    SELECT DISTINCT vehicle_id AS id FROM rides\n"
                "    WHERE vehicle_city = $1::text AND vehicle_id IN (SELECT id FROM wanted)\n"
                "      AND end_time IS NULL),\n"
                "problems AS (\n"
                "    SELECT 'missing' AS problem, id FROM wanted\n"
                "    WHERE id NOT IN (SELECT id FROM found)\n"
                "    UNION ALL SELECT 'retired', id FROM found WHERE status = 'retired'\n"
                "    UNION ALL SELECT 'in_ride', id FROM busy),\n"
                "updated AS (\n"
                "    UPDATE vehicles SET status = $3::text\n"
                "    WHERE city = $1::text AND id IN (SELECT id FROM wanted)\n"
                "      AND NOT EXISTS (SELECT 1 FROM problems)\n"
                "    RETURNING id)\n"
                "SELECT 'updated' AS outcome, id::text AS vehicle_id FROM updated\n"
                "UNION ALL\n"
                "SELECT problem, id::text FROM problems\n"
                "ORDER BY 1, 2"),
            {input.city, array, input.status}});
        const qsizetype expected = part.size();
        const QString city = input.city;
        body.check = [expected, city](const QList<PgResult> &results) -> Status {
            if (results.isEmpty())
                return unexpectedReply();
            const PgResult &result = results.first();
            qsizetype updated = 0;
            QStringList reasons;
            for (int row = 0; row < result.rowCount(); ++row) {
                const QString outcome = result.text(row, 0);
                const QString id = result.text(row, 1);
                if (outcome == QLatin1String("updated"))
                    ++updated;
                else if (outcome == QLatin1String("missing"))
                    reasons.append(tr("vehicle %1 is not a vehicle of %2").arg(id, city));
                else if (outcome == QLatin1String("retired"))
                    reasons.append(tr("vehicle %1 is retired").arg(id));
                else if (outcome == QLatin1String("in_ride"))
                    reasons.append(tr("vehicle %1 is in an active ride").arg(id));
            }
            if (reasons.isEmpty() && updated == expected)
                return Ok{};
            if (reasons.isEmpty())
                return unexpectedReply();
            if (reasons.size() == 1)
                return refuse(reasons.first());
            if (reasons.size() == 2)
                return refuse(tr("%1 (and 1 more problem)").arg(reasons.first()));
            return refuse(
                tr("%1 (and %2 more problems)").arg(reasons.first()).arg(reasons.size() - 1));
        };
        body.verify = Statement{
            QStringLiteral("SELECT 1 WHERE NOT EXISTS (\n"
                           "    SELECT 1 FROM unnest($2::uuid[]) AS wanted (id)\n"
                           "    WHERE NOT EXISTS (SELECT 1 FROM vehicles\n"
                           "        WHERE vehicles.city = $1::text AND vehicles.id = wanted.id\n"
                           "          AND vehicles.status = $3::text))"),
            {input.city, array, input.status}};
        bodies.append(body);
    }
    return bodies;
}

Result<TransactionBody> Operations::retireVehicle(const QString &city, const QString &vehicleId)
{
    if (auto problem = firstProblem(
            {Validation::city(city), Validation::uuid(vehicleId, Validation::IdField::Vehicle)}))
        return invalid(*problem);
    const QString id = Validation::normalizedUuid(vehicleId);

    TransactionBody body;
    body.action = tr("Retire vehicle");
    body.statements.append(Statement{
        QStringLiteral(
            "WITH vehicle AS (\n"
            "    SELECT id, status FROM vehicles\n"
            "    WHERE city = $1::text AND id = $2::uuid FOR UPDATE),\n"
            "active AS (\n"
            "    SELECT count(*) AS n FROM rides\n"
            "    WHERE vehicle_city = $1::text AND vehicle_id = $2::uuid AND end_time IS NULL),\n"
            "retired AS (\n"
            "    UPDATE vehicles SET status = 'retired'\n"
            "    WHERE city = $1::text AND id = $2::uuid\n"
            "      AND EXISTS (SELECT 1 FROM vehicle WHERE status IS DISTINCT FROM 'retired')\n"
            "      AND (SELECT n FROM active) = 0\n"
            "    RETURNING id)\n"
            "SELECT (SELECT count(*) FROM retired) AS retired,\n"
            "       (SELECT count(*) FROM vehicle) AS vehicle_found,\n"
            "       (SELECT status FROM vehicle) AS vehicle_status,\n"
            "       (SELECT n FROM active) AS active_rides,\n"
            "       ") +
            CityLookup::otherCity("vehicles", 2, 1, "vehicle") + QStringLiteral(" AS vehicle_city"),
        {city, id}});
    body.check = onSummaryRow([city](const SummaryRow &row) -> Status {
        if (row.count("retired") == 1)
            return Ok{};
        if (row.count("vehicle_found") == 0)
            return refuse(notInCity(Entity::Vehicle, city, row.text("vehicle_city")));
        if (row.text("vehicle_status") == QLatin1String("retired"))
            return refuse(tr("the vehicle is already retired"));
        if (row.count("active_rides") > 0)
            return refuse(tr("the vehicle is in an active ride; end the ride first"));
        return unexpectedReply();
    });
    body.verify = Statement{QStringLiteral("SELECT 1 FROM vehicles WHERE city = $1::text\n"
                                           "  AND id = $2::uuid AND status = 'retired'"),
                            {city, id}};
    return body;
}
