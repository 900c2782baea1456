// The operations of one workload session: what each does, which rows it picks, and what it
// remembers afterwards (WorkloadSession.cpp runs them).
#include "WorkloadSession.h"

#include "TutorialOperations.h"
#include "movr/Cities.h"
#include "movr/Operations.h"
#include "movr/VehicleCatalog.h"

#include <QDateTime>
#include <QElapsedTimer>

namespace {

const QStringList &firstNames()
{
    static const QStringList names{QStringLiteral("Ada"),     QStringLiteral("Grace"),
                                   QStringLiteral("Alan"),    QStringLiteral("Edsger"),
                                   QStringLiteral("Barbara"), QStringLiteral("Donald"),
                                   QStringLiteral("Frances"), QStringLiteral("Ken")};
    return names;
}

const QStringList &lastNames()
{
    static const QStringList names{QStringLiteral("Lovelace"), QStringLiteral("Hopper"),
                                   QStringLiteral("Turing"),   QStringLiteral("Dijkstra"),
                                   QStringLiteral("Liskov"),   QStringLiteral("Knuth"),
                                   QStringLiteral("Allen"),    QStringLiteral("Thompson")};
    return names;
}

const QStringList &streets()
{
    static const QStringList names{QStringLiteral("Main Street"), QStringLiteral("Oak Avenue"),
                                   QStringLiteral("Harbor Road"), QStringLiteral("Park Lane"),
                                   QStringLiteral("Station Square")};
    return names;
}

} // namespace

OpResult WorkloadSession::readVehicles(const QString &city)
{
    // The workload's read (pkg/workload/movr/workload.go, readVehicles), in a transaction of
    // its own so that it is traced and retried like everything else: one round trip.
    if (tutorialWay())
        return runBody(WorkloadOp::ReadVehicles, TutorialOperations::readVehicles(city), city);
    TransactionBody body;
    body.action = tr("Read vehicles");
    body.statements.append(
        Statement{QStringLiteral("SELECT city, id FROM vehicles WHERE city = $1"), {city}});
    // A read has no effect to look up: whether it "committed" does not matter.
    body.verify = Statement{QStringLiteral("SELECT 1"), {}};
    return runBody(WorkloadOp::ReadVehicles, body, city);
}

OpResult WorkloadSession::updateActiveRides()
{
    // Up to 10 of the session's active rides get a location point each (workload.go,
    // updateActiveRides), one transaction per point. One OpResult for all of them, as the
    // workload records one latency: its retries are the sum of the points' retries, and it is
    // ambiguous (resolved as the last ambiguous point was) when any point was. A point refused
    // because someone else ended the ride drops that ride from the session's list.
    OpResult total;
    total.op = WorkloadOp::UpdateActiveRides;
    QElapsedTimer timer;
    timer.start();
    const QList<SessionEntities::Ride> rides = m_entities.ownRides().mid(0, 10);
    int extraAttempts = 0;
    for (const SessionEntities::Ride &ride : rides) {
        if (m_run.stopping())
            break;
        const City *center = Cities::find(ride.city);
        const double latitude = (center ? center->latitude : 0) + (m_chooser.uniform() - 0.5) / 50;
        const double longitude =
            (center ? center->longitude : 0) + (m_chooser.uniform() - 0.5) / 50;
        const RecordLocationInput input(ride.city, ride.id, latitude, longitude);
        const OpResult point = runBody(WorkloadOp::UpdateActiveRides,
                                       tutorialWay() ? TutorialOperations::recordLocation(input)
                                                     : Operations::recordLocation(input),
                                       ride.city);
        extraAttempts += point.attempts - 1;
        total.retrySqlStates += point.retrySqlStates;
        if (point.ambiguous) {
            total.ambiguous = true;
            total.resolvedAs = point.resolvedAs;
        }
        if (point.kind == OpResult::Kind::Refused) {
            m_entities.rideEnded(ride.city, ride.id); // someone else ended it
        } else if (point.kind == OpResult::Kind::Error) {
            total.kind = OpResult::Kind::Error;
            total.error = point.error;
            break;
        }
    }
    total.attempts = 1 + extraAttempts;
    total.latencyUs = timer.nsecsElapsed() / 1000;
    return total;
}

OpResult WorkloadSession::startRide(const QString &city)
{
    const auto pick = [this](int n) { return m_chooser.below(n); };
    const Result<QString> rider = m_entities.user(*m_connection, city, pick);
    if (!rider)
        return failure(WorkloadOp::StartRide, rider.error().toString());
    const Result<QString> vehicle = m_entities.vehicleForRide(*m_connection, city, pick);
    if (!vehicle)
        return failure(WorkloadOp::StartRide, vehicle.error().toString());
    if (rider->isEmpty() || vehicle->isEmpty())
        return refusal(WorkloadOp::StartRide,
                       tr("No rider or no available vehicle in %1.").arg(city));
    const StartRideInput input(city, *rider, *vehicle);
    OpResult result = runBody(
        WorkloadOp::StartRide,
        tutorialWay() ? TutorialOperations::startRide(input) : Operations::startRide(input), city);
    if (result.kind == OpResult::Kind::Ok)
        m_entities.rideStarted({city, input.rideId, input.vehicleId});
    return result;
}

OpResult WorkloadSession::endRide(const QString &city)
{
    // The session's oldest ride in this city; else any active ride of the city; else the
    // session's oldest ride anywhere (the workload ends only its own oldest ride).
    QString rideCity = city;
    QString rideId;
    for (const SessionEntities::Ride &ride : m_entities.ownRides()) {
        if (ride.city == city) {
            rideId = ride.id;
            break;
        }
    }
    if (rideId.isEmpty()) {
        const Result<QString> active = m_entities.activeRide(
            *m_connection, city, [this](int n) { return m_chooser.below(n); });
        if (!active)
            return failure(WorkloadOp::EndRide, active.error().toString());
        rideId = *active;
    }
    if (rideId.isEmpty() && !m_entities.ownRides().isEmpty()) {
        rideCity = m_entities.ownRides().first().city;
        rideId = m_entities.ownRides().first().id;
    }
    if (rideId.isEmpty())
        return refusal(WorkloadOp::EndRide, tr("No active ride to end in %1.").arg(city));
    const QString revenue = QString::number(m_chooser.below(10000) / 100.0, 'f', 2);
    const EndRideInput input(rideCity, rideId, revenue);
    OpResult result = runBody(
        WorkloadOp::EndRide,
        tutorialWay() ? TutorialOperations::endRide(input) : Operations::endRide(input), city);
    if (result.kind != OpResult::Kind::Error)
        m_entities.rideEnded(rideCity, rideId); // ended now, or already ended
    return result;
}

OpResult WorkloadSession::addUser(const QString &city)
{
    AddUserInput input;
    input.city = city;
    input.name = QStringLiteral("%1 %2").arg(firstNames().at(m_chooser.below(firstNames().size())),
                                             lastNames().at(m_chooser.below(lastNames().size())));
    input.address = QStringLiteral("%1 %2")
                        .arg(1 + m_chooser.below(9999))
                        .arg(streets().at(m_chooser.below(streets().size())));
    input.creditCard = QString::number(1000000000LL + qint64(m_chooser.uniform() * 8999999999.0));
    OpResult result = runBody(
        WorkloadOp::AddUser,
        tutorialWay() ? TutorialOperations::addUser(input) : Operations::addUser(input), city);
    if (result.kind == OpResult::Kind::Ok)
        m_entities.userAdded(city, input.id);
    return result;
}

OpResult WorkloadSession::addVehicle(const QString &city)
{
    const Result<QString> owner =
        m_entities.user(*m_connection, city, [this](int n) { return m_chooser.below(n); });
    if (!owner)
        return failure(WorkloadOp::AddVehicle, owner.error().toString());
    if (owner->isEmpty())
        return refusal(WorkloadOp::AddVehicle, tr("No user in %1 to own a vehicle.").arg(city));
    AddVehicleInput input;
    input.city = city;
    const QStringList &types = VehicleCatalog::types();
    const QStringList &colors = VehicleCatalog::colors();
    input.type = types.at(m_chooser.below(types.size()));
    input.ownerId = *owner;
    input.currentLocation = QStringLiteral("%1 %2")
                                .arg(1 + m_chooser.below(9999))
                                .arg(streets().at(m_chooser.below(streets().size())));
    input.ext = QStringLiteral(R"({"color": "%1"})").arg(colors.at(m_chooser.below(colors.size())));
    OpResult result = runBody(WorkloadOp::AddVehicle,
                              tutorialWay() ? TutorialOperations::addVehicle(input)
                                            : Operations::addVehicle(input),
                              city);
    if (result.kind == OpResult::Kind::Ok)
        m_entities.vehicleAdded(city, input.id);
    return result;
}

OpResult WorkloadSession::applyPromoCode(const QString &city)
{
    const auto pick = [this](int n) { return m_chooser.below(n); };
    const Result<QString> user = m_entities.user(*m_connection, city, pick);
    if (!user)
        return failure(WorkloadOp::ApplyPromoCode, user.error().toString());
    const Result<QString> code = m_entities.promoCode(*m_connection, pick);
    if (!code)
        return failure(WorkloadOp::ApplyPromoCode, code.error().toString());
    if (user->isEmpty() || code->isEmpty())
        return refusal(WorkloadOp::ApplyPromoCode,
                       tr("No user in %1 or no valid promo code.").arg(city));
    const ApplyPromoCodeInput input(city, *user, *code);
    return runBody(WorkloadOp::ApplyPromoCode,
                   tutorialWay() ? TutorialOperations::applyPromoCode(input)
                                 : Operations::applyPromoCode(input),
                   city);
}

OpResult WorkloadSession::createPromoCode()
{
    // Like the workload's codes, valid for up to 30 days from now.
    CreatePromoCodeInput input;
    input.code = QStringLiteral("wl_%1").arg(newClientUuid().remove(QLatin1Char('-')));
    input.description = tr("Created by the MovR workload.");
    input.expirationTime = QDateTime::currentDateTimeUtc()
                               .addDays(1 + m_chooser.below(30))
                               .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    OpResult result = runBody(WorkloadOp::CreatePromoCode,
                              tutorialWay() ? TutorialOperations::createPromoCode(input)
                                            : Operations::createPromoCode(input),
                              QString());
    if (result.kind == OpResult::Kind::Ok)
        m_entities.promoCodeAdded(input.code);
    return result;
}
