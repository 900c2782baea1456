#pragma once

#include "pg/PgConnection.h"
#include "pg/Result.h"
#include "txn/Trace.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <chrono>
#include <functional>

// What one workload session knows of the data: per city the ids of users, vehicles it may
// ride and active rides, and the valid promo codes, read from the database (a few short
// SELECTs, outside any transaction) and refreshed when older than a few seconds; plus the
// rides the session itself started and has not ended (for updateActiveRides and endRide).
//
// The workload of `cockroach workload run movr` picks each row with a random-UUID range
// query per operation; reading a city's ids once every few seconds costs the server less
// and keeps the operations themselves the only statements that run in transactions.
//
// In the hot city, rides use only the first `hotVehicles` vehicles (by id, whatever their
// status) so that concurrent sessions meet on the same rows and real conflicts happen.
class SessionEntities
{
public:
    struct Ride
    {
        QString city;
        QString id;
        QString vehicleId;
    };
    // Picks an index in [0, n).
    using Pick = std::function<int(int)>;

    // Receives each look-up as a trace entry (a read of the workload), when set.
    using TraceSink = std::function<void(const TraceEntry &)>;

    SessionEntities(QString hotCity, int hotVehicles);
    void setTraceSink(TraceSink sink) { m_trace = std::move(sink); }

    Result<QString> user(PgConnection &connection, const QString &city, const Pick &pick);
    // A vehicle to start a ride on: available ones (or the hot ones); empty when none.
    Result<QString> vehicleForRide(PgConnection &connection, const QString &city, const Pick &pick);
    // An owner-independent active ride of the city (not necessarily ours); empty when none.
    Result<QString> activeRide(PgConnection &connection, const QString &city, const Pick &pick);
    Result<QString> promoCode(PgConnection &connection, const Pick &pick);

    // The session's own active rides, oldest first.
    const QList<Ride> &ownRides() const { return m_ownRides; }
    void rideStarted(const Ride &ride);
    // The ride ended (or was found ended): forget it everywhere.
    void rideEnded(const QString &city, const QString &rideId);
    void vehicleAdded(const QString &city, const QString &vehicleId);
    void userAdded(const QString &city, const QString &userId);
    void promoCodeAdded(const QString &code);

private:
    struct Ids
    {
        QStringList ids;
        std::chrono::steady_clock::time_point loadedAt;
        bool loaded = false;
    };
    Result<QString> pickFrom(PgConnection &connection, Ids &ids, std::chrono::milliseconds maxAge,
                             const QString &sql, const SqlParams &params, const Pick &pick);

    QString m_hotCity;
    int m_hotVehicles = 5;
    QHash<QString, Ids> m_users;
    QHash<QString, Ids> m_vehicles;
    QHash<QString, Ids> m_activeRides;
    Ids m_promoCodes;
    QList<Ride> m_ownRides;
    TraceSink m_trace;
};
