#pragma once

#include "CommandLine.h"

#include <QCoreApplication>

// `movr-admin workload run URL [flags]` and `movr-admin workload check URL`: the MovR load and
// the invariants with no window and no display (a QCoreApplication only, for translations).
// There is no GUI thread here: the main thread sleeps in poll() on the signal pipe between
// the ticks, while the engine's sessions run on their own threads.
//
// Exit status: 0 when everything went well; 1 when the run had unexpected errors, stopped on
// one, or a check failed; 2 when the command line asks for what the server cannot do (the URL
// does not connect, no MovR tables, more sessions than the server allows, an unknown city):
// then one line on stderr and nothing written.
class WorkloadCli
{
    Q_DECLARE_TR_FUNCTIONS(WorkloadCli)
public:
    enum ExitCode { Success = 0, Failed = 1, BadInput = 2 };

    // Runs until --duration, --max-ops, an unexpected error (without --tolerate-errors) or
    // SIGINT / SIGTERM (Ctrl+C: the sessions stop within one second); prints a tick every
    // second and a summary, then the check with --check.
    static int run(const CommandLineOptions &options);
    // The MovR invariants on the server (read-only).
    static int check(const CommandLineOptions &options);
};
