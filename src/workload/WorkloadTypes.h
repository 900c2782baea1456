#pragma once

// The MovR workload (issue 12): the operation mix of `cockroach workload run movr`
// (pkg/workload/movr/workload.go), run through this project's own operations (src/movr) and
// retrying transactions (src/txn). No widgets: the CLI, the Workload dock and bench_workload
// all drive the same engine (WorkloadEngine.h).

#include "pg/ConnectionSettings.h"
#include "txn/Transaction.h"

#include <QString>
#include <QStringList>

#include <array>
#include <chrono>
#include <optional>

// The operations of the mix. The first two are the workload's read and its location update;
// the rest are the weighted writes.
enum class WorkloadOp {
    ReadVehicles,      // SELECT city, id FROM vehicles WHERE city = $1 (95% of canonical calls)
    UpdateActiveRides, // a location-history point for up to 10 active rides the session holds
    StartRide,         // 0.40 of writes
    AddUser,           // 0.30
    ApplyPromoCode,    // 0.10
    AddVehicle,        // 0.10
    EndRide,           // 0.07
    CreatePromoCode,   // 0.03
};
inline constexpr int kWorkloadOpCount = 8;
inline constexpr std::array<WorkloadOp, kWorkloadOpCount> kWorkloadOps = {
    WorkloadOp::ReadVehicles, WorkloadOp::UpdateActiveRides, WorkloadOp::StartRide,
    WorkloadOp::AddUser,      WorkloadOp::ApplyPromoCode,    WorkloadOp::AddVehicle,
    WorkloadOp::EndRide,      WorkloadOp::CreatePromoCode,
};

// The workload's own names ("readVehicles", "startRide", ...), as its output prints them.
QString workloadOpName(WorkloadOp op);
bool isWrite(WorkloadOp op);

enum class WorkloadMix {
    Canonical, // the numbers of `cockroach workload run movr`
    Steady,    // starts and ends balanced: a long run keeps a moving fleet
    Writes,    // no reads: for measuring writes
};
QString workloadMixName(WorkloadMix mix); // "canonical", "steady", "writes"
std::optional<WorkloadMix> parseWorkloadMix(const QString &name);
QStringList workloadMixNames();

struct WorkloadConfig
{
    ConnectionSettings settings;
    WorkloadMix mix = WorkloadMix::Canonical;
    int concurrency = 2; // sessions, each its own connection and runner
    // Rate and maxOps count calls, as `cockroach workload` does: a call is one read, or one
    // location update and the write after it (two entries in the statistics).
    double maxRate = 0;                    // ops/s over all sessions; 0 = unlimited
    std::chrono::milliseconds duration{0}; // 0: until stopped (or maxOps)
    qint64 maxOps = 0;                     // 0: no limit
    std::chrono::milliseconds ramp{0};     // the rate rises linearly to maxRate over this time
    quint64 seed = 0;                      // 0: a random seed (reported)
    QString hotCity;                       // empty: writes spread over all cities
    double hotFraction = 0.9;              // the share of writes that go to the hot city
    int hotVehicles = 5;                   // in the hot city, rides use only this many vehicles
    bool tolerateErrors = false;           // off: an unexpected error stops the run
    RetryPolicy retryPolicy;
    // The tutorials' way (bench_workload's reference): every statement its own round trip
    // with the savepoint sequence, instead of one pipelined round trip per attempt.
    bool statementPerRoundTrip = false;
    // Send every statement to the trace sink (the SQL panel); off for the CLI.
    bool trace = false;
};
