#include "worker/EditJournal.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

#include <unistd.h>

namespace {

const QString Target = QStringLiteral("movr@127.0.0.1:26257/movr");

PendingEdit cell(const QString &id, int column, const SqlValue &original, const SqlValue &value)
{
    PendingEdit edit;
    edit.table = BrowseTable::Users;
    edit.key = {QStringLiteral("new york"), id};
    edit.column = column;
    edit.original = original;
    edit.value = value;
    return edit;
}

const QString Hostile = QStringLiteral("it's \"quoted\"; DROP TABLE pending_edits; -- ünï 🚲");

// The crashing writer: journals three edits, waits until they are written, then ends the
// process at once (no destructors, no clean close), as a crash would.
int crashWriter(const QString &path)
{
    int argc = 0;
    QCoreApplication app(argc, nullptr);
    auto *journal = new EditJournal(path);
    journal->record(Target, cell(QStringLiteral("a1"), 2, QStringLiteral("Ann"), Hostile));
    journal->record(Target,
                    cell(QStringLiteral("a1"), 4, std::nullopt, QStringLiteral("4111111111")));
    journal->record(Target, cell(QStringLiteral("b2"), 3, QStringLiteral("Old St"), std::nullopt));
    journal->record(QStringLiteral("other@elsewhere:5432/db"),
                    cell(QStringLiteral("c3"), 2, QStringLiteral("X"), QStringLiteral("Y")));
    journal->flush();
    ::_exit(3);
}

} // namespace

class TestEditJournal : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void survivesACrash();
    void editingACellAgainKeepsTheFirstOriginal();
    void forgetRemovesCells();
    void unwritableLocationIsReported();

private:
    QList<JournalEntry> load(EditJournal &journal, const QString &target = Target);
};

// The journal answers from its own thread, possibly before a QSignalSpy::wait() could begin
// (that race once failed this test on a busy machine). A receiver on this thread gets the
// answer queued, and qWaitFor() polls for it.
QList<JournalEntry> TestEditJournal::load(EditJournal &journal, const QString &target)
{
    std::optional<QList<JournalEntry>> entries;
    QString failure;
    QObject receiver;
    connect(&journal, &EditJournal::loaded, &receiver,
            [&](const QList<JournalEntry> &loaded) { entries = loaded; });
    connect(&journal, &EditJournal::failed, &receiver,
            [&](const QString &message) { failure = message; });
    journal.load(target);
    if (!QTest::qWaitFor([&] { return entries || !failure.isEmpty(); }, 10000))
        qFatal("the journal did not answer within 10 s");
    if (!failure.isEmpty())
        qFatal("the journal failed: %s", qPrintable(failure));
    return *entries;
}

void TestEditJournal::survivesACrash()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("journal.sqlite"));
    QProcess writer;
    writer.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--crash-writer"), path});
    QVERIFY(writer.waitForFinished(30000));
    QCOMPARE(writer.exitCode(), 3); // it really ended abruptly

    EditJournal journal(path);
    const QList<JournalEntry> entries = load(journal);
    QCOMPARE(entries.size(), 3); // the other target's edit is not offered here
    QCOMPARE(entries.at(0).edit.key,
             (QStringList{QStringLiteral("new york"), QStringLiteral("a1")}));
    QCOMPARE(entries.at(0).edit.column, 2);
    QCOMPARE(entries.at(0).edit.original, SqlValue(QStringLiteral("Ann")));
    QCOMPARE(entries.at(0).edit.value, SqlValue(Hostile));
    QCOMPARE(entries.at(1).edit.original, SqlValue());
    QCOMPARE(entries.at(1).edit.value, SqlValue(QStringLiteral("4111111111")));
    QCOMPARE(entries.at(2).edit.value, SqlValue());
    QCOMPARE(entries.at(2).edit.table, BrowseTable::Users);
    QCOMPARE(load(journal, QStringLiteral("other@elsewhere:5432/db")).size(), 1);
}

void TestEditJournal::editingACellAgainKeepsTheFirstOriginal()
{
    QTemporaryDir dir;
    EditJournal journal(dir.filePath(QStringLiteral("j.sqlite")));
    journal.record(Target,
                   cell(QStringLiteral("a1"), 2, QStringLiteral("Seen"), QStringLiteral("First")));
    journal.record(
        Target, cell(QStringLiteral("a1"), 2, QStringLiteral("First"), QStringLiteral("Second")));
    const auto entries = load(journal);
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.first().edit.original, SqlValue(QStringLiteral("Seen")));
    QCOMPARE(entries.first().edit.value, SqlValue(QStringLiteral("Second")));
}

void TestEditJournal::forgetRemovesCells()
{
    QTemporaryDir dir;
    EditJournal journal(dir.filePath(QStringLiteral("j.sqlite")));
    const PendingEdit a = cell(QStringLiteral("a1"), 2, QStringLiteral("x"), QStringLiteral("y"));
    const PendingEdit b = cell(QStringLiteral("b2"), 2, QStringLiteral("x"), QStringLiteral("z"));
    journal.record(Target, a);
    journal.record(Target, b);
    journal.forget(Target, {a});
    auto entries = load(journal);
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.first().edit.key.at(1), QStringLiteral("b2"));
    journal.forgetAll(Target);
    QVERIFY(load(journal).isEmpty());
}

void TestEditJournal::unwritableLocationIsReported()
{
    EditJournal journal(QStringLiteral("/proc/movr-admin-cannot-write/j.sqlite"));
    QStringList failures;
    QObject receiver;
    connect(&journal, &EditJournal::failed, &receiver,
            [&](const QString &message) { failures << message; });
    // The reason is given in answer to each call, never before anyone could listen.
    journal.record(Target, cell(QStringLiteral("a1"), 2, QStringLiteral("x"), QStringLiteral("y")));
    journal.load(Target);
    QTRY_COMPARE_WITH_TIMEOUT(failures.size(), 2, 10000);
    for (const QString &failure : std::as_const(failures))
        QVERIFY2(failure.contains(QLatin1String("cannot be opened")), qPrintable(failure));
}

int main(int argc, char *argv[])
{
    if (argc == 3 && qstrcmp(argv[1], "--crash-writer") == 0)
        return crashWriter(QString::fromLocal8Bit(argv[2]));
    QCoreApplication app(argc, argv);
    TestEditJournal test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_editjournal.moc"
