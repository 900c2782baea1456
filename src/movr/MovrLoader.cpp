#include "MovrLoader.h"

#include "Schema.h"

#include "pg/PgCopyIn.h"

#include <QLocale>

#include <QObject>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

namespace {

// Appends one row's fields; the first field has no leading tab.
class RowWriter
{
public:
    explicit RowWriter(QByteArray &out) : m_out(out) {}
    // A null QString is SQL NULL (an active ride's end).
    RowWriter &operator<<(const QString &value)
    {
        separate();
        if (value.isNull())
            MovrLoader::appendNull(m_out);
        else
            MovrLoader::appendField(m_out, value);
        return *this;
    }
    RowWriter &operator<<(double value)
    {
        separate();
        m_out += QByteArray::number(value, 'g', QLocale::FloatingPointShortest);
        return *this;
    }
    ~RowWriter() { m_out += '\n'; }

private:
    void separate()
    {
        if (m_started)
            m_out += '\t';
        m_started = true;
    }
    QByteArray &m_out;
    bool m_started = false;
};

DbError canceled()
{
    return DbError::make(ErrorClass::Canceled, QObject::tr("Loading was canceled."));
}

struct Progress
{
    const MovrLoader::Options &options;
    LoadProgress state;
    bool report() { return !options.progress || options.progress(state); }
};

// Loads one table in chunks of `chunkRows`; `produce(first, count, buffer)` encodes rows.
template <typename Produce>
Status loadTable(PgConnection &connection, Progress &progress, const QString &table,
                 const QStringList &columns, qint64 total, Produce produce)
{
    const qint64 chunk = std::max<qint64>(1, progress.options.chunkRows);
    progress.state.table = table;
    progress.state.tableRows = 0;
    progress.state.tableTotal = total;
    qint64 first = 0;
    bool wasCanceled = false;
    Status copied = MovrLoader::copy(connection, table, columns, [&](QByteArray &buffer) {
        if (first >= total)
            return false;
        if (first > 0 && !progress.report()) {
            wasCanceled = true;
            return false;
        }
        const qint64 count = std::min(chunk, total - first);
        produce(first, count, buffer);
        first += count;
        progress.state.tableRows = first;
        progress.state.rowsDone += count;
        return true;
    });
    if (!copied)
        return copied;
    if (wasCanceled || !progress.report())
        return canceled();
    return Ok{};
}

QStringList columnList(const char *text)
{
    return QString::fromLatin1(text).split(QLatin1Char(','));
}

Status execAll(PgConnection &connection, const QStringList &statements)
{
    for (const QString &statement : statements) {
        auto result = connection.exec(statement);
        if (!result)
            return result.error();
    }
    return Ok{};
}

} // namespace

void MovrLoader::appendField(QByteArray &out, const QString &value)
{
    const qsizetype size = value.size();
    const qsizetype start = out.size();
    // Worst case for ASCII: every character escaped (two bytes). Grow geometrically.
    const qsizetype needed = start + 2 * size;
    if (out.capacity() < needed)
        out.reserve(std::max(needed, 2 * out.capacity()));
    out.resize(needed);
    char *write = out.data() + start;
    const char16_t *read = reinterpret_cast<const char16_t *>(value.constData());
    for (qsizetype i = 0; i < size; ++i) {
        const char16_t c = read[i];
        if (c >= 0x80) {
            // Not plain ASCII: encode the whole value as UTF-8, then escape.
            out.truncate(start);
            const QByteArray utf8 = value.toUtf8();
            for (const char byte : utf8) {
                switch (byte) {
                case '\\':
                    out += "\\\\";
                    break;
                case '\t':
                    out += "\\t";
                    break;
                case '\n':
                    out += "\\n";
                    break;
                case '\r':
                    out += "\\r";
                    break;
                default:
                    out += byte;
                }
            }
            return;
        }
        switch (c) {
        case '\\':
            *write++ = '\\';
            *write++ = '\\';
            break;
        case '\t':
            *write++ = '\\';
            *write++ = 't';
            break;
        case '\n':
            *write++ = '\\';
            *write++ = 'n';
            break;
        case '\r':
            *write++ = '\\';
            *write++ = 'r';
            break;
        default:
            *write++ = char(c);
        }
    }
    out.truncate(write - out.constData());
}

void MovrLoader::appendNull(QByteArray &out)
{
    out += "\\N";
}

void MovrLoader::appendRow(QByteArray &out, const SqlParams &fields)
{
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0)
            out += '\t';
        if (fields.at(i))
            appendField(out, *fields.at(i));
        else
            appendNull(out);
    }
    out += '\n';
}

Status MovrLoader::copy(PgConnection &connection, const QString &table, const QStringList &columns,
                        const std::function<bool(QByteArray &buffer)> &next)
{
    QStringList quoted;
    for (const QString &column : columns)
        quoted << PgConnection::quoteIdentifier(column);
    const QByteArray sql =
        (QStringLiteral("COPY ") + PgConnection::quoteIdentifier(table) + QStringLiteral(" (") +
         quoted.join(QStringLiteral(", ")) + QStringLiteral(") FROM STDIN"))
            .toUtf8();
    if (const Status started = PgCopyIn::start(connection, QString::fromUtf8(sql)); !started)
        return started;

    // A producer thread generates and encodes the next chunks while this thread sends the
    // current one, so the client's work overlaps the server's; at most QueueDepth chunks wait.
    constexpr int QueueDepth = 3;
    std::mutex mutex;
    std::condition_variable changed;
    std::deque<QByteArray> queue;
    bool produced = false; // the producer has finished
    bool abandon = false;  // the consumer stopped: the producer must not wait any more
    std::thread producer([&] {
        qsizetype lastSize = 1 << 16;
        for (;;) {
            QByteArray buffer;
            buffer.reserve(lastSize + lastSize / 4);
            const bool more = next(buffer);
            lastSize = std::max<qsizetype>(buffer.size(), 1 << 16);
            std::unique_lock lock(mutex);
            if (!more)
                break;
            changed.wait(lock, [&] { return abandon || queue.size() < QueueDepth; });
            if (abandon)
                break;
            if (!buffer.isEmpty())
                queue.push_back(std::move(buffer));
            lock.unlock();
            changed.notify_all();
        }
        {
            std::lock_guard lock(mutex);
            produced = true;
        }
        changed.notify_all();
    });
    bool sendFailed = false;
    for (;;) {
        QByteArray buffer;
        {
            std::unique_lock lock(mutex);
            changed.wait(lock, [&] { return produced || !queue.empty(); });
            if (queue.empty())
                break; // produced and drained
            buffer = std::move(queue.front());
            queue.pop_front();
        }
        changed.notify_all();
        if (!PgCopyIn::put(connection, buffer)) {
            sendFailed = true;
            break;
        }
    }
    {
        std::lock_guard lock(mutex);
        abandon = true;
    }
    changed.notify_all();
    producer.join();
    return PgCopyIn::finish(connection, sendFailed);
}

Status MovrLoader::loadRows(PgConnection &connection, const DataGenerator &generator,
                            const Options &options)
{
    const MovrCounts &counts = generator.counts();
    Progress progress{options, {}};
    progress.state.rowsTotal = counts.total();

    Status loaded = loadTable(connection, progress, QStringLiteral("users"),
                              columnList("id,city,name,address,credit_card"), counts.users,
                              [&](qint64 first, qint64 count, QByteArray &buffer) {
                                  for (const UserRow &row : generator.users(first, count))
                                      RowWriter(buffer) << row.id << row.city << row.name
                                                        << row.address << row.creditCard;
                              });
    if (!loaded)
        return loaded;
    loaded =
        loadTable(connection, progress, QStringLiteral("vehicles"),
                  columnList("id,city,type,owner_id,creation_time,status,current_location,ext"),
                  counts.vehicles, [&](qint64 first, qint64 count, QByteArray &buffer) {
                      for (const VehicleRow &row : generator.vehicles(first, count))
                          RowWriter(buffer)
                              << row.id << row.city << row.type << row.ownerId << row.creationTime
                              << row.status << row.currentLocation << row.ext;
                  });
    if (!loaded)
        return loaded;
    loaded = loadTable(connection, progress, QStringLiteral("rides"),
                       columnList("id,city,vehicle_city,rider_id,vehicle_id,start_address,"
                                  "end_address,start_time,end_time,revenue"),
                       counts.rides, [&](qint64 first, qint64 count, QByteArray &buffer) {
                           for (const RideRow &row : generator.rides(first, count))
                               RowWriter(buffer)
                                   << row.id << row.city << row.vehicleCity << row.riderId
                                   << row.vehicleId << row.startAddress << row.endAddress
                                   << row.startTime << row.endTime << row.revenue;
                       });
    if (!loaded)
        return loaded;
    loaded = loadTable(connection, progress, QStringLiteral("vehicle_location_histories"),
                       columnList("city,ride_id,timestamp,lat,long"), counts.histories,
                       [&](qint64 first, qint64 count, QByteArray &buffer) {
                           for (const LocationHistoryRow &row : generator.histories(first, count))
                               RowWriter(buffer) << row.city << row.rideId << row.timestamp
                                                 << row.latitude << row.longitude;
                       });
    if (!loaded)
        return loaded;
    loaded = loadTable(connection, progress, QStringLiteral("promo_codes"),
                       columnList("code,description,creation_time,expiration_time,rules"),
                       counts.promoCodes, [&](qint64 first, qint64 count, QByteArray &buffer) {
                           for (const PromoCodeRow &row : generator.promoCodes(first, count))
                               RowWriter(buffer) << row.code << row.description << row.creationTime
                                                 << row.expirationTime << row.rules;
                       });
    if (!loaded)
        return loaded;
    return loadTable(connection, progress, QStringLiteral("user_promo_codes"),
                     columnList("city,user_id,code,timestamp,usage_count"), counts.userPromoCodes(),
                     [&](qint64 first, qint64 count, QByteArray &buffer) {
                         for (const UserPromoCodeRow &row : generator.userPromoCodes(first, count))
                             RowWriter(buffer) << row.city << row.userId << row.code
                                               << row.timestamp << QString::number(row.usageCount);
                     });
}

Status MovrLoader::initialize(PgConnection &connection, const DataGenerator &generator,
                              const Options &options)
{
    if (const QString invalid = generator.counts().validate(); !invalid.isEmpty())
        return DbError::make(ErrorClass::InvalidInput, invalid);
    auto existing = Schema::existingTables(connection);
    if (!existing)
        return existing.error();
    if (!existing->isEmpty() && options.existingTables == ExistingTables::Refuse)
        return DbError::make(
            ErrorClass::InvalidInput,
            QObject::tr("The database %1 already has MovR tables (%2); use "
                        "--drop to replace them.")
                .arg(connection.serverInfo().database, existing->join(QStringLiteral(", "))));

    const ServerFlavor flavor = connection.serverInfo().flavor;
    const bool transactional = flavor == ServerFlavor::PostgreSQL;
    auto run = [&]() -> Status {
        if (!existing->isEmpty()) {
            if (auto dropped = execAll(connection, Schema::dropStatements(flavor)); !dropped)
                return dropped;
        }
        QStringList create = Schema::createStatements(flavor, options.layout);
        if (flavor == ServerFlavor::CockroachDB && options.layout == Schema::Layout::MultiRegion)
            create = Schema::databaseRegionStatements(connection.serverInfo().database) + create;
        if (auto created = execAll(connection, create); !created)
            return created;
        if (auto loaded = loadRows(connection, generator, options); !loaded)
            return loaded;
        if (options.progress) {
            LoadProgress state;
            state.rowsDone = state.rowsTotal = generator.counts().total();
            if (!options.progress(state))
                return canceled();
        }
        return execAll(connection, Schema::foreignKeyStatements(flavor, options.layout));
    };

    if (transactional) {
        if (auto begun = connection.exec(QStringLiteral("BEGIN")); !begun)
            return begun.error();
    }
    Status done = run();
    if (!done) {
        // Best effort: the caller sees the first error, not the clean-up's.
        if (transactional)
            (void)connection.exec(QStringLiteral("ROLLBACK"));
        else
            (void)execAll(connection, Schema::dropStatements(flavor));
        return done;
    }
    if (transactional) {
        if (auto committed = connection.exec(QStringLiteral("COMMIT")); !committed)
            return committed.error();
    }
    for (const QString &table : Schema::tableNames()) {
        if (auto analyzed = connection.exec(QStringLiteral("ANALYZE ") + table); !analyzed)
            return analyzed.error();
    }
    return Ok{};
}
