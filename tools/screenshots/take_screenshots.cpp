// Takes the pictures of docs/guide and docs/screenshots from the real application, so that
// they can be taken again whenever the window changes:
//
//   take_screenshots [OUTPUT_DIR]      (default: docs)
//
// It starts a private PostgreSQL with the demo's data (DemoDatabase, as movr-admin --demo
// does), opens the main window at 1366x800, drives it into each state the user guide shows
// and saves <OUTPUT_DIR>/guide/*.png and <OUTPUT_DIR>/screenshots/*.png with QWidget::grab(),
// so no window manager is needed (scripts/take-screenshots runs it under Xvfb). Dialogs and
// menus are separate top-level windows: their pictures are painted over the window's at
// their place, dialogs with a plain title bar drawn above them.
//
// Everything waits for what it shows (rows loaded, the trail drawn, the edit finished), never
// for a guessed time. The settings, saved connections and the journal of pending edits live
// in a temporary directory: the user's own are neither read nor changed.
//
// Not a test: nothing is checked beyond what a picture needs; a state that does not come
// within the timeout ends the program with a message naming it.

#include "ConflictDialog.h"
#include "ConnectionDialog.h"
#include "ConnectionProfiles.h"
#include "ConnectionStatusBar.h"
#include "DetailPane.h"
#include "EditController.h"
#include "EndRideDialog.h"
#include "LocationTrailPlot.h"
#include "MainWindow.h"
#include "NewRowsBar.h"
#include "PreviewDialog.h"
#include "ScopeSelector.h"
#include "SqlPanel.h"
#include "StartRideDialog.h"
#include "TablePage.h"
#include "Theme.h"
#include "Translations.h"
#include "UserDialog.h"
#include "VehicleDialog.h"
#include "VehicleStatusDialog.h"
#include "WelcomePage.h"
#include "WorkloadController.h"
#include "WorkloadDock.h"

#include "demo/DemoDatabase.h"
#include "models/BrowseTableModel.h"
#include "models/ChangeHighlights.h"
#include "models/PendingChanges.h"
#include "pg/PgConnection.h"

#include <QAbstractItemModel>
#include <QApplication>
#include <QChart>
#include <QCheckBox>
#include <QComboBox>
#include <QCommandLinkButton>
#include <QDir>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFileInfo>
#include <QLineEdit>
#include <QLineSeries>
#include <QMenu>
#include <QMenuBar>
#include <QPainter>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolTip>
#include <QTreeView>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <memory>
#include <thread>

namespace {

// The window's size: 1366x800 for docs/; MOVR_SHOTS_SIZE=WIDTHxHEIGHT (e.g. 1024x700) to look
// at the same states in another size.
QSize windowSize()
{
    static const QSize size = [] {
        const QStringList parts = qEnvironmentVariable("MOVR_SHOTS_SIZE").split(QLatin1Char('x'));
        const QSize asked =
            parts.size() == 2 ? QSize(parts.at(0).toInt(), parts.at(1).toInt()) : QSize();
        return asked.isValid() && !asked.isEmpty() ? asked : QSize(1366, 800);
    }();
    return size;
}
constexpr int Timeout = 30000;
constexpr int DetailWidth = 390;

// The temporary settings directory, removed by fail() too (std::exit runs no destructor of
// main's; the demo server stops by itself when this process ends).
QString temporaryHome;

[[noreturn]] void fail(const QString &message)
{
    std::fprintf(stderr, "take_screenshots: %s\n", qPrintable(message));
    if (!temporaryHome.isEmpty())
        QDir(temporaryHome).removeRecursively();
    std::exit(1);
}

// Waits (running the event loop) until `condition` holds; ends the program when it does not
// within the timeout.
void waitUntil(const std::function<bool()> &condition, const QString &what, int timeoutMs = Timeout)
{
    if (!QTest::qWaitFor(condition, timeoutMs))
        fail(QStringLiteral("timed out waiting for %1").arg(what));
}

// Lets posted layout requests, resizes and repaints run before a picture is taken.
void settle()
{
    for (int i = 0; i < 3; ++i) {
        QCoreApplication::sendPostedEvents();
        QCoreApplication::processEvents();
    }
    QTest::qWait(100);
}

// The widget's place in the coordinates of `base` (both top-level windows).
QPoint placeIn(const QWidget *base, const QWidget *widget)
{
    return widget->mapToGlobal(QPoint(0, 0)) - base->mapToGlobal(QPoint(0, 0));
}

int titleBarHeight(const QWidget *window)
{
    return window->fontMetrics().height() + 10;
}

// A top-level window's picture with a title bar (its window title) and a frame drawn around
// it, as a window manager would: without one, grab() has neither.
QPixmap framed(QWidget *window)
{
    const QPixmap content = window->grab();
    const int bar = titleBarHeight(window);
    QPixmap picture(content.width() + 2, content.height() + bar + 1);
    const QPalette palette = window->palette();
    picture.fill(palette.color(QPalette::Dark));
    QPainter painter(&picture);
    const QRect title(1, 1, content.width(), bar - 1);
    painter.fillRect(title, palette.color(QPalette::Highlight));
    QFont font = window->font();
    font.setBold(true);
    painter.setFont(font);
    painter.setPen(palette.color(QPalette::HighlightedText));
    painter.drawText(title, Qt::AlignCenter, window->windowTitle());
    painter.drawPixmap(1, bar, content);
    return picture;
}

// What the screen shows of `base`: its picture with these popups (menus, tool tips) and
// dialogs (framed) painted at their places, in the order given.
QPixmap composed(QWidget *base, const QList<QWidget *> &onTop)
{
    QPixmap picture = base->grab();
    QPainter painter(&picture);
    for (QWidget *widget : onTop) {
        const QPoint at = placeIn(base, widget);
        if (qobject_cast<QDialog *>(widget))
            painter.drawPixmap(at - QPoint(1, titleBarHeight(widget)), framed(widget));
        else
            painter.drawPixmap(at, widget->grab());
    }
    return picture;
}

// Makes `window` the active window (as a click on it would), so that selections show in the
// active colours.
void activate(QWidget *window)
{
    window->activateWindow();
    window->raise();
    if (!QTest::qWaitForWindowActive(window))
        std::fprintf(stderr, "take_screenshots: the window did not become active\n");
}

// The tool tip QToolTip shows now, if any.
QWidget *visibleToolTip()
{
    for (QWidget *widget : QApplication::topLevelWidgets()) {
        if (widget->inherits("QTipLabel") && widget->isVisible())
            return widget;
    }
    return nullptr;
}

QWidget *showToolTip(const QPoint &globalPosition, const QString &text, QWidget *owner)
{
    QToolTip::showText(globalPosition, text, owner, {}, 60000);
    waitUntil([] { return visibleToolTip() != nullptr; }, QStringLiteral("the tool tip"));
    return visibleToolTip();
}

// Runs `trigger`, which opens a modal dialog of type Dialog (with exec() or open()), and calls
// `answer` with it once it shows, from the dialog's own event loop; `answer` closes it.
template <typename Dialog>
void withDialog(const std::function<void()> &trigger, const std::function<void(Dialog *)> &answer,
                const QString &what)
{
    bool answered = false;
    QTimer poll;
    poll.setInterval(50);
    QObject::connect(&poll, &QTimer::timeout, &poll, [&] {
        auto *dialog = qobject_cast<Dialog *>(QApplication::activeModalWidget());
        if (!dialog || !dialog->isVisible())
            return;
        poll.stop();
        settle();
        answer(dialog);
        answered = true;
    });
    poll.start();
    trigger();
    waitUntil([&] { return answered; }, what);
}

template <typename T> T *child(QObject *parent, const char *name)
{
    T *found = parent->findChild<T *>(QLatin1String(name));
    if (!found)
        fail(QStringLiteral("no child named %1 in %2")
                 .arg(QLatin1String(name), parent->metaObject()->className()));
    return found;
}

QString text(PgConnection &sql, const QString &query, const SqlParams &params = {}, int column = 0)
{
    auto result = sql.exec(query, params);
    if (!result)
        fail(QStringLiteral("setup query failed: %1").arg(result.error().toString()));
    if (result->rowCount() == 0)
        fail(QStringLiteral("setup query returned no row: %1").arg(query));
    return result->text(0, column);
}

// A port on 127.0.0.1 where nothing listens: CockroachDB's own when it is free.
int refusingPort()
{
    QTcpServer probe;
    if (probe.listen(QHostAddress::LocalHost, 26257))
        return 26257;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        fail(QStringLiteral("no free port for the refused connection"));
    return probe.serverPort();
}

int column(BrowseTable table, const char *name)
{
    return TableSpec::of(table).columnIndex(QLatin1String(name));
}

KeyValues key(const QString &city, const QString &id)
{
    return KeyValues{city, id};
}

// The rows the pictures show, chosen once from the generated data.
struct Picks
{
    // The vehicle of region us-east1 (and the one of all cities) whose ride has the longest
    // location trail, that ride and its number of points.
    struct Trail
    {
        QString city, vehicle, ride;
        int points = 0;
    };
    Trail usEast1Trail, anyTrail;
    // The ride with the most location points anywhere (found by the start of its id).
    QString detailCity, detailRide;
    // A rider and an available vehicle of Boston for a ride started in the window.
    QString rideRider, rideVehicle;
    // A first name that several users share (the search of the inline-edit pictures).
    QString firstName;
    // A user of Boston (the owner in the Add vehicle dialog).
    QString bostonUser;
};

class Screenshots
{
public:
    Screenshots(const QString &outputDirectory, const ConnectionSettings &demo)
        : m_output(outputDirectory), m_settings(demo)
    {}

    void prepareDatabase();
    void takeAll();

private:
    // One function per picture, in the order they are taken: each starts from the state the
    // one before left.
    void welcomeWithoutProfiles();
    void welcomeWithProfile();
    void connectionTest(const QString &file, int port);
    void wrongPassword();
    void connectToDemo();
    void vehiclesWithTrail();
    void actionsMenu();
    void addVehicleDialog();
    void setStatusDialog();
    void rideDetail();
    void endRideDialog();
    void pendingEdits();
    void conflictDialog();
    void previewDialog();
    void sqlPanelRetry();
    void addUserDialogAndRetry();
    void privilegesOfReadOnlyRole();
    void mainWindowLight();
    void mainWindowDark();
    // A short steady run in the Workload dock: the dock, then the SQL panel showing the
    // workload's statements; the run is stopped at the end.
    void workloadRun();
    // Live updates (issue 13), after a second session's changes: highlighted cells in the
    // Vehicles table, then the new rows bar above Rides.
    void liveHighlight();
    void liveNewRows();

    void save(const QPixmap &picture, const QString &file);
    MainWindow &window() { return *m_window; }
    // Shows `table`, waits for its first rows and for the loads to end.
    TablePage *showTable(BrowseTable table);
    void waitLoaded(BrowseTableModel *model, const QString &what);
    // Fetches every page of a model (the detail pane's relations load page by page).
    void fetchAll(BrowseTableModel *model, const QString &what);
    // Makes the row of `key` current in `page` (and so shown in the detail pane).
    int selectRow(TablePage *page, const KeyValues &key);
    // Selects the vehicle and the ride of its trail; waits for the trail to be drawn.
    void showVehicleTrail(const Picks::Trail &trail);
    void search(TablePage *page, const QString &text);
    // Runs `sql` as another session would, on a thread of its own, while the window runs.
    void runElsewhere(const QString &sql, const SqlParams &params);
    void waitForEdit(QSignalSpy &finished, const QString &what);
    // Waits until the status bar says the window follows the database by logical decoding.
    void waitLiveDecoding();
    // Shows the SQL panel filtered to edits, the newest action expanded and its row
    // `select` (-1: the action itself, otherwise that attempt) selected.
    void showNewestEdit(int select);
    QPixmap menuPicture(MainWindow &window, QMenu *menu, QWidget *toolTip = nullptr);
    QMenu *openActionsMenu(MainWindow &window);

    QString m_output;
    ConnectionSettings m_settings;
    Picks m_picks;
    std::unique_ptr<MainWindow> m_window;
    // Pending-edit pictures: the user edited, and the one selected below it.
    QString m_editedUser, m_editedCity, m_editedName, m_otherUser;
    int m_saved = 0;
};

void Screenshots::prepareDatabase()
{
    auto opened = PgConnection::open(m_settings);
    if (!opened)
        fail(QStringLiteral("cannot connect to the demo: %1").arg(opened.error().toString()));
    PgConnection &sql = **opened;
    // The guide's read-only account: SELECT everywhere, UPDATE on users only.
    const Status role =
        sql.execScript(QStringLiteral("CREATE ROLE support_ro LOGIN PASSWORD 'readonly'; "
                                      "GRANT SELECT ON ALL TABLES IN SCHEMA public TO support_ro; "
                                      "GRANT UPDATE ON users TO support_ro;"));
    if (!role)
        fail(QStringLiteral("creating support_ro: %1").arg(role.error().toString()));

    const QString longestTrail = QStringLiteral(
        "SELECT v.city, v.id::text, r.id::text, count(h.lat + h.long) FROM vehicles v "
        "JOIN rides r ON r.vehicle_city = v.city AND r.vehicle_id = v.id "
        "JOIN vehicle_location_histories h ON h.city = r.city AND h.ride_id = r.id "
        "WHERE v.city = ANY($1::text[]) "
        "GROUP BY v.city, v.id, r.id ORDER BY count(*) DESC, r.id LIMIT 1");
    const auto trail = [&sql, &longestTrail](const SqlParams &cities) {
        Picks::Trail found;
        found.city = text(sql, longestTrail, cities, 0);
        found.vehicle = text(sql, longestTrail, cities, 1);
        found.ride = text(sql, longestTrail, cities, 2);
        found.points = text(sql, longestTrail, cities, 3).toInt();
        return found;
    };
    m_picks.usEast1Trail = trail({QStringLiteral("{new york,boston,washington dc}")});
    m_picks.anyTrail = trail({QStringLiteral(
        "{new york,boston,washington dc,seattle,san francisco,los angeles,amsterdam,paris,rome}")});

    const QString longestRide =
        QStringLiteral("SELECT city, ride_id::text FROM vehicle_location_histories "
                       "GROUP BY city, ride_id ORDER BY count(*) DESC, ride_id DESC LIMIT 1");
    m_picks.detailCity = text(sql, longestRide, {}, 0);
    m_picks.detailRide = text(sql, longestRide, {}, 1);

    m_picks.rideRider = text(
        sql,
        QStringLiteral("SELECT id::text FROM users WHERE city = 'boston' ORDER BY id LIMIT 1"));
    m_picks.rideVehicle =
        text(sql, QStringLiteral("SELECT v.id::text FROM vehicles v WHERE v.city = 'boston' AND "
                                 "v.status = 'available' AND NOT EXISTS (SELECT 1 FROM rides r "
                                 "WHERE r.vehicle_city = v.city AND r.vehicle_id = v.id AND "
                                 "r.end_time IS NULL) ORDER BY v.id LIMIT 1"));
    m_picks.bostonUser = text(
        sql,
        QStringLiteral("SELECT id::text FROM users WHERE city = 'boston' ORDER BY name LIMIT 1"));
    m_picks.firstName = text(sql, QStringLiteral("SELECT split_part(name, ' ', 1) AS first FROM "
                                                 "users GROUP BY first HAVING count(*) BETWEEN 2 "
                                                 "AND 4 ORDER BY count(*), first LIMIT 1"));
}

void Screenshots::save(const QPixmap &picture, const QString &file)
{
    const QString path = QDir(m_output).filePath(file);
    QDir().mkpath(QFileInfo(path).absolutePath());
    if (picture.isNull() || !picture.save(path))
        fail(QStringLiteral("cannot write %1").arg(path));
    std::printf("take_screenshots: %s (%dx%d)\n", qPrintable(path), picture.width(),
                picture.height());
    std::fflush(stdout);
    ++m_saved;
}

void Screenshots::waitLoaded(BrowseTableModel *model, const QString &what)
{
    waitUntil(
        [model] {
            return model->state() == BrowseTableModel::State::Ready && !model->isFetching();
        },
        what);
}

void Screenshots::fetchAll(BrowseTableModel *model, const QString &what)
{
    waitLoaded(model, what);
    while (model->canFetchMore()) {
        model->fetchMore();
        waitLoaded(model, what);
    }
}

TablePage *Screenshots::showTable(BrowseTable table)
{
    window().selectTable(table);
    TablePage *page = window().currentPage();
    waitUntil([page] { return page->model()->rowCount() > 0; },
              TableSpec::of(table).sqlName + QStringLiteral(" rows"));
    waitLoaded(page->model(), TableSpec::of(table).sqlName);
    return page;
}

int Screenshots::selectRow(TablePage *page, const KeyValues &key)
{
    BrowseTableModel *model = page->model();
    waitUntil(
        [&] {
            if (model->rowForKey(key) >= 0)
                return true;
            if (model->canFetchMore() && !model->isFetching())
                model->fetchMore();
            return false;
        },
        QStringLiteral("row %1").arg(BrowseTableModel::keyString(key)));
    const int row = model->rowForKey(key);
    const QModelIndex index = page->view()->model()->index(row, 1);
    page->view()->setCurrentIndex(index);
    page->view()->scrollTo(index);
    return row;
}

void Screenshots::showVehicleTrail(const Picks::Trail &trail)
{
    const QString &city = trail.city;
    TablePage *vehicles = window().currentPage();
    selectRow(vehicles, key(city, trail.vehicle));
    DetailPane *detail = window().detailPane();
    waitUntil([&] { return detail->sectionModel(QStringLiteral("Rides")) != nullptr; },
              QStringLiteral("the vehicle's rides"));
    BrowseTableModel *rides = detail->sectionModel(QStringLiteral("Rides"));
    fetchAll(rides, QStringLiteral("the vehicle's rides"));
    const int row = rides->rowForKey(key(city, trail.ride));
    if (row < 0)
        fail(QStringLiteral("ride %1 is not among the vehicle's rides").arg(trail.ride));
    QTableView *view = detail->sectionView(QStringLiteral("Rides"));
    view->setCurrentIndex(view->model()->index(row, 1));
    view->scrollTo(view->model()->index(row, 0), QAbstractItemView::PositionAtCenter);
    // This ride's trail, not the one of the first ride shown before.
    waitUntil([&] { return detail->trailPlot()->points().size() == trail.points; },
              QStringLiteral("the location trail"));
}

void Screenshots::search(TablePage *page, const QString &text)
{
    page->searchField()->setText(text);
    QTest::keyClick(page->searchField(), Qt::Key_Return);
    waitUntil(
        [page, text] {
            return page->model()->filter().search == text &&
                   page->model()->state() == BrowseTableModel::State::Ready &&
                   page->model()->rowCount() > 0;
        },
        QStringLiteral("the search for %1").arg(text));
}

void Screenshots::runElsewhere(const QString &sql, const SqlParams &params)
{
    std::atomic<bool> done = false;
    QString error;
    std::thread session([&] {
        if (auto connection = PgConnection::open(m_settings); !connection)
            error = connection.error().toString();
        else if (auto result = (*connection)->exec(sql, params); !result)
            error = result.error().toString();
        done = true;
    });
    waitUntil([&] { return done.load(); }, QStringLiteral("the other session"));
    session.join();
    if (!error.isEmpty())
        fail(QStringLiteral("the other session failed: %1").arg(error));
}

void Screenshots::waitForEdit(QSignalSpy &finished, const QString &what)
{
    waitUntil([&] { return !finished.isEmpty(); }, what);
    const auto reply = finished.takeFirst().first().value<EditReply>();
    if (!reply.outcome.committed())
        fail(QStringLiteral("%1 failed: %2").arg(what, EditController::describe(reply)));
}

void Screenshots::waitLiveDecoding()
{
    waitUntil(
        [this] {
            return window().connectionStatus()->liveText() ==
                   QLatin1String("Live: logical decoding");
        },
        QStringLiteral("live updates by logical decoding"));
}

QMenu *Screenshots::openActionsMenu(MainWindow &target)
{
    QMenu *menu = target.editController()->menu();
    target.menuBar()->setActiveAction(menu->menuAction());
    waitUntil([menu] { return menu->isVisible(); }, QStringLiteral("the Actions menu"));
    settle();
    return menu;
}

QPixmap Screenshots::menuPicture(MainWindow &target, QMenu *menu, QWidget *toolTip)
{
    QList<QWidget *> onTop{menu};
    QRect area(QPoint(0, 0), placeIn(&target, menu) + QPoint(menu->width(), menu->height()));
    if (toolTip) {
        onTop.append(toolTip);
        area |= QRect(placeIn(&target, toolTip), toolTip->size());
    }
    // The menu and what is around it: the table's left part, up to the row below the menu.
    area.setRight(qMax(area.right() + 40, 620));
    area.setBottom(area.bottom() + 12);
    return composed(&target, onTop).copy(area);
}

// --- the pictures -------------------------------------------------------------------------

void Screenshots::welcomeWithoutProfiles()
{
    window().showWelcome();
    waitUntil(
        [this] {
            return window().findChild<WelcomePage *>() &&
                   window().findChild<WelcomePage *>()->isVisible();
        },
        QStringLiteral("the welcome page"));
    settle();
    save(window().grab(), QStringLiteral("screenshots/welcome.png"));
}

void Screenshots::welcomeWithProfile()
{
    ConnectionProfile staging;
    staging.name = QStringLiteral("Staging cluster");
    staging.url =
        QStringLiteral("postgresql://maxroach@staging.example.com:26257/movr?sslmode=verify-full");
    ConnectionProfiles::save(staging);
    window().showWelcome(); // reloads the recent connections
    settle();
    save(window().grab(), QStringLiteral("guide/welcome.png"));
}

void Screenshots::connectionTest(const QString &file, int port)
{
    auto *welcome = window().findChild<WelcomePage *>();
    child<QCommandLinkButton>(welcome, "connectCluster")->click();
    waitUntil(
        [this] {
            return window().findChild<ConnectionDialog *>() &&
                   window().findChild<ConnectionDialog *>()->isVisible();
        },
        QStringLiteral("the connection dialog"));
    auto *dialog = window().findChild<ConnectionDialog *>();
    // As a user fills in the Fields tab.
    dialog->findChild<QTabWidget *>()->setCurrentIndex(1);
    child<QLineEdit>(dialog, "host")->setText(m_settings.host());
    child<QSpinBox>(dialog, "port")->setValue(port);
    child<QLineEdit>(dialog, "database")->setText(m_settings.database());
    child<QLineEdit>(dialog, "user")->setText(m_settings.user());
    child<QComboBox>(dialog, "sslMode")->setCurrentText(QStringLiteral("disable"));
    child<QLineEdit>(dialog, "password")->setText(m_settings.value(QStringLiteral("password")));
    QSignalSpy tested(dialog, &ConnectionDialog::testFinished);
    child<QPushButton>(dialog, "test")->click();
    waitUntil([&] { return !tested.isEmpty(); }, QStringLiteral("the connection test"));
    settle();
    save(framed(dialog), file);
    dialog->reject();
    waitUntil([this] { return !window().findChild<ConnectionDialog *>(); },
              QStringLiteral("the connection dialog to close"));
}

// A URL with a wrong password (as from the command line): the window asks for it again.
void Screenshots::wrongPassword()
{
    ConnectionSettings wrong = m_settings;
    wrong.setValue(QStringLiteral("password"), QStringLiteral("not-the-password"));
    window().connectTo(wrong, QStringLiteral("demo:temporary"));
    waitUntil(
        [this] {
            auto *dialog = window().findChild<ConnectionDialog *>(QStringLiteral("connectAgain"));
            return dialog && dialog->isVisible();
        },
        QStringLiteral("the connection dialog asking for the password"));
    auto *dialog = window().findChild<ConnectionDialog *>(QStringLiteral("connectAgain"));
    settle();
    save(framed(dialog), QStringLiteral("guide/connect-wrong-password.png"));
    dialog->reject();
    waitUntil([this] { return !window().findChild<ConnectionDialog *>(); },
              QStringLiteral("the connection dialog to close"));
}

void Screenshots::connectToDemo()
{
    QSignalSpy privileges(window().editController(), &EditController::privilegesLoaded);
    QSignalSpy shown(&window(), &MainWindow::dataShown);
    window().connectTo(m_settings, QStringLiteral("demo:temporary"));
    waitUntil([&] { return !privileges.isEmpty() && !shown.isEmpty(); },
              QStringLiteral("the demo's first rows and privileges"));
    waitUntil([this] { return !window().connectionStatus()->roundTripText().isEmpty(); },
              QStringLiteral("the connection check"), 20000);
    // Wide enough for a whole UUID on one line: one whose groups start with digits cannot
    // wrap (no line break is allowed between a hyphen and a digit) and would scroll sideways.
    window().resizeDocks({child<QDockWidget>(&window(), "detailDock")}, {DetailWidth},
                         Qt::Horizontal);
}

void Screenshots::vehiclesWithTrail()
{
    TablePage *vehicles = showTable(BrowseTable::Vehicles);
    if (!vehicles->scopeSelector()->selectScope(QStringLiteral("us-east1")))
        fail(QStringLiteral("no scope us-east1"));
    waitUntil([vehicles] { return vehicles->model()->filter().cities.size() == 3; },
              QStringLiteral("the us-east1 scope"));
    waitLoaded(vehicles->model(), QStringLiteral("vehicles of us-east1"));
    showVehicleTrail(m_picks.usEast1Trail);
    settle();
    save(window().grab(), QStringLiteral("guide/fleet-vehicles-trail.png"));
}

void Screenshots::actionsMenu()
{
    TablePage *vehicles = window().currentPage();
    vehicles->scopeSelector()->selectScope(QString());
    waitUntil([vehicles] { return vehicles->model()->filter().cities.isEmpty(); },
              QStringLiteral("all cities"));
    waitLoaded(vehicles->model(), QStringLiteral("all vehicles"));
    selectRow(vehicles, key(QStringLiteral("boston"), m_picks.rideVehicle));
    QMenu *menu = openActionsMenu(window());
    save(menuPicture(window(), menu), QStringLiteral("guide/fleet-actions-menu.png"));
    menu->close();
    waitUntil([menu] { return !menu->isVisible(); }, QStringLiteral("the menu to close"));
}

void Screenshots::addVehicleDialog()
{
    withDialog<VehicleDialog>(
        [this] { window().editController()->action(MovrOperation::AddVehicle)->trigger(); },
        [this](VehicleDialog *dialog) {
            child<QComboBox>(dialog, "type")->setCurrentText(QStringLiteral("bike"));
            child<QLineEdit>(dialog, "ownerId")->setText(m_picks.bostonUser);
            child<QLineEdit>(dialog, "location")->setText(QStringLiteral("120 Harbor Street"));
            child<QComboBox>(dialog, "color")->setCurrentText(QStringLiteral("blue"));
            child<QComboBox>(dialog, "brand")->setCurrentText(QStringLiteral("Kona"));
            settle();
            save(framed(dialog), QStringLiteral("guide/fleet-add-vehicle.png"));
            dialog->reject();
        },
        QStringLiteral("the Add vehicle dialog"));
}

void Screenshots::setStatusDialog()
{
    TablePage *vehicles = window().currentPage();
    BrowseTableModel *model = vehicles->model();
    const int cityColumn = column(BrowseTable::Vehicles, "city");
    QList<int> boston;
    for (int row = 0; row < model->rowCount() && boston.size() < 2; ++row) {
        if (model->cellText(row, cityColumn) == u"boston")
            boston.append(row);
    }
    if (boston.size() < 2)
        fail(QStringLiteral("fewer than two vehicles in boston"));
    QAbstractItemModel *shown = vehicles->view()->model();
    QItemSelectionModel *selection = vehicles->view()->selectionModel();
    vehicles->view()->setCurrentIndex(shown->index(boston.at(0), 1));
    selection->select(shown->index(boston.at(1), 1),
                      QItemSelectionModel::Select | QItemSelectionModel::Rows);
    withDialog<VehicleStatusDialog>(
        [this] { window().editController()->action(MovrOperation::SetVehicleStatus)->trigger(); },
        [this](VehicleStatusDialog *dialog) {
            child<QComboBox>(dialog, "status")->setCurrentText(QStringLiteral("lost"));
            settle();
            save(composed(&window(), {dialog}), QStringLiteral("guide/fleet-set-status.png"));
            dialog->reject();
        },
        QStringLiteral("the Set vehicle status dialog"));
}

void Screenshots::rideDetail()
{
    TablePage *rides = showTable(BrowseTable::Rides);
    search(rides, m_picks.detailRide.left(2));
    selectRow(rides, key(m_picks.detailCity, m_picks.detailRide));
    DetailPane *detail = window().detailPane();
    waitUntil(
        [detail] {
            BrowseTableModel *history = detail->sectionModel(QStringLiteral("Location history"));
            return history && history->rowCount() > 0 && detail->trailPlot()->points().size() > 1;
        },
        QStringLiteral("the ride's location history"));
    for (const QString &section : detail->sectionNames())
        waitLoaded(detail->sectionModel(section), section);
    settle();
    save(window().grab(), QStringLiteral("guide/support-ride-detail.png"));
}

void Screenshots::endRideDialog()
{
    // A ride started in the window, so that one is active: the Start ride action, as a user
    // would run it.
    QSignalSpy finished(window().editController(), &EditController::editFinished);
    withDialog<StartRideDialog>(
        [this] { window().editController()->action(MovrOperation::StartRide)->trigger(); },
        [this](StartRideDialog *dialog) {
            child<QComboBox>(dialog, "city")->setCurrentText(QStringLiteral("boston"));
            child<QLineEdit>(dialog, "riderId")->setText(m_picks.rideRider);
            child<QLineEdit>(dialog, "vehicleId")->setText(m_picks.rideVehicle);
            // The dialog stays open until the database answers (or shows why it refused).
            QPointer<StartRideDialog> open(dialog);
            dialog->accept();
            waitUntil([open] { return !open || !open->isVisible() || !open->problem().isEmpty(); },
                      QStringLiteral("the Start ride dialog to send"));
            if (open && open->isVisible())
                fail(QStringLiteral("the Start ride dialog refused: %1").arg(open->problem()));
        },
        QStringLiteral("the Start ride dialog"));
    waitForEdit(finished, QStringLiteral("Start ride"));

    TablePage *rides = window().currentPage();
    rides->searchField()->clear();
    child<QCheckBox>(rides, "activeOnly")->setChecked(true);
    waitUntil(
        [rides] {
            return rides->model()->filter().activeOnly && rides->model()->filter().search.isEmpty();
        },
        QStringLiteral("the active rides filter"));
    waitLoaded(rides->model(), QStringLiteral("active rides"));
    const int riderColumn = column(BrowseTable::Rides, "rider_id");
    const int idColumn = column(BrowseTable::Rides, "id");
    QString started;
    waitUntil(
        [&] {
            for (int row = 0; row < rides->model()->rowCount(); ++row) {
                if (rides->model()->cellText(row, riderColumn) == m_picks.rideRider)
                    started = rides->model()->cellText(row, idColumn);
            }
            return !started.isEmpty();
        },
        QStringLiteral("the started ride"));
    selectRow(rides, key(QStringLiteral("boston"), started));
    DetailPane *detail = window().detailPane();
    waitUntil(
        [detail] {
            return detail->sectionModel(QStringLiteral("Vehicle")) &&
                   detail->sectionModel(QStringLiteral("Vehicle"))->rowCount() > 0;
        },
        QStringLiteral("the ride's vehicle"));
    for (const QString &section : detail->sectionNames())
        waitLoaded(detail->sectionModel(section), section);

    withDialog<EndRideDialog>(
        [this] { window().editController()->action(MovrOperation::EndRide)->trigger(); },
        [this](EndRideDialog *dialog) {
            auto *revenue = child<QLineEdit>(dialog, "revenue");
            revenue->setFocus();
            revenue->setText(QStringLiteral("12.50"));
            settle();
            save(composed(&window(), {dialog}), QStringLiteral("guide/support-end-ride.png"));
            dialog->accept();
        },
        QStringLiteral("the End ride dialog"));
    waitForEdit(finished, QStringLiteral("End ride"));
    child<QCheckBox>(rides, "activeOnly")->setChecked(false);
    waitLoaded(rides->model(), QStringLiteral("all rides"));
}

void Screenshots::pendingEdits()
{
    TablePage *users = showTable(BrowseTable::Users);
    search(users, m_picks.firstName);
    waitUntil([users] { return users->model()->rowCount() >= 2; },
              QStringLiteral("two users of the same first name"));
    BrowseTableModel *model = users->model();
    m_editedCity = model->cellText(0, column(BrowseTable::Users, "city"));
    m_editedUser = model->cellText(0, column(BrowseTable::Users, "id"));
    m_editedName = model->cellText(0, column(BrowseTable::Users, "name"));
    m_otherUser = model->cellText(1, column(BrowseTable::Users, "id"));

    // What F2, typing and Enter commit: the view's model takes the value as pending.
    QAbstractItemModel *shown = users->view()->model();
    const int name = column(BrowseTable::Users, "name");
    if (!shown->setData(shown->index(0, name), m_editedName + QStringLiteral("-Miller")) ||
        !shown->setData(shown->index(0, column(BrowseTable::Users, "address")),
                        QStringLiteral("12 Beacon Street")))
        fail(QStringLiteral("the inline edits were refused"));
    waitUntil([this] { return window().editController()->pendingChanges()->count() == 2; },
              QStringLiteral("two pending changes"));
    selectRow(users, key(model->cellText(1, 0), m_otherUser));
    settle();

    // The tool tip of the edited name, as when the mouse rests on it.
    const QModelIndex edited = shown->index(0, name);
    const QRect cell = users->view()->visualRect(edited);
    QWidget *tip = showToolTip(users->view()->viewport()->mapToGlobal(cell.center()),
                               edited.data(Qt::ToolTipRole).toString(), users->view()->viewport());
    settle();
    save(composed(&window(), {tip}), QStringLiteral("guide/support-pending-edits.png"));
    QToolTip::hideText();
}

void Screenshots::conflictDialog()
{
    // Someone else renames the user meanwhile.
    runElsewhere(QStringLiteral("UPDATE users SET name = $3 WHERE city = $1 AND id = $2"),
                 {m_editedCity, m_editedUser, m_editedName + QStringLiteral("-Lee")});
    // Live updates mark the pending cell "changed on the server" (the stream's event, then
    // the row read again); its tool tip says so, as when the mouse rests on it.
    TablePage *users = window().currentPage();
    QAbstractItemModel *shown = users->view()->model();
    const int name = column(BrowseTable::Users, "name");
    const auto editedCell = [&] {
        const int row = users->model()->rowForKey(key(m_editedCity, m_editedUser));
        return row < 0 ? QModelIndex() : shown->index(row, name);
    };
    waitUntil(
        [&] {
            return editedCell().isValid() &&
                   editedCell().data(PendingEditsProxy::ChangedOnServerRole).toBool();
        },
        QStringLiteral("the pending edit marked changed on the server"));
    const QRect cell = users->view()->visualRect(editedCell());
    QWidget *tip =
        showToolTip(users->view()->viewport()->mapToGlobal(cell.center()),
                    editedCell().data(Qt::ToolTipRole).toString(), users->view()->viewport());
    settle();
    save(composed(&window(), {tip}), QStringLiteral("guide/live-changed-on-server.png"));
    QToolTip::hideText();
    const auto answer = [this](ConflictDialog *dialog) {
        // Widened as a user would: at its first size the field's name (table, city, whole id)
        // leaves the values too little room, and they are elided.
        dialog->resize(1000, dialog->height());
        settle();
        save(framed(dialog), QStringLiteral("guide/support-conflict.png"));
        dialog->chooseAll(ConflictDialog::Choice::Mine);
        dialog->accept();
    };
    withDialog<ConflictDialog>([this] { window().editController()->applyAction()->trigger(); },
                               answer, QStringLiteral("the conflict dialog"));
    waitUntil([this] { return window().editController()->pendingChanges()->count() == 0; },
              QStringLiteral("the changes to be applied"));
}

void Screenshots::previewDialog()
{
    window().editController()->injectAction()->setChecked(true);
    TablePage *users = window().currentPage();
    BrowseTableModel *model = users->model();
    waitLoaded(model, QStringLiteral("users after the apply"));
    const int row = model->rowForKey(
        key(model->cellText(0, 0) == m_editedCity ? model->cellText(1, 0) : model->cellText(0, 0),
            m_otherUser));
    const int other = row >= 0 ? row : 1;
    QAbstractItemModel *shown = users->view()->model();
    if (!shown->setData(shown->index(other, column(BrowseTable::Users, "address")),
                        QStringLiteral("500 Fifth Avenue")))
        fail(QStringLiteral("the inline edit was refused"));
    QSignalSpy finished(window().editController(), &EditController::editFinished);
    withDialog<PreviewDialog>(
        [this] { window().editController()->previewPendingAction()->trigger(); },
        [this](PreviewDialog *dialog) {
            save(framed(dialog), QStringLiteral("guide/qa-preview.png"));
            dialog->accept();
        },
        QStringLiteral("the preview dialog"));
    waitForEdit(finished, QStringLiteral("the previewed change"));
}

void Screenshots::showNewestEdit(int select)
{
    SqlPanel *panel = window().sqlPanel();
    panel->show();
    window().resizeDocks({panel}, {560}, Qt::Vertical);
    panel->findChild<QSplitter *>()->setSizes({300, 200}); // the list, the script
    // Every outcome, only the window's own edits (the first list is the outcome's).
    child<QComboBox>(panel, "outcomeFilter")->setCurrentIndex(0); // Everything
    auto *source = child<QComboBox>(panel, "sourceFilter");
    source->setCurrentIndex(source->findText(QStringLiteral("My edits")));
    auto *view = panel->findChild<QTreeView *>();
    QAbstractItemModel *model = view->model();
    waitUntil([model] { return model->rowCount() > 0; }, QStringLiteral("the SQL panel"));
    const QModelIndex action = model->index(model->rowCount() - 1, 0);
    view->collapseAll();
    view->expandRecursively(action);
    const QModelIndex chosen = select < 0 ? action : model->index(select, 0, action);
    view->selectionModel()->setCurrentIndex(chosen, QItemSelectionModel::ClearAndSelect |
                                                        QItemSelectionModel::Rows);
    view->scrollToBottom();
    settle();
}

void Screenshots::sqlPanelRetry()
{
    showNewestEdit(1); // attempt 2, the retry
    save(window().grab(), QStringLiteral("guide/qa-sql-panel-retry.png"));
}

void Screenshots::addUserDialogAndRetry()
{
    QSignalSpy finished(window().editController(), &EditController::editFinished);
    withDialog<UserDialog>(
        [this] { window().editController()->action(MovrOperation::AddUser)->trigger(); },
        [this](UserDialog *dialog) {
            child<QComboBox>(dialog, "city")->setCurrentText(QStringLiteral("new york"));
            child<QLineEdit>(dialog, "name")->setText(QStringLiteral("Zoë O'Connor"));
            auto *address = child<QLineEdit>(dialog, "address");
            address->setFocus();
            address->setText(QStringLiteral("1 Rue de Rivoli"));
            settle();
            save(composed(&window(), {dialog}), QStringLiteral("screenshots/add-user-dialog.png"));
            dialog->accept();
        },
        QStringLiteral("the Add user dialog"));
    waitForEdit(finished, QStringLiteral("Add user"));
    showNewestEdit(-1);
    save(window().grab(), QStringLiteral("screenshots/sql-panel-retry.png"));
    window().editController()->injectAction()->setChecked(false);
}

void Screenshots::privilegesOfReadOnlyRole()
{
    window().hide();
    ConnectionSettings readOnly = m_settings;
    readOnly.setValue(QStringLiteral("user"), QStringLiteral("support_ro"));
    readOnly.setValue(QStringLiteral("password"), QStringLiteral("readonly"));
    MainWindow limited;
    limited.resize(windowSize());
    limited.move(0, 0);
    limited.show();
    QSignalSpy privileges(limited.editController(), &EditController::privilegesLoaded);
    limited.connectTo(readOnly, QStringLiteral("demo:temporary"));
    waitUntil([&] { return !privileges.isEmpty(); }, QStringLiteral("support_ro's privileges"));
    limited.selectTable(BrowseTable::Users);
    TablePage *users = limited.currentPage();
    waitUntil([users] { return users->model()->rowCount() > 0; }, QStringLiteral("users"));
    waitLoaded(users->model(), QStringLiteral("users as support_ro"));
    QMenu *menu = openActionsMenu(limited);
    QAction *addUser = limited.editController()->action(MovrOperation::AddUser);
    const QRect item = menu->actionGeometry(addUser);
    // Beside the menu, on the entry's line (QToolTip puts it a little below the point).
    QWidget *tip = showToolTip(menu->mapToGlobal(QPoint(menu->width(), item.top() - 12)),
                               addUser->toolTip(), menu);
    save(menuPicture(limited, menu, tip), QStringLiteral("guide/qa-privileges.png"));
    QToolTip::hideText();
    menu->close();
    limited.hide();
    window().show();
    activate(&window());
}

void Screenshots::mainWindowLight()
{
    window().sqlPanel()->hide();
    showTable(BrowseTable::Vehicles);
    showVehicleTrail(m_picks.anyTrail);
    settle();
    save(window().grab(), QStringLiteral("screenshots/main-window.png"));
}

void Screenshots::mainWindowDark()
{
    Theme::instance()->setMode(Theme::Mode::Dark);
    SqlPanel *panel = window().sqlPanel();
    panel->show();
    window().resizeDocks({panel}, {380}, Qt::Vertical);
    child<QComboBox>(panel, "outcomeFilter")->setCurrentIndex(0); // Everything
    child<QComboBox>(panel, "sourceFilter")->setCurrentIndex(0);  // All sources
    auto *view = panel->findChild<QTreeView *>();
    view->collapseAll();
    QAbstractItemModel *model = view->model();
    // The reads of the detail pane come in a burst: select the newest once it is over.
    int seen = -1;
    waitUntil(
        [&] {
            const int now = model->rowCount();
            const bool quiet = now == seen;
            seen = now;
            QTest::qWait(300);
            return quiet;
        },
        QStringLiteral("the SQL panel to be quiet"));
    view->selectionModel()->setCurrentIndex(model->index(model->rowCount() - 1, 0),
                                            QItemSelectionModel::ClearAndSelect |
                                                QItemSelectionModel::Rows);
    view->scrollToBottom();
    settle();
    save(window().grab(), QStringLiteral("screenshots/main-window-dark.png"));
    Theme::instance()->setMode(Theme::Mode::Light);
}

void Screenshots::workloadRun()
{
    SqlPanel *panel = window().sqlPanel();
    panel->hide();
    auto *detail = child<QDockWidget>(&window(), "detailDock");
    detail->hide(); // the dock takes the right side
    showTable(BrowseTable::Vehicles);
    auto *dock = child<WorkloadDock>(&window(), "workloadDock");
    dock->show();
    window().resizeDocks({dock}, {620}, Qt::Horizontal);
    auto *mix = child<QComboBox>(dock, "workloadMix");
    mix->setCurrentIndex(mix->findData(int(WorkloadMix::Steady)));
    child<QDoubleSpinBox>(dock, "workloadRate")->setValue(6);
    child<QSpinBox>(dock, "workloadConcurrency")->setValue(3);
    WorkloadController *controller = dock->controller();
    dock->startRun();
    waitUntil([controller] { return controller->state() == WorkloadController::State::Running; },
              QStringLiteral("the workload to start"));
    // A table with operations done and a chart with a line: a dozen ticks, one a second.
    QTableWidget *table = dock->table();
    const auto *ops = static_cast<QLineSeries *>(dock->chart()->series().constFirst());
    waitUntil(
        [table, ops] {
            const QString done = table->item(kWorkloadOpCount, WorkloadDock::DoneColumn)->text();
            return ops->count() >= 12 && !done.isEmpty() && done != QLatin1String("0");
        },
        QStringLiteral("the workload's table and chart"));
    settle();
    save(window().grab(), QStringLiteral("guide/load-workload-dock.png"));

    // The SQL panel, filtered to the workload's statements, while it runs.
    panel->show();
    window().resizeDocks({panel}, {380}, Qt::Vertical);
    child<QComboBox>(panel, "outcomeFilter")->setCurrentIndex(0); // Everything
    auto *source = child<QComboBox>(panel, "sourceFilter");
    source->setCurrentIndex(source->findText(QStringLiteral("Workload")));
    auto *view = panel->findChild<QTreeView *>();
    QAbstractItemModel *model = view->model();
    waitUntil([model] { return model->rowCount() >= 5; },
              QStringLiteral("the workload's statements in the SQL panel"));
    // The newest write (most calls only read), expanded: its attempt and statements.
    QModelIndex action = model->index(model->rowCount() - 1, 0);
    for (int row = model->rowCount() - 1; row >= 0; --row) {
        const QModelIndex candidate = model->index(row, 0);
        if (!candidate.data().toString().contains(QLatin1String("Read vehicles"))) {
            action = candidate;
            break;
        }
    }
    view->collapseAll();
    view->expandRecursively(action);
    view->selectionModel()->setCurrentIndex(action, QItemSelectionModel::ClearAndSelect |
                                                        QItemSelectionModel::Rows);
    view->scrollTo(action, QAbstractItemView::PositionAtTop);
    settle();
    save(window().grab(), QStringLiteral("guide/load-sql-panel-workload.png"));

    dock->stopRun();
    waitUntil([controller] { return controller->state() == WorkloadController::State::Idle; },
              QStringLiteral("the workload to stop"));
    dock->hide();
    panel->hide();
    detail->show();
}

void Screenshots::liveHighlight()
{
    TablePage *vehicles = showTable(BrowseTable::Vehicles);
    waitLiveDecoding();
    BrowseTableModel *model = vehicles->model();
    // Long enough for the picture to catch the changed cells at nearly full strength.
    model->setHighlightDuration(60000);
    // Vehicles the workload added meanwhile wait in the new rows bar: shown, so that the
    // picture is about the changed cells.
    if (model->newRowCount() > 0)
        vehicles->newRowsBar()->showNewRows();
    waitUntil([model] { return model->newRowCount() == 0; }, QStringLiteral("no new vehicle"));
    waitLoaded(model, QStringLiteral("the vehicles shown"));
    QTableView *view = vehicles->view();
    view->setCurrentIndex(view->model()->index(0, 1));
    view->scrollToTop();
    // Three vehicles near the top, changed by a second session in one transaction: one set
    // lost, one moved, one taken (status and place).
    const int idColumn = column(BrowseTable::Vehicles, "id");
    const int statusColumn = column(BrowseTable::Vehicles, "status");
    const int locationColumn = column(BrowseTable::Vehicles, "current_location");
    const QList<int> rows{2, 4, 5};
    if (model->rowCount() <= rows.last())
        fail(QStringLiteral("too few vehicles for the live picture"));
    SqlParams ids;
    for (int row : rows)
        ids.append(model->cellText(row, idColumn));
    runElsewhere(
        QStringLiteral(
            "UPDATE vehicles SET "
            "status = CASE id WHEN $1::uuid THEN (CASE status WHEN 'lost' THEN 'available' "
            "ELSE 'lost' END) WHEN $3::uuid THEN (CASE status WHEN 'in_use' THEN "
            "'available' ELSE 'in_use' END) ELSE status END, "
            "current_location = CASE id WHEN $2::uuid THEN '88 Harbor Street' "
            "WHEN $3::uuid THEN '1 Station Square' ELSE current_location END "
            "WHERE id IN ($1::uuid, $2::uuid, $3::uuid)"),
        ids);
    const auto highlighted = [model](int row, int column) {
        return model->index(row, column).data(BrowseTableModel::ChangeHighlightRole).toReal() > 0.5;
    };
    waitUntil(
        [&] {
            return highlighted(rows.at(0), statusColumn) &&
                   highlighted(rows.at(1), locationColumn) &&
                   highlighted(rows.at(2), statusColumn) && highlighted(rows.at(2), locationColumn);
        },
        QStringLiteral("the changed vehicles highlighted"));
    settle();
    save(window().grab(), QStringLiteral("guide/live-highlight.png"));
    model->setHighlightDuration(ChangeHighlights::DefaultDurationMs);
}

void Screenshots::liveNewRows()
{
    TablePage *rides = showTable(BrowseTable::Rides);
    waitLiveDecoding();
    // Rides the workload started meanwhile are already waiting: shown first, so that the
    // bar counts the second session's rides alone.
    BrowseTableModel *model = rides->model();
    if (model->newRowCount() > 0)
        rides->newRowsBar()->showNewRows();
    waitUntil([model] { return model->newRowCount() == 0; }, QStringLiteral("no new ride"));
    waitLoaded(model, QStringLiteral("the rides shown"));
    rides->view()->setCurrentIndex(rides->view()->model()->index(0, 1));
    rides->view()->scrollToTop();
    // A second session starts three rides (as Start ride does: the ride, the vehicle taken).
    runElsewhere(
        QStringLiteral(
            "WITH picked AS (SELECT v.city, v.id, v.current_location, "
            "(SELECT u.id FROM users u WHERE u.city = v.city ORDER BY u.id LIMIT 1) AS rider "
            "FROM vehicles v WHERE v.status = 'available' AND NOT EXISTS (SELECT 1 FROM rides r "
            "WHERE r.vehicle_city = v.city AND r.vehicle_id = v.id AND r.end_time IS NULL) "
            "ORDER BY v.city, v.id LIMIT 3), "
            "started AS (INSERT INTO rides (id, city, vehicle_city, rider_id, vehicle_id, "
            "start_address, start_time) SELECT gen_random_uuid(), city, city, rider, id, "
            "current_location, now()::timestamp FROM picked RETURNING vehicle_city, vehicle_id) "
            "UPDATE vehicles v SET status = 'in_use' FROM started s "
            "WHERE v.city = s.vehicle_city AND v.id = s.vehicle_id"),
        {});
    NewRowsBar *bar = rides->newRowsBar();
    waitUntil([model, bar] { return model->newRowCount() == 3 && bar->isVisible(); },
              QStringLiteral("the new rides bar"));
    settle();
    save(window().grab(), QStringLiteral("guide/live-new-rows.png"));
}

void Screenshots::takeAll()
{
    m_window = std::make_unique<MainWindow>();
    window().resize(windowSize());
    window().move(0, 0);
    window().show();
    if (!QTest::qWaitForWindowExposed(&window()))
        fail(QStringLiteral("the window was not shown"));
    activate(&window());

    welcomeWithoutProfiles();
    welcomeWithProfile();
    connectionTest(QStringLiteral("guide/connect-test-ok.png"), m_settings.port());
    connectionTest(QStringLiteral("guide/connect-test-refused.png"), refusingPort());
    wrongPassword();
    connectToDemo();
    vehiclesWithTrail();
    actionsMenu();
    addVehicleDialog();
    setStatusDialog();
    rideDetail();
    endRideDialog();
    pendingEdits();
    conflictDialog();
    previewDialog();
    sqlPanelRetry();
    addUserDialogAndRetry();
    privilegesOfReadOnlyRole();
    mainWindowLight();
    mainWindowDark();
    workloadRun();
    liveHighlight();
    liveNewRows();

    m_window.reset();
    std::printf("take_screenshots: %d pictures\n", m_saved);
}

} // namespace

int main(int argc, char *argv[])
{
    // Settings, saved connections and the journal in a directory of their own, removed at
    // the end (set before any Qt object reads the environment).
    QTemporaryDir home(QDir::tempPath() + QStringLiteral("/movr-screenshots-XXXXXX"));
    if (!home.isValid())
        fail(QStringLiteral("cannot create a temporary directory"));
    temporaryHome = home.path();
    for (const char *variable :
         {"XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_RUNTIME_DIR"}) {
        const QString path = home.filePath(QLatin1String(variable));
        QDir().mkpath(path);
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        qputenv(variable, path.toLocal8Bit());
    }

    QCoreApplication::setOrganizationName(QStringLiteral("movr-admin"));
    QCoreApplication::setApplicationName(QStringLiteral("movr-admin"));
    QApplication app(argc, argv);
    QApplication::setApplicationVersion(QStringLiteral(MOVR_VERSION));
    const QStringList arguments = QApplication::arguments();
    if (arguments.size() > 2 || arguments.contains(QStringLiteral("--help"))) {
        std::fprintf(stderr, "usage: take_screenshots [OUTPUT_DIR]   (default: docs)\n");
        return 2;
    }
    const QString output = arguments.size() == 2 ? arguments.at(1) : QStringLiteral("docs");
    // English whatever the system's language; the catalog also gives the plural forms.
    Translations::install(app, QStringLiteral("en"));
    Theme::instance()->setMode(Theme::Mode::Light); // not the desktop's choice

    // The demo database, on this thread (it outlives the server): as movr-admin --demo.
    DemoDatabase demo;
    std::printf("take_screenshots: starting the demo database…\n");
    std::fflush(stdout);
    if (const Status started = demo.start(); !started)
        fail(QStringLiteral("the demo database did not start: %1").arg(started.error().toString()));
    Screenshots screenshots(output, demo.connectionSettings());
    screenshots.prepareDatabase();
    screenshots.takeAll();
    return 0;
}
