#pragma once

#include "demo/LocalServer.h"
#include "movr/DataGenerator.h"
#include "movr/Schema.h"
#include "pg/PgConnection.h"

#include <memory>

// The private PostgreSQL server of one test executable: started on first use, stopped
// when the executable exits. No mock: every database test talks to it.
namespace TestServer {

LocalServer &server(); // QFAIL-style abort when the server cannot start
ConnectionSettings settings(const QString &database = {});
// A new, empty database with a unique name; returns its name.
QString createDatabase(const QString &prefix = QStringLiteral("t"));
// The MovR layout the tests of this run create: MultiRegion when the environment variable
// MOVR_TEST_LAYOUT is "multi-region" (the CTest variants *_multiregion run the same tests on
// the multi-region shape), Canonical otherwise.
Schema::Layout layoutUnderTest();
// A new database holding the MovR schema and generated data (counts, seed); returns its
// name. Aborts the test executable when loading fails.
QString createMovrDatabase(const QString &prefix, const MovrCounts &counts, quint64 seed = 1,
                           Schema::Layout layout = layoutUnderTest());
// Connects or fails the test with the error (use inside QVERIFY-capable contexts).
std::unique_ptr<PgConnection> connect(const QString &database = {});
// Polls pg_stat_activity through `observer` (from any thread) until a session runs exactly
// `query`, for at most `timeoutMs`; true when one does. For tests that must act while a
// statement runs on the server, not after a guessed delay.
bool waitUntilRunning(PgConnection &observer, const QString &query, int timeoutMs = 30000);

} // namespace TestServer
