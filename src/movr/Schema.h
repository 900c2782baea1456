#pragma once

#include "pg/PgConnection.h"
#include "pg/Result.h"
#include "pg/ServerInfo.h"

#include <QString>
#include <QStringList>

// The MovR schema of MOVR.md, as CockroachDB's `workload init movr` creates it (single
// region), in the dialect of each server flavor:
// - CockroachDB: INDEX clauses inside CREATE TABLE, exactly as the workload writes them;
// - PostgreSQL: the same tables, columns, types, primary keys and check constraint, with
//   the indexes as separate CREATE INDEX statements under the same names.
// The five foreign keys are added after loading (as the workload does), with the names the
// server chooses (<table>_<columns>_fkey on PostgreSQL and recent CockroachDB versions).
namespace Schema {

// Whether create() adds the foreign keys at once or leaves them for addForeignKeys() after
// the data is loaded (faster, and what the workload does).
enum class ForeignKeys { Include, AfterLoading };

// users, vehicles, rides, vehicle_location_histories, promo_codes, user_promo_codes: the
// order of creation (referenced tables first).
const QStringList &tableNames();

// CREATE TABLE (and, for PostgreSQL, CREATE INDEX) statements, one statement per entry.
QStringList createStatements(ServerFlavor flavor);
// ALTER TABLE ... ADD FOREIGN KEY statements, one per foreign key (five).
QStringList foreignKeyStatements(ServerFlavor flavor);
// DROP TABLE IF EXISTS ... CASCADE for every MovR table.
QStringList dropStatements(ServerFlavor flavor);
// The whole DDL as one script (statements ended by ";\n"), for display and `psql -f`.
QString script(ServerFlavor flavor, ForeignKeys foreignKeys = ForeignKeys::Include);

// Names of the MovR tables that exist in the connection's current schema.
Result<QStringList> existingTables(PgConnection &connection);
// True when any MovR table exists in the current schema.
Result<bool> hasMovrTables(PgConnection &connection);

// Creates the tables and indexes for the connection's flavor (and the foreign keys unless
// told to wait). On PostgreSQL all in one transaction: on failure nothing is left.
Status create(PgConnection &connection, ForeignKeys foreignKeys = ForeignKeys::Include);
Status addForeignKeys(PgConnection &connection);
// Drops every MovR table (and what depends on them).
Status drop(PgConnection &connection);

} // namespace Schema
