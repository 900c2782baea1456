#include "TutorialOperations.h"

#include "movr/OperationSupport.h"

#include <QLocale>

using OperationSupport::refuse;
using OperationSupport::rowExists;

namespace {

// Runs `sql` and hands its result to `next`; an error goes back to the runner unchanged (a
// 40001 must reach it to be retried).
#define TUTORIAL_EXEC(result, session, sql, ...)                                                   \
    Result<PgResult> result = (session).exec(QStringLiteral(sql), SqlParams{__VA_ARGS__});         \
    if (!result)                                                                                   \
        return result.error();

QString number(double value)
{
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

} // namespace

TransactionBody TutorialOperations::readVehicles(const QString &city)
{
    TransactionBody body;
    body.action = tr("Read vehicles");
    body.interactive = [city](TransactionSession &session) -> Status {
        TUTORIAL_EXEC(vehicles, session, "SELECT city, id FROM vehicles WHERE city = $1", city);
        return Ok{};
    };
    body.verify = Statement{QStringLiteral("SELECT 1"), {}};
    return body;
}

TransactionBody TutorialOperations::startRide(const StartRideInput &input)
{
    TransactionBody body;
    body.action = tr("Start ride");
    body.interactive = [input](TransactionSession &session) -> Status {
        TUTORIAL_EXEC(vehicle, session,
                      "SELECT current_location, status FROM vehicles WHERE city = $1 AND id = "
                      "$2::uuid",
                      input.city, input.vehicleId);
        if (vehicle->rowCount() == 0)
            return refuse(tr("There is no such vehicle in %1.").arg(input.city));
        if (vehicle->text(0, 1) != QStringLiteral("available"))
            return refuse(OperationSupport::vehicleNotAvailable(vehicle->text(0, 1)));
        TUTORIAL_EXEC(ride, session,
                      "INSERT INTO rides (id, city, vehicle_city, rider_id, vehicle_id, "
                      "start_address, start_time) VALUES ($1::uuid, $2, $2, $3::uuid, $4::uuid, "
                      "$5, now())",
                      input.rideId, input.city, input.riderId, input.vehicleId,
                      vehicle->value(0, 0));
        TUTORIAL_EXEC(inUse, session,
                      "UPDATE vehicles SET status = 'in_use' WHERE city = $1 AND id = $2::uuid",
                      input.city, input.vehicleId);
        TUTORIAL_EXEC(codes, session,
                      "UPDATE user_promo_codes SET usage_count = usage_count + 1 WHERE city = $1 "
                      "AND user_id = $2::uuid AND code IN (SELECT code FROM promo_codes WHERE "
                      "expiration_time IS NULL OR expiration_time > now())",
                      input.city, input.riderId);
        return Ok{};
    };
    body.verify = rowExists("rides", input.city, input.rideId);
    return body;
}

TransactionBody TutorialOperations::endRide(const EndRideInput &input)
{
    TransactionBody body;
    body.action = tr("End ride");
    body.interactive = [input](TransactionSession &session) -> Status {
        TUTORIAL_EXEC(ride, session,
                      "SELECT vehicle_city, vehicle_id, end_time FROM rides WHERE city = $1 AND "
                      "id = $2::uuid",
                      input.city, input.rideId);
        if (ride->rowCount() == 0)
            return refuse(tr("There is no such ride in %1.").arg(input.city));
        if (!ride->isNull(0, 2))
            return refuse(tr("The ride already ended."));
        TUTORIAL_EXEC(vehicle, session,
                      "SELECT current_location, status FROM vehicles WHERE city = $1 AND id = "
                      "$2::uuid",
                      ride->value(0, 0), ride->value(0, 1));
        const SqlValue endAddress = input.endAddress
                                        ? SqlValue(*input.endAddress)
                                        : (vehicle->rowCount() ? vehicle->value(0, 0) : SqlValue());
        TUTORIAL_EXEC(ended, session,
                      "UPDATE rides SET end_address = $3, revenue = $4::decimal, end_time = now() "
                      "WHERE city = $1 AND id = $2::uuid",
                      input.city, input.rideId, endAddress, input.revenue);
        TUTORIAL_EXEC(available, session,
                      "UPDATE vehicles SET status = 'available', current_location = "
                      "coalesce($3, current_location) WHERE city = $1 AND id = $2::uuid AND "
                      "status = 'in_use'",
                      ride->value(0, 0), ride->value(0, 1), endAddress);
        return Ok{};
    };
    body.verify = Statement{
        QStringLiteral("SELECT 1 FROM rides WHERE city = $1 AND id = $2::uuid AND end_time IS "
                       "NOT NULL AND revenue = $3::decimal"),
        {input.city, input.rideId, input.revenue}};
    return body;
}

TransactionBody TutorialOperations::addUser(const AddUserInput &input)
{
    TransactionBody body;
    body.action = tr("Add user");
    body.interactive = [input](TransactionSession &session) -> Status {
        TUTORIAL_EXEC(user, session,
                      "INSERT INTO users (id, city, name, address, credit_card) VALUES ($1::uuid, "
                      "$2, $3, $4, $5)",
                      input.id, input.city, input.name, input.address,
                      input.creditCard.isEmpty() ? SqlValue() : SqlValue(input.creditCard));
        return Ok{};
    };
    body.verify = rowExists("users", input.city, input.id);
    return body;
}

TransactionBody TutorialOperations::addVehicle(const AddVehicleInput &input)
{
    TransactionBody body;
    body.action = tr("Add vehicle");
    body.interactive = [input](TransactionSession &session) -> Status {
        TUTORIAL_EXEC(owner, session, "SELECT 1 FROM users WHERE city = $1 AND id = $2::uuid",
                      input.city, input.ownerId);
        if (owner->rowCount() == 0)
            return refuse(tr("The owner is not a user in %1.").arg(input.city));
        TUTORIAL_EXEC(vehicle, session,
                      "INSERT INTO vehicles (id, city, type, owner_id, creation_time, status, "
                      "current_location, ext) VALUES ($1::uuid, $2, $3, $4::uuid, now(), $5, $6, "
                      "$7::jsonb)",
                      input.id, input.city, input.type, input.ownerId, input.status,
                      input.currentLocation, input.ext);
        return Ok{};
    };
    body.verify = rowExists("vehicles", input.city, input.id);
    return body;
}

TransactionBody TutorialOperations::applyPromoCode(const ApplyPromoCodeInput &input)
{
    TransactionBody body;
    body.action = tr("Apply promo code");
    body.interactive = [input](TransactionSession &session) -> Status {
        TUTORIAL_EXEC(code, session,
                      "SELECT 1 FROM promo_codes WHERE code = $1 AND (expiration_time IS NULL OR "
                      "expiration_time > now())",
                      input.code);
        if (code->rowCount() == 0)
            return refuse(tr("The promo code does not exist or has expired."));
        TUTORIAL_EXEC(held, session,
                      "SELECT count(*) FROM user_promo_codes WHERE city = $1 AND user_id = "
                      "$2::uuid AND code = $3",
                      input.city, input.userId, input.code);
        if (held->text(0, 0) != QStringLiteral("0"))
            return refuse(tr("The user already has this promo code."));
        TUTORIAL_EXEC(applied, session,
                      "INSERT INTO user_promo_codes (city, user_id, code, \"timestamp\", "
                      "usage_count) VALUES ($1, $2::uuid, $3, now(), 0)",
                      input.city, input.userId, input.code);
        return Ok{};
    };
    body.verify = Statement{QStringLiteral("SELECT 1 FROM user_promo_codes WHERE city = $1 AND "
                                           "user_id = $2::uuid AND code = $3"),
                            {input.city, input.userId, input.code}};
    return body;
}

TransactionBody TutorialOperations::createPromoCode(const CreatePromoCodeInput &input)
{
    TransactionBody body;
    body.action = tr("Create promo code");
    body.interactive = [input](TransactionSession &session) -> Status {
        TUTORIAL_EXEC(code, session,
                      "INSERT INTO promo_codes (code, description, creation_time, "
                      "expiration_time, rules) VALUES ($1, $2, now(), $3::timestamp, $4::jsonb)",
                      input.code, input.description,
                      input.expirationTime.isEmpty() ? SqlValue() : SqlValue(input.expirationTime),
                      input.rules);
        return Ok{};
    };
    body.verify =
        Statement{QStringLiteral("SELECT 1 FROM promo_codes WHERE code = $1"), {input.code}};
    return body;
}

TransactionBody TutorialOperations::recordLocation(const RecordLocationInput &input)
{
    TransactionBody body;
    body.action = tr("Record vehicle location");
    const QString timestamp = input.timestamp.trimmed() + QStringLiteral("+00");
    body.interactive = [input, timestamp](TransactionSession &session) -> Status {
        TUTORIAL_EXEC(ride, session, "SELECT end_time FROM rides WHERE city = $1 AND id = $2::uuid",
                      input.city, input.rideId);
        if (ride->rowCount() == 0 || !ride->isNull(0, 0))
            return refuse(tr("The ride is not active."));
        TUTORIAL_EXEC(point, session,
                      "INSERT INTO vehicle_location_histories (city, ride_id, \"timestamp\", lat, "
                      "long) VALUES ($1, $2::uuid, $3::timestamptz::timestamp, $4::float8, "
                      "$5::float8)",
                      input.city, input.rideId, timestamp, number(input.latitude),
                      number(input.longitude));
        return Ok{};
    };
    body.verify = Statement{QStringLiteral("SELECT 1 FROM vehicle_location_histories WHERE city = "
                                           "$1 AND ride_id = $2::uuid AND \"timestamp\" = "
                                           "$3::timestamptz::timestamp"),
                            {input.city, input.rideId, timestamp}};
    return body;
}
