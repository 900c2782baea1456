#pragma once

#include "demo/LocalServer.h"
#include "movr/DataGenerator.h"
#include "pg/PgConnection.h"

#include <memory>

// The private PostgreSQL server of one test executable: started on first use, stopped
// when the executable exits. No mock: every database test talks to it.
namespace TestServer {

LocalServer &server(); // QFAIL-style abort when the server cannot start
ConnectionSettings settings(const QString &database = {});
// A new, empty database with a unique name; returns its name.
QString createDatabase(const QString &prefix = QStringLiteral("t"));
// A new database holding the MovR schema and generated data (counts, seed); returns its
// name. Aborts the test executable when loading fails.
QString createMovrDatabase(const QString &prefix, const MovrCounts &counts, quint64 seed = 1);
// Connects or fails the test with the error (use inside QVERIFY-capable contexts).
std::unique_ptr<PgConnection> connect(const QString &database = {});

} // namespace TestServer
