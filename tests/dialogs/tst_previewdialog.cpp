#include "PreviewDialog.h"
#include "TestServer.h"
#include "txn/TransactionRunner.h"
#include "worker/InlineEdits.h"

#include <QCheckBox>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>

// The preview shows exactly what the runner then sends.
class TestPreviewDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void previewIsWhatIsSent_data();
    void previewIsWhatIsSent();
    void cockroachProtocol();
    void injectedRetryIsShown();
    void alwaysPreviewIsRemembered();
};

namespace {

TransactionBody pipelinedInsert()
{
    TransactionBody body;
    body.action = QStringLiteral("Insert note");
    body.statements = {{QStringLiteral("INSERT INTO notes (id, text) VALUES ($1::uuid, $2)"),
                        {QStringLiteral("2b7d4f30-0c36-4c5a-9a36-0c3b1a1f7e01"),
                         QStringLiteral("it's; -- fine")}}};
    return body;
}

TransactionBody interactiveUpdate()
{
    PendingEdit edit;
    edit.table = BrowseTable::Users;
    edit.key = {QStringLiteral("rome"), QStringLiteral("2b7d4f30-0c36-4c5a-9a36-0c3b1a1f7e02")};
    edit.column = TableSpec::of(BrowseTable::Users).columnIndex(QStringLiteral("name"));
    edit.original = QStringLiteral("Old O'Name");
    edit.value = QStringLiteral("New O'Name");
    return *InlineEdits::applyBody({edit});
}

} // namespace

void TestPreviewDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("movr-admin-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_previewdialog"));
    QSettings().clear();
}

void TestPreviewDialog::previewIsWhatIsSent_data()
{
    QTest::addColumn<bool>("interactive");
    QTest::newRow("pipelined") << false;
    QTest::newRow("interactive") << true;
}

void TestPreviewDialog::previewIsWhatIsSent()
{
    QFETCH(bool, interactive);
    auto connection = TestServer::connect(TestServer::createDatabase(QStringLiteral("preview")));
    QVERIFY(
        connection
            ->execScript(QStringLiteral("CREATE TABLE notes (id uuid PRIMARY KEY, text text);"
                                        "CREATE TABLE users (city text, id uuid, name text, "
                                        "PRIMARY KEY (city, id));"
                                        "INSERT INTO users VALUES ('rome', "
                                        "'2b7d4f30-0c36-4c5a-9a36-0c3b1a1f7e02', 'Old O''Name')"))
            .hasValue());
    const TransactionBody body = interactive ? interactiveUpdate() : pipelinedInsert();
    const QList<Statement> planned =
        TransactionRunner::plannedStatements(body, ServerFlavor::PostgreSQL);
    TransactionRunner runner(connection);
    const Outcome outcome = runner.run(body);
    QVERIFY2(outcome.committed(), qPrintable(outcome.error ? outcome.error->message : QString()));
    QCOMPARE(outcome.trace.size(), planned.size());
    for (int i = 0; i < planned.size(); ++i) {
        QCOMPARE(outcome.trace.at(i).sql, planned.at(i).sql);
        QCOMPARE(outcome.trace.at(i).params, planned.at(i).params);
    }
    const QString script = PreviewDialog::script(body, ServerFlavor::PostgreSQL, {});
    QVERIFY(script.contains(QLatin1String("BEGIN ISOLATION LEVEL SERIALIZABLE;")));
    QVERIFY(script.trimmed().endsWith(QLatin1String("COMMIT;")));
    QVERIFY(!script.contains(QLatin1String("$1")));
    PreviewDialog dialog(body, ServerFlavor::PostgreSQL, {});
    QCOMPARE(dialog.text(), script);
}

void TestPreviewDialog::cockroachProtocol()
{
    const QString script = PreviewDialog::script(pipelinedInsert(), ServerFlavor::CockroachDB, {});
    const QStringList lines = script.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QStringList statements;
    for (const QString &line : lines) {
        if (!line.startsWith(QLatin1String("--")))
            statements << line;
    }
    QCOMPARE(statements.size(), 5);
    QCOMPARE(statements.at(0), QStringLiteral("BEGIN TRANSACTION ISOLATION LEVEL SERIALIZABLE;"));
    QCOMPARE(statements.at(1), QStringLiteral("SAVEPOINT cockroach_restart;"));
    QVERIFY(statements.at(2).startsWith(QLatin1String("INSERT INTO notes")));
    QVERIFY(statements.at(2).contains(QLatin1String("'it''s; -- fine'")));
    QCOMPARE(statements.at(3), QStringLiteral("RELEASE SAVEPOINT cockroach_restart;"));
    QCOMPARE(statements.at(4), QStringLiteral("COMMIT;"));
}

void TestPreviewDialog::injectedRetryIsShown()
{
    RetryPolicy policy;
    policy.injectRetryErrors = true;
    const auto planned =
        TransactionRunner::plannedStatements(pipelinedInsert(), ServerFlavor::PostgreSQL, policy);
    QCOMPARE(planned.at(2).sql, TransactionRunner::injectedErrorStatement());
    // CockroachDB injects on the server (inject_retry_errors_enabled), not in the body.
    const auto cockroach =
        TransactionRunner::plannedStatements(pipelinedInsert(), ServerFlavor::CockroachDB, policy);
    QVERIFY(std::none_of(cockroach.begin(), cockroach.end(), [](const Statement &s) {
        return s.sql == TransactionRunner::injectedErrorStatement();
    }));
}

void TestPreviewDialog::alwaysPreviewIsRemembered()
{
    QVERIFY(!PreviewDialog::alwaysPreview());
    {
        PreviewDialog dialog(pipelinedInsert(), ServerFlavor::PostgreSQL, {});
        dialog.findChild<QCheckBox *>()->setChecked(true);
    }
    QVERIFY(PreviewDialog::alwaysPreview());
    PreviewDialog again(pipelinedInsert(), ServerFlavor::PostgreSQL, {});
    QVERIFY(again.findChild<QCheckBox *>()->isChecked());
}

QTEST_MAIN(TestPreviewDialog)
#include "tst_previewdialog.moc"
