#pragma once

// The one place that decides whether a page query may read a whole MovR table, from the
// request and the indexes found at connect, and what the window says about it.
//
// MovR's keys start with the city: within a scope of cities every page is a range of the
// key. In all cities three things have no index in MovR's own schema:
// - Search: a part of a name or location (the trigram indexes, movr/SearchIndexes.h);
// - Filter: active rides, a vehicle status, a range of ride start times (the indexes of
//   movr/BrowseIndexes.h);
// - Sort: any column but the key's first (every row must be read to find the first page;
//   an index per sortable column and direction is not worth its writes, so the window
//   offers the choice of a city instead).
// Such a query is bounded in time (BrowseWorker) and the window says so beside the search,
// with the statement that creates the missing index where one would answer.

#include "BrowseTypes.h"
#include "pg/ServerInfo.h"

#include <QSet>
#include <QString>

struct DetectedIndexes
{
    QSet<QString> trigramColumns; // "table.column" (SearchIndexes::detect)
    QSet<QString> browseIndexes;  // index names (BrowseIndexes::detect)
};

namespace WholeTableRead {

struct Verdict
{
    WholeTableReason reason = WholeTableReason::None;
    QString script; // the statements that would make it instant; empty for a sort
};

// For `spec`, the table as the connected database keys it (TableSpec::of(table, shape)).
Verdict of(const TableSpec &spec, const PageRequest &request, const DetectedIndexes &indexes,
           ServerFlavor flavor);
// The canonical MovR key shape.
Verdict of(const PageRequest &request, const DetectedIndexes &indexes, ServerFlavor flavor);

} // namespace WholeTableRead
