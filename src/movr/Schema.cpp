#include "Schema.h"

#include "Cities.h"

#include <algorithm>

namespace {

using Layout = Schema::Layout;

bool multiRegion(Layout layout)
{
    return layout == Layout::MultiRegion;
}

// "CREATE TABLE name (\n<lines joined by ,\n>\n)" and, on a multi-region CockroachDB
// database, the table's locality.
QString createTable(const char *name, const QStringList &lines, const QString &locality = {})
{
    QString text = QStringLiteral("CREATE TABLE %1 (\n").arg(QLatin1String(name)) +
                   lines.join(QLatin1String(",\n")) + QStringLiteral("\n)");
    if (!locality.isEmpty())
        text += QLatin1Char(' ') + locality;
    return text;
}

// The key of a table: the canonical key has city first, the multi-region key drops it
// (pkg/workload/movr/movr.go, maybeFormatWithCity).
QString primaryKey(Layout layout, const char *rest)
{
    return QStringLiteral("  PRIMARY KEY (%1%2)")
        .arg(multiRegion(layout) ? QString() : QStringLiteral("city, "), QLatin1String(rest));
}

// The home region of a row, computed from its city as `workload init movr --multi-region`
// adds it (ALTER TABLE ... ADD COLUMN crdb_region crdb_internal_region NOT NULL AS (CASE
// WHEN city IN (...) THEN '<region>' ... ELSE 'us-east1' END) STORED, clauses sorted).
// CockroachDB's REGIONAL BY ROW uses the column named crdb_region as the region of each
// row; on PostgreSQL a generated text column of the same name stands in for it.
QString regionColumn(ServerFlavor flavor)
{
    QStringList clauses;
    for (const QString &region : Cities::regions()) {
        QStringList quoted;
        for (const QString &city : Cities::namesInRegion(region))
            quoted << QLatin1Char('\'') + city + QLatin1Char('\'');
        clauses << QStringLiteral("WHEN city IN (%1) THEN '%2'")
                       .arg(quoted.join(QLatin1String(", ")), region);
    }
    std::sort(clauses.begin(), clauses.end());
    const QString expression =
        QStringLiteral("CASE %1 ELSE 'us-east1' END").arg(clauses.join(QLatin1Char(' ')));
    if (flavor == ServerFlavor::CockroachDB)
        return QStringLiteral("  crdb_region crdb_internal_region NOT NULL AS (%1) STORED")
            .arg(expression);
    return QStringLiteral("  crdb_region TEXT NOT NULL GENERATED ALWAYS AS (%1) STORED")
        .arg(expression);
}

// The columns of a REGIONAL BY ROW table: the MovR columns, then crdb_region in the
// multi-region shape.
QStringList withRegion(QStringList lines, ServerFlavor flavor, Layout layout)
{
    if (multiRegion(layout))
        lines << regionColumn(flavor);
    return lines;
}

QString regionalByRow(ServerFlavor flavor, Layout layout)
{
    return flavor == ServerFlavor::CockroachDB && multiRegion(layout)
               ? QStringLiteral("LOCALITY REGIONAL BY ROW")
               : QString();
}

QStringList usersLines(ServerFlavor flavor, Layout layout)
{
    return withRegion(
               {QStringLiteral("  id UUID NOT NULL"), QStringLiteral("  city VARCHAR NOT NULL"),
                QStringLiteral("  name VARCHAR NULL"), QStringLiteral("  address VARCHAR NULL"),
                QStringLiteral("  credit_card VARCHAR NULL")},
               flavor, layout) +
           QStringList{primaryKey(layout, "id")};
}

QStringList vehiclesLines(ServerFlavor flavor, Layout layout)
{
    return withRegion(
               {QStringLiteral("  id UUID NOT NULL"), QStringLiteral("  city VARCHAR NOT NULL"),
                QStringLiteral("  type VARCHAR NULL"), QStringLiteral("  owner_id UUID NULL"),
                QStringLiteral("  creation_time TIMESTAMP NULL"),
                QStringLiteral("  status VARCHAR NULL"),
                QStringLiteral("  current_location VARCHAR NULL"),
                QStringLiteral("  ext JSONB NULL")},
               flavor, layout) +
           QStringList{primaryKey(layout, "id")};
}

QStringList ridesLines(ServerFlavor flavor, Layout layout)
{
    return withRegion(
               {QStringLiteral("  id UUID NOT NULL"), QStringLiteral("  city VARCHAR NOT NULL"),
                QStringLiteral("  vehicle_city VARCHAR NULL"),
                QStringLiteral("  rider_id UUID NULL"), QStringLiteral("  vehicle_id UUID NULL"),
                QStringLiteral("  start_address VARCHAR NULL"),
                QStringLiteral("  end_address VARCHAR NULL"),
                QStringLiteral("  start_time TIMESTAMP NULL"),
                QStringLiteral("  end_time TIMESTAMP NULL"),
                QStringLiteral("  revenue DECIMAL(10,2) NULL")},
               flavor, layout) +
           QStringList{primaryKey(layout, "id")};
}

QString checkVehicleCity()
{
    return QStringLiteral("  CONSTRAINT check_vehicle_city_city CHECK (vehicle_city = city)");
}

QString histories(ServerFlavor flavor, Layout layout)
{
    return createTable(
        "vehicle_location_histories",
        withRegion({QStringLiteral("  city VARCHAR NOT NULL"),
                    QStringLiteral("  ride_id UUID NOT NULL"),
                    QStringLiteral("  \"timestamp\" TIMESTAMP NOT NULL"),
                    QStringLiteral("  lat FLOAT8 NULL"), QStringLiteral("  long FLOAT8 NULL")},
                   flavor, layout) +
            QStringList{primaryKey(layout, "ride_id, \"timestamp\"")},
        regionalByRow(flavor, layout));
}

QString promoCodes(ServerFlavor flavor, Layout layout)
{
    // Read everywhere, written rarely: GLOBAL in the multi-region shape.
    return createTable("promo_codes",
                       {QStringLiteral("  code VARCHAR NOT NULL PRIMARY KEY"),
                        QStringLiteral("  description VARCHAR NULL"),
                        QStringLiteral("  creation_time TIMESTAMP NULL"),
                        QStringLiteral("  expiration_time TIMESTAMP NULL"),
                        QStringLiteral("  rules JSONB NULL")},
                       flavor == ServerFlavor::CockroachDB && multiRegion(layout)
                           ? QStringLiteral("LOCALITY GLOBAL")
                           : QString());
}

QString userPromoCodes(ServerFlavor flavor, Layout layout)
{
    return createTable("user_promo_codes",
                       withRegion({QStringLiteral("  city VARCHAR NOT NULL"),
                                   QStringLiteral("  user_id UUID NOT NULL"),
                                   QStringLiteral("  code VARCHAR NOT NULL"),
                                   QStringLiteral("  \"timestamp\" TIMESTAMP NULL"),
                                   QStringLiteral("  usage_count INT NULL")},
                                  flavor, layout) +
                           QStringList{primaryKey(layout, "user_id, code")},
                       regionalByRow(flavor, layout));
}

struct Index
{
    const char *name;
    const char *table;
    const char *columns;            // canonical
    const char *multiRegionColumns; // the city prefix dropped
};

const Index Indexes[] = {
    {"vehicles_auto_index_fk_city_ref_users", "vehicles", "city, owner_id", "owner_id"},
    {"rides_auto_index_fk_city_ref_users", "rides", "city, rider_id", "rider_id"},
    {"rides_auto_index_fk_vehicle_city_ref_vehicles", "rides", "vehicle_city, vehicle_id",
     "vehicle_id"},
};

QLatin1String indexColumns(const Index &index, Layout layout)
{
    return QLatin1String(multiRegion(layout) ? index.multiRegionColumns : index.columns);
}

QString inlineIndex(const Index &index, Layout layout)
{
    return QStringLiteral("  INDEX %1 (%2)")
        .arg(QLatin1String(index.name), indexColumns(index, layout));
}

QString createIndex(const Index &index, Layout layout)
{
    return QStringLiteral("CREATE INDEX %1 ON %2 (%3)")
        .arg(QLatin1String(index.name), QLatin1String(index.table), indexColumns(index, layout));
}

Status execAll(PgConnection &connection, const QStringList &statements)
{
    for (const QString &statement : statements) {
        auto result = connection.exec(statement);
        if (!result)
            return result.error();
    }
    return Ok{};
}

// Runs the statements in one transaction on PostgreSQL (DDL is transactional there); on
// CockroachDB one by one, as the workload does (schema changes in explicit transactions are
// restricted there).
Status execDdl(PgConnection &connection, const QStringList &statements)
{
    if (connection.serverInfo().isCockroach())
        return execAll(connection, statements);
    if (auto begun = connection.exec(QStringLiteral("BEGIN")); !begun)
        return begun.error();
    if (auto done = execAll(connection, statements); !done) {
        (void)connection.exec(QStringLiteral("ROLLBACK")); // best effort: `done` says why
        return done.error();
    }
    if (auto committed = connection.exec(QStringLiteral("COMMIT")); !committed)
        return committed.error();
    return Ok{};
}

} // namespace

namespace Schema {

const QStringList &tableNames()
{
    static const QStringList names{
        QStringLiteral("users"),       QStringLiteral("vehicles"),
        QStringLiteral("rides"),       QStringLiteral("vehicle_location_histories"),
        QStringLiteral("promo_codes"), QStringLiteral("user_promo_codes")};
    return names;
}

QStringList createStatements(ServerFlavor flavor, Layout layout)
{
    const QString rbr = regionalByRow(flavor, layout);
    if (flavor == ServerFlavor::CockroachDB) {
        return {createTable("users", usersLines(flavor, layout), rbr),
                createTable("vehicles",
                            vehiclesLines(flavor, layout) +
                                QStringList{inlineIndex(Indexes[0], layout)},
                            rbr),
                createTable("rides",
                            ridesLines(flavor, layout) +
                                QStringList{inlineIndex(Indexes[1], layout),
                                            inlineIndex(Indexes[2], layout), checkVehicleCity()},
                            rbr),
                histories(flavor, layout),
                promoCodes(flavor, layout),
                userPromoCodes(flavor, layout)};
    }
    return {createTable("users", usersLines(flavor, layout)),
            createTable("vehicles", vehiclesLines(flavor, layout)),
            createIndex(Indexes[0], layout),
            createTable("rides", ridesLines(flavor, layout) + QStringList{checkVehicleCity()}),
            createIndex(Indexes[1], layout),
            createIndex(Indexes[2], layout),
            histories(flavor, layout),
            promoCodes(flavor, layout),
            userPromoCodes(flavor, layout)};
}

QStringList databaseRegionStatements(const QString &database)
{
    // As `workload init movr --multi-region` prepares its database (movr.go, Partition hook).
    const QString name = QLatin1Char('"') +
                         QString(database).replace(QLatin1Char('"'), QLatin1String("\"\"")) +
                         QLatin1Char('"');
    QStringList statements{
        QStringLiteral("ALTER DATABASE %1 SET PRIMARY REGION \"us-east1\"").arg(name)};
    for (const QString &region : Cities::regions()) {
        if (region != u"us-east1")
            statements << QStringLiteral("ALTER DATABASE %1 ADD REGION IF NOT EXISTS \"%2\"")
                              .arg(name, region);
    }
    return statements;
}

QStringList foreignKeyStatements(ServerFlavor flavor, Layout layout)
{
    Q_UNUSED(flavor); // the same text on both flavors
    if (multiRegion(layout)) {
        return {
            QStringLiteral("ALTER TABLE vehicles ADD FOREIGN KEY (owner_id) REFERENCES users (id)"),
            QStringLiteral("ALTER TABLE rides ADD FOREIGN KEY (rider_id) REFERENCES users (id)"),
            QStringLiteral(
                "ALTER TABLE rides ADD FOREIGN KEY (vehicle_id) REFERENCES vehicles (id)"),
            QStringLiteral("ALTER TABLE vehicle_location_histories ADD FOREIGN KEY (ride_id) "
                           "REFERENCES rides (id)"),
            QStringLiteral(
                "ALTER TABLE user_promo_codes ADD FOREIGN KEY (user_id) REFERENCES users (id)"),
        };
    }
    return {
        QStringLiteral(
            "ALTER TABLE vehicles ADD FOREIGN KEY (city, owner_id) REFERENCES users (city, id)"),
        QStringLiteral(
            "ALTER TABLE rides ADD FOREIGN KEY (city, rider_id) REFERENCES users (city, id)"),
        QStringLiteral("ALTER TABLE rides ADD FOREIGN KEY (vehicle_city, vehicle_id) "
                       "REFERENCES vehicles (city, id)"),
        QStringLiteral("ALTER TABLE vehicle_location_histories ADD FOREIGN KEY (city, ride_id) "
                       "REFERENCES rides (city, id)"),
        QStringLiteral("ALTER TABLE user_promo_codes ADD FOREIGN KEY (city, user_id) "
                       "REFERENCES users (city, id)"),
    };
}

QStringList dropStatements(ServerFlavor flavor)
{
    Q_UNUSED(flavor);
    QStringList reversed = tableNames();
    std::reverse(reversed.begin(), reversed.end());
    return {QStringLiteral("DROP TABLE IF EXISTS ") + reversed.join(QStringLiteral(", ")) +
            QStringLiteral(" CASCADE")};
}

QString script(ServerFlavor flavor, ForeignKeys foreignKeys, Layout layout)
{
    QStringList statements = createStatements(flavor, layout);
    if (foreignKeys == ForeignKeys::Include)
        statements += foreignKeyStatements(flavor, layout);
    QString text;
    for (const QString &statement : statements)
        text += statement + QStringLiteral(";\n");
    return text;
}

Result<QStringList> existingTables(PgConnection &connection)
{
    auto result = connection.exec(
        QStringLiteral("SELECT table_name::text FROM information_schema.tables "
                       "WHERE table_schema = current_schema() AND table_name = ANY($1::text[]) "
                       "ORDER BY 1"),
        {QLatin1Char('{') + tableNames().join(QLatin1Char(',')) + QLatin1Char('}')});
    if (!result)
        return result.error();
    QStringList names;
    for (int row = 0; row < result->rowCount(); ++row)
        names << result->text(row, 0);
    return names;
}

Result<bool> hasMovrTables(PgConnection &connection)
{
    auto tables = existingTables(connection);
    if (!tables)
        return tables.error();
    return !tables->isEmpty();
}

Status create(PgConnection &connection, ForeignKeys foreignKeys, Layout layout)
{
    const ServerFlavor flavor = connection.serverInfo().flavor;
    QStringList statements = createStatements(flavor, layout);
    if (foreignKeys == ForeignKeys::Include)
        statements += foreignKeyStatements(flavor, layout);
    if (flavor == ServerFlavor::CockroachDB && multiRegion(layout)) {
        // REGIONAL BY ROW and crdb_internal_region need a multi-region database.
        auto database = connection.exec(QStringLiteral("SELECT current_database()"));
        if (!database)
            return database.error();
        statements = databaseRegionStatements(database->text(0, 0)) + statements;
    }
    return execDdl(connection, statements);
}

Status addForeignKeys(PgConnection &connection, Layout layout)
{
    return execDdl(connection, foreignKeyStatements(connection.serverInfo().flavor, layout));
}

Status drop(PgConnection &connection)
{
    return execDdl(connection, dropStatements(connection.serverInfo().flavor));
}

} // namespace Schema
