#include "SqlPanel.h"
#include "TestServer.h"
#include "models/TraceModel.h"

#include <QClipboard>
#include <QComboBox>
#include <QGuiApplication>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

class TestSqlPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void copiedScriptRunsAndKeepsValues();
    void savedLogIsTheWholeSession();
    void saveToUnwritablePathFails();
    void notSentCommitIsCommentedOutWhenCopied();
    void everyOutcomeHasAFilter();
};

namespace {

const QString Hostile = QStringLiteral("O'Brien \\ \"x\"; DROP TABLE t; -- ünï 🚲");

QList<TraceEntry> insertAction(quint64 id)
{
    TraceEntry begin;
    begin.actionId = id;
    begin.action = QStringLiteral("Add user");
    begin.sql = QStringLiteral("BEGIN");
    TraceEntry insert = begin;
    insert.sql = QStringLiteral("INSERT INTO t (id, name, note, amount, ext) "
                                "VALUES ($1::uuid, $2, $3, $4::numeric, $5::jsonb)");
    insert.params = {QStringLiteral("2b7d4f30-0c36-4c5a-9a36-0c3b1a1f7e01"), Hostile, std::nullopt,
                     QStringLiteral("12.50"), QStringLiteral("{\"color\": \"it's red\"}")};
    TraceEntry commit = begin;
    commit.sql = QStringLiteral("COMMIT");
    return {begin, insert, commit};
}

} // namespace

void TestSqlPanel::copiedScriptRunsAndKeepsValues()
{
    auto connection = TestServer::connect(TestServer::createDatabase(QStringLiteral("panel")));
    QVERIFY(connection
                ->execScript(QStringLiteral("CREATE TABLE t (id uuid PRIMARY KEY, name "
                                            "text, note text, amount numeric, ext jsonb)"))
                .hasValue());
    SqlPanel panel;
    panel.appendTrace(insertAction(1));
    auto *view = panel.findChild<QTreeView *>();
    QVERIFY(view);
    view->selectionModel()->select(view->model()->index(0, 0),
                                   QItemSelectionModel::Select | QItemSelectionModel::Rows);
    panel.copySelectionAsScript();
    const QString script = QGuiApplication::clipboard()->text();
    QVERIFY(!script.isEmpty());
    QCOMPARE(script, panel.selectedScript());
    QVERIFY(script.contains(QLatin1String("COMMIT")));
    QVERIFY(!script.contains(QLatin1String("$2"))); // parameters inlined

    const Status ran = connection->execScript(script);
    QVERIFY2(ran.hasValue(), qPrintable(ran ? QString() : ran.error().toString()));
    auto row = connection->exec(QStringLiteral("SELECT name, note IS NULL, amount::text, "
                                               "ext->>'color' FROM t"));
    QVERIFY(row.hasValue());
    QCOMPARE(row->rowCount(), 1);
    QCOMPARE(row->text(0, 0), Hostile);
    QCOMPARE(row->text(0, 1), QStringLiteral("t"));
    QCOMPARE(row->text(0, 2), QStringLiteral("12.50"));
    QCOMPARE(row->text(0, 3), QStringLiteral("it's red"));
}

void TestSqlPanel::savedLogIsTheWholeSession()
{
    SqlPanel panel;
    panel.appendTrace(insertAction(1));
    panel.appendTrace(insertAction(2));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("log.sql"));
    QString error;
    QVERIFY2(panel.saveLog(path, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(file.readAll());
    QCOMPARE(text.count(QLatin1String("INSERT INTO t")), 2);
    QCOMPARE(text.count(QLatin1String("COMMIT")), 2);
}

void TestSqlPanel::saveToUnwritablePathFails()
{
    SqlPanel panel;
    panel.appendTrace(insertAction(1));
    QString error;
    QVERIFY(!panel.saveLog(QStringLiteral("/nonexistent-dir/x/log.sql"), &error));
    QVERIFY(!error.isEmpty());
}

void TestSqlPanel::notSentCommitIsCommentedOutWhenCopied()
{
    QList<TraceEntry> entries = insertAction(3);
    entries[1].sqlState = QStringLiteral("23505");
    entries[1].error = QStringLiteral("duplicate key value violates unique constraint");
    entries[2].notSent = true;
    entries[2].error = QStringLiteral("not executed: an earlier statement in the pipeline failed");
    entries << TraceEntry::outcomeEntry(3, QStringLiteral("Add user"), TraceOutcome::Failed,
                                        entries[1].error);
    SqlPanel panel;
    panel.appendTrace(entries);
    auto *view = panel.findChild<QTreeView *>();
    QVERIFY(view);
    view->selectionModel()->select(view->model()->index(0, 0),
                                   QItemSelectionModel::Select | QItemSelectionModel::Rows);
    panel.copySelectionAsScript();
    const QString script = QGuiApplication::clipboard()->text();
    QVERIFY2(script.contains(QLatin1String("\n-- COMMIT;\n")), qPrintable(script));
    QVERIFY2(!script.split(QLatin1Char('\n')).contains(QStringLiteral("COMMIT;")),
             qPrintable(script));
    QVERIFY2(script.contains(QLatin1String("-- outcome: failed")), qPrintable(script));
}

void TestSqlPanel::everyOutcomeHasAFilter()
{
    SqlPanel panel;
    auto *box = panel.findChild<QComboBox *>();
    QVERIFY(box);
    QList<TraceFilterModel::Filter> offered;
    for (int i = 0; i < box->count(); ++i)
        offered << box->itemData(i).value<TraceFilterModel::Filter>();
    for (const auto filter :
         {TraceFilterModel::Filter::CommittedOnly, TraceFilterModel::Filter::RefusedOnly,
          TraceFilterModel::Filter::FailuresOnly, TraceFilterModel::Filter::UnknownOnly,
          TraceFilterModel::Filter::NotSentOnly, TraceFilterModel::Filter::RetriesOnly})
        QVERIFY(offered.contains(filter));
}

QTEST_MAIN(TestSqlPanel)
#include "tst_sqlpanel.moc"
