#pragma once

#include "WorkloadTypes.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <random>

// The operation mix: what one call of a workload session does. Modelled on the worker
// function of `cockroach workload run movr` (pkg/workload/movr/workload.go in
// cockroachdb/cockroach, generateWorkSimulation): every call picks a random city; with
// probability 0.95 it reads the city's vehicles, otherwise it records a location point for
// the active rides the session holds (updateActiveRides) and then runs ONE write chosen by
// weight.
//
// The mixes (reads / write weights):
// - canonical: 0.95 reads; startRide 0.40, addUser 0.30, applyPromoCode 0.10,
//   addVehicle 0.10, endRide 0.07, createPromoCode 0.03 (the workload's numbers).
// - steady: 0.95 reads; startRide 0.30, endRide 0.30, addUser 0.20, applyPromoCode 0.10,
//   addVehicle 0.05, createPromoCode 0.05. Starts and ends are equally likely, and a start
//   that finds its vehicle taken is refused (no ride), so ends keep up with starts and a long
//   run keeps a moving fleet instead of ending with every vehicle in use.
// - writes: no reads; every call is updateActiveRides and one write with the steady weights
//   (a measurement of writes should not run the fleet dry either).
//
// Hot city (config.hotCity): a write goes to the hot city with probability hotFraction and
// otherwise to one of the other cities; reads stay spread over all cities.
//
// Deterministic: the same seed, cities and configuration give the same sequence (one
// std::mt19937_64 per chooser; each session has its own, seeded from the run's seed).
class OpChooser
{
public:
    struct Call
    {
        QString city;
        // In order: {ReadVehicles}, or {UpdateActiveRides, <write>}.
        QList<WorkloadOp> ops;
    };

    OpChooser(WorkloadMix mix, quint64 seed, QStringList cities, QString hotCity = {},
              double hotFraction = 0);

    Call next();
    // Uniform in [0, 1) and integers in [0, n) from the same generator, for the session's
    // other choices (which rider, which vehicle, coordinates).
    double uniform();
    int below(int n);

    static double readFraction(WorkloadMix mix);
    // The write weights of `mix`, in the order of kWorkloadOps (0 for the read and the
    // location update); they sum to 1.
    static std::array<double, kWorkloadOpCount> writeWeights(WorkloadMix mix);

private:
    WorkloadOp chooseWrite();
    QString randomCity();
    QString writeCity();

    WorkloadMix m_mix;
    std::mt19937_64 m_random;
    QStringList m_cities;
    QStringList m_otherCities; // all but the hot city
    QString m_hotCity;
    double m_hotFraction = 0;
    std::array<double, kWorkloadOpCount> m_weights{};
};
