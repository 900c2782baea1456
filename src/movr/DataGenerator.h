#pragma once

#include "RideSchedule.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <array>
#include <cstdint>

// How many rows of each MovR table to generate (MOVR.md defaults). Every count must be at
// least MinimumCount so that each of the nine cities gets rows.
struct MovrCounts
{
    static constexpr qint64 MinimumCount = 9;
    qint64 users = 50;
    qint64 vehicles = 15;
    qint64 rides = 500;
    qint64 histories = 1000;
    qint64 promoCodes = 1000;

    // Not a workload flag (the workload generates none): every other user holds one code.
    qint64 userPromoCodes() const { return users / 2; }
    qint64 total() const
    {
        return users + vehicles + rides + histories + promoCodes + userPromoCodes();
    }
    // Empty when valid, otherwise one line naming the first bad count.
    QString validate() const;
};

// A small, fast, explicitly seeded generator (SplitMix64). Unlike std::*_distribution its
// output is the same with every compiler and standard library.
class SplitMix64
{
public:
    explicit SplitMix64(std::uint64_t seed) : m_state(seed) {}
    std::uint64_t next();
    // Uniform in [0, bound) (Lemire's multiply-shift; the tiny bias is irrelevant here).
    std::uint64_t bounded(std::uint64_t bound);
    // Uniform in [0, 1).
    double unit();
    static std::uint64_t mix(std::uint64_t value);

private:
    std::uint64_t m_state;
};

// Rows as the database stores them, in text form (what COPY and the tests use). Timestamps
// are "YYYY-MM-DD HH:MM:SS[.mmm]" (UTC), UUIDs in the canonical 36-character form; a null
// QString is SQL NULL (an active ride's end time, end address and revenue).
struct UserRow
{
    QString id, city, name, address, creditCard;
};

struct VehicleRow
{
    QString id, city, type, ownerId, creationTime, status, currentLocation, ext;
};

struct RideRow
{
    QString id, city, vehicleCity, riderId, vehicleId, startAddress, endAddress, startTime, endTime,
        revenue;
};

struct LocationHistoryRow
{
    QString city, rideId, timestamp;
    double latitude = 0, longitude = 0;
};

struct PromoCodeRow
{
    QString code, description, creationTime, expirationTime, rules;
};

struct UserPromoCodeRow
{
    QString city, userId, code, timestamp;
    qint64 usageCount = 0;
};

// The deterministic MovR data generator (MOVR.md, "Data the workload generates"; where it
// differs from the workload and why: docs/DATA.md). Every row is derived from (seed, now,
// table, row index) alone, so rows can be produced in any chunks, in any order, and a row
// always comes out the same: the loader asks for bounded chunks and 1,000,000 rides never sit
// in memory at once. Rows are spread over the nine cities in contiguous blocks (row i of n
// belongs to city i * 9 / n); references (owner, rider, vehicle, ride) always point into the
// block of the same city.
//
// The data is a consistent snapshot at `now` (RideSchedule): a vehicle is in_use exactly when
// it has an active ride, some rides are active now, ended rides lie in the weeks before now,
// most promo codes are valid now and some users hold one.
class DataGenerator
{
public:
    // `nowEpochSeconds`: the time the snapshot is taken at (default: the current time); tests
    // pass a fixed one, so that the rows are the same for the same seed.
    explicit DataGenerator(const MovrCounts &counts = {}, std::uint64_t seed = 1,
                           qint64 nowEpochSeconds = currentEpochSeconds());

    const MovrCounts &counts() const { return m_counts; }
    std::uint64_t seed() const { return m_seed; }
    qint64 now() const { return m_schedule.now(); }
    const RideSchedule &schedule() const { return m_schedule; }
    static qint64 currentEpochSeconds();

    QList<UserRow> users(qint64 first, qint64 count) const;
    QList<VehicleRow> vehicles(qint64 first, qint64 count) const;
    QList<RideRow> rides(qint64 first, qint64 count) const;
    QList<LocationHistoryRow> histories(qint64 first, qint64 count) const;
    QList<PromoCodeRow> promoCodes(qint64 first, qint64 count) const;
    QList<UserPromoCodeRow> userPromoCodes(qint64 first, qint64 count) const;

    // The ids alone (what references use), without generating the rest of the row.
    QString userId(qint64 index) const;
    QString vehicleId(qint64 index) const;
    QString rideId(qint64 index) const;
    QString promoCode(qint64 index) const;

    // Index of the city (in Cities::all()) that row `index` of `total` belongs to, and the
    // first row of a city's block.
    static int cityIndex(qint64 index, qint64 total);
    static qint64 cityBlockStart(int city, qint64 total);

    // 2019-01-02 03:04:05, the workload's reference time.
    static constexpr qint64 BaseEpochSeconds = 1546398245;
    // Generated coordinates lie within this many degrees of the city centre.
    static constexpr double CoordinateSpread = 0.05;

    // "YYYY-MM-DD HH:MM:SS" for seconds since 1970 (UTC), and with ".mmm" for milliseconds.
    static QString formatTimestamp(qint64 epochSeconds);
    static QString formatTimestampMs(qint64 epochMilliseconds);
    // A version-4-layout UUID from two random words.
    static QString formatUuid(std::uint64_t high, std::uint64_t low);

private:
    // A table's rows, or one of their side streams (drawn apart so that another row can
    // compute the value cheaply: a ride's times for its history points, say).
    enum class Table {
        Users,
        Vehicles,
        Rides,
        Histories,
        PromoCodes,
        RideTimes,
        RideEndAddresses,
        VehicleHomes,
        RidePaths,
        PromoTimes,
        UserPromoCodes,
    };
    SplitMix64 rowRandom(Table table, qint64 index) const;
    // Rows [first, first + count) of a table of `total` rows, each filled by
    // fill(row, index, random) from the row's own random stream (defined in the .cpp).
    template <typename Row, typename Fill>
    QList<Row> generate(Table table, qint64 first, qint64 count, qint64 total,
                        const Fill &fill) const;
    static QString uuidFrom(SplitMix64 &random);
    qint64 pick(SplitMix64 &random, int city, qint64 total) const;
    QString address(SplitMix64 &random) const;
    QString personName(SplitMix64 &random) const;
    static QString codeFrom(qint64 index, SplitMix64 &random);
    RideSchedule::Times rideTimes(qint64 index, const RideSchedule::Ride &ride) const;
    QString rideEndAddress(qint64 ride) const;
    // Where the vehicle is: the end of its last ended ride, or where it started out.
    QString vehicleLocation(qint64 vehicle) const;
    std::pair<qint64, qint64> promoTimes(qint64 index) const; // creation, expiration

    MovrCounts m_counts;
    std::uint64_t m_seed;
    RideSchedule m_schedule;
};
