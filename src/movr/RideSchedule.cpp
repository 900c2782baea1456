#include "RideSchedule.h"

#include "DataGenerator.h"

#include <algorithm>

namespace {

constexpr qint64 SecondsPerDay = 86400;

qint64 blockSize(int city, qint64 total)
{
    return DataGenerator::cityBlockStart(city + 1, total) -
           DataGenerator::cityBlockStart(city, total);
}

} // namespace

RideSchedule::RideSchedule(const MovrCounts &counts, qint64 nowEpochSeconds)
    : m_users(counts.users), m_vehicles(counts.vehicles), m_rides(counts.rides),
      m_histories(counts.histories), m_now(nowEpochSeconds)
{}

RideSchedule::City RideSchedule::city(int index) const
{
    City city;
    city.index = index;
    city.firstUser = DataGenerator::cityBlockStart(index, m_users);
    city.users = blockSize(index, m_users);
    city.firstVehicle = DataGenerator::cityBlockStart(index, m_vehicles);
    city.vehicles = std::max<qint64>(1, blockSize(index, m_vehicles));
    city.firstRide = DataGenerator::cityBlockStart(index, m_rides);
    city.rides = blockSize(index, m_rides);
    // The workload's share of vehicles in use (55%), rounded down: a city with one vehicle
    // keeps it available, so that a ride can be started in every city. No more than the
    // city's riders: nobody rides two vehicles at once.
    city.active = std::min({city.rides, city.users, city.vehicles * 55 / 100});
    city.ended = city.rides - city.active;
    const qint64 slots = std::max<qint64>(1, (city.ended + city.vehicles - 1) / city.vehicles);
    const qint64 window = HistoryDays * SecondsPerDay - ActiveWindowSeconds;
    city.slotSeconds = std::max<qint64>(1, window / slots);
    city.windowStart = m_now - HistoryDays * SecondsPerDay;
    return city;
}

RideSchedule::City RideSchedule::cityOfRide(qint64 ride) const
{
    return city(DataGenerator::cityIndex(ride, m_rides));
}

RideSchedule::City RideSchedule::cityOfVehicle(qint64 vehicle) const
{
    return city(DataGenerator::cityIndex(vehicle, m_vehicles));
}

RideSchedule::Ride RideSchedule::ride(qint64 index) const
{
    Ride ride;
    ride.city = cityOfRide(index);
    const City &city = ride.city;
    const qint64 j = index - city.firstRide;
    if (j < city.active) {
        ride.active = true;
        ride.activeIndex = j;
        ride.vehicle = city.firstVehicle + j;
        ride.previousRide = lastEndedRide(ride.vehicle);
        return ride;
    }
    const qint64 e = j - city.active;
    ride.vehicle = city.firstVehicle + e % city.vehicles;
    ride.slot = e / city.vehicles;
    ride.previousRide = ride.slot > 0 ? index - city.vehicles : -1;
    return ride;
}

qint64 RideSchedule::lastEndedRide(qint64 vehicle) const
{
    const City city = cityOfVehicle(vehicle);
    const qint64 q = vehicle - city.firstVehicle;
    if (city.ended <= q)
        return -1;
    const qint64 slot = (city.ended - 1 - q) / city.vehicles;
    return city.firstRide + city.active + q + slot * city.vehicles;
}

bool RideSchedule::vehicleInUse(qint64 vehicle) const
{
    const City city = cityOfVehicle(vehicle);
    return vehicle - city.firstVehicle < city.active;
}

RideSchedule::Point RideSchedule::point(qint64 index) const
{
    const int cityIndex = DataGenerator::cityIndex(index, m_histories);
    const qint64 first = DataGenerator::cityBlockStart(cityIndex, m_histories);
    const qint64 points = blockSize(cityIndex, m_histories);
    const City city = this->city(cityIndex);
    const qint64 perRide =
        std::max(MinimumPointsPerRide, (points + city.rides - 1) / std::max<qint64>(1, city.rides));
    const qint64 p = index - first;
    const qint64 r = p / perRide; // < city.rides, as perRide * rides >= points
    Point point;
    point.index = p % perRide;
    point.count = std::min(perRide, points - r * perRide);
    // The active rides first, then the ended ones, newest first.
    point.ride = r < city.active
                     ? city.firstRide + r
                     : city.firstRide + city.active + (city.ended - 1 - (r - city.active));
    return point;
}

RideSchedule::Times RideSchedule::times(const Ride &ride, SplitMix64 &random) const
{
    Times times;
    if (ride.active) {
        // Started 5 minutes to 2 hours ago: after the vehicle's last ended ride.
        times.start = m_now - 300 - qint64(random.bounded(ActiveWindowSeconds - 301));
        return times;
    }
    const qint64 slot = ride.city.slotSeconds;
    const qint64 longest = std::max<qint64>(1, std::min(slot - 1, LongestRideSeconds));
    const qint64 shortest = std::min<qint64>(longest, 180);
    const qint64 duration =
        shortest + qint64(random.bounded(std::uint64_t(longest - shortest + 1)));
    const qint64 offset =
        qint64(random.bounded(std::uint64_t(std::max<qint64>(1, slot - duration))));
    times.start = ride.city.windowStart + ride.slot * slot + offset;
    times.end = times.start + duration;
    return times;
}
