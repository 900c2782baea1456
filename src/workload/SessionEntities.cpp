#include "SessionEntities.h"

#include "txn/TracedExec.h"
#include "txn/TransactionRunner.h"

#include <QCoreApplication>
#include <QDateTime>

using namespace std::chrono;
using namespace std::chrono_literals;

namespace {

// How long read ids stay fresh. Vehicles and active rides change with every ride; users and
// promo codes mostly grow (the session adds its own at once).
constexpr milliseconds UsersMaxAge = 10s;
constexpr milliseconds VehiclesMaxAge = 1s;
constexpr milliseconds CodesMaxAge = 10s;
constexpr int IdsPerCity = 500;

} // namespace

SessionEntities::SessionEntities(QString hotCity, int hotVehicles)
    : m_hotCity(std::move(hotCity)), m_hotVehicles(qMax(1, hotVehicles))
{}

Result<QString> SessionEntities::pickFrom(PgConnection &connection, Ids &ids, milliseconds maxAge,
                                          const QString &sql, const SqlParams &params,
                                          const Pick &pick)
{
    const auto now = steady_clock::now();
    if (!ids.loaded || now - ids.loadedAt > maxAge) {
        TraceEntry entry;
        entry.sql = sql;
        entry.params = params;
        Result<PgResult> result = execTraced(connection, entry);
        if (m_trace) {
            entry.actionId = TransactionRunner::nextActionId();
            entry.action = QCoreApplication::translate("SessionEntities", "Workload look-up");
            entry.isRead = true;
            entry.source = TraceSource::Workload;
            m_trace(entry);
        }
        if (!result)
            return result.error();
        ids.ids.clear();
        for (int row = 0; row < result->rowCount(); ++row)
            ids.ids.append(result->text(row, 0));
        ids.loaded = true;
        ids.loadedAt = now;
    }
    if (ids.ids.isEmpty())
        return QString();
    return ids.ids.at(pick(int(ids.ids.size())));
}

Result<QString> SessionEntities::user(PgConnection &connection, const QString &city,
                                      const Pick &pick)
{
    return pickFrom(connection, m_users[city], UsersMaxAge,
                    QStringLiteral("SELECT id FROM users WHERE city = $1 LIMIT %1").arg(IdsPerCity),
                    {city}, pick);
}

Result<QString> SessionEntities::vehicleForRide(PgConnection &connection, const QString &city,
                                                const Pick &pick)
{
    if (city == m_hotCity) {
        return pickFrom(connection, m_vehicles[city], UsersMaxAge,
                        QStringLiteral("SELECT id FROM vehicles WHERE city = $1 AND status <> "
                                       "'retired' ORDER BY id LIMIT %1")
                            .arg(m_hotVehicles),
                        {city}, pick);
    }
    return pickFrom(connection, m_vehicles[city], VehiclesMaxAge,
                    QStringLiteral("SELECT id FROM vehicles WHERE city = $1 AND status = "
                                   "'available' LIMIT %1")
                        .arg(IdsPerCity),
                    {city}, pick);
}

Result<QString> SessionEntities::activeRide(PgConnection &connection, const QString &city,
                                            const Pick &pick)
{
    return pickFrom(connection, m_activeRides[city], VehiclesMaxAge,
                    QStringLiteral("SELECT id FROM rides WHERE city = $1 AND end_time IS NULL "
                                   "LIMIT %1")
                        .arg(IdsPerCity),
                    {city}, pick);
}

Result<QString> SessionEntities::promoCode(PgConnection &connection, const Pick &pick)
{
    return pickFrom(connection, m_promoCodes, CodesMaxAge,
                    QStringLiteral("SELECT code FROM promo_codes WHERE expiration_time IS NULL "
                                   "OR expiration_time > now() LIMIT %1")
                        .arg(IdsPerCity),
                    {}, pick);
}

void SessionEntities::rideStarted(const Ride &ride)
{
    m_ownRides.append(ride);
    if (ride.city != m_hotCity)
        m_vehicles[ride.city].ids.removeOne(ride.vehicleId);
}

void SessionEntities::rideEnded(const QString &city, const QString &rideId)
{
    for (qsizetype i = 0; i < m_ownRides.size(); ++i) {
        if (m_ownRides.at(i).city == city && m_ownRides.at(i).id == rideId) {
            const Ride ride = m_ownRides.takeAt(i);
            if (city != m_hotCity && m_vehicles.value(city).loaded)
                m_vehicles[city].ids.append(ride.vehicleId);
            break;
        }
    }
    m_activeRides[city].ids.removeOne(rideId);
}

void SessionEntities::vehicleAdded(const QString &city, const QString &vehicleId)
{
    if (city != m_hotCity && m_vehicles.value(city).loaded)
        m_vehicles[city].ids.append(vehicleId);
}

void SessionEntities::userAdded(const QString &city, const QString &userId)
{
    if (m_users.value(city).loaded && m_users.value(city).ids.size() < IdsPerCity)
        m_users[city].ids.append(userId);
}

void SessionEntities::promoCodeAdded(const QString &code)
{
    if (m_promoCodes.loaded && m_promoCodes.ids.size() < IdsPerCity)
        m_promoCodes.ids.append(code);
}
