#include "DataGenerator.h"

#include "Cities.h"
#include "VehicleCatalog.h"

#include <QDateTime>
#include <QObject>

namespace {

const char *const FirstNames[] = {
    "James",   "Mary",    "Robert",  "Patricia", "John",    "Jennifer", "Michael", "Linda",
    "David",   "Elena",   "William", "Barbara",  "Richard", "Susan",    "Joseph",  "Jessica",
    "Thomas",  "Sarah",   "Carlos",  "Karen",    "Daniel",  "Lisa",     "Matthew", "Nancy",
    "Anthony", "Sandra",  "Mark",    "Ashley",   "Paolo",   "Kimberly", "Steven",  "Emily",
    "Andrew",  "Donna",   "Joshua",  "Michelle", "Kenneth", "Carol",    "Kevin",   "Amanda",
    "Brian",   "Melissa", "Pierre",  "Sophie",   "Lars",    "Anouk",    "Giulia",  "Marco"};
const char *const LastNames[] = {
    "Smith",     "Johnson",  "Williams",  "Brown",   "Jones",    "Garcia",   "Miller",   "Davis",
    "Rodriguez", "Martinez", "Hernandez", "Lopez",   "Gonzalez", "Wilson",   "Anderson", "Thomas",
    "Taylor",    "Moore",    "Jackson",   "Martin",  "Lee",      "Perez",    "Thompson", "White",
    "Harris",    "Sanchez",  "Clark",     "Ramirez", "Lewis",    "Robinson", "Walker",   "Young",
    "Allen",     "King",     "Wright",    "Scott",   "Torres",   "Nguyen",   "Hill",     "Flores",
    "de Vries",  "Jansen",   "Dubois",    "Moreau",  "Rossi",    "Russo",    "Bianchi",  "Colombo"};
const char *const Prefixes[] = {"Mr.", "Mrs.", "Ms.", "Miss", "Dr."};
const char *const Suffixes[] = {"Jr.", "Sr.", "I", "II", "III", "IV", "V", "MD", "DDS", "PhD"};
const char *const StreetNames[] = {
    "Oak",     "Maple",    "Cedar",   "Pine",   "Elm",     "Washington", "Lake",      "Hill",
    "Park",    "Main",     "Church",  "River",  "Sunset",  "Highland",   "Mill",      "Spring",
    "Meadow",  "Forest",   "Ridge",   "Valley", "Harbor",  "Franklin",   "Jefferson", "Lincoln",
    "Madison", "Adams",    "Jackson", "Willow", "Birch",   "Chestnut",   "Walnut",    "Poplar",
    "Aspen",   "Magnolia", "Orchard", "Bridge", "Station", "Canal",      "Market",    "Garden"};
const char *const StreetTypes[] = {"Street", "Avenue",    "Road", "Lane",   "Drive",   "Court",
                                   "Place",  "Boulevard", "Way",  "Square", "Terrace", "Parkway"};
const char *const Words[] = {
    "apple",   "river",  "stone",   "cloud",    "maple",   "quiet",  "brave",   "amber",  "silver",
    "lucky",   "swift",  "green",   "ocean",    "sunny",   "tiger",  "velvet",  "winter", "yellow",
    "zebra",   "anchor", "basket",  "candle",   "dragon",  "ember",  "falcon",  "garden", "harbor",
    "island",  "jungle", "kettle",  "lantern",  "meadow",  "nectar", "orange",  "pepper", "quartz",
    "rocket",  "saddle", "thunder", "umbrella", "valley",  "walnut", "galaxy",  "breeze", "copper",
    "dolphin", "engine", "forest",  "glacier",  "honey",   "ivory",  "jasmine", "koala",  "lemon",
    "marble",  "nickel", "olive",   "pebble",   "quill",   "raven",  "sparrow", "tulip",  "urban",
    "violet",  "willow", "crystal", "bright",   "gentle",  "rapid",  "hidden",  "golden", "purple",
    "summer",  "autumn", "spring",  "morning",  "evening", "little", "mighty",  "happy"};

template <typename T, std::size_t N> const char *choose(SplitMix64 &random, T (&items)[N])
{
    return items[random.bounded(N)];
}

const QString &choose(SplitMix64 &random, const QStringList &items)
{
    return items[qsizetype(random.bounded(std::uint64_t(items.size())))];
}

QString latin1(const char *text)
{
    return QString::fromLatin1(text);
}

// Days since 1970-01-01 to a civil date (proleptic Gregorian).
void civilFromDays(qint64 days, int &year, int &month, int &day)
{
    days += 719468;
    const qint64 era = (days >= 0 ? days : days - 146096) / 146097;
    const qint64 dayOfEra = days - era * 146097;
    const qint64 yearOfEra =
        (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    const qint64 dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    const qint64 monthIndex = (5 * dayOfYear + 2) / 153;
    day = int(dayOfYear - (153 * monthIndex + 2) / 5 + 1);
    month = int(monthIndex < 10 ? monthIndex + 3 : monthIndex - 9);
    year = int(yearOfEra + era * 400 + (month <= 2 ? 1 : 0));
}

char *putDigits(char *out, qint64 value, int width)
{
    for (int i = width - 1; i >= 0; --i) {
        out[i] = char('0' + value % 10);
        value /= 10;
    }
    return out + width;
}

constexpr qint64 SecondsPerDay = 86400;

} // namespace

QString MovrCounts::validate() const
{
    const std::pair<const char *, qint64> all[] = {{"--num-users", users},
                                                   {"--num-vehicles", vehicles},
                                                   {"--num-rides", rides},
                                                   {"--num-histories", histories},
                                                   {"--num-promo-codes", promoCodes}};
    for (const auto &[name, value] : all) {
        if (value < MinimumCount)
            return QObject::tr("%1 must be at least %2 (one row per city), not %3.")
                .arg(QLatin1String(name))
                .arg(MinimumCount)
                .arg(value);
    }
    return {};
}

std::uint64_t SplitMix64::mix(std::uint64_t z)
{
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

std::uint64_t SplitMix64::next()
{
    m_state += 0x9E3779B97F4A7C15ULL;
    return mix(m_state);
}

std::uint64_t SplitMix64::bounded(std::uint64_t bound)
{
    return std::uint64_t((unsigned __int128)next() * bound >> 64);
}

double SplitMix64::unit()
{
    return double(next() >> 11) * 0x1.0p-53;
}

DataGenerator::DataGenerator(const MovrCounts &counts, std::uint64_t seed, qint64 nowEpochSeconds)
    : m_counts(counts), m_seed(seed), m_schedule(counts, nowEpochSeconds)
{}

qint64 DataGenerator::currentEpochSeconds()
{
    return QDateTime::currentSecsSinceEpoch();
}

SplitMix64 DataGenerator::rowRandom(Table table, qint64 index) const
{
    const std::uint64_t tableSeed =
        SplitMix64::mix(m_seed + 0x9E3779B97F4A7C15ULL * (std::uint64_t(table) + 1));
    return SplitMix64(SplitMix64::mix(tableSeed ^ (std::uint64_t(index) * 0xD1B54A32D192ED03ULL)));
}

int DataGenerator::cityIndex(qint64 index, qint64 total)
{
    const qint64 cities = Cities::all().size();
    return int(index * cities / total);
}

qint64 DataGenerator::cityBlockStart(int city, qint64 total)
{
    const qint64 cities = Cities::all().size();
    return (city * total + cities - 1) / cities; // the first i with i * cities / total >= city
}

qint64 DataGenerator::pick(SplitMix64 &random, int city, qint64 total) const
{
    const qint64 start = cityBlockStart(city, total);
    const qint64 end = cityBlockStart(city + 1, total);
    return start + qint64(random.bounded(std::uint64_t(end - start)));
}

QString DataGenerator::formatUuid(std::uint64_t high, std::uint64_t low)
{
    high = (high & 0xFFFFFFFFFFFF0FFFULL) | 0x0000000000004000ULL; // version 4
    low = (low & 0x3FFFFFFFFFFFFFFFULL) | 0x8000000000000000ULL;   // variant 10
    static const char hex[] = "0123456789abcdef";
    char text[36];
    int position = 0;
    for (int nibble = 0; nibble < 32; ++nibble) {
        if (nibble == 8 || nibble == 12 || nibble == 16 || nibble == 20)
            text[position++] = '-';
        const std::uint64_t word = nibble < 16 ? high : low;
        const int shift = 60 - 4 * (nibble % 16);
        text[position++] = hex[(word >> shift) & 0xF];
    }
    return QString::fromLatin1(text, 36);
}

QString DataGenerator::uuidFrom(SplitMix64 &random)
{
    const std::uint64_t high = random.next();
    const std::uint64_t low = random.next();
    return formatUuid(high, low);
}

QString DataGenerator::formatTimestamp(qint64 epochSeconds)
{
    qint64 days = epochSeconds / SecondsPerDay;
    qint64 seconds = epochSeconds % SecondsPerDay;
    if (seconds < 0) {
        seconds += SecondsPerDay;
        --days;
    }
    int year, month, day;
    civilFromDays(days, year, month, day);
    char text[19];
    char *out = putDigits(text, year, 4);
    *out++ = '-';
    out = putDigits(out, month, 2);
    *out++ = '-';
    out = putDigits(out, day, 2);
    *out++ = ' ';
    out = putDigits(out, seconds / 3600, 2);
    *out++ = ':';
    out = putDigits(out, seconds / 60 % 60, 2);
    *out++ = ':';
    putDigits(out, seconds % 60, 2);
    return QString::fromLatin1(text, 19);
}

QString DataGenerator::formatTimestampMs(qint64 epochMilliseconds)
{
    qint64 seconds = epochMilliseconds / 1000;
    qint64 milliseconds = epochMilliseconds % 1000;
    if (milliseconds < 0) {
        milliseconds += 1000;
        --seconds;
    }
    char fraction[4] = {'.', 0, 0, 0};
    putDigits(fraction + 1, milliseconds, 3);
    return formatTimestamp(seconds) + QLatin1String(fraction, 4);
}

namespace {

// Builds short ASCII text without reallocations; becomes a QString once.
class TextBuilder
{
public:
    TextBuilder &add(const char *text)
    {
        while (*text && m_length < Capacity)
            m_text[m_length++] = *text++;
        return *this;
    }
    TextBuilder &add(char c)
    {
        if (m_length < Capacity)
            m_text[m_length++] = c;
        return *this;
    }
    TextBuilder &number(std::uint64_t value)
    {
        char digits[20];
        int count = 0;
        do {
            digits[count++] = char('0' + value % 10);
            value /= 10;
        } while (value && count < 20);
        while (count > 0)
            add(digits[--count]);
        return *this;
    }
    void capitalizeFirst()
    {
        if (m_length > 0 && m_text[0] >= 'a' && m_text[0] <= 'z')
            m_text[0] = char(m_text[0] - 'a' + 'A');
    }
    QString toString() const { return QString::fromLatin1(m_text, m_length); }

private:
    static constexpr int Capacity = 200;
    char m_text[Capacity];
    int m_length = 0;
};

} // namespace

QString DataGenerator::address(SplitMix64 &random) const
{
    TextBuilder text;
    text.number(random.bounded(99999) + 1).add(' ');
    text.add(choose(random, StreetNames)).add(' ').add(choose(random, StreetTypes));
    if (random.bounded(10) == 0)
        text.add(" Apt. ").number(random.bounded(999) + 1);
    return text.toString();
}

QString DataGenerator::personName(SplitMix64 &random) const
{
    TextBuilder name;
    const std::uint64_t decoration = random.bounded(10);
    if (decoration == 0)
        name.add(choose(random, Prefixes)).add(' ');
    name.add(choose(random, FirstNames)).add(' ').add(choose(random, LastNames));
    if (decoration == 1)
        name.add(' ').add(choose(random, Suffixes));
    return name.toString();
}

QString DataGenerator::userId(qint64 index) const
{
    SplitMix64 random = rowRandom(Table::Users, index);
    return uuidFrom(random);
}

QString DataGenerator::vehicleId(qint64 index) const
{
    SplitMix64 random = rowRandom(Table::Vehicles, index);
    return uuidFrom(random);
}

QString DataGenerator::rideId(qint64 index) const
{
    SplitMix64 random = rowRandom(Table::Rides, index);
    return uuidFrom(random);
}

template <typename Row, typename Fill>
QList<Row> DataGenerator::generate(Table table, qint64 first, qint64 count, qint64 total,
                                   const Fill &fill) const
{
    QList<Row> rows;
    rows.reserve(count);
    for (qint64 index = first; index < first + count && index < total; ++index) {
        SplitMix64 random = rowRandom(table, index);
        Row row;
        fill(row, index, random);
        rows.append(std::move(row));
    }
    return rows;
}

QList<UserRow> DataGenerator::users(qint64 first, qint64 count) const
{
    const QList<City> &cities = Cities::all();
    const auto fill = [&](UserRow &row, qint64 index, SplitMix64 &random) {
        row.id = uuidFrom(random);
        row.city = cities.at(cityIndex(index, m_counts.users)).name;
        row.name = personName(random);
        row.address = address(random);
        char card[10];
        putDigits(card, qint64(random.bounded(10000000000ULL)), 10);
        row.creditCard = QString::fromLatin1(card, 10);
    };
    return generate<UserRow>(Table::Users, first, count, m_counts.users, fill);
}

QList<VehicleRow> DataGenerator::vehicles(qint64 first, qint64 count) const
{
    const QList<City> &cities = Cities::all();
    const auto fill = [&](VehicleRow &row, qint64 index, SplitMix64 &random) {
        row.id = uuidFrom(random);
        const int city = cityIndex(index, m_counts.vehicles);
        row.city = cities.at(city).name;
        const QStringList &types = VehicleCatalog::types();
        const std::uint64_t type = random.bounded(std::uint64_t(types.size()));
        row.type = types[qsizetype(type)];
        row.ownerId = userId(pick(random, city, m_counts.users));
        // In service for a month to a year: before its first ride.
        row.creationTime = formatTimestamp(now() - 30 * SecondsPerDay -
                                           qint64(random.bounded(335 * SecondsPerDay)));
        // In use exactly when it has an active ride; of the others, 5 in 45 are lost (5% of
        // all, as in the workload).
        const bool lost = random.bounded(45) < 5;
        row.status = latin1(m_schedule.vehicleInUse(index) ? "in_use"
                            : lost                         ? "lost"
                                                           : "available");
        row.currentLocation = vehicleLocation(index);
        const QString &color = choose(random, VehicleCatalog::colors());
        if (row.type == u"bike") {
            row.ext = QStringLiteral("{\"brand\": \"%1\", \"color\": \"%2\"}")
                          .arg(choose(random, VehicleCatalog::bikeBrands()), color);
        } else {
            row.ext = QStringLiteral("{\"color\": \"%1\"}").arg(color);
        }
    };
    return generate<VehicleRow>(Table::Vehicles, first, count, m_counts.vehicles, fill);
}

QString DataGenerator::rideEndAddress(qint64 ride) const
{
    SplitMix64 random = rowRandom(Table::RideEndAddresses, ride);
    return address(random);
}

QString DataGenerator::vehicleLocation(qint64 vehicle) const
{
    const qint64 last = m_schedule.lastEndedRide(vehicle);
    if (last >= 0)
        return rideEndAddress(last);
    SplitMix64 random = rowRandom(Table::VehicleHomes, vehicle);
    return address(random);
}

RideSchedule::Times DataGenerator::rideTimes(qint64 index, const RideSchedule::Ride &ride) const
{
    SplitMix64 random = rowRandom(Table::RideTimes, index);
    return m_schedule.times(ride, random);
}

QList<RideRow> DataGenerator::rides(qint64 first, qint64 count) const
{
    const QList<City> &cities = Cities::all();
    const auto fill = [&](RideRow &row, qint64 index, SplitMix64 &random) {
        row.id = uuidFrom(random);
        const RideSchedule::Ride ride = m_schedule.ride(index);
        const RideSchedule::City &city = ride.city;
        row.city = cities.at(city.index).name;
        row.vehicleCity = row.city;
        // Active rides have riders of their own (RideSchedule: no more than the riders).
        const qint64 rider = ride.active ? city.firstUser + ride.activeIndex
                                         : pick(random, city.index, m_counts.users);
        row.riderId = userId(rider);
        row.vehicleId = vehicleId(ride.vehicle);
        // It starts where the vehicle was: where its previous ride ended, or where the
        // vehicle started out.
        if (ride.previousRide >= 0) {
            row.startAddress = rideEndAddress(ride.previousRide);
        } else {
            SplitMix64 home = rowRandom(Table::VehicleHomes, ride.vehicle);
            row.startAddress = address(home);
        }
        const RideSchedule::Times times = rideTimes(index, ride);
        row.startTime = formatTimestamp(times.start);
        if (ride.active)
            return; // no end, no end address, no revenue yet (null)
        row.endAddress = rideEndAddress(index);
        row.endTime = formatTimestamp(times.end);
        // An unlock fee and a price per minute, and some noise.
        const qint64 cents = std::min<qint64>(9999, 100 + (times.end - times.start) / 60 * 25 +
                                                        qint64(random.bounded(200)));
        char revenue[5] = {0, '.', 0, 0, 0};
        int length = 0;
        if (cents >= 1000)
            revenue[length++] = char('0' + cents / 1000);
        revenue[length++] = char('0' + cents / 100 % 10);
        revenue[length++] = '.';
        putDigits(revenue + length, cents % 100, 2);
        row.revenue = QString::fromLatin1(revenue, length + 2);
    };
    return generate<RideRow>(Table::Rides, first, count, m_counts.rides, fill);
}

QList<LocationHistoryRow> DataGenerator::histories(qint64 first, qint64 count) const
{
    const QList<City> &cities = Cities::all();
    const auto fill = [&](LocationHistoryRow &row, qint64 index, SplitMix64 &random) {
        const RideSchedule::Point point = m_schedule.point(index);
        const RideSchedule::Ride ride = m_schedule.ride(point.ride);
        const City &where = cities.at(ride.city.index);
        row.city = where.name;
        row.rideId = rideId(point.ride);
        // Evenly inside the ride (an active ride: up to now), never on its ends.
        const RideSchedule::Times times = rideTimes(point.ride, ride);
        const qint64 startMs = times.start * 1000;
        const qint64 endMs = (ride.active ? now() : times.end) * 1000;
        row.timestamp =
            formatTimestampMs(startMs + (endMs - startMs) * (point.index + 1) / (point.count + 1));
        // A straight trail across part of the city, each point a little off the line.
        SplitMix64 path = rowRandom(Table::RidePaths, point.ride);
        const double spread = CoordinateSpread;
        const double startLatitude = (path.unit() * 2 - 1) * 0.6 * spread;
        const double startLongitude = (path.unit() * 2 - 1) * 0.6 * spread;
        const double deltaLatitude = (path.unit() * 2 - 1) * 0.3 * spread;
        const double deltaLongitude = (path.unit() * 2 - 1) * 0.3 * spread;
        const double along = point.count > 1 ? double(point.index) / double(point.count - 1) : 0;
        row.latitude = where.latitude + startLatitude + along * deltaLatitude +
                       (random.unit() * 2 - 1) * 0.05 * spread;
        row.longitude = where.longitude + startLongitude + along * deltaLongitude +
                        (random.unit() * 2 - 1) * 0.05 * spread;
    };
    return generate<LocationHistoryRow>(Table::Histories, first, count, m_counts.histories, fill);
}

QString DataGenerator::codeFrom(qint64 index, SplitMix64 &random)
{
    TextBuilder code;
    code.number(std::uint64_t(index));
    for (int word = 0; word < 3; ++word)
        code.add('_').add(choose(random, Words));
    return code.toString();
}

QString DataGenerator::promoCode(qint64 index) const
{
    SplitMix64 random = rowRandom(Table::PromoCodes, index);
    return codeFrom(index, random);
}

std::pair<qint64, qint64> DataGenerator::promoTimes(qint64 index) const
{
    SplitMix64 random = rowRandom(Table::PromoTimes, index);
    const qint64 now = this->now();
    if (random.bounded(100) < 15) {
        // Expired: ran for one to five weeks, ended at least three days ago.
        const qint64 created = now - qint64(40 + random.bounded(60)) * SecondsPerDay -
                               qint64(random.bounded(SecondsPerDay));
        return {created, created + qint64(7 + random.bounded(30)) * SecondsPerDay};
    }
    // Valid now: created in the last two months, expiring within the next three.
    const qint64 created =
        now - qint64(1 + random.bounded(60)) * SecondsPerDay + qint64(random.bounded(43200));
    return {created, now + qint64(1 + random.bounded(90)) * SecondsPerDay +
                         qint64(random.bounded(SecondsPerDay))};
}

QList<PromoCodeRow> DataGenerator::promoCodes(qint64 first, qint64 count) const
{
    static const QString rules =
        QStringLiteral("{\"type\": \"percent_discount\", \"value\": \"10%\"}");
    const auto fill = [&](PromoCodeRow &row, qint64 index, SplitMix64 &random) {
        row.code = codeFrom(index, random);
        TextBuilder description;
        const int words = 6 + int(random.bounded(6));
        for (int word = 0; word < words; ++word) {
            if (word > 0)
                description.add(' ');
            description.add(choose(random, Words));
        }
        description.capitalizeFirst();
        description.add('.');
        row.description = description.toString();
        const auto [created, expires] = promoTimes(index);
        row.creationTime = formatTimestamp(created);
        row.expirationTime = formatTimestamp(expires);
        row.rules = rules;
    };
    return generate<PromoCodeRow>(Table::PromoCodes, first, count, m_counts.promoCodes, fill);
}

QList<UserPromoCodeRow> DataGenerator::userPromoCodes(qint64 first, qint64 count) const
{
    const QList<City> &cities = Cities::all();
    const auto fill = [&](UserPromoCodeRow &row, qint64 index, SplitMix64 &random) {
        // Every other user holds one code, mostly one that is valid now.
        const qint64 user = std::min(m_counts.users - 1, 2 * index + 1);
        row.city = cities.at(cityIndex(user, m_counts.users)).name;
        row.userId = userId(user);
        qint64 code = qint64(random.bounded(std::uint64_t(m_counts.promoCodes)));
        for (int attempt = 0; attempt < 3 && promoTimes(code).second <= now(); ++attempt)
            code = qint64(random.bounded(std::uint64_t(m_counts.promoCodes)));
        row.code = promoCode(code);
        // Applied while the code was valid, before now; used on a few rides since.
        const auto [created, expires] = promoTimes(code);
        const qint64 until = std::min(now(), expires);
        row.timestamp = formatTimestamp(
            created + qint64(random.bounded(std::uint64_t(std::max<qint64>(1, until - created)))));
        row.usageCount = qint64(random.bounded(4));
    };
    return generate<UserPromoCodeRow>(Table::UserPromoCodes, first, count,
                                      m_counts.userPromoCodes(), fill);
}
