#pragma once

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
// column such as crdb_region never shifts anything), the primary key, and which columns the
// filters and the search use. Only names from here ever become SQL identifiers.
struct TableSpec
{
    BrowseTable table;
    QString sqlName;
    QString title;
    QList<ColumnSpec> columns;
    QList<int> keyColumns;      // primary key, in key order
    int timeColumn = -1;        // the column the time-range filter applies to
    int statusColumn = -1;      // vehicles.status
    int typeColumn = -1;        // vehicles.type
    int activeColumn = -1;      // rides.end_time: "active only" = IS NULL
    int cityColumn = -1;        // the scope filter
    QList<int> idPrefixColumns; // search: "id starts with" (UUID text)
    QList<int> containsColumns; // search: "contains, case-insensitive"

    static const TableSpec &of(BrowseTable table);
    static QList<BrowseTable> browsable(); // the tabs: vehicles, rides, users, promo codes
    int columnIndex(const QString &name) const;
    QString quotedColumn(int column) const; // "timestamp" needs quotes
};
