#include "WorkloadCheck.h"

#include "movr/MovrSchemaShape.h"

#include <algorithm>
#include <optional>

// The MovR invariants (issue 12, item 3). Each is one read-only SELECT that returns the rows
// breaking it, the first kMaxRowsShown of them in key order, each carrying the total count in
// a last column `total` (count(*) OVER () is computed over every row that passes WHERE, before
// LIMIT). No PostgreSQL-only function is used: LEFT JOIN, window functions, IS [NOT] DISTINCT
// FROM and coalesce are what CockroachDB accepts too.
//
// What each invariant means, and the decisions taken where the issue leaves room:
// - vehicle-in-two-active-rides: no two rides with end_time IS NULL name the same vehicle. The
//   vehicle is what the vehicles key names: (vehicle_city, vehicle_id) on the canonical shape,
//   vehicle_id alone on the multi-region shape (a ride naming a vehicle of another city is the
//   third invariant's business). Rows: every active ride sharing its vehicle.
// - vehicle-status-disagrees-with-rides: status = 'in_use' exactly when the vehicle has an active
//   ride. A lost or retired vehicle must have no active ride: the application refuses to start a
//   ride on one, and refuses to mark a vehicle in an active ride lost or retired (Operations.h),
//   so such a vehicle with an active ride comes from a write outside the operations and is
//   reported. A lost or retired vehicle without an active ride holds (it is not in_use).
// - ride-rider-or-vehicle-missing: a ride's rider is a user of the ride's city (users.city =
//   rides.city, users.id = rider_id) and its vehicle a vehicle of the ride's vehicle city
//   (vehicles.city = vehicle_city, vehicles.id = vehicle_id), and vehicle_city = city. On the
//   canonical shape the foreign keys already say so; on the multi-region shape they name the id
//   alone, so a rider of another city is found only here.
// - ride-ends-before-start: end_time < start_time.
// - ride-negative-revenue: revenue < 0.
// - promo-code-usage-outside-rules: every user_promo_codes row names a user of its city and an
//   existing promo code (no foreign key covers the code), usage_count is not negative, and the
//   code was applied ("timestamp") while valid: not before the code's creation_time and before
//   its expiration_time (applying an expired code is refused). The rules JSON of MovR
//   ({"type": "percent_discount", "value": "10%"}) prices a ride, but a ride does not record
//   which code it used, so the discount cannot be checked against revenue; what is checkable is
//   when a code may be used, and that is checked.
//
// All queries run in one read-only transaction, so they see one snapshot: REPEATABLE READ on
// PostgreSQL (one snapshot for the whole transaction, taken at its first query, and a read-only
// one never fails to serialize); SERIALIZABLE on CockroachDB, which reads at the transaction's
// one timestamp (https://www.cockroachlabs.com/docs/stable/demo-serializable; READ COMMITTED,
// which a session may default to, takes a snapshot per statement:
// https://www.cockroachlabs.com/docs/stable/read-committed). A query that fails ends that
// transaction; the remaining queries run in a new one. A retryable error (40001, which a
// CockroachDB read-only transaction can meet on an uncertain read) runs the whole check again,
// at most kAttempts times.

namespace {

constexpr int kAttempts = 3;

struct Invariant
{
    QString name;
    QString description;
    QString sql;
};

QString limited(const QString &sql)
{
    return sql + QStringLiteral("\nLIMIT %1").arg(WorkloadCheck::kMaxRowsShown);
}

QList<Invariant> invariants(const MovrSchemaShape &shape)
{
    // The vehicle as the vehicles key names it, seen from rides.
    const bool vehicleKeyHasCity =
        shape.primaryKey(QStringLiteral("vehicles")).contains(QLatin1String("city"));
    const QString rideVehicle = vehicleKeyHasCity ? QStringLiteral("vehicle_city, vehicle_id")
                                                  : QStringLiteral("vehicle_id");
    const QString activeJoin =
        vehicleKeyHasCity ? QStringLiteral("a.vehicle_city = v.city AND a.vehicle_id = v.id")
                          : QStringLiteral("a.vehicle_id = v.id");

    QList<Invariant> list;
    list.append(
        {QStringLiteral("vehicle-in-two-active-rides"),
         WorkloadCheck::tr("No vehicle is in two active rides at once."),
         limited(QStringLiteral(
                     "SELECT vehicle_city, vehicle_id, active_rides, city AS ride_city,\n"
                     "       id AS ride_id, start_time, count(*) OVER () AS total\n"
                     "FROM (SELECT city, id, vehicle_city, vehicle_id, start_time,\n"
                     "             count(*) OVER (PARTITION BY %1) AS active_rides\n"
                     "      FROM rides WHERE end_time IS NULL AND vehicle_id IS NOT NULL) AS a\n"
                     "WHERE active_rides > 1\n"
                     "ORDER BY vehicle_city, vehicle_id, start_time, ride_city, ride_id")
                     .arg(rideVehicle))});
    list.append(
        {QStringLiteral("vehicle-status-disagrees-with-rides"),
         WorkloadCheck::tr("A vehicle is in use exactly when it has an active ride, and a lost or "
                           "retired vehicle has no active ride."),
         limited(
             QStringLiteral(
                 "WITH active AS (\n"
                 "    SELECT %1, count(*) AS active_rides FROM rides\n"
                 "    WHERE end_time IS NULL AND vehicle_id IS NOT NULL GROUP BY %1)\n"
                 "SELECT v.city, v.id, v.status, coalesce(a.active_rides, 0) AS active_rides,\n"
                 "       count(*) OVER () AS total\n"
                 "FROM vehicles AS v LEFT JOIN active AS a ON %2\n"
                 "WHERE (v.status IS NOT DISTINCT FROM 'in_use') <> (a.active_rides IS NOT NULL)\n"
                 "ORDER BY v.city, v.id")
                 .arg(rideVehicle, activeJoin))});
    list.append(
        {QStringLiteral("ride-rider-or-vehicle-missing"),
         WorkloadCheck::tr("Every ride's rider is a user of the ride's city and its vehicle a "
                           "vehicle of the same city."),
         limited(QStringLiteral(
             "SELECT r.city, r.id, r.rider_id, rider.id IS NOT NULL AS rider_found,\n"
             "       r.vehicle_city, r.vehicle_id, vehicle.id IS NOT NULL AS vehicle_found,\n"
             "       count(*) OVER () AS total\n"
             "FROM rides AS r\n"
             "LEFT JOIN users AS rider ON rider.city = r.city AND rider.id = r.rider_id\n"
             "LEFT JOIN vehicles AS vehicle\n"
             "       ON vehicle.city = r.vehicle_city AND vehicle.id = r.vehicle_id\n"
             "WHERE rider.id IS NULL OR vehicle.id IS NULL\n"
             "   OR r.vehicle_city IS DISTINCT FROM r.city\n"
             "ORDER BY r.city, r.id"))});
    list.append({QStringLiteral("ride-ends-before-start"),
                 WorkloadCheck::tr("No ride ends before it starts."),
                 limited(QStringLiteral("SELECT city, id, start_time, end_time,\n"
                                        "       count(*) OVER () AS total\n"
                                        "FROM rides WHERE end_time < start_time\n"
                                        "ORDER BY city, id"))});
    list.append({QStringLiteral("ride-negative-revenue"),
                 WorkloadCheck::tr("No ride has a negative revenue."),
                 limited(QStringLiteral("SELECT city, id, revenue, count(*) OVER () AS total\n"
                                        "FROM rides WHERE revenue < 0\n"
                                        "ORDER BY city, id"))});
    list.append(
        {QStringLiteral("promo-code-usage-outside-rules"),
         WorkloadCheck::tr("Every promo code a user holds exists, belongs to a user of that city, "
                           "was applied while it was valid and has a usage count that is not "
                           "negative."),
         limited(QStringLiteral(
             "SELECT upc.city, upc.user_id, upc.code, upc.\"timestamp\", upc.usage_count,\n"
             "       pc.creation_time, pc.expiration_time, u.id IS NOT NULL AS user_found,\n"
             "       pc.code IS NOT NULL AS code_found, count(*) OVER () AS total\n"
             "FROM user_promo_codes AS upc\n"
             "LEFT JOIN promo_codes AS pc ON pc.code = upc.code\n"
             "LEFT JOIN users AS u ON u.city = upc.city AND u.id = upc.user_id\n"
             "WHERE u.id IS NULL OR pc.code IS NULL OR upc.usage_count < 0\n"
             "   OR upc.\"timestamp\" < pc.creation_time\n"
             "   OR upc.\"timestamp\" >= pc.expiration_time\n"
             "ORDER BY upc.city, upc.user_id, upc.code"))});
    return list;
}

QString beginStatement(const PgConnection &connection)
{
    // CockroachDB: SERIALIZABLE said explicitly (a session's default_transaction_isolation may
    // be READ COMMITTED, which takes a snapshot per statement); its grammar (pkg/sql/parser/
    // sql.y, transaction_mode_list) takes the modes separated by an optional comma.
    if (connection.serverInfo().isCockroach())
        return QStringLiteral("BEGIN TRANSACTION ISOLATION LEVEL SERIALIZABLE, READ ONLY");
    return QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
}

InvariantResult fromRows(const Invariant &invariant, const PgResult &result)
{
    InvariantResult out;
    out.name = invariant.name;
    out.description = invariant.description;
    const int total = result.columnIndex("total");
    for (int column = 0; column < result.columnCount(); ++column) {
        if (column != total)
            out.columns << result.columnName(column);
    }
    for (int row = 0; row < result.rowCount(); ++row) {
        QStringList values;
        for (int column = 0; column < result.columnCount(); ++column) {
            if (column == total)
                continue;
            values << (result.isNull(row, column) ? QStringLiteral("NULL")
                                                  : result.text(row, column));
        }
        out.rows.append(values);
    }
    if (result.rowCount() > 0 && total >= 0)
        out.violations = result.text(0, total).toLongLong();
    return out;
}

struct Attempt
{
    QList<InvariantResult> results;
    std::optional<DbError> fatal; // nothing could be checked
    bool retry = false;           // a retryable error: run the whole check again
};

Attempt attempt(PgConnection &connection)
{
    Attempt out;
    if (auto begun = connection.exec(beginStatement(connection)); !begun) {
        out.fatal = begun.error();
        out.retry = begun.error().isRetryable();
        return out;
    }
    auto rollback = [&connection] {
        if (connection.inTransaction())
            (void)connection.exec(QStringLiteral("ROLLBACK"));
    };
    const auto shape = MovrSchemaShape::read(connection);
    if (!shape || !shape->isSupported()) {
        out.fatal =
            shape ? DbError::make(ErrorClass::InvalidInput, shape->problem()) : shape.error();
        out.retry = !shape && shape.error().isRetryable();
        rollback();
        return out;
    }
    for (const Invariant &invariant : invariants(*shape)) {
        if (!connection.inTransaction()) {
            // An earlier query failed and ended the transaction: a new one for the rest.
            if (auto begun = connection.exec(beginStatement(connection)); !begun) {
                out.fatal = begun.error();
                return out;
            }
        }
        auto result = connection.exec(invariant.sql);
        if (!result) {
            if (result.error().isRetryable() || connection.isBroken()) {
                out.fatal = result.error();
                out.retry = result.error().isRetryable();
                rollback();
                return out;
            }
            InvariantResult failed;
            failed.name = invariant.name;
            failed.description = invariant.description;
            failed.error = result.error();
            out.results.append(failed);
            rollback();
            continue;
        }
        out.results.append(fromRows(invariant, *result));
    }
    if (connection.inTransaction()) {
        if (auto committed = connection.exec(QStringLiteral("COMMIT")); !committed) {
            out.fatal = committed.error();
            out.retry = committed.error().isRetryable();
            rollback();
        }
    }
    return out;
}

} // namespace

Result<QList<InvariantResult>> WorkloadCheck::run(PgConnection &connection)
{
    if (connection.inTransaction())
        return DbError::make(ErrorClass::InvalidInput,
                             tr("The check cannot run inside an open transaction."));
    Attempt last;
    for (int round = 0; round < kAttempts; ++round) {
        last = attempt(connection);
        if (!last.retry)
            break;
    }
    if (last.fatal)
        return *last.fatal;
    return last.results;
}

QStringList WorkloadCheck::names()
{
    QStringList list;
    for (const Invariant &invariant : invariants(MovrSchemaShape::canonical()))
        list << invariant.name;
    return list;
}

bool WorkloadCheck::allPassed(const QList<InvariantResult> &results)
{
    return std::all_of(results.cbegin(), results.cend(),
                       [](const InvariantResult &result) { return result.passed(); });
}

QString WorkloadCheck::format(const QList<InvariantResult> &results)
{
    QStringList lines;
    qsizetype failed = 0;
    for (const InvariantResult &result : results) {
        if (result.error) {
            ++failed;
            lines << tr("ERROR %1: %2 The check could not run: %3")
                         .arg(result.name, result.description, result.error->toString());
            continue;
        }
        if (result.passed()) {
            lines << tr("PASS  %1: %2").arg(result.name, result.description);
            continue;
        }
        ++failed;
        lines << tr("FAIL  %1: %2").arg(result.name, result.description);
        if (result.violations > result.rows.size()) {
            lines << QStringLiteral("      ") + tr("%n row(s) break it; the first %1 are shown.",
                                                   nullptr, int(result.violations))
                                                    .arg(result.rows.size());
        } else {
            lines << QStringLiteral("      ") +
                         tr("%n row(s) break it.", nullptr, int(result.violations));
        }
        lines << QStringLiteral("      ") + result.columns.join(QStringLiteral(" | "));
        for (const QStringList &row : result.rows)
            lines << QStringLiteral("      ") + row.join(QStringLiteral(" | "));
    }
    if (failed == 0)
        lines << tr("All %n invariant(s) hold.", nullptr, int(results.size()));
    else
        lines << tr("%1 of %n invariant(s) do not hold.", nullptr, int(results.size())).arg(failed);
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}
