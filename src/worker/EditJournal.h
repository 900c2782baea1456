#pragma once

#include "worker/InlineEdits.h"

#include <QObject>
#include <QString>

#include <memory>

class QThread;

// A journal entry: a pending edit and the database it was made against.
struct JournalEntry
{
    qint64 id = 0;
    QString target; // ConnectionSettings::displayName() of the database (never a password)
    PendingEdit edit;
};

// Pending inline edits are written here as they are made, so that a crash or a dead
// connection loses nothing; on the next start the application offers to re-apply or discard
// them. SQLite through Qt Sql, in the user's data directory, on a thread of its own (no SQL
// on the GUI thread, even local). Calls are queued; results arrive as signals.
class EditJournal : public QObject
{
    Q_OBJECT

public:
    // `path` empty: <AppDataLocation>/pending-edits.sqlite.
    explicit EditJournal(const QString &path = {}, QObject *parent = nullptr);
    ~EditJournal() override; // finishes queued writes, then stops the thread

    static QString defaultPath();

    // Each returns at once; the work happens in order on the journal's thread.
    void record(const QString &target, const PendingEdit &edit);
    // Forgets the edits of these cells (applied or reverted).
    void forget(const QString &target, const QList<PendingEdit> &cells);
    void forgetAll(const QString &target);
    void load(const QString &target); // → loaded()
    // Blocks until everything queued so far is written. For tests and shutdown only.
    void flush();

Q_SIGNALS:
    void loaded(const QList<JournalEntry> &entries);
    void failed(const QString &message);

private:
    class Store;
    bool isOpen(Store *store); // on the journal's thread; reports why not

    QThread *m_thread = nullptr;
    Store *m_store = nullptr;
};

Q_DECLARE_METATYPE(JournalEntry)
