#pragma once

#include "movr/MovrSchemaShape.h"

#include <QList>
#include <QString>

// The tables the browser shows.
enum class BrowseTable {
    Vehicles,
    Rides,
    Users,
    PromoCodes,
    LocationHistory,
    UserPromoCodes,
};

// How a column is presented (and which cast its keyset/filter parameters need).
enum class ColumnKind {
    Text,
    Uuid,
    Timestamp,
    Money,
    Json,
    Status,
    CreditCard,
    Number,
    Integer,
};

struct ColumnSpec
{
    QString name;  // the column as in the schema (quoted when needed in SQL)
    QString title; // header text (translated through QCoreApplication::translate)
    ColumnKind kind = ColumnKind::Text;
    QString sqlType; // the cast of a parameter compared with this column: "uuid", "timestamp"…
};

// What the browser knows about one MovR table: the columns it selects by name (so an extra
// column such as crdb_region never shifts anything), the keys, and which columns the filters
// and the search use. Only names from here ever become SQL identifiers.
//
// Two keys: keyColumns name a row everywhere in the application (refreshes, pending edits,
// the detail pane, `WHERE city = $1 AND id = $2`); they are the canonical MovR key, which is
// unique in both supported shapes (the multi-region key is a subset of it). orderKeyColumns
// are the table's primary key as the catalog gives it: pages are ordered and continued on
// them, so that the server walks its primary index (on the multi-region shape that is id
// alone; ordering by (city, id) there would sort the whole table).
struct TableSpec
{
    BrowseTable table;
    QString sqlName;
    QString title;
    QList<ColumnSpec> columns;
    QList<int> keyColumns;      // row identity: the canonical key, in key order
    QList<int> orderKeyColumns; // the catalog's primary key: keyset order of pages
    int timeColumn = -1;        // the column the time-range filter applies to
    int statusColumn = -1;      // vehicles.status
    int typeColumn = -1;        // vehicles.type
    int activeColumn = -1;      // rides.end_time: "active only" = IS NULL
    int cityColumn = -1;        // the scope filter
    QList<int> idPrefixColumns; // search: "id starts with" (UUID text)
    QList<int> containsColumns; // search: "contains, case-insensitive"

    // The canonical shape (orderKeyColumns = keyColumns).
    static const TableSpec &of(BrowseTable table);
    // The table in a shape read from the catalog (MovrSchemaShape::read); a value, so that
    // connections to differently shaped databases never share it.
    static TableSpec of(BrowseTable table, const MovrSchemaShape &shape);
    static QList<BrowseTable> browsable(); // the tabs: vehicles, rides, users, promo codes
    int columnIndex(const QString &name) const;
    QString quotedColumn(int column) const; // "timestamp" needs quotes
};
