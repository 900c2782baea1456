#include "ActionDialog.h"
#include "ApplyPromoCodeDialog.h"
#include "ConnectionDialog.h"
#include "DetailPane.h"
#include "EditController.h"
#include "EndRideDialog.h"
#include "MainWindow.h"
#include "PromoCodeDialog.h"
#include "RowPicker.h"
#include "SqlPanel.h"
#include "StartRideDialog.h"
#include "TablePage.h"
#include "TestServer.h"
#include "UserDialog.h"
#include "VehicleDialog.h"
#include "VehicleStatusDialog.h"
#include "WelcomePage.h"
#include "models/BrowseTableModel.h"
#include "models/TraceModel.h"
#include "movr/Operations.h"
#include "worker/EditWorker.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QCommandLinkButton>
#include <QDateTimeEdit>
#include <QDialog>
#include <QDockWidget>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTest>
#include <QToolButton>
#include <QUuid>

// The edit path through the real window: privileges decide what is enabled, edits run on
// the edit worker, the outcome shows in the status bar and the trace in the SQL panel.
class TestEditActions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void readOnlyRoleGetsDisabledActions();
    void revokedPrivilegeIsReadAgain();
    void deleteUserNeedsUpdateToLockTheRow();
    void committedEditShowsInPanelAndStatus();
    void injectedRetryIsRetriedAndShown();
    void injectedRetryAtCommitIsShown();
    void refusedPreconditionNamesTheCause();
    void actionOpensDialogAndApplies();
    void refusedAddVehicleKeepsTheDialog();
    void detailPaneFollowsCommittedEdits();
    void endingARideRefreshesTheVehicleShown();
    void startAndEndRideThroughTheMenu();
    void startRideOnAVehicleInUseIsRefused();
    void rideDialogsFindAndFillIn();
    void addVehicleThroughTheMenu();
    void retireVehicleAsksFirst();
    void deleteUserAsksFirst();
    void deleteUserWithRidesIsRefused();
    void createAndApplyPromoCodeThroughTheMenu();
    void windowStateIsRestored();
    void welcomeOffersDemoAndCluster();

private:
    std::unique_ptr<MainWindow> openWindow(const ConnectionSettings &settings);
    QString value(const QString &sql, const SqlParams &params = {});
    EditReply runAndWait(MainWindow &window, const TransactionBody &body);
    // Triggers an Actions menu entry; `answer` fills in its dialog (then accepted).
    EditReply triggerAndWait(MainWindow &window, MovrOperation operation,
                             const std::function<void(QDialog *)> &answer);
    // Triggers an Actions menu entry and waits for the window it opens (a dialog or a
    // question); null when none opened.
    QDialog *triggerAndFind(MainWindow &window, MovrOperation operation);
    // Triggers an Actions menu entry and hands the window it opens to `answer`, which closes
    // it or sends from it. False when no window opened or `answer` left it open.
    bool triggerAndAnswer(MainWindow &window, MovrOperation operation,
                          const std::function<void(QDialog *)> &answer);
    // Triggers an entry that asks first (retire, delete) and answers with `button`; the
    // question's text is returned ("" when none was asked).
    QString triggerAndConfirm(MainWindow &window, MovrOperation operation,
                              QMessageBox::StandardButton button);
    // Waits for the next edit to finish (`finished` spies on EditController::editFinished).
    static EditReply nextReply(QSignalSpy &finished);
    // Shows this vehicle alone in the Vehicles tab, current, and so in the detail pane.
    TablePage *selectVehicle(MainWindow &window, const QString &id);
    // Searches `table` for `search` and makes the row with this key the current one; null
    // when it does not show up.
    TablePage *selectRow(MainWindow &window, BrowseTable table, const QString &search,
                         const KeyValues &key);
    // An available vehicle without an active ride, in a city with users: {city, id}.
    QStringList availableVehicle();

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
    const bool accepted = triggerAndAnswer(window, operation, [&](QDialog *dialog) {
        answer(dialog);
        dialog->accept(); // refused by its validation when invalid: it stays open
    });
    if (!accepted || (finished.isEmpty() && !finished.wait(30000)))
        qFatal("the action's dialog was not accepted, or the edit did not finish");
    return finished.first().first().value<EditReply>();
}

QDialog *TestEditActions::triggerAndFind(MainWindow &window, MovrOperation operation)
{
    // The dialogs open window-modal without blocking: the action returns at once.
    QWidget *before = QApplication::activeModalWidget();
    window.editController()->action(operation)->trigger();
    QDialog *dialog = nullptr;
    (void)QTest::qWaitFor( // the caller checks the dialog
        [&] {
            QWidget *modal = QApplication::activeModalWidget();
            dialog = modal != before ? qobject_cast<QDialog *>(modal) : nullptr;
            return dialog && dialog->isVisible();
        },
        5000);
    return dialog;
}

bool TestEditActions::triggerAndAnswer(MainWindow &window, MovrOperation operation,
                                       const std::function<void(QDialog *)> &answer)
{
    QDialog *dialog = triggerAndFind(window, operation);
    if (!dialog)
        return false;
    QPointer<QDialog> guard(dialog);
    answer(dialog);
    if (!guard)
        return true;
    // Answered: closed, or sending (an action's dialog waits for the outcome).
    auto *action = qobject_cast<ActionDialog *>(dialog);
    const bool answered = !dialog->isVisible() || (action && action->isSending());
    if (!answered)
        dialog->reject();
    return answered;
}

QString TestEditActions::triggerAndConfirm(MainWindow &window, MovrOperation operation,
                                           QMessageBox::StandardButton button)
{
    QString question;
    const bool answered = triggerAndAnswer(window, operation, [&](QDialog *dialog) {
        auto *box = qobject_cast<QMessageBox *>(dialog);
        if (!box || !box->button(button))
            return; // not a question with this button: rejected
        question = box->text();
        box->button(button)->click();
    });
    return answered ? question : QString();
}

EditReply TestEditActions::nextReply(QSignalSpy &finished)
{
    if (finished.isEmpty() && !finished.wait(30000))
        qFatal("the edit did not finish");
    return finished.takeFirst().first().value<EditReply>();
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

TablePage *TestEditActions::selectRow(MainWindow &window, BrowseTable table, const QString &search,
                                      const KeyValues &key)
{
    window.selectTable(table);
    TablePage *page = window.currentPage();
    page->searchField()->setText(search);
    QTest::keyClick(page->searchField(), Qt::Key_Return);
    if (!QTest::qWaitFor([&] { return page->model()->rowForKey(key) >= 0; }, 20000))
        return nullptr;
    const int row = page->model()->rowForKey(key);
    page->view()->setCurrentIndex(page->view()->model()->index(row, 1));
    return page->currentRow() == row ? page : nullptr;
}

QStringList TestEditActions::availableVehicle()
{
    auto vehicle = m_sql->exec(
        QStringLiteral("SELECT v.city, v.id::text FROM vehicles v WHERE v.status = 'available' "
                       "AND v.current_location IS NOT NULL AND NOT EXISTS (SELECT 1 FROM rides r "
                       "WHERE r.vehicle_city = v.city AND r.vehicle_id = v.id AND "
                       "r.end_time IS NULL) AND EXISTS (SELECT 1 FROM users u WHERE u.city = "
                       "v.city) ORDER BY v.id LIMIT 1"));
    if (!vehicle || vehicle->rowCount() != 1)
        qFatal("no available vehicle left");
    return {vehicle->text(0, 0), vehicle->text(0, 1)};
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

// Delete user locks the user row (SELECT … FOR UPDATE), which needs UPDATE on users on both
// servers: without it the action is disabled and says so, instead of failing with 42501.
void TestEditActions::deleteUserNeedsUpdateToLockTheRow()
{
    QVERIFY(m_sql
                ->execScript(
                    QStringLiteral("DROP ROLE IF EXISTS support_del;"
                                   "CREATE ROLE support_del LOGIN PASSWORD 'del';"
                                   "GRANT SELECT ON ALL TABLES IN SCHEMA public TO support_del;"
                                   "GRANT DELETE ON users TO support_del;"))
                .hasValue());
    ConnectionSettings settings = TestServer::settings(m_database);
    settings.setValue(QStringLiteral("user"), QStringLiteral("support_del"));
    settings.setValue(QStringLiteral("password"), QStringLiteral("del"));
    {
        auto window = openWindow(settings);
        QAction *remove = window->editController()->action(MovrOperation::DeleteUser);
        QVERIFY(!remove->isEnabled());
        QVERIFY2(remove->toolTip().contains(QLatin1String("UPDATE on users")),
                 qPrintable(remove->toolTip()));
        QVERIFY(!remove->toolTip().contains(QLatin1String("DELETE on users")));
    }
    QVERIFY(m_sql->execScript(QStringLiteral("GRANT UPDATE ON users TO support_del")).hasValue());
    auto window = openWindow(settings);
    QVERIFY(window->editController()->action(MovrOperation::DeleteUser)->isEnabled());
}

// A privilege revoked while the window is open: the edit is refused by the server (42501),
// the window says so, reads the privileges again and disables what the user may no longer
// do, naming the privilege.
void TestEditActions::revokedPrivilegeIsReadAgain()
{
    QVERIFY(
        m_sql
            ->execScript(QStringLiteral("DROP ROLE IF EXISTS support_rw;"
                                        "CREATE ROLE support_rw LOGIN PASSWORD 'rw';"
                                        "GRANT SELECT ON ALL TABLES IN SCHEMA public TO support_rw;"
                                        "GRANT INSERT ON users TO support_rw;"))
            .hasValue());
    ConnectionSettings settings = TestServer::settings(m_database);
    settings.setValue(QStringLiteral("user"), QStringLiteral("support_rw"));
    settings.setValue(QStringLiteral("password"), QStringLiteral("rw"));
    auto window = openWindow(settings);
    EditController *edits = window->editController();
    QVERIFY(edits->action(MovrOperation::AddUser)->isEnabled());
    QVERIFY(m_sql->execScript(QStringLiteral("REVOKE INSERT ON users FROM support_rw")).hasValue());

    QSignalSpy privileges(edits, &EditController::privilegesLoaded);
    AddUserInput input;
    input.city = QStringLiteral("rome");
    input.name = QStringLiteral("Revoked Meanwhile");
    input.address = QStringLiteral("1 Via Roma");
    const EditReply reply = runAndWait(*window, *Operations::addUser(input));
    QCOMPARE(reply.outcome.state, Outcome::State::NotCommitted);
    QVERIFY(reply.outcome.error);
    QCOMPARE(reply.outcome.error->kind, ErrorClass::Permission);
    QVERIFY2(window->statusBar()->currentMessage().contains(QLatin1String("read again")),
             qPrintable(window->statusBar()->currentMessage()));
    QTRY_COMPARE_WITH_TIMEOUT(privileges.count(), 1, 20000);
    QVERIFY(!edits->action(MovrOperation::AddUser)->isEnabled());
    QVERIFY2(
        edits->action(MovrOperation::AddUser)->toolTip().contains(QLatin1String("INSERT on users")),
        qPrintable(edits->action(MovrOperation::AddUser)->toolTip()));
    QCOMPARE(value(QStringLiteral("SELECT count(*) FROM users WHERE name = $1"), {input.name}),
             QStringLiteral("0"));
    window.reset();
    QVERIFY(m_sql->execScript(QStringLiteral("DROP OWNED BY support_rw; DROP ROLE support_rw"))
                .hasValue());
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

// The second QA toggle: the commit step of the first attempt fails (PostgreSQL's stand-in
// for inject_retry_errors_on_commit_enabled); the SQL panel shows it right before COMMIT.
void TestEditActions::injectedRetryAtCommitIsShown()
{
    auto window = openWindow(TestServer::settings(m_database));
    QAction *onCommit = window->editController()->injectOnCommitAction();
    QVERIFY(onCommit->isCheckable());
    QVERIFY(onCommit->isEnabled());
    QVERIFY(window->editController()->menu()->actions().contains(onCommit));
    onCommit->setChecked(true);
    AddUserInput input;
    input.city = QStringLiteral("rome");
    input.name = QStringLiteral("Commit Retry Tester");
    input.address = QStringLiteral("Via Roma 2");
    const EditReply reply = runAndWait(*window, *Operations::addUser(input));
    QVERIFY(reply.outcome.committed());
    QCOMPARE(reply.outcome.attempts, 2);
    QList<TraceEntry> action;
    for (const TraceEntry &e : window->sqlPanel()->traceModel()->allEntries()) {
        if (e.actionId == reply.actionId)
            action.append(e);
    }
    qsizetype injected = -1;
    for (qsizetype i = 0; i < action.size(); ++i) {
        if (action.at(i).injected)
            injected = i;
    }
    QVERIFY(injected >= 0 && injected + 1 < action.size());
    QCOMPARE(action.at(injected).sqlState, QStringLiteral("40001"));
    QCOMPARE(action.at(injected + 1).sql, QStringLiteral("COMMIT"));
    QCOMPARE(value(QStringLiteral("SELECT count(*) FROM users WHERE id = $1"), {input.id}),
             QStringLiteral("1"));
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
    QPointer<QDialog> dialog = triggerAndFind(*window, MovrOperation::AddUser);
    QVERIFY(dialog);
    QCOMPARE(dialog->windowModality(), Qt::WindowModal); // open(), not exec()
    dialog->findChild<QLineEdit *>(QStringLiteral("name"))->setText(name);
    dialog->findChild<QLineEdit *>(QStringLiteral("address"))->setText(QStringLiteral("2 Form St"));
    dialog->accept();
    // Open until the edit committed; then closed.
    QVERIFY(dialog && dialog->isVisible());
    QVERIFY(finished.wait(30000));
    QVERIFY(finished.first().first().value<EditReply>().outcome.committed());
    QTRY_VERIFY(!dialog || !dialog->isVisible());
    QCOMPARE(value(QStringLiteral("SELECT count(*) FROM users WHERE name = $1"), {name}),
             QStringLiteral("1"));
}

// Add vehicle with an owner who is not a user of the vehicle's city: the server refuses, and
// the dialog stays open with everything typed, the owner marked and the reason shown; the
// city follows the owner (locked once one is chosen). Fixed, it is added and closes.
void TestEditActions::refusedAddVehicleKeepsTheDialog()
{
    auto owners = m_sql->exec(QStringLiteral(
        "SELECT a.city, b.city, b.id::text, a.id::text FROM users a JOIN users b ON a.city <> "
        "b.city ORDER BY a.id, b.id LIMIT 1"));
    QVERIFY(owners && owners->rowCount() == 1);
    const QString city = owners->text(0, 0);
    const QString otherCity = owners->text(0, 1);
    const QString strangerId = owners->text(0, 2);
    const QString ownerId = owners->text(0, 3);
    const QString location = QStringLiteral("Refusal Rd 7");
    auto window = openWindow(TestServer::settings(m_database));
    QSignalSpy finished(window->editController(), &EditController::editFinished);
    QPointer<QDialog> dialog = triggerAndFind(*window, MovrOperation::AddVehicle);
    auto *add = qobject_cast<VehicleDialog *>(dialog.data());
    QVERIFY(add);
    auto *cityBox = add->findChild<QComboBox *>(QStringLiteral("city"));
    auto *owner = add->findChild<QLineEdit *>(QStringLiteral("ownerId"));
    cityBox->setCurrentText(city);
    add->findChild<QComboBox *>(QStringLiteral("type"))->setCurrentText(QStringLiteral("bike"));
    owner->setText(strangerId);
    QVERIFY(!cityBox->isEnabled()); // locked to the owner's choice
    add->findChild<QLineEdit *>(QStringLiteral("location"))->setText(location);
    const QString id = add->addInput().id;
    add->accept();
    const EditReply refused = nextReply(finished);
    QCOMPARE(int(refused.outcome.state), int(Outcome::State::NotCommitted));
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    QCOMPARE(cityBox->currentText(), city);
    QCOMPARE(owner->text(), strangerId);
    QCOMPARE(add->findChild<QLineEdit *>(QStringLiteral("location"))->text(), location);
    QCOMPARE(add->addInput().id, id);
    const QString shown = add->messageLabel()->text();
    QVERIFY2(shown.contains(QLatin1String("the owner is not a user of %1").arg(city)) &&
                 shown.contains(otherCity),
             qPrintable(shown));
    QVERIFY(owner->property("invalidInput").toBool());
    QVERIFY(!window->findChild<QMessageBox *>(QStringLiteral("editOutcome")));
    QCOMPARE(value(QStringLiteral("SELECT count(*) FROM vehicles WHERE id = $1"), {id}),
             QStringLiteral("0"));

    // Cleared, the owner frees the city; a user of the city is accepted.
    owner->clear();
    QVERIFY(cityBox->isEnabled());
    owner->setText(ownerId);
    QVERIFY(!owner->property("invalidInput").toBool());
    add->accept();
    const EditReply added = nextReply(finished);
    QVERIFY2(added.outcome.committed(), qPrintable(EditController::describe(added)));
    QTRY_VERIFY(!dialog || !dialog->isVisible());
    QCOMPARE(
        value(QStringLiteral("SELECT owner_id::text FROM vehicles WHERE city = $1 AND id = $2"),
              {city, id}),
        ownerId);
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

// Start ride on the selected vehicle (its city and id prefilled), then end ride on the
// selected ride without an end address: the ride ends where the vehicle is.
void TestEditActions::startAndEndRideThroughTheMenu()
{
    const QStringList vehicle = availableVehicle();
    const QString city = vehicle.at(0);
    const QString vehicleId = vehicle.at(1);
    const QString rider =
        value(QStringLiteral("SELECT id FROM users WHERE city = $1 ORDER BY id LIMIT 1"), {city});
    const QString location =
        value(QStringLiteral("SELECT current_location FROM vehicles WHERE city = $1 AND id = $2"),
              {city, vehicleId});
    auto window = openWindow(TestServer::settings(m_database));
    selectVehicle(*window, vehicleId);
    QSignalSpy finished(window->editController(), &EditController::editFinished);
    QString prefilledCity;
    QString prefilledVehicle;
    QString prefilledRider = QStringLiteral("(not asked)");
    QString rideId;
    QVERIFY(triggerAndAnswer(*window, MovrOperation::StartRide, [&](QDialog *dialog) {
        auto *start = qobject_cast<StartRideDialog *>(dialog);
        if (!start)
            return;
        prefilledCity = dialog->findChild<QComboBox *>(QStringLiteral("city"))->currentText();
        prefilledVehicle = dialog->findChild<QLineEdit *>(QStringLiteral("vehicleId"))->text();
        prefilledRider = dialog->findChild<QLineEdit *>(QStringLiteral("riderId"))->text();
        dialog->findChild<QLineEdit *>(QStringLiteral("riderId"))->setText(rider);
        rideId = start->input().rideId;
        dialog->accept();
    }));
    QCOMPARE(prefilledCity, city);
    QCOMPARE(prefilledVehicle, vehicleId);
    QCOMPARE(prefilledRider, QString()); // no user selected
    EditReply reply = nextReply(finished);
    QVERIFY2(reply.outcome.committed(), qPrintable(EditController::describe(reply)));
    QCOMPARE(reply.action, QStringLiteral("Start ride"));
    QCOMPARE(value(QStringLiteral(
                       "SELECT rider_id::text || '|' || vehicle_city || '|' || vehicle_id::text || "
                       "'|' || start_address || '|' || (start_time IS NOT NULL)::text || '|' || "
                       "(end_time IS NULL)::text FROM rides WHERE city = $1 AND id = $2"),
                   {city, rideId}),
             QStringList(
                 {rider, city, vehicleId, location, QStringLiteral("true"), QStringLiteral("true")})
                 .join(QLatin1Char('|')));
    QCOMPARE(value(QStringLiteral("SELECT status FROM vehicles WHERE city = $1 AND id = $2"),
                   {city, vehicleId}),
             QStringLiteral("in_use"));
    QVERIFY2(window->statusBar()->currentMessage().contains(QLatin1String("Start ride: done")),
             qPrintable(window->statusBar()->currentMessage()));

    TablePage *rides = selectRow(*window, BrowseTable::Rides, rideId, {city, rideId});
    QVERIFY(rides);
    QString prefilledRide;
    QString prefilledAddress = QStringLiteral("(not asked)");
    QVERIFY(triggerAndAnswer(*window, MovrOperation::EndRide, [&](QDialog *dialog) {
        if (!qobject_cast<EndRideDialog *>(dialog))
            return;
        prefilledCity = dialog->findChild<QComboBox *>(QStringLiteral("city"))->currentText();
        prefilledRide = dialog->findChild<QLineEdit *>(QStringLiteral("rideId"))->text();
        prefilledAddress = dialog->findChild<QLineEdit *>(QStringLiteral("endAddress"))->text();
        dialog->findChild<QLineEdit *>(QStringLiteral("revenue"))->setText(QStringLiteral("9.75"));
        dialog->accept();
    }));
    QCOMPARE(prefilledCity, city);
    QCOMPARE(prefilledRide, rideId);
    QCOMPARE(prefilledAddress, QString()); // empty: where the vehicle is
    reply = nextReply(finished);
    QVERIFY2(reply.outcome.committed(), qPrintable(EditController::describe(reply)));
    QCOMPARE(reply.action, QStringLiteral("End ride"));
    QCOMPARE(value(QStringLiteral("SELECT revenue::text || '|' || end_address || '|' || "
                                  "(end_time >= start_time)::text FROM rides WHERE city = $1 AND "
                                  "id = $2"),
                   {city, rideId}),
             QStringLiteral("9.75|%1|true").arg(location));
    QCOMPARE(value(QStringLiteral("SELECT status FROM vehicles WHERE city = $1 AND id = $2"),
                   {city, vehicleId}),
             QStringLiteral("available"));
    // The ride's row in the table follows.
    const int endTime = TableSpec::of(BrowseTable::Rides).columnIndex(QStringLiteral("end_time"));
    QTRY_VERIFY_WITH_TIMEOUT(
        rides->model()->rowForKey({city, rideId}) >= 0 &&
            !rides->model()->rowAt(rides->model()->rowForKey({city, rideId})).isNull(endTime),
        20000);
}

// Start ride on a vehicle that is in use: the window says why, and nothing is written.
void TestEditActions::startRideOnAVehicleInUseIsRefused()
{
    const QStringList vehicle = availableVehicle();
    const QString city = vehicle.at(0);
    const QString vehicleId = vehicle.at(1);
    QVERIFY(m_sql
                ->exec(QStringLiteral(
                           "UPDATE vehicles SET status = 'in_use' WHERE city = $1 AND id = $2"),
                       {city, vehicleId})
                .hasValue());
    const QString rider =
        value(QStringLiteral("SELECT id FROM users WHERE city = $1 ORDER BY id LIMIT 1"), {city});
    const QString ridesBefore = value(QStringLiteral("SELECT count(*) FROM rides"));
    const QString promoUsageBefore =
        value(QStringLiteral("SELECT coalesce(sum(usage_count), 0) FROM user_promo_codes"));
    auto window = openWindow(TestServer::settings(m_database));
    selectVehicle(*window, vehicleId);
    QSignalSpy finished(window->editController(), &EditController::editFinished);
    QString rideId;
    QPointer<StartRideDialog> start;
    QVERIFY(triggerAndAnswer(*window, MovrOperation::StartRide, [&](QDialog *dialog) {
        start = qobject_cast<StartRideDialog *>(dialog);
        if (!start)
            return;
        dialog->findChild<QLineEdit *>(QStringLiteral("riderId"))->setText(rider);
        rideId = start->input().rideId;
        dialog->accept(); // the dialog cannot know: the server decides
    }));
    const EditReply reply = nextReply(finished);
    QVERIFY(!reply.outcome.committed());
    QCOMPARE(int(reply.outcome.state), int(Outcome::State::NotCommitted));
    // The dialog stays open with what was typed, the reason, and the vehicle marked.
    QVERIFY(start && start->isVisible());
    QCOMPARE(start->windowTitle(), QStringLiteral("Start ride"));
    const QString text = start->messageLabel()->text();
    QVERIFY2(text.contains(QLatin1String("the vehicle is in use")), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("nothing was changed")), qPrintable(text));
    QCOMPARE(start->findChild<QLineEdit *>(QStringLiteral("riderId"))->text(), rider);
    QVERIFY(start->findChild<QLineEdit *>(QStringLiteral("vehicleId"))
                ->property("invalidInput")
                .toBool());
    QCOMPARE(start->input().rideId, rideId); // the same id if sent again
    QVERIFY(!window->findChild<QMessageBox *>(QStringLiteral("editOutcome")));
    QVERIFY2(window->statusBar()->currentMessage().contains(QLatin1String("in use")),
             qPrintable(window->statusBar()->currentMessage()));
    QCOMPARE(value(QStringLiteral("SELECT count(*) FROM rides")), ridesBefore);
    QCOMPARE(value(QStringLiteral("SELECT count(*) FROM rides WHERE id = $1"), {rideId}),
             QStringLiteral("0"));
    QCOMPARE(value(QStringLiteral("SELECT coalesce(sum(usage_count), 0) FROM user_promo_codes")),
             promoUsageBefore);
    QCOMPARE(value(QStringLiteral("SELECT status FROM vehicles WHERE city = $1 AND id = $2"),
                   {city, vehicleId}),
             QStringLiteral("in_use"));
    start->reject();
}

// Start ride takes the rider's name, found with "Find…" (a search on the browse
// worker); End ride opens on the ride the details pane shows, though the table shows
// vehicles.
void TestEditActions::rideDialogsFindAndFillIn()
{
    const QStringList vehicle = availableVehicle();
    const QString city = vehicle.at(0);
    const QString vehicleId = vehicle.at(1);
    auto named = m_sql->exec(
        QStringLiteral("SELECT id::text, name FROM users u WHERE city = $1 AND NOT EXISTS (SELECT "
                       "1 FROM users o WHERE o.city = u.city AND o.name ILIKE '%' || u.name || "
                       "'%' AND o.id <> u.id) ORDER BY id LIMIT 1"),
        {city});
    QVERIFY(named && named->rowCount() == 1);
    const QString rider = named->text(0, 0);
    const QString riderName = named->text(0, 1);
    auto window = openWindow(TestServer::settings(m_database));
    selectVehicle(*window, vehicleId);
    QSignalSpy finished(window->editController(), &EditController::editFinished);
    QPointer<QDialog> opened = triggerAndFind(*window, MovrOperation::StartRide);
    auto *start = qobject_cast<StartRideDialog *>(opened.data());
    QVERIFY(start);
    auto *riderField = start->findChild<QLineEdit *>(QStringLiteral("riderId"));
    riderField->setText(riderName);
    QVERIFY2(start->problem().contains(QStringLiteral("Find…")), qPrintable(start->problem()));
    start->findChild<QToolButton *>(QStringLiteral("riderIdFind"))->click();
    QPointer<RowPicker> picker = start->openPicker();
    QVERIFY(picker);
    QTRY_VERIFY_WITH_TIMEOUT(picker->isVisible() && picker->model()->atEnd() &&
                                 picker->model()->filter().search == riderName &&
                                 picker->model()->rowCount() == 1,
                             20000);
    picker->choose(0);
    QCOMPARE(riderField->text(), rider);
    QVERIFY2(start->problem().isEmpty(), qPrintable(start->problem()));
    const QString rideId = start->input().rideId;
    start->accept();
    EditReply reply = nextReply(finished);
    QVERIFY2(reply.outcome.committed(), qPrintable(EditController::describe(reply)));
    QTRY_VERIFY(!opened || !opened->isVisible());

    // The new ride among the vehicle's rides in the pane; followed, the pane shows it.
    DetailPane *detail = window->detailPane();
    BrowseTableModel *rides = detail->sectionModel(QStringLiteral("Rides"));
    QVERIFY(rides);
    QTRY_VERIFY_WITH_TIMEOUT(rides->rowForKey({city, rideId}) >= 0, 20000);
    detail->followLink(QStringLiteral("Rides"), rides->rowForKey({city, rideId}));
    QCOMPARE(detail->entityTable(), BrowseTable::Rides);
    QCOMPARE(window->currentPage()->table(), BrowseTable::Vehicles);
    const EditReply ended = triggerAndWait(*window, MovrOperation::EndRide, [&](QDialog *dialog) {
        QCOMPARE(dialog->findChild<QLineEdit *>(QStringLiteral("rideId"))->text(), rideId);
        QCOMPARE(dialog->findChild<QComboBox *>(QStringLiteral("city"))->currentText(), city);
        dialog->findChild<QLineEdit *>(QStringLiteral("revenue"))->setText(QStringLiteral("3.50"));
    });
    QVERIFY2(ended.outcome.committed(), qPrintable(EditController::describe(ended)));
    QCOMPARE(value(QStringLiteral("SELECT revenue::text FROM rides WHERE city = $1 AND id = $2"),
                   {city, rideId}),
             QStringLiteral("3.50"));
}

void TestEditActions::addVehicleThroughTheMenu()
{
    const QString city = value(QStringLiteral("SELECT city FROM users ORDER BY id LIMIT 1"));
    const QString owner =
        value(QStringLiteral("SELECT id FROM users WHERE city = $1 ORDER BY id LIMIT 1"), {city});
    const QString location =
        QStringLiteral("Pike Pl 1, \"Market\" \\; DROP TABLE vehicles; -- Zoë 日本 🚲");
    auto window = openWindow(TestServer::settings(m_database));
    QSignalSpy finished(window->editController(), &EditController::editFinished);
    QString id;
    QVERIFY(triggerAndAnswer(*window, MovrOperation::AddVehicle, [&](QDialog *dialog) {
        auto *add = qobject_cast<VehicleDialog *>(dialog);
        if (!add)
            return;
        dialog->findChild<QComboBox *>(QStringLiteral("city"))->setCurrentText(city);
        dialog->findChild<QComboBox *>(QStringLiteral("type"))
            ->setCurrentText(QStringLiteral("scooter"));
        dialog->findChild<QLineEdit *>(QStringLiteral("ownerId"))->setText(owner.toUpper());
        dialog->findChild<QComboBox *>(QStringLiteral("status"))
            ->setCurrentText(QStringLiteral("lost"));
        dialog->findChild<QLineEdit *>(QStringLiteral("location"))->setText(location);
        auto *color = dialog->findChild<QComboBox *>(QStringLiteral("color"));
        color->setCurrentIndex(color->findData(QStringLiteral("black")));
        id = add->addInput().id;
        dialog->accept();
    }));
    const EditReply reply = nextReply(finished);
    QVERIFY2(reply.outcome.committed(), qPrintable(EditController::describe(reply)));
    QCOMPARE(reply.action, QStringLiteral("Add vehicle"));
    QCOMPARE(value(QStringLiteral(
                       "SELECT city || '|' || type || '|' || owner_id::text || '|' || status || "
                       "'|' || current_location || '|' || (ext->>'color') || '|' || "
                       "(ext ? 'brand')::text FROM vehicles WHERE id = $1"),
                   {id}),
             QStringList({city, QStringLiteral("scooter"), owner, QStringLiteral("lost"), location,
                          QStringLiteral("black"), QStringLiteral("false")})
                 .join(QLatin1Char('|')));
}

// Retire asks first: No sends nothing; Yes retires the vehicle, which stays in the table.
void TestEditActions::retireVehicleAsksFirst()
{
    const QStringList vehicle = availableVehicle();
    const QString city = vehicle.at(0);
    const QString id = vehicle.at(1);
    auto window = openWindow(TestServer::settings(m_database));
    TablePage *vehicles = selectVehicle(*window, id);
    window->statusBar()->clearMessage();
    QSignalSpy finished(window->editController(), &EditController::editFinished);
    QString question = triggerAndConfirm(*window, MovrOperation::RetireVehicle, QMessageBox::No);
    QVERIFY2(question.contains(id) && question.contains(city), qPrintable(question));
    // Nothing was sent (sending shows "Retire vehicle…" at once).
    QVERIFY2(window->statusBar()->currentMessage().isEmpty(),
             qPrintable(window->statusBar()->currentMessage()));
    QVERIFY(finished.isEmpty());

    question = triggerAndConfirm(*window, MovrOperation::RetireVehicle, QMessageBox::Yes);
    QVERIFY2(question.contains(id), qPrintable(question));
    const EditReply reply = nextReply(finished);
    QVERIFY2(reply.outcome.committed(), qPrintable(EditController::describe(reply)));
    QCOMPARE(reply.action, QStringLiteral("Retire vehicle"));
    QCOMPARE(value(QStringLiteral("SELECT status FROM vehicles WHERE city = $1 AND id = $2"),
                   {city, id}),
             QStringLiteral("retired"));
    const int status = TableSpec::of(BrowseTable::Vehicles).columnIndex(QStringLiteral("status"));
    const KeyValues key{city, id};
    QTRY_COMPARE_WITH_TIMEOUT(
        vehicles->model()->rowForKey(key) >= 0
            ? vehicles->model()->cellText(vehicles->model()->rowForKey(key), status)
            : QString(),
        QStringLiteral("retired"), 20000);
    QVERIFY(finished.isEmpty()); // one edit for two questions
}

void TestEditActions::deleteUserAsksFirst()
{
    const QString city = QStringLiteral("rome");
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString name = QStringLiteral("Dee O'Lete-Zoë");
    QVERIFY(m_sql
                ->exec(QStringLiteral("INSERT INTO users (id, city, name, address) VALUES ($1, $2, "
                                      "$3, 'Via Appia 1')"),
                       {id, city, name})
                .hasValue());
    auto window = openWindow(TestServer::settings(m_database));
    const KeyValues key{city, id};
    TablePage *users = selectRow(*window, BrowseTable::Users, name, key);
    QVERIFY(users);
    QSignalSpy finished(window->editController(), &EditController::editFinished);
    const QString question =
        triggerAndConfirm(*window, MovrOperation::DeleteUser, QMessageBox::Yes);
    QVERIFY2(question.contains(name) && question.contains(id) && question.contains(city),
             qPrintable(question));
    const EditReply reply = nextReply(finished);
    QVERIFY2(reply.outcome.committed(), qPrintable(EditController::describe(reply)));
    QCOMPARE(reply.action, QStringLiteral("Delete user"));
    QCOMPARE(value(QStringLiteral("SELECT count(*) FROM users WHERE id = $1"), {id}),
             QStringLiteral("0"));
    QTRY_VERIFY_WITH_TIMEOUT(users->model()->rowForKey(key) < 0, 20000); // gone from the table
}

// A user whom rides refer to is not deleted: the window names what refers to them.
void TestEditActions::deleteUserWithRidesIsRefused()
{
    auto user = m_sql->exec(QStringLiteral(
        "SELECT u.city, u.id::text, u.name FROM users u WHERE EXISTS (SELECT 1 FROM rides r "
        "WHERE r.city = u.city AND r.rider_id = u.id) ORDER BY u.id LIMIT 1"));
    QVERIFY(user && user->rowCount() == 1);
    const KeyValues key{user->text(0, 0), user->text(0, 1)};
    auto window = openWindow(TestServer::settings(m_database));
    QVERIFY(selectRow(*window, BrowseTable::Users, user->text(0, 2), key));
    QSignalSpy finished(window->editController(), &EditController::editFinished);
    QVERIFY(!triggerAndConfirm(*window, MovrOperation::DeleteUser, QMessageBox::Yes).isEmpty());
    const EditReply reply = nextReply(finished);
    QVERIFY(!reply.outcome.committed());
    QMessageBox *box = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT(
        (box = window->findChild<QMessageBox *>(QStringLiteral("editOutcome"))) && box->isVisible(),
        20000);
    QVERIFY2(box->text().contains(QLatin1String("the user still has")) &&
                 box->text().contains(QLatin1String("ride")),
             qPrintable(box->text()));
    QCOMPARE(value(QStringLiteral("SELECT count(*) FROM users WHERE city = $1 AND id = $2"),
                   {*key.at(0), *key.at(1)}),
             QStringLiteral("1"));
    box->close();
}

void TestEditActions::createAndApplyPromoCodeThroughTheMenu()
{
    const QString code = QStringLiteral("e2e_spring-free_42");
    const QString description =
        QStringLiteral("It's \"free\";\nDROP TABLE promo_codes; --\n\tZoë 日本 🚲");
    auto window = openWindow(TestServer::settings(m_database));
    QSignalSpy finished(window->editController(), &EditController::editFinished);
    QVERIFY(triggerAndAnswer(*window, MovrOperation::CreatePromoCode, [&](QDialog *dialog) {
        if (!qobject_cast<PromoCodeDialog *>(dialog))
            return;
        dialog->findChild<QLineEdit *>(QStringLiteral("code"))->setText(code);
        dialog->findChild<QPlainTextEdit *>(QStringLiteral("description"))
            ->setPlainText(description);
        dialog->findChild<QCheckBox *>(QStringLiteral("expires"))->setChecked(true);
        dialog->findChild<QDateTimeEdit *>(QStringLiteral("expiration"))
            ->setDateTime(QDateTime::currentDateTimeUtc().addDays(7));
        dialog->findChild<QPlainTextEdit *>(QStringLiteral("rules"))
            ->setPlainText(QStringLiteral("{\"type\": \"free_ride\", \"rides\": 2}"));
        dialog->accept();
    }));
    EditReply reply = nextReply(finished);
    QVERIFY2(reply.outcome.committed(), qPrintable(EditController::describe(reply)));
    QCOMPARE(reply.action, QStringLiteral("Create promo code"));
    QCOMPARE(value(QStringLiteral("SELECT description FROM promo_codes WHERE code = $1"), {code}),
             description);
    QCOMPARE(value(QStringLiteral(
                       "SELECT (expiration_time > now() + interval '6 days' AND expiration_time < "
                       "now() + interval '8 days')::text || '|' || (rules->>'type') || '|' || "
                       "(rules->>'rides') FROM promo_codes WHERE code = $1"),
                   {code}),
             QStringLiteral("true|free_ride|2"));

    // Applied to the selected user (city and id prefilled).
    auto user = m_sql->exec(
        QStringLiteral("SELECT city, id::text, name FROM users ORDER BY id DESC LIMIT 1"));
    QVERIFY(user && user->rowCount() == 1);
    const KeyValues key{user->text(0, 0), user->text(0, 1)};
    QVERIFY(selectRow(*window, BrowseTable::Users, user->text(0, 2), key));
    const auto apply = [&](QString *city, QString *userId) {
        return triggerAndAnswer(*window, MovrOperation::ApplyPromoCode, [=](QDialog *dialog) {
            if (!qobject_cast<ApplyPromoCodeDialog *>(dialog))
                return;
            *city = dialog->findChild<QComboBox *>(QStringLiteral("city"))->currentText();
            *userId = dialog->findChild<QLineEdit *>(QStringLiteral("userId"))->text();
            dialog->findChild<QLineEdit *>(QStringLiteral("code"))->setText(code);
            dialog->accept();
        });
    };
    QString prefilledCity;
    QString prefilledUser;
    QVERIFY(apply(&prefilledCity, &prefilledUser));
    QCOMPARE(prefilledCity, *key.at(0));
    QCOMPARE(prefilledUser, *key.at(1));
    reply = nextReply(finished);
    QVERIFY2(reply.outcome.committed(), qPrintable(EditController::describe(reply)));
    QCOMPARE(reply.action, QStringLiteral("Apply promo code"));
    const QString applied = QStringLiteral(
        "SELECT count(*) FROM user_promo_codes WHERE city = $1 AND user_id = $2 AND code = $3 "
        "AND usage_count = 0 AND \"timestamp\" IS NOT NULL");
    QCOMPARE(value(applied, {*key.at(0), *key.at(1), code}), QStringLiteral("1"));

    // Again: refused as a duplicate, said in the dialog, which stays open; still one.
    QVERIFY(apply(&prefilledCity, &prefilledUser));
    reply = nextReply(finished);
    QVERIFY(!reply.outcome.committed());
    auto *again = qobject_cast<ApplyPromoCodeDialog *>(QApplication::activeModalWidget());
    QVERIFY(again && again->isVisible());
    QVERIFY2(again->messageLabel()->text().contains(
                 QLatin1String("the user already has this promo code")),
             qPrintable(again->messageLabel()->text()));
    QCOMPARE(again->findChild<QLineEdit *>(QStringLiteral("code"))->text(), code);
    QCOMPARE(value(QStringLiteral("SELECT count(*) FROM user_promo_codes WHERE code = $1"), {code}),
             QStringLiteral("1"));
    again->reject();
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
