#include "ChangefeedParser.h"

#include "ChangeJson.h"

#include <QObject>

#include <algorithm>
#include <cctype>

namespace {

// BYTES through the text format: "\x" and hex digits (bytea_output = hex). JSON cannot
// start with a backslash, so a value that does is always the escaped form.
Result<QByteArray, QString> bytesOf(const QString &text)
{
    if (!text.startsWith(QLatin1String("\\x")))
        return text.toUtf8();
    const QByteArray hex = text.mid(2).toLatin1();
    if (hex.size() % 2 != 0 ||
        !std::all_of(hex.begin(), hex.end(), [](char c) { return std::isxdigit(uchar(c)); }))
        return QObject::tr("The changefeed sent a value that is neither JSON nor hex-escaped "
                           "bytes.");
    return QByteArray::fromHex(hex);
}

SqlValue valueText(const ChangeJson &json)
{
    switch (json.type()) {
    case ChangeJson::Type::Null:
        return std::nullopt;
    case ChangeJson::Type::String:
    case ChangeJson::Type::Number:
    case ChangeJson::Type::Bool:
        return json.text();
    case ChangeJson::Type::Array:
    case ChangeJson::Type::Object:
        return QString::fromUtf8(json.raw());
    }
    return std::nullopt;
}

// The two JSON columns of a changefeed row.
enum class RowPart { Key, Value };

Result<ChangeJson, QString> jsonOf(const SqlValue &value, RowPart part)
{
    if (!value) {
        return part == RowPart::Key ? QObject::tr("The changefeed row has no key.")
                                    : QObject::tr("The changefeed row has no value.");
    }
    auto bytes = bytesOf(*value);
    if (!bytes)
        return bytes.error();
    auto json = ChangeJson::parse(*bytes);
    if (!json) {
        return (part == RowPart::Key
                    ? QObject::tr("The changefeed row's key is not valid JSON: %1")
                    : QObject::tr("The changefeed row's value is not valid JSON: %1"))
            .arg(json.error());
    }
    return json;
}

Result<ChangeTime, QString> timeOf(const ChangeJson *json, const QString &field)
{
    if ((!json || json->type() != ChangeJson::Type::String) && field == QLatin1String("updated"))
        return QObject::tr("The changefeed message has no \"updated\" timestamp; the "
                           "changefeed must be created WITH updated.");
    if (!json || json->type() != ChangeJson::Type::String)
        return QObject::tr("The changefeed message has no \"%1\" timestamp.").arg(field);
    const auto time = ChangeTime::fromHlcText(json->text());
    if (!time)
        return QObject::tr("The changefeed's \"%1\" timestamp \"%2\" is not a CockroachDB "
                           "timestamp.")
            .arg(field, json->text());
    return *time;
}

} // namespace

ChangefeedParser::ChangefeedParser(QHash<QString, QStringList> keyColumns)
    : m_keyColumns(std::move(keyColumns))
{}

Result<ChangefeedParser::Message, QString>
ChangefeedParser::parse(const SqlValue &table, const SqlValue &key, const SqlValue &value) const
{
    auto envelope = jsonOf(value, RowPart::Value);
    if (!envelope)
        return envelope.error();
    if (envelope->type() != ChangeJson::Type::Object)
        return QObject::tr("The changefeed row's value is not a JSON object.");

    if (!table) { // a resolved timestamp: no table, no key
        auto time =
            timeOf(envelope->member(QStringLiteral("resolved")), QStringLiteral("resolved"));
        if (!time)
            return time.error();
        // Built in place: GCC 12 at -O1 with sanitizers warns (maybe-uninitialized, a false
        // positive) about a ResolvedTimestamp temporary moved into the variant.
        Message message(std::in_place_type<ResolvedTimestamp>);
        std::get<ResolvedTimestamp>(message).time = std::move(*time);
        return message;
    }

    ChangeEvent event;
    event.table = *table;
    // With full_table_name the table column reads database.schema.table.
    QString lookup = *table;
    if (!m_keyColumns.contains(lookup) && lookup.contains(QLatin1Char('.'))) {
        const QStringList parts = lookup.split(QLatin1Char('.'));
        lookup = parts.last();
        event.table = lookup;
        if (parts.size() >= 2)
            event.schema = parts.at(parts.size() - 2);
    }
    const auto keyNames = m_keyColumns.constFind(lookup);
    if (keyNames == m_keyColumns.cend())
        return QObject::tr("The changefeed sent a change to table \"%1\", which it was not asked "
                           "to follow.")
            .arg(*table);

    auto keyJson = jsonOf(key, RowPart::Key);
    if (!keyJson)
        return keyJson.error();
    if (keyJson->type() != ChangeJson::Type::Array || keyJson->items().size() != keyNames->size())
        return QObject::tr("The changefeed's key for table \"%1\" is not an array of its %2 "
                           "primary key values.")
            .arg(*table)
            .arg(keyNames->size());
    for (qsizetype i = 0; i < keyNames->size(); ++i)
        event.key.append({keyNames->at(i), valueText(keyJson->items().at(i))});

    auto time = timeOf(envelope->member(QStringLiteral("updated")), QStringLiteral("updated"));
    if (!time)
        return time.error();
    event.commitTime = *time;

    const ChangeJson *after = envelope->member(QStringLiteral("after"));
    const ChangeJson *before = envelope->member(QStringLiteral("before"));
    if (!after)
        return QObject::tr("The changefeed message for table \"%1\" has no \"after\" field.")
            .arg(*table);
    const auto isRow = [](const ChangeJson *json) {
        return json && json->type() == ChangeJson::Type::Object;
    };
    if ((!after->isNull() && !isRow(after)) || (before && !before->isNull() && !isRow(before)))
        return QObject::tr("The changefeed message for table \"%1\" has a row that is not a "
                           "JSON object.")
            .arg(*table);
    event.beforeKnown = isRow(before);

    if (after->isNull()) {
        event.kind = ChangeKind::Delete;
        if (event.beforeKnown) {
            for (const auto &[name, old] : before->members())
                event.columns.append({name, valueText(old), std::nullopt});
        }
        return Message(std::move(event));
    }
    // With diff, "before" is null when the row did not exist before: an insert. Without
    // diff an insert and an update look alike; both carry the whole new row.
    event.kind = before && before->isNull() ? ChangeKind::Insert : ChangeKind::Update;
    for (const auto &[name, now] : after->members()) {
        const SqlValue newValue = valueText(now);
        if (event.beforeKnown) {
            const ChangeJson *old = before->member(name);
            const SqlValue oldValue = old ? valueText(*old) : std::nullopt;
            if (old && oldValue == newValue)
                continue; // unchanged
            event.columns.append({name, oldValue, newValue});
        } else {
            event.columns.append({name, std::nullopt, newValue});
        }
    }
    return Message(std::move(event));
}
