#pragma once

// What the MovR operations (Operations, one source file per entity) have in common: input
// problems and refusals as errors, the check of the summary row, the verification of an
// insert. Their messages are translated in the Operations context.

#include "SummaryRow.h"
#include "pg/Result.h"
#include "txn/Transaction.h"

#include <QString>

#include <functional>
#include <initializer_list>
#include <optional>

namespace OperationSupport {

// Invalid input, found before anything is sent.
DbError invalid(const QString &reason);
// A precondition that failed on the server: a business rule, nothing was written.
Status refuse(const QString &reason);
// The same, about one input: `constraint` names its column, for a form to mark the field.
Status refuse(const QString &reason, const char *column);
// The first non-empty reason, if any.
std::optional<QString> firstProblem(std::initializer_list<QString> reasons);
Status unexpectedReply();

// The user-facing reason for a vehicle that is not available.
QString vehicleNotAvailable(const QString &status);

// What an operation looked for in a city.
enum class Entity { Vehicle, Ride, User };
// "no such vehicle in <city>", or, when the key is found in another city, "the vehicle is
// not in <city> (it is in <otherCity>)"; one whole sentence per entity.
QString notInCity(Entity entity, const QString &city, const QString &otherCity);

SqlValue optionalText(const std::optional<QString> &value);
QString flag(bool set);

// The check of an operation whose last statement returns one summary row: an empty or
// shapeless reply is unexpected.
template <typename Decide>
std::function<Status(const QList<PgResult> &)> onSummaryRow(Decide decide)
{
    return [decide](const QList<PgResult> &results) -> Status {
        if (results.isEmpty() || !SummaryRow(results.first()).valid())
            return unexpectedReply();
        return decide(SummaryRow(results.first()));
    };
}

// The verification of an insert: the row with this key exists.
Statement rowExists(const char *table, const QString &city, const QString &id);

} // namespace OperationSupport
