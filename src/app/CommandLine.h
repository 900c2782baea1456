#pragma once

#include "demo/DemoDatabase.h"
#include "pg/ConnectionSettings.h"
#include "workload/WorkloadTypes.h"

#include <QString>
#include <QStringList>

#include <chrono>
#include <optional>

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
        WorkloadRun,   // `workload run URL [flags]`: the MovR load, headless (WorkloadCli)
        WorkloadCheck, // `workload check URL`: the MovR invariants, headless
    };
    Mode mode = Mode::Demo;
    ConnectionSettings settings; // Connect and InitMovr
    DemoOptions demo;            // Demo (counts and seed also for InitMovr)
    bool drop = false;           // InitMovr: replace existing MovR tables
    bool multiRegion = false;    // InitMovr: the schema of `workload init movr --multi-region`
    bool quitWhenReady = false;  // hidden: quit once the window shows data (cold-start bench)
    QString text;                // Help / Version
    // --demo --with-load[=RATE]: the steady mix at RATE ops/s in the demo (default 25).
    std::optional<double> withLoadRate;
    // WorkloadRun (settings as `settings`); WorkloadCheck uses only the settings.
    WorkloadConfig workload;
    bool workloadJson = false;  // --json: one JSON object per line
    bool workloadCheck = false; // --check: the invariants after the run
};

namespace CommandLine {

// `arguments` as argv (the program name first). The error is one line, without the program
// name and without any password.
Result<CommandLineOptions, QString> parse(const QStringList &arguments,
                                          const QString &databaseUrl = {});

// A duration as `cockroach workload run --duration` takes it: one or more number-unit pairs
// (units h, m, s, ms; "1h30m", "2m", "30s", "1.5s", "0s"). Empty when it does not parse.
std::optional<std::chrono::milliseconds> parseDuration(const QString &text);

inline constexpr double kDefaultWithLoadRate = 25.0;

// The command line is parsed before the application object exists, so before translators can
// be installed: parse() translates its help and errors with this catalog (null: the installed
// translators, or English). The catalog must outlive the calls to parse().
void useCatalog(const QTranslator *catalog);

} // namespace CommandLine
