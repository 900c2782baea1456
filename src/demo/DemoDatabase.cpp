#include "DemoDatabase.h"

#include "movr/BrowseIndexes.h"
#include "movr/Schema.h"
#include "movr/SearchIndexes.h"

#include <QDir>
#include <QFileInfo>
#include <QObject>

#include <unistd.h>

DemoDatabase::DemoDatabase(DemoOptions options) : m_options(std::move(options)) {}

DemoDatabase::~DemoDatabase()
{
    stop();
}

QString DemoDatabase::checkDirectory(const QString &directory)
{
    if (directory.isEmpty())
        return {};
    const QFileInfo info(directory);
    const QString path = info.absoluteFilePath();
    if (info.exists()) {
        if (!info.isDir())
            return QObject::tr("--demo-dir %1 is not a directory.").arg(path);
        const QDir dir(path);
        const bool ours = QFileInfo::exists(dir.filePath(QStringLiteral("movr-admin-demo")));
        const bool empty = dir.isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
        if (!ours && !empty)
            return QObject::tr("--demo-dir %1 is not empty and does not hold a MovR Admin demo "
                               "database; choose an empty or new directory.")
                .arg(path);
        if (::access(QFile::encodeName(path).constData(), W_OK | X_OK) != 0)
            return QObject::tr("--demo-dir %1 is not writable.").arg(path);
        return LocalServer::checkServerCanReach(path);
    }
    // Absent: the nearest existing ancestor must be a writable directory.
    QFileInfo ancestor(info.absolutePath());
    for (int depth = 0; depth < 256 && !ancestor.exists(); ++depth)
        ancestor = QFileInfo(ancestor.absolutePath());
    if (!ancestor.isDir())
        return QObject::tr("--demo-dir %1 cannot be created: %2 is not a directory.")
            .arg(path, ancestor.absoluteFilePath());
    if (::access(QFile::encodeName(ancestor.absoluteFilePath()).constData(), W_OK | X_OK) != 0)
        return QObject::tr("--demo-dir %1 cannot be created: %2 is not writable.")
            .arg(path, ancestor.absoluteFilePath());
    return LocalServer::checkServerCanReach(path);
}

Status DemoDatabase::start(const MovrLoadOptions::ProgressCallback &progress)
{
    if (isRunning())
        return Ok{};
    if (const QString invalid = m_options.counts.validate(); !invalid.isEmpty())
        return DbError::make(ErrorClass::InvalidInput, invalid);
    if (const QString bad = checkDirectory(m_options.directory); !bad.isEmpty())
        return DbError::make(ErrorClass::InvalidInput, bad);

    // Remember what existed so that a failure removes only what this call created.
    QString createdRoot;
    if (!m_options.directory.isEmpty()) {
        QFileInfo walk(QFileInfo(m_options.directory).absoluteFilePath());
        for (int depth = 0; depth < 256 && !walk.exists(); ++depth) {
            createdRoot = walk.absoluteFilePath();
            walk = QFileInfo(walk.absolutePath());
        }
    }
    const bool wasEmpty =
        !m_options.directory.isEmpty() && createdRoot.isEmpty() &&
        QDir(m_options.directory).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);

    auto fail = [&](const DbError &error) -> Status {
        stop();
        if (!createdRoot.isEmpty()) {
            QDir(createdRoot).removeRecursively();
        } else if (wasEmpty) {
            QDir dir(m_options.directory);
            const auto entries =
                dir.entryInfoList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
            for (const QFileInfo &entry : entries) {
                if (entry.isDir() && !entry.isSymLink())
                    QDir(entry.absoluteFilePath()).removeRecursively();
                else
                    QFile::remove(entry.absoluteFilePath());
            }
        }
        return error;
    };

    LocalServerOptions serverOptions;
    serverOptions.directory = m_options.directory;
    serverOptions.durable = !m_options.directory.isEmpty();
    serverOptions.certificateAuthentication = m_options.secure;
    m_server = std::make_unique<LocalServer>(serverOptions);
    if (auto started = m_server->start(); !started)
        return fail(started.error());

    auto connection = PgConnection::open(connectionSettings());
    if (!connection)
        return fail(connection.error());
    auto existing = Schema::existingTables(**connection);
    if (!existing)
        return fail(existing.error());
    m_loaded = false;
    if (existing->size() == Schema::tableNames().size()) {
        // A kept --demo-dir database, loaded by an earlier run (perhaps before the demo
        // had its search and filter indexes).
        if (auto indexed = SearchIndexes::createAll(**connection); !indexed)
            return fail(indexed.error());
        if (auto indexed = BrowseIndexes::createAll(**connection); !indexed)
            return fail(indexed.error());
        return Ok{};
    }
    // None (fresh) or some (a damaged kept database): (re)create and load.
    MovrLoadOptions loadOptions;
    loadOptions.existingTables = MovrLoadOptions::ExistingTables::Drop;
    loadOptions.progress = progress;
    if (auto loaded = MovrLoader::initialize(
            **connection, DataGenerator(m_options.counts, m_options.seed), loadOptions);
        !loaded)
        return fail(loaded.error());
    // Beyond `workload init movr`: the trigram indexes that let staff search a part of a name
    // or location in all cities (SearchIndexes), and those of the filters staff use every
    // day in all cities (BrowseIndexes).
    if (auto indexed = SearchIndexes::createAll(**connection); !indexed)
        return fail(indexed.error());
    if (auto indexed = BrowseIndexes::createAll(**connection); !indexed)
        return fail(indexed.error());
    m_loaded = true;
    return Ok{};
}

void DemoDatabase::stop()
{
    if (m_server) {
        m_server->stop();
        m_server.reset();
    }
}

bool DemoDatabase::isRunning() const
{
    return m_server && m_server->isRunning();
}

ConnectionSettings DemoDatabase::connectionSettings() const
{
    if (!m_server)
        return {};
    ConnectionSettings settings = m_server->connectionSettings();
    if (m_options.secure) {
        // What a user of a secure cluster gives: host, port, user, database and --certs-dir.
        settings.remove(QStringLiteral("password"));
        settings.remove(QStringLiteral("sslmode"));
        if (auto applied = settings.applyCertsDirectory(certsDirectory()); !applied)
            qWarning("demo: %s", qPrintable(applied.error().message));
    }
    return settings;
}

QString DemoDatabase::url() const
{
    if (!m_server)
        return {};
    return m_options.secure ? connectionSettings().toUrl() : m_server->url();
}

QString DemoDatabase::certsDirectory() const
{
    return m_server ? m_server->certsDirectory() : QString();
}
