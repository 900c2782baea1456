#pragma once

// Trigram indexes for the search box's "contains" searches.
//
// MovR's indexes answer every look-up by key, by city and by the foreign keys, but not "a
// part of a name, in all cities" (support staff's first task on a cluster with millions of
// riders): ILIKE '%text%' reads every row unless a trigram index covers the column. Both
// servers have one, under the same statement:
// - PostgreSQL: the pg_trgm extension (part of contrib; Debian's postgresql-15 package ships
//   it) and CREATE INDEX ... USING GIN (column gin_trgm_ops);
// - CockroachDB v22.2 and later: trigram inverted indexes, "CREATE INDEX {name} ON {table}
//   USING GIN({column} gin_trgm_ops)" (the PostgreSQL-compatible syntax; CREATE INVERTED
//   INDEX ... ({column} gin_trgm_ops) is the same index), which answer LIKE and ILIKE
//   (cockroachdb/docs, src/current/v23.2/trigram-indexes.md, "Creation" and
//   "Comparisons"). No extension is created there.
// The demo creates them; on another database the window names the statement beside the
// search (hint()) and bounds the search instead.

#include "pg/PgConnection.h"
#include "pg/Result.h"
#include "pg/ServerInfo.h"

#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

namespace SearchIndexes {

struct Index
{
    QString name;   // users_name_trgm
    QString table;  // users
    QString column; // name
};

// The columns the search box matches as "contains" on the big tables: users.name and
// vehicles.current_location.
const QList<Index> &all();
// The index for `table`.`column`, or nullptr.
const Index *find(const QString &table, const QString &column);

// The statements that create `index` on the flavor (PostgreSQL: the extension first).
QStringList createStatements(const Index &index, ServerFlavor flavor);
// The same, as one script to copy ("...;\n...;").
QString script(const Index &index, ServerFlavor flavor);
// Creates every index of all() that is missing (the demo).
Status createAll(PgConnection &connection);

// The trigram indexes the current schema has, as "table.column". Reads pg_catalog.pg_indexes,
// which both servers have: PostgreSQL's indexdef is pg_get_indexdef(), CockroachDB's is
// built from the index descriptor with its opclass (pkg/sql/pg_catalog.go,
// indexDefFromDescriptor, through catformat.IndexForDisplay).
Result<QSet<QString>> detect(PgConnection &connection);
// From the rows (tablename, indexdef) of that read.
QSet<QString> fromIndexDefinitions(const QList<QPair<QString, QString>> &rows);

} // namespace SearchIndexes
