#include "WorkloadEngine.h"

#include "WorkloadRun.h"
#include "WorkloadSession.h"
#include "movr/Cities.h"
#include "movr/MovrSchemaShape.h"
#include "pg/PgConnection.h"

#include <QCoreApplication>

#include <mutex>
#include <random>
#include <vector>

namespace {

Status invalid(const QString &sentence)
{
    return DbError::make(ErrorClass::InvalidInput, sentence);
}

// splitmix64: a well-mixed seed per session from the run's seed.
quint64 mix(quint64 value)
{
    value += 0x9e3779b97f4a7c15ULL;
    value = (value ^ (value >> 30)) * 0xbf58476d1ce4e5b9ULL;
    value = (value ^ (value >> 27)) * 0x94d049bb133111ebULL;
    return value ^ (value >> 31);
}

} // namespace

class WorkloadEngine::Impl
{
public:
    explicit Impl(WorkloadConfig config) : run(std::move(config)) {}

    WorkloadRun run;
    quint64 seed = 0;
    std::vector<std::unique_ptr<WorkloadSession>> sessions;
    mutable std::mutex mutex;
    State state = State::Idle;

    void interruptAll()
    {
        for (const auto &session : sessions)
            session->interrupt();
    }
};

WorkloadEngine::WorkloadEngine(WorkloadConfig config) : d(std::make_unique<Impl>(std::move(config)))
{
    d->seed = d->run.config().seed;
    if (d->seed == 0) {
        std::random_device device;
        d->seed = (quint64(device()) << 32) ^ quint64(device());
        if (d->seed == 0)
            d->seed = 1;
    }
}

WorkloadEngine::~WorkloadEngine()
{
    requestStop();
    wait();
}

Status WorkloadEngine::validate(const WorkloadConfig &config)
{
    if (!(config.maxRate >= 0))
        return invalid(QCoreApplication::translate(
            "WorkloadEngine", "The rate must be a positive number of operations per second (or 0 "
                              "for no limit)."));
    if (config.concurrency < 1)
        return invalid(QCoreApplication::translate(
            "WorkloadEngine", "The concurrency must be at least one session."));
    if (config.concurrency > 10000)
        return invalid(QCoreApplication::translate(
            "WorkloadEngine", "The concurrency must be at most 10000 sessions."));
    if (config.duration.count() < 0)
        return invalid(
            QCoreApplication::translate("WorkloadEngine", "The duration must not be negative."));
    if (config.maxOps < 0)
        return invalid(QCoreApplication::translate(
            "WorkloadEngine", "The maximum number of operations must not be negative."));
    if (config.ramp.count() < 0)
        return invalid(
            QCoreApplication::translate("WorkloadEngine", "The ramp must not be negative."));
    if (!(config.hotFraction >= 0 && config.hotFraction <= 1))
        return invalid(QCoreApplication::translate("WorkloadEngine",
                                                   "The hot fraction must be between 0 and 1."));
    if (config.hotVehicles < 1)
        return invalid(QCoreApplication::translate(
            "WorkloadEngine", "The hot city needs at least one vehicle to ride."));
    if (!config.hotCity.isEmpty() && !Cities::isKnown(config.hotCity))
        return invalid(
            QCoreApplication::translate("WorkloadEngine", "There is no MovR city named \"%1\".")
                .arg(config.hotCity));
    if (config.retryPolicy.maxAttempts < 1)
        return invalid(QCoreApplication::translate("WorkloadEngine",
                                                   "A transaction needs at least one attempt."));
    return Ok{};
}

Status WorkloadEngine::preflight(const WorkloadConfig &config)
{
    if (Status valid = validate(config); !valid)
        return valid;
    Result<std::unique_ptr<PgConnection>> opened = PgConnection::open(config.settings);
    if (!opened)
        return opened.error();
    PgConnection &connection = **opened;
    const Result<MovrSchemaShape> shape = MovrSchemaShape::read(connection);
    if (!shape)
        return shape.error();
    if (!shape->isSupported())
        return invalid(shape->problem());

    // What is left of the server's connection limit for ordinary users.
    std::optional<int> available;
    if (connection.serverInfo().isCockroach()) {
        // CockroachDB: the cluster setting server.max_connections_per_gateway (non-admin SQL
        // connections per gateway node; -1, the default, is no limit: cockroachdb/cockroach
        // pkg/sql/pgwire/server.go, maxNumNonAdminConnections). Not readable without the
        // privilege on older versions: then nothing is checked.
        const Result<PgResult> limit = connection.exec(
            QStringLiteral("SHOW CLUSTER SETTING server.max_connections_per_gateway"));
        if (limit && limit->rowCount() == 1 && limit->text(0, 0).toInt() > 0)
            available = limit->text(0, 0).toInt();
    } else {
        const Result<PgResult> free = connection.exec(QStringLiteral(
            "SELECT current_setting('max_connections')::int"
            " - current_setting('superuser_reserved_connections')::int"
            " - (SELECT count(*)::int FROM pg_stat_activity"
            "    WHERE backend_type = 'client backend' AND pid <> pg_backend_pid())"));
        if (!free)
            return free.error();
        available = free->text(0, 0).toInt();
    }
    if (available && config.concurrency > *available)
        return invalid(QCoreApplication::translate("WorkloadEngine",
                                                   "The server accepts only %1 more connections, "
                                                   "fewer than the %2 sessions asked for.")
                           .arg(*available)
                           .arg(config.concurrency));

    if (!config.hotCity.isEmpty()) {
        const Result<PgResult> vehicles = connection.exec(
            QStringLiteral("SELECT 1 FROM vehicles WHERE city = $1 LIMIT 1"), {config.hotCity});
        if (!vehicles)
            return vehicles.error();
        if (vehicles->rowCount() == 0)
            return invalid(QCoreApplication::translate("WorkloadEngine",
                                                       "The hot city \"%1\" has no vehicles.")
                               .arg(config.hotCity));
    }
    return Ok{};
}

void WorkloadEngine::setTraceSink(TraceSink sink)
{
    d->run.setTraceSink(std::move(sink));
}

void WorkloadEngine::start()
{
    {
        std::lock_guard lock(d->mutex);
        if (d->state != State::Idle)
            return;
        if (Status valid = validate(d->run.config()); !valid) {
            // The callers validate first; a configuration that slips through fails here.
            d->run.fail(valid.error().message);
            d->state = State::Failed;
            return;
        }
        d->state = State::Running;
    }
    d->run.setOnFail([this] { d->interruptAll(); });
    d->run.begin();
    for (int i = 0; i < d->run.config().concurrency; ++i)
        d->sessions.push_back(
            std::make_unique<WorkloadSession>(d->run, i, mix(d->seed + quint64(i))));
    for (const auto &session : d->sessions)
        session->start();
}

void WorkloadEngine::requestStop()
{
    {
        std::lock_guard lock(d->mutex);
        if (d->state == State::Running)
            d->state = State::Stopping;
    }
    d->run.stop();
    d->interruptAll();
}

void WorkloadEngine::wait()
{
    for (const auto &session : d->sessions)
        session->join();
    std::lock_guard lock(d->mutex);
    if (d->state == State::Running || d->state == State::Stopping)
        d->state = d->run.fatalError() ? State::Failed : State::Finished;
}

WorkloadEngine::State WorkloadEngine::state() const
{
    std::lock_guard lock(d->mutex);
    if (d->state == State::Running || d->state == State::Stopping) {
        if (d->run.sessionsEnded() >= d->run.config().concurrency)
            return d->run.fatalError() ? State::Failed : State::Finished;
        if (d->run.stopping())
            return State::Stopping;
    }
    return d->state;
}

std::optional<QString> WorkloadEngine::fatalError() const
{
    return d->run.fatalError();
}

void WorkloadEngine::setMaxRate(double opsPerSecond)
{
    d->run.limiter().setMaxRate(opsPerSecond);
}

const WorkloadConfig &WorkloadEngine::config() const
{
    return d->run.config();
}

quint64 WorkloadEngine::seed() const
{
    return d->seed;
}

WorkloadSnapshot WorkloadEngine::tick()
{
    const double elapsed =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - d->run.startedAt())
            .count();
    return d->run.stats().tick(elapsed);
}
