#pragma once

#include "DataGenerator.h"
#include "Schema.h"
#include "pg/PgConnection.h"
#include "pg/Result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <functional>

// Where a load stands, for a progress bar or a log line.
struct LoadProgress
{
    QString table;        // the table being loaded ("" once the foreign keys are being added)
    qint64 tableRows = 0; // rows of that table sent so far
    qint64 tableTotal = 0;
    qint64 rowsDone = 0; // over all tables
    qint64 rowsTotal = 0;
};

struct MovrLoadOptions
{
    // Called after every chunk is generated (a few chunks ahead of what the server received),
    // on the loader's producer thread; returning false cancels the load (ErrorClass::Canceled).
    using ProgressCallback = std::function<bool(const LoadProgress &)>;
    enum class ExistingTables { Refuse, Drop };

    ExistingTables existingTables = ExistingTables::Refuse;
    // The canonical MovR schema, or the one of `workload init movr --multi-region`.
    Schema::Layout layout = Schema::Layout::Canonical;
    qint64 chunkRows = 5000; // rows per COPY chunk held in memory at once
    ProgressCallback progress;
};

// Loads the generator's rows with COPY ... FROM STDIN (text format) in bounded chunks, then
// adds the foreign keys and runs ANALYZE. Blocking: call from a worker thread, a test, a
// benchmark or a command-line tool. Works on PostgreSQL and CockroachDB.
class MovrLoader
{
public:
    using Options = MovrLoadOptions;
    using ExistingTables = MovrLoadOptions::ExistingTables;

    // Creates the MovR schema for the server's flavor, loads every table, adds the foreign
    // keys and analyzes. Refuses (ErrorClass::InvalidInput) when a MovR table exists, unless
    // options.existingTables is Drop. On PostgreSQL everything runs in one transaction, so a
    // failure or a cancel leaves the database as it was; on CockroachDB the tables created
    // are dropped again.
    static Status initialize(PgConnection &connection, const DataGenerator &generator,
                             const Options &options = {});

    // Loads the rows into existing, empty MovR tables (no foreign keys, no ANALYZE).
    static Status loadRows(PgConnection &connection, const DataGenerator &generator,
                           const Options &options = {});

    // COPY table (columns) FROM STDIN: `next` appends the next chunk of encoded rows (see
    // appendRow) to the buffer and returns false when there is nothing more. `next` runs on
    // a producer thread (a few chunks ahead of what was sent) while this thread sends, and
    // this call returns only after that thread ended. Table and column names are quoted as
    // identifiers.
    static Status copy(PgConnection &connection, const QString &table, const QStringList &columns,
                       const std::function<bool(QByteArray &buffer)> &next);

    // COPY text format: fields separated by tabs, rows ended by a newline, NULL as \N, and
    // backslash, tab, newline and carriage return escaped. UTF-8.
    static void appendField(QByteArray &out, const QString &value);
    static void appendNull(QByteArray &out);
    static void appendRow(QByteArray &out, const SqlParams &fields);
};
