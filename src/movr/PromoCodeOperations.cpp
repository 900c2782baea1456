#include "Operations.h"

#include "CityLookup.h"
#include "OperationSupport.h"
#include "Validation.h"

// The promo code operations of Operations: create, apply.

using namespace OperationSupport;

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
                 : Validation::timestamp(input.creationTime, Validation::TimeField::CreationTime),
             input.expirationTime.isEmpty()
                 ? QString()
                 : Validation::timestamp(input.expirationTime,
                                         Validation::TimeField::ExpirationTime),
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
    body.check = onSummaryRow([creationGiven](const SummaryRow &row) -> Status {
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
                                     Validation::uuid(input.userId, Validation::IdField::User),
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
            "    SELECT code, expiration_time IS NOT NULL AND expiration_time <= now() AS "
            "expired,\n"
            "           creation_time IS NOT NULL AND creation_time > now() AS not_yet_valid\n"
            "    FROM promo_codes WHERE code = $3::text),\n"
            "existing AS (\n"
            "    SELECT code FROM user_promo_codes\n"
            "    WHERE city = $1::text AND user_id = $2::uuid AND code = $3::text),\n"
            "added AS (\n"
            "    INSERT INTO user_promo_codes (city, user_id, code, \"timestamp\", usage_count)\n"
            "    SELECT $1::text, usr.id, promo.code, now(), 0 FROM usr, promo\n"
            "    WHERE NOT promo.expired AND NOT promo.not_yet_valid\n"
            "      AND NOT EXISTS (SELECT 1 FROM existing)\n"
            "    RETURNING code)\n"
            "SELECT (SELECT count(*) FROM added) AS added,\n"
            "       (SELECT count(*) FROM usr) AS user_found,\n"
            "       (SELECT count(*) FROM promo) AS code_found,\n"
            "       (SELECT expired FROM promo) AS expired,\n"
            "       (SELECT not_yet_valid FROM promo) AS not_yet_valid,\n"
            "       (SELECT count(*) FROM existing) AS already_applied,\n"
            "       ") +
            CityLookup::otherCity("users", 2, 1, "usr") + QStringLiteral(" AS user_city"),
        {input.city, userId, input.code}});
    const QString city = input.city;
    body.check = onSummaryRow([city](const SummaryRow &row) -> Status {
        if (row.count("added") == 1)
            return Ok{};
        if (row.count("user_found") == 0)
            return refuse(notInCity(Entity::User, city, row.text("user_city")));
        if (row.count("code_found") == 0)
            return refuse(tr("no such promo code"));
        if (row.text("expired") == QLatin1String("t") ||
            row.text("expired") == QLatin1String("true"))
            return refuse(tr("the promo code has expired"));
        if (row.text("not_yet_valid") == QLatin1String("t") ||
            row.text("not_yet_valid") == QLatin1String("true"))
            return refuse(tr("the promo code is not valid yet"));
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
