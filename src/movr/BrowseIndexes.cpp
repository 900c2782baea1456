#include "BrowseIndexes.h"

namespace BrowseIndexes {

const QList<Index> &all()
{
    static const QList<Index> indexes{
        {Filter::Active, QStringLiteral("rides_active"), QStringLiteral("rides"),
         QStringLiteral("(city, id) WHERE end_time IS NULL")},
        {Filter::Status, QStringLiteral("vehicles_status"), QStringLiteral("vehicles"),
         QStringLiteral("(status, city, id)")},
        {Filter::TimeRange, QStringLiteral("rides_start_time"), QStringLiteral("rides"),
         QStringLiteral("(start_time, city, id)")},
        {Filter::TimeRange, QStringLiteral("vehicles_creation_time"), QStringLiteral("vehicles"),
         QStringLiteral("(creation_time, city, id)")},
    };
    return indexes;
}

const Index *find(const QString &table, Filter filter)
{
    for (const Index &index : all()) {
        if (index.table == table && index.filter == filter)
            return &index;
    }
    return nullptr;
}

QString createStatement(const Index &index)
{
    return QStringLiteral("CREATE INDEX IF NOT EXISTS %1 ON %2 %3")
        .arg(index.name, index.table, index.definition);
}

QString script(const Index &index)
{
    return createStatement(index) + QLatin1Char(';');
}

Status createAll(PgConnection &connection)
{
    for (const Index &index : all()) {
        if (auto done = connection.exec(createStatement(index)); !done)
            return done.error();
    }
    return Ok{};
}

Result<QSet<QString>> detect(PgConnection &connection)
{
    QStringList names;
    for (const Index &index : all())
        names.append(index.name);
    auto result = connection.exec(
        QStringLiteral("SELECT indexname::text FROM pg_catalog.pg_indexes\n"
                       "WHERE schemaname = current_schema() AND indexname = ANY($1::text[])"),
        {QLatin1Char('{') + names.join(QLatin1Char(',')) + QLatin1Char('}')});
    if (!result)
        return result.error();
    QSet<QString> found;
    for (int row = 0; row < result->rowCount(); ++row)
        found.insert(result->text(row, 0));
    return found;
}

} // namespace BrowseIndexes
