#pragma once

#include "worker/RowData.h"
#include "worker/TableSpec.h"

#include <QList>
#include <QString>

#include <optional>

struct ChangeEvent;

// How a change event names a row, in the terms of a browse model (its TableSpec's key
// columns): the live updates of BrowseTableModel use these.
namespace LiveKeys {

// A key as far as an event tells it: one value per key column, std::nullopt where the event
// does not say (key values are never NULL, so nullopt cannot mean NULL here).
using PartialKey = QList<std::optional<QString>>;

// The event's key in the spec's key columns: its key list, else the new row's value, else the
// old row's (a delete); timestamps in the server's text form.
PartialKey eventKey(const TableSpec &spec, const ChangeEvent &event);
bool isComplete(const PartialKey &key);
// An update that changed the key itself (the old values are known): the old key.
std::optional<KeyValues> previousKey(const TableSpec &spec, const ChangeEvent &event,
                                     const KeyValues &key);
// Whether the row's key cells equal the values the partial key has.
bool rowMatches(const TableSpec &spec, const RowData &row, const PartialKey &key);

} // namespace LiveKeys
