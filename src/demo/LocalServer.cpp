#include "LocalServer.h"

#include "DemoCertificates.h"
#include "pg/PgConnection.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QThread>

#include <arpa/inet.h>
#include <cerrno>
#include <csignal>
#include <grp.h>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {

const char OwnerFile[] = "owner.pid";
const char MarkerFile[] = "movr-admin-demo";
const char PasswordFile[] = "password";
const QLatin1String TempPrefix("movr-demo-");

DbError failure(const QString &message)
{
    return DbError::make(ErrorClass::Other, message);
}

bool processAlive(qint64 pid)
{
    return pid > 0 && (::kill(pid_t(pid), 0) == 0 || errno == EPERM);
}

qint64 readPid(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    return file.readLine().trimmed().toLongLong();
}

// A port the kernel just handed out on 127.0.0.1; postgres binds it a moment later. A
// race with another process is handled by retrying with a new port.
int freeLoopbackPort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return 0;
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    socklen_t length = sizeof address;
    int port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0 &&
        ::getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length) == 0)
        port = ntohs(address.sin_port);
    ::close(fd);
    return port;
}

QString randomPassword()
{
    static const char alphabet[] = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    QString password;
    for (int i = 0; i < 24; ++i)
        password.append(
            QLatin1Char(alphabet[QRandomGenerator::system()->bounded(int(sizeof alphabet) - 1)]));
    return password;
}

QString tail(const QString &path, int lines)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QStringList all =
        QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    return all.mid(std::max<qsizetype>(0, all.size() - lines)).join(QLatin1String(" | "));
}

} // namespace

LocalServer::LocalServer(LocalServerOptions options) : m_options(std::move(options)) {}

LocalServer::~LocalServer()
{
    stop();
}

Result<QString> LocalServer::binaryDirectory()
{
    const QString fromEnvironment = qEnvironmentVariable("PG_BINDIR");
    QStringList candidates;
    if (!fromEnvironment.isEmpty())
        candidates << fromEnvironment;
    QDir root(QStringLiteral("/usr/lib/postgresql"));
    // MOVR_PG_BINDIR_ONLY=1: look in PG_BINDIR alone (tests of the "binaries missing" path).
    const bool onlyEnvironment =
        qEnvironmentVariableIntValue("MOVR_PG_BINDIR_ONLY") == 1 && !fromEnvironment.isEmpty();
    QStringList versions =
        onlyEnvironment ? QStringList() : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    std::sort(versions.begin(), versions.end(),
              [](const QString &a, const QString &b) { return a.toInt() > b.toInt(); });
    for (const QString &version : versions)
        candidates << root.filePath(version + QStringLiteral("/bin"));
    for (const QString &dir : candidates) {
        if (QFileInfo(dir + QStringLiteral("/postgres")).isExecutable() &&
            QFileInfo(dir + QStringLiteral("/initdb")).isExecutable())
            return dir;
    }
    return failure(
        QObject::tr("PostgreSQL server binaries not found (looked in %1): install "
                    "the Debian package postgresql-15 (apt-get install postgresql).")
            .arg(candidates.isEmpty() ? root.path() : candidates.join(QLatin1String(", "))));
}

QString LocalServer::checkServerCanReach(const QString &directory)
{
    if (::geteuid() != 0)
        return {};
    const passwd *account = ::getpwnam("postgres");
    if (!account)
        account = ::getpwnam("nobody");
    if (!account)
        return {}; // prepareDirectory() reports this
    const uid_t uid = account->pw_uid;
    const gid_t gid = account->pw_gid;
    const QString name = QString::fromLocal8Bit(account->pw_name);
    // Every existing ancestor must let that account search it (the directory itself is
    // handed to the account).
    QString path = QFileInfo(QFileInfo(directory).absoluteFilePath()).absolutePath();
    for (int depth = 0; depth < 256; ++depth) {
        struct stat info = {};
        if (::stat(QFile::encodeName(path).constData(), &info) == 0) {
            const mode_t bit = info.st_uid == uid   ? S_IXUSR
                               : info.st_gid == gid ? S_IXGRP
                                                    : S_IXOTH;
            if (!(info.st_mode & bit))
                return QObject::tr("--demo-dir %1 cannot be reached by the account %2 that "
                                   "runs the server as root: %3 is private; choose a directory "
                                   "such as /var/tmp/movr-demo.")
                    .arg(QFileInfo(directory).absoluteFilePath(), name, path);
        }
        if (path == QLatin1String("/"))
            break;
        path = QFileInfo(path).absolutePath();
    }
    return {};
}

int LocalServer::removeStaleDirectories()
{
    int removed = 0;
    const QDir temp(QDir::tempPath());
    const auto entries =
        temp.entryInfoList({TempPrefix + QLatin1Char('*')}, QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QFileInfo &entry : entries) {
        const QDir dir(entry.absoluteFilePath());
        if (!QFileInfo::exists(dir.filePath(QLatin1String(MarkerFile))))
            continue; // not ours: leave it alone
        const qint64 owner = readPid(dir.filePath(QLatin1String(OwnerFile)));
        if (processAlive(owner))
            continue;
        // No readable owner yet: a directory a moment old may be one being set up right now
        // by an older build or another tool; leave it for a later run.
        if (owner == 0 && entry.lastModified().secsTo(QDateTime::currentDateTime()) < 60)
            continue;
        const qint64 postmaster = readPid(dir.filePath(QStringLiteral("data/postmaster.pid")));
        if (processAlive(postmaster)) {
            QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(postmaster));
            if (cmdline.open(QIODevice::ReadOnly) &&
                cmdline.readAll().contains(dir.absolutePath().toUtf8())) {
                ::kill(pid_t(postmaster), SIGQUIT);
                QDeadlineTimer deadline(5000);
                while (processAlive(postmaster) && !deadline.hasExpired())
                    QThread::msleep(20);
            }
        }
        if (QDir(dir).removeRecursively())
            ++removed;
    }
    return removed;
}

void LocalServer::runAsServerUser(QProcess &process) const
{
    const bool switchUser = m_switchUser;
    const uid_t uid = m_uid;
    const gid_t gid = m_gid;
    // Runs in the child between fork and exec: only async-signal-safe calls.
    process.setChildProcessModifier([switchUser, uid, gid] {
        ::setpgid(0, 0); // Ctrl+C in the terminal reaches the app, which stops the server
        if (switchUser) {
            if (::setgroups(0, nullptr) != 0 || ::setgid(gid) != 0 || ::setuid(uid) != 0)
                ::_exit(126);
        }
        // After setuid: a change of credentials clears the parent-death signal.
        ::prctl(PR_SET_PDEATHSIG, SIGQUIT);
    });
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const QString &key : environment.keys()) {
        if (key.startsWith(QLatin1String("PG")))
            environment.remove(key);
    }
    environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    process.setProcessEnvironment(environment);
    process.setWorkingDirectory(m_directory);
}

Status LocalServer::prepareDirectory()
{
    if (::geteuid() == 0) {
        // PostgreSQL refuses to run as root; use the postgres system user, or nobody.
        const passwd *account = ::getpwnam("postgres");
        if (!account)
            account = ::getpwnam("nobody");
        if (!account)
            return failure(QObject::tr("Running as root, and neither a postgres nor a nobody "
                                       "account exists to run the server as."));
        m_switchUser = true;
        m_uid = account->pw_uid;
        m_gid = account->pw_gid;
    }

    if (m_options.directory.isEmpty()) {
        removeStaleDirectories();
        const QByteArray pattern =
            QDir(QDir::tempPath()).filePath(TempPrefix + QStringLiteral("XXXXXX")).toLocal8Bit();
        QByteArray buffer = pattern;
        if (!::mkdtemp(buffer.data()))
            return failure(QObject::tr("Cannot create a temporary directory in %1: %2")
                               .arg(QDir::tempPath(), QString::fromLocal8Bit(strerror(errno))));
        m_directory = QString::fromLocal8Bit(buffer);
        m_temporary = true;
    } else {
        QDir dir(m_options.directory);
        m_directory = dir.absolutePath();
        if (dir.exists()) {
            const bool ours = QFileInfo::exists(dir.filePath(QLatin1String(MarkerFile)));
            const bool empty = dir.isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
            if (!ours && !empty)
                return failure(QObject::tr("--demo-dir %1 is not empty and does not hold a "
                                           "MovR Admin demo database; choose an empty or new "
                                           "directory.")
                                   .arg(m_directory));
            const qint64 owner = readPid(dir.filePath(QLatin1String(OwnerFile)));
            if (ours && owner != QCoreApplication::applicationPid() && processAlive(owner) &&
                processAlive(readPid(dir.filePath(QStringLiteral("data/postmaster.pid")))))
                return failure(QObject::tr("--demo-dir %1 is in use by another MovR Admin "
                                           "(process %2).")
                                   .arg(m_directory)
                                   .arg(owner));
            if (const QString unreachable = checkServerCanReach(m_directory);
                !unreachable.isEmpty())
                return failure(unreachable);
        } else if (const QString unreachable = checkServerCanReach(m_directory);
                   !unreachable.isEmpty()) {
            return failure(unreachable);
        } else if (!QDir().mkpath(m_directory)) {
            return failure(QObject::tr("Cannot create --demo-dir %1.").arg(m_directory));
        }
        QFile probe(dir.filePath(QStringLiteral(".write-test")));
        if (!probe.open(QIODevice::WriteOnly))
            return failure(QObject::tr("--demo-dir %1 is not writable.").arg(m_directory));
        probe.remove();
    }

    const QDir dir(m_directory);
    // The owner first, the marker after: a directory that carries the marker always names
    // a live owner, so another process's removeStaleDirectories() never takes it for stale.
    QFile owner(dir.filePath(QLatin1String(OwnerFile)));
    if (!owner.open(QIODevice::WriteOnly) ||
        owner.write(QByteArray::number(QCoreApplication::applicationPid()) + '\n') < 0)
        return failure(QObject::tr("Cannot write in %1.").arg(m_directory));
    owner.close();
    QFile marker(dir.filePath(QLatin1String(MarkerFile)));
    if (!marker.open(QIODevice::WriteOnly))
        return failure(QObject::tr("Cannot write in %1.").arg(m_directory));
    marker.write("A MovR Admin demo database (movr-admin --demo).\n");
    marker.close();
    ::chmod(QFile::encodeName(m_directory).constData(), 0700);
    if (m_switchUser && ::chown(QFile::encodeName(m_directory).constData(), m_uid, m_gid) != 0)
        return failure(QObject::tr("Cannot hand %1 to the server's user: %2")
                           .arg(m_directory, QString::fromLocal8Bit(strerror(errno))));
    return Ok{};
}

Status LocalServer::initializeDataDirectory()
{
    const QDir dir(m_directory);
    QFile passwordFile(dir.filePath(QLatin1String(PasswordFile)));
    if (QFileInfo::exists(dir.filePath(QStringLiteral("data/PG_VERSION")))) {
        if (!passwordFile.open(QIODevice::ReadOnly))
            return failure(QObject::tr("%1 has a database but no password file.").arg(m_directory));
        m_password = QString::fromUtf8(passwordFile.readAll()).trimmed();
        return Ok{};
    }
    m_password = randomPassword();
    if (!passwordFile.open(QIODevice::WriteOnly))
        return failure(QObject::tr("Cannot write in %1.").arg(m_directory));
    passwordFile.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    passwordFile.write(m_password.toUtf8() + '\n');
    passwordFile.close();
    if (m_switchUser)
        ::chown(QFile::encodeName(passwordFile.fileName()).constData(), m_uid, m_gid);

    QProcess initdb;
    runAsServerUser(initdb);
    initdb.setProcessChannelMode(QProcess::MergedChannels);
    QStringList arguments{QStringLiteral("-D"),
                          dir.filePath(QStringLiteral("data")),
                          QStringLiteral("-U"),
                          m_options.user,
                          QStringLiteral("--pwfile=") + passwordFile.fileName(),
                          QStringLiteral("--auth-local=trust"),
                          QStringLiteral("--auth-host=scram-sha-256"),
                          QStringLiteral("-E"),
                          QStringLiteral("UTF8"),
                          QStringLiteral("--locale=C.UTF-8")};
    if (!m_options.durable)
        arguments << QStringLiteral("--no-sync");
    initdb.start(m_binDir + QStringLiteral("/initdb"), arguments);
    if (!initdb.waitForFinished(120000) || initdb.exitStatus() != QProcess::NormalExit ||
        initdb.exitCode() != 0) {
        const QString output = QString::fromLocal8Bit(initdb.readAll()).trimmed();
        return failure(QObject::tr("initdb failed: %1")
                           .arg(output.isEmpty() ? initdb.errorString()
                                                 : output.section(QLatin1Char('\n'), -3)));
    }
    return Ok{};
}

Status LocalServer::launch(int port)
{
    const QDir dir(m_directory);
    m_process = std::make_unique<QProcess>();
    runAsServerUser(*m_process);
    const QString log = dir.filePath(QStringLiteral("server.log"));
    m_process->setStandardOutputFile(log, QIODevice::Append);
    m_process->setStandardErrorFile(log, QIODevice::Append);
    QStringList arguments{QStringLiteral("-D"), dir.filePath(QStringLiteral("data")),
                          QStringLiteral("-p"), QString::number(port), QStringLiteral("-k"),
                          m_directory, QStringLiteral("-c"),
                          QStringLiteral("listen_addresses=127.0.0.1"), QStringLiteral("-c"),
                          QStringLiteral("unix_socket_permissions=0700"), QStringLiteral("-c"),
                          QStringLiteral("max_connections=100"),
                          // Logical decoding for the live tables (issue 13): a replication
                          // connection with a temporary slot per open window. wal_level needs
                          // a restart, so the demo starts with it.
                          QStringLiteral("-c"), QStringLiteral("wal_level=logical"),
                          QStringLiteral("-c"), QStringLiteral("max_replication_slots=20"),
                          QStringLiteral("-c"), QStringLiteral("max_wal_senders=20")};
    if (m_options.certificateAuthentication) // client certificates are verified against it
        arguments << QStringLiteral("-c")
                  << QStringLiteral("ssl_ca_file=") + dir.filePath(QStringLiteral("tls/ca.crt"));
    if (!m_options.tlsCertificate.isEmpty() || m_options.certificateAuthentication) {
        arguments << QStringLiteral("-c") << QStringLiteral("ssl=on") << QStringLiteral("-c")
                  << QStringLiteral("ssl_cert_file=") +
                         dir.filePath(QStringLiteral("tls/server.crt"))
                  << QStringLiteral("-c")
                  << QStringLiteral("ssl_key_file=") +
                         dir.filePath(QStringLiteral("tls/server.key"));
    }
    if (!m_options.durable) {
        // With synchronous_commit off a commit reaches the logical decoding stream only once
        // the WAL writer has flushed it (a walsender sends flushed WAL only), every
        // wal_writer_delay (200 ms by default): 10 ms keeps the live tables prompt for
        // sessions that keep the server's default. With fsync off a flush is only a write.
        for (const char *setting : {"fsync=off", "synchronous_commit=off", "full_page_writes=off",
                                    "wal_writer_delay=10ms"})
            arguments << QStringLiteral("-c") << QString::fromLatin1(setting);
    }
    m_process->start(m_binDir + QStringLiteral("/postgres"), arguments);
    if (!m_process->waitForStarted(10000))
        return failure(QObject::tr("Cannot start postgres: %1").arg(m_process->errorString()));
    m_port = port;
    return waitUntilReady(30000);
}

Status LocalServer::waitUntilReady(int timeoutMs)
{
    const QByteArray conninfo = QStringLiteral("host='%1' port=%2 dbname=postgres user=%3 "
                                               "connect_timeout=2")
                                    .arg(m_directory)
                                    .arg(m_port)
                                    .arg(m_options.user)
                                    .toUtf8();
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        if (PgConnection::acceptsConnections(conninfo))
            return Ok{};
        // Waiting on the process rather than sleeping: with no event loop on this thread,
        // only a waitFor call notices that it exited (a port taken, a bad setting), so
        // that such a start fails at once instead of after the whole timeout.
        m_process->waitForFinished(10);
        if (m_process->state() == QProcess::NotRunning) {
            return failure(
                QObject::tr("The server exited while starting: %1")
                    .arg(tail(QDir(m_directory).filePath(QStringLiteral("server.log")), 3)));
        }
    }
    return failure(
        QObject::tr("The server did not accept connections within %1 s.").arg(timeoutMs / 1000));
}

Status LocalServer::createDatabase()
{
    const QByteArray conninfo = QStringLiteral("host='%1' port=%2 dbname=postgres user=%3")
                                    .arg(m_directory)
                                    .arg(m_port)
                                    .arg(m_options.user)
                                    .toUtf8();
    const auto settings = ConnectionSettings::parse(QString::fromUtf8(conninfo));
    if (!settings)
        return settings.error();
    auto opened = PgConnection::open(*settings);
    if (!opened)
        return opened.error();
    PgConnection &connection = **opened;
    const auto exists = connection.exec(
        QStringLiteral("SELECT 1 FROM pg_database WHERE datname = $1"), {m_options.database});
    if (!exists)
        return exists.error();
    if (exists->rowCount() == 1)
        return Ok{};
    return connection.execScript(QStringLiteral("CREATE DATABASE ") +
                                 PgConnection::quoteIdentifier(m_options.database));
}

Status LocalServer::start()
{
    if (isRunning())
        return Ok{};
    auto bin = binaryDirectory();
    if (!bin)
        return bin.error();
    m_binDir = *bin;
    if (auto prepared = prepareDirectory(); !prepared) {
        stop();
        return prepared.error();
    }
    if (auto initialized = initializeDataDirectory(); !initialized) {
        stop();
        return initialized.error();
    }
    if (auto tls = installTls(); !tls) {
        stop();
        return tls.error();
    }
    // A port can be taken between choosing and binding it: try a few.
    Status launched = failure(QObject::tr("No free port on 127.0.0.1."));
    for (int attempt = 0; attempt < 5; ++attempt) {
        const int port = attempt == 0 && m_options.preferredPort > 0 ? m_options.preferredPort
                                                                     : freeLoopbackPort();
        if (port == 0)
            continue;
        launched = launch(port);
        if (launched)
            break;
        if (m_process && m_process->state() != QProcess::NotRunning) {
            m_process->kill();
            m_process->waitForFinished(5000);
        }
        m_process.reset();
        const QString log = tail(QDir(m_directory).filePath(QStringLiteral("server.log")), 5);
        if (!log.contains(QLatin1String("could not bind")) &&
            !log.contains(QLatin1String("could not create any TCP/IP sockets")))
            break;
    }
    if (!launched) {
        stop();
        return launched.error();
    }
    if (auto created = createDatabase(); !created) {
        stop();
        return created.error();
    }
    return Ok{};
}

Status LocalServer::installTls()
{
    const QDir dir(m_directory);
    const DemoCertificates generated(certsDirectory(), dir.filePath(QStringLiteral("ca.key")));
    if (m_options.certificateAuthentication) {
        if (auto made = generated.ensure(m_options.user); !made)
            return made;
    }
    const bool tls = m_options.certificateAuthentication || !m_options.tlsCertificate.isEmpty();
    // The socket stays trusted for the owner; TCP over TLS only when the server has a
    // certificate, then with a client certificate alone or with a password. A logical
    // replication connection (replication=database) matches the database lines; the
    // "replication" lines are for physical ones (PostgreSQL docs, pg_hba.conf). Written at every
    // start: a kept --demo-dir may have been served otherwise last time.
    const QByteArray type = tls ? "hostssl" : "host";
    const QByteArray method = m_options.certificateAuthentication ? "cert" : "scram-sha-256";
    QFile hba(dir.filePath(QStringLiteral("data/pg_hba.conf")));
    if (!hba.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        hba.write("local all all trust\nlocal replication all trust\n" + type +
                  " all all 127.0.0.1/32 " + method + '\n' + type + " all all ::1/128 " + method +
                  '\n' + type + " replication all 127.0.0.1/32 " + method + '\n' + type +
                  " replication all ::1/128 " + method + '\n') < 0)
        return failure(QObject::tr("Cannot write %1.").arg(hba.fileName()));
    hba.close();
    if (!tls)
        return Ok{};
    dir.mkpath(QStringLiteral("tls"));
    const QString certificate = dir.filePath(QStringLiteral("tls/server.crt"));
    const QString key = dir.filePath(QStringLiteral("tls/server.key"));
    const QString ca = dir.filePath(QStringLiteral("tls/ca.crt"));
    for (const QString &path : {certificate, key, ca})
        QFile::remove(path);
    const bool own = m_options.certificateAuthentication;
    if (!QFile::copy(own ? generated.nodeCertificate() : m_options.tlsCertificate, certificate) ||
        !QFile::copy(own ? generated.nodeKey() : m_options.tlsKey, key) ||
        (own && !QFile::copy(generated.caCertificate(), ca)))
        return failure(
            QObject::tr("Cannot copy the TLS certificate and key into %1.").arg(m_directory));
    // PostgreSQL refuses a key readable by others; all must belong to the server's user.
    QFile::setPermissions(key, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    if (m_switchUser) {
        for (const QString &path : {dir.filePath(QStringLiteral("tls")), certificate, key, ca})
            ::chown(QFile::encodeName(path).constData(), m_uid, m_gid);
    }
    return Ok{};
}

QString LocalServer::certsDirectory() const
{
    return m_options.certificateAuthentication && !m_directory.isEmpty()
               ? QDir(m_directory).filePath(QStringLiteral("certs"))
               : QString();
}

bool LocalServer::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

qint64 LocalServer::serverPid() const
{
    return m_process ? m_process->processId() : 0;
}

QString LocalServer::dataDirectory() const
{
    return QDir(m_directory).filePath(QStringLiteral("data"));
}

void LocalServer::stop()
{
    if (m_process) {
        if (m_process->state() != QProcess::NotRunning) {
            const pid_t pid = pid_t(m_process->processId());
            ::kill(pid, SIGINT); // fast shutdown: roll back sessions, checkpoint, exit
            if (!m_process->waitForFinished(15000)) {
                ::kill(pid, SIGQUIT); // immediate shutdown
                if (!m_process->waitForFinished(5000)) {
                    m_process->kill();
                    m_process->waitForFinished(5000);
                }
            }
        }
        m_process.reset();
    }
    if (!m_directory.isEmpty()) {
        if (m_temporary)
            QDir(m_directory).removeRecursively();
        else
            QFile::remove(QDir(m_directory).filePath(QLatin1String(OwnerFile)));
    }
    m_directory.clear();
    m_temporary = false;
    m_port = 0;
}

ConnectionSettings LocalServer::connectionSettings(const QString &database) const
{
    ConnectionSettings settings;
    settings.setValue(QStringLiteral("host"), QStringLiteral("127.0.0.1"));
    settings.setValue(QStringLiteral("port"), QString::number(m_port));
    settings.setValue(QStringLiteral("dbname"), database.isEmpty() ? m_options.database : database);
    settings.setValue(QStringLiteral("user"), m_options.user);
    settings.setValue(QStringLiteral("password"), m_password);
    settings.setValue(QStringLiteral("sslmode"), QStringLiteral("disable"));
    return settings;
}

QString LocalServer::url() const
{
    return connectionSettings().toUrl(ConnectionSettings::Password::Include);
}
