#pragma once

#include "pg/PgConnection.h"
#include "pg/Result.h"

#include <QCoreApplication>
#include <QHash>
#include <QString>
#include <QStringList>

// One MovR table as the catalog describes it: its columns and its primary key, in key order.
struct MovrTableCatalog
{
    QStringList columns;
    QStringList primaryKey;
};

// Which MovR schema a database holds, read from its catalog when a connection opens.
//
// Two shapes are supported (MOVR.md):
// - Canonical: `cockroach workload init movr` / `cockroach demo`: every key starts with city
//   (users (city, id), vehicle_location_histories (city, ride_id, "timestamp"), ...).
// - MultiRegion: `workload init movr --multi-region` / `cockroach demo --global`: the city
//   prefix is dropped from every key (users (id), histories (ride_id, "timestamp"),
//   user_promo_codes (user_id, code)) and a crdb_region column is added.
// Each table's key is taken on its own, so a database whose tables mix the two forms works
// too (reported as MultiRegion). Anything else (a missing table or column, another key) is
// Unsupported with one sentence naming what is missing, and nothing is queried.
//
// A value type: each connection reads its own; nothing global changes.
class MovrSchemaShape
{
    Q_DECLARE_TR_FUNCTIONS(MovrSchemaShape)

public:
    enum class Kind { Canonical, MultiRegion, Unsupported };

    MovrSchemaShape(); // canonical
    static MovrSchemaShape canonical();
    static MovrSchemaShape multiRegion();
    // Classifies what the catalog says about the MovR tables (keyed by table name; a missing
    // table is absent). A primary key that starts with crdb_region is CockroachDB's implicit
    // region prefix of a REGIONAL BY ROW table and is not part of the key the application uses.
    static MovrSchemaShape fromCatalog(const QHash<QString, MovrTableCatalog> &tables);

    // The one catalog query: table name, column name, the column's position in the primary
    // key (NULL when not a key column), for every MovR table in the connection's search path.
    static QString catalogQuery();
    // Runs catalogQuery() and classifies its answer.
    static Result<MovrSchemaShape> read(PgConnection &connection);

    Kind kind() const { return m_kind; }
    bool isSupported() const { return m_kind != Kind::Unsupported; }
    // Unsupported: one translated sentence naming the table, column or key that differs.
    QString problem() const { return m_problem; }
    // The primary key of a MovR table (without crdb_region), in key order.
    QStringList primaryKey(const QString &table) const;

    // What the application needs of each table: the columns it selects and writes.
    static QStringList requiredColumns(const QString &table);
    static QStringList canonicalKey(const QString &table);
    static QStringList multiRegionKey(const QString &table);

    bool operator==(const MovrSchemaShape &other) const = default;

private:
    Kind m_kind = Kind::Canonical;
    QString m_problem;
    QHash<QString, QStringList> m_keys;
};
