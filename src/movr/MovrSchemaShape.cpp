#include "MovrSchemaShape.h"

#include "Schema.h"

namespace {

const QString RegionColumn = QStringLiteral("crdb_region");

QStringList names(std::initializer_list<const char *> list)
{
    QStringList result;
    for (const char *name : list)
        result << QString::fromLatin1(name);
    return result;
}

QString keyText(const QStringList &key)
{
    return key.join(QLatin1String(", "));
}

} // namespace

MovrSchemaShape::MovrSchemaShape()
{
    for (const QString &table : Schema::tableNames())
        m_keys.insert(table, canonicalKey(table));
}

MovrSchemaShape MovrSchemaShape::canonical()
{
    return MovrSchemaShape();
}

MovrSchemaShape MovrSchemaShape::multiRegion()
{
    MovrSchemaShape shape;
    shape.m_kind = Kind::MultiRegion;
    for (const QString &table : Schema::tableNames())
        shape.m_keys.insert(table, multiRegionKey(table));
    return shape;
}

QStringList MovrSchemaShape::requiredColumns(const QString &table)
{
    if (table == u"users")
        return names({"id", "city", "name", "address", "credit_card"});
    if (table == u"vehicles")
        return names({"id", "city", "type", "owner_id", "creation_time", "status",
                      "current_location", "ext"});
    if (table == u"rides")
        return names({"id", "city", "vehicle_city", "rider_id", "vehicle_id", "start_address",
                      "end_address", "start_time", "end_time", "revenue"});
    if (table == u"vehicle_location_histories")
        return names({"city", "ride_id", "timestamp", "lat", "long"});
    if (table == u"promo_codes")
        return names({"code", "description", "creation_time", "expiration_time", "rules"});
    if (table == u"user_promo_codes")
        return names({"city", "user_id", "code", "timestamp", "usage_count"});
    return {};
}

QStringList MovrSchemaShape::canonicalKey(const QString &table)
{
    if (table == u"promo_codes")
        return names({"code"});
    QStringList key = multiRegionKey(table);
    if (!key.isEmpty())
        key.prepend(QStringLiteral("city"));
    return key;
}

QStringList MovrSchemaShape::multiRegionKey(const QString &table)
{
    // pkg/workload/movr/movr.go (cockroachdb/cockroach): with --multi-region the schemas are
    // formatted without the "city, " prefix of every PRIMARY KEY and INDEX.
    if (table == u"users" || table == u"vehicles" || table == u"rides")
        return names({"id"});
    if (table == u"vehicle_location_histories")
        return names({"ride_id", "timestamp"});
    if (table == u"promo_codes")
        return names({"code"});
    if (table == u"user_promo_codes")
        return names({"user_id", "code"});
    return {};
}

QStringList MovrSchemaShape::primaryKey(const QString &table) const
{
    return m_keys.value(table);
}

MovrSchemaShape MovrSchemaShape::fromCatalog(const QHash<QString, MovrTableCatalog> &tables)
{
    MovrSchemaShape shape;
    bool allCanonical = true;
    auto unsupported = [](const QString &problem) {
        MovrSchemaShape result;
        result.m_kind = Kind::Unsupported;
        result.m_problem = problem;
        result.m_keys.clear();
        return result;
    };
    for (const QString &table : Schema::tableNames()) {
        const auto found = tables.constFind(table);
        if (found == tables.constEnd())
            return unsupported(
                tr("This database has no %1 table, so it does not hold the MovR schema; connect "
                   "to the movr database or create it with movr-admin --init-movr.")
                    .arg(table));
        for (const QString &column : requiredColumns(table)) {
            if (!found->columns.contains(column))
                return unsupported(tr("The table %1 has no column %2, which MovR Admin needs; "
                                      "this database does not hold a MovR schema it supports.")
                                       .arg(table, column));
        }
        QStringList key = found->primaryKey;
        // CockroachDB lists the implicit partitioning column of a REGIONAL BY ROW table first
        // in the primary key's columns (pg_constraint.conkey is the index's KeyColumnIDs,
        // pkg/sql/pg_catalog.go); rows are still identified without it.
        if (key.size() > 1 && key.first() == RegionColumn)
            key.removeFirst();
        if (key == canonicalKey(table)) {
            shape.m_keys.insert(table, key);
            continue;
        }
        if (key == multiRegionKey(table)) {
            shape.m_keys.insert(table, key);
            allCanonical = false;
            continue;
        }
        if (key.isEmpty())
            return unsupported(
                tr("The table %1 has no primary key; MovR Admin needs the key "
                   "(%2) or, in the multi-region MovR schema, (%3).")
                    .arg(table, keyText(canonicalKey(table)), keyText(multiRegionKey(table))));
        return unsupported(tr("The primary key of the table %1 is (%2); MovR Admin works with "
                              "the key (%3) or, in the multi-region MovR schema, (%4).")
                               .arg(table, keyText(key), keyText(canonicalKey(table)),
                                    keyText(multiRegionKey(table))));
    }
    shape.m_kind = allCanonical ? Kind::Canonical : Kind::MultiRegion;
    return shape;
}

QString MovrSchemaShape::catalogQuery()
{
    // pg_catalog, not information_schema: PostgreSQL's table_constraints shows only tables the
    // user holds a privilege other than SELECT on, so a read-only user would see no key.
    // CockroachDB answers pg_attribute and pg_constraint too (pkg/sql/pg_catalog.go); its
    // conkey of a REGIONAL BY ROW table's primary key starts with crdb_region (see
    // fromCatalog). to_regclass resolves each name through the search path, as the
    // application's unqualified statements do.
    QStringList values;
    for (const QString &table : Schema::tableNames())
        values << QStringLiteral("('%1')").arg(table);
    return QStringLiteral("SELECT t.name, a.attname::text, array_position(k.conkey, a.attnum)\n"
                          "FROM (VALUES %1) AS t (name)\n"
                          "JOIN pg_catalog.pg_attribute AS a\n"
                          "  ON a.attrelid = to_regclass(t.name) AND a.attnum > 0"
                          " AND NOT a.attisdropped\n"
                          "LEFT JOIN pg_catalog.pg_constraint AS k\n"
                          "  ON k.conrelid = a.attrelid AND k.contype = 'p'\n"
                          "ORDER BY 1, 3, 2")
        .arg(values.join(QLatin1String(", ")));
}

Result<MovrSchemaShape> MovrSchemaShape::read(PgConnection &connection)
{
    auto result = connection.exec(catalogQuery());
    if (!result)
        return result.error();
    QHash<QString, MovrTableCatalog> tables;
    // Rows come ordered by table, then key position (key columns first, in key order).
    for (int row = 0; row < result->rowCount(); ++row) {
        MovrTableCatalog &table = tables[result->text(row, 0)];
        const QString column = result->text(row, 1);
        table.columns << column;
        if (!result->isNull(row, 2))
            table.primaryKey << column;
    }
    return fromCatalog(tables);
}
