#pragma once

// What every benchmark does when a step it cannot go on without fails: one line on stderr,
// named after the program (bench_edits: ...), and exit status 1.

#include "pg/Result.h"

#include <QString>

#include <cerrno> // program_invocation_short_name (glibc)
#include <cstdio>
#include <cstdlib>
#include <utility>

namespace bench {

[[noreturn]] inline void die(const QString &message)
{
    std::fprintf(stderr, "%s: %s\n", program_invocation_short_name, qPrintable(message));
    std::exit(1);
}

// The value of `result`, or die naming `what` and the error.
template <typename T> T need(Result<T> result, const char *what)
{
    if (!result)
        die(QStringLiteral("%1: %2").arg(QLatin1String(what), result.error().toString()));
    return std::move(result).value();
}

inline void need(const Status &status, const char *what)
{
    if (!status)
        die(QStringLiteral("%1: %2").arg(QLatin1String(what), status.error().toString()));
}

} // namespace bench
