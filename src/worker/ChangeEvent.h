#pragma once

#include "pg/PgConnection.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

// A commit time as both servers give it: CockroachDB's hybrid logical clock (wall time in
// nanoseconds since the Unix epoch and a logical counter), PostgreSQL's commit timestamp
// (microseconds, logical 0). Ordered; comparable across tables of one cluster.
struct ChangeTime
{
    qint64 wallNanos = 0;
    qint32 logical = 0;

    // CockroachDB's text of an HLC timestamp, as in a changefeed's "updated" and "resolved"
    // fields: "<wall nanos>.<logical, 10 digits>", e.g. "1532379887442299001.0000000000"
    // (pkg/util/hlc/timestamp.go, Timestamp.AsOfSystemTime: fmt.Sprintf("%d.%010d", ...);
    // some versions append "?" for a synthetic timestamp, accepted and ignored here).
    static std::optional<ChangeTime> fromHlcText(const QString &text);
    QString toHlcText() const;
    QDateTime toDateTime() const; // UTC, millisecond precision

    friend bool operator==(const ChangeTime &, const ChangeTime &) = default;
    friend auto operator<=>(const ChangeTime &, const ChangeTime &) = default;
};

enum class ChangeKind { Insert, Update, Delete };

// One column of a changed row. `before` is the value before the change when the stream says
// it (CockroachDB's `diff` option; PostgreSQL's REPLICA IDENTITY FULL or the key columns);
// `after` the value after it. Values are text, std::nullopt is SQL NULL.
struct ChangedColumn
{
    QString name;
    SqlValue before;
    SqlValue after;

    friend bool operator==(const ChangedColumn &, const ChangedColumn &) = default;
};

// One row changed by one committed transaction, as the live worker hands it to the models.
struct ChangeEvent
{
    QString schema; // empty when the stream does not say (CockroachDB's table column)
    QString table;
    // The primary key, in key order: column name and value text.
    QList<std::pair<QString, SqlValue>> key;
    ChangeKind kind = ChangeKind::Update;
    // Insert: every column (before unknown). Update: the columns whose value changed when the
    // old row is known (beforeKnown), otherwise every column of the new row. Delete: the old
    // row's columns as far as the stream gives them (after always NULL).
    QList<ChangedColumn> columns;
    bool beforeKnown = false;
    ChangeTime commitTime;

    const ChangedColumn *column(const QString &name) const;
    std::optional<SqlValue> keyValue(const QString &name) const;
};

// A changefeed's checkpoint: every change committed at or before `time` has been emitted.
struct ResolvedTimestamp
{
    ChangeTime time;
};
