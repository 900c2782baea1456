#pragma once

#include "ChangeEvent.h"
#include "pg/Result.h"

#include <QHash>
#include <QStringList>

#include <variant>

// Reads the rows of a CockroachDB sinkless (core) changefeed, as the live worker receives
// them for
//   CREATE CHANGEFEED FOR TABLE vehicles, rides, ... WITH updated, diff, resolved = '1s'
// (https://www.cockroachlabs.com/docs/v22.1/changefeed-for: a sinkless feed streams until its
// connection closes or CANCEL QUERY). Each row has three columns, table, key and value
// (cockroachdb/docs v21.2/use-changefeeds.md, "Responses" and "Delete messages";
// https://www.cockroachlabs.com/docs/stable/changefeed-messages, "Responses"):
//   - key: a JSON array of the row's PRIMARY KEY values in key order, e.g. ["new york", "3c..."];
//   - value: the wrapped envelope, {"after": {...row...}, "before": {...row...} (with diff),
//     "updated": "<HLC>"} (with updated); a delete has "after": null ("Delete messages":
//     `[5] {"after": null}`); before is null for a row the feed had not seen;
//   - a resolved timestamp has NULL table and key and {"resolved": "<HLC>"}.
// HLC texts: see ChangeTime::fromHlcText. key and value are BYTES on the server: through
// libpq's text format they may arrive hex-escaped ("\x5b..."), which is decoded here.
// Column values keep the text of their JSON encoding: a string's content, a number's digits
// as written (DECIMAL stays exact), true / false, and the raw JSON of an object or array (a
// JSONB column); JSON null is SQL NULL. The live worker knows the column types.
class ChangefeedParser
{
public:
    using Message = std::variant<ChangeEvent, ResolvedTimestamp>;

    // keyColumns: per table name, its primary key columns in key order (the key array has no
    // names). A table of the feed not listed here is an error.
    explicit ChangefeedParser(QHash<QString, QStringList> keyColumns);

    Result<Message, QString> parse(const SqlValue &table, const SqlValue &key,
                                   const SqlValue &value) const;

private:
    QHash<QString, QStringList> m_keyColumns;
};
