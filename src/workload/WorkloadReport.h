#pragma once

#include "WorkloadCheck.h"
#include "WorkloadStats.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

// The output of `movr-admin workload run`, like `cockroach workload run`: every second a
// header (every 20 lines) and one line per operation (elapsed, errors, ops/s inst and cum,
// p50, p95, p99, pMax in ms, retries, refused); at the end a summary per operation and in
// total. `--json`: the same as one JSON object per line.
namespace WorkloadReport {

QString intervalHeader();
QStringList intervalLines(const WorkloadSnapshot &snapshot);
QStringList summaryLines(const WorkloadSnapshot &snapshot);

// One object per operation and tick: {"type":"tick","elapsed":..,"op":..,"errors":..,
// "opsInst":..,"opsCum":..,"p50Ms":..,"p95Ms":..,"p99Ms":..,"pMaxMs":..,"retries":..,
// "refused":..,"ambiguous":..}; the summary with "type":"summary"; a check with "type":"check".
QList<QJsonObject> intervalJson(const WorkloadSnapshot &snapshot);
QList<QJsonObject> summaryJson(const WorkloadSnapshot &snapshot);
QList<QJsonObject> checkJson(const QList<InvariantResult> &results);

} // namespace WorkloadReport
