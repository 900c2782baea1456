#include "Schema.h"

#include <algorithm>

namespace {

QString cockroachUsers()
{
    return QStringLiteral("CREATE TABLE users (\n"
                          "  id UUID NOT NULL,\n"
                          "  city VARCHAR NOT NULL,\n"
                          "  name VARCHAR NULL,\n"
                          "  address VARCHAR NULL,\n"
                          "  credit_card VARCHAR NULL,\n"
                          "  PRIMARY KEY (city, id)\n"
                          ")");
}

QString vehiclesColumns()
{
    return QStringLiteral("CREATE TABLE vehicles (\n"
                          "  id UUID NOT NULL,\n"
                          "  city VARCHAR NOT NULL,\n"
                          "  type VARCHAR NULL,\n"
                          "  owner_id UUID NULL,\n"
                          "  creation_time TIMESTAMP NULL,\n"
                          "  status VARCHAR NULL,\n"
                          "  current_location VARCHAR NULL,\n"
                          "  ext JSONB NULL,\n"
                          "  PRIMARY KEY (city, id)");
}

QString ridesColumns()
{
    return QStringLiteral("CREATE TABLE rides (\n"
                          "  id UUID NOT NULL,\n"
                          "  city VARCHAR NOT NULL,\n"
                          "  vehicle_city VARCHAR NULL,\n"
                          "  rider_id UUID NULL,\n"
                          "  vehicle_id UUID NULL,\n"
                          "  start_address VARCHAR NULL,\n"
                          "  end_address VARCHAR NULL,\n"
                          "  start_time TIMESTAMP NULL,\n"
                          "  end_time TIMESTAMP NULL,\n"
                          "  revenue DECIMAL(10,2) NULL,\n"
                          "  PRIMARY KEY (city, id)");
}

QString checkVehicleCity()
{
    return QStringLiteral("  CONSTRAINT check_vehicle_city_city CHECK (vehicle_city = city)\n");
}

QString histories()
{
    return QStringLiteral("CREATE TABLE vehicle_location_histories (\n"
                          "  city VARCHAR NOT NULL,\n"
                          "  ride_id UUID NOT NULL,\n"
                          "  \"timestamp\" TIMESTAMP NOT NULL,\n"
                          "  lat FLOAT8 NULL,\n"
                          "  long FLOAT8 NULL,\n"
                          "  PRIMARY KEY (city, ride_id, \"timestamp\")\n"
                          ")");
}

QString promoCodes()
{
    return QStringLiteral("CREATE TABLE promo_codes (\n"
                          "  code VARCHAR NOT NULL PRIMARY KEY,\n"
                          "  description VARCHAR NULL,\n"
                          "  creation_time TIMESTAMP NULL,\n"
                          "  expiration_time TIMESTAMP NULL,\n"
                          "  rules JSONB NULL\n"
                          ")");
}

QString userPromoCodes()
{
    return QStringLiteral("CREATE TABLE user_promo_codes (\n"
                          "  city VARCHAR NOT NULL,\n"
                          "  user_id UUID NOT NULL,\n"
                          "  code VARCHAR NOT NULL,\n"
                          "  \"timestamp\" TIMESTAMP NULL,\n"
                          "  usage_count INT NULL,\n"
                          "  PRIMARY KEY (city, user_id, code)\n"
                          ")");
}

struct Index
{
    const char *name;
    const char *table;
    const char *columns;
};

const Index Indexes[] = {
    {"vehicles_auto_index_fk_city_ref_users", "vehicles", "city, owner_id"},
    {"rides_auto_index_fk_city_ref_users", "rides", "city, rider_id"},
    {"rides_auto_index_fk_vehicle_city_ref_vehicles", "rides", "vehicle_city, vehicle_id"},
};

QString inlineIndex(const Index &index)
{
    return QStringLiteral("  INDEX %1 (%2)")
        .arg(QLatin1String(index.name), QLatin1String(index.columns));
}

QString createIndex(const Index &index)
{
    return QStringLiteral("CREATE INDEX %1 ON %2 (%3)")
        .arg(QLatin1String(index.name), QLatin1String(index.table), QLatin1String(index.columns));
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
        connection.exec(QStringLiteral("ROLLBACK"));
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

QStringList createStatements(ServerFlavor flavor)
{
    if (flavor == ServerFlavor::CockroachDB) {
        return {cockroachUsers(),
                vehiclesColumns() + QStringLiteral(",\n") + inlineIndex(Indexes[0]) +
                    QStringLiteral("\n)"),
                ridesColumns() + QStringLiteral(",\n") + inlineIndex(Indexes[1]) +
                    QStringLiteral(",\n") + inlineIndex(Indexes[2]) + QStringLiteral(",\n") +
                    checkVehicleCity() + QLatin1Char(')'),
                histories(),
                promoCodes(),
                userPromoCodes()};
    }
    return {cockroachUsers(),
            vehiclesColumns() + QStringLiteral("\n)"),
            createIndex(Indexes[0]),
            ridesColumns() + QStringLiteral(",\n") + checkVehicleCity() + QLatin1Char(')'),
            createIndex(Indexes[1]),
            createIndex(Indexes[2]),
            histories(),
            promoCodes(),
            userPromoCodes()};
}

QStringList foreignKeyStatements(ServerFlavor flavor)
{
    Q_UNUSED(flavor); // the same text on both flavors
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

QString script(ServerFlavor flavor, ForeignKeys foreignKeys)
{
    QStringList statements = createStatements(flavor);
    if (foreignKeys == ForeignKeys::Include)
        statements += foreignKeyStatements(flavor);
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

Status create(PgConnection &connection, ForeignKeys foreignKeys)
{
    const ServerFlavor flavor = connection.serverInfo().flavor;
    QStringList statements = createStatements(flavor);
    if (foreignKeys == ForeignKeys::Include)
        statements += foreignKeyStatements(flavor);
    return execDdl(connection, statements);
}

Status addForeignKeys(PgConnection &connection)
{
    return execDdl(connection, foreignKeyStatements(connection.serverInfo().flavor));
}

Status drop(PgConnection &connection)
{
    return execDdl(connection, dropStatements(connection.serverInfo().flavor));
}

} // namespace Schema
