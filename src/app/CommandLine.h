#pragma once

#include "demo/DemoDatabase.h"
#include "pg/ConnectionSettings.h"

#include <QString>
#include <QStringList>

class QTranslator;

// What the command line asks for. Parsing happens before any window exists, so that bad
// input gets one line on stderr and a non-zero exit with nothing started.
struct CommandLineOptions
{
    enum class Mode {
        Demo,     // --demo, or nothing configured
        Connect,  // a URL (argument, --url or DATABASE_URL)
        InitMovr, // --init-movr URL: create the schema and load data, no window
        Help,     // print `text` on stdout, exit 0
        Version,
    };
    Mode mode = Mode::Demo;
    ConnectionSettings settings; // Connect and InitMovr
    DemoOptions demo;            // Demo (counts and seed also for InitMovr)
    bool drop = false;           // InitMovr: replace existing MovR tables
    bool multiRegion = false;    // InitMovr: the schema of `workload init movr --multi-region`
    bool quitWhenReady = false;  // hidden: quit once the window shows data (cold-start bench)
    QString text;                // Help / Version
};

namespace CommandLine {

// `arguments` as argv (the program name first). The error is one line, without the program
// name and without any password.
Result<CommandLineOptions, QString> parse(const QStringList &arguments,
                                          const QString &databaseUrl = {});

// The command line is parsed before the application object exists, so before translators can
// be installed: parse() translates its help and errors with this catalog (null: the installed
// translators, or English). The catalog must outlive the calls to parse().
void useCatalog(const QTranslator *catalog);

} // namespace CommandLine
