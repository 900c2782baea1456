#pragma once

// Input validation for the MovR operations: run before anything is sent to the server.
//
// Every check returns an empty string when the value is acceptable, otherwise ONE whole
// sentence saying what is wrong, translated (tr()). A check used for several fields takes
// the field as an enum and has one sentence per field (never a noun pasted into "the %1 is
// empty"), so that each translates as a whole. Values
// are never pasted into SQL whatever these checks say: the operations bind them as
// parameters; the checks exist so that the user gets a clear message instead of a server
// error, and nothing is lost (the dialog keeps the text).
//
// Vehicle statuses: the MovR workload writes available, in_use and lost. This application
// adds `retired` for "retire vehicle" (a soft delete: rides reference vehicles, so they
// cannot be deleted). `in_use` is written only by "start ride" and `retired` only by
// "retire vehicle": "set vehicle status" accepts available and lost (settableStatuses()),
// so a vehicle's status keeps agreeing with its rides.

#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>

class Validation
{
    Q_DECLARE_TR_FUNCTIONS(Validation)

public:
    // Length limits (characters) for free text.
    static constexpr int MaxNameLength = 100;
    static constexpr int MaxAddressLength = 200;
    static constexpr int MaxDescriptionLength = 500;
    static constexpr int MaxPromoCodeLength = 64;
    static constexpr int MaxExtLength = 10000;

    // The fields a check words its sentence for.
    enum class IdField { Id, User, Rider, Vehicle, AnyVehicle, Ride, Owner };
    enum class TextField { Name, Address, Location, StartAddress, EndAddress };
    enum class TimeField { Time, CreationTime, ExpirationTime };

    // A UUID in the canonical 8-4-4-4-12 form, with or without braces, or 32 hex digits;
    // surrounding spaces are ignored. AnyVehicle: one of several vehicle ids ("A vehicle id").
    static QString uuid(const QString &value, IdField field = IdField::Id);
    // The canonical lowercase 36-character form; empty when uuid() rejects the value.
    static QString normalizedUuid(const QString &value);

    // One of the nine MovR cities, exactly as stored ("new york").
    static QString city(const QString &value);

    static const QStringList &vehicleStatuses();  // available, in_use, lost, retired
    static const QStringList &settableStatuses(); // available, lost
    static const QStringList &vehicleTypes();     // bike, scooter, skateboard
    // Any stored status (for filters).
    static QString vehicleStatus(const QString &value);
    // A status "set vehicle status" may write.
    static QString settableVehicleStatus(const QString &value);
    static QString vehicleType(const QString &value);

    // Revenue: >= 0, at most two decimals, fits DECIMAL(10,2) ("12", "12.5", "0.99").
    static QString revenue(const QString &value);
    // The JSON columns, so that each message is a whole sentence about its field.
    enum class JsonField { Ext, Rules };
    // `ext` or a promo code's `rules`: a JSON object ({} allowed); arrays, scalars and
    // malformed text are refused.
    static QString jsonObject(const QString &value, JsonField field = JsonField::Ext);
    // Credit card as stored: 10 to 19 digits, nothing else (normalizedCreditCard() first).
    static QString creditCard(const QString &value);
    // A card number as typed: "4111 1111 1111 1111" or "4111-1111-1111-1111" become the
    // digits alone; spaces and hyphens are dropped only between digits. Anything else
    // (letters, other signs) is returned trimmed and unchanged, for creditCard() to refuse.
    static QString normalizedCreditCard(const QString &value);
    // Non-empty after trimming, at most `maxLength` characters, no control characters.
    static QString requiredText(const QString &value, TextField field, int maxLength);
    static QString name(const QString &value)
    {
        return requiredText(value, TextField::Name, MaxNameLength);
    }
    // Address, Location, StartAddress or EndAddress.
    static QString address(const QString &value, TextField field = TextField::Address);
    // Promo code: 1 to 64 characters out of letters (any script: "été_2024", "春"), digits,
    // '_' and '-' (the workload's codes look like "1_wall_heavy_cat"; the column is a
    // VARCHAR, any text).
    static QString promoCode(const QString &value);
    // A promo code as stored and looked up: Unicode NFC, so that an "é" typed precomposed or
    // decomposed is the same code.
    static QString normalizedPromoCode(const QString &value);
    // A timestamp "YYYY-MM-DD HH:MM:SS[.ffffff]" (a 'T' instead of the space is accepted).
    static QString timestamp(const QString &value, TimeField field = TimeField::Time);
    // The parsed timestamp (UTC is assumed: the columns are TIMESTAMP without time zone);
    // nullopt when timestamp() rejects it.
    static std::optional<QDateTime> parseTimestamp(const QString &value);
    static QString latitude(double value);
    static QString longitude(double value);
};
