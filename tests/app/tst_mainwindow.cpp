// The main window, offscreen, on a database with generated MovR data: it opens and shows
// rows, tables switch, scope and search filter on the server, the detail pane follows
// links, Ctrl+C copies TSV (rows in a table, the selected text in the detail pane), the export
// writes every matching row.
//
// MOVR_SCREENSHOT=<file.png> saves a picture of the window (run under Xvfb with
// QT_QPA_PLATFORM=xcb for the real look).

#include "ConnectionDialog.h"
#include "ConnectionStatusBar.h"
#include "DetailPane.h"
#include "EditController.h"
#include "LocationTrailPlot.h"
#include "MainWindow.h"
#include "ModelTesting.h"
#include "SavedFilters.h"
#include "ScopeSelector.h"
#include "StateOverlay.h"
#include "TablePage.h"
#include "TestServer.h"
#include "models/BrowseTableModel.h"
#include "movr/MovrLoader.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QDateTimeEdit>
#include <QFileDialog>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

class TestMainWindow : public QObject
{
    Q_OBJECT

private:
    QString m_database;
    std::unique_ptr<PgConnection> m_sql;
    std::unique_ptr<MainWindow> m_window;

    // Connects `window` with settings that cannot work and returns the connection dialog
    // it opens again (null when none showed within 20 s).
    static ConnectionDialog *connectAndAwaitTheDialogAgain(MainWindow &window,
                                                           const ConnectionSettings &settings)
    {
        window.connectTo(settings);
        ConnectionDialog *dialog = nullptr;
        const bool shown = QTest::qWaitFor(
            [&] {
                dialog = window.findChild<ConnectionDialog *>(QStringLiteral("connectAgain"));
                return dialog && dialog->isVisible();
            },
            20000);
        return shown ? dialog : nullptr;
    }

    qint64 sqlCount(const QString &sql, const SqlParams &params = {})
    {
        auto result = m_sql->exec(sql, params);
        if (!result)
            qFatal("%s", qPrintable(result.error().toString()));
        return result->text(0, 0).toLongLong();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear(); // no window state from an earlier run
        m_database = TestServer::createDatabase(QStringLiteral("window"));
        m_sql = TestServer::connect(m_database);
        MovrCounts counts;
        counts.users = 300;
        counts.vehicles = 120;
        counts.rides = 3000;
        counts.histories = 6000;
        counts.promoCodes = 400;
        const Status loaded = MovrLoader::initialize(*m_sql, DataGenerator(counts, 7));
        QVERIFY2(loaded, qPrintable(loaded ? QString() : loaded.error().toString()));
    }

    void opensAndShowsRows()
    {
        m_window = std::make_unique<MainWindow>();
        QSignalSpy shown(m_window.get(), &MainWindow::dataShown);
        m_window->show();
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        m_window->showStartupMessage(QStringLiteral("Starting…"));
        m_window->connectTo(TestServer::settings(m_database));
        QTRY_COMPARE(shown.count(), 1);
        TablePage *vehicles = m_window->currentPage();
        QVERIFY(vehicles);
        QCOMPARE(vehicles->table(), BrowseTable::Vehicles);
        QVERIFY(vehicles->model()->rowCount() > 0);
        QVERIFY(!vehicles->overlay()->isVisible());
        QTRY_VERIFY(
            m_window->connectionStatus()->serverText().contains(QLatin1String("PostgreSQL")));
        QVERIFY(m_window->connectionStatus()->serverText().contains(m_database));
        QVERIFY(m_window->connectionStatus()->healthText().contains(QLatin1String("Connected")));
        QTRY_VERIFY(!m_window->connectionStatus()->roundTripText().isEmpty());
        QCOMPARE(m_window->connectionStatus()->tlsText(), QStringLiteral("No TLS"));
        // CockroachDB-only reading modes stay hidden on PostgreSQL.
        QVERIFY(!m_window->detailPane()->isTimeTravelAvailable());
        QVERIFY(!m_window->detailPane()->asOf().isValid());
        // The estimate, not a count.
        QTRY_VERIFY(vehicles->summaryText().contains(QLatin1String("about 120")));
        // Other tabs load only when first shown.
        QCOMPARE(m_window->tablePage(BrowseTable::Rides)->model()->state(),
                 BrowseTableModel::State::Idle);
        QCOMPARE(shown.count(), 1);
    }

    // The summary line never claims "about" a number it does not have: an unknown estimate
    // (-1: never analyzed, NULL) or a stale one (at or below what is loaded) reads as "more as
    // you scroll"; once everything is loaded, the count alone.
    void summaryForUnknownAndStaleEstimates()
    {
        QCOMPARE(TablePage::summaryFor(50, false, -1),
                 QStringLiteral("50 loaded, more as you scroll"));
        QCOMPARE(TablePage::summaryFor(50, false, 0),
                 QStringLiteral("50 loaded, more as you scroll"));
        QCOMPARE(TablePage::summaryFor(50, false, 50),
                 QStringLiteral("50 loaded, more as you scroll"));
        QCOMPARE(TablePage::summaryFor(50, false, 120),
                 QStringLiteral("50 loaded of about %1 in the table").arg(QLocale().toString(120)));
        for (qint64 estimate : {qint64(-1), qint64(0), qint64(50), qint64(5000)}) {
            const QString done = TablePage::summaryFor(50, true, estimate);
            QVERIFY2(done.startsWith(QLatin1String("50 row")), qPrintable(done));
            QVERIFY2(!done.contains(QLatin1String("about")), qPrintable(done));
        }
    }

    void switchingTables()
    {
        QTest::keyClick(m_window.get(), Qt::Key_2, Qt::ControlModifier);
        QCOMPARE(m_window->currentPage()->table(), BrowseTable::Rides);
        BrowseTableModel *rides = m_window->currentPage()->model();
        QAbstractItemModelTester tester(rides,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        QTRY_VERIFY(rides->rowCount() > 0);
        QTest::keyClick(m_window.get(), Qt::Key_4, Qt::ControlModifier);
        QCOMPARE(m_window->currentPage()->table(), BrowseTable::PromoCodes);
        QTRY_VERIFY(m_window->currentPage()->model()->rowCount() > 0);
        QTest::keyClick(m_window.get(), Qt::Key_3, Qt::ControlModifier);
        QCOMPARE(m_window->currentPage()->table(), BrowseTable::Users);
        QTRY_VERIFY(m_window->currentPage()->model()->rowCount() > 0);
    }

    void scopeFiltersOnTheServer()
    {
        m_window->selectTable(BrowseTable::Users);
        TablePage *users = m_window->currentPage();
        QVERIFY(users->scopeSelector()->selectScope(QStringLiteral("rome")));
        QCOMPARE(users->model()->filter().cities, QStringList{QStringLiteral("rome")});
        QVERIFY(ModelTesting::fetchAll(*users->model()));
        QCOMPARE(users->model()->rowCount(),
                 sqlCount(QStringLiteral("SELECT count(*) FROM users WHERE city = 'rome'")));
        for (int row = 0; row < users->model()->rowCount(); ++row)
            QCOMPARE(users->model()->cellText(row, 0), QStringLiteral("rome"));
        QVERIFY(users->scopeSelector()->selectScope(QStringLiteral("europe-west1")));
        QVERIFY(ModelTesting::fetchAll(*users->model()));
        QCOMPARE(users->model()->rowCount(),
                 sqlCount(QStringLiteral("SELECT count(*) FROM users WHERE city IN "
                                         "('amsterdam', 'paris', 'rome')")));
        QVERIFY(users->scopeSelector()->selectScope(QString()));
        QCOMPARE(users->model()->filter().cities, QStringList{});
    }

    void searchWithCtrlF()
    {
        m_window->selectTable(BrowseTable::Rides);
        TablePage *rides = m_window->currentPage();
        QTRY_VERIFY(rides->model()->rowCount() > 5);
        const QString id = rides->model()->cellText(5, 1);
        QTest::keyClick(m_window.get(), Qt::Key_F, Qt::ControlModifier);
        QTRY_VERIFY(rides->searchField()->hasFocus());
        QTest::keyClicks(rides->searchField(), id.left(7));
        QTest::keyClick(rides->searchField(), Qt::Key_Return);
        QCOMPARE(rides->model()->filter().search, id.left(7));
        QVERIFY(ModelTesting::fetchAll(*rides->model()));
        QCOMPARE(rides->model()->rowCount(),
                 sqlCount(QStringLiteral("SELECT count(*) FROM rides WHERE id::text LIKE $1"),
                          {id.left(7) + QLatin1Char('%')}));
        QVERIFY(rides->model()->rowForKey({rides->model()->cellText(0, 0), id}) >= 0);

        // Nothing found: the empty state says so.
        rides->searchField()->setText(QStringLiteral("zzzz"));
        QTest::keyClick(rides->searchField(), Qt::Key_Return);
        QTRY_COMPARE(rides->model()->state(), BrowseTableModel::State::Ready);
        QCOMPARE(rides->model()->rowCount(), 0);
        QVERIFY(rides->overlay()->isVisible());
        QVERIFY(rides->overlay()->message().contains(QLatin1String("No rows")));
        rides->searchField()->clear();
        QTest::keyClick(rides->searchField(), Qt::Key_Return);
        QTRY_VERIFY(rides->model()->rowCount() > 0);
        QVERIFY(!rides->overlay()->isVisible());
    }

    void detailPaneFollowsLinks()
    {
        m_window->selectTable(BrowseTable::Rides);
        TablePage *rides = m_window->currentPage();
        QTRY_VERIFY(rides->model()->rowCount() > 0);
        // A ride that has a location history.
        auto withHistory = m_sql->exec(QStringLiteral(
            "SELECT r.city, r.id::text FROM rides r WHERE EXISTS (SELECT 1 FROM "
            "vehicle_location_histories h WHERE h.city = r.city AND h.ride_id = r.id) "
            "ORDER BY r.city, r.id LIMIT 1"));
        QVERIFY(withHistory && withHistory->rowCount() == 1);
        rides->searchField()->setText(withHistory->text(0, 1));
        QTest::keyClick(rides->searchField(), Qt::Key_Return);
        QTRY_COMPARE(rides->model()->rowCount(), 1);
        rides->view()->setFocus();
        rides->view()->setCurrentIndex(rides->model()->index(0, 1));
        DetailPane *detail = m_window->detailPane();
        QVERIFY(detail->hasEntity());
        QCOMPARE(detail->entityTable(), BrowseTable::Rides);
        QCOMPARE(detail->sectionNames(),
                 (QStringList{QStringLiteral("Rider"), QStringLiteral("Vehicle"),
                              QStringLiteral("Location history")}));
        BrowseTableModel *history = detail->sectionModel(QStringLiteral("Location history"));
        QVERIFY(ModelTesting::fetchAll(*history));
        const qint64 points = sqlCount(
            QStringLiteral("SELECT count(*) FROM vehicle_location_histories WHERE city = $1 "
                           "AND ride_id = $2::uuid"),
            {withHistory->text(0, 0), withHistory->text(0, 1)});
        QCOMPARE(history->rowCount(), points);
        QTRY_COMPARE(detail->trailPlot()->points().size(), points);

        // Enter on the ride moves into the relations; Enter on the rider follows the link.
        QTest::keyClick(rides->view(), Qt::Key_Return);
        QTableView *riderView = detail->sectionView(QStringLiteral("Rider"));
        QTRY_COMPARE(detail->sectionModel(QStringLiteral("Rider"))->rowCount(), 1);
        const QString riderId = detail->sectionModel(QStringLiteral("Rider"))->cellText(0, 1);
        riderView->setCurrentIndex(riderView->model()->index(0, 0));
        QTest::keyClick(riderView, Qt::Key_Return);
        QTRY_COMPARE(detail->entityTable(), BrowseTable::Users);
        QCOMPARE(detail->entityRow().text(1), riderId);
        QCOMPARE(detail->sectionNames(),
                 (QStringList{QStringLiteral("Rides"), QStringLiteral("Vehicles"),
                              QStringLiteral("Promo codes")}));
        BrowseTableModel *ridesOfUser = detail->sectionModel(QStringLiteral("Rides"));
        QVERIFY(ModelTesting::fetchAll(*ridesOfUser));
        QCOMPARE(ridesOfUser->rowCount(),
                 sqlCount(QStringLiteral("SELECT count(*) FROM rides WHERE city = $1 AND "
                                         "rider_id = $2::uuid"),
                          {withHistory->text(0, 0), riderId}));
        QVERIFY(ridesOfUser->rowCount() >= 1);
        // Double-click on one of the user's rides follows that link too.
        QTableView *ridesView = detail->sectionView(QStringLiteral("Rides"));
        QTRY_VERIFY(ridesView->isVisible() &&
                    ridesView->visualRect(ridesOfUser->index(0, 1)).isValid());
        const QPoint cell = ridesView->visualRect(ridesOfUser->index(0, 1)).center();
        QTest::mousePress(ridesView->viewport(), Qt::LeftButton, {}, cell);
        QTest::mouseRelease(ridesView->viewport(), Qt::LeftButton, {}, cell);
        QTest::mouseDClick(ridesView->viewport(), Qt::LeftButton, {}, cell);
        QTRY_COMPARE(detail->entityTable(), BrowseTable::Rides);
        detail->back();
        QCOMPARE(detail->entityTable(), BrowseTable::Users);
        detail->back();
        QCOMPARE(detail->entityTable(), BrowseTable::Rides);
        QCOMPARE(detail->entityRow().text(1), withHistory->text(0, 1));

        // A vehicle shows its owner and rides.
        m_window->selectTable(BrowseTable::Vehicles);
        TablePage *vehicles = m_window->currentPage();
        vehicles->view()->setCurrentIndex(vehicles->model()->index(0, 0));
        QCOMPARE(detail->entityTable(), BrowseTable::Vehicles);
        QCOMPARE(detail->sectionNames(),
                 (QStringList{QStringLiteral("Owner"), QStringLiteral("Rides")}));
        QTRY_COMPARE(detail->sectionModel(QStringLiteral("Owner"))->rowCount(), 1);
        rides->searchField()->clear();
        QTest::keyClick(rides->searchField(), Qt::Key_Return);
    }

    // Right-click: a menu that does not hold up the window (it opens and the test goes on),
    // acting on the row under the mouse.
    void contextMenuActsOnTheRowUnderTheMouse()
    {
        m_window->selectTable(BrowseTable::Users);
        TablePage *users = m_window->currentPage();
        QTRY_VERIFY(users->model()->rowCount() > 4);
        QTableView *view = users->view();
        const QRect cell = view->visualRect(view->model()->index(4, 2));
        Q_EMIT view->customContextMenuRequested(cell.center());
        QMenu *menu = nullptr;
        QTRY_VERIFY((menu = users->findChild<QMenu *>()) && menu->isVisible());
        QAction *details = nullptr;
        for (QAction *action : menu->actions())
            if (action->text() == QLatin1String("Show details"))
                details = action;
        QVERIFY(details && details->isEnabled());
        details->trigger();
        menu->close();
        m_window->activateWindow(); // the popup had taken the activation
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        QTRY_VERIFY(m_window->detailPane()->hasEntity());
        QCOMPARE(m_window->detailPane()->entityTable(), BrowseTable::Users);
        QCOMPARE(m_window->detailPane()->entityRow(), users->model()->rowAt(4));
    }

    void copySelectionAsTsv()
    {
        m_window->selectTable(BrowseTable::Users);
        TablePage *users = m_window->currentPage();
        QTRY_VERIFY(users->model()->rowCount() > 2);
        users->view()->setFocus();
        users->view()->selectRow(0);
        users->view()->selectionModel()->select(
            users->model()->index(1, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        QTest::keyClick(users->view(), Qt::Key_C, Qt::ControlModifier);
        const QStringList lines =
            QApplication::clipboard()->text().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3);
        QCOMPARE(lines.at(0), QStringLiteral("city\tid\tname\taddress\tcredit_card"));
        const QStringList first = lines.at(1).split(QLatin1Char('\t'));
        QCOMPARE(first.at(1), users->model()->cellText(0, 1)); // the whole UUID
        QCOMPARE(first.at(1).size(), 36);
        QVERIFY(first.at(4).startsWith(QStringLiteral("••••"))); // masked unless revealed
    }

    // The pane's values are selectable text: Ctrl+C there copies the selection (not the
    // table's rows), the context menu copies the whole value; Ctrl+C in a table still
    // copies rows.
    void detailPaneValuesCanBeCopied()
    {
        m_window->selectTable(BrowseTable::Vehicles);
        TablePage *vehicles = m_window->currentPage();
        QTRY_VERIFY(vehicles->model()->rowCount() > 0);
        vehicles->view()->setFocus();
        vehicles->view()->setCurrentIndex({}); // row 0 may be current already
        vehicles->view()->setCurrentIndex(vehicles->model()->index(0, 1));
        DetailPane *detail = m_window->detailPane();
        QCOMPARE(detail->entityTable(), BrowseTable::Vehicles);
        const RowData row = vehicles->model()->rowAt(0);
        const QString id = row.text(1);
        QCOMPARE(id.size(), 36);
        QLabel *idLabel = detail->fieldLabel(QStringLiteral("id"));
        QVERIFY(idLabel);
        QTRY_VERIFY(idLabel->isVisible());
        QCOMPARE(idLabel->text(), id);
        QVERIFY(idLabel->textInteractionFlags().testFlags(Qt::TextSelectableByMouse |
                                                          Qt::TextSelectableByKeyboard));
        QClipboard *clipboard = QApplication::clipboard();

        // Part of the id selected, Ctrl+C: exactly that part.
        clipboard->setText(QStringLiteral("unchanged"));
        idLabel->setFocus(Qt::MouseFocusReason);
        QTRY_VERIFY(idLabel->hasFocus());
        idLabel->setSelection(0, 13);
        QCOMPARE(idLabel->selectedText(), id.left(13));
        QTest::keyClick(idLabel, Qt::Key_C, Qt::ControlModifier);
        QCOMPARE(clipboard->text(), id.left(13));
        // All of it (Ctrl+A with the keyboard), Ctrl+C: the whole id, no row, no tabs.
        clipboard->setText(QStringLiteral("unchanged"));
        QTest::keyClick(idLabel, Qt::Key_A, Qt::ControlModifier);
        QCOMPARE(idLabel->selectedText(), id);
        QTest::keyClick(idLabel, Qt::Key_C, Qt::ControlModifier);
        QCOMPARE(clipboard->text(), id);

        // The context menu of a value shown shortened (a JSON summary): Copy value gives
        // the whole value; Copy (the selection) is there but disabled with nothing selected.
        const int ext = TableSpec::of(BrowseTable::Vehicles).columnIndex(QStringLiteral("ext"));
        QVERIFY(!row.isNull(ext));
        QLabel *extLabel = detail->fieldLabel(QStringLiteral("ext"));
        QVERIFY(extLabel);
        QVERIFY(extLabel->text() != row.text(ext));
        QCOMPARE(detail->fieldCopyText(QStringLiteral("ext")), row.text(ext));
        auto contextMenuOf = [detail](QLabel *label) -> QMenu * {
            const QPoint position(2, 2);
            QContextMenuEvent event(QContextMenuEvent::Mouse, position,
                                    label->mapToGlobal(position));
            QApplication::sendEvent(label, &event);
            return detail->findChild<QMenu *>(QStringLiteral("valueMenu"));
        };
        QMenu *menu = contextMenuOf(extLabel);
        QVERIFY(menu);
        QTRY_VERIFY(menu->isVisible());
        auto *copyValue = menu->findChild<QAction *>(QStringLiteral("copyValue"));
        QVERIFY(copyValue && copyValue->isEnabled());
        QVERIFY(!menu->findChild<QAction *>(QStringLiteral("copySelection"))->isEnabled());
        clipboard->setText(QStringLiteral("unchanged"));
        copyValue->trigger();
        QCOMPARE(clipboard->text(), row.text(ext));
        menu->close();
        QTRY_VERIFY(!detail->findChild<QMenu *>(QStringLiteral("valueMenu")));
        // The owner id: the whole UUID.
        menu = contextMenuOf(detail->fieldLabel(QStringLiteral("owner_id")));
        QVERIFY(menu);
        clipboard->setText(QStringLiteral("unchanged"));
        menu->findChild<QAction *>(QStringLiteral("copyValue"))->trigger();
        QCOMPARE(
            clipboard->text(),
            row.text(TableSpec::of(BrowseTable::Vehicles).columnIndex(QStringLiteral("owner_id"))));
        QCOMPARE(clipboard->text().size(), 36);
        menu->close();
        QTRY_VERIFY(!detail->findChild<QMenu *>(QStringLiteral("valueMenu")));

        // A relation's table in the pane copies like the main tables: full values, TSV.
        m_window->activateWindow(); // after the popup
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        QTableView *rides = detail->sectionView(QStringLiteral("Rides"));
        QVERIFY(rides);
        QTRY_VERIFY(rides->model()->rowCount() > 1);
        rides->setFocus();
        QTRY_VERIFY(rides->hasFocus());
        rides->selectionModel()->select(
            QItemSelection(rides->model()->index(0, 0),
                           rides->model()->index(1, rides->model()->columnCount() - 1)),
            QItemSelectionModel::ClearAndSelect);
        clipboard->setText(QStringLiteral("unchanged"));
        QTest::keyClick(rides, Qt::Key_C, Qt::ControlModifier);
        const QStringList lines = clipboard->text().trimmed().split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 3); // the header and two rows
        QVERIFY2(lines.at(0).startsWith(QLatin1String("city\tid\t")), qPrintable(lines.at(0)));
        QCOMPARE(lines.at(1).split(QLatin1Char('\t')).at(1).size(), 36); // a whole UUID

        // Back in the table, Ctrl+C copies the selected row as TSV.
        clipboard->setText(QStringLiteral("unchanged"));
        m_window->activateWindow(); // after the popup
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        vehicles->view()->setFocus();
        QTRY_VERIFY(vehicles->view()->hasFocus());
        vehicles->view()->selectRow(0);
        QTest::keyClick(vehicles->view(), Qt::Key_C, Qt::ControlModifier);
        const QStringList fields = clipboard->text().trimmed().split(QLatin1Char('\t'));
        QCOMPARE(fields.size(), TableSpec::of(BrowseTable::Vehicles).columns.size());
        QCOMPARE(fields.at(1), id);
    }

    void exportWritesEveryMatchingRow()
    {
        m_window->selectTable(BrowseTable::Rides);
        TablePage *rides = m_window->currentPage();
        QVERIFY(rides->scopeSelector()->selectScope(QStringLiteral("us-east1")));
        QTRY_VERIFY(rides->model()->rowCount() > 0);
        QVERIFY(!rides->model()->atEnd()); // only the first page is loaded
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("rides.csv"));
        QSignalSpy finished(m_window.get(), &MainWindow::exportFinished);
        QString error;
        QVERIFY2(m_window->exportCurrentView(path, &error), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
        QVERIFY(finished.at(0).at(0).toBool());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().split('\n');
        const qint64 expected = sqlCount(QStringLiteral(
            "SELECT count(*) FROM rides WHERE city IN ('new york', 'boston', 'washington dc')"));
        QCOMPARE(lines.size() - 2, expected); // header + rows + the empty piece after the last \n
        QVERIFY(lines.at(0).startsWith("city,id,rider_id"));
        QVERIFY(rides->scopeSelector()->selectScope(QString()));
    }

    // Export asks for the file with open(), not a nested loop: the slot returns at once, the
    // dialog is found while the event loop runs, and accepting it exports.
    void exportAsksForTheFileWithoutANestedLoop()
    {
        m_window->selectTable(BrowseTable::Vehicles);
        QTRY_VERIFY(m_window->currentPage()->model()->rowCount() > 0);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("vehicles.csv"));
        QSignalSpy finished(m_window.get(), &MainWindow::exportFinished);
        m_window->exportInteractively(); // returns: no nested event loop
        QFileDialog *ask = nullptr;
        QTRY_VERIFY((ask = m_window->findChild<QFileDialog *>(QStringLiteral("exportFile"))));
        QVERIFY(ask->isVisible());
        QCOMPARE(ask->acceptMode(), QFileDialog::AcceptSave);
        ask->selectFile(path);
        static_cast<QDialog *>(ask)->accept(); // QFileDialog::accept is protected
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
        QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toString()));
        QVERIFY(QFile::exists(path));
        QTRY_VERIFY(!m_window->findChild<QFileDialog *>(QStringLiteral("exportFile")));
    }

    void failedPageShowsWhyWithRetry()
    {
        m_window->selectTable(BrowseTable::Users);
        TablePage *users = m_window->currentPage();
        users->searchField()->setText(QStringLiteral("a") + QChar(0));
        QTest::keyClick(users->searchField(), Qt::Key_Return);
        QTRY_COMPARE(users->model()->state(), BrowseTableModel::State::Error);
        QVERIFY(users->overlay()->isVisible());
        QVERIFY(users->overlay()->isRetryVisible());
        QVERIFY(users->overlay()->message().contains(QLatin1String("NUL")));
        users->searchField()->clear();
        QTest::keyClick(users->searchField(), Qt::Key_Return);
        QTRY_VERIFY(users->model()->rowCount() > 0);
        QVERIFY(!users->overlay()->isVisible());
    }

    void screenshot()
    {
        const QString path = qEnvironmentVariable("MOVR_SCREENSHOT");
        if (path.isEmpty())
            QSKIP("MOVR_SCREENSHOT not set");
        m_window->selectTable(BrowseTable::Vehicles);
        TablePage *vehicles = m_window->currentPage();
        QTRY_VERIFY(vehicles->model()->rowCount() > 3);
        vehicles->view()->setCurrentIndex(vehicles->model()->index(2, 1));
        QTRY_VERIFY(m_window->detailPane()->sectionModel(QStringLiteral("Rides")) &&
                    m_window->detailPane()->sectionModel(QStringLiteral("Rides"))->rowCount() > 0);
        QTest::qWait(1500);
        QVERIFY(m_window->grab().save(path));
    }

    // Closing saves the last table, its filters, column widths and sort; a new window starts
    // where the user left off, and loads only what the restored filter selects.
    // "From … to" ends now unless a bound is ticked: a ride started after the window opened
    // shows after a reload (the "to" used to be fixed when the window was built).
    void ridesRangeEndsNow()
    {
        m_window->selectTable(BrowseTable::Rides);
        TablePage *rides = m_window->currentPage();
        auto *range = rides->findChild<QCheckBox *>(QStringLiteral("timeRange"));
        auto *toBound = rides->findChild<QCheckBox *>(QStringLiteral("timeToBound"));
        auto *from = rides->findChild<QDateTimeEdit *>(QStringLiteral("timeFrom"));
        auto *to = rides->findChild<QDateTimeEdit *>(QStringLiteral("timeTo"));
        QVERIFY(range && toBound && from && to);
        QVERIFY(rides->scopeSelector()->selectScope(QStringLiteral("paris")));
        from->setDateTime(QDateTime::currentDateTime().addSecs(-15 * 60));
        range->setChecked(true);
        QVERIFY(!toBound->isChecked());
        QCOMPARE(to->text(), QStringLiteral("now"));
        QVERIFY(rides->model()->filter().from.isValid());
        QVERIFY(!rides->model()->filter().to.isValid());
        QTRY_COMPARE(rides->model()->state(), BrowseTableModel::State::Ready);

        // A ride started later, on a vehicle of Paris (its time as the columns hold it, UTC).
        const QString rideId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        QVERIFY(m_sql->exec(
            QStringLiteral("INSERT INTO rides (id, city, vehicle_city, rider_id, vehicle_id, "
                           "start_address, start_time) SELECT $1::uuid, 'paris', 'paris', "
                           "(SELECT id FROM users WHERE city = 'paris' LIMIT 1), v.id, "
                           "v.current_location, now() AT TIME ZONE 'UTC' + interval '1 second' "
                           "FROM vehicles v WHERE v.city = 'paris' LIMIT 1"),
            {rideId}));
        // Removed however the test ends: later tests count Paris's rides.
        const auto removeRide = qScopeGuard([this, rideId] {
            QVERIFY(m_sql->exec(QStringLiteral("DELETE FROM rides WHERE city = 'paris' AND id = "
                                               "$1::uuid"),
                                {rideId}));
        });
        const KeyValues key{QStringLiteral("paris"), rideId};
        QCOMPARE(rides->model()->rowForKey(key), -1);
        QSignalSpy shown(rides->model(), &BrowseTableModel::firstRowsShown);
        rides->reload();
        QTRY_VERIFY(shown.count() > 0);
        QVERIFY(ModelTesting::fetchAll(*rides->model()));
        QVERIFY(rides->model()->rowForKey(key) >= 0);

        // Ticked, "to" is a bound: the ride is after it.
        toBound->setChecked(true);
        QVERIFY(to->isEnabled());
        // A ticked "to" at its lowest value shows that date, not "now" (which it is not).
        to->setDateTime(to->minimumDateTime());
        QVERIFY2(to->text() != QStringLiteral("now"), qPrintable(to->text()));
        to->setDateTime(QDateTime::currentDateTime().addSecs(-60));
        QVERIFY(rides->model()->filter().to.isValid());
        QVERIFY(ModelTesting::fetchAll(*rides->model()));
        QCOMPARE(rides->model()->rowForKey(key), -1);
        const QVariantMap state = rides->filterState();
        QVERIFY(state.value(QStringLiteral("toBound")).toBool());

        // A state saved before there was a bound ("to" = when the window opened): now.
        QVariantMap old = state;
        old.remove(QStringLiteral("toBound"));
        rides->restoreFilterState(old);
        QVERIFY(range->isChecked());
        QVERIFY(!toBound->isChecked());
        QVERIFY(!rides->model()->filter().to.isValid());
        QVERIFY(ModelTesting::fetchAll(*rides->model()));
        QVERIFY(rides->model()->rowForKey(key) >= 0);

        rides->restoreFilterState({});
        QCOMPARE(rides->model()->filter(), BrowseFilter{});
    }

    // A vehicle's and a rider's rides: newest first, the active ride on top, with the times
    // and the revenue beside the id.
    void detailRideListsNewestFirst()
    {
        auto vehicle = m_sql->exec(QStringLiteral(
            "SELECT v.city, v.id::text FROM vehicles v WHERE v.status = 'in_use' AND (SELECT "
            "count(*) FROM rides r WHERE r.vehicle_city = v.city AND r.vehicle_id = v.id) >= 3 "
            "ORDER BY v.city, v.id LIMIT 1"));
        QVERIFY(vehicle && vehicle->rowCount() == 1);
        m_window->selectTable(BrowseTable::Vehicles);
        TablePage *vehicles = m_window->currentPage();
        vehicles->searchField()->setText(vehicle->text(0, 1));
        QTest::keyClick(vehicles->searchField(), Qt::Key_Return);
        QTRY_COMPARE(vehicles->model()->rowCount(), 1);
        vehicles->view()->setCurrentIndex(vehicles->model()->index(0, 1));
        DetailPane *detail = m_window->detailPane();
        QCOMPARE(detail->entityTable(), BrowseTable::Vehicles);
        BrowseTableModel *list = detail->sectionModel(QStringLiteral("Rides"));
        QVERIFY(list);
        QVERIFY(ModelTesting::fetchAll(*list));
        QVERIFY(list->rowCount() >= 3);
        const TableSpec &spec = list->spec();
        const int start = spec.columnIndex(QStringLiteral("start_time"));
        const int end = spec.columnIndex(QStringLiteral("end_time"));
        const int revenue = spec.columnIndex(QStringLiteral("revenue"));
        QVERIFY(list->rowAt(0).isNull(end)); // the active ride on top
        for (int row = 1; row < list->rowCount(); ++row) {
            QVERIFY(!list->rowAt(row).isNull(end));
            QVERIFY(list->rowAt(row).text(start) <= list->rowAt(row - 1).text(start));
        }
        QTableView *view = detail->sectionView(QStringLiteral("Rides"));
        QHeaderView *header = view->horizontalHeader();
        const int id = spec.columnIndex(QStringLiteral("id"));
        QCOMPARE(header->visualIndex(start), header->visualIndex(id) + 1);
        QCOMPARE(header->visualIndex(end), header->visualIndex(id) + 2);
        QCOMPARE(header->visualIndex(revenue), header->visualIndex(id) + 3);
        for (int column : {id, start, end, revenue})
            QVERIFY(!view->isColumnHidden(column));
        vehicles->searchField()->clear();
        QTest::keyClick(vehicles->searchField(), Qt::Key_Return);
    }

    void lastTableFiltersAndColumnsAreRestored()
    {
        m_window->selectTable(BrowseTable::Rides);
        TablePage *rides = m_window->currentPage();
        QVERIFY(rides->scopeSelector()->selectScope(QStringLiteral("rome")));
        rides->findChild<QCheckBox *>(QStringLiteral("activeOnly"))->setChecked(true);
        rides->searchField()->setText(QStringLiteral("it's; --"));
        QTest::keyClick(rides->searchField(), Qt::Key_Return);
        rides->view()->setColumnWidth(2, 333);
        rides->view()->horizontalHeader()->setSortIndicator(4, Qt::DescendingOrder);
        QCOMPARE(rides->model()->sortOrder().column, 4);
        QVERIFY(m_window->close());

        m_window = std::make_unique<MainWindow>();
        QSignalSpy shown(m_window.get(), &MainWindow::dataShown);
        m_window->show();
        m_window->connectTo(TestServer::settings(m_database));
        QTRY_COMPARE(shown.count(), 1);
        TablePage *restored = m_window->currentPage();
        QCOMPARE(restored->table(), BrowseTable::Rides);
        QCOMPARE(restored->scopeSelector()->cities(), QStringList{QStringLiteral("rome")});
        QCOMPARE(restored->searchField()->text(), QStringLiteral("it's; --"));
        QVERIFY(restored->findChild<QCheckBox *>(QStringLiteral("activeOnly"))->isChecked());
        const BrowseFilter &filter = restored->model()->filter();
        QCOMPARE(filter.cities, QStringList{QStringLiteral("rome")});
        QVERIFY(filter.activeOnly);
        QCOMPARE(filter.search, QStringLiteral("it's; --"));
        QCOMPARE(restored->view()->columnWidth(2), 333);
        // The sort arrow and the server-side order agree.
        QCOMPARE(restored->view()->horizontalHeader()->sortIndicatorSection(), 4);
        QCOMPARE(restored->model()->sortOrder().column, 4);
        QCOMPARE(restored->model()->sortOrder().order, Qt::DescendingOrder);

        // Saved values that no longer exist fall back to the defaults.
        TablePage *vehicles = m_window->tablePage(BrowseTable::Vehicles);
        vehicles->restoreFilterState({{QStringLiteral("scope"), QStringLiteral("city:atlantis")},
                                      {QStringLiteral("status"), QStringLiteral("flying")},
                                      {QStringLiteral("type"), QStringLiteral("bike")}});
        QCOMPARE(vehicles->scopeSelector()->cities(), QStringList{});
        QCOMPARE(vehicles->model()->filter().status, QString());
        QCOMPARE(vehicles->model()->filter().vehicleType, QStringLiteral("bike"));

        // Back to no filter, for whatever runs next.
        restored->restoreFilterState({});
        QCOMPARE(restored->model()->filter(), BrowseFilter{});
    }

    // A search belongs to the database it was typed on: another database opens without it
    // (not on "No rows match"), and each database gets its own back.
    void filtersAreRememberedPerDatabase()
    {
        const ConnectionSettings here = TestServer::settings(m_database);
        ConnectionSettings samePlaceOtherPassword = here;
        samePlaceOtherPassword.setValue(QStringLiteral("password"), QStringLiteral("changed"));
        QCOMPARE(SavedFilters::databaseIdentity(samePlaceOtherPassword),
                 SavedFilters::databaseIdentity(here));
        QVERIFY(
            !SavedFilters::databaseIdentity(here).contains(here.value(QStringLiteral("password"))));
        MovrCounts counts;
        counts.users = 20;
        counts.vehicles = 10;
        counts.rides = 20;
        counts.histories = 20;
        counts.promoCodes = 10;
        const ConnectionSettings there = TestServer::settings(
            TestServer::createMovrDatabase(QStringLiteral("elsewhere"), counts, 5));
        QVERIFY(SavedFilters::databaseIdentity(there) != SavedFilters::databaseIdentity(here));

        const QString first = QStringLiteral("only on the first database");
        m_window->selectTable(BrowseTable::Users);
        TablePage *users = m_window->currentPage();
        users->searchField()->setText(first);
        QTest::keyClick(users->searchField(), Qt::Key_Return);
        QTRY_COMPARE(users->model()->filter().search, first);
        QVERIFY(m_window->close());

        m_window = std::make_unique<MainWindow>();
        QSignalSpy shown(m_window.get(), &MainWindow::dataShown);
        m_window->show();
        m_window->connectTo(there);
        QTRY_COMPARE(shown.count(), 1);
        users = m_window->tablePage(BrowseTable::Users);
        QCOMPARE(m_window->currentPage(), users);
        QCOMPARE(users->searchField()->text(), QString());
        QCOMPARE(users->model()->filter(), BrowseFilter{});
        QVERIFY(users->model()->rowCount() > 0);
        const QString second = QStringLiteral("typed on the second");
        users->searchField()->setText(second);
        QTest::keyClick(users->searchField(), Qt::Key_Return);
        QTRY_COMPARE(users->model()->filter().search, second);

        // Switching databases in the same window: each one's own search (once the new
        // connection works: it is tried beside the current one first).
        QSignalSpy switched(m_window.get(), &MainWindow::sessionChanged);
        m_window->connectTo(here);
        QCOMPARE(users->searchField()->text(), second); // not switched yet
        QVERIFY(switched.wait(20000));
        QCOMPARE(users->searchField()->text(), first);
        QCOMPARE(users->model()->filter().search, first);
        QTRY_COMPARE(users->model()->state(), BrowseTableModel::State::Ready);
        QCOMPARE(users->model()->rowCount(), 0);
        m_window->connectTo(there);
        QVERIFY(switched.wait(20000));
        QCOMPARE(users->searchField()->text(), second);

        // Back to the first database and no filter, for whatever runs next.
        m_window->connectTo(here);
        QVERIFY(switched.wait(20000));
        users->restoreFilterState({});
        QTRY_COMPARE(users->model()->state(), BrowseTableModel::State::Ready);
    }

    // Fits a 1280-pixel-wide screen with the details beside the tables, at any table.
    void fitsASmallScreen()
    {
        MainWindow window;
        window.show();
        for (BrowseTable table : TableSpec::browsable()) {
            window.selectTable(table);
            QVERIFY2(window.minimumSizeHint().width() <= 1200,
                     qPrintable(QStringLiteral("%1: window %2 px, table page %3 px")
                                    .arg(TableSpec::of(table).title)
                                    .arg(window.minimumSizeHint().width())
                                    .arg(window.tablePage(table)->minimumSizeHint().width())));
        }
    }

    // A URL with a wrong password (as from the command line): no endless reconnecting, but
    // the connection dialog again, saying why, with the password to type; then it connects.
    void wrongPasswordAsksForIt()
    {
        MainWindow window;
        QSignalSpy shown(&window, &MainWindow::dataShown);
        window.show();
        ConnectionSettings wrong = TestServer::settings(m_database);
        const QString right = wrong.value(QStringLiteral("password"));
        QVERIFY(!right.isEmpty());
        wrong.setValue(QStringLiteral("password"), QStringLiteral("it's wrong"));
        ConnectionDialog *dialog = connectAndAwaitTheDialogAgain(window, wrong);
        QVERIFY(dialog);
        auto *message = dialog->findChild<QLabel *>(QStringLiteral("message"));
        QVERIFY2(message->text().contains(QLatin1String("Authentication failed")),
                 qPrintable(message->text()));
        QVERIFY(!message->text().contains(QLatin1String("it's wrong")));
        auto *password = dialog->findChild<QLineEdit *>(QStringLiteral("password"));
        QVERIFY(password->text().isEmpty());
        QCOMPARE(dialog->currentSettings()->database(), m_database); // the rest as given
        QVERIFY(!window.editController()->action(MovrOperation::AddUser)->isEnabled());
        QSignalSpy privileges(window.editController(), &EditController::privilegesLoaded);
        password->setText(right);
        dialog->accept();
        QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 1, 20000);
        QVERIFY(!window.findChild<ConnectionDialog *>(QStringLiteral("connectAgain")));
        // The privileges of the new connection are read (the failed one's read, never
        // answered, is neither waited for nor reported): the actions open.
        QTRY_COMPARE_WITH_TIMEOUT(privileges.count(), 1, 20000);
        QVERIFY(window.editController()->action(MovrOperation::AddUser)->isEnabled());
        QVERIFY(!window.findChild<QMessageBox *>(QStringLiteral("editOutcome")));
        QVERIFY2(!window.statusBar()->currentMessage().contains(QLatin1String("privileges")),
                 qPrintable(window.statusBar()->currentMessage()));
    }

    // A database that does not exist: the dialog again too, saying so, password kept.
    void missingDatabaseAsksAgain()
    {
        MainWindow window;
        window.show();
        ConnectionSettings missing = TestServer::settings(m_database);
        missing.setValue(QStringLiteral("dbname"), QStringLiteral("no_such_database"));
        ConnectionDialog *dialog = connectAndAwaitTheDialogAgain(window, missing);
        QVERIFY(dialog);
        auto *message = dialog->findChild<QLabel *>(QStringLiteral("message"));
        QVERIFY2(message->text().contains(QLatin1String("no_such_database")),
                 qPrintable(message->text()));
        QVERIFY(!dialog->findChild<QLineEdit *>(QStringLiteral("password"))->text().isEmpty());
        dialog->reject();
    }

    void cleanupTestCase() { m_window.reset(); }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
