#pragma once

#include "pg/PgConnection.h"
#include "pg/Result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

// The MovR invariants (`movr-admin workload check URL`, and `--check` after a run), on both
// key shapes (MovrSchemaShape). Each invariant is one read-only query that returns the rows
// breaking it (bounded: the first kMaxRowsShown, and the total count). What each one checks,
// and how lost or retired vehicles and the promo code rules are treated: WorkloadCheck.cpp.
struct InvariantResult
{
    QString name;        // "vehicle-in-two-active-rides", ...
    QString description; // one translated sentence: what must hold
    qint64 violations = 0;
    QStringList columns;
    QList<QStringList> rows;      // the first rows that break it, as text
    std::optional<DbError> error; // the query itself failed

    bool passed() const { return !error && violations == 0; }
};

class WorkloadCheck
{
    Q_DECLARE_TR_FUNCTIONS(WorkloadCheck)
public:
    static constexpr int kMaxRowsShown = 10;

    // Runs every invariant on `connection` (read-only; one transaction, one snapshot).
    static Result<QList<InvariantResult>> run(PgConnection &connection);
    // The invariants' names, in order.
    static QStringList names();
    // Human-readable report: one line per invariant (PASS/FAIL), the rows that break it.
    static QString format(const QList<InvariantResult> &results);
    static bool allPassed(const QList<InvariantResult> &results);
};
