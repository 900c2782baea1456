#include "Operations.h"

#include "CityLookup.h"
#include "OperationSupport.h"
#include "Validation.h"

#include <QLocale>

// The ride operations of Operations: start, end, record a location.

using namespace OperationSupport;

Result<TransactionBody> Operations::startRide(const StartRideInput &input)
{
    if (auto problem =
            firstProblem({Validation::city(input.city),
                          Validation::uuid(input.riderId, Validation::IdField::Rider),
                          Validation::uuid(input.vehicleId, Validation::IdField::Vehicle),
                          Validation::uuid(input.rideId, Validation::IdField::Ride)}))
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
    body.check = onSummaryRow([city](const SummaryRow &row) -> Status {
        if (row.count("started") == 1 && row.count("vehicle_updated") == 1)
            return Ok{};
        if (row.count("vehicle_found") == 0)
            return refuse(notInCity(Entity::Vehicle, city, row.text("vehicle_city")), "vehicle_id");
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
    if (auto problem =
            firstProblem({Validation::city(input.city),
                          Validation::uuid(input.rideId, Validation::IdField::Ride),
                          Validation::revenue(input.revenue),
                          input.endAddress ? Validation::address(*input.endAddress,
                                                                 Validation::TextField::EndAddress)
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
    body.check = onSummaryRow([city](const SummaryRow &row) -> Status {
        if (row.count("ended") == 1)
            return Ok{};
        if (row.count("ride_found") == 0)
            return refuse(notInCity(Entity::Ride, city, row.text("ride_city")));
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

Result<TransactionBody> Operations::recordLocation(const RecordLocationInput &input)
{
    if (auto problem = firstProblem({Validation::city(input.city),
                                     Validation::uuid(input.rideId, Validation::IdField::Ride),
                                     Validation::latitude(input.latitude),
                                     Validation::longitude(input.longitude),
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
    body.check = onSummaryRow([city](const SummaryRow &row) -> Status {
        if (row.count("added") == 1)
            return Ok{};
        if (row.count("ride_found") == 0)
            return refuse(notInCity(Entity::Ride, city, row.text("ride_city")));
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
