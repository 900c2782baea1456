#pragma once

// Indexes for the browse filters staff use every day, in all cities.
//
// MovR's keys start with the city, so within a scope of cities every filter is answered by
// the key's city prefix; in all cities, "active rides", "vehicles with this status" and
// "rides started in this range" would read the whole table. These indexes answer them (one
// statement each, the same on both servers):
// - rides_active: the active rides, a partial index (CockroachDB has partial indexes since
//   v20.2: cockroachdb/docs, v20.2/partial-indexes.md, "Creation"), in key order, so that
//   the first page of "Active only" is the index's first rows;
// - vehicles_status: (status, city, id), a status then the key's order;
// - rides_start_time: (start_time, city, id), a range of start times; vehicles_creation_time
//   the same for the vehicles' time range.
// The demo creates them after loading (and on a kept --demo-dir database); on another
// database the window names the missing one beside the filters, and bounds the query
// (worker/WholeTableRead.h). They are found at connect by name in pg_catalog.pg_indexes,
// which both servers have.

#include "pg/PgConnection.h"
#include "pg/Result.h"

#include <QList>
#include <QSet>
#include <QString>

namespace BrowseIndexes {

enum class Filter { Active, Status, TimeRange };

struct Index
{
    Filter filter;
    QString name;       // rides_active
    QString table;      // rides
    QString definition; // "(city, id) WHERE end_time IS NULL"
};

const QList<Index> &all();
// The index that answers `filter` on `table`, or nullptr.
const Index *find(const QString &table, Filter filter);

// CREATE INDEX IF NOT EXISTS {name} ON {table} {definition}
QString createStatement(const Index &index);
// The same, as a script to copy (with its semicolon).
QString script(const Index &index);
// Creates every index of all() that is missing (the demo).
Status createAll(PgConnection &connection);
// The names of all()'s indexes the current schema has.
Result<QSet<QString>> detect(PgConnection &connection);

} // namespace BrowseIndexes
