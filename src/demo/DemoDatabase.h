#pragma once

#include "LocalServer.h"
#include "movr/DataGenerator.h"
#include "movr/MovrLoader.h"
#include "pg/ConnectionSettings.h"
#include "pg/Result.h"

#include <QString>

#include <memory>

struct DemoOptions
{
    MovrCounts counts;
    quint64 seed = 1;
    // Empty: a temporary directory removed on exit. Otherwise the database is kept there and
    // reused by the next run (loaded once).
    QString directory;
    // Served like a secure cluster (`cockroach demo` without --insecure): TLS only, the user
    // authenticated by a client certificate generated in the demo's folder, no password.
    bool secure = false;
};

// The embedded demo: a LocalServer, the MovR schema and generated data. Blocking: start()
// runs on the thread that owns the object (DemoHost's), which must outlive the server (see
// LocalServer: PR_SET_PDEATHSIG).
class DemoDatabase
{
public:
    explicit DemoDatabase(DemoOptions options = {});
    ~DemoDatabase();
    DemoDatabase(const DemoDatabase &) = delete;
    DemoDatabase &operator=(const DemoDatabase &) = delete;

    // Starts the server and loads the data unless the directory already holds it. On failure
    // nothing is left behind (a --demo-dir created by this call is removed again).
    Status start(const MovrLoadOptions::ProgressCallback &progress = {});
    void stop();
    bool isRunning() const;

    // Secure: the certificates directory applied (ConnectionSettings::applyCertsDirectory:
    // sslmode=verify-full, sslrootcert, sslcert, sslkey), no password.
    ConnectionSettings connectionSettings() const;
    QString url() const; // with the password (or the certificate files), for psql
    // Secure: the cockroach-style certificates directory (ca.crt, client.<user>.crt/.key), for
    // `--certs-dir`; empty otherwise.
    QString certsDirectory() const;
    bool loadedThisRun() const { return m_loaded; }
    const LocalServer *server() const { return m_server.get(); }

    // Checks a --demo-dir without creating anything: it must be absent (with a writable
    // parent), empty, or hold a MovR Admin demo database, and be writable. Empty when fine,
    // otherwise one line saying what is wrong.
    static QString checkDirectory(const QString &directory);

private:
    DemoOptions m_options;
    std::unique_ptr<LocalServer> m_server;
    bool m_loaded = false;
};
