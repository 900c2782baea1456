#pragma once

// Requests to the browse worker and its replies: value types that cross threads.

#include "RowData.h"
#include "TableSpec.h"
#include "pg/DbError.h"
#include "txn/Trace.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QPair>
#include <QString>
#include <QStringList>

#include <optional>

// What rows a view wants. Every value in here is sent as a parameter; only column names
// taken from the TableSpec become SQL.
struct BrowseFilter
{
    QStringList cities; // the scope: empty = all cities
    // Exact matches on named columns of the table (relations: rides of a rider, history of a
    // ride). The column must exist in the TableSpec; the value is a parameter.
    QList<QPair<QString, QString>> equals;
    QString status;          // vehicles: available / in_use / lost; empty = any
    QString vehicleType;     // vehicles: skateboard / bike / scooter; empty = any
    bool activeOnly = false; // rides: end_time IS NULL
    QDateTime from;          // time range on the table's time column (invalid = open)
    QDateTime to;
    QString search; // per table: id prefix, name, location, code (see BrowseQuery)

    bool operator==(const BrowseFilter &other) const = default;
};

struct BrowseSort
{
    int column = -1; // -1: the primary key
    Qt::SortOrder order = Qt::AscendingOrder;
    bool operator==(const BrowseSort &other) const = default;
};

struct PageRequest
{
    enum class Kind {
        Page,     // the next keyset page
        Refresh,  // re-read the rows with these keys (after an edit)
        Estimate, // the catalog's row-count estimate
        GcWindow, // CockroachDB: the table's GC window (Page::estimate = gc.ttlseconds)
    };
    Kind kind = Kind::Page;
    quint64 client = 0;     // which model asks (one worker serves many)
    quint64 generation = 0; // replies for an older generation are dropped
    BrowseTable table = BrowseTable::Rides;
    BrowseFilter filter;
    BrowseSort sort;
    std::optional<KeyValues> after; // keyset position: rows strictly after this
    int pageSize = 50;
    QList<KeyValues> refreshKeys; // Kind::Refresh: primary key values of the rows to re-read
    bool followerReads = false;   // CockroachDB: AS OF SYSTEM TIME follower_read_timestamp()
    QDateTime asOf;               // CockroachDB: AS OF SYSTEM TIME this (valid = used)
    QString action;               // for the SQL panel, e.g. "Browse rides"
};

// Why a page query may read a whole table (see WholeTableRead.h).
enum class WholeTableReason {
    None,
    Search, // a text in all cities, no trigram index
    Filter, // active rides, a status or a time range in all cities, no index for it
    Sort,   // a column other than the key's first, in all cities
};

struct Page
{
    PageRequest::Kind kind = PageRequest::Kind::Page;
    quint64 client = 0;
    quint64 generation = 0;
    BrowseTable table = BrowseTable::Rides;
    QList<RowData> rows;
    std::optional<KeyValues> nextKey; // the after-key of the next page
    bool atEnd = false;
    QList<KeyValues> refreshKeys; // Kind::Refresh: the keys that were asked for
    qint64 estimate = -1;         // Kind::Estimate: rows according to the catalog;
                                  // Kind::GcWindow: seconds (-1: unknown, or not CockroachDB)
    // A query that reads every row of the table (bounded in time, see BrowseWorker): why, and
    // the statement that would make it instant, for the flavor (empty for a sort, and when an
    // index answers the query).
    WholeTableReason wholeTableRead = WholeTableReason::None;
    QString searchIndexScript;
    bool searchStoppedEarly = false; // that query reached its time bound (page.error says so)
    std::optional<DbError> error;
    QList<TraceEntry> trace;
    qint64 durationUs = 0;
};

// One row read by its primary key (the details pane's entity), answered by a RowReply.
struct RowRequest
{
    quint64 client = 0;     // BrowseWorker::newClientId(); replies carry it
    quint64 generation = 0; // a newer read of the same client supersedes an older one
    BrowseTable table = BrowseTable::Rides;
    KeyValues key;  // TableSpec::of(table).keyColumns' values, in that order
    QDateTime asOf; // CockroachDB: AS OF SYSTEM TIME this (valid = used)
    QString action; // for the SQL panel, e.g. "Details: refresh"
};

struct RowReply
{
    quint64 client = 0;
    quint64 generation = 0;
    BrowseTable table = BrowseTable::Rides;
    KeyValues key;
    std::optional<RowData> row; // empty: no such row (or an error)
    std::optional<DbError> error;
};

// How the browse connection is doing, for the status bar.
struct ConnectionHealth
{
    enum class State { Connecting, Connected, Lost };
    State state = State::Connecting;
    QString serverName; // "PostgreSQL 15.8"
    QString database;
    QString user;
    bool tls = false;
    QString tlsProtocol;
    bool followerReadsAvailable = false;
    QString error;
    qint64 lastRoundTripUs = -1;
};

Q_DECLARE_METATYPE(PageRequest)
Q_DECLARE_METATYPE(Page)
Q_DECLARE_METATYPE(ConnectionHealth)
Q_DECLARE_METATYPE(RowRequest)
Q_DECLARE_METATYPE(RowReply)
