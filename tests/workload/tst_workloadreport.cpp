#include "workload/WorkloadReport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTest>

// The text and JSON output of `movr-admin workload run` from hand-built snapshots: the
// column layout of `cockroach workload run` (pkg/workload/cli/format.go) plus retries and
// refused, the values in each column, the summary and its totals, and the JSON objects.
class TestWorkloadReport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void header();
    void intervalLines();
    void inactiveOperationsAreLeftOut();
    void zeroTimes();
    void summary();
    void intervalJson();
    void summaryJson();
    void checkJson();
};

namespace {

// An OpStats with `ops` Ok calls whose latencies are 1, 2, ..., ops milliseconds.
OpStats stats(qint64 ops, qint64 refused = 0, qint64 errors = 0, qint64 retries = 0)
{
    OpStats s;
    s.ops = ops;
    s.refused = refused;
    s.errors = errors;
    s.retries = retries;
    if (retries)
        s.retriesBySqlState.insert(QStringLiteral("40001"), retries);
    for (qint64 i = 1; i <= ops; ++i)
        s.latency.record(i * 1000);
    return s;
}

// 2.0 s into a run, a 0.5 s interval: startRide 10 calls now (1..10 ms), 40 in all (1..40 ms),
// 3 refused, 5 retries; addUser 4 now, 8 in all, 1 error; readVehicles never ran.
WorkloadSnapshot sample()
{
    WorkloadSnapshot snapshot;
    snapshot.elapsedSeconds = 2.0;
    snapshot.intervalSeconds = 0.5;
    snapshot.interval[size_t(WorkloadOp::StartRide)] = stats(10, 1, 0, 2);
    snapshot.cumulative[size_t(WorkloadOp::StartRide)] = stats(40, 3, 0, 5);
    snapshot.interval[size_t(WorkloadOp::AddUser)] = stats(4);
    snapshot.cumulative[size_t(WorkloadOp::AddUser)] = stats(8, 0, 1);
    snapshot.cumulative[size_t(WorkloadOp::AddUser)].retriesBySqlState.insert(
        QStringLiteral("40P01"), 2);
    snapshot.cumulative[size_t(WorkloadOp::AddUser)].retries = 2;
    snapshot.cumulative[size_t(WorkloadOp::AddUser)].ambiguous = 3;
    snapshot.cumulative[size_t(WorkloadOp::AddUser)].ambiguousCommitted = 1;
    snapshot.cumulative[size_t(WorkloadOp::AddUser)].ambiguousNotCommitted = 2;
    return snapshot;
}

QStringList fields(const QString &line)
{
    return line.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
}

// The end column of each header field ("_elapsed" ends at 8, "___errors" at 17, ...): the
// numbers of a line end at the same columns.
QList<qsizetype> columnEnds(const QString &header)
{
    QList<qsizetype> ends;
    static const QRegularExpression field(QStringLiteral("_*[^_]+"));
    for (auto it = field.globalMatch(header); it.hasNext();) {
        const auto match = it.next();
        ends << match.capturedEnd();
    }
    return ends;
}

void compareColumns(const QString &header, const QString &line, int numericColumns)
{
    const QList<qsizetype> ends = columnEnds(header);
    QVERIFY2(ends.size() >= numericColumns, qPrintable(header));
    static const QRegularExpression token(QStringLiteral("\\S+"));
    QList<qsizetype> lineEnds;
    for (auto it = token.globalMatch(line); it.hasNext();)
        lineEnds << it.next().capturedEnd();
    QVERIFY2(lineEnds.size() == numericColumns + 1, qPrintable(line));
    for (int i = 0; i < numericColumns; ++i)
        QVERIFY2(lineEnds.at(i) == ends.at(i),
                 qPrintable(
                     QStringLiteral("column %1 of \"%2\" under \"%3\"").arg(i).arg(line, header)));
}

} // namespace

void TestWorkloadReport::header()
{
    const QString header = WorkloadReport::intervalHeader();
    // cockroach's header, then our two columns.
    QVERIFY(header.startsWith(
        QStringLiteral("_elapsed___errors__ops/sec(inst)___ops/sec(cum)__p50(ms)__p95(ms)__p99(ms)"
                       "_pMax(ms)")));
    QVERIFY(header.endsWith(QStringLiteral("__retries__refused")));
    QVERIFY(!header.contains(QLatin1Char(' ')));
}

void TestWorkloadReport::intervalLines()
{
    const QStringList lines = WorkloadReport::intervalLines(sample());
    QCOMPARE(lines.size(), 2);
    // In the order of the operations: startRide before addUser.
    const QStringList start = fields(lines.at(0));
    QCOMPARE(start,
             (QStringList{QStringLiteral("2.0s"), QStringLiteral("0"), QStringLiteral("20.0"),
                          QStringLiteral("20.0"), QStringLiteral("5.0"), QStringLiteral("10.0"),
                          QStringLiteral("10.0"), QStringLiteral("10.0"), QStringLiteral("5"),
                          QStringLiteral("3"), QStringLiteral("startRide")}));
    const QStringList add = fields(lines.at(1));
    QCOMPARE(add, (QStringList{QStringLiteral("2.0s"), QStringLiteral("1"), QStringLiteral("8.0"),
                               QStringLiteral("4.0"), QStringLiteral("2.0"), QStringLiteral("4.0"),
                               QStringLiteral("4.0"), QStringLiteral("4.0"), QStringLiteral("2"),
                               QStringLiteral("0"), QStringLiteral("addUser")}));
    for (const QString &line : lines)
        compareColumns(WorkloadReport::intervalHeader(), line, 10);
    QVERIFY(!lines.at(0).contains(QLatin1Char('\n')));
}

void TestWorkloadReport::inactiveOperationsAreLeftOut()
{
    WorkloadSnapshot snapshot;
    snapshot.elapsedSeconds = 1.0;
    snapshot.intervalSeconds = 1.0;
    QVERIFY(WorkloadReport::intervalLines(snapshot).isEmpty());
    QVERIFY(WorkloadReport::intervalJson(snapshot).isEmpty());

    // An operation that only refused so far still has its line (its ops/s are 0).
    snapshot.cumulative[size_t(WorkloadOp::EndRide)].refused = 2;
    const QStringList lines = WorkloadReport::intervalLines(snapshot);
    QCOMPARE(lines.size(), 1);
    QCOMPARE(fields(lines.first()).last(), QStringLiteral("endRide"));
    QCOMPARE(fields(lines.first()).at(2), QStringLiteral("0.0"));
    QCOMPARE(fields(lines.first()).at(9), QStringLiteral("2"));

    // An interval with no call of a busy operation: zeros, not the previous values.
    WorkloadSnapshot quiet = sample();
    quiet.interval = {};
    const QStringList quietStart = fields(WorkloadReport::intervalLines(quiet).first());
    QCOMPARE(quietStart.at(2), QStringLiteral("0.0"));
    QCOMPARE(quietStart.at(3), QStringLiteral("20.0"));
    QCOMPARE(quietStart.at(4), QStringLiteral("0.0"));
    QCOMPARE(quietStart.at(7), QStringLiteral("0.0"));
}

void TestWorkloadReport::zeroTimes()
{
    // The first tick can come at 0 s: no division by zero, no "inf" or "nan".
    WorkloadSnapshot snapshot = sample();
    snapshot.elapsedSeconds = 0;
    snapshot.intervalSeconds = 0;
    const QString text = WorkloadReport::intervalLines(snapshot).join(QLatin1Char('\n')) +
                         WorkloadReport::summaryLines(snapshot).join(QLatin1Char('\n'));
    QVERIFY(!text.contains(QStringLiteral("inf")));
    QVERIFY(!text.contains(QStringLiteral("nan")));
    for (const QJsonObject &object : WorkloadReport::intervalJson(snapshot))
        QCOMPARE(object.value(QStringLiteral("opsInst")).toDouble(), 0.0);
}

void TestWorkloadReport::summary()
{
    const QStringList lines = WorkloadReport::summaryLines(sample());
    const qsizetype totalHeader = lines.indexOf(QRegularExpression(QStringLiteral(".*__total")));
    QVERIFY(totalHeader >= 0);
    const QString header = lines.at(totalHeader);
    QVERIFY(header.startsWith(QStringLiteral(
        "_elapsed___errors_____ops(total)___ops/sec(cum)__avg(ms)__p50(ms)__p95(ms)__p99(ms)"
        "_pMax(ms)")));
    const QStringList start = fields(lines.at(totalHeader + 1));
    QCOMPARE(start,
             (QStringList{QStringLiteral("2.0s"), QStringLiteral("0"), QStringLiteral("40"),
                          QStringLiteral("20.0"), QStringLiteral("20.5"), QStringLiteral("20.1"),
                          QStringLiteral("38.1"), QStringLiteral("40.0"), QStringLiteral("40.0"),
                          QStringLiteral("5"), QStringLiteral("3"), QStringLiteral("0"),
                          QStringLiteral("startRide")}));
    compareColumns(header, lines.at(totalHeader + 1), 12);
    QCOMPARE(fields(lines.at(totalHeader + 2)).last(), QStringLiteral("addUser"));

    const qsizetype resultHeader = lines.indexOf(QRegularExpression(QStringLiteral(".*__result")));
    QVERIFY(resultHeader > totalHeader);
    const QStringList all = fields(lines.at(resultHeader + 1));
    QCOMPARE(all.last(), QStringLiteral("all"));
    QCOMPARE(all.at(1), QStringLiteral("1"));  // errors
    QCOMPARE(all.at(2), QStringLiteral("48")); // ops
    QCOMPARE(all.at(3), QStringLiteral("24.0"));
    QCOMPARE(all.at(8), QStringLiteral("40.0"));
    QCOMPARE(all.at(9), QStringLiteral("7"));  // retries
    QCOMPARE(all.at(10), QStringLiteral("3")); // refused
    QCOMPARE(all.at(11), QStringLiteral("3")); // ambiguous
    compareColumns(lines.at(resultHeader), lines.at(resultHeader + 1), 12);

    const QString text = lines.join(QLatin1Char('\n'));
    QVERIFY2(text.contains(QStringLiteral("Retries by SQLSTATE: 40001 5, 40P01 2.")),
             qPrintable(text));
    QVERIFY2(text.contains(
                 QStringLiteral("Ambiguous commits: 3 (1 committed, 2 not committed, 0 unknown).")),
             qPrintable(text));

    // Nothing retried, nothing ambiguous: no such sentences.
    WorkloadSnapshot calm;
    calm.elapsedSeconds = 1;
    calm.cumulative[size_t(WorkloadOp::ReadVehicles)] = stats(3);
    const QString calmText = WorkloadReport::summaryLines(calm).join(QLatin1Char('\n'));
    QVERIFY(!calmText.contains(QStringLiteral("SQLSTATE")));
    QVERIFY(!calmText.contains(QStringLiteral("Ambiguous")));
}

void TestWorkloadReport::intervalJson()
{
    const QList<QJsonObject> objects = WorkloadReport::intervalJson(sample());
    const QStringList lines = WorkloadReport::intervalLines(sample());
    QCOMPARE(objects.size(), lines.size());
    for (qsizetype i = 0; i < objects.size(); ++i) {
        // One line of compact JSON, read back as the same object.
        const QByteArray line = QJsonDocument(objects.at(i)).toJson(QJsonDocument::Compact);
        QVERIFY(!line.contains('\n'));
        QJsonParseError error;
        const QJsonDocument parsed = QJsonDocument::fromJson(line, &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        const QJsonObject object = parsed.object();
        QCOMPARE(object, objects.at(i));
        QCOMPARE(object.value(QStringLiteral("type")).toString(), QStringLiteral("tick"));
        // The same numbers as the text line.
        const QStringList text = fields(lines.at(i));
        QCOMPARE(object.value(QStringLiteral("op")).toString(), text.last());
        const char *keys[] = {"errors", "opsInst", "opsCum",  "p50Ms",  "p95Ms",
                              "p99Ms",  "pMaxMs",  "retries", "refused"};
        for (int k = 0; k < 9; ++k)
            QCOMPARE(object.value(QLatin1String(keys[k])).toDouble(), text.at(k + 1).toDouble());
        QCOMPARE(object.value(QStringLiteral("elapsed")).toDouble(), 2.0);
    }
    QCOMPARE(objects.at(1).value(QStringLiteral("ambiguous")).toInt(), 3);
}

void TestWorkloadReport::summaryJson()
{
    const QList<QJsonObject> objects = WorkloadReport::summaryJson(sample());
    QCOMPARE(objects.size(), 3); // startRide, addUser, all
    for (const QJsonObject &object : objects)
        QCOMPARE(object.value(QStringLiteral("type")).toString(), QStringLiteral("summary"));
    QCOMPARE(objects.at(0).value(QStringLiteral("op")).toString(), QStringLiteral("startRide"));
    QCOMPARE(objects.at(0).value(QStringLiteral("ops")).toInt(), 40);
    QCOMPARE(objects.at(0).value(QStringLiteral("avgMs")).toDouble(), 20.5);
    QCOMPARE(objects.at(0).value(QStringLiteral("p99Ms")).toDouble(), 40.0);
    const QJsonObject all = objects.at(2);
    QCOMPARE(all.value(QStringLiteral("op")).toString(), QStringLiteral("all"));
    QCOMPARE(all.value(QStringLiteral("ops")).toInt(), 48);
    QCOMPARE(all.value(QStringLiteral("errors")).toInt(), 1);
    QCOMPARE(all.value(QStringLiteral("retries")).toInt(), 7);
    QCOMPARE(all.value(QStringLiteral("refused")).toInt(), 3);
    QCOMPARE(all.value(QStringLiteral("ambiguous")).toInt(), 3);
    QCOMPARE(all.value(QStringLiteral("ambiguousCommitted")).toInt(), 1);
    QCOMPARE(all.value(QStringLiteral("ambiguousNotCommitted")).toInt(), 2);
    QCOMPARE(all.value(QStringLiteral("ambiguousUnknown")).toInt(), 0);
    const QJsonObject states = all.value(QStringLiteral("retriesBySqlState")).toObject();
    QCOMPARE(states.value(QStringLiteral("40001")).toInt(), 5);
    QCOMPARE(states.value(QStringLiteral("40P01")).toInt(), 2);

    // An empty run still says so: one "all" object with zeros.
    WorkloadSnapshot empty;
    const QList<QJsonObject> none = WorkloadReport::summaryJson(empty);
    QCOMPARE(none.size(), 1);
    QCOMPARE(none.first().value(QStringLiteral("ops")).toInt(), 0);
}

void TestWorkloadReport::checkJson()
{
    InvariantResult passing;
    passing.name = QStringLiteral("ride-ends-after-start");
    passing.description = QStringLiteral("No ride ends before it starts.");
    InvariantResult failing;
    failing.name = QStringLiteral("vehicle-in-two-active-rides");
    failing.description = QStringLiteral("No vehicle is in two active rides.");
    failing.violations = 12;
    failing.columns = {QStringLiteral("city"), QStringLiteral("vehicle_id")};
    failing.rows = {{QStringLiteral("boston"), QStringLiteral("aaaa")},
                    {QStringLiteral("rome"), QStringLiteral("bbbb")}};
    InvariantResult broken;
    broken.name = QStringLiteral("revenue-not-negative");
    broken.error = DbError{};
    const QList<QJsonObject> objects = WorkloadReport::checkJson({passing, failing, broken});
    QCOMPARE(objects.size(), 3);
    for (const QJsonObject &object : objects)
        QCOMPARE(object.value(QStringLiteral("type")).toString(), QStringLiteral("check"));
    QCOMPARE(objects.at(0).value(QStringLiteral("passed")).toBool(), true);
    QCOMPARE(objects.at(0).value(QStringLiteral("name")).toString(), passing.name);
    QCOMPARE(objects.at(0).value(QStringLiteral("description")).toString(), passing.description);
    QVERIFY(!objects.at(0).contains(QStringLiteral("error")));
    QCOMPARE(objects.at(1).value(QStringLiteral("passed")).toBool(), false);
    QCOMPARE(objects.at(1).value(QStringLiteral("violations")).toInt(), 12);
    QCOMPARE(objects.at(1).value(QStringLiteral("columns")).toArray(),
             QJsonArray::fromStringList(failing.columns));
    const QJsonArray rows = objects.at(1).value(QStringLiteral("rows")).toArray();
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows.at(1).toArray().at(0).toString(), QStringLiteral("rome"));
    QCOMPARE(objects.at(2).value(QStringLiteral("passed")).toBool(), false);
    QVERIFY(objects.at(2).contains(QStringLiteral("error")));
}

QTEST_GUILESS_MAIN(TestWorkloadReport)
#include "tst_workloadreport.moc"
