#include "WorkloadReport.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <cmath>

// The columns follow `cockroach workload run` (pkg/workload/cli/format.go, textFormatter):
// elapsed, errors, ops/s of the interval and of the whole run, then the interval's p50, p95,
// p99 and maximum latency in milliseconds, each line ending with the operation's name. Two
// columns are ours: retries (attempts beyond the first) and refused (a precondition said no).
// errors, retries and refused count from the start of the run, as cockroach's errors do.
// The summary follows cockroach's final table (ops(total), ops/sec(cum), avg, percentiles over
// the whole run) with the same two columns and the ambiguous commits; the last line,
// "__result", is every operation together.

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("WorkloadReport", text);
}

double perSecond(qint64 count, double seconds)
{
    return seconds > 0 ? double(count) / seconds : 0.0;
}

double milliseconds(qint64 us)
{
    return double(us) / 1000.0;
}

// One decimal, as the text columns show it (so the JSON and the text agree).
double rounded(double value)
{
    return std::round(value * 10.0) / 10.0;
}

bool active(const OpStats &stats)
{
    return stats.ops + stats.refused + stats.errors > 0;
}

QString intervalLine(double elapsed, double interval, const OpStats &now, const OpStats &sofar,
                     const QString &name)
{
    return QString::asprintf(
        "%7.1fs %8lld %14.1f %14.1f %8.1f %8.1f %8.1f %8.1f %8lld %8lld %s", elapsed,
        static_cast<long long>(sofar.errors), perSecond(now.ops, interval),
        perSecond(sofar.ops, elapsed), milliseconds(now.latency.quantile(0.50)),
        milliseconds(now.latency.quantile(0.95)), milliseconds(now.latency.quantile(0.99)),
        milliseconds(now.latency.max()), static_cast<long long>(sofar.retries),
        static_cast<long long>(sofar.refused), qPrintable(name));
}

QString summaryHeader(const char *suffix)
{
    return QStringLiteral("_elapsed___errors_____ops(total)___ops/sec(cum)__avg(ms)__p50(ms)"
                          "__p95(ms)__p99(ms)_pMax(ms)__retries__refused_ambiguous") +
           QLatin1String(suffix);
}

QString summaryLine(double elapsed, const OpStats &stats, const QString &name)
{
    return QString::asprintf(
        "%7.1fs %8lld %14lld %14.1f %8.1f %8.1f %8.1f %8.1f %8.1f %8lld %8lld %9lld  %s", elapsed,
        static_cast<long long>(stats.errors), static_cast<long long>(stats.ops),
        perSecond(stats.ops, elapsed), stats.latency.mean() / 1000.0,
        milliseconds(stats.latency.quantile(0.50)), milliseconds(stats.latency.quantile(0.95)),
        milliseconds(stats.latency.quantile(0.99)), milliseconds(stats.latency.max()),
        static_cast<long long>(stats.retries), static_cast<long long>(stats.refused),
        static_cast<long long>(stats.ambiguous), qPrintable(name));
}

QJsonObject bySqlState(const OpStats &stats)
{
    QJsonObject object;
    for (auto it = stats.retriesBySqlState.cbegin(); it != stats.retriesBySqlState.cend(); ++it)
        object.insert(it.key(), it.value());
    return object;
}

QJsonObject summaryObject(double elapsed, const OpStats &stats, const QString &name)
{
    return QJsonObject{
        {QStringLiteral("type"), QStringLiteral("summary")},
        {QStringLiteral("elapsed"), rounded(elapsed)},
        {QStringLiteral("op"), name},
        {QStringLiteral("errors"), stats.errors},
        {QStringLiteral("ops"), stats.ops},
        {QStringLiteral("opsCum"), rounded(perSecond(stats.ops, elapsed))},
        {QStringLiteral("avgMs"), rounded(stats.latency.mean() / 1000.0)},
        {QStringLiteral("p50Ms"), rounded(milliseconds(stats.latency.quantile(0.50)))},
        {QStringLiteral("p95Ms"), rounded(milliseconds(stats.latency.quantile(0.95)))},
        {QStringLiteral("p99Ms"), rounded(milliseconds(stats.latency.quantile(0.99)))},
        {QStringLiteral("pMaxMs"), rounded(milliseconds(stats.latency.max()))},
        {QStringLiteral("retries"), stats.retries},
        {QStringLiteral("retriesBySqlState"), bySqlState(stats)},
        {QStringLiteral("refused"), stats.refused},
        {QStringLiteral("ambiguous"), stats.ambiguous},
        {QStringLiteral("ambiguousCommitted"), stats.ambiguousCommitted},
        {QStringLiteral("ambiguousNotCommitted"), stats.ambiguousNotCommitted},
        {QStringLiteral("ambiguousUnknown"), stats.ambiguousUnknown},
    };
}

} // namespace

namespace WorkloadReport {

QString intervalHeader()
{
    return QStringLiteral("_elapsed___errors__ops/sec(inst)___ops/sec(cum)__p50(ms)__p95(ms)"
                          "__p99(ms)_pMax(ms)__retries__refused");
}

QStringList intervalLines(const WorkloadSnapshot &snapshot)
{
    QStringList lines;
    for (WorkloadOp op : kWorkloadOps) {
        const OpStats &sofar = snapshot.cumulativeOf(op);
        if (!active(sofar))
            continue;
        lines << intervalLine(snapshot.elapsedSeconds, snapshot.intervalSeconds,
                              snapshot.intervalOf(op), sofar, workloadOpName(op));
    }
    return lines;
}

QStringList summaryLines(const WorkloadSnapshot &snapshot)
{
    const double elapsed = snapshot.elapsedSeconds;
    QStringList lines{QString(), summaryHeader("__total")};
    for (WorkloadOp op : kWorkloadOps) {
        const OpStats &stats = snapshot.cumulativeOf(op);
        if (active(stats))
            lines << summaryLine(elapsed, stats, workloadOpName(op));
    }
    const OpStats total = snapshot.cumulativeTotal();
    lines << QString() << summaryHeader("__result")
          << summaryLine(elapsed, total, QStringLiteral("all"));
    if (!total.retriesBySqlState.isEmpty()) {
        QStringList states;
        for (auto it = total.retriesBySqlState.cbegin(); it != total.retriesBySqlState.cend(); ++it)
            states << QStringLiteral("%1 %2").arg(it.key()).arg(it.value());
        lines << tr("Retries by SQLSTATE: %1.").arg(states.join(QStringLiteral(", ")));
    }
    if (total.ambiguous > 0)
        lines << tr("Ambiguous commits: %1 (%2 committed, %3 not committed, %4 unknown).")
                     .arg(total.ambiguous)
                     .arg(total.ambiguousCommitted)
                     .arg(total.ambiguousNotCommitted)
                     .arg(total.ambiguousUnknown);
    return lines;
}

QList<QJsonObject> intervalJson(const WorkloadSnapshot &snapshot)
{
    QList<QJsonObject> objects;
    const double elapsed = snapshot.elapsedSeconds;
    for (WorkloadOp op : kWorkloadOps) {
        const OpStats &sofar = snapshot.cumulativeOf(op);
        if (!active(sofar))
            continue;
        const OpStats &now = snapshot.intervalOf(op);
        objects << QJsonObject{
            {QStringLiteral("type"), QStringLiteral("tick")},
            {QStringLiteral("elapsed"), rounded(elapsed)},
            {QStringLiteral("op"), workloadOpName(op)},
            {QStringLiteral("errors"), sofar.errors},
            {QStringLiteral("opsInst"), rounded(perSecond(now.ops, snapshot.intervalSeconds))},
            {QStringLiteral("opsCum"), rounded(perSecond(sofar.ops, elapsed))},
            {QStringLiteral("p50Ms"), rounded(milliseconds(now.latency.quantile(0.50)))},
            {QStringLiteral("p95Ms"), rounded(milliseconds(now.latency.quantile(0.95)))},
            {QStringLiteral("p99Ms"), rounded(milliseconds(now.latency.quantile(0.99)))},
            {QStringLiteral("pMaxMs"), rounded(milliseconds(now.latency.max()))},
            {QStringLiteral("retries"), sofar.retries},
            {QStringLiteral("refused"), sofar.refused},
            {QStringLiteral("ambiguous"), sofar.ambiguous},
        };
    }
    return objects;
}

QList<QJsonObject> summaryJson(const WorkloadSnapshot &snapshot)
{
    QList<QJsonObject> objects;
    for (WorkloadOp op : kWorkloadOps) {
        const OpStats &stats = snapshot.cumulativeOf(op);
        if (active(stats))
            objects << summaryObject(snapshot.elapsedSeconds, stats, workloadOpName(op));
    }
    objects << summaryObject(snapshot.elapsedSeconds, snapshot.cumulativeTotal(),
                             QStringLiteral("all"));
    return objects;
}

QList<QJsonObject> checkJson(const QList<InvariantResult> &results)
{
    QList<QJsonObject> objects;
    for (const InvariantResult &result : results) {
        QJsonArray rows;
        for (const QStringList &row : result.rows)
            rows.append(QJsonArray::fromStringList(row));
        QJsonObject object{
            {QStringLiteral("type"), QStringLiteral("check")},
            {QStringLiteral("name"), result.name},
            {QStringLiteral("description"), result.description},
            {QStringLiteral("passed"), result.passed()},
            {QStringLiteral("violations"), result.violations},
            {QStringLiteral("columns"), QJsonArray::fromStringList(result.columns)},
            {QStringLiteral("rows"), rows},
        };
        if (result.error)
            object.insert(QStringLiteral("error"), result.error->toString());
        objects << object;
    }
    return objects;
}

} // namespace WorkloadReport
