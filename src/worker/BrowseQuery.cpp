#include "BrowseQuery.h"

#include "AsOfTime.h"
#include "SearchCondition.h"

#include <QCoreApplication>

#include <optional>
#include <utility>

namespace {

class Builder
{
public:
    QString param(const std::optional<QString> &value, const QString &type = {})
    {
        params.append(value);
        QString placeholder = QLatin1Char('$') + QString::number(params.size());
        if (!type.isEmpty() && type != QLatin1String("text"))
            placeholder += QLatin1String("::") + type;
        return placeholder;
    }
    SqlParams params;
};

QString timestampText(const QDateTime &time)
{
    // Columns are TIMESTAMP (without time zone) holding UTC, as the MovR workload writes them.
    return time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
}

QString selectList(const TableSpec &spec)
{
    QStringList names;
    for (int i = 0; i < spec.columns.size(); ++i) {
        // Text for every column: the rows are stored as the server's text, and numbers keep
        // their exact decimal form.
        names.append(spec.quotedColumn(i));
    }
    return names.join(QLatin1String(", "));
}

QString fromClause(const TableSpec &spec, const PageRequest &request, const ServerInfo &server)
{
    QString from = QLatin1String(" FROM ") + spec.sqlName;
    if (server.hasFollowerReads()) {
        if (request.asOf.isValid()) {
            // A timestamp we formatted ourselves from a QDateTime, with its UTC offset (AS OF
            // SYSTEM TIME takes a constant, not a placeholder).
            from += QLatin1String(" AS OF SYSTEM TIME ") + AsOfTime::literal(request.asOf);
        } else if (request.followerReads) {
            from += QLatin1String(" AS OF SYSTEM TIME follower_read_timestamp()");
        }
    }
    return from;
}

QStringList filterConditions(const TableSpec &spec, const BrowseFilter &filter, Builder &builder)
{
    QStringList where;
    if (!filter.cities.isEmpty() && spec.cityColumn >= 0) {
        QStringList placeholders;
        for (const QString &city : filter.cities)
            placeholders.append(builder.param(city));
        where.append(spec.quotedColumn(spec.cityColumn) + QLatin1String(" IN (") +
                     placeholders.join(QLatin1String(", ")) + QLatin1Char(')'));
    }
    for (const auto &[name, value] : filter.equals) {
        const int column = spec.columnIndex(name);
        if (column < 0)
            continue; // validate() reports it
        where.append(spec.quotedColumn(column) + QLatin1String(" = ") +
                     builder.param(value, spec.columns.at(column).sqlType));
    }
    if (!filter.status.isEmpty() && spec.statusColumn >= 0)
        where.append(spec.quotedColumn(spec.statusColumn) + QLatin1String(" = ") +
                     builder.param(filter.status));
    if (!filter.vehicleType.isEmpty() && spec.typeColumn >= 0)
        where.append(spec.quotedColumn(spec.typeColumn) + QLatin1String(" = ") +
                     builder.param(filter.vehicleType));
    if (filter.activeOnly && spec.activeColumn >= 0)
        where.append(spec.quotedColumn(spec.activeColumn) + QLatin1String(" IS NULL"));
    if (spec.timeColumn >= 0) {
        if (filter.from.isValid())
            where.append(spec.quotedColumn(spec.timeColumn) + QLatin1String(" >= ") +
                         builder.param(timestampText(filter.from), QStringLiteral("timestamp")));
        if (filter.to.isValid())
            where.append(spec.quotedColumn(spec.timeColumn) + QLatin1String(" < ") +
                         builder.param(timestampText(filter.to), QStringLiteral("timestamp")));
    }
    const QString search =
        SearchCondition::build(spec, filter.search, !filter.cities.isEmpty(),
                               [&builder](const QString &value, const QString &type) {
                                   return builder.param(value, type);
                               });
    if (!search.isEmpty())
        where.append(search);
    return where;
}

// The ordering columns: the sort column (if not the primary key) then the catalog's key. On a
// REGIONAL BY ROW table CockroachDB's primary index is (crdb_region, id); `ORDER BY id LIMIT n`
// is still answered from it, one limited scan per region merged (SplitLimitedScanIntoUnionScans,
// pkg/sql/opt/xform/limit_funcs.go), where ORDER BY city, id would sort the whole table.
QList<int> orderColumns(const TableSpec &spec, const BrowseSort &sort)
{
    QList<int> columns;
    if (sort.column >= 0 && sort.column < spec.columns.size())
        columns.append(sort.column);
    columns.append(spec.orderKeyColumns);
    return columns;
}

bool sortsByNonKey(const TableSpec &spec, const BrowseSort &sort)
{
    return sort.column >= 0 && sort.column < spec.columns.size();
}

QString tuple(const QStringList &items)
{
    return items.size() == 1
               ? items.first()
               : QLatin1Char('(') + items.join(QLatin1String(", ")) + QLatin1Char(')');
}

} // namespace

namespace BrowseQuery {

BrowseSort effectiveSort(const TableSpec &spec, BrowseSort sort)
{
    if (sort.column < 0 || sort.column >= spec.columns.size() ||
        sort.column == spec.orderKeyColumns.value(0, -1))
        sort.column = -1;
    return sort;
}

QString escapeLike(const QString &text)
{
    QString escaped;
    escaped.reserve(text.size() + 8);
    for (QChar c : text) {
        if (c == QLatin1Char('\\') || c == QLatin1Char('%') || c == QLatin1Char('_'))
            escaped.append(QLatin1Char('\\'));
        escaped.append(c);
    }
    return escaped;
}

std::optional<QString> validate(const PageRequest &request)
{
    const TableSpec &spec = TableSpec::of(request.table);
    for (const auto &[name, value] : request.filter.equals) {
        if (spec.columnIndex(name) < 0)
            return QCoreApplication::translate("BrowseQuery", "Unknown column %1.").arg(name);
        if (value.contains(QChar(0)))
            return QCoreApplication::translate("BrowseQuery",
                                               "A filter value cannot contain a NUL character.");
    }
    if (request.filter.search.contains(QChar(0)))
        return QCoreApplication::translate("BrowseQuery",
                                           "Search text cannot contain a NUL character.");
    if (request.sort.column >= spec.columns.size())
        return QCoreApplication::translate("BrowseQuery", "Unknown sort column.");
    return std::nullopt;
}

Statement page(const PageRequest &request, const ServerInfo &server)
{
    return page(TableSpec::of(request.table), request, server);
}

Statement page(const TableSpec &spec, const PageRequest &request, const ServerInfo &server)
{
    Builder builder;
    QStringList where = filterConditions(spec, request.filter, builder);

    const BrowseSort sort = effectiveSort(spec, request.sort);
    const bool descending = sort.order == Qt::DescendingOrder;
    const QString direction = descending ? QStringLiteral(" DESC") : QStringLiteral(" ASC");
    const QString compare = descending ? QStringLiteral(" < ") : QStringLiteral(" > ");
    const QList<int> order = orderColumns(spec, sort);
    // A key column (of either key: city and id are in both) is never NULL: no NULLS LAST,
    // which would not match the key's index in a descending scan (an index's descending
    // order puts NULLs first).
    const bool nullable =
        !spec.keyColumns.contains(sort.column) && !spec.orderKeyColumns.contains(sort.column);

    if (request.after) {
        const KeyValues &after = *request.after;
        QStringList keyColumns, keyParams;
        for (int i = 0; i < spec.orderKeyColumns.size(); ++i) {
            const int column = spec.orderKeyColumns.at(i);
            const int position = order.size() - spec.orderKeyColumns.size() + i;
            keyColumns.append(spec.quotedColumn(column));
            keyParams.append(builder.param(after.value(position), spec.columns.at(column).sqlType));
        }
        if (sortsByNonKey(spec, sort)) {
            const int column = sort.column;
            const QString name = spec.quotedColumn(column);
            const std::optional<QString> sortValue = after.value(0);
            if (sortValue) {
                // Past the sort value, or equal with a later key, or NULL (NULLs come last).
                const QString value = builder.param(sortValue, spec.columns.at(column).sqlType);
                const QString past = tuple(QStringList{name} + keyColumns) + compare +
                                     tuple(QStringList{value} + keyParams);
                where.append(nullable ? QLatin1Char('(') + past + QLatin1String(" OR ") + name +
                                            QLatin1String(" IS NULL)")
                                      : past);
            } else {
                where.append(QLatin1Char('(') + name + QLatin1String(" IS NULL AND ") +
                             tuple(keyColumns) + compare + tuple(keyParams) + QLatin1Char(')'));
            }
        } else {
            where.append(tuple(keyColumns) + compare + tuple(keyParams));
        }
    }

    QStringList orderBy;
    for (int i = 0; i < order.size(); ++i) {
        QString item = spec.quotedColumn(order.at(i)) + direction;
        if (i == 0 && sortsByNonKey(spec, sort) && nullable)
            item += QLatin1String(" NULLS LAST");
        orderBy.append(item);
    }

    QString sql = QLatin1String("SELECT ") + selectList(spec) + fromClause(spec, request, server);
    if (!where.isEmpty())
        sql += QLatin1String(" WHERE ") + where.join(QLatin1String(" AND "));
    sql += QLatin1String(" ORDER BY ") + orderBy.join(QLatin1String(", "));
    sql += QLatin1String(" LIMIT ") +
           builder.param(QString::number(qMax(1, request.pageSize)), QStringLiteral("int8"));
    return {sql, builder.params};
}

Statement refresh(const PageRequest &request, const ServerInfo &server)
{
    const TableSpec &spec = TableSpec::of(request.table);
    Builder builder;
    QStringList keyColumns;
    for (int column : spec.keyColumns)
        keyColumns.append(spec.quotedColumn(column));
    QStringList tuples;
    for (const KeyValues &key : request.refreshKeys) {
        QStringList values;
        for (int i = 0; i < spec.keyColumns.size(); ++i)
            values.append(
                builder.param(key.value(i), spec.columns.at(spec.keyColumns.at(i)).sqlType));
        tuples.append(tuple(values));
    }
    if (tuples.isEmpty())
        tuples.append(QStringLiteral("NULL"));
    // The filter applies too: a row that no longer matches it (a ride ended under "Active
    // only") is not returned, and so leaves the view like a deleted one.
    QStringList where = {tuple(keyColumns) + QLatin1String(" IN (") +
                         tuples.join(QLatin1String(", ")) + QLatin1Char(')')};
    where += filterConditions(spec, request.filter, builder);
    // A refresh reads what an edit has just written: never at follower_read_timestamp(),
    // which is seconds in the past and would show the old values (or drop the row from the
    // view). A view of a chosen past time stays at that time.
    PageRequest current = request;
    current.followerReads = false;
    const QString sql = QLatin1String("SELECT ") + selectList(spec) +
                        fromClause(spec, current, server) + QLatin1String(" WHERE ") +
                        where.join(QLatin1String(" AND "));
    return {sql, builder.params};
}

Statement estimate(BrowseTable table, const ServerInfo &server)
{
    const TableSpec &spec = TableSpec::of(table);
    if (server.isCockroach()) {
        // The public interface: SHOW TABLES (schema_name, table_name, type, owner,
        // estimated_row_count, ...; https://www.cockroachlabs.com/docs/stable/show-tables)
        // lists the search path's tables with the optimizer's estimate (a name may be in
        // several schemas: the current one's is taken); a bracketed SHOW is a row source for
        // SELECT. Not crdb_internal.table_row_statistics: crdb_internal is refused where
        // allow_unsafe_internals is off (the default from v26.1) and every use is written to
        // the sensitive-access audit log. NULL (no statistics, or
        // sql.show_tables.estimated_row_count.enabled off) reads as unknown.
        return {
            QStringLiteral("SELECT estimated_row_count FROM [SHOW TABLES] WHERE table_name = $1 "
                           "AND schema_name = current_schema()"),
            {spec.sqlName}};
    }
    // reltuples is -1 for a table never vacuumed or analyzed (PostgreSQL 14+): unknown.
    return {QStringLiteral("SELECT reltuples::int8 FROM pg_class WHERE oid = to_regclass($1)"),
            {spec.sqlName}};
}

qint64 estimateFrom(const PgResult &rows)
{
    if (rows.rowCount() == 0 || rows.columnCount() == 0 || rows.isNull(0, 0))
        return -1;
    bool ok = false;
    const qint64 estimate = rows.text(0, 0).toLongLong(&ok);
    return ok && estimate >= 0 ? estimate : -1;
}

KeyValues primaryKeyOf(const TableSpec &spec, const RowData &row)
{
    KeyValues key;
    for (int column : spec.keyColumns)
        key.append(row.value(column));
    return key;
}

KeyValues keyOf(const TableSpec &spec, const BrowseSort &requested, const RowData &row)
{
    const BrowseSort sort = effectiveSort(spec, requested);
    KeyValues key;
    if (sort.column >= 0)
        key.append(row.value(sort.column));
    for (int column : spec.orderKeyColumns)
        key.append(row.value(column));
    return key;
}

} // namespace BrowseQuery
