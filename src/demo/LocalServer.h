#pragma once

#include "pg/ConnectionSettings.h"
#include "pg/Result.h"

#include <QProcess>
#include <QString>

#include <memory>

struct LocalServerOptions
{
    // Empty: a fresh temporary directory, removed when the server stops. Otherwise the
    // database lives there and is kept between runs (movr-admin --demo-dir).
    QString directory;
    QString database = QStringLiteral("movr");
    QString user = QStringLiteral("movr"); // the superuser initdb creates
    // fsync, synchronous_commit and full_page_writes stay on only when the data is kept.
    bool durable = false;
    // TLS (tests of certificate verification): PEM files copied into the server's directory.
    // When set, the server has ssl=on and TCP connections must use TLS (hostssl).
    QString tlsCertificate;
    QString tlsKey;
    // Like a secure CockroachDB cluster: TCP only over TLS and only with a client certificate
    // whose CN is the user (pg_hba `cert`), no password. The certificates are made in
    // <directory>/certs (DemoCertificates: ca.crt, node.*, client.<user>.*; the CA's key in
    // <directory>/ca.key) unless present; the server uses node.crt (tlsCertificate is ignored).
    bool certificateAuthentication = false;
    // Tried first when not 0; a port that is taken gives way to a free one.
    int preferredPort = 0;
};

// A private PostgreSQL server, like `cockroach demo`: Debian's binaries, its own data
// directory, a free port on 127.0.0.1 and a socket in its own directory, scram password
// authentication over TCP. As root the server runs as an unprivileged system user.
//
// The server gets PR_SET_PDEATHSIG: if this process dies (even by SIGKILL) the postmaster
// shuts down at once. Linux sends that signal when the *thread* that started the server
// exits, so start() must run on a thread that outlives the server. A temporary directory
// left behind by a killed run is removed by the next start (removeStaleDirectories()).
//
// Blocking: call from a worker thread, a test, a benchmark or before any window exists.
class LocalServer
{
public:
    explicit LocalServer(LocalServerOptions options = {});
    ~LocalServer();
    LocalServer(const LocalServer &) = delete;
    LocalServer &operator=(const LocalServer &) = delete;

    Status start();
    void stop();
    bool isRunning() const;

    // TCP to 127.0.0.1 with the generated password; database = options.database.
    ConnectionSettings connectionSettings(const QString &database = {}) const;
    QString url() const; // includes the password, for `psql "$URL"`
    int port() const { return m_port; }
    qint64 serverPid() const;
    QString directory() const { return m_directory; }
    // With certificateAuthentication: the certificates directory (`--certs-dir`), else empty.
    QString certsDirectory() const;
    QString dataDirectory() const;

    // PG_BINDIR, then /usr/lib/postgresql/<newest>/bin (not with MOVR_PG_BINDIR_ONLY=1); an
    // error names the package to install.
    static Result<QString> binaryDirectory();
    // As root the server runs as an unprivileged account, which must be able to reach a kept
    // directory: empty when it can (or when not root), otherwise one line saying why not.
    static QString checkServerCanReach(const QString &directory);
    // Removes movr-demo-* directories in the temporary folder whose owning process is gone,
    // stopping a server still running there. Returns how many were removed.
    static int removeStaleDirectories();

private:
    Status prepareDirectory();
    Status initializeDataDirectory();
    Status launch(int port);
    Status waitUntilReady(int timeoutMs);
    Status createDatabase();
    Status installTls();
    void runAsServerUser(QProcess &process) const;

    LocalServerOptions m_options;
    QString m_binDir;
    QString m_directory; // the root: data/, the socket, owner.pid, password
    bool m_temporary = false;
    QString m_password;
    int m_port = 0;
    std::unique_ptr<QProcess> m_process;
    // When running as root: the unprivileged account the server runs as.
    unsigned m_uid = 0;
    unsigned m_gid = 0;
    bool m_switchUser = false;
};
