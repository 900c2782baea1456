// Live updates in the real window (issue 13), offscreen, on a PostgreSQL with logical
// decoding: a second session changes rows and the tables, the details pane and the status bar
// follow by themselves (no F5); pending edits are not overwritten; the live connection killed
// and resynced; pause; the fallback to polling for a role without REPLICATION; the new rows
// bar; the app's own refused edit shows the database's value.

#include "ConflictDialog.h"
#include "ConnectionSession.h"
#include "ConnectionStatusBar.h"
#include "DetailPane.h"
#include "EditController.h"
#include "LiveController.h"
#include "MainWindow.h"
#include "NewRowsBar.h"
#include "TablePage.h"
#include "TestServer.h"
#include "VisibleRowsTracker.h"
#include "models/BrowseTableModel.h"
#include "models/PendingChanges.h"
#include "movr/Operations.h"
#include "worker/EditJournal.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QUuid>

class TestLiveWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void coalescesTheLatestEventPerRow();
    void dispatchesBatchesToModelsAndDetails();
    void statusShowsLogicalDecoding();
    void endedRideFollowsInTableAndDetails();
    void vehicleSetLostIsHighlighted();
    void relationListsFollow();
    void activeOnlyLetsTheEndedRideLeave();
    void pendingEditIsNotOverwritten();
    void killedStreamResyncs();
    void pausedDoesNotFollow();
    void quickPauseLosesNothing();
    void staleRowMovedIntoViewIsRead();
    void newRowsBarShowsInserts();
    void refusedEditShowsTheDatabaseValue();
    void roleWithoutReplicationPolls();

private:
    void openWindow(const ConnectionSettings &settings);
    TablePage *page(BrowseTable table);
    // Shows `table` searched for `search`; the row whose id is `id`, or -1.
    int showRow(BrowseTable table, const QString &search, const QString &id);
    int rowOfId(TablePage *page, const QString &id);
    // The text of `column` in the row whose id is `id`; "<not loaded>" when it is not.
    QString cellOf(TablePage *page, const QString &id, int column);
    // An active ride (end_time NULL): {city, id}; made active when none is.
    QStringList activeRide();
    QString value(const QString &sql, const SqlParams &params = {});
    void exec(const QString &sql, const SqlParams &params = {});
    static int column(BrowseTable table, const char *name)
    {
        return TableSpec::of(table).columnIndex(QLatin1String(name));
    }

    QString m_database;
    std::unique_ptr<PgConnection> m_sql;
    std::unique_ptr<MainWindow> m_window;
};

void TestLiveWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("movr-admin-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_livewindow"));
    QSettings().clear();
    QFile::remove(EditJournal::defaultPath());
    MovrCounts counts;
    counts.users = 30;
    counts.vehicles = 20;
    counts.rides = 30;
    counts.histories = 10;
    counts.promoCodes = 10;
    m_database = TestServer::createMovrDatabase(QStringLiteral("live_ui"), counts, 13);
    m_sql = TestServer::connect(m_database);
    exec(QStringLiteral("DROP ROLE IF EXISTS live_viewer; "
                        "CREATE ROLE live_viewer LOGIN PASSWORD 'v' NOREPLICATION; "
                        "GRANT SELECT, UPDATE ON ALL TABLES IN SCHEMA public TO live_viewer"));
}

void TestLiveWindow::cleanup()
{
    if (m_window)
        m_window->editController()->revertPending();
    m_window.reset();
    QSettings().remove(QStringLiteral("live"));
}

void TestLiveWindow::openWindow(const ConnectionSettings &settings)
{
    m_window = std::make_unique<MainWindow>();
    m_window->show();
    QSignalSpy privileges(m_window->editController(), &EditController::privilegesLoaded);
    m_window->connectTo(settings);
    QVERIFY(privileges.wait(20000));
}

TablePage *TestLiveWindow::page(BrowseTable table)
{
    return m_window->tablePage(table);
}

QString TestLiveWindow::value(const QString &sql, const SqlParams &params)
{
    auto result = m_sql->exec(sql, params);
    if (!result)
        qFatal("%s", qPrintable(result.error().toString()));
    return result->rowCount() ? result->text(0, 0) : QString();
}

void TestLiveWindow::exec(const QString &sql, const SqlParams &params)
{
    const auto result =
        params.isEmpty() ? m_sql->execScript(sql).hasValue() : m_sql->exec(sql, params).hasValue();
    if (!result)
        qFatal("statement failed: %s", qPrintable(sql));
}

int TestLiveWindow::rowOfId(TablePage *page, const QString &id)
{
    const int idColumn = page->model()->spec().columnIndex(QStringLiteral("id"));
    for (int row = 0; row < page->model()->rowCount(); ++row)
        if (page->model()->cellText(row, idColumn) == id)
            return row;
    return -1;
}

QString TestLiveWindow::cellOf(TablePage *page, const QString &id, int column)
{
    const int row = rowOfId(page, id);
    return row < 0 ? QStringLiteral("<not loaded>") : page->model()->cellText(row, column);
}

int TestLiveWindow::showRow(BrowseTable table, const QString &search, const QString &id)
{
    m_window->selectTable(table);
    TablePage *shown = page(table);
    shown->searchField()->setText(search);
    QTest::keyClick(shown->searchField(), Qt::Key_Return);
    if (!QTest::qWaitFor([&] { return rowOfId(shown, id) >= 0; }, 20000))
        return -1;
    return rowOfId(shown, id);
}

QStringList TestLiveWindow::activeRide()
{
    QString id = value(QStringLiteral("SELECT id::text FROM rides WHERE end_time IS NULL "
                                      "ORDER BY id LIMIT 1"));
    if (id.isEmpty()) {
        id = value(QStringLiteral("SELECT id::text FROM rides ORDER BY id LIMIT 1"));
        exec(QStringLiteral("UPDATE rides SET end_time = NULL, revenue = NULL WHERE id = $1"),
             {id});
    }
    return {value(QStringLiteral("SELECT city FROM rides WHERE id = $1"), {id}), id};
}

void TestLiveWindow::coalescesTheLatestEventPerRow()
{
    const auto event = [](ChangeKind kind, const QString &id, const QString &status) {
        ChangeEvent e;
        e.table = QStringLiteral("vehicles");
        e.key = {{QStringLiteral("city"), QStringLiteral("rome")}, {QStringLiteral("id"), id}};
        e.kind = kind;
        e.columns = {{QStringLiteral("status"), std::nullopt, status}};
        return e;
    };
    const QList<ChangeEvent> merged = LiveController::coalesce(
        {event(ChangeKind::Insert, QStringLiteral("a"), QStringLiteral("available")),
         event(ChangeKind::Update, QStringLiteral("b"), QStringLiteral("in_use")),
         event(ChangeKind::Update, QStringLiteral("a"), QStringLiteral("lost")),
         event(ChangeKind::Update, QStringLiteral("b"), QStringLiteral("available")),
         event(ChangeKind::Delete, QStringLiteral("b"), QString())});
    QCOMPARE(merged.size(), 2);
    QCOMPARE(merged.at(0).kind, ChangeKind::Insert); // an insert updated is still new
    QCOMPARE(merged.at(0).column(QStringLiteral("status"))->after, QStringLiteral("lost"));
    QCOMPARE(merged.at(1).kind, ChangeKind::Delete); // a delete wins
}

// The window's half alone: a batch as the session forwards it (after a real change by a
// second session) reaches the tab's model and the details pane within a frame.
void TestLiveWindow::dispatchesBatchesToModelsAndDetails()
{
    const auto vehicle = m_sql->exec(QStringLiteral(
        "SELECT city, id::text FROM vehicles WHERE status <> 'lost' ORDER BY id LIMIT 1 OFFSET 3"));
    QVERIFY(vehicle && vehicle->rowCount() == 1);
    const QString city = vehicle->text(0, 0), id = vehicle->text(0, 1);
    openWindow(TestServer::settings(m_database));
    const int row = showRow(BrowseTable::Vehicles, id, id);
    QVERIFY(row >= 0);
    TablePage *vehicles = page(BrowseTable::Vehicles);
    vehicles->view()->setCurrentIndex(vehicles->view()->model()->index(row, 1));
    DetailPane *detail = m_window->detailPane();
    QTRY_VERIFY(detail->hasEntity() && detail->entityKey() == vehicles->model()->keyAt(row));
    // The stream runs: its own event of this change may come in the same frame (the schema
    // as the stream names it: the three coalesce into one).
    QTRY_COMPARE_WITH_TIMEOUT(m_window->connectionStatus()->liveText(),
                              QStringLiteral("Live: logical decoding"), 20000);
    exec(QStringLiteral("UPDATE vehicles SET status = 'lost' WHERE id = $1"), {id});
    ChangeEvent event;
    event.schema = QStringLiteral("public");
    event.table = QStringLiteral("vehicles");
    event.key = {{QStringLiteral("city"), city}, {QStringLiteral("id"), id}};
    event.columns = {{QStringLiteral("status"), std::nullopt, QStringLiteral("lost")}};
    QSignalSpy dispatched(m_window->liveController(), &LiveController::dispatched);
    Q_EMIT m_window->session()->liveChanges({event, event});
    // After a quiet frame the batch goes out at once (maybe inside the emit), else at the
    // frame's end.
    QTRY_VERIFY_WITH_TIMEOUT(!dispatched.isEmpty(), 5000);
    QCOMPARE(dispatched.first().first().toInt(), 1); // coalesced
    const int statusColumn = column(BrowseTable::Vehicles, "status");
    QTRY_COMPARE(cellOf(vehicles, id, statusColumn), QStringLiteral("lost"));
    QVERIFY(vehicles->model()
                ->index(rowOfId(vehicles, id), statusColumn)
                .data(BrowseTableModel::ChangeHighlightRole)
                .toReal() > 0);
    QTRY_COMPARE(detail->entityRow().text(statusColumn), QStringLiteral("lost"));
    exec(QStringLiteral("UPDATE vehicles SET status = 'available' WHERE id = $1"), {id});
}

void TestLiveWindow::statusShowsLogicalDecoding()
{
    openWindow(TestServer::settings(m_database));
    ConnectionStatusBar *status = m_window->connectionStatus();
    QTRY_COMPARE_WITH_TIMEOUT(status->liveText(), QStringLiteral("Live: logical decoding"), 20000);
    QVERIFY(m_window->liveController()->toggleAction()->isChecked());
    QVERIFY(!m_window->liveController()->toggleAction()->shortcut().isEmpty());
    QVERIFY(page(BrowseTable::Vehicles)->model()->isLiveEnabled());
}

void TestLiveWindow::endedRideFollowsInTableAndDetails()
{
    const QStringList ride = activeRide();
    openWindow(TestServer::settings(m_database));
    QTRY_COMPARE_WITH_TIMEOUT(m_window->connectionStatus()->liveText(),
                              QStringLiteral("Live: logical decoding"), 20000);
    const int row = showRow(BrowseTable::Rides, ride.at(1), ride.at(1));
    QVERIFY(row >= 0);
    TablePage *rides = page(BrowseTable::Rides);
    const int endColumn = column(BrowseTable::Rides, "end_time");
    QVERIFY(rides->model()->cellText(row, endColumn).isEmpty());
    rides->view()->setCurrentIndex(rides->view()->model()->index(row, 1));
    DetailPane *detail = m_window->detailPane();
    QTRY_VERIFY(detail->hasEntity() && detail->entityKey() == rides->model()->keyAt(row));
    QVERIFY(detail->entityRow().text(endColumn).isEmpty());

    exec(QStringLiteral("UPDATE rides SET end_time = now(), revenue = 7.25 WHERE id = $1"),
         {ride.at(1)});
    // No F5: the table shows it, highlighted while it is new.
    QTRY_VERIFY_WITH_TIMEOUT(
        rowOfId(rides, ride.at(1)) >= 0 && !cellOf(rides, ride.at(1), endColumn).isEmpty(), 10000);
    const QModelIndex ended = rides->model()->index(rowOfId(rides, ride.at(1)), endColumn);
    QVERIFY(ended.data(BrowseTableModel::ChangeHighlightRole).toReal() > 0);
    QVERIFY(ended.data(Qt::BackgroundRole).isValid());
    // The details pane follows its row.
    QTRY_VERIFY_WITH_TIMEOUT(!detail->entityRow().text(endColumn).isEmpty(), 10000);
    QVERIFY(!detail->fieldLabel(QStringLiteral("end_time"))->text().isEmpty());
}

void TestLiveWindow::vehicleSetLostIsHighlighted()
{
    const QString id = value(QStringLiteral("SELECT id::text FROM vehicles WHERE status <> "
                                            "'lost' ORDER BY id LIMIT 1"));
    openWindow(TestServer::settings(m_database));
    const int row = showRow(BrowseTable::Vehicles, id, id);
    QVERIFY(row >= 0);
    TablePage *vehicles = page(BrowseTable::Vehicles);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->connectionStatus()->liveText(),
                              QStringLiteral("Live: logical decoding"), 20000);
    exec(QStringLiteral("UPDATE vehicles SET status = 'lost' WHERE id = $1"), {id});
    const int statusColumn = column(BrowseTable::Vehicles, "status");
    QTRY_COMPARE_WITH_TIMEOUT(cellOf(vehicles, id, statusColumn), QStringLiteral("lost"), 10000);
    QVERIFY(vehicles->model()
                ->index(rowOfId(vehicles, id), statusColumn)
                .data(BrowseTableModel::ChangeHighlightRole)
                .toReal() > 0);
    // Painted (the badge delegate with its outline) without complaint.
    QVERIFY(!vehicles->view()->grab().isNull());
}

// The details pane's relation lists follow the same events: a user's ride changed elsewhere
// shows its new revenue in the user's list of rides.
void TestLiveWindow::relationListsFollow()
{
    const auto rider = m_sql->exec(QStringLiteral(
        "SELECT u.id::text, r.id::text FROM users u JOIN rides r ON r.city = u.city AND "
        "r.rider_id = u.id ORDER BY r.id LIMIT 1"));
    QVERIFY(rider && rider->rowCount() == 1);
    const QString userId = rider->text(0, 0), rideId = rider->text(0, 1);
    openWindow(TestServer::settings(m_database));
    QTRY_COMPARE_WITH_TIMEOUT(m_window->connectionStatus()->liveText(),
                              QStringLiteral("Live: logical decoding"), 20000);
    m_window->selectTable(BrowseTable::Users);
    TablePage *users = page(BrowseTable::Users);
    QTRY_VERIFY_WITH_TIMEOUT(rowOfId(users, userId) >= 0, 20000);
    users->view()->setCurrentIndex(users->view()->model()->index(rowOfId(users, userId), 1));
    DetailPane *detail = m_window->detailPane();
    BrowseTableModel *rides = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            for (const QString &name : detail->sectionNames()) {
                BrowseTableModel *model = detail->sectionModel(name);
                if (model->table() == BrowseTable::Rides && model->rowCount() > 0)
                    rides = model;
            }
            return rides != nullptr;
        }(),
        20000);
    QVERIFY(rides->isLiveEnabled());
    const int idColumn = column(BrowseTable::Rides, "id");
    const int revenueColumn = column(BrowseTable::Rides, "revenue");
    const auto revenueInList = [&] {
        for (int row = 0; row < rides->rowCount(); ++row)
            if (rides->cellText(row, idColumn) == rideId)
                return rides->cellText(row, revenueColumn);
        return QStringLiteral("<not loaded>");
    };
    QVERIFY(revenueInList() != QLatin1String("<not loaded>"));
    exec(QStringLiteral("UPDATE rides SET revenue = 42.42 WHERE id = $1"), {rideId});
    QTRY_COMPARE_WITH_TIMEOUT(revenueInList(), QStringLiteral("42.42"), 10000);
}

void TestLiveWindow::activeOnlyLetsTheEndedRideLeave()
{
    const QStringList ride = activeRide();
    openWindow(TestServer::settings(m_database));
    m_window->selectTable(BrowseTable::Rides);
    TablePage *rides = page(BrowseTable::Rides);
    auto *activeOnly = rides->findChild<QCheckBox *>(QStringLiteral("activeOnly"));
    QVERIFY(activeOnly);
    activeOnly->setChecked(true);
    QTRY_VERIFY_WITH_TIMEOUT(rowOfId(rides, ride.at(1)) >= 0, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->connectionStatus()->liveText(),
                              QStringLiteral("Live: logical decoding"), 20000);
    rides->view()->setCurrentIndex({}); // nobody is on it: it leaves at once
    exec(QStringLiteral("UPDATE rides SET end_time = now(), revenue = 3 WHERE id = $1"),
         {ride.at(1)});
    QTRY_VERIFY_WITH_TIMEOUT(rowOfId(rides, ride.at(1)) < 0, 10000);
}

void TestLiveWindow::pendingEditIsNotOverwritten()
{
    openWindow(TestServer::settings(m_database));
    m_window->selectTable(BrowseTable::Users);
    TablePage *users = page(BrowseTable::Users);
    QTRY_VERIFY_WITH_TIMEOUT(users->model()->rowCount() > 3, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->connectionStatus()->liveText(),
                              QStringLiteral("Live: logical decoding"), 20000);
    const int nameColumn = column(BrowseTable::Users, "name");
    const int addressColumn = column(BrowseTable::Users, "address");
    const QString id = users->model()->cellText(3, column(BrowseTable::Users, "id"));
    QAbstractItemModel *view = users->view()->model();
    QVERIFY(view->setData(view->index(3, nameColumn), QStringLiteral("Mine")));
    QSignalSpy dispatched(m_window->liveController(), &LiveController::dispatched);
    exec(QStringLiteral("UPDATE users SET name = 'Theirs', address = 'Their street' WHERE id = "
                        "$1"),
         {id});
    // The other column follows; the pending cell keeps the user's value, marked.
    QTRY_COMPARE_WITH_TIMEOUT(cellOf(users, id, addressColumn), QStringLiteral("Their street"),
                              10000);
    const int row = rowOfId(users, id);
    QCOMPARE(view->index(row, nameColumn).data().toString(), QStringLiteral("Mine"));
    QTRY_VERIFY(view->index(rowOfId(users, id), nameColumn)
                    .data(PendingEditsProxy::ChangedOnServerRole)
                    .toBool());
    QVERIFY(!users->view()->grab().isNull()); // the marked cell paints
    QCOMPARE(m_window->editController()->pendingChanges()->count(), 1);
    QTRY_VERIFY(dispatched.count() > 0); // the stream's event (a resync may have come first)

    // Apply goes through the conflict dialog, which decides.
    QSignalSpy conflicts(m_window->editController(), &EditController::conflictsFound);
    m_window->editController()->applyAction()->trigger();
    QVERIFY(conflicts.wait(30000));
    QCOMPARE(conflicts.first().first().toInt(), 1);
    ConflictDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = qobject_cast<ConflictDialog *>(QApplication::activeModalWidget())));
    dialog->chooseAll(ConflictDialog::Choice::Current);
    dialog->accept();
    QTRY_COMPARE(m_window->editController()->pendingChanges()->count(), 0);
    QCOMPARE(value(QStringLiteral("SELECT name FROM users WHERE id = $1"), {id}),
             QStringLiteral("Theirs"));
    QTRY_COMPARE(view->index(rowOfId(users, id), nameColumn).data().toString(),
                 QStringLiteral("Theirs"));
}

void TestLiveWindow::killedStreamResyncs()
{
    const QString id = value(QStringLiteral("SELECT id::text FROM vehicles WHERE status <> "
                                            "'in_use' ORDER BY id DESC LIMIT 1"));
    openWindow(TestServer::settings(m_database));
    const int row = showRow(BrowseTable::Vehicles, id, id);
    QVERIFY(row >= 0);
    TablePage *vehicles = page(BrowseTable::Vehicles);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->connectionStatus()->liveText(),
                              QStringLiteral("Live: logical decoding"), 20000);
    const QString walsenders =
        QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'walsender' "
                       "AND datname = current_database()");
    QTRY_VERIFY_WITH_TIMEOUT(value(walsenders).toInt() >= 1, 10000);
    QSignalSpy resynced(m_window->liveController(), &LiveController::resynced);
    // The live backend killed, and a change made while it is down.
    exec(QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE "
                        "backend_type = 'walsender' AND datname = current_database()"));
    exec(QStringLiteral("UPDATE vehicles SET status = 'in_use' WHERE id = $1"), {id});
    const int statusColumn = column(BrowseTable::Vehicles, "status");
    QTRY_COMPARE_WITH_TIMEOUT(cellOf(vehicles, id, statusColumn), QStringLiteral("in_use"), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(resynced.count() > 0, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->connectionStatus()->liveText(),
                              QStringLiteral("Live: logical decoding"), 20000);
}

void TestLiveWindow::pausedDoesNotFollow()
{
    const QString id = value(QStringLiteral("SELECT id::text FROM vehicles WHERE status = "
                                            "'available' ORDER BY id LIMIT 1 OFFSET 1"));
    QVERIFY(!id.isEmpty());
    openWindow(TestServer::settings(m_database));
    const int row = showRow(BrowseTable::Vehicles, id, id);
    QVERIFY(row >= 0);
    TablePage *vehicles = page(BrowseTable::Vehicles);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->connectionStatus()->liveText(),
                              QStringLiteral("Live: logical decoding"), 20000);
    QAction *live = m_window->liveController()->toggleAction();
    live->trigger();
    QCOMPARE(m_window->connectionStatus()->liveText(), QStringLiteral("Paused"));
    QVERIFY(!vehicles->model()->isLiveEnabled());
    QCOMPARE(QSettings().value(QStringLiteral("live/enabled")).toBool(), false);
    // The stream is closed while paused.
    QTRY_COMPARE_WITH_TIMEOUT(value(QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE "
                                                   "backend_type = 'walsender' AND datname = "
                                                   "current_database()"))
                                  .toInt(),
                              0, 20000);
    exec(QStringLiteral("UPDATE vehicles SET status = 'lost' WHERE id = $1"), {id});
    const int statusColumn = column(BrowseTable::Vehicles, "status");
    QCOMPARE(cellOf(vehicles, id, statusColumn), QStringLiteral("available"));
    // On again: the stream resumes after reading what is shown again.
    live->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(cellOf(vehicles, id, statusColumn), QStringLiteral("lost"), 20000);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->connectionStatus()->liveText(),
                              QStringLiteral("Live: logical decoding"), 20000);
}

// Off and on again before the stream notices (it keeps running, so the worker sees no gap):
// the changes the window dropped while off are read again on.
void TestLiveWindow::quickPauseLosesNothing()
{
    const QString id = value(QStringLiteral("SELECT id::text FROM vehicles WHERE status = "
                                            "'available' ORDER BY id LIMIT 1 OFFSET 2"));
    QVERIFY(!id.isEmpty());
    openWindow(TestServer::settings(m_database));
    const int row = showRow(BrowseTable::Vehicles, id, id);
    QVERIFY(row >= 0);
    TablePage *vehicles = page(BrowseTable::Vehicles);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->connectionStatus()->liveText(),
                              QStringLiteral("Live: logical decoding"), 20000);
    QSignalSpy arrived(m_window->session(), &ConnectionSession::liveChanges);
    exec(QStringLiteral("UPDATE vehicles SET status = 'lost' WHERE id = $1"), {id});
    // The change has reached the window and waits for its frame: off and on at once.
    QVERIFY(arrived.wait(20000));
    QAction *live = m_window->liveController()->toggleAction();
    live->trigger();
    live->trigger();
    const int statusColumn = column(BrowseTable::Vehicles, "status");
    QTRY_COMPARE_WITH_TIMEOUT(cellOf(vehicles, id, statusColumn), QStringLiteral("lost"), 10000);
    exec(QStringLiteral("UPDATE vehicles SET status = 'available' WHERE id = $1"), {id});
}

// After a gap only the visible rows are read; the others when they come into view. A live
// delete above them brings the next one into the same range of rows: it is read then.
void TestLiveWindow::staleRowMovedIntoViewIsRead()
{
    const QString first = QStringLiteral("00000000-0000-4000-8000-00000000f001");
    exec(QStringLiteral("INSERT INTO users (id, city, name, address, credit_card) VALUES "
                        "($1::uuid, 'amsterdam', 'First Of All', '1 Dam', '4111')"),
         {first});
    openWindow(TestServer::settings(m_database));
    m_window->resize(1000, 420); // fewer rows than the table has
    m_window->selectTable(BrowseTable::Users);
    TablePage *users = page(BrowseTable::Users);
    QTRY_VERIFY_WITH_TIMEOUT(users->model()->atEnd() && users->model()->rowCount() > 0, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->connectionStatus()->liveText(),
                              QStringLiteral("Live: logical decoding"), 20000);
    QTRY_VERIFY(VisibleRowsTracker::visibleRows(users->view()).first == 0);
    const int last = VisibleRowsTracker::visibleRows(users->view()).second;
    QVERIFY(last + 1 < users->model()->rowCount());
    QVERIFY(rowOfId(users, first) >= 0 && rowOfId(users, first) <= last);
    const int idColumn = column(BrowseTable::Users, "id");
    const int nameColumn = column(BrowseTable::Users, "name");
    const QString below = users->model()->cellText(last + 1, idColumn);
    const QString name = users->model()->cellText(last + 1, nameColumn);
    // Changed while paused: after the gap it is stale (out of sight, not read yet).
    QAction *live = m_window->liveController()->toggleAction();
    live->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(value(QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE "
                                                   "backend_type = 'walsender' AND datname = "
                                                   "current_database()"))
                                  .toInt(),
                              0, 20000);
    exec(QStringLiteral("UPDATE users SET name = 'Read When Seen' WHERE id = $1::uuid"), {below});
    QSignalSpy resynced(m_window->liveController(), &LiveController::resynced);
    live->trigger();
    // The window's own resync, then the stream's once it runs again.
    QTRY_VERIFY_WITH_TIMEOUT(resynced.count() >= 2, 20000);
    QCOMPARE(cellOf(users, below, nameColumn), name);
    // A row above leaves: the stale one shows, and is read.
    exec(QStringLiteral("DELETE FROM users WHERE id = $1::uuid"), {first});
    QTRY_COMPARE_WITH_TIMEOUT(rowOfId(users, first), -1, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(cellOf(users, below, nameColumn), QStringLiteral("Read When Seen"),
                              10000);
    exec(QStringLiteral("UPDATE users SET name = $2 WHERE id = $1::uuid"), {below, name});
}

void TestLiveWindow::newRowsBarShowsInserts()
{
    openWindow(TestServer::settings(m_database));
    m_window->selectTable(BrowseTable::Users);
    TablePage *users = page(BrowseTable::Users);
    QTRY_VERIFY_WITH_TIMEOUT(users->model()->atEnd() && users->model()->rowCount() > 0, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->connectionStatus()->liveText(),
                              QStringLiteral("Live: logical decoding"), 20000);
    const QString city = value(QStringLiteral("SELECT city FROM users ORDER BY id LIMIT 1"));
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    exec(QStringLiteral("INSERT INTO users (city, id, name, address, credit_card) VALUES ($1, "
                        "$2, 'New Rider', 'New street 1', '4111')"),
         {city, id});
    NewRowsBar *bar = users->newRowsBar();
    QTRY_COMPARE_WITH_TIMEOUT(bar->text(), NewRowsBar::textFor(BrowseTable::Users, 1), 10000);
    QVERIFY(bar->isVisible());
    QCOMPARE(rowOfId(users, id), -1); // not jumped into the view
    const int before = users->currentRow();
    QTest::mouseClick(bar->showButton(), Qt::LeftButton);
    QTRY_VERIFY(rowOfId(users, id) >= 0);
    QTRY_VERIFY(!bar->isVisible());
    QCOMPARE(users->currentRow(), before); // nothing new selected
}

void TestLiveWindow::refusedEditShowsTheDatabaseValue()
{
    const QStringList ride = activeRide();
    QSettings().setValue(QStringLiteral("live/enabled"), false); // only the edit's refresh
    openWindow(TestServer::settings(m_database));
    QCOMPARE(m_window->connectionStatus()->liveText(), QStringLiteral("Paused"));
    const int row = showRow(BrowseTable::Rides, ride.at(1), ride.at(1));
    QVERIFY(row >= 0);
    TablePage *rides = page(BrowseTable::Rides);
    const int endColumn = column(BrowseTable::Rides, "end_time");
    rides->view()->setCurrentIndex(rides->view()->model()->index(row, 1));
    DetailPane *detail = m_window->detailPane();
    QTRY_VERIFY(detail->hasEntity() && detail->entityKey() == rides->model()->keyAt(row));
    // Ended elsewhere; the window, not following, still shows it active and tries to end it.
    exec(QStringLiteral("UPDATE rides SET end_time = now(), revenue = 4 WHERE id = $1"),
         {ride.at(1)});
    QVERIFY(rides->model()->cellText(row, endColumn).isEmpty());
    const auto body =
        Operations::endRide(EndRideInput(ride.at(0), ride.at(1), QStringLiteral("5")));
    QVERIFY(body.hasValue());
    Touched touched;
    touched.rows = {{BrowseTable::Rides, rides->model()->keyAt(row)}};
    QSignalSpy finished(m_window->editController(), &EditController::editFinished);
    QVERIFY(m_window->editController()->submit(*body, touched) != 0);
    QVERIFY(finished.wait(30000));
    QVERIFY(!finished.first().first().value<EditReply>().outcome.committed());
    // Refused, and the row and the details show what the database has.
    QTRY_VERIFY_WITH_TIMEOUT(
        rowOfId(rides, ride.at(1)) >= 0 && !cellOf(rides, ride.at(1), endColumn).isEmpty(), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(!detail->entityRow().text(endColumn).isEmpty(), 10000);
}

void TestLiveWindow::roleWithoutReplicationPolls()
{
    QSettings().setValue(QStringLiteral("live/pollIntervalMs"), 1000);
    const QString id = value(QStringLiteral("SELECT id::text FROM vehicles WHERE status <> "
                                            "'lost' ORDER BY id DESC LIMIT 1 OFFSET 2"));
    ConnectionSettings settings = TestServer::settings(m_database);
    settings.setValue(QStringLiteral("user"), QStringLiteral("live_viewer"));
    settings.setValue(QStringLiteral("password"), QStringLiteral("v"));
    openWindow(settings);
    ConnectionStatusBar *status = m_window->connectionStatus();
    QTRY_COMPARE_WITH_TIMEOUT(status->liveText(), QStringLiteral("Live: polling every 1 s"), 20000);
    QVERIFY2(!status->liveToolTip().isEmpty(), "the reason for the fallback is the tooltip");
    const int row = showRow(BrowseTable::Vehicles, id, id);
    QVERIFY(row >= 0);
    TablePage *vehicles = page(BrowseTable::Vehicles);
    QTRY_VERIFY(m_window->liveController()->isPolling());
    exec(QStringLiteral("UPDATE vehicles SET status = 'lost' WHERE id = $1"), {id});
    const int statusColumn = column(BrowseTable::Vehicles, "status");
    QTRY_COMPARE_WITH_TIMEOUT(cellOf(vehicles, id, statusColumn), QStringLiteral("lost"), 5000);
    // Only while the window shows.
    m_window->showMinimized();
    QTRY_VERIFY(!m_window->liveController()->isPolling());
    m_window->showNormal();
    QTRY_VERIFY(m_window->liveController()->isPolling());
}

QTEST_MAIN(TestLiveWindow)
#include "tst_livewindow.moc"
