#include "Operations.h"

#include "CityLookup.h"
#include "Validation.h"

#include <QAtomicInteger>
#include <QDateTime>
#include <QLocale>
#include <QSet>
#include <QUuid>

#include <algorithm>

QString newClientUuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString clientTimestamp()
{
    // Milliseconds from the clock plus a microsecond counter, so two calls within the same
    // millisecond still give different keys.
    static QAtomicInteger<qint64> last(0);
    qint64 micros = QDateTime::currentMSecsSinceEpoch() * 1000;
    for (int guard = 0; guard < 1000000; ++guard) {
        const qint64 previous = last.loadAcquire();
        const qint64 next = std::max(micros, previous + 1);
        if (last.testAndSetOrdered(previous, next)) {
            micros = next;
            break;
        }
    }
    const QDateTime time = QDateTime::fromMSecsSinceEpoch(micros / 1000, Qt::UTC);
    return time.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz")) +
           QStringLiteral("%1").arg(micros % 1000, 3, 10, QLatin1Char('0'));
}

namespace {

DbError invalid(const QString &reason)
{
    return DbError::make(ErrorClass::InvalidInput, reason);
}

// A precondition that failed on the server: a business rule, nothing was written.
Status refuse(const QString &reason)
{
    return DbError::make(ErrorClass::Constraint, reason);
}

// The same, about one input: `constraint` names its column, for a form to mark the field.
Status refuse(const QString &reason, const char *column)
{
    DbError error = DbError::make(ErrorClass::Constraint, reason);
    error.constraint = QLatin1String(column);
    return error;
}

// The first non-empty reason, if any.
std::optional<QString> firstProblem(std::initializer_list<QString> reasons)
{
    for (const QString &reason : reasons) {
        if (!reason.isEmpty())
            return reason;
    }
    return std::nullopt;
}

// The one diagnostic row every operation statement returns.
class Row
{
public:
    explicit Row(const PgResult &result) : m_result(result) {}
    bool valid() const { return m_result.rowCount() == 1; }
    QString text(const char *column) const
    {
        const int index = m_result.columnIndex(column);
        return index < 0 || m_result.rowCount() < 1 ? QString() : m_result.text(0, index);
    }
    bool isNull(const char *column) const
    {
        const int index = m_result.columnIndex(column);
        return index < 0 || m_result.rowCount() < 1 || m_result.isNull(0, index);
    }
    qint64 count(const char *column) const { return text(column).toLongLong(); }

private:
    const PgResult &m_result;
};

Status unexpectedReply()
{
    return DbError::make(ErrorClass::Other,
                         Operations::tr("the server's reply has an unexpected shape"));
}

// The user-facing reason for a vehicle that is not available.
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

QString notInCity(const QString &what, const QString &city, const QString &otherCity)
{
    if (otherCity.isEmpty())
        return Operations::tr("no such %1 in %2").arg(what, city);
    return Operations::tr("the %1 is not in %2 (it is in %3)").arg(what, city, otherCity);
}

SqlValue optionalText(const std::optional<QString> &value)
{
    return value ? SqlValue(*value) : SqlValue();
}

QString flag(bool set)
{
    return set ? QStringLiteral("true") : QStringLiteral("false");
}

// The check of an operation whose last statement returns one summary row (counts of what
// was done and of what was found): an empty or shapeless reply is unexpected.
template <typename Decide>
std::function<Status(const QList<PgResult> &)> onSummaryRow(Decide decide)
{
    return [decide](const QList<PgResult> &results) -> Status {
        if (results.isEmpty() || !Row(results.first()).valid())
            return unexpectedReply();
        return decide(Row(results.first()));
    };
}

// The verification of an insert: the row with this key exists.
Statement rowExists(const char *table, const QString &city, const QString &id)
{
    return Statement{QStringLiteral("SELECT 1 FROM %1 WHERE city = $1::text AND id = $2::uuid")
                         .arg(QLatin1String(table)),
                     {city, id}};
}

} // namespace

QList<QStringList> Operations::chunks(const QStringList &ids, int chunkSize)
{
    QList<QStringList> result;
    const int size = std::max(1, chunkSize);
    for (qsizetype start = 0; start < ids.size(); start += size)
        result.append(ids.mid(start, size));
    return result;
}

Result<TransactionBody> Operations::startRide(const StartRideInput &input)
{
    if (auto problem = firstProblem({Validation::city(input.city),
                                     Validation::uuid(input.riderId, tr("the rider id")),
                                     Validation::uuid(input.vehicleId, tr("the vehicle id")),
                                     Validation::uuid(input.rideId, tr("the ride id"))}))
        return invalid(*problem);
    const QString riderId = Validation::normalizedUuid(input.riderId);
    const QString vehicleId = Validation::normalizedUuid(input.vehicleId);
    const QString rideId = Validation::normalizedUuid(input.rideId);

    TransactionBody body;
    body.action = tr("Start ride");
    body.statements.append(Statement{
        QStringLiteral(
            "WITH rider AS (\n"
            "    SELECT id FROM users WHERE city = $1::text AND id = $2::uuid),\n"
            "vehicle AS (\n"
            "    SELECT id, status, current_location FROM vehicles\n"
            "    WHERE city = $1::text AND id = $3::uuid FOR UPDATE),\n"
            "active AS (\n"
            "    SELECT count(*) AS n FROM rides\n"
            "    WHERE vehicle_city = $1::text AND vehicle_id = $3::uuid AND end_time IS NULL),\n"
            "ok AS (\n"
            "    SELECT vehicle.id, vehicle.current_location FROM vehicle, rider, active\n"
            "    WHERE vehicle.status = 'available' AND active.n = 0),\n"
            "ride AS (\n"
            "    INSERT INTO rides (id, city, vehicle_city, rider_id, vehicle_id, start_address,\n"
            "                       start_time)\n"
            "    SELECT $4::uuid, $1::text, $1::text, $2::uuid, ok.id, ok.current_location, now()\n"
            "    FROM ok\n"
            "    RETURNING id),\n"
            "vehicle_update AS (\n"
            "    UPDATE vehicles SET status = 'in_use'\n"
            "    WHERE city = $1::text AND id = $3::uuid AND EXISTS (SELECT 1 FROM ok)\n"
            "    RETURNING id),\n"
            "promo AS (\n"
            "    UPDATE user_promo_codes\n"
            "    SET usage_count = coalesce(user_promo_codes.usage_count, 0) + 1\n"
            "    FROM promo_codes\n"
            "    WHERE user_promo_codes.city = $1::text AND user_promo_codes.user_id = $2::uuid\n"
            "      AND promo_codes.code = user_promo_codes.code\n"
            "      AND (promo_codes.expiration_time IS NULL OR promo_codes.expiration_time > "
            "now())\n"
            "      AND EXISTS (SELECT 1 FROM ok)\n"
            "    RETURNING user_promo_codes.code)\n"
            "SELECT (SELECT count(*) FROM ride) AS started,\n"
            "       (SELECT count(*) FROM vehicle_update) AS vehicle_updated,\n"
            "       (SELECT count(*) FROM promo) AS promo_codes_used,\n"
            "       (SELECT count(*) FROM rider) AS rider_found,\n"
            "       (SELECT count(*) FROM vehicle) AS vehicle_found,\n"
            "       (SELECT status FROM vehicle) AS vehicle_status,\n"
            "       (SELECT n FROM active) AS active_rides,\n"
            "       ") +
            CityLookup::otherCity("users", 2, 1, "rider") +
            QStringLiteral(" AS rider_city,\n"
                           "       ") +
            CityLookup::otherCity("vehicles", 3, 1, "vehicle") + QStringLiteral(" AS vehicle_city"),
        {input.city, riderId, vehicleId, rideId}});
    const QString city = input.city;
    body.check = onSummaryRow([city](const Row &row) -> Status {
        if (row.count("started") == 1 && row.count("vehicle_updated") == 1)
            return Ok{};
        if (row.count("vehicle_found") == 0)
            return refuse(notInCity(tr("vehicle"), city, row.text("vehicle_city")), "vehicle_id");
        if (row.count("rider_found") == 0) {
            if (!row.isNull("rider_city"))
                return refuse(tr("the rider is not in this city (%1; the rider is in %2)")
                                  .arg(city, row.text("rider_city")),
                              "rider_id");
            return refuse(tr("no such rider in %1").arg(city), "rider_id");
        }
        if (row.text("vehicle_status") != QLatin1String("available"))
            return refuse(vehicleNotAvailable(row.text("vehicle_status")), "vehicle_id");
        if (row.count("active_rides") > 0)
            return refuse(tr("the vehicle is already in an active ride"), "vehicle_id");
        return unexpectedReply();
    });
    body.verify = rowExists("rides", input.city, rideId);
    return body;
}

Result<TransactionBody> Operations::endRide(const EndRideInput &input)
{
    if (auto problem = firstProblem(
            {Validation::city(input.city), Validation::uuid(input.rideId, tr("the ride id")),
             Validation::revenue(input.revenue),
             input.endAddress ? Validation::address(*input.endAddress, tr("end address"))
                              : QString()}))
        return invalid(*problem);
    const QString rideId = Validation::normalizedUuid(input.rideId);
    const QString revenue = input.revenue.trimmed();

    TransactionBody body;
    body.action = tr("End ride");
    body.statements.append(Statement{
        QStringLiteral(
            "WITH ride AS (\n"
            "    SELECT id, vehicle_city, vehicle_id, end_time FROM rides\n"
            "    WHERE city = $1::text AND id = $2::uuid FOR UPDATE),\n"
            "vehicle AS (\n"
            "    SELECT vehicles.current_location FROM vehicles, ride\n"
            "    WHERE vehicles.city = ride.vehicle_city AND vehicles.id = ride.vehicle_id),\n"
            "ok AS (\n"
            "    SELECT ride.id, ride.vehicle_city, ride.vehicle_id,\n"
            "           coalesce($3::text, (SELECT current_location FROM vehicle)) AS address\n"
            "    FROM ride WHERE ride.end_time IS NULL),\n"
            "ended AS (\n"
            "    UPDATE rides SET end_time = now(), end_address = ok.address,\n"
            "                     revenue = $4::decimal\n"
            "    FROM ok WHERE rides.city = $1::text AND rides.id = ok.id\n"
            "    RETURNING rides.id),\n"
            "vehicle_update AS (\n"
            "    UPDATE vehicles SET status = 'available', current_location = ok.address\n"
            "    FROM ok WHERE vehicles.city = ok.vehicle_city AND vehicles.id = ok.vehicle_id\n"
            "    RETURNING vehicles.id)\n"
            "SELECT (SELECT count(*) FROM ended) AS ended,\n"
            "       (SELECT count(*) FROM vehicle_update) AS vehicle_updated,\n"
            "       (SELECT count(*) FROM ride) AS ride_found,\n"
            "       (SELECT end_time::text FROM ride) AS ended_at,\n"
            "       ") +
            CityLookup::otherCity("rides", 2, 1, "ride") + QStringLiteral(" AS ride_city"),
        {input.city, rideId, optionalText(input.endAddress), revenue}});
    const QString city = input.city;
    body.check = onSummaryRow([city](const Row &row) -> Status {
        if (row.count("ended") == 1)
            return Ok{};
        if (row.count("ride_found") == 0)
            return refuse(notInCity(tr("ride"), city, row.text("ride_city")));
        if (!row.isNull("ended_at"))
            return refuse(tr("the ride already ended (at %1)").arg(row.text("ended_at")));
        return unexpectedReply();
    });
    body.verify = Statement{
        QStringLiteral("SELECT 1 FROM rides WHERE city = $1::text AND id = $2::uuid\n"
                       "  AND end_time IS NOT NULL AND revenue = $3::decimal\n"
                       "  AND end_address IS NOT DISTINCT FROM coalesce($4::text, end_address)"),
        {input.city, rideId, revenue, optionalText(input.endAddress)}};
    return body;
}

Result<TransactionBody> Operations::addVehicle(const AddVehicleInput &input)
{
    if (auto problem =
            firstProblem({Validation::uuid(input.id, tr("the vehicle id")),
                          Validation::city(input.city), Validation::vehicleType(input.type),
                          Validation::uuid(input.ownerId, tr("the owner id")),
                          Validation::settableVehicleStatus(input.status),
                          Validation::address(input.currentLocation, tr("location")),
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
    body.check = onSummaryRow([city](const Row &row) -> Status {
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
            {Validation::city(input.city), Validation::uuid(input.id, tr("the vehicle id")),
             input.type ? Validation::vehicleType(*input.type) : QString(),
             input.ownerId ? Validation::uuid(*input.ownerId, tr("the owner id")) : QString(),
             input.currentLocation ? Validation::address(*input.currentLocation, tr("location"))
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
    body.check = onSummaryRow([city, ownerGiven](const Row &row) -> Status {
        if (row.count("edited") == 1)
            return Ok{};
        if (row.count("vehicle_found") == 0)
            return refuse(notInCity(tr("vehicle"), city, row.text("vehicle_city")));
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
            return invalid(Validation::uuid(raw, tr("a vehicle id")));
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
            {Validation::city(city), Validation::uuid(vehicleId, tr("the vehicle id"))}))
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
    body.check = onSummaryRow([city](const Row &row) -> Status {
        if (row.count("retired") == 1)
            return Ok{};
        if (row.count("vehicle_found") == 0)
            return refuse(notInCity(tr("vehicle"), city, row.text("vehicle_city")));
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

Result<TransactionBody> Operations::addUser(const AddUserInput &input)
{
    if (auto problem = firstProblem(
            {Validation::uuid(input.id, tr("the user id")), Validation::city(input.city),
             Validation::name(input.name), Validation::address(input.address),
             input.creditCard.isEmpty() ? QString() : Validation::creditCard(input.creditCard)}))
        return invalid(*problem);
    const QString id = Validation::normalizedUuid(input.id);

    TransactionBody body;
    body.action = tr("Add user");
    body.statements.append(Statement{
        QStringLiteral("WITH existing AS (\n"
                       "    SELECT id FROM users WHERE city = $2::text AND id = $1::uuid),\n"
                       "added AS (\n"
                       "    INSERT INTO users (id, city, name, address, credit_card)\n"
                       "    SELECT $1::uuid, $2::text, $3::text, $4::text, $5::text\n"
                       "    WHERE NOT EXISTS (SELECT 1 FROM existing)\n"
                       "    RETURNING id)\n"
                       "SELECT (SELECT count(*) FROM added) AS added,\n"
                       "       (SELECT count(*) FROM existing) AS duplicate"),
        {id, input.city, input.name, input.address,
         input.creditCard.isEmpty() ? SqlValue() : SqlValue(input.creditCard)}});
    body.check = onSummaryRow([](const Row &row) -> Status {
        if (row.count("added") == 1)
            return Ok{};
        if (row.count("duplicate") > 0)
            return refuse(tr("duplicate: a user with this id already exists"));
        return unexpectedReply();
    });
    body.verify = rowExists("users", input.city, id);
    return body;
}

Result<TransactionBody> Operations::editUser(const EditUserInput &input)
{
    if (auto problem = firstProblem(
            {Validation::city(input.city), Validation::uuid(input.id, tr("the user id")),
             input.name ? Validation::name(*input.name) : QString(),
             input.address ? Validation::address(*input.address) : QString(),
             input.creditCard && !input.creditCard->isEmpty()
                 ? Validation::creditCard(*input.creditCard)
                 : QString()}))
        return invalid(*problem);
    if (!input.name && !input.address && !input.creditCard)
        return invalid(tr("nothing to change"));
    const QString id = Validation::normalizedUuid(input.id);
    const auto valueOf = [](const std::optional<QString> &value) {
        return value && !value->isEmpty() ? SqlValue(*value) : SqlValue();
    };
    // $3/$5/$7: whether to set name / address / credit card; $4/$6/$8 the new values.
    const SqlParams params{input.city,
                           id,
                           flag(bool(input.name)),
                           valueOf(input.name),
                           flag(bool(input.address)),
                           valueOf(input.address),
                           flag(bool(input.creditCard)),
                           valueOf(input.creditCard)};

    TransactionBody body;
    body.action = tr("Edit user");
    body.statements.append(Statement{
        QStringLiteral(
            "WITH edited AS (\n"
            "    UPDATE users\n"
            "    SET name = CASE WHEN $3::boolean THEN $4::text ELSE name END,\n"
            "        address = CASE WHEN $5::boolean THEN $6::text ELSE address END,\n"
            "        credit_card = CASE WHEN $7::boolean THEN $8::text ELSE credit_card END\n"
            "    WHERE city = $1::text AND id = $2::uuid\n"
            "    RETURNING id)\n"
            "SELECT (SELECT count(*) FROM edited) AS edited,\n"
            "       ") +
            CityLookup::otherCity("users", 2, 1, "edited") + QStringLiteral(" AS user_city"),
        params});
    const QString city = input.city;
    body.check = onSummaryRow([city](const Row &row) -> Status {
        if (row.count("edited") == 1)
            return Ok{};
        return refuse(notInCity(tr("user"), city, row.text("user_city")));
    });
    body.verify = Statement{
        QStringLiteral("SELECT 1 FROM users WHERE city = $1::text AND id = $2::uuid\n"
                       "  AND (NOT $3::boolean OR name IS NOT DISTINCT FROM $4::text)\n"
                       "  AND (NOT $5::boolean OR address IS NOT DISTINCT FROM $6::text)\n"
                       "  AND (NOT $7::boolean OR credit_card IS NOT DISTINCT FROM $8::text)"),
        params};
    return body;
}

Result<TransactionBody> Operations::deleteUser(const QString &city, const QString &userId)
{
    if (auto problem =
            firstProblem({Validation::city(city), Validation::uuid(userId, tr("the user id"))}))
        return invalid(*problem);
    const QString id = Validation::normalizedUuid(userId);

    TransactionBody body;
    body.action = tr("Delete user");
    body.statements.append(Statement{
        QStringLiteral(
            "WITH target AS (\n"
            "    SELECT id FROM users WHERE city = $1::text AND id = $2::uuid FOR UPDATE),\n"
            "refs AS (\n"
            "    SELECT (SELECT count(*) FROM rides\n"
            "            WHERE city = $1::text AND rider_id = $2::uuid) AS rides,\n"
            "           (SELECT count(*) FROM vehicles\n"
            "            WHERE city = $1::text AND owner_id = $2::uuid) AS vehicles,\n"
            "           (SELECT count(*) FROM user_promo_codes\n"
            "            WHERE city = $1::text AND user_id = $2::uuid) AS promo_codes),\n"
            "deleted AS (\n"
            "    DELETE FROM users\n"
            "    WHERE city = $1::text AND id IN (SELECT id FROM target)\n"
            "      AND (SELECT rides + vehicles + promo_codes FROM refs) = 0\n"
            "    RETURNING id)\n"
            "SELECT (SELECT count(*) FROM deleted) AS deleted,\n"
            "       (SELECT count(*) FROM target) AS user_found,\n"
            "       refs.rides, refs.vehicles, refs.promo_codes,\n"
            "       ") +
            CityLookup::otherCity("users", 2, 1, "target") +
            QStringLiteral(" AS user_city\nFROM refs"),
        {city, id}});
    body.check = onSummaryRow([city](const Row &row) -> Status {
        if (row.count("deleted") == 1)
            return Ok{};
        if (row.count("user_found") == 0)
            return refuse(notInCity(tr("user"), city, row.text("user_city")));
        QStringList references;
        if (const qint64 n = row.count("rides"))
            references.append(n == 1 ? tr("1 ride") : tr("%1 rides").arg(n));
        if (const qint64 n = row.count("vehicles"))
            references.append(n == 1 ? tr("1 vehicle") : tr("%1 vehicles").arg(n));
        if (const qint64 n = row.count("promo_codes"))
            references.append(n == 1 ? tr("1 promo code") : tr("%1 promo codes").arg(n));
        if (!references.isEmpty())
            return refuse(tr("the user still has %1").arg(references.join(tr(", "))));
        return unexpectedReply();
    });
    body.verify = Statement{QStringLiteral("SELECT 1 WHERE NOT EXISTS (\n"
                                           "    SELECT 1 FROM users\n"
                                           "    WHERE city = $1::text AND id = $2::uuid)"),
                            {city, id}};
    return body;
}

Result<TransactionBody> Operations::createPromoCode(const CreatePromoCodeInput &given)
{
    CreatePromoCodeInput input = given;
    input.code = Validation::normalizedPromoCode(given.code);
    if (auto problem = firstProblem(
            {Validation::promoCode(input.code),
             input.description.size() > Validation::MaxDescriptionLength
                 ? tr("the description is longer than %1 characters")
                       .arg(Validation::MaxDescriptionLength)
                 : QString(),
             input.creationTime.isEmpty()
                 ? QString()
                 : Validation::timestamp(input.creationTime, tr("the creation time")),
             input.expirationTime.isEmpty()
                 ? QString()
                 : Validation::timestamp(input.expirationTime, tr("the expiration time")),
             Validation::jsonObject(input.rules, Validation::JsonField::Rules)}))
        return invalid(*problem);
    if (!input.creationTime.isEmpty() && !input.expirationTime.isEmpty() &&
        *Validation::parseTimestamp(input.expirationTime) <=
            *Validation::parseTimestamp(input.creationTime))
        return invalid(tr("the expiration time must be after the creation time"));
    const SqlValue creation =
        input.creationTime.isEmpty() ? SqlValue() : SqlValue(input.creationTime.trimmed());
    const SqlValue expiration =
        input.expirationTime.isEmpty() ? SqlValue() : SqlValue(input.expirationTime.trimmed());

    TransactionBody body;
    body.action = tr("Create promo code");
    body.statements.append(Statement{
        QStringLiteral(
            "WITH existing AS (\n"
            "    SELECT code FROM promo_codes WHERE code = $1::text),\n"
            "added AS (\n"
            "    INSERT INTO promo_codes (code, description, creation_time, expiration_time,\n"
            "                             rules)\n"
            "    SELECT $1::text, $2::text, coalesce($3::timestamp, now()::timestamp),\n"
            "           $4::timestamp, $5::jsonb\n"
            "    WHERE NOT EXISTS (SELECT 1 FROM existing)\n"
            "      AND ($4::timestamp IS NULL\n"
            "           OR $4::timestamp > coalesce($3::timestamp, now()::timestamp))\n"
            "    RETURNING code)\n"
            "SELECT (SELECT count(*) FROM added) AS added,\n"
            "       (SELECT count(*) FROM existing) AS duplicate"),
        {input.code, input.description.isEmpty() ? SqlValue() : SqlValue(input.description),
         creation, expiration, input.rules}});
    const bool creationGiven = bool(creation);
    body.check = onSummaryRow([creationGiven](const Row &row) -> Status {
        if (row.count("added") == 1)
            return Ok{};
        if (row.count("duplicate") > 0)
            return refuse(tr("duplicate: this promo code already exists"));
        if (creationGiven)
            return refuse(tr("the expiration time must be after the creation time"));
        return refuse(tr("the expiration time is in the past"));
    });
    body.verify = Statement{
        QStringLiteral("SELECT 1 FROM promo_codes WHERE code = $1::text\n"
                       "  AND description IS NOT DISTINCT FROM $2::text\n"
                       "  AND expiration_time IS NOT DISTINCT FROM $3::timestamp\n"
                       "  AND rules = $4::jsonb"),
        {input.code, input.description.isEmpty() ? SqlValue() : SqlValue(input.description),
         expiration, input.rules}};
    return body;
}

Result<TransactionBody> Operations::applyPromoCode(const ApplyPromoCodeInput &given)
{
    ApplyPromoCodeInput input = given;
    input.code = Validation::normalizedPromoCode(given.code);
    if (auto problem = firstProblem({Validation::city(input.city),
                                     Validation::uuid(input.userId, tr("the user id")),
                                     Validation::promoCode(input.code)}))
        return invalid(*problem);
    const QString userId = Validation::normalizedUuid(input.userId);

    TransactionBody body;
    body.action = tr("Apply promo code");
    body.statements.append(Statement{
        QStringLiteral(
            "WITH usr AS (\n"
            "    SELECT id FROM users WHERE city = $1::text AND id = $2::uuid),\n"
            "promo AS (\n"
            "    SELECT code, expiration_time IS NOT NULL AND expiration_time <= now() AS expired\n"
            "    FROM promo_codes WHERE code = $3::text),\n"
            "existing AS (\n"
            "    SELECT code FROM user_promo_codes\n"
            "    WHERE city = $1::text AND user_id = $2::uuid AND code = $3::text),\n"
            "added AS (\n"
            "    INSERT INTO user_promo_codes (city, user_id, code, \"timestamp\", usage_count)\n"
            "    SELECT $1::text, usr.id, promo.code, now(), 0 FROM usr, promo\n"
            "    WHERE NOT promo.expired AND NOT EXISTS (SELECT 1 FROM existing)\n"
            "    RETURNING code)\n"
            "SELECT (SELECT count(*) FROM added) AS added,\n"
            "       (SELECT count(*) FROM usr) AS user_found,\n"
            "       (SELECT count(*) FROM promo) AS code_found,\n"
            "       (SELECT expired FROM promo) AS expired,\n"
            "       (SELECT count(*) FROM existing) AS already_applied,\n"
            "       ") +
            CityLookup::otherCity("users", 2, 1, "usr") + QStringLiteral(" AS user_city"),
        {input.city, userId, input.code}});
    const QString city = input.city;
    body.check = onSummaryRow([city](const Row &row) -> Status {
        if (row.count("added") == 1)
            return Ok{};
        if (row.count("user_found") == 0)
            return refuse(notInCity(tr("user"), city, row.text("user_city")));
        if (row.count("code_found") == 0)
            return refuse(tr("no such promo code"));
        if (row.text("expired") == QLatin1String("t") ||
            row.text("expired") == QLatin1String("true"))
            return refuse(tr("the promo code has expired"));
        if (row.count("already_applied") > 0)
            return refuse(tr("duplicate: the user already has this promo code"));
        return unexpectedReply();
    });
    body.verify = Statement{
        QStringLiteral("SELECT 1 FROM user_promo_codes\n"
                       "WHERE city = $1::text AND user_id = $2::uuid AND code = $3::text"),
        {input.city, userId, input.code}};
    return body;
}

Result<TransactionBody> Operations::recordLocation(const RecordLocationInput &input)
{
    if (auto problem = firstProblem(
            {Validation::city(input.city), Validation::uuid(input.rideId, tr("the ride id")),
             Validation::latitude(input.latitude), Validation::longitude(input.longitude),
             Validation::timestamp(input.timestamp)}))
        return invalid(*problem);
    const QString rideId = Validation::normalizedUuid(input.rideId);
    const QString latitude = QString::number(input.latitude, 'g', QLocale::FloatingPointShortest);
    const QString longitude = QString::number(input.longitude, 'g', QLocale::FloatingPointShortest);
    // The client's UTC time as the session sees it (TIMESTAMP columns hold the session's local
    // time, like now()::timestamp in the other operations).
    const QString timestamp = input.timestamp.trimmed() + QStringLiteral("+00");

    TransactionBody body;
    body.action = tr("Record vehicle location");
    body.statements.append(Statement{
        QStringLiteral(
            "WITH ride AS (\n"
            "    SELECT id, end_time FROM rides WHERE city = $1::text AND id = $2::uuid),\n"
            "existing AS (\n"
            "    SELECT 1 FROM vehicle_location_histories\n"
            "    WHERE city = $1::text AND ride_id = $2::uuid AND \"timestamp\" = "
            "$3::timestamptz::timestamp),\n"
            "added AS (\n"
            "    INSERT INTO vehicle_location_histories (city, ride_id, \"timestamp\", lat, long)\n"
            "    SELECT $1::text, ride.id, $3::timestamptz::timestamp, $4::float8, $5::float8 FROM "
            "ride\n"
            "    WHERE ride.end_time IS NULL AND NOT EXISTS (SELECT 1 FROM existing)\n"
            "    RETURNING ride_id)\n"
            "SELECT (SELECT count(*) FROM added) AS added,\n"
            "       (SELECT count(*) FROM ride) AS ride_found,\n"
            "       (SELECT end_time::text FROM ride) AS ended_at,\n"
            "       (SELECT count(*) FROM existing) AS duplicate,\n"
            "       ") +
            CityLookup::otherCity("rides", 2, 1, "ride") + QStringLiteral(" AS ride_city"),
        {input.city, rideId, timestamp, latitude, longitude}});
    const QString city = input.city;
    body.check = onSummaryRow([city](const Row &row) -> Status {
        if (row.count("added") == 1)
            return Ok{};
        if (row.count("ride_found") == 0)
            return refuse(notInCity(tr("ride"), city, row.text("ride_city")));
        if (!row.isNull("ended_at"))
            return refuse(tr("the ride is not active (it ended at %1)").arg(row.text("ended_at")));
        if (row.count("duplicate") > 0)
            return refuse(tr("duplicate: a location with this timestamp is already recorded"));
        return unexpectedReply();
    });
    body.verify =
        Statement{QStringLiteral("SELECT 1 FROM vehicle_location_histories\n"
                                 "WHERE city = $1::text AND ride_id = $2::uuid AND \"timestamp\" = "
                                 "$3::timestamptz::timestamp"),
                  {input.city, rideId, timestamp}};
    return body;
}
