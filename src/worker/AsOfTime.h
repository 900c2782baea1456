#pragma once

#include "BrowseTypes.h"
#include "txn/Transaction.h"

#include <QDateTime>
#include <QString>

#include <optional>

// "As of a time" on CockroachDB (AS OF SYSTEM TIME): the literal sent, the times the server
// can answer, and its refusals as sentences. Pure functions: the details pane's as-of bar
// and the browse worker use them, the tests read them (CockroachDB cannot run here).
namespace AsOfTime {

// The server keeps a table's history for its zone's gc.ttlseconds; 4 hours by default since
// v23.1 ("Historical data is available only within the garbage collection window, which is
// determined by the ttlseconds field in the replication zone configuration":
// https://www.cockroachlabs.com/docs/v26.3/as-of-system-time).
constexpr qint64 DefaultGcTtlSeconds = 4 * 3600;
// The default time: a minute ago (a past time the server can surely answer).
constexpr qint64 DefaultAgeSeconds = 60;

// The AS OF SYSTEM TIME literal for `time`, in UTC with an explicit offset, e.g.
// '2026-12-02 10:00:00.000+00:00': a string is parsed as a TIMESTAMPTZ
// (pkg/sql/sem/asof/as_of.go, DatumToHLC: tree.ParseDTimestampTZ), so the offset holds
// whatever the session's time zone; a literal without one would be read in that zone.
QString literal(const QDateTime &time);

// Reads the table's zone configuration: `SHOW ZONE CONFIGURATION FROM TABLE <table>`, one
// row (target, raw_config_sql) whose text holds "gc.ttlseconds = N"; no privilege needed
// (https://www.cockroachlabs.com/docs/v26.3/show-zone-configurations). CockroachDB only.
Statement gcWindowStatement(BrowseTable table);
// N from "gc.ttlseconds = N" in a zone configuration's text; nullopt when absent.
std::optional<qint64> parseGcTtlSeconds(const QString &configText);

// The times the server can answer at `now`: from the GC window's start, plus a margin (the
// threshold moves on while the user looks: a tenth of the window, at most 10 minutes), to now.
struct Bounds
{
    QDateTime earliest;
    QDateTime latest;
};
Bounds bounds(const QDateTime &now, qint64 gcTtlSeconds);
QDateTime clamp(const QDateTime &time, const Bounds &bounds);
// What the picker shows when "As of" is ticked: a minute ago, within the bounds.
QDateTime defaultTime(const QDateTime &now, const Bounds &bounds);

// The server's refusal of an AS OF SYSTEM TIME read as a sentence for the window, or nullopt
// when `error` is not one of them:
// - older than the GC window: "batch timestamp ... must be after replica GC threshold ..."
//   (pkg/kv/kvpb/errors.go, BatchTimestampBeforeGCError; older versions say "must be after
//   GC threshold"). It carries no SQLSTATE of its own: matched by those words, narrowly;
// - in the future: "AS OF SYSTEM TIME: cannot specify timestamp in the future"
//   (pkg/sql/sem/asof/as_of.go; an error without a SQLSTATE of its own): matched by words;
// - before the table existed: the table is not in the catalog at that time, SQLSTATE 42P01
//   (undefined_table, pkg/sql/sqlerrors NewUndefinedRelationError).
std::optional<QString> refusal(const DbError &error, qint64 gcTtlSeconds);

} // namespace AsOfTime
