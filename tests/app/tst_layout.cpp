// The main window on a small screen (an offscreen screen of 1024x768): at 1024x700 the filter
// bar of every table, the details pane and the status line lie inside the window, the details
// dock is a proportion of the window; a saved geometry and dock width from a larger screen are
// brought back inside the screen.

#include "ConnectionStatusBar.h"
#include "DetailPane.h"
#include "MainWindow.h"
#include "TablePage.h"
#include "TestServer.h"
#include "WindowFit.h"
#include "models/BrowseTableModel.h"
#include "movr/MovrLoader.h"

#include <QApplication>
#include <QDockWidget>
#include <QScreen>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

namespace {

// The visible widgets under `root` (itself included) that reach outside `window`, one line
// each. Widgets inside a scroll area's viewport are checked against the viewport instead
// (they may scroll).
QStringList outside(QWidget *window, QWidget *root)
{
    QStringList problems;
    const QRect bounds = window->rect();
    QList<QWidget *> widgets = root->findChildren<QWidget *>();
    widgets.prepend(root);
    for (QWidget *widget : std::as_const(widgets)) {
        if (!widget->isVisibleTo(window) || widget->isWindow())
            continue;
        const QRect rect(widget->mapTo(window, QPoint(0, 0)), widget->size());
        if (!bounds.contains(rect))
            problems.append(QStringLiteral("%1 (%2) at %3,%4 %5x%6 is outside %7x%8")
                                .arg(widget->objectName(),
                                     QString::fromLatin1(widget->metaObject()->className()))
                                .arg(rect.x())
                                .arg(rect.y())
                                .arg(rect.width())
                                .arg(rect.height())
                                .arg(bounds.width())
                                .arg(bounds.height()));
    }
    return problems;
}

QDockWidget *detailsDock(MainWindow &window)
{
    return window.findChild<QDockWidget *>(QStringLiteral("detailDock"));
}

} // namespace

class TestLayout : public QObject
{
    Q_OBJECT

private:
    QString m_database;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        QCOMPARE(QGuiApplication::primaryScreen()->availableGeometry().size(), QSize(1024, 768));
        m_database = TestServer::createDatabase(QStringLiteral("layout"));
        auto sql = TestServer::connect(m_database);
        MovrCounts counts;
        counts.users = 45;
        counts.vehicles = 18;
        counts.rides = 90;
        counts.histories = 180;
        counts.promoCodes = 18;
        const Status loaded = MovrLoader::initialize(*sql, DataGenerator(counts, 3));
        QVERIFY2(loaded, qPrintable(loaded ? QString() : loaded.error().toString()));
    }

    void everythingFitsAt1024x700()
    {
        QSettings().clear();
        MainWindow window;
        window.resize(1024, 700);
        QSignalSpy shown(&window, &MainWindow::dataShown);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.connectTo(TestServer::settings(m_database));
        QTRY_COMPARE(shown.count(), 1);
        QCOMPARE(window.size(), QSize(1024, 700));

        // The details pane showing a ride (its sections and trail), as after a click.
        window.selectTable(BrowseTable::Rides);
        TablePage *rides = window.currentPage();
        QTRY_VERIFY(rides->model()->rowCount() > 0);
        rides->view()->setCurrentIndex(rides->view()->model()->index(0, 0));
        DetailPane *details = window.detailPane();
        QTRY_VERIFY(details->hasEntity());
        QTRY_VERIFY(!details->sectionNames().isEmpty());

        QDockWidget *dock = detailsDock(window);
        QVERIFY(dock && dock->isVisible());
        // A proportion of the window: the tables keep most of it.
        QTRY_VERIFY2(dock->width() >= 0.2 * window.width() &&
                         dock->width() <= 0.45 * window.width(),
                     qPrintable(QString::number(dock->width())));
        QVERIFY(window.centralWidget()->width() >= 0.5 * window.width());
        const QStringList dockProblems = outside(&window, dock);
        QVERIFY2(dockProblems.isEmpty(), qPrintable(dockProblems.join(QLatin1Char('\n'))));
        // The pane's own widgets fit the dock's width (nothing cut off on the right).
        QVERIFY2(details->width() <= dock->width(), qPrintable(QString::number(details->width())));

        const QStringList statusProblems = outside(&window, window.connectionStatus());
        QVERIFY2(statusProblems.isEmpty(), qPrintable(statusProblems.join(QLatin1Char('\n'))));

        // Every table's filter bar, each when shown.
        for (BrowseTable table : TableSpec::browsable()) {
            window.selectTable(table);
            TablePage *page = window.currentPage();
            QCOMPARE(page->table(), table);
            QWidget *bar = page->findChild<QWidget *>(QStringLiteral("filterBar"));
            QVERIFY(bar);
            QTRY_VERIFY(bar->isVisible());
            const QStringList problems = outside(&window, bar);
            QVERIFY2(problems.isEmpty(),
                     qPrintable(TableSpec::of(table).sqlName + QLatin1Char('\n') +
                                problems.join(QLatin1Char('\n'))));
            // The table below the bar keeps room for rows.
            QVERIFY(page->view()->height() >= 200);
        }
    }

    // Saved on a larger screen (2400x1400, a details dock 1500 px wide), opened on this one.
    void savedGeometryLargerThanTheScreenIsClamped()
    {
        QSettings().clear();
        {
            MainWindow large;
            // As it was on the larger screen: not fitted to this one.
            delete large.findChild<WindowFit *>();
            large.setGeometry(0, 0, 2400, 1400);
            large.show();
            QVERIFY(QTest::qWaitForWindowExposed(&large));
            large.resizeDocks({detailsDock(large)}, {1500}, Qt::Horizontal);
            QTRY_VERIFY(detailsDock(large)->width() > 1000);
            large.saveWindowState();
            large.hide();
        }
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QRect available = window.screen()->availableGeometry();
        QVERIFY2(available.contains(window.frameGeometry()),
                 qPrintable(QStringLiteral("%1,%2 %3x%4")
                                .arg(window.frameGeometry().x())
                                .arg(window.frameGeometry().y())
                                .arg(window.frameGeometry().width())
                                .arg(window.frameGeometry().height())));
        QDockWidget *dock = detailsDock(window);
        QTRY_VERIFY2(
            dock->width() <= 0.45 * window.width(),
            qPrintable(QStringLiteral("dock %1 of %2").arg(dock->width()).arg(window.width())));
        QVERIFY(window.centralWidget()->width() >= 0.5 * window.width());

        // Made smaller by the user later: the dock stays a proportion.
        window.resize(1024, 700);
        QTRY_COMPARE(window.size(), QSize(1024, 700));
        QTRY_VERIFY2(
            dock->width() <= 0.45 * window.width(),
            qPrintable(QStringLiteral("dock %1 of %2").arg(dock->width()).arg(window.width())));
        QVERIFY(dock->width() >= dock->minimumWidth());
    }
};

int main(int argc, char **argv)
{
    // One offscreen screen of a small laptop, whatever QT_QPA_PLATFORM says.
    QTemporaryDir dir;
    const QString config = dir.filePath(QStringLiteral("screens.json"));
    QFile file(config);
    if (!file.open(QIODevice::WriteOnly))
        return 1;
    // No window frame: the window's geometry is its frame's (a 1024x700 window fits).
    file.write(R"({"windowFrameMargins": false,
                  "screens": [{"name": "small", "x": 0, "y": 0, "width": 1024, "height": 768,
                  "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]})");
    file.close();
    qputenv("QT_QPA_PLATFORM", "offscreen:configfile=" + config.toLocal8Bit());
    QApplication app(argc, argv);
    TestLayout test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_layout.moc"
