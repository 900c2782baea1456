#include "Validation.h"

#include "Cities.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QRegularExpression>
#include <QUuid>

namespace {

// A value echoed in a message: one line, cut short.
QString shown(const QString &value)
{
    QString text = value.left(60);
    for (QChar &c : text) {
        if (c.category() == QChar::Other_Control)
            c = QLatin1Char(' ');
    }
    return value.size() > 60 ? text + QStringLiteral("...") : text;
}

bool hasControlCharacters(const QString &value)
{
    for (const QChar c : value) {
        if (c.category() == QChar::Other_Control)
            return true;
    }
    return false;
}

} // namespace

QString Validation::uuid(const QString &value, IdField field)
{
    if (!normalizedUuid(value).isEmpty())
        return {};
    const QString text = shown(value);
    switch (field) {
    case IdField::User:
        return tr("The user id is not a valid UUID: \"%1\".").arg(text);
    case IdField::Rider:
        return tr("The rider id is not a valid UUID: \"%1\".").arg(text);
    case IdField::Vehicle:
        return tr("The vehicle id is not a valid UUID: \"%1\".").arg(text);
    case IdField::AnyVehicle:
        return tr("A vehicle id is not a valid UUID: \"%1\".").arg(text);
    case IdField::Ride:
        return tr("The ride id is not a valid UUID: \"%1\".").arg(text);
    case IdField::Owner:
        return tr("The owner id is not a valid UUID: \"%1\".").arg(text);
    case IdField::Id:
        break;
    }
    return tr("The id is not a valid UUID: \"%1\".").arg(text);
}

QString Validation::normalizedUuid(const QString &value)
{
    static const QRegularExpression canonical(QStringLiteral(
        "^\\{?[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\\}?$"));
    static const QRegularExpression compact(QStringLiteral("^[0-9A-Fa-f]{32}$"));
    QString text = value.trimmed();
    if (canonical.match(text).hasMatch()) {
        // Braces must come in pairs.
        if (text.startsWith(QLatin1Char('{')) != text.endsWith(QLatin1Char('}')))
            return {};
        if (text.startsWith(QLatin1Char('{')))
            text = text.mid(1, text.size() - 2);
        return text.toLower();
    }
    if (compact.match(text).hasMatch()) {
        text = text.toLower();
        return QStringLiteral("%1-%2-%3-%4-%5")
            .arg(text.mid(0, 8), text.mid(8, 4), text.mid(12, 4), text.mid(16, 4),
                 text.mid(20, 12));
    }
    return {};
}

QString Validation::city(const QString &value)
{
    if (value.isEmpty())
        return tr("The city is missing.");
    if (!Cities::isKnown(value))
        return tr("The city \"%1\" is not a MovR city (expected one of: %2).")
            .arg(shown(value), Cities::names().join(QLatin1String(", ")));
    return {};
}

const QStringList &Validation::vehicleStatuses()
{
    static const QStringList statuses{QStringLiteral("available"), QStringLiteral("in_use"),
                                      QStringLiteral("lost"), QStringLiteral("retired")};
    return statuses;
}

const QStringList &Validation::settableStatuses()
{
    static const QStringList statuses{QStringLiteral("available"), QStringLiteral("lost")};
    return statuses;
}

const QStringList &Validation::vehicleTypes()
{
    static const QStringList types{QStringLiteral("bike"), QStringLiteral("scooter"),
                                   QStringLiteral("skateboard")};
    return types;
}

QString Validation::vehicleStatus(const QString &value)
{
    if (!vehicleStatuses().contains(value))
        return tr("The vehicle status \"%1\" is unknown (expected one of: %2).")
            .arg(shown(value), vehicleStatuses().join(QLatin1String(", ")));
    return {};
}

QString Validation::settableVehicleStatus(const QString &value)
{
    if (value == QLatin1String("in_use"))
        return tr("A vehicle becomes in_use by starting a ride, not by setting its status.");
    if (value == QLatin1String("retired"))
        return tr("Use \"retire vehicle\" to retire a vehicle.");
    if (!settableStatuses().contains(value))
        return tr("The vehicle status \"%1\" is unknown (expected one of: %2).")
            .arg(shown(value), settableStatuses().join(QLatin1String(", ")));
    return {};
}

QString Validation::vehicleType(const QString &value)
{
    if (!vehicleTypes().contains(value))
        return tr("The vehicle type \"%1\" is unknown (expected one of: %2).")
            .arg(shown(value), vehicleTypes().join(QLatin1String(", ")));
    return {};
}

QString Validation::revenue(const QString &value)
{
    // DECIMAL(10,2): up to 8 digits before the point.
    static const QRegularExpression format(QStringLiteral("^[0-9]{1,8}(\\.[0-9]{1,2})?$"));
    const QString text = value.trimmed();
    if (text.isEmpty())
        return tr("The revenue is missing.");
    if (text.startsWith(QLatin1Char('-')))
        return tr("The revenue must not be negative: %1.").arg(shown(text));
    if (!format.match(text).hasMatch()) {
        static const QRegularExpression manyDecimals(QStringLiteral("^[0-9]+\\.[0-9]{3,}$"));
        if (manyDecimals.match(text).hasMatch())
            return tr("The revenue has more than two decimals: %1.").arg(shown(text));
        return tr("The revenue is not an amount like 12.50: \"%1\".").arg(shown(text));
    }
    return {};
}

QString Validation::jsonObject(const QString &value, JsonField field)
{
    const bool rules = field == JsonField::Rules;
    if (value.size() > MaxExtLength)
        return rules ? tr("The rules are longer than %1 characters.").arg(MaxExtLength)
                     : tr("The ext column is longer than %1 characters.").arg(MaxExtLength);
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(value.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError)
        return (rules ? tr("The rules are not valid JSON: %1 at character %2.")
                      : tr("The ext column is not valid JSON: %1 at character %2."))
            .arg(error.errorString())
            .arg(error.offset);
    if (!document.isObject())
        return rules ? tr("The rules must be a JSON object like {\"type\": \"percent_discount\"}.")
                     : tr("The ext column must be a JSON object like {\"color\": \"red\"}.");
    return {};
}

QString Validation::creditCard(const QString &value)
{
    static const QRegularExpression digits(QStringLiteral("^[0-9]{10,19}$"));
    if (!digits.match(value).hasMatch())
        return tr("The credit card number must be 10 to 19 digits, nothing else.");
    return {};
}

QString Validation::normalizedCreditCard(const QString &value)
{
    // Groups of ASCII digits separated by single spaces or hyphens.
    static const QRegularExpression grouped(QStringLiteral("^[0-9]+([ -][0-9]+)*$"));
    const QString text = value.trimmed();
    if (!grouped.match(text).hasMatch())
        return text;
    QString digits = text;
    digits.remove(QLatin1Char(' '));
    digits.remove(QLatin1Char('-'));
    return digits;
}

QString Validation::requiredText(const QString &value, TextField field, int maxLength)
{
    enum class Problem { Empty, TooLong, Control };
    Problem problem = Problem::Empty;
    if (value.trimmed().isEmpty())
        problem = Problem::Empty;
    else if (value.size() > maxLength)
        problem = Problem::TooLong;
    else if (hasControlCharacters(value))
        problem = Problem::Control;
    else
        return {};
    // One whole sentence per field and problem, so that each translates as a whole.
    switch (field) {
    case TextField::Name:
        switch (problem) {
        case Problem::Empty:
            return tr("The name is empty.");
        case Problem::TooLong:
            return tr("The name is longer than %1 characters.").arg(maxLength);
        case Problem::Control:
            return tr("The name contains control characters (line breaks, tabs...).");
        }
        break;
    case TextField::Address:
        switch (problem) {
        case Problem::Empty:
            return tr("The address is empty.");
        case Problem::TooLong:
            return tr("The address is longer than %1 characters.").arg(maxLength);
        case Problem::Control:
            return tr("The address contains control characters (line breaks, tabs...).");
        }
        break;
    case TextField::Location:
        switch (problem) {
        case Problem::Empty:
            return tr("The location is empty.");
        case Problem::TooLong:
            return tr("The location is longer than %1 characters.").arg(maxLength);
        case Problem::Control:
            return tr("The location contains control characters (line breaks, tabs...).");
        }
        break;
    case TextField::StartAddress:
        switch (problem) {
        case Problem::Empty:
            return tr("The start address is empty.");
        case Problem::TooLong:
            return tr("The start address is longer than %1 characters.").arg(maxLength);
        case Problem::Control:
            return tr("The start address contains control characters (line breaks, tabs...).");
        }
        break;
    case TextField::EndAddress:
        switch (problem) {
        case Problem::Empty:
            return tr("The end address is empty.");
        case Problem::TooLong:
            return tr("The end address is longer than %1 characters.").arg(maxLength);
        case Problem::Control:
            return tr("The end address contains control characters (line breaks, tabs...).");
        }
        break;
    }
    return {};
}

QString Validation::address(const QString &value, TextField field)
{
    return requiredText(value, field, MaxAddressLength);
}

QString Validation::promoCode(const QString &value)
{
    // Letters of any script with their combining marks (a decomposed "é"), decimal digits.
    static const QRegularExpression format(QStringLiteral("^[\\p{L}\\p{M}\\p{Nd}_-]+$"),
                                           QRegularExpression::UseUnicodePropertiesOption);
    if (value.isEmpty())
        return tr("The promo code is empty.");
    // Characters as people count them (a letter outside the BMP is one, not two).
    if (value.toUcs4().size() > MaxPromoCodeLength)
        return tr("The promo code is longer than %1 characters.").arg(MaxPromoCodeLength);
    if (!format.match(value).hasMatch())
        return tr("The promo code may contain only letters, digits, '_' and '-': \"%1\".")
            .arg(shown(value));
    return {};
}

QString Validation::normalizedPromoCode(const QString &value)
{
    return value.normalized(QString::NormalizationForm_C);
}

std::optional<QDateTime> Validation::parseTimestamp(const QString &value)
{
    static const QRegularExpression format(QStringLiteral(
        "^(\\d{4})-(\\d{2})-(\\d{2})[ T](\\d{2}):(\\d{2}):(\\d{2})(\\.(\\d{1,6}))?$"));
    const QRegularExpressionMatch match = format.match(value.trimmed());
    if (!match.hasMatch())
        return std::nullopt;
    const QDate date(match.captured(1).toInt(), match.captured(2).toInt(),
                     match.captured(3).toInt());
    const QString fraction = match.captured(8);
    const int milliseconds =
        fraction.isEmpty() ? 0 : (fraction + QStringLiteral("00")).left(3).toInt();
    const QTime time(match.captured(4).toInt(), match.captured(5).toInt(),
                     match.captured(6).toInt(), milliseconds);
    if (!date.isValid() || !time.isValid())
        return std::nullopt;
    return QDateTime(date, time, Qt::UTC);
}

QString Validation::timestamp(const QString &value, TimeField field)
{
    if (parseTimestamp(value))
        return {};
    const QString text = shown(value);
    switch (field) {
    case TimeField::CreationTime:
        return tr("The creation time is not a timestamp like 2024-05-01 12:30:00: \"%1\".")
            .arg(text);
    case TimeField::ExpirationTime:
        return tr("The expiration time is not a timestamp like 2024-05-01 12:30:00: \"%1\".")
            .arg(text);
    case TimeField::Time:
        break;
    }
    return tr("The time is not a timestamp like 2024-05-01 12:30:00: \"%1\".").arg(text);
}

QString Validation::latitude(double value)
{
    if (!(value >= -90.0 && value <= 90.0))
        return tr("The latitude must be between -90 and 90.");
    return {};
}

QString Validation::longitude(double value)
{
    if (!(value >= -180.0 && value <= 180.0))
        return tr("The longitude must be between -180 and 180.");
    return {};
}
