#include "SearchIndexes.h"

#include <QRegularExpression>

namespace SearchIndexes {

const QList<Index> &all()
{
    static const QList<Index> indexes{
        {QStringLiteral("users_name_trgm"), QStringLiteral("users"), QStringLiteral("name")},
        {QStringLiteral("vehicles_current_location_trgm"), QStringLiteral("vehicles"),
         QStringLiteral("current_location")},
    };
    return indexes;
}

const Index *find(const QString &table, const QString &column)
{
    for (const Index &index : all()) {
        if (index.table == table && index.column == column)
            return &index;
    }
    return nullptr;
}

QStringList createStatements(const Index &index, ServerFlavor flavor)
{
    QStringList statements;
    if (flavor == ServerFlavor::PostgreSQL)
        statements.append(QStringLiteral("CREATE EXTENSION IF NOT EXISTS pg_trgm"));
    statements.append(
        QStringLiteral("CREATE INDEX IF NOT EXISTS %1 ON %2 USING GIN (%3 gin_trgm_ops)")
            .arg(index.name, index.table, index.column));
    return statements;
}

QString script(const Index &index, ServerFlavor flavor)
{
    return createStatements(index, flavor).join(QLatin1String(";\n")) + QLatin1Char(';');
}

Status createAll(PgConnection &connection)
{
    for (const Index &index : all()) {
        for (const QString &statement : createStatements(index, connection.serverInfo().flavor)) {
            if (auto done = connection.exec(statement); !done)
                return done.error();
        }
    }
    return Ok{};
}

QSet<QString> fromIndexDefinitions(const QList<QPair<QString, QString>> &rows)
{
    QSet<QString> found;
    for (const auto &[table, definition] : rows) {
        for (const Index &index : all()) {
            if (index.table != table)
                continue;
            // "... USING gin (name gin_trgm_ops)"; the column may be quoted.
            const QRegularExpression column(QStringLiteral("[(,]\\s*\"?%1\"?\\s+gi(n|st)_trgm_ops")
                                                .arg(QRegularExpression::escape(index.column)),
                                            QRegularExpression::CaseInsensitiveOption);
            if (column.match(definition).hasMatch())
                found.insert(table + QLatin1Char('.') + index.column);
        }
    }
    return found;
}

Result<QSet<QString>> detect(PgConnection &connection)
{
    QStringList tables;
    for (const Index &index : all())
        tables.append(index.table);
    auto result = connection.exec(
        QStringLiteral("SELECT tablename::text, indexdef::text FROM pg_catalog.pg_indexes\n"
                       "WHERE schemaname = current_schema() AND tablename = ANY($1::text[])\n"
                       "  AND indexdef LIKE '%trgm_ops%'"),
        {QLatin1Char('{') + tables.join(QLatin1Char(',')) + QLatin1Char('}')});
    if (!result)
        return result.error();
    QList<QPair<QString, QString>> rows;
    for (int row = 0; row < result->rowCount(); ++row)
        rows.append({result->text(row, 0), result->text(row, 1)});
    return fromIndexDefinitions(rows);
}

} // namespace SearchIndexes
