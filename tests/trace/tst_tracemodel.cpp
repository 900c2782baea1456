#include "models/SemanticColors.h"
#include "models/TraceModel.h"

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
    // It committed in the end: marked as a warning, not in the colour of failures.
    const QColor shown = edit.data(Qt::ForegroundRole).value<QColor>();
    QCOMPARE(shown, SemanticColors::foreground(SemanticColors::Role::Warning));
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
    filter.setFilter(TraceFilterModel::Filter::FailuresOnly);
    QCOMPARE(filter.rowCount(), 1);
    QVERIFY(filter.index(0, 0).data().toString().contains(QLatin1String("Start ride")));
    QCOMPARE(filter.rowCount(filter.index(0, 0)), 2); // the whole action stays visible
    filter.setFilter(TraceFilterModel::Filter::Everything);
    QCOMPARE(filter.rowCount(), 3);
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

QTEST_GUILESS_MAIN(TestTraceModel)
#include "tst_tracemodel.moc"
