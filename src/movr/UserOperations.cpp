#include "Operations.h"

#include "CityLookup.h"
#include "OperationSupport.h"
#include "Validation.h"

// The user operations of Operations: add, edit, delete.

using namespace OperationSupport;

Result<TransactionBody> Operations::addUser(const AddUserInput &input)
{
    if (auto problem = firstProblem(
            {Validation::uuid(input.id, Validation::IdField::User), Validation::city(input.city),
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
    body.check = onSummaryRow([](const SummaryRow &row) -> Status {
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
            {Validation::city(input.city), Validation::uuid(input.id, Validation::IdField::User),
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
    body.check = onSummaryRow([city](const SummaryRow &row) -> Status {
        if (row.count("edited") == 1)
            return Ok{};
        return refuse(notInCity(Entity::User, city, row.text("user_city")));
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
    if (auto problem = firstProblem(
            {Validation::city(city), Validation::uuid(userId, Validation::IdField::User)}))
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
    body.check = onSummaryRow([city](const SummaryRow &row) -> Status {
        if (row.count("deleted") == 1)
            return Ok{};
        if (row.count("user_found") == 0)
            return refuse(notInCity(Entity::User, city, row.text("user_city")));
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
