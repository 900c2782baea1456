#include "ConnectionDialog.h"
#include "DetailPane.h"
#include "EditController.h"
#include "MainWindow.h"
#include "SqlPanel.h"
#include "TablePage.h"
#include "TestServer.h"
#include "WelcomePage.h"
#include "models/BrowseTableModel.h"
#include "models/TraceModel.h"
#include "movr/Operations.h"
#include "worker/EditWorker.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QCommandLinkButton>
#include <QDialog>
#include <QDockWidget>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTest>
#include <QTimer>

// The edit path through the real window: privileges decide what is enabled, edits run on
// the edit worker, the outcome shows in the status bar and the trace in the SQL panel.
class TestEditActions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void readOnlyRoleGetsDisabledActions();
    void committedEditShowsInPanelAndStatus();
    void injectedRetryIsRetriedAndShown();
    void refusedPreconditionNamesTheCause();
    void actionOpensDialogAndApplies();
    void detailPaneFollowsCommittedEdits();
    void endingARideRefreshesTheVehicleShown();
    void windowStateIsRestored();
    void welcomeOffersDemoAndCluster();

private:
    std::unique_ptr<MainWindow> openWindow(const ConnectionSettings &settings);
    QString value(const QString &sql, const SqlParams &params = {});
    EditReply runAndWait(MainWindow &window, const TransactionBody &body);
    // Triggers an Actions menu entry; `answer` fills in its dialog (then accepted).
    EditReply triggerAndWait(MainWindow &window, MovrOperation operation,
                             const std::function<void(QDialog *)> &answer);
    // Shows this vehicle alone in the Vehicles tab, current, and so in the detail pane.
    TablePage *selectVehicle(MainWindow &window, const QString &id);

    QString m_database;
    std::unique_ptr<PgConnection> m_sql;
};

void TestEditActions::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("movr-admin-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_editactions"));
    QSettings().clear(); // no "always preview"
    MovrCounts counts;
    counts.users = 27;
    counts.vehicles = 27;
    counts.rides = 27;
    counts.histories = 9;
    counts.promoCodes = 9;
    m_database = TestServer::createMovrDatabase(QStringLiteral("actions"), counts, 5);
    m_sql = TestServer::connect(m_database);
    QVERIFY(m_sql
                ->execScript(QStringLiteral("DROP ROLE IF EXISTS support_ro;"
                                            "CREATE ROLE support_ro LOGIN PASSWORD 'ro';"
                                            "GRANT SELECT ON ALL TABLES IN SCHEMA public TO "
                                            "support_ro;"))
                .hasValue());
}

std::unique_ptr<MainWindow> TestEditActions::openWindow(const ConnectionSettings &settings)
{
    auto window = std::make_unique<MainWindow>();
    window->show();
    QSignalSpy privileges(window->editController(), &EditController::privilegesLoaded);
    window->connectTo(settings);
    if (!privileges.wait(20000))
        qFatal("privileges were not loaded");
    return window;
}

QString TestEditActions::value(const QString &sql, const SqlParams &params)
{
    auto result = m_sql->exec(sql, params);
    if (!result)
        qFatal("%s", qPrintable(result.error().toString()));
    return result->rowCount() ? result->text(0, 0) : QString();
}

EditReply TestEditActions::runAndWait(MainWindow &window, const TransactionBody &body)
{
    QSignalSpy finished(window.editController(), &EditController::editFinished);
    const quint64 id = window.editController()->submit(body);
    if (id == 0 || !finished.wait(30000))
        qFatal("the edit did not finish");
    const auto reply = finished.first().first().value<EditReply>();
    if (reply.actionId != id)
        qFatal("another edit finished");
    return reply;
}

EditReply TestEditActions::triggerAndWait(MainWindow &window, MovrOperation operation,
                                          const std::function<void(QDialog *)> &answer)
{
    QSignalSpy finished(window.editController(), &EditController::editFinished);
    bool accepted = false;
    QTimer poll; // the dialog runs its own event loop: answer it from there
    poll.setInterval(50);
    connect(&poll, &QTimer::timeout, this, [&] {
        auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        poll.stop();
        answer(dialog);
        dialog->accept();
        accepted = !dialog->isVisible();
        if (!accepted)
            dialog->reject(); // refused by its validation
    });
    poll.start();
    window.editController()->action(operation)->trigger();
    if (!accepted || (finished.isEmpty() && !finished.wait(30000)))
        qFatal("the action's dialog was not accepted, or the edit did not finish");
    return finished.first().first().value<EditReply>();
}

TablePage *TestEditActions::selectVehicle(MainWindow &window, const QString &id)
{
    window.selectTable(BrowseTable::Vehicles);
    TablePage *vehicles = window.currentPage();
    vehicles->searchField()->setText(id);
    QTest::keyClick(vehicles->searchField(), Qt::Key_Return);
    if (!QTest::qWaitFor([&] { return vehicles->model()->rowCount() == 1; }, 20000))
        qFatal("the vehicle was not found");
    vehicles->view()->setCurrentIndex(vehicles->model()->index(0, 1));
    return vehicles;
}

void TestEditActions::readOnlyRoleGetsDisabledActions()
{
    ConnectionSettings settings = TestServer::settings(m_database);
    settings.setValue(QStringLiteral("user"), QStringLiteral("support_ro"));
    settings.setValue(QStringLiteral("password"), QStringLiteral("ro"));
    auto window = openWindow(settings);
    EditController *edits = window->editController();
    QVERIFY(edits->privileges().isReadOnly());
    for (MovrOperation operation :
         {MovrOperation::StartRide, MovrOperation::EndRide, MovrOperation::AddVehicle,
          MovrOperation::SetVehicleStatus, MovrOperation::AddUser, MovrOperation::DeleteUser,
          MovrOperation::CreatePromoCode}) {
        QAction *action = edits->action(operation);
        QVERIFY(!action->isEnabled());
        QVERIFY2(action->toolTip().contains(QLatin1String("support_ro")),
                 qPrintable(action->toolTip()));
    }
    QVERIFY(edits->action(MovrOperation::StartRide)
                ->toolTip()
                .contains(QLatin1String("UPDATE on vehicles")));
    QVERIFY(edits->action(MovrOperation::DeleteUser)
                ->toolTip()
                .contains(QLatin1String("DELETE on users")));
    // Nothing but the privilege read was attempted on the edit connection.
    const QList<TraceEntry> traced = window->sqlPanel()->traceModel()->allEntries();
    QVERIFY(std::none_of(traced.begin(), traced.end(), [](const TraceEntry &e) {
        return e.sql.startsWith(QLatin1String("INSERT")) ||
               e.sql.startsWith(QLatin1String("UPDATE")) || e.sql.startsWith(QLatin1String("WITH"));
    }));
}

void TestEditActions::committedEditShowsInPanelAndStatus()
{
    auto window = openWindow(TestServer::settings(m_database));
    QVERIFY(window->editController()->action(MovrOperation::AddUser)->isEnabled());
    AddUserInput input;
    input.city = QStringLiteral("boston");
    input.name = QStringLiteral("Grace O'Hopper");
    input.address = QStringLiteral("1 Compiler Way");
    const EditReply reply = runAndWait(*window, *Operations::addUser(input));
    QVERIFY(reply.outcome.committed());
    QVERIFY(reply.outcome.results.isEmpty()); // no raw libpq results on the GUI thread
    QCOMPARE(value(QStringLiteral("SELECT name FROM users WHERE id = $1"), {input.id}), input.name);
    QVERIFY2(window->statusBar()->currentMessage().contains(QLatin1String("done")),
             qPrintable(window->statusBar()->currentMessage()));
    QList<TraceEntry> traced = window->sqlPanel()->traceModel()->allEntries();
    QVERIFY(std::any_of(traced.begin(), traced.end(), [&](const TraceEntry &e) {
        return e.actionId == reply.actionId && e.params.contains(SqlValue(input.name));
    }));
    // Reads and edits share one id space: no group in the panel mixes two actions.
    QTRY_VERIFY_WITH_TIMEOUT(std::ranges::any_of(window->sqlPanel()->traceModel()->allEntries(),
                                                 [](const TraceEntry &e) { return e.isRead; }),
                             20000);
    traced = window->sqlPanel()->traceModel()->allEntries();
    QHash<quint64, QString> names;
    for (const TraceEntry &entry : traced) {
        QVERIFY2(!names.contains(entry.actionId) || names.value(entry.actionId) == entry.action,
                 qPrintable(entry.action + QStringLiteral(" / ") + names.value(entry.actionId)));
        names.insert(entry.actionId, entry.action);
    }
    QVERIFY(names.size() >= 3); // privileges, at least one browse read, the edit
}

void TestEditActions::injectedRetryIsRetriedAndShown()
{
    auto window = openWindow(TestServer::settings(m_database));
    window->editController()->injectAction()->setChecked(true);
    AddUserInput input;
    input.city = QStringLiteral("rome");
    input.name = QStringLiteral("Retry Tester");
    input.address = QStringLiteral("Via Roma 1");
    const EditReply reply = runAndWait(*window, *Operations::addUser(input));
    QVERIFY(reply.outcome.committed());
    QCOMPARE(reply.outcome.attempts, 2);
    QCOMPARE(value(QStringLiteral("SELECT count(*) FROM users WHERE id = $1"), {input.id}),
             QStringLiteral("1"));
    const QList<TraceEntry> traced = window->sqlPanel()->traceModel()->allEntries();
    QVERIFY(std::any_of(traced.begin(), traced.end(), [&](const TraceEntry &e) {
        return e.actionId == reply.actionId && e.injected && e.sqlState == u"40001";
    }));
    QVERIFY(std::any_of(traced.begin(), traced.end(), [&](const TraceEntry &e) {
        return e.actionId == reply.actionId && e.attempt == 2 &&
               e.retryCause.contains(QLatin1String("40001"));
    }));
    QVERIFY(window->statusBar()->currentMessage().contains(QLatin1String("after 2 attempts")));
}

void TestEditActions::refusedPreconditionNamesTheCause()
{
    auto window = openWindow(TestServer::settings(m_database));
    auto vehicle = m_sql->exec(
        QStringLiteral("UPDATE vehicles SET status = 'in_use' WHERE id = (SELECT id FROM "
                       "vehicles ORDER BY id LIMIT 1) RETURNING city, id::text"));
    QVERIFY(vehicle.hasValue());
    const QString city = vehicle->text(0, 0);
    StartRideInput input;
    input.city = city;
    input.vehicleId = vehicle->text(0, 1);
    input.riderId = value(QStringLiteral("SELECT id FROM users WHERE city = $1 LIMIT 1"), {city});
    const QString ridesBefore = value(QStringLiteral("SELECT count(*) FROM rides"));
    const EditReply reply = runAndWait(*window, *Operations::startRide(input));
    QVERIFY(!reply.outcome.committed());
    QVERIFY(reply.outcome.error.has_value());
    QVERIFY2(window->statusBar()->currentMessage().contains(QLatin1String("in use")),
             qPrintable(window->statusBar()->currentMessage()));
    QVERIFY(window->statusBar()->currentMessage().contains(QLatin1String("nothing was changed")));
    QCOMPARE(value(QStringLiteral("SELECT count(*) FROM rides")), ridesBefore);
}

void TestEditActions::actionOpensDialogAndApplies()
{
    auto window = openWindow(TestServer::settings(m_database));
    QSignalSpy finished(window->editController(), &EditController::editFinished);
    const QString name = QStringLiteral("Dialog Driven");
    QTimer::singleShot(200, this, [name] {
        QWidget *modal = QApplication::activeModalWidget();
        QVERIFY(modal);
        modal->findChild<QLineEdit *>(QStringLiteral("name"))->setText(name);
        modal->findChild<QLineEdit *>(QStringLiteral("address"))
            ->setText(QStringLiteral("2 Form St"));
        qobject_cast<QDialog *>(modal)->accept();
    });
    window->editController()->action(MovrOperation::AddUser)->trigger();
    QVERIFY(finished.wait(30000));
    QVERIFY(finished.first().first().value<EditReply>().outcome.committed());
    QCOMPARE(value(QStringLiteral("SELECT count(*) FROM users WHERE name = $1"), {name}),
             QStringLiteral("1"));
}

// Set vehicle status while the pane shows the vehicle, then while it shows the vehicle's
// owner (one of whose vehicles it is): the pane follows each commit without the row being
// selected again, and Back returns to the vehicle with its new status.
void TestEditActions::detailPaneFollowsCommittedEdits()
{
    auto vehicle = m_sql->exec(QStringLiteral(
        "UPDATE vehicles SET status = 'in_use' WHERE (city, id) = (SELECT v.city, v.id FROM "
        "vehicles v WHERE v.status <> 'retired' AND v.owner_id IS NOT NULL AND NOT EXISTS "
        "(SELECT 1 FROM rides r WHERE r.vehicle_city = v.city AND r.vehicle_id = v.id AND "
        "r.end_time IS NULL) ORDER BY v.id DESC LIMIT 1) RETURNING city, id::text"));
    QVERIFY(vehicle && vehicle->rowCount() == 1);
    const KeyValues key{vehicle->text(0, 0), vehicle->text(0, 1)};
    const int status = TableSpec::of(BrowseTable::Vehicles).columnIndex(QStringLiteral("status"));
    auto window = openWindow(TestServer::settings(m_database));
    selectVehicle(*window, vehicle->text(0, 1));
    DetailPane *detail = window->detailPane();
    QCOMPARE(detail->entityTable(), BrowseTable::Vehicles);
    QCOMPARE(detail->fieldLabel(QStringLiteral("status"))->text(), QStringLiteral("in use"));
    QSignalSpy shown(detail, &DetailPane::entityShown);

    auto setStatus = [](const QString &status) {
        return [status](QDialog *dialog) {
            dialog->findChild<QComboBox *>(QStringLiteral("status"))->setCurrentText(status);
        };
    };
    EditReply reply = triggerAndWait(*window, MovrOperation::SetVehicleStatus,
                                     setStatus(QStringLiteral("available")));
    QVERIFY2(reply.outcome.committed(), qPrintable(EditController::describe(reply)));
    QTRY_COMPARE_WITH_TIMEOUT(detail->fieldLabel(QStringLiteral("status"))->text(),
                              QStringLiteral("available"), 20000);
    QCOMPARE(detail->entityRow().text(status), QStringLiteral("available"));
    QCOMPARE(shown.count(), 0); // the same entity, refreshed in place

    // The owner, reached through the link; the vehicle is among their vehicles.
    QTRY_COMPARE(detail->sectionModel(QStringLiteral("Owner"))->rowCount(), 1);
    detail->followLink(QStringLiteral("Owner"), 0);
    QCOMPARE(detail->entityTable(), BrowseTable::Users);
    BrowseTableModel *owned = detail->sectionModel(QStringLiteral("Vehicles"));
    QVERIFY(owned);
    QTRY_VERIFY_WITH_TIMEOUT(owned->rowForKey(key) >= 0, 20000);
    QCOMPARE(owned->cellText(owned->rowForKey(key), status), QStringLiteral("available"));
    reply =
        triggerAndWait(*window, MovrOperation::SetVehicleStatus, setStatus(QStringLiteral("lost")));
    QVERIFY2(reply.outcome.committed(), qPrintable(EditController::describe(reply)));
    QTRY_COMPARE_WITH_TIMEOUT(
        owned->rowForKey(key) >= 0 ? owned->cellText(owned->rowForKey(key), status) : QString(),
        QStringLiteral("lost"), 20000);
    QCOMPARE(detail->sectionModel(QStringLiteral("Vehicles")), owned); // updated in place
    QCOMPARE(detail->entityTable(), BrowseTable::Users);

    // Back: the vehicle, as it is now (not as it was when the link was followed).
    detail->back();
    QCOMPARE(detail->entityTable(), BrowseTable::Vehicles);
    QTRY_COMPARE_WITH_TIMEOUT(detail->fieldLabel(QStringLiteral("status"))->text(),
                              QStringLiteral("lost"), 20000);
    QCOMPARE(
        value(QStringLiteral("SELECT status FROM vehicles WHERE id = $1"), {vehicle->text(0, 1)}),
        QStringLiteral("lost"));
}

// End ride, with the ride's vehicle in the pane (the ride among its Rides): the vehicle's
// status and the ride's end time follow, though the edit named only the ride (typed in
// upper case).
void TestEditActions::endingARideRefreshesTheVehicleShown()
{
    auto ride = m_sql->exec(QStringLiteral(
        "WITH picked AS (SELECT r.city, r.id, r.vehicle_id FROM rides r JOIN vehicles v ON "
        "v.city = r.vehicle_city AND v.id = r.vehicle_id WHERE r.city = r.vehicle_city AND "
        "v.status <> 'retired' ORDER BY r.id LIMIT 1), "
        "ride AS (UPDATE rides SET end_time = NULL, end_address = NULL FROM picked WHERE "
        "rides.city = picked.city AND rides.id = picked.id RETURNING rides.id), "
        "vehicle AS (UPDATE vehicles SET status = 'in_use' FROM picked WHERE vehicles.city = "
        "picked.city AND vehicles.id = picked.vehicle_id RETURNING vehicles.id) "
        "SELECT city, id::text, vehicle_id::text FROM picked"));
    QVERIFY(ride && ride->rowCount() == 1);
    const QString city = ride->text(0, 0);
    const QString rideId = ride->text(0, 1);
    const KeyValues rideKey{city, rideId};
    auto window = openWindow(TestServer::settings(m_database));
    selectVehicle(*window, ride->text(0, 2));
    DetailPane *detail = window->detailPane();
    QCOMPARE(detail->fieldLabel(QStringLiteral("status"))->text(), QStringLiteral("in use"));
    BrowseTableModel *rides = detail->sectionModel(QStringLiteral("Rides"));
    QVERIFY(rides);
    QTRY_VERIFY_WITH_TIMEOUT(rides->rowForKey(rideKey) >= 0, 20000);
    const int endTime = TableSpec::of(BrowseTable::Rides).columnIndex(QStringLiteral("end_time"));
    QVERIFY(rides->rowAt(rides->rowForKey(rideKey)).isNull(endTime));
    QSignalSpy shown(detail, &DetailPane::entityShown);

    const EditReply reply = triggerAndWait(*window, MovrOperation::EndRide, [&](QDialog *dialog) {
        dialog->findChild<QComboBox *>(QStringLiteral("city"))->setCurrentText(city);
        dialog->findChild<QLineEdit *>(QStringLiteral("rideId"))->setText(rideId.toUpper());
        dialog->findChild<QLineEdit *>(QStringLiteral("revenue"))->setText(QStringLiteral("4.20"));
    });
    QVERIFY2(reply.outcome.committed(), qPrintable(EditController::describe(reply)));
    QTRY_COMPARE_WITH_TIMEOUT(detail->fieldLabel(QStringLiteral("status"))->text(),
                              QStringLiteral("available"), 20000);
    QCOMPARE(detail->sectionModel(QStringLiteral("Rides")), rides); // updated in place
    QTRY_VERIFY_WITH_TIMEOUT(rides->rowForKey(rideKey) >= 0 &&
                                 !rides->rowAt(rides->rowForKey(rideKey)).isNull(endTime),
                             20000);
    QCOMPARE(shown.count(), 0);
}

void TestEditActions::windowStateIsRestored()
{
    QSize saved;
    {
        MainWindow window;
        window.show();
        window.resize(1333, 777); // at least the window's minimum width
        saved = window.size();
        window.selectTable(BrowseTable::Rides);
        window.tablePage(BrowseTable::Rides)->view()->horizontalHeader()->resizeSection(2, 321);
        window.sqlPanel()->show();
        QVERIFY(window.close()); // nothing pending: closes, and saves
    }
    MainWindow again;
    QCOMPARE(again.currentPage()->table(), BrowseTable::Rides);
    QCOMPARE(again.size(), saved);
    QCOMPARE(saved.height(), 777);
    QCOMPARE(again.tablePage(BrowseTable::Rides)->view()->horizontalHeader()->sectionSize(2), 321);
    again.show();
    QVERIFY(again.sqlPanel()->isVisible());
}

void TestEditActions::welcomeOffersDemoAndCluster()
{
    MainWindow window;
    window.show();
    window.showWelcome();
    auto *welcome = window.findChild<WelcomePage *>();
    QVERIFY(welcome);
    QVERIFY(welcome->isVisible());
    // Nothing to show in the docks before a connection: hidden, back once connecting.
    auto *details = window.findChild<QDockWidget *>(QStringLiteral("detailDock"));
    QVERIFY(details);
    QVERIFY(!details->isVisible());
    QVERIFY(!window.sqlPanel()->isVisible());
    QSignalSpy demo(&window, &MainWindow::demoRequested);
    welcome->findChild<QCommandLinkButton *>(QStringLiteral("startDemo"))->click();
    QCOMPARE(demo.count(), 1);
    QVERIFY(!welcome->isVisible()); // the startup message replaces it while the demo starts
    window.showWelcome();
    welcome->findChild<QCommandLinkButton *>(QStringLiteral("connectCluster"))->click();
    QTRY_VERIFY(window.findChild<ConnectionDialog *>() &&
                window.findChild<ConnectionDialog *>()->isVisible());
    window.findChild<ConnectionDialog *>()->reject();
    window.connectTo(TestServer::settings());
    QVERIFY(details->isVisible());
    QVERIFY(!welcome->isVisible());
}

QTEST_MAIN(TestEditActions)
#include "tst_editactions.moc"
