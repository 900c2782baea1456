#include "WorkloadTypes.h"

QString workloadOpName(WorkloadOp op)
{
    switch (op) {
    case WorkloadOp::ReadVehicles:
        return QStringLiteral("readVehicles");
    case WorkloadOp::UpdateActiveRides:
        return QStringLiteral("updateActiveRides");
    case WorkloadOp::StartRide:
        return QStringLiteral("startRide");
    case WorkloadOp::AddUser:
        return QStringLiteral("addUser");
    case WorkloadOp::ApplyPromoCode:
        return QStringLiteral("applyPromoCode");
    case WorkloadOp::AddVehicle:
        return QStringLiteral("addVehicle");
    case WorkloadOp::EndRide:
        return QStringLiteral("endRide");
    case WorkloadOp::CreatePromoCode:
        return QStringLiteral("createPromoCode");
    }
    return {};
}

bool isWrite(WorkloadOp op)
{
    return op != WorkloadOp::ReadVehicles && op != WorkloadOp::UpdateActiveRides;
}

QString workloadMixName(WorkloadMix mix)
{
    switch (mix) {
    case WorkloadMix::Canonical:
        return QStringLiteral("canonical");
    case WorkloadMix::Steady:
        return QStringLiteral("steady");
    case WorkloadMix::Writes:
        return QStringLiteral("writes");
    }
    return {};
}

std::optional<WorkloadMix> parseWorkloadMix(const QString &name)
{
    for (WorkloadMix mix : {WorkloadMix::Canonical, WorkloadMix::Steady, WorkloadMix::Writes}) {
        if (workloadMixName(mix) == name)
            return mix;
    }
    return std::nullopt;
}

QStringList workloadMixNames()
{
    return {workloadMixName(WorkloadMix::Canonical), workloadMixName(WorkloadMix::Steady),
            workloadMixName(WorkloadMix::Writes)};
}
