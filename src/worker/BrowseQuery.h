#pragma once

#include "BrowseTypes.h"
#include "pg/ServerInfo.h"
#include "txn/Transaction.h"

// Turns a PageRequest into SQL with parameters. Keyset pagination on the primary key, or on
// (sort column, primary key) with NULLs last in both directions; never OFFSET. Pure
// functions: the worker runs what they build, the tests read it.
namespace BrowseQuery {

// LIKE pattern text that matches `text` literally (%, _ and \ escaped; used with
// ESCAPE '\').
QString escapeLike(const QString &text);

Statement page(const PageRequest &request, const ServerInfo &server);
// The same for the table's shape as read from the catalog (TableSpec::of(table, shape)):
// ordered and continued on its orderKeyColumns.
Statement page(const TableSpec &spec, const PageRequest &request, const ServerInfo &server);
// Re-reads the rows with the given primary keys (same columns as a page).
Statement refresh(const PageRequest &request, const ServerInfo &server);
// The catalog's estimate of the table's row count (never COUNT(*)).
Statement estimate(BrowseTable table, const ServerInfo &server);
// The estimate in the answer to estimate(): -1 when unknown (no row, NULL, negative).
qint64 estimateFrom(const PgResult &rows);

// Sorting by the first column of the catalog's key alone is the key order itself (column -1).
BrowseSort effectiveSort(const TableSpec &spec, BrowseSort sort);
// The after-key of the row (sort value, when sorting by a non-key column, then the values of
// the orderKeyColumns).
KeyValues keyOf(const TableSpec &spec, const BrowseSort &sort, const RowData &row);
// The values of the row's keyColumns (its identity in the application).
KeyValues primaryKeyOf(const TableSpec &spec, const RowData &row);

// An error for input the server must never see (e.g. a NUL character), or nullopt.
std::optional<QString> validate(const PageRequest &request);

} // namespace BrowseQuery
