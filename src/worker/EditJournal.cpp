#include "EditJournal.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QThread>

namespace {

QVariant bindable(const SqlValue &value)
{
    return value ? QVariant(*value) : QVariant(QMetaType::fromType<QString>());
}

SqlValue readValue(const QVariant &value)
{
    return value.isNull() ? SqlValue() : SqlValue(value.toString());
}

QString keyText(const QStringList &key)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(key)).toJson(QJsonDocument::Compact));
}

} // namespace

// Lives on the journal's thread and owns the SQLite connection.
class EditJournal::Store : public QObject
{
public:
    explicit Store(QString path) : m_path(std::move(path)) {}

    ~Store() override
    {
        if (!m_connectionName.isEmpty()) {
            {
                QSqlDatabase::database(m_connectionName, false).close();
            }
            QSqlDatabase::removeDatabase(m_connectionName);
        }
    }

    // Opens the file on first use, so that a failure is reported in answer to a call, after
    // the caller has connected to failed(). An open that failed is not retried: every later
    // call reports the same reason.
    bool ensureOpen(QString *error)
    {
        if (!m_opened) {
            m_opened = true;
            m_openError = open();
        }
        if (!m_openError.isEmpty())
            *error = m_openError;
        return m_openError.isEmpty();
    }

private:
    QString open()
    {
        m_connectionName = QStringLiteral("movr-journal-%1").arg(quintptr(this));
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
        QDir().mkpath(QFileInfo(m_path).absolutePath());
        db.setDatabaseName(m_path);
        if (!db.open())
            return db.lastError().text();
        QSqlQuery query(db);
        // Every write is committed at once: the journal is for surviving crashes.
        if (!query.exec(QStringLiteral("PRAGMA journal_mode=WAL")) ||
            !query.exec(QStringLiteral("PRAGMA synchronous=FULL")) ||
            !query.exec(QStringLiteral(
                "CREATE TABLE IF NOT EXISTS pending_edits ("
                " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                " target TEXT NOT NULL, table_id INTEGER NOT NULL, row_key TEXT NOT NULL,"
                " column_index INTEGER NOT NULL, original TEXT, value TEXT,"
                " recorded_at TEXT NOT NULL DEFAULT (datetime('now')),"
                " UNIQUE (target, table_id, row_key, column_index))")))
            return query.lastError().text();
        return {};
    }

public:
    QString record(const QString &target, const PendingEdit &edit)
    {
        QSqlQuery query(QSqlDatabase::database(m_connectionName));
        // A cell edited again keeps its first original (what the user saw in the database)
        // and takes the newest value.
        query.prepare(QStringLiteral(
            "INSERT INTO pending_edits (target, table_id, row_key, column_index, original, value) "
            "VALUES (?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (target, table_id, row_key, column_index) DO UPDATE SET value = "
            "excluded.value"));
        query.addBindValue(target);
        query.addBindValue(int(edit.table));
        query.addBindValue(keyText(edit.key));
        query.addBindValue(edit.column);
        query.addBindValue(bindable(edit.original));
        query.addBindValue(bindable(edit.value));
        return query.exec() ? QString() : query.lastError().text();
    }

    QString forget(const QString &target, const QList<PendingEdit> &cells)
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName);
        db.transaction();
        QSqlQuery query(db);
        query.prepare(QStringLiteral("DELETE FROM pending_edits WHERE target = ? AND table_id = ? "
                                     "AND row_key = ? AND column_index = ?"));
        for (const PendingEdit &cell : cells) {
            query.addBindValue(target);
            query.addBindValue(int(cell.table));
            query.addBindValue(keyText(cell.key));
            query.addBindValue(cell.column);
            if (!query.exec()) {
                db.rollback();
                return query.lastError().text();
            }
        }
        return db.commit() ? QString() : db.lastError().text();
    }

    QString forgetAll(const QString &target)
    {
        QSqlQuery query(QSqlDatabase::database(m_connectionName));
        query.prepare(QStringLiteral("DELETE FROM pending_edits WHERE target = ?"));
        query.addBindValue(target);
        return query.exec() ? QString() : query.lastError().text();
    }

    QList<JournalEntry> load(const QString &target, QString *error)
    {
        QList<JournalEntry> entries;
        QSqlQuery query(QSqlDatabase::database(m_connectionName));
        query.prepare(QStringLiteral("SELECT id, table_id, row_key, column_index, original, value "
                                     "FROM pending_edits WHERE target = ? ORDER BY id"));
        query.addBindValue(target);
        if (!query.exec()) {
            *error = query.lastError().text();
            return entries;
        }
        while (query.next()) {
            JournalEntry entry;
            entry.id = query.value(0).toLongLong();
            entry.target = target;
            entry.edit.table = BrowseTable(query.value(1).toInt());
            for (const QJsonValue &part :
                 QJsonDocument::fromJson(query.value(2).toByteArray()).array())
                entry.edit.key << part.toString();
            entry.edit.column = query.value(3).toInt();
            entry.edit.original = readValue(query.value(4));
            entry.edit.value = readValue(query.value(5));
            entries.append(entry);
        }
        return entries;
    }

private:
    QString m_path;
    QString m_connectionName;
    bool m_opened = false;
    QString m_openError;
};

QString EditJournal::defaultPath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("pending-edits.sqlite"));
}

EditJournal::EditJournal(const QString &path, QObject *parent) : QObject(parent)
{
    qRegisterMetaType<JournalEntry>();
    qRegisterMetaType<QList<JournalEntry>>();
    m_thread = new QThread(this);
    m_thread->setObjectName(QStringLiteral("edit journal"));
    m_store = new Store(path.isEmpty() ? defaultPath() : path);
    m_store->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_store, &QObject::deleteLater);
    m_thread->start();
}

EditJournal::~EditJournal()
{
    // Queued after every write asked for so far: the thread ends once they are done.
    QMetaObject::invokeMethod(m_store, [thread = m_thread] { thread->quit(); });
    m_thread->wait(10000);
}

bool EditJournal::isOpen(Store *store)
{
    QString error;
    if (store->ensureOpen(&error))
        return true;
    Q_EMIT failed(tr("The journal of pending edits cannot be opened: %1").arg(error));
    return false;
}

void EditJournal::record(const QString &target, const PendingEdit &edit)
{
    QMetaObject::invokeMethod(m_store, [this, store = m_store, target, edit] {
        if (!isOpen(store))
            return;
        const QString error = store->record(target, edit);
        if (!error.isEmpty())
            Q_EMIT failed(tr("A pending edit could not be journaled: %1").arg(error));
    });
}

void EditJournal::forget(const QString &target, const QList<PendingEdit> &cells)
{
    QMetaObject::invokeMethod(m_store, [this, store = m_store, target, cells] {
        if (!isOpen(store))
            return;
        const QString error = store->forget(target, cells);
        if (!error.isEmpty())
            Q_EMIT failed(tr("The journal could not be updated: %1").arg(error));
    });
}

void EditJournal::forgetAll(const QString &target)
{
    QMetaObject::invokeMethod(m_store, [this, store = m_store, target] {
        if (!isOpen(store))
            return;
        const QString error = store->forgetAll(target);
        if (!error.isEmpty())
            Q_EMIT failed(tr("The journal could not be updated: %1").arg(error));
    });
}

void EditJournal::load(const QString &target)
{
    QMetaObject::invokeMethod(m_store, [this, store = m_store, target] {
        if (!isOpen(store))
            return;
        QString error;
        const QList<JournalEntry> entries = store->load(target, &error);
        if (!error.isEmpty())
            Q_EMIT failed(tr("The journal could not be read: %1").arg(error));
        else
            Q_EMIT loaded(entries);
    });
}

void EditJournal::flush()
{
    QMetaObject::invokeMethod(
        m_store, [] {}, Qt::BlockingQueuedConnection);
}
