#include "SqlPanel.h"
#include "TestServer.h"
#include "models/TraceFilterModel.h"
#include "models/TraceModel.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFileDialog>
#include <QGuiApplication>
#include <QLabel>
#include <QMessageBox>
#include <QSignalSpy>
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
    void sourceFilterIsOffered();
    void saveErrorIsInlineWithoutNestedLoop();
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

void TestSqlPanel::sourceFilterIsOffered()
{
    SqlPanel panel;
    auto *box = panel.findChild<QComboBox *>(QStringLiteral("sourceFilter"));
    QVERIFY(box);
    QList<TraceFilterModel::SourceFilter> offered;
    for (int i = 0; i < box->count(); ++i)
        offered << box->itemData(i).value<TraceFilterModel::SourceFilter>();
    QCOMPARE(offered,
             (QList<TraceFilterModel::SourceFilter>{TraceFilterModel::SourceFilter::AllSources,
                                                    TraceFilterModel::SourceFilter::MyEdits,
                                                    TraceFilterModel::SourceFilter::Workload,
                                                    TraceFilterModel::SourceFilter::Reads}));
    QList<TraceEntry> workload = insertAction(5);
    for (TraceEntry &e : workload)
        e.source = TraceSource::Workload;
    panel.appendTrace(insertAction(4));
    panel.appendTrace(workload);
    auto *view = panel.findChild<QTreeView *>();
    QCOMPARE(view->model()->rowCount(), 2);
    box->setCurrentIndex(
        box->findData(QVariant::fromValue(TraceFilterModel::SourceFilter::Workload)));
    QCOMPARE(view->model()->rowCount(), 1);
    QCOMPARE(view->model()->index(0, 0).data(TraceModel::SourceRole).toInt(),
             int(TraceSource::Workload));
    box->setCurrentIndex(
        box->findData(QVariant::fromValue(TraceFilterModel::SourceFilter::MyEdits)));
    QCOMPARE(view->model()->rowCount(), 1);
    QCOMPARE(view->model()->index(0, 0).data(TraceModel::SourceRole).toInt(),
             int(TraceSource::Edit));
}

void TestSqlPanel::saveErrorIsInlineWithoutNestedLoop()
{
    // Save log… opens its dialog with open() and returns at once; choosing a path that cannot
    // be written shows an inline message in the panel: no modal box, no nested event loop.
    SqlPanel panel;
    panel.appendTrace(insertAction(1));
    panel.show();
    QVERIFY(panel.message().isEmpty());
    panel.saveLogInteractively(); // returns: a nested loop would block this test here
    QFileDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = panel.findChild<QFileDialog *>()) && dialog->isVisible());
    QVERIFY(dialog->isModal());
    const QString bad = QStringLiteral("/nonexistent-dir/x/log.sql");
    QSignalSpy chosen(dialog, &QFileDialog::fileSelected);
    dialog->selectFile(bad);
    static_cast<QDialog *>(dialog)->accept(); // QFileDialog::accept is protected
    QCOMPARE(chosen.count(), 1);
    QVERIFY2(panel.message().contains(bad), qPrintable(panel.message()));
    auto *label = panel.findChild<QLabel *>(QStringLiteral("sqlPanelMessage"));
    QVERIFY(label && label->isVisible());
    QVERIFY(label->property("isError").toBool());
    QVERIFY(QApplication::activeModalWidget() == nullptr ||
            !qobject_cast<QMessageBox *>(QApplication::activeModalWidget()));

    // A good path says it saved, and the file is there.
    QTemporaryDir dir;
    const QString good = dir.filePath(QStringLiteral("log.sql"));
    panel.saveLogTo(good);
    QVERIFY(QFile::exists(good));
    QVERIFY(panel.message().contains(good));
    QVERIFY(!label->property("isError").toBool());
}

QTEST_MAIN(TestSqlPanel)
#include "tst_sqlpanel.moc"
