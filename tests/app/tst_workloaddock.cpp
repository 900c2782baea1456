// The Workload dock, offscreen, on the test server's MovR data: View › Workload opens it; a
// short run started from it fills the table and the chart, its statements reach the SQL panel
// under the source "Workload"; Stop (and closing the window) ends the run within a second and
// leaves no workload session on the server.

#include "MainWindow.h"
#include "SqlPanel.h"
#include "TestServer.h"
#include "WorkloadDock.h"
#include "models/TraceFilterModel.h"
#include "models/TraceModel.h"
#include "workload/WorkloadSession.h"

#include <QAction>
#include <QChart>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QLineSeries>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTest>
#include <QTreeView>

class TestWorkloadDock : public QObject
{
    Q_OBJECT

private:
    QString m_database;
    std::unique_ptr<PgConnection> m_sql;

    qint64 workloadSessions()
    {
        auto result = m_sql->exec(QStringLiteral("SELECT count(*) FROM pg_stat_activity "
                                                 "WHERE application_name = $1"),
                                  {QString::fromLatin1(WorkloadSession::ApplicationName)});
        if (!result)
            qFatal("%s", qPrintable(result.error().toString()));
        return result->text(0, 0).toLongLong();
    }

    // A window connected to the test database, shown, with its first rows on screen.
    std::unique_ptr<MainWindow> connectedWindow()
    {
        auto window = std::make_unique<MainWindow>();
        QSignalSpy shown(window.get(), &MainWindow::dataShown);
        window->show();
        window->connectTo(TestServer::settings(m_database));
        if (!QTest::qWaitFor([&shown] { return !shown.isEmpty(); }, 30000))
            return nullptr;
        return window;
    }

    static qint64 done(WorkloadDock *dock)
    {
        const QTableWidgetItem *total =
            dock->table()->item(kWorkloadOpCount, WorkloadDock::DoneColumn);
        return QLocale().toLongLong(total->text());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        MovrCounts counts;
        counts.users = 200;
        counts.vehicles = 120;
        counts.rides = 600;
        counts.histories = 1000;
        counts.promoCodes = 100;
        m_database = TestServer::createMovrDatabase(QStringLiteral("dock"), counts, 5);
        m_sql = TestServer::connect(m_database);
        QVERIFY(m_sql);
    }

    void viewMenuOpensTheDock()
    {
        MainWindow window;
        auto *dock = window.findChild<WorkloadDock *>();
        QVERIFY(dock);
        QVERIFY(dock->isHidden());
        QAction *open = nullptr;
        for (QAction *menu : window.menuBar()->actions()) {
            if (!menu->menu())
                continue;
            for (QAction *action : menu->menu()->actions()) {
                if (action == dock->toggleViewAction())
                    open = action;
            }
        }
        QVERIFY(open);
        QCOMPARE(open->text(), QStringLiteral("&Workload"));
        // Without a connection it says so, and starts nothing.
        window.show();
        open->trigger();
        QVERIFY(dock->isVisible());
        dock->findChild<QPushButton *>(QStringLiteral("workloadStart"))->click();
        QCOMPARE(dock->controller()->state(), WorkloadController::State::Idle);
        QVERIFY2(dock->statusText().contains(QLatin1String("Connect")),
                 qPrintable(dock->statusText()));
    }

    void runFromTheDock()
    {
        auto window = connectedWindow();
        QVERIFY(window);
        auto *dock = window->findChild<WorkloadDock *>();
        QVERIFY(dock);
        dock->show();
        dock->findChild<QDoubleSpinBox *>(QStringLiteral("workloadRate"))->setValue(200);
        dock->findChild<QSpinBox *>(QStringLiteral("workloadConcurrency"))->setValue(3);
        QSignalSpy started(dock->controller(), &WorkloadController::started);
        QSignalSpy finished(dock->controller(), &WorkloadController::finished);
        dock->findChild<QPushButton *>(QStringLiteral("workloadStart"))->click();
        // The preflight runs off the GUI thread: the click returns while it checks.
        QCOMPARE(dock->controller()->state(), WorkloadController::State::Checking);
        QVERIFY(started.wait(30000));
        QCOMPARE(dock->controller()->state(), WorkloadController::State::Running);
        QCOMPARE(dock->controller()->config().mix, WorkloadMix::Steady);

        // Concurrency 3: three sessions of the workload on the server.
        QTRY_COMPARE_WITH_TIMEOUT(workloadSessions(), qint64(3), 15000);
        // The table shows operations done, per operation and in all; the chart has points.
        QTRY_VERIFY_WITH_TIMEOUT(done(dock) > 20, 20000);
        const auto opRow = int(WorkloadOp::ReadVehicles);
        QTRY_VERIFY_WITH_TIMEOUT(
            QLocale().toLongLong(dock->table()->item(opRow, WorkloadDock::DoneColumn)->text()) > 0,
            10000);
        QVERIFY(!dock->table()->item(kWorkloadOpCount, WorkloadDock::P99Column)->text().isEmpty());
        auto *ops = qobject_cast<QLineSeries *>(dock->chart()->series().value(0));
        QVERIFY(ops);
        QVERIFY(ops->count() > 0);

        // The SQL panel has the workload's statements, under the source filter.
        SqlPanel *panel = window->sqlPanel();
        auto *sources = panel->findChild<QComboBox *>(QStringLiteral("sourceFilter"));
        QVERIFY(sources);
        sources->setCurrentIndex(
            sources->findData(QVariant::fromValue(TraceFilterModel::SourceFilter::Workload)));
        auto *view = panel->findChild<QTreeView *>();
        QTRY_VERIFY(view->model()->rowCount() > 10);
        for (int row = 0; row < view->model()->rowCount(); ++row)
            QCOMPARE(view->model()->index(row, 0).data(TraceModel::SourceRole).toInt(),
                     int(TraceSource::Workload));
        // "My edits" hides them all (only the window's own edit-worker actions, such as
        // reading the privileges at connect, remain); reads are the window's own.
        const int workloadRows = view->model()->rowCount();
        sources->setCurrentIndex(
            sources->findData(QVariant::fromValue(TraceFilterModel::SourceFilter::MyEdits)));
        QVERIFY(view->model()->rowCount() < workloadRows);
        for (int row = 0; row < view->model()->rowCount(); ++row)
            QCOMPARE(view->model()->index(row, 0).data(TraceModel::SourceRole).toInt(),
                     int(TraceSource::Edit));
        sources->setCurrentIndex(
            sources->findData(QVariant::fromValue(TraceFilterModel::SourceFilter::Reads)));
        QVERIFY(view->model()->rowCount() > 0);
        for (int row = 0; row < view->model()->rowCount(); ++row)
            QCOMPARE(view->model()->index(row, 0).data(TraceModel::SourceRole).toInt(),
                     int(TraceSource::Read));

        // Stop: the run ends within a second, and no workload session stays on the server.
        QElapsedTimer stopping;
        stopping.start();
        dock->findChild<QPushButton *>(QStringLiteral("workloadStop"))->click();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 5000);
        QVERIFY2(stopping.elapsed() <= 1500, qPrintable(QString::number(stopping.elapsed())));
        QCOMPARE(finished.first().first().toString(), QString());
        QCOMPARE(dock->controller()->state(), WorkloadController::State::Idle);
        QCOMPARE(dock->statusText(), QStringLiteral("Stopped."));
        QTRY_COMPARE_WITH_TIMEOUT(workloadSessions(), qint64(0), 5000);
        QVERIFY(dock->findChild<QPushButton *>(QStringLiteral("workloadStart"))->isEnabled());
    }

    void closingTheWindowStopsTheRun()
    {
        auto window = connectedWindow();
        QVERIFY(window);
        auto *dock = window->findChild<WorkloadDock *>();
        dock->findChild<QDoubleSpinBox *>(QStringLiteral("workloadRate"))->setValue(100);
        dock->findChild<QSpinBox *>(QStringLiteral("workloadConcurrency"))->setValue(2);
        QSignalSpy started(dock->controller(), &WorkloadController::started);
        QSignalSpy finished(dock->controller(), &WorkloadController::finished);
        dock->startRun();
        QVERIFY(started.wait(30000));
        QTRY_COMPARE_WITH_TIMEOUT(workloadSessions(), qint64(2), 15000);
        QElapsedTimer closing;
        closing.start();
        QVERIFY(window->close());
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 5000);
        QVERIFY2(closing.elapsed() <= 1500, qPrintable(QString::number(closing.elapsed())));
        QTRY_COMPARE_WITH_TIMEOUT(workloadSessions(), qint64(0), 5000);
    }

    void withLoadStartsOnceConnected()
    {
        // --demo --with-load=RATE: asked before the window has a connection, the steady mix
        // starts at that rate when it connects.
        auto window = std::make_unique<MainWindow>();
        auto *dock = window->findChild<WorkloadDock *>();
        QSignalSpy started(dock->controller(), &WorkloadController::started);
        window->show();
        dock->startWithLoad(40);
        QVERIFY(dock->isVisible());
        QCOMPARE(dock->controller()->state(), WorkloadController::State::Idle);
        window->connectTo(TestServer::settings(m_database));
        QVERIFY2(started.wait(30000), qPrintable(dock->statusText()));
        QCOMPARE(dock->controller()->config().mix, WorkloadMix::Steady);
        QCOMPARE(dock->controller()->config().maxRate, 40.0);
        // Deleting the window stops the run; the sessions leave the server.
        window.reset();
        QTRY_COMPARE_WITH_TIMEOUT(workloadSessions(), qint64(0), 5000);
    }

    void serverProblemIsOneSentence()
    {
        // Nothing listens there: the preflight (on a pool thread) fails, the run never starts,
        // and the reason comes back as one line.
        WorkloadController controller;
        QSignalSpy failed(&controller, &WorkloadController::startFailed);
        QSignalSpy started(&controller, &WorkloadController::started);
        WorkloadConfig config;
        config.settings = TestServer::settings(m_database);
        config.settings.setValue(QStringLiteral("host"), QStringLiteral("127.0.0.1"));
        config.settings.setValue(QStringLiteral("port"), QStringLiteral("1"));
        config.settings.setValue(QStringLiteral("connect_timeout"), QStringLiteral("5"));
        config.maxRate = 10;
        controller.start(config);
        QCOMPARE(controller.state(), WorkloadController::State::Checking);
        QVERIFY(failed.wait(30000));
        QCOMPARE(started.count(), 0);
        QCOMPARE(controller.state(), WorkloadController::State::Idle);
        const QString error = failed.first().first().toString();
        QVERIFY(!error.isEmpty());
        QVERIFY2(!error.contains(QLatin1Char('\n')), qPrintable(error));

        // A configuration the engine refuses without a server: at once, no thread.
        config.concurrency = 0;
        controller.start(config);
        QCOMPARE(failed.count(), 2);
        QCOMPARE(controller.state(), WorkloadController::State::Idle);
    }
};

QTEST_MAIN(TestWorkloadDock)
#include "tst_workloaddock.moc"
