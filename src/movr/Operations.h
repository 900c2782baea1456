#pragma once

// The MovR operations as transaction bodies (src/txn/Transaction.h).
//
// Every function validates its input first (Validation) and returns an error with
// ErrorClass::InvalidInput before anything is sent. Otherwise it returns a PIPELINED body:
// one statement whose preconditions live inside it (a data-modifying CTE whose writes all
// depend on one precondition row), so a whole retrying transaction is one network round
// trip. When a precondition fails, NOTHING is written, and the body's `check` turns the
// returned diagnostic row into a precise, translated reason ("the vehicle is in use",
// "the ride already ended", ...) with ErrorClass::Constraint (a business rule, no SQLSTATE).
//
// In PostgreSQL all sub-statements of one WITH see the same snapshot; the writes of
// concurrent transactions meet on the same rows (the vehicle row for rides), so under
// SERIALIZABLE the loser gets 40001 and the runner runs the body again, which then sees the
// winner's effect and reports the precondition. CockroachDB runs the same SQL.
//
// Every insert uses a client-generated key (a UUID from QUuid::createUuid, or the promo code
// or the client timestamp of a location), and every body has a `verify` statement that
// returns a row exactly when the effect is in the database, for ambiguous commits.
//
// Parameters are always bound ($n), never pasted into the SQL text.

#include "pg/Result.h"
#include "txn/Transaction.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>

// A new client-generated UUID, canonical lowercase form.
QString newClientUuid();
// The current UTC time as the TIMESTAMP columns store it, with microseconds
// ("2024-05-01 12:30:00.123456"); consecutive calls in one process differ.
QString clientTimestamp();

struct StartRideInput
{
    StartRideInput() = default;
    StartRideInput(QString city, QString riderId, QString vehicleId,
                   QString rideId = newClientUuid())
        : city(std::move(city)), riderId(std::move(riderId)), vehicleId(std::move(vehicleId)),
          rideId(std::move(rideId))
    {}
    QString city;
    QString riderId;
    QString vehicleId;
    QString rideId = newClientUuid(); // the new ride's id
};

struct EndRideInput
{
    EndRideInput() = default;
    EndRideInput(QString city, QString rideId, QString revenue,
                 std::optional<QString> endAddress = std::nullopt)
        : city(std::move(city)), rideId(std::move(rideId)), revenue(std::move(revenue)),
          endAddress(std::move(endAddress))
    {}
    QString city;
    QString rideId;
    QString revenue;                   // "12.50"
    std::optional<QString> endAddress; // default: the vehicle's current location
};

struct AddVehicleInput
{
    QString id = newClientUuid();
    QString city;
    QString type; // bike, scooter, skateboard
    QString ownerId;
    QString status = QStringLiteral("available"); // available or lost
    QString currentLocation;
    QString ext = QStringLiteral("{}"); // a JSON object
};

// Fields left empty (nullopt) keep their value.
struct EditVehicleInput
{
    EditVehicleInput() = default;
    EditVehicleInput(QString city, QString id) : city(std::move(city)), id(std::move(id)) {}
    QString city;
    QString id;
    std::optional<QString> type;
    std::optional<QString> ownerId;
    std::optional<QString> currentLocation;
    std::optional<QString> ext; // a JSON object
};

struct SetVehicleStatusInput
{
    SetVehicleStatusInput() = default;
    SetVehicleStatusInput(QString city, QStringList vehicleIds, QString status, int chunkSize = 100)
        : city(std::move(city)), vehicleIds(std::move(vehicleIds)), status(std::move(status)),
          chunkSize(chunkSize)
    {}
    QString city;
    QStringList vehicleIds;
    QString status;      // available or lost
    int chunkSize = 100; // vehicles per transaction
};

struct AddUserInput
{
    QString id = newClientUuid();
    QString city;
    QString name;
    QString address;
    QString creditCard; // empty: none (NULL)
};

// Fields left empty (nullopt) keep their value; creditCard = "" removes the card.
struct EditUserInput
{
    EditUserInput() = default;
    EditUserInput(QString city, QString id) : city(std::move(city)), id(std::move(id)) {}
    QString city;
    QString id;
    std::optional<QString> name;
    std::optional<QString> address;
    std::optional<QString> creditCard;
};

struct CreatePromoCodeInput
{
    QString code;
    QString description;
    QString creationTime;   // empty: now() on the server
    QString expirationTime; // empty: never expires
    QString rules = QStringLiteral(R"({"type": "percent_discount", "value": "10%"})");
};

struct ApplyPromoCodeInput
{
    ApplyPromoCodeInput() = default;
    ApplyPromoCodeInput(QString city, QString userId, QString code)
        : city(std::move(city)), userId(std::move(userId)), code(std::move(code))
    {}
    QString city;
    QString userId;
    QString code;
};

struct RecordLocationInput
{
    RecordLocationInput() = default;
    RecordLocationInput(QString city, QString rideId, double latitude, double longitude,
                        QString timestamp = clientTimestamp())
        : city(std::move(city)), rideId(std::move(rideId)), latitude(latitude),
          longitude(longitude), timestamp(std::move(timestamp))
    {}
    QString city;
    QString rideId;
    double latitude = 0;
    double longitude = 0;
    QString timestamp = clientTimestamp(); // part of the row's key
};

class Operations
{
    Q_DECLARE_TR_FUNCTIONS(Operations)

public:
    // Start ride: the vehicle must be in the city, 'available' and in no active ride; the
    // rider must be a user of the city. Inserts the ride (start_address = the vehicle's
    // location, start_time = now()), sets the vehicle in_use and adds 1 to usage_count of the
    // rider's unexpired promo codes (a NULL expiration never expires).
    static Result<TransactionBody> startRide(const StartRideInput &input);
    // End ride: the ride must exist in the city and be active. end_time = now(), end_address
    // (default: the vehicle's location), revenue; the vehicle becomes available at the end
    // address.
    static Result<TransactionBody> endRide(const EndRideInput &input);
    // Add vehicle: the owner must be a user of the same city; the id must be new.
    static Result<TransactionBody> addVehicle(const AddVehicleInput &input);
    // Edit vehicle: type, owner (a user of the city), location, ext; refused when retired.
    static Result<TransactionBody> editVehicle(const EditVehicleInput &input);
    // Set status (available or lost) of one or many vehicles of a city. Refused, per chunk and
    // with nothing of that chunk written, when a vehicle is missing, retired or in an active
    // ride. Many vehicles are split into chunks of input.chunkSize, one transaction each (run
    // them in order; earlier chunks stay committed when a later one is refused).
    static Result<QList<TransactionBody>> setVehicleStatus(const SetVehicleStatusInput &input);
    // Retire vehicle (soft delete: status 'retired'; rides reference vehicles, so no DELETE).
    // Refused while the vehicle is in an active ride or already retired.
    static Result<TransactionBody> retireVehicle(const QString &city, const QString &vehicleId);
    static Result<TransactionBody> addUser(const AddUserInput &input);
    static Result<TransactionBody> editUser(const EditUserInput &input);
    // Delete user: refused while rides, vehicles or promo codes reference the user.
    static Result<TransactionBody> deleteUser(const QString &city, const QString &userId);
    // Create promo code: the code must be new; expiration after creation.
    static Result<TransactionBody> createPromoCode(const CreatePromoCodeInput &input);
    // Apply promo code: the user must exist in the city, the code must exist, be created
    // (creation_time not after now) and not be expired, and the user must not have it already
    // (usage_count starts at 0).
    static Result<TransactionBody> applyPromoCode(const ApplyPromoCodeInput &input);
    // Record a vehicle location for a ride: the ride must be active.
    static Result<TransactionBody> recordLocation(const RecordLocationInput &input);

    // Splits `ids` into chunks of at most `chunkSize` (>= 1).
    static QList<QStringList> chunks(const QStringList &ids, int chunkSize);
};
