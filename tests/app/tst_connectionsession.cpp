// The connection session in the real window: a new connection is tried beside the current
// one and replaces it only when it works; the GUI thread never waits for workers to stop,
// not even on a black-holed network; after an outage every worker comes back by itself and
// an Apply made meanwhile is sent then.

#include "ConnectionDialog.h"
#include "ConnectionSession.h"
#include "ConnectionStatusBar.h"
#include "DemoControl.h"
#include "DemoHost.h"
#include "EditController.h"
#include "MainWindow.h"
#include "SqlPanel.h"
#include "TablePage.h"
#include "TcpProxy.h"
#include "TestServer.h"
#include "models/BrowseTableModel.h"
#include "models/PendingChanges.h"
#include "models/TraceModel.h"
#include "worker/BrowseWorker.h"
#include "worker/EditWorker.h"
#include "worker/LiveWorker.h"

#include <QAbstractButton>
#include <QAction>
#include <QComboBox>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QTimer>

#include <csignal>

class TestConnectionSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void replacingASessionOnABlackHoledNetworkNeverBlocks();
    void failedConnectKeepsTheCurrentSession();
    void cancelledDialogChangesNothing();
    void workersComeBackByThemselvesAfterTheirBackendsDie();
    void applyDuringAnOutageIsSentWhenTheServerIsBack();
    void authenticationFailureIsForgottenOnceConnected();
    void quitQuestionKeepsForNextTime();
    void demoIsOfferedNamedWhenItDiesAndRestarts();

private:
    // A window connected to `settings`, showing users, privileges read.
    void openWindow(const ConnectionSettings &settings);
    qint64 count(const QString &sql, const SqlParams &params = {});
    qint64 clientBackends();
    TablePage *users() { return m_window->tablePage(BrowseTable::Users); }

    QString m_database;
    std::unique_ptr<PgConnection> m_sql;
    std::unique_ptr<MainWindow> m_window;
};

void TestConnectionSession::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    MovrCounts counts;
    counts.users = 36;
    counts.vehicles = 18;
    counts.rides = 18;
    counts.histories = 9;
    counts.promoCodes = 9;
    m_database = TestServer::createMovrDatabase(QStringLiteral("session"), counts, 3);
    m_sql = TestServer::connect(m_database);
}

void TestConnectionSession::cleanup()
{
    if (m_window)
        m_window->editController()->revertPending();
    m_window.reset();
}

void TestConnectionSession::openWindow(const ConnectionSettings &settings)
{
    m_window = std::make_unique<MainWindow>();
    m_window->show();
    QSignalSpy privileges(m_window->editController(), &EditController::privilegesLoaded);
    m_window->selectTable(BrowseTable::Users);
    m_window->connectTo(settings);
    QVERIFY(privileges.wait(20000));
    QTRY_VERIFY_WITH_TIMEOUT(users()->model()->rowCount() > 0, 20000);
}

qint64 TestConnectionSession::count(const QString &sql, const SqlParams &params)
{
    auto result = m_sql->exec(sql, params);
    if (!result)
        qFatal("%s", qPrintable(result.error().toString()));
    return result->text(0, 0).toLongLong();
}

qint64 TestConnectionSession::clientBackends()
{
    // The browse and edit workers' connections (the live worker's carry its own
    // application_name: tst_livewindow covers them).
    return count(QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE datname = $1 AND "
                                "pid <> pg_backend_pid() AND backend_type = 'client backend' "
                                "AND application_name <> $2"),
                 {m_database, LiveWorker::applicationName()});
}

// The old session's browse worker is blocked in a page query on a network that swallows
// everything (its cancel cannot get through either): replacing the session must not freeze
// the window while that worker dies. A timer keeps ticking on the GUI thread throughout.
void TestConnectionSession::replacingASessionOnABlackHoledNetworkNeverBlocks()
{
    TcpProxy proxy(QStringLiteral("127.0.0.1"), TestServer::settings(m_database).port(),
                   std::chrono::milliseconds(0));
    QCOMPARE(proxy.start(), QString());
    openWindow(proxy.route(TestServer::settings(m_database)));
    QPointer<BrowseWorker> oldBrowse = m_window->session()->browseWorker();
    QPointer<EditWorker> oldEdit = m_window->session()->editWorker();

    proxy.resetCounts();
    proxy.setSwallowing(true);
    m_window->reloadCurrent(); // a page query into the black hole
    QTRY_VERIFY(proxy.forwarded('S') + proxy.forwarded('Q') > 0);

    QElapsedTimer sinceTick;
    qint64 longestGap = 0;
    QTimer ticker;
    ticker.setInterval(20);
    connect(&ticker, &QTimer::timeout, this,
            [&] { longestGap = std::max(longestGap, sinceTick.restart()); });
    sinceTick.start();
    ticker.start();

    QSignalSpy switched(m_window.get(), &MainWindow::sessionChanged);
    m_window->connectTo(TestServer::settings(m_database));
    QVERIFY(switched.wait(20000));
    // The new session serves the window at once; the old workers die in the background.
    QTRY_VERIFY_WITH_TIMEOUT(users()->model()->state() == BrowseTableModel::State::Ready &&
                                 users()->model()->rowCount() > 0,
                             20000);
    QTRY_VERIFY_WITH_TIMEOUT(oldBrowse.isNull() && oldEdit.isNull(), 20000);
    ticker.stop();
    QVERIFY2(longestGap < 1000,
             qPrintable(QStringLiteral("the event loop stalled for %1 ms").arg(longestGap)));
}

// A Connect that fails (a wrong password) changes nothing: the same session, title and
// data; the window says why; the old session still browses afterwards.
void TestConnectionSession::failedConnectKeepsTheCurrentSession()
{
    openWindow(TestServer::settings(m_database));
    ConnectionSession *before = m_window->session();
    const QString title = m_window->windowTitle();

    ConnectionSettings wrong = TestServer::settings(m_database);
    wrong.setValue(QStringLiteral("password"), QStringLiteral("wrong"));
    QSignalSpy failed(m_window.get(), &MainWindow::connectionAttemptFailed);
    QSignalSpy switched(m_window.get(), &MainWindow::sessionChanged);
    m_window->connectTo(wrong);
    QVERIFY(failed.wait(20000));
    QCOMPARE(switched.count(), 0);
    QCOMPARE(m_window->session(), before);
    QCOMPARE(m_window->windowTitle(), title);
    const QString message = m_window->connectionStatus()->currentMessage();
    QVERIFY2(message.contains(QLatin1String("Could not connect")), qPrintable(message));
    QVERIFY2(m_window->connectionStatus()->healthText().contains(QLatin1String("Connected")),
             qPrintable(m_window->connectionStatus()->healthText()));

    // The dialog asks again, saying why; Cancel leaves everything as it is.
    ConnectionDialog *again = nullptr;
    QTRY_VERIFY((again = m_window->findChild<ConnectionDialog *>(QStringLiteral("connectAgain"))) !=
                    nullptr &&
                again->isVisible());
    again->reject();
    QCOMPARE(m_window->session(), before);

    // The kept session still works: a reload reads rows again.
    m_window->reloadCurrent();
    QTRY_VERIFY_WITH_TIMEOUT(users()->model()->state() == BrowseTableModel::State::Ready &&
                                 users()->model()->rowCount() > 0,
                             20000);
    QCOMPARE(m_window->windowTitle(), title);
}

void TestConnectionSession::cancelledDialogChangesNothing()
{
    openWindow(TestServer::settings(m_database));
    ConnectionSession *before = m_window->session();
    const QString title = m_window->windowTitle();
    m_window->connectInteractively();
    ConnectionDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<ConnectionDialog *>()) != nullptr &&
                dialog->isVisible());
    dialog->reject();
    QTRY_VERIFY(!m_window->findChild<ConnectionDialog *>());
    QCOMPARE(m_window->session(), before);
    QCOMPARE(m_window->windowTitle(), title);
    QVERIFY(m_window->connectionStatus()->healthText().contains(QLatin1String("Connected")));
    QCOMPARE(users()->model()->state(), BrowseTableModel::State::Ready);
}

// The browse and edit workers' backends are killed (a server restart looks the same to them): each
// one reconnects by itself, without waiting for the next action or ping.
void TestConnectionSession::workersComeBackByThemselvesAfterTheirBackendsDie()
{
    openWindow(TestServer::settings(m_database));
    QTRY_COMPARE_WITH_TIMEOUT(clientBackends(), 2, 20000); // browse and edit
    QSignalSpy restored(m_window->session(), &ConnectionSession::restored);
    QCOMPARE(count(QStringLiteral("SELECT count(pg_terminate_backend(pid)) FROM "
                                  "pg_stat_activity WHERE datname = $1 AND pid <> "
                                  "pg_backend_pid() AND backend_type = 'client backend' AND "
                                  "application_name <> $2"),
                   {m_database, LiveWorker::applicationName()}),
             2);
    QVERIFY(restored.wait(10000));
    // Well before the status bar's next 5 s ping would have found out.
    QTRY_COMPARE_WITH_TIMEOUT(clientBackends(), 2, 3000);
    QVERIFY(m_window->session()->isHealthy());
}

// The server goes away (connections dropped, new ones refused). An Apply made meanwhile
// waits, the status bar says so, and it is sent by itself once the server is back.
void TestConnectionSession::applyDuringAnOutageIsSentWhenTheServerIsBack()
{
    TcpProxy proxy(QStringLiteral("127.0.0.1"), TestServer::settings(m_database).port(),
                   std::chrono::milliseconds(0));
    QCOMPARE(proxy.start(), QString());
    openWindow(proxy.route(TestServer::settings(m_database)));
    QTableView *view = users()->view();
    const int name = TableSpec::of(BrowseTable::Users).columnIndex(QStringLiteral("name"));
    const int idColumn = TableSpec::of(BrowseTable::Users).columnIndex(QStringLiteral("id"));
    const QString id = users()->model()->cellText(0, idColumn);

    proxy.setRefusing(true);
    proxy.dropAll();
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->session()->isHealthy(), 10000);
    QVERIFY(view->model()->setData(view->model()->index(0, name),
                                   QStringLiteral("Sent after the outage")));
    QSignalSpy finished(m_window->editController(), &EditController::editFinished);
    m_window->editController()->applyAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(m_window->connectionStatus()->currentMessage().contains(
                                 QLatin1String("sent when the connection is back")),
                             10000);
    QCOMPARE(finished.count(), 0);
    // The SQL panel shows the Apply at once, as not sent yet, and why.
    TraceModel *trace = m_window->sqlPanel()->traceModel();
    const auto applyRow = [trace]() -> int {
        for (int row = trace->rowCount() - 1; row >= 0; --row) {
            const QModelIndex index = trace->index(row, 0);
            if (!index.data(TraceModel::ReadRole).toBool() &&
                index.data(Qt::DisplayRole).toString().contains(QLatin1String("Apply")))
                return row;
        }
        return -1;
    };
    QTRY_VERIFY_WITH_TIMEOUT(applyRow() >= 0, 5000);
    const int row = applyRow();
    QCOMPARE(TraceOutcome(trace->index(row, 0).data(TraceModel::OutcomeRole).toInt()),
             TraceOutcome::NotSent);
    QVERIFY2(trace->index(row, 0)
                 .data(Qt::ToolTipRole)
                 .toString()
                 .contains(QLatin1String("sent when the connection is back")),
             qPrintable(trace->index(row, 0).data(Qt::ToolTipRole).toString()));

    proxy.setRefusing(false); // the server is back; nobody touches anything
    QVERIFY(finished.wait(30000));
    const EditReply reply = finished.first().first().value<EditReply>();
    QVERIFY2(reply.outcome.committed(), qPrintable(EditController::describe(reply)));
    // The same panel row now shows what was sent, and that it committed.
    QCOMPARE(applyRow(), row);
    const QModelIndex sent = trace->index(row, 0);
    QCOMPARE(TraceOutcome(sent.data(TraceModel::OutcomeRole).toInt()), TraceOutcome::Committed);
    const auto entries = sent.data(TraceModel::EntriesRole).value<QList<TraceEntry>>();
    QVERIFY(std::any_of(entries.begin(), entries.end(), [](const TraceEntry &entry) {
        return entry.sql.contains(QLatin1String("UPDATE")) && !entry.notSent;
    }));
    QCOMPARE(entries.first().actionId, reply.actionId);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM users WHERE id = $1::uuid AND name = "
                                  "'Sent after the outage'"),
                   {id}),
             1);
}

// A wrong password first, then the right one: once connected, nothing in the status bar
// still says "Authentication failed".
void TestConnectionSession::authenticationFailureIsForgottenOnceConnected()
{
    m_window = std::make_unique<MainWindow>();
    m_window->show();
    ConnectionSettings wrong = TestServer::settings(m_database);
    const QString right = wrong.value(QStringLiteral("password"));
    wrong.setValue(QStringLiteral("password"), QStringLiteral("wrong"));
    m_window->connectTo(wrong);
    ConnectionDialog *again = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((again = m_window->findChild<ConnectionDialog *>(
                                  QStringLiteral("connectAgain"))) != nullptr &&
                                 again->isVisible(),
                             20000);
    QTRY_VERIFY(m_window->connectionStatus()->currentMessage().contains(
        QLatin1String("Authentication failed")));
    QSignalSpy switched(m_window.get(), &MainWindow::sessionChanged);
    again->findChild<QLineEdit *>(QStringLiteral("password"))->setText(right);
    again->accept();
    QVERIFY(switched.wait(20000));
    QTRY_VERIFY_WITH_TIMEOUT(
        m_window->connectionStatus()->healthText().contains(QLatin1String("Connected")), 20000);
    const QString message = m_window->connectionStatus()->currentMessage();
    QVERIFY2(!message.contains(QLatin1String("Authentication failed")), qPrintable(message));
    QVERIFY2(!message.contains(QLatin1String("Cannot connect")), qPrintable(message));
}

// Pending changes on an ordinary database: the question offers to keep them for next time.
void TestConnectionSession::quitQuestionKeepsForNextTime()
{
    openWindow(TestServer::settings(m_database));
    const int name = TableSpec::of(BrowseTable::Users).columnIndex(QStringLiteral("name"));
    QAbstractItemModel *model = users()->view()->model();
    QVERIFY(model->setData(model->index(0, name), QStringLiteral("Pending at quit")));
    QVERIFY(!m_window->close()); // asks first, without a nested event loop
    auto *box = m_window->findChild<QMessageBox *>(QStringLiteral("quitQuestion"));
    QVERIFY(box);
    QTRY_VERIFY(box->isVisible());
    QVERIFY(box->informativeText().contains(QLatin1String("offered again next time")));
    box->button(QMessageBox::Cancel)->click();
    QTRY_VERIFY(!m_window->findChild<QMessageBox *>(QStringLiteral("quitQuestion")));
    QVERIFY(m_window->isVisible());
}

// The embedded demo in the window: offered in the connection dialog while it runs; the quit
// question promises nothing for next time (its database is deleted on exit); its server
// killed, the window names it and restarts it on request.
void TestConnectionSession::demoIsOfferedNamedWhenItDiesAndRestarts()
{
    DemoHost host;
    m_window = std::make_unique<MainWindow>();
    m_window->show();
    const QString journalKey = QStringLiteral("demo:temporary-test");
    m_window->setDemo(&host, journalKey, true);
    connect(&host, &DemoHost::ready, m_window.get(),
            [this, journalKey](const ConnectionSettings &settings) {
                m_window->connectTo(settings, journalKey);
            });
    DemoOptions options;
    options.counts.users = 36;
    options.counts.vehicles = 18;
    options.counts.rides = 18;
    options.counts.histories = 9;
    options.counts.promoCodes = 9;
    QSignalSpy privileges(m_window->editController(), &EditController::privilegesLoaded);
    m_window->selectTable(BrowseTable::Users);
    host.start(options);
    QVERIFY(privileges.wait(60000));
    QTRY_VERIFY_WITH_TIMEOUT(users()->model()->rowCount() > 0, 20000);

    // Offered in the connection dialog.
    m_window->connectInteractively();
    ConnectionDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<ConnectionDialog *>()) != nullptr &&
                dialog->isVisible());
    auto *profiles = dialog->findChild<QComboBox *>(QStringLiteral("profiles"));
    QVERIFY(profiles->findText(QStringLiteral("The running demo database")) >= 0);
    dialog->reject();
    QTRY_VERIFY(!m_window->findChild<ConnectionDialog *>());

    // The quit question tells the truth about the demo.
    const int name = TableSpec::of(BrowseTable::Users).columnIndex(QStringLiteral("name"));
    QAbstractItemModel *model = users()->view()->model();
    QVERIFY(model->setData(model->index(0, name), QStringLiteral("Pending on the demo")));
    QVERIFY(!m_window->close());
    auto *box = m_window->findChild<QMessageBox *>(QStringLiteral("quitQuestion"));
    QVERIFY(box);
    QVERIFY2(!box->informativeText().contains(QLatin1String("next time")),
             qPrintable(box->informativeText()));
    QVERIFY(box->informativeText().contains(QLatin1String("deleted")));
    box->button(QMessageBox::Cancel)->click();
    QTRY_VERIFY(!m_window->findChild<QMessageBox *>(QStringLiteral("quitQuestion")));
    m_window->editController()->revertPending();

    // The server dies: named as such, with Restart demo.
    QVERIFY(host.serverPid() > 0);
    QCOMPARE(::kill(pid_t(host.serverPid()), SIGKILL), 0);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->connectionStatus()->currentMessage().contains(
                                 QLatin1String("The demo database server stopped")),
                             10000);
    QAction *restart = m_window->demoControl()->restartAction();
    QVERIFY(restart->isVisible());
    QSignalSpy switched(m_window.get(), &MainWindow::sessionChanged);
    restart->trigger();
    QVERIFY(switched.wait(60000));
    QTRY_VERIFY_WITH_TIMEOUT(users()->model()->state() == BrowseTableModel::State::Ready &&
                                 users()->model()->rowCount() > 0,
                             20000);
    QVERIFY(!restart->isVisible());
    QVERIFY(!m_window->connectionStatus()->currentMessage().contains(QLatin1String("stopped")));
    m_window.reset();
    host.requestShutdown();
    QVERIFY(host.wait(60000));
}

QTEST_MAIN(TestConnectionSession)
#include "tst_connectionsession.moc"
