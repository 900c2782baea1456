#include "models/SemanticColors.h"
#include "models/TraceFilterModel.h"
#include "models/TraceModel.h"

#include <QFont>

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

namespace {

TraceEntry entry(quint64 action, const QString &name, int attempt, const QString &sql,
                 bool read = false)
{
    TraceEntry e;
    e.actionId = action;
    e.action = name;
    e.attempt = attempt;
    e.sql = sql;
    e.isRead = read;
    e.source = read ? TraceSource::Read : TraceSource::Edit;
    e.startedAt = QDateTime::currentDateTimeUtc();
    e.durationUs = 1500;
    e.rows = 1;
    return e;
}

// An edit that failed with 40001 on attempt 1 and committed on attempt 2, and a read.
QList<TraceEntry> retriedEdit()
{
    QList<TraceEntry> entries;
    entries << entry(7, QStringLiteral("Start ride"), 1, QStringLiteral("BEGIN"));
    TraceEntry failed =
        entry(7, QStringLiteral("Start ride"), 1,
              QStringLiteral("UPDATE vehicles SET status = 'in_use' WHERE id = $1"));
    failed.params = {QStringLiteral("aaaaaaaa-0000-0000-0000-000000000001")};
    failed.sqlState = QStringLiteral("40001");
    failed.error = QStringLiteral("could not serialize access");
    failed.rows = -1;
    entries << failed << entry(7, QStringLiteral("Start ride"), 1, QStringLiteral("ROLLBACK"));
    TraceEntry retry = entry(7, QStringLiteral("Start ride"), 2, QStringLiteral("BEGIN"));
    retry.retryCause = QStringLiteral("40001: could not serialize access");
    entries << retry
            << entry(7, QStringLiteral("Start ride"), 2,
                     QStringLiteral("UPDATE vehicles SET status = 'in_use' WHERE id = $1"))
            << entry(7, QStringLiteral("Start ride"), 2, QStringLiteral("COMMIT"));
    return entries;
}

} // namespace

class TestTraceModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void groupsByActionAndAttempt();
    void marksRetriesAndFailures();
    void filters();
    void keepsTheNewestActions();
    void entriesRoleCoversTheGroup();
    void notSentStatementIsGreyedNotFailed();
    void outcomesHaveTheirOwnLook();
    void outcomeFilters();
    void actionNotSentAtAll();
    void capHoldsUnderManyEntries();
    void capDropsWholeActionsByEntries();
    void sourceFilter();
};

void TestTraceModel::groupsByActionAndAttempt()
{
    TraceModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.append(retriedEdit());
    model.append(
        {entry(8, QStringLiteral("Browse vehicles"), 1, QStringLiteral("SELECT 1"), true)});

    QCOMPARE(model.rowCount(), 2);
    const QModelIndex edit = model.index(0, 0);
    QCOMPARE(model.rowCount(edit), 2); // two attempts
    QCOMPARE(model.rowCount(model.index(0, 0, edit)), 3);
    QCOMPARE(model.rowCount(model.index(1, 0, edit)), 3);
    QVERIFY(edit.data().toString().contains(QLatin1String("Start ride")));
    QVERIFY(edit.data().toString().contains(QLatin1String("2 attempt")));
    const QModelIndex statement =
        model.index(1, TraceModel::SqlStateColumn, model.index(0, 0, edit));
    QCOMPARE(statement.data().toString(), QStringLiteral("40001"));
    QCOMPARE(
        model.index(1, TraceModel::ParametersColumn, model.index(0, 0, edit)).data().toString(),
        QStringLiteral("$1=aaaaaaaa-0000-0000-0000-000000000001"));
    // 2 actions + 2 attempts + 1 attempt + 7 statements
    QCOMPARE(inserted.count(), 12);
}

void TestTraceModel::marksRetriesAndFailures()
{
    TraceModel model;
    model.append(retriedEdit());
    const QModelIndex edit = model.index(0, 0);
    QVERIFY(edit.data(TraceModel::FailedRole).toBool());
    QVERIFY(edit.data(TraceModel::RetryRole).toBool());
    const QModelIndex first = model.index(0, 0, edit);
    const QModelIndex second = model.index(1, 0, edit);
    QVERIFY(!first.data(TraceModel::RetryRole).toBool());
    QVERIFY(second.data(TraceModel::RetryRole).toBool());
    QVERIFY(second.data().toString().contains(QLatin1String("40001: could not serialize access")));
    QVERIFY(second.data(Qt::BackgroundRole).isValid());
    QVERIFY(!first.data(Qt::BackgroundRole).isValid());
    QVERIFY(!model.index(0, 0, second).data(TraceModel::FailedRole).toBool());
    // It committed in the end: the look of a committed edit, not the colour of failures; the
    // retry shows on the attempt rows and in the Retries filter.
    QCOMPARE(edit.data(TraceModel::OutcomeRole).toInt(), int(TraceOutcome::Committed));
    const QColor shown = edit.data(Qt::ForegroundRole).value<QColor>();
    QCOMPARE(shown, SemanticColors::foreground(SemanticColors::Role::Success));
    QVERIFY(shown != first.data(Qt::ForegroundRole).value<QColor>()); // the failed attempt
}

void TestTraceModel::filters()
{
    TraceModel model;
    TraceFilterModel filter;
    filter.setSourceModel(&model);
    QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.append(retriedEdit());
    model.append(
        {entry(8, QStringLiteral("Browse vehicles"), 1, QStringLiteral("SELECT 1"), true)});
    model.append({entry(9, QStringLiteral("Add user"), 1, QStringLiteral("INSERT ..."))});
    QCOMPARE(filter.rowCount(), 3);
    filter.setFilter(TraceFilterModel::Filter::EditsOnly);
    QCOMPARE(filter.rowCount(), 2);
    // A retry that then committed is no failure: retries are their own filter.
    filter.setFilter(TraceFilterModel::Filter::FailuresOnly);
    QCOMPARE(filter.rowCount(), 0);
    filter.setFilter(TraceFilterModel::Filter::RetriesOnly);
    QCOMPARE(filter.rowCount(), 1);
    QVERIFY(filter.index(0, 0).data().toString().contains(QLatin1String("Start ride")));
    QCOMPARE(filter.rowCount(filter.index(0, 0)), 2); // the whole action stays visible
    filter.setFilter(TraceFilterModel::Filter::Everything);
    QCOMPARE(filter.rowCount(), 3);
}

// Five edits, one per outcome, as the edit worker reports them (statements, then the
// outcome entry); the not-sent one has no statement at all.
QList<TraceEntry> oneOfEachOutcome()
{
    QList<TraceEntry> entries;
    const QList<std::pair<TraceOutcome, QString>> outcomes{
        {TraceOutcome::Committed, QString()},
        {TraceOutcome::Refused, QStringLiteral("the vehicle is in use")},
        {TraceOutcome::Failed, QStringLiteral("duplicate key")},
        {TraceOutcome::Unknown, QStringLiteral("connection lost after COMMIT")},
        {TraceOutcome::NotSent, QStringLiteral("The connection to the server was lost.")}};
    quint64 id = 20;
    for (const auto &[outcome, why] : outcomes) {
        const QString name = QStringLiteral("Edit %1").arg(id);
        if (outcome != TraceOutcome::NotSent) {
            entries << entry(id, name, 1, QStringLiteral("BEGIN"));
            TraceEntry statement = entry(id, name, 1, QStringLiteral("UPDATE x SET y = 1"));
            if (outcome == TraceOutcome::Failed) {
                statement.sqlState = QStringLiteral("23505");
                statement.error = why;
            }
            entries << statement;
        }
        entries << TraceEntry::outcomeEntry(id, name, outcome, why);
        ++id;
    }
    return entries;
}

void TestTraceModel::notSentStatementIsGreyedNotFailed()
{
    // A pipeline whose INSERT failed: the COMMIT queued after it was never executed. It is
    // "not sent": greyed and italic, not red, not counted as a failure of its own.
    TraceModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    TraceEntry failed = entry(5, QStringLiteral("Add user"), 1, QStringLiteral("INSERT INTO t"));
    failed.sqlState = QStringLiteral("23505");
    failed.error = QStringLiteral("duplicate key value violates unique constraint");
    failed.rows = -1;
    TraceEntry commit = entry(5, QStringLiteral("Add user"), 1, QStringLiteral("COMMIT"));
    commit.notSent = true;
    commit.rows = -1;
    commit.error = QStringLiteral("not executed: an earlier statement in the pipeline failed");
    model.append({entry(5, QStringLiteral("Add user"), 1, QStringLiteral("BEGIN")), failed, commit,
                  TraceEntry::outcomeEntry(5, QStringLiteral("Add user"), TraceOutcome::Failed,
                                           failed.error)});
    QCOMPARE(model.rowCount(), 1);
    const QModelIndex attempt = model.index(0, 0, model.index(0, 0));
    QCOMPARE(model.rowCount(attempt), 3); // the outcome entry is no row
    const QModelIndex shownCommit = model.index(2, 0, attempt);
    QVERIFY(shownCommit.data(TraceModel::NotSentRole).toBool());
    QVERIFY(!shownCommit.data(TraceModel::FailedRole).toBool());
    QVERIFY(shownCommit.data().toString().contains(QLatin1String("not sent")));
    QVERIFY(shownCommit.data().toString().contains(QLatin1String("COMMIT")));
    QCOMPARE(shownCommit.data(Qt::ForegroundRole).value<QColor>(),
             SemanticColors::foreground(SemanticColors::Role::Muted));
    QVERIFY(shownCommit.data(Qt::FontRole).value<QFont>().italic());
    QVERIFY(model.index(1, 0, attempt).data(TraceModel::FailedRole).toBool());
    QVERIFY(model.index(1, 0, attempt).data(Qt::ForegroundRole).value<QColor>() !=
            shownCommit.data(Qt::ForegroundRole).value<QColor>());
    // Copying the action keeps the outcome entry, after the statements.
    const auto copied = model.index(0, 0).data(TraceModel::EntriesRole).value<QList<TraceEntry>>();
    QCOMPARE(copied.size(), 4);
    QCOMPARE(copied.last().outcome, TraceOutcome::Failed);
    QCOMPARE(model.allEntries().size(), 4);
}

void TestTraceModel::outcomesHaveTheirOwnLook()
{
    TraceModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.append(oneOfEachOutcome());
    QCOMPARE(model.rowCount(), 5);
    const QList<TraceOutcome> expected{TraceOutcome::Committed, TraceOutcome::Refused,
                                       TraceOutcome::Failed, TraceOutcome::Unknown,
                                       TraceOutcome::NotSent};
    const QStringList words{QStringLiteral("Committed"), QStringLiteral("Refused"),
                            QStringLiteral("Failed"), QStringLiteral("Unknown"),
                            QStringLiteral("Not sent")};
    QList<QColor> colors;
    for (int row = 0; row < 5; ++row) {
        const QModelIndex action = model.index(row, 0);
        QCOMPARE(action.data(TraceModel::OutcomeRole).toInt(), int(expected.at(row)));
        QVERIFY2(action.data().toString().contains(words.at(row)),
                 qPrintable(action.data().toString()));
        const QColor color = action.data(Qt::ForegroundRole).value<QColor>();
        QVERIFY(color.isValid());
        QVERIFY2(!colors.contains(color), qPrintable(words.at(row)));
        colors << color;
    }
    QCOMPARE(colors.at(2), SemanticColors::foreground(SemanticColors::Role::Error));
    // A refusal says why, and that nothing was written; it is not drawn as a failure.
    QVERIFY(model.index(1, 0).data().toString().contains(QLatin1String("the vehicle is in use")));
    QVERIFY(!model.index(1, 0).data(TraceModel::FailedRole).toBool());
}

void TestTraceModel::outcomeFilters()
{
    TraceModel model;
    TraceFilterModel filter;
    filter.setSourceModel(&model);
    QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.append(oneOfEachOutcome());
    model.append(retriedEdit());
    model.append(
        {entry(8, QStringLiteral("Browse vehicles"), 1, QStringLiteral("SELECT 1"), true)});
    const QList<std::pair<TraceFilterModel::Filter, QStringList>> cases{
        {TraceFilterModel::Filter::CommittedOnly,
         {QStringLiteral("Edit 20"), QStringLiteral("Start ride")}},
        {TraceFilterModel::Filter::RefusedOnly, {QStringLiteral("Edit 21")}},
        {TraceFilterModel::Filter::FailuresOnly, {QStringLiteral("Edit 22")}},
        {TraceFilterModel::Filter::UnknownOnly, {QStringLiteral("Edit 23")}},
        {TraceFilterModel::Filter::NotSentOnly, {QStringLiteral("Edit 24")}},
        {TraceFilterModel::Filter::RetriesOnly, {QStringLiteral("Start ride")}},
    };
    for (const auto &[which, names] : cases) {
        filter.setFilter(which);
        QStringList shown;
        for (int row = 0; row < filter.rowCount(); ++row)
            shown << filter.index(row, 0).data().toString();
        QCOMPARE(shown.size(), names.size());
        for (int i = 0; i < names.size(); ++i)
            QVERIFY2(shown.at(i).contains(names.at(i)), qPrintable(shown.join(u'|')));
    }
}

void TestTraceModel::actionNotSentAtAll()
{
    // An apply that never reached the server (the connection was lost): one row that says
    // so and why, with nothing under it.
    TraceModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.append({TraceEntry::notSentEntry(30, QStringLiteral("Apply 2 changes"),
                                           QStringLiteral("The connection was lost."))});
    QCOMPARE(model.rowCount(), 1);
    const QModelIndex action = model.index(0, 0);
    QCOMPARE(model.rowCount(action), 0);
    QVERIFY(action.data().toString().contains(QLatin1String("Apply 2 changes")));
    QVERIFY(action.data().toString().contains(QLatin1String("Not sent: The connection was lost.")));
    QVERIFY(!action.data(TraceModel::ReadRole).toBool());
}

void TestTraceModel::keepsTheNewestActions()
{
    TraceModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setMaximumActions(5);
    for (quint64 id = 1; id <= 12; ++id)
        model.append(
            {entry(id, QStringLiteral("Action %1").arg(id), 1, QStringLiteral("SELECT 1"))});
    QCOMPARE(model.rowCount(), 5);
    QVERIFY(model.index(0, 0).data().toString().contains(QLatin1String("Action 8")));
    QVERIFY(model.index(4, 0).data().toString().contains(QLatin1String("Action 12")));
    // A late statement of a dropped action starts a new group rather than crashing.
    model.append({entry(1, QStringLiteral("Action 1"), 1, QStringLiteral("COMMIT"))});
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(model.allEntries().size(), 5);
}

void TestTraceModel::entriesRoleCoversTheGroup()
{
    TraceModel model;
    model.append(retriedEdit());
    const QModelIndex edit = model.index(0, 0);
    QCOMPARE(edit.data(TraceModel::EntriesRole).value<QList<TraceEntry>>().size(), 6);
    QCOMPARE(
        model.index(1, 0, edit).data(TraceModel::EntriesRole).value<QList<TraceEntry>>().size(), 3);
    const auto one = model.index(1, 0, model.index(0, 0, edit))
                         .data(TraceModel::EntriesRole)
                         .value<QList<TraceEntry>>();
    QCOMPARE(one.size(), 1);
    QCOMPARE(one.first().sqlState, QStringLiteral("40001"));
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TestTraceModel::capHoldsUnderManyEntries()
{
    // A long workload run: many small actions (4 statements each) arriving in batches, as the
    // Workload dock hands them over. The model, the filter and the tester stay consistent and
    // the number of rows and statements held never passes the caps.
    TraceModel model;
    TraceFilterModel filter;
    filter.setSourceModel(&model);
    filter.setSourceFilter(TraceFilterModel::SourceFilter::Workload);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester filterTester(&filter,
                                          QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setMaximumActions(60);
    model.setMaximumEntries(200);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    quint64 id = 1000;
    int maximumRows = 0;
    int maximumEntries = 0;
    for (int batch = 0; batch < 40; ++batch) {
        QList<TraceEntry> entries;
        for (int i = 0; i < 10; ++i, ++id) {
            for (const char *sql : {"BEGIN", "UPDATE vehicles SET status = 'in_use'",
                                    "INSERT INTO rides", "COMMIT"}) {
                TraceEntry e = entry(id, QStringLiteral("startRide"), 1, QString::fromLatin1(sql));
                e.source = i % 2 ? TraceSource::Workload : TraceSource::Edit;
                entries << e;
            }
        }
        model.append(entries);
        maximumRows = std::max(maximumRows, model.rowCount());
        maximumEntries = std::max(maximumEntries, model.entryCount());
    }
    QCOMPARE(maximumEntries, 200);
    QCOMPARE(maximumRows, 50); // 200 statements / 4 a piece: the entry cap binds first
    QCOMPARE(model.allEntries().size(), 200);
    QVERIFY(removed.count() > 0);
    QCOMPARE(filter.rowCount(), 25);
    // The newest actions are the ones kept, oldest first.
    const auto first = model.index(0, 0).data(TraceModel::EntriesRole).value<QList<TraceEntry>>();
    const auto last = model.index(model.rowCount() - 1, 0)
                          .data(TraceModel::EntriesRole)
                          .value<QList<TraceEntry>>();
    QCOMPARE(last.first().actionId, id - 1);
    QCOMPARE(first.first().actionId, id - 50);
    // A statement's parent is still found after thousands of rows came and went.
    const QModelIndex statement = model.index(3, 0, model.index(0, 0, model.index(10, 0)));
    QCOMPARE(statement.parent().parent(), model.index(10, 0));
    QCOMPARE(TraceModel::DefaultMaximumActions, 5000);
    QCOMPARE(TraceModel::DefaultMaximumEntries, 50000);
}

void TestTraceModel::capDropsWholeActionsByEntries()
{
    TraceModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setMaximumEntries(5);
    model.append({entry(1, QStringLiteral("A"), 1, QStringLiteral("BEGIN")),
                  entry(1, QStringLiteral("A"), 1, QStringLiteral("SELECT 1")),
                  entry(1, QStringLiteral("A"), 1, QStringLiteral("COMMIT"))});
    model.append({entry(2, QStringLiteral("B"), 1, QStringLiteral("BEGIN")),
                  entry(2, QStringLiteral("B"), 1, QStringLiteral("COMMIT"))});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.entryCount(), 5);
    model.append({entry(3, QStringLiteral("C"), 1, QStringLiteral("SELECT 2"))});
    // A (3 statements) goes whole; B and C stay.
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.entryCount(), 3);
    QVERIFY(model.index(0, 0).data().toString().contains(QLatin1String("B")));
    // One action alone over the cap is kept: the newest never goes.
    QList<TraceEntry> big;
    for (int i = 0; i < 8; ++i)
        big << entry(4, QStringLiteral("D"), 1, QStringLiteral("SELECT %1").arg(i));
    model.append(big);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.entryCount(), 8);
}

void TestTraceModel::sourceFilter()
{
    TraceModel model;
    TraceFilterModel filter;
    filter.setSourceModel(&model);
    QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.append(retriedEdit()); // my edit
    model.append(
        {entry(8, QStringLiteral("Browse vehicles"), 1, QStringLiteral("SELECT 1"), true)});
    TraceEntry workload = entry(9, QStringLiteral("startRide"), 1, QStringLiteral("BEGIN"));
    workload.source = TraceSource::Workload;
    TraceEntry refused = TraceEntry::outcomeEntry(9, QStringLiteral("startRide"),
                                                  TraceOutcome::Refused, QStringLiteral("in use"));
    refused.source = TraceSource::Workload;
    model.append({workload, refused});
    QCOMPARE(model.index(0, 0).data(TraceModel::SourceRole).toInt(), int(TraceSource::Edit));
    QCOMPARE(model.index(1, 0).data(TraceModel::SourceRole).toInt(), int(TraceSource::Read));
    QCOMPARE(model.index(2, 0).data(TraceModel::SourceRole).toInt(), int(TraceSource::Workload));
    const auto shown = [&filter] {
        QStringList names;
        for (int row = 0; row < filter.rowCount(); ++row)
            names << filter.index(row, 0).data().toString();
        return names.join(u'|');
    };
    filter.setSourceFilter(TraceFilterModel::SourceFilter::MyEdits);
    QCOMPARE(filter.rowCount(), 1);
    QVERIFY(shown().contains(QLatin1String("Start ride")));
    filter.setSourceFilter(TraceFilterModel::SourceFilter::Reads);
    QCOMPARE(filter.rowCount(), 1);
    QVERIFY(shown().contains(QLatin1String("Browse vehicles")));
    filter.setSourceFilter(TraceFilterModel::SourceFilter::Workload);
    QCOMPARE(filter.rowCount(), 1);
    QVERIFY(shown().contains(QLatin1String("startRide")));
    // Beside the outcome filter: both must pass.
    filter.setFilter(TraceFilterModel::Filter::RefusedOnly);
    QCOMPARE(filter.rowCount(), 1);
    filter.setSourceFilter(TraceFilterModel::SourceFilter::MyEdits);
    QCOMPARE(filter.rowCount(), 0);
    filter.setSourceFilter(TraceFilterModel::SourceFilter::AllSources);
    QCOMPARE(filter.rowCount(), 1);
    filter.setFilter(TraceFilterModel::Filter::Everything);
    QCOMPARE(filter.rowCount(), 3);
    // New rows arriving under an active source filter appear only when they pass.
    filter.setSourceFilter(TraceFilterModel::SourceFilter::Workload);
    TraceEntry more = entry(10, QStringLiteral("addUser"), 1, QStringLiteral("INSERT"));
    more.source = TraceSource::Workload;
    model.append(
        {more, entry(11, QStringLiteral("Browse users"), 1, QStringLiteral("SELECT"), true)});
    QCOMPARE(filter.rowCount(), 2);
}

QTEST_GUILESS_MAIN(TestTraceModel)
#include "tst_tracemodel.moc"
