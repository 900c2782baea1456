#include "AboutDialog.h"
#include "ConnectionProfiles.h"
#include "ShortcutsDialog.h"
#include "WelcomePage.h"

#include <QAction>
#include <QCommandLinkButton>
#include <QLabel>
#include <QListWidget>
#include <QMainWindow>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTest>

#include <libpq-fe.h>

class TestDesktopWidgets : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void aboutNamesEveryVersion();
    void shortcutsAreReadFromTheWindow();
    void welcomeOffersDemoAndConnect();
    void welcomeListsRecentConnections();
    void iconIsBuiltIn();
};

void TestDesktopWidgets::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("movr-admin-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_desktopwidgets"));
    QSettings().clear();
}

void TestDesktopWidgets::aboutNamesEveryVersion()
{
    QString text = AboutDialog::versionText(std::nullopt);
    QVERIFY(text.contains(QStringLiteral("MovR Admin %1").arg(QStringLiteral(MOVR_VERSION))));
    QVERIFY(text.contains(QStringLiteral("Qt %1").arg(QString::fromLatin1(qVersion()))));
    QVERIFY(text.contains(QStringLiteral("libpq %1.").arg(PQlibVersion() / 10000)));
    QVERIFY(text.contains(QLatin1String("not connected")));
    ServerInfo server;
    server.flavor = ServerFlavor::CockroachDB;
    server.version = QStringLiteral("v23.2.4");
    server.versionString = QStringLiteral("CockroachDB CCL v23.2.4 (x86_64-pc-linux-gnu)");
    text = AboutDialog::versionText(server);
    QVERIFY(text.contains(QLatin1String("Server: CockroachDB v23.2.4 (CockroachDB CCL v23.2.4")));
    AboutDialog dialog(server);
    QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("versions"))
                ->text()
                .contains(QLatin1String("v23.2.4")));
}

void TestDesktopWidgets::shortcutsAreReadFromTheWindow()
{
    QMainWindow window;
    auto *reload = new QAction(QStringLiteral("&Reload"), &window);
    reload->setShortcut(QKeySequence(Qt::Key_F5));
    auto *find = new QAction(QStringLiteral("&Find…"), &window);
    find->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_F), QKeySequence(Qt::Key_Slash)});
    new QAction(QStringLiteral("No shortcut"), &window);
    const auto rows = ShortcutsDialog::shortcutsOf(&window);
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows.at(0).first, QStringLiteral("Find"));
    QVERIFY(rows.at(0).second.contains(QLatin1String("F")));
    QVERIFY(rows.at(0).second.contains(QLatin1String(",")));
    QCOMPARE(rows.at(1), (QPair<QString, QString>(QStringLiteral("Reload"), QStringLiteral("F5"))));
    ShortcutsDialog dialog(&window);
    QCOMPARE(dialog.findChild<QTableWidget *>()->rowCount(), 2);
}

void TestDesktopWidgets::welcomeOffersDemoAndConnect()
{
    WelcomePage page;
    QSignalSpy demo(&page, &WelcomePage::demoRequested);
    QSignalSpy connectSpy(&page, &WelcomePage::connectRequested);
    page.findChild<QCommandLinkButton *>(QStringLiteral("startDemo"))->click();
    page.findChild<QCommandLinkButton *>(QStringLiteral("connectCluster"))->click();
    QCOMPARE(demo.count(), 1);
    QCOMPARE(connectSpy.count(), 1);
}

void TestDesktopWidgets::welcomeListsRecentConnections()
{
    QSettings().remove(QStringLiteral("connections"));
    WelcomePage empty;
    auto *emptyList = empty.findChild<QListWidget *>(QStringLiteral("recent"));
    QVERIFY(emptyList->isHidden()); // nothing to list: no empty box
    auto settings =
        ConnectionSettings::parse(QStringLiteral("postgresql://qa:secret@h:26257/movr"));
    ConnectionProfiles::addRecent(*settings);
    WelcomePage page;
    auto *list = page.findChild<QListWidget *>(QStringLiteral("recent"));
    QCOMPARE(list->count(), 1);
    QVERIFY(!list->item(0)->toolTip().contains(QLatin1String("secret")));
    QSignalSpy chosen(&page, &WelcomePage::recentChosen);
    list->setCurrentRow(0);
    Q_EMIT list->itemActivated(list->item(0));
    QCOMPARE(chosen.count(), 1);
    QCOMPARE(chosen.first().first().value<ConnectionProfile>().url,
             QStringLiteral("postgresql://qa@h:26257/movr"));
    // A page shown again after a connection was made lists it.
    empty.reloadRecent();
    QVERIFY(!emptyList->isHidden());
    QCOMPARE(emptyList->count(), 1);
}

void TestDesktopWidgets::iconIsBuiltIn()
{
    for (int size : {16, 32, 48, 64, 128, 256}) {
        const QPixmap pixmap(QStringLiteral(":/icons/movr-admin-%1.png").arg(size));
        QVERIFY(!pixmap.isNull());
        QCOMPARE(pixmap.width(), size);
    }
    QVERIFY(QFile::exists(QStringLiteral(":/icons/movr-admin.svg")));
}

QTEST_MAIN(TestDesktopWidgets)
#include "tst_desktopwidgets.moc"
