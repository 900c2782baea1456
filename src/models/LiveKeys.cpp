#include "LiveKeys.h"

#include "worker/ChangeEvent.h"

#include <algorithm>

namespace LiveKeys {

namespace {

// The event's text of one key column: its key, else the new row's value, else the old row's.
std::optional<QString> eventKeyValue(const ChangeEvent &event, const ColumnSpec &column)
{
    std::optional<QString> value;
    if (const auto key = event.keyValue(column.name); key && key->has_value())
        value = **key;
    else if (const ChangedColumn *changed = event.column(column.name)) {
        if (event.kind != ChangeKind::Delete && changed->after)
            value = changed->after;
        else if (changed->before)
            value = changed->before;
    }
    // A changefeed's JSON writes timestamps as "2019-01-02T03:04:05"; the server's text (what
    // the rows hold) has a space there.
    if (value && column.kind == ColumnKind::Timestamp && value->size() > 10 &&
        value->at(10) == QLatin1Char('T'))
        (*value)[10] = QLatin1Char(' ');
    return value;
}

} // namespace

PartialKey eventKey(const TableSpec &spec, const ChangeEvent &event)
{
    PartialKey key;
    for (int column : spec.keyColumns)
        key.append(eventKeyValue(event, spec.columns.at(column)));
    return key;
}

bool isComplete(const PartialKey &key)
{
    return std::all_of(key.begin(), key.end(), [](const auto &value) { return value.has_value(); });
}

// An update that changed the key itself (the old values are known): the old key, which leaves.
std::optional<KeyValues> previousKey(const TableSpec &spec, const ChangeEvent &event,
                                     const KeyValues &key)
{
    KeyValues old = key;
    bool moved = false;
    for (int i = 0; i < spec.keyColumns.size(); ++i) {
        const ChangedColumn *changed = event.column(spec.columns.at(spec.keyColumns.at(i)).name);
        if (changed && changed->before && changed->after && changed->before != changed->after) {
            old[i] = changed->before;
            moved = true;
        }
    }
    return moved ? std::optional<KeyValues>(old) : std::nullopt;
}

bool rowMatches(const TableSpec &spec, const RowData &row, const PartialKey &key)
{
    for (int i = 0; i < spec.keyColumns.size(); ++i) {
        const auto &value = key.value(i);
        if (value && row.text(spec.keyColumns.at(i)) != *value)
            return false;
    }
    return true;
}

} // namespace LiveKeys
