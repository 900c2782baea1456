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
//
// Layout::MultiRegion is `workload init movr --multi-region` (pkg/workload/movr/movr.go): the
// city prefix dropped from every key, index and foreign key, and a stored crdb_region column
// computed from the city on the five city tables. On CockroachDB those tables are LOCALITY
// REGIONAL BY ROW and promo_codes is LOCALITY GLOBAL, in a database with the regions
// us-east1 (primary), us-west1 and europe-west1; on PostgreSQL the same tables, keys and a
// generated crdb_region text column stand in for it.
namespace Schema {

enum class Layout { Canonical, MultiRegion };

// Whether create() adds the foreign keys at once or leaves them for addForeignKeys() after
// the data is loaded (faster, and what the workload does).
enum class ForeignKeys { Include, AfterLoading };

// users, vehicles, rides, vehicle_location_histories, promo_codes, user_promo_codes: the
// order of creation (referenced tables first).
const QStringList &tableNames();

// CREATE TABLE (and, for PostgreSQL, CREATE INDEX) statements, one statement per entry.
QStringList createStatements(ServerFlavor flavor, Layout layout = Layout::Canonical);
// ALTER TABLE ... ADD FOREIGN KEY statements, one per foreign key (five).
QStringList foreignKeyStatements(ServerFlavor flavor, Layout layout = Layout::Canonical);
// CockroachDB: the regions a multi-region MovR database needs (PRIMARY REGION us-east1, then
// us-west1 and europe-west1); the cluster's nodes must have those localities.
QStringList databaseRegionStatements(const QString &database);
// DROP TABLE IF EXISTS ... CASCADE for every MovR table.
QStringList dropStatements(ServerFlavor flavor);
// The whole DDL as one script (statements ended by ";\n"), for display and `psql -f`.
QString script(ServerFlavor flavor, ForeignKeys foreignKeys = ForeignKeys::Include,
               Layout layout = Layout::Canonical);

// Names of the MovR tables that exist in the connection's current schema.
Result<QStringList> existingTables(PgConnection &connection);
// True when any MovR table exists in the current schema.
Result<bool> hasMovrTables(PgConnection &connection);

// Creates the tables and indexes for the connection's flavor (and the foreign keys unless
// told to wait). On PostgreSQL all in one transaction: on failure nothing is left. On
// CockroachDB the multi-region layout first gives the current database its regions.
Status create(PgConnection &connection, ForeignKeys foreignKeys = ForeignKeys::Include,
              Layout layout = Layout::Canonical);
Status addForeignKeys(PgConnection &connection, Layout layout = Layout::Canonical);
// Drops every MovR table (and what depends on them).
Status drop(PgConnection &connection);

} // namespace Schema
