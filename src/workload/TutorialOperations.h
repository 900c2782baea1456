#pragma once

// The MovR operations the way the tutorials write them (bench/bench_edits.cpp, TutorialWay;
// the sample applications of MOVR.md: read, decide in the client, write, one statement per
// network round trip), as INTERACTIVE transaction bodies for the same TransactionRunner.
// config.statementPerRoundTrip runs these instead of src/movr/Operations, so that
// bench_workload compares the two ways on the same engine, sessions and statistics.
//
// Unlike the samples, each body checks in the client what the samples never check (the
// vehicle is available, the ride is still active, the code is valid and not yet held) and
// refuses otherwise, so that a run of either way leaves the MovR invariants true (under
// SERIALIZABLE the read and the write of one attempt cannot be split by another writer:
// the loser gets 40001 and runs again).
//
// Round trips per attempt: one per statement (the runner sends BEGIN, and on CockroachDB
// SAVEPOINT cockroach_restart, with the first one) plus one for the commit (RELEASE and
// COMMIT together). The samples' literal sequence sends BEGIN, SAVEPOINT, RELEASE and COMMIT
// each on its own, two or three round trips more: the comparison flatters the tutorials.

#include "movr/Operations.h"
#include "txn/Transaction.h"

#include <QCoreApplication>
#include <QString>

class TutorialOperations
{
    Q_DECLARE_TR_FUNCTIONS(TutorialOperations)

public:
    static TransactionBody readVehicles(const QString &city);
    // SELECT the vehicle; INSERT the ride; UPDATE the vehicle; UPDATE the rider's promo codes.
    static TransactionBody startRide(const StartRideInput &input);
    // SELECT the ride; SELECT its vehicle; UPDATE the ride; UPDATE the vehicle.
    static TransactionBody endRide(const EndRideInput &input);
    static TransactionBody addUser(const AddUserInput &input);
    // SELECT the owner; INSERT the vehicle.
    static TransactionBody addVehicle(const AddVehicleInput &input);
    // SELECT the code; SELECT the user's holding; INSERT it.
    static TransactionBody applyPromoCode(const ApplyPromoCodeInput &input);
    static TransactionBody createPromoCode(const CreatePromoCodeInput &input);
    // SELECT the ride; INSERT the point.
    static TransactionBody recordLocation(const RecordLocationInput &input);
};
