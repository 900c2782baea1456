#include "InlineEdits.h"

#include "movr/Validation.h"

#include <QHash>

namespace {

// Which columns are edited inline, per table.
bool editableName(BrowseTable table, const QString &name)
{
    switch (table) {
    case BrowseTable::Vehicles:
        return name == u"type" || name == u"owner_id" || name == u"current_location" ||
               name == u"ext";
    case BrowseTable::Rides:
        return name == u"start_address" || name == u"end_address" || name == u"revenue";
    case BrowseTable::Users:
        return name == u"name" || name == u"address" || name == u"credit_card";
    case BrowseTable::PromoCodes:
        return name == u"description" || name == u"expiration_time" || name == u"rules";
    case BrowseTable::LocationHistory:
    case BrowseTable::UserPromoCodes:
        return false;
    }
    return false;
}

// Columns where an empty text means NULL.
bool nullableWhenEmpty(const QString &name)
{
    return name == u"credit_card" || name == u"end_address" || name == u"expiration_time" ||
           name == u"description" || name == u"revenue";
}

struct RowEdits
{
    BrowseTable table;
    QStringList key;
    QList<PendingEdit> edits; // one per column
};

// Edits grouped by row in first-seen order; several edits of one cell become one (the
// first original, the last value).
QList<RowEdits> byRow(const QList<PendingEdit> &edits)
{
    QList<RowEdits> rows;
    for (const PendingEdit &edit : edits) {
        auto row = std::find_if(rows.begin(), rows.end(), [&](const RowEdits &r) {
            return r.table == edit.table && r.key == edit.key;
        });
        if (row == rows.end()) {
            rows.append({edit.table, edit.key, {}});
            row = rows.end() - 1;
        }
        auto cell = std::find_if(row->edits.begin(), row->edits.end(),
                                 [&](const PendingEdit &e) { return e.column == edit.column; });
        if (cell == row->edits.end())
            row->edits.append(edit);
        else
            cell->value = edit.value;
    }
    return rows;
}

QString placeholder(SqlParams &params, const SqlValue &value, const QString &type)
{
    params.append(value);
    return QStringLiteral("$%1::%2").arg(params.size()).arg(type);
}

// "key1 = $1::text AND key2 = $2::uuid"
QString keyCondition(const TableSpec &spec, const QStringList &key, SqlParams &params)
{
    QStringList parts;
    for (int i = 0; i < spec.keyColumns.size(); ++i) {
        const int column = spec.keyColumns.at(i);
        parts << QStringLiteral("%1 = %2").arg(
            spec.quotedColumn(column),
            placeholder(params, key.value(i), spec.columns.at(column).sqlType));
    }
    return parts.join(QLatin1String(" AND "));
}

QString rowLabel(const RowEdits &row)
{
    return QStringLiteral("%1 (%2)").arg(TableSpec::of(row.table).sqlName,
                                         row.key.join(QLatin1String(", ")));
}

} // namespace

bool InlineEdits::isEditable(BrowseTable table, int column)
{
    const TableSpec &spec = TableSpec::of(table);
    return column >= 0 && column < spec.columns.size() &&
           editableName(table, spec.columns.at(column).name);
}

SqlValue InlineEdits::fromText(BrowseTable table, int column, const QString &text)
{
    const TableSpec &spec = TableSpec::of(table);
    if (column < 0 || column >= spec.columns.size())
        return text;
    const QString &name = spec.columns.at(column).name;
    if (text.trimmed().isEmpty() && nullableWhenEmpty(name))
        return std::nullopt;
    if (name == u"owner_id")
        return Validation::normalizedUuid(text).isEmpty() ? text.trimmed()
                                                          : Validation::normalizedUuid(text);
    if (name == u"credit_card")
        return Validation::normalizedCreditCard(text);
    if (name == u"type" || name == u"revenue" || name == u"expiration_time")
        return text.trimmed();
    return text;
}

QString InlineEdits::validate(BrowseTable table, int column, const SqlValue &value)
{
    if (!isEditable(table, column))
        return tr("This column is not edited here.");
    const QString &name = TableSpec::of(table).columns.at(column).name;
    if (!value)
        return nullableWhenEmpty(name) ? QString() : tr("A value is required.");
    const QString &text = *value;
    if (name == u"type")
        return Validation::vehicleType(text);
    if (name == u"owner_id")
        return Validation::uuid(text, Validation::IdField::Owner);
    if (name == u"current_location")
        return Validation::address(text, Validation::TextField::Location);
    if (name == u"start_address")
        return Validation::address(text, Validation::TextField::StartAddress);
    if (name == u"end_address")
        return Validation::address(text, Validation::TextField::EndAddress);
    if (name == u"address")
        return Validation::address(text);
    if (name == u"ext" || name == u"rules")
        return Validation::jsonObject(text, name == u"rules" ? Validation::JsonField::Rules
                                                             : Validation::JsonField::Ext);
    if (name == u"revenue")
        return Validation::revenue(text);
    if (name == u"name")
        return Validation::name(text);
    if (name == u"credit_card")
        return Validation::creditCard(text);
    if (name == u"description")
        return text.size() > Validation::MaxDescriptionLength
                   ? tr("The description is longer than %1 characters.")
                         .arg(Validation::MaxDescriptionLength)
                   : QString();
    if (name == u"expiration_time")
        return Validation::timestamp(text, Validation::TimeField::ExpirationTime);
    return {};
}

Result<TransactionBody> InlineEdits::applyBody(const QList<PendingEdit> &edits)
{
    if (edits.isEmpty())
        return DbError::make(ErrorClass::InvalidInput, tr("There are no changes to apply."));
    for (const PendingEdit &edit : edits) {
        const QString problem = validate(edit.table, edit.column, edit.value);
        if (!problem.isEmpty()) {
            const ColumnSpec &column = TableSpec::of(edit.table).columns.at(edit.column);
            return DbError::make(ErrorClass::InvalidInput, tr("%1: %2").arg(column.title, problem));
        }
    }
    const QList<RowEdits> rows = byRow(edits);

    struct RowUpdate
    {
        QString label;
        Statement update;
    };
    QList<RowUpdate> updates;
    SqlParams verifyParams;
    QStringList verifyConditions;
    for (const RowEdits &row : rows) {
        const TableSpec &spec = TableSpec::of(row.table);
        Statement statement;
        QStringList assignments;
        QStringList guards;
        QStringList holdsNew;
        for (const PendingEdit &edit : row.edits) {
            const QString column = spec.quotedColumn(edit.column);
            const QString type = spec.columns.at(edit.column).sqlType;
            assignments << QStringLiteral("%1 = %2").arg(
                column, placeholder(statement.params, edit.value, type));
        }
        const QString keyWhere = keyCondition(spec, row.key, statement.params);
        for (const PendingEdit &edit : row.edits) {
            const QString column = spec.quotedColumn(edit.column);
            const QString type = spec.columns.at(edit.column).sqlType;
            guards << QStringLiteral("%1 IS NOT DISTINCT FROM %2")
                          .arg(column, placeholder(statement.params, edit.original, type));
            holdsNew << QStringLiteral("%1 IS NOT DISTINCT FROM %2")
                            .arg(column, placeholder(verifyParams, edit.value, type));
        }
        statement.sql = QStringLiteral("UPDATE %1 SET %2\nWHERE %3\n  AND %4\nRETURNING 1")
                            .arg(spec.sqlName, assignments.join(QLatin1String(", ")), keyWhere,
                                 guards.join(QLatin1String("\n  AND ")));
        updates.append({rowLabel(row), statement});
        verifyConditions << QStringLiteral("EXISTS (SELECT 1 FROM %1 WHERE %2 AND %3)")
                                .arg(spec.sqlName, keyCondition(spec, row.key, verifyParams),
                                     holdsNew.join(QLatin1String(" AND ")));
    }

    TransactionBody body;
    body.action = rows.size() == 1 ? tr("Apply changes to %1").arg(rowLabel(rows.first()))
                                   : tr("Apply changes to %1 rows").arg(rows.size());
    body.interactive = [updates](TransactionSession &session) -> Status {
        for (const RowUpdate &row : updates) {
            auto result = session.exec(row.update);
            if (!result)
                return result.error();
            if (result->affectedRows() != 1) {
                DbError conflict = DbError::make(
                    ErrorClass::Conflict,
                    tr("%1 was changed or deleted by someone else since you loaded it; nothing "
                       "was applied.")
                        .arg(row.label));
                conflict.table = row.label;
                return conflict;
            }
        }
        return Ok{};
    };
    for (const RowUpdate &row : updates)
        body.preview.append(row.update);
    body.verify = {QStringLiteral("SELECT 1 WHERE ") +
                       verifyConditions.join(QLatin1String("\n  AND ")),
                   verifyParams};
    return body;
}

QList<Statement> InlineEdits::currentValues(const QList<PendingEdit> &edits)
{
    QList<Statement> statements;
    const QList<RowEdits> rows = byRow(edits);
    QList<BrowseTable> tables;
    for (const RowEdits &row : rows) {
        if (!tables.contains(row.table))
            tables.append(row.table);
    }
    for (BrowseTable table : tables) {
        const TableSpec &spec = TableSpec::of(table);
        QList<int> columns;
        for (const RowEdits &row : rows) {
            if (row.table != table)
                continue;
            for (const PendingEdit &edit : row.edits) {
                if (!columns.contains(edit.column))
                    columns.append(edit.column);
            }
        }
        QStringList selected;
        for (int column : spec.keyColumns)
            selected << spec.quotedColumn(column) + QStringLiteral("::text");
        for (int column : columns)
            selected << spec.quotedColumn(column) + QStringLiteral("::text");
        Statement statement;
        QStringList rowConditions;
        for (const RowEdits &row : rows) {
            if (row.table == table)
                rowConditions << QLatin1Char('(') + keyCondition(spec, row.key, statement.params) +
                                     QLatin1Char(')');
        }
        statement.sql = QStringLiteral("SELECT %1 FROM %2 WHERE %3")
                            .arg(selected.join(QLatin1String(", ")), spec.sqlName,
                                 rowConditions.join(QLatin1String(" OR ")));
        statements.append(statement);
    }
    return statements;
}

QList<FieldConflict> InlineEdits::conflicts(const QList<PendingEdit> &edits,
                                            const QList<PgResult> &current)
{
    QList<FieldConflict> found;
    const QList<RowEdits> rows = byRow(edits);
    QList<BrowseTable> tables;
    for (const RowEdits &row : rows) {
        if (!tables.contains(row.table))
            tables.append(row.table);
    }
    for (int t = 0; t < tables.size() && t < current.size(); ++t) {
        const TableSpec &spec = TableSpec::of(tables.at(t));
        const PgResult &result = current.at(t);
        const int keyCount = int(spec.keyColumns.size());
        QList<int> columns; // the order currentValues() selected them in
        for (const RowEdits &row : rows) {
            if (row.table != tables.at(t))
                continue;
            for (const PendingEdit &edit : row.edits) {
                if (!columns.contains(edit.column))
                    columns.append(edit.column);
            }
        }
        for (const RowEdits &row : rows) {
            if (row.table != tables.at(t))
                continue;
            int match = -1;
            for (int r = 0; r < result.rowCount() && match < 0; ++r) {
                bool same = true;
                for (int k = 0; k < keyCount && same; ++k)
                    same = result.text(r, k) == row.key.value(k);
                if (same)
                    match = r;
            }
            for (const PendingEdit &edit : row.edits) {
                FieldConflict conflict{edit, std::nullopt, match < 0};
                if (match >= 0) {
                    conflict.current =
                        result.value(match, keyCount + int(columns.indexOf(edit.column)));
                    if (conflict.current == edit.original)
                        continue;
                }
                found.append(conflict);
            }
        }
    }
    return found;
}
