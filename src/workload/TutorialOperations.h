#pragma once

// The MovR operations the way the tutorials write them (bench/bench_edits.cpp, TutorialWay;
// the sample applications of MOVR.md: read, decide in the client, write, one statement per
// network round trip), as INTERACTIVE transaction bodies. config.statementPerRoundTrip runs
// them with TutorialRunner (BEGIN, SAVEPOINT, each statement, RELEASE and COMMIT each its own
// round trip) instead of src/movr/Operations with TransactionRunner, so that bench_workload
// compares the two ways on the same engine, sessions, mix and statistics.
//
// The statements are the samples' (MOVR.md, "What the sample applications do"). Where the
// samples read a row and then write, the body also refuses what the samples never check (the
// vehicle is not available, the ride already ended, the code is expired or already held):
// no statement more, and a run of either way leaves the MovR invariants true (under
// SERIALIZABLE the read and the write of one attempt cannot be split by another writer: the
// loser gets 40001 and runs again). A location point is the samples' bare INSERT.

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
    // INSERT the point (the samples check nothing; the foreign key needs the ride).
    static TransactionBody recordLocation(const RecordLocationInput &input);
};
