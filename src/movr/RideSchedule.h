#pragma once

#include <QtGlobal>

struct MovrCounts;
class SplitMix64;

// Where each generated ride, vehicle and history point sits in time, so that the generated
// MovR data is one consistent present-day snapshot (docs/DATA.md): pure arithmetic on
// (counts, now, row index), O(1) per row, so rows can still be generated in any chunks.
//
// Per city (rows are spread over the cities in contiguous blocks, DataGenerator::cityIndex):
// - the first `active` rides of the city's block are active now, ride j on vehicle j of the
//   city's block, rider j of the city's block: those vehicles, and only those, are in_use;
//   active = 55% of the city's vehicles, rounded down (the workload's in_use share), at most
//   the city's rides and riders;
// - the other (ended) rides take turns over the city's vehicles: ended ride e runs on vehicle
//   e mod V, in that vehicle's time slot e / V. The slots divide the weeks before now into
//   equal parts and a ride stays inside its slot, so a vehicle's rides never overlap and
//   every ended ride ends before any active ride starts;
// - history points belong to the active rides first, then to the newest ended rides, at
//   least MinimumPointsPerRide per ride, timestamps inside the ride.
class RideSchedule
{
public:
    RideSchedule(const MovrCounts &counts, qint64 nowEpochSeconds);

    // Ended rides lie in [now - HistoryDays days, now - ActiveWindowSeconds]; active rides
    // started within ActiveWindowSeconds before now.
    static constexpr qint64 HistoryDays = 28;
    static constexpr qint64 ActiveWindowSeconds = 2 * 3600;
    static constexpr qint64 LongestRideSeconds = 3 * 3600;
    static constexpr qint64 MinimumPointsPerRide = 10;

    struct City
    {
        int index = 0;
        qint64 firstUser = 0, users = 0;
        qint64 firstVehicle = 0, vehicles = 0;
        qint64 firstRide = 0, rides = 0;
        qint64 active = 0;      // rides active now (the first of the block)
        qint64 ended = 0;       // rides - active
        qint64 slotSeconds = 0; // the length of one vehicle's time slot
        qint64 windowStart = 0; // epoch seconds of the first slot
    };
    City city(int index) const;
    City cityOfRide(qint64 ride) const;
    City cityOfVehicle(qint64 vehicle) const;

    struct Ride
    {
        City city;
        qint64 vehicle = 0; // the vehicle's row index
        bool active = false;
        qint64 previousRide = -1; // the vehicle's ride before this one (-1: none)
        qint64 slot = 0;          // ended rides: the vehicle's time slot
        qint64 activeIndex = 0;   // active rides: j in the city's block
    };
    Ride ride(qint64 index) const;
    // The vehicle's last ended ride (its current location is that ride's end address), or -1.
    qint64 lastEndedRide(qint64 vehicle) const;
    bool vehicleInUse(qint64 vehicle) const;

    // History point `index`: its ride, its place among that ride's points and their count.
    struct Point
    {
        qint64 ride = 0;
        qint64 index = 0;
        qint64 count = 0;
    };
    Point point(qint64 index) const;

    // The ride's start and end (epoch seconds; end -1 while active), drawn from `random`, the
    // ride's own stream for times: the same ride always gets the same times.
    struct Times
    {
        qint64 start = 0;
        qint64 end = -1;
    };
    Times times(const Ride &ride, SplitMix64 &random) const;

    qint64 now() const { return m_now; }

private:
    qint64 m_users, m_vehicles, m_rides, m_histories;
    qint64 m_now;
};
