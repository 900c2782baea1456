#include "ConnectionDialog.h"
#include "ConnectionProfiles.h"
#include "PasswordStore.h"
#include "TestServer.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <optional>

class TestConnectionDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init() { QSettings().clear(); }
    void malformedUrlDisablesConnect_data();
    void malformedUrlDisablesConnect();
    void fieldsBuildSettings();
    void missingCertificateFileIsRefused();
    void testButtonShowsTheServer();
    void testButtonShowsThePreciseFailure();
    void profilesNeverContainPasswords();
    void recentConnectionsAreBoundedAndDeduplicated();
    void missingKeychainIsExplainedPlainly();
    void profileChosenElsewhereIsShownAsPicked();
    void deleteRemovesTheChosenSavedProfileOnly();
    void saveAsksTheNameWithoutANestedLoop();
    void browseFillsTheFieldWithoutANestedLoop();

private:
    template <typename T> T *child(ConnectionDialog &dialog, const char *name)
    {
        T *widget = dialog.findChild<T *>(QLatin1String(name));
        if (!widget)
            qFatal("no child %s", name);
        return widget;
    }
    QPushButton *connectButton(ConnectionDialog &dialog)
    {
        return dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    }
};

void TestConnectionDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("movr-admin-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_connectiondialog"));
}

void TestConnectionDialog::malformedUrlDisablesConnect_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("message");
    QTest::newRow("empty") << "" << false << "Enter a URL";
    QTest::newRow("bad port") << "postgresql://h:99999/movr" << false << "port";
    QTest::newRow("bad sslmode") << "postgresql://h/movr?sslmode=maybe" << false << "sslmode";
    QTest::newRow("no host") << "postgresql:///movr" << false << "no host";
    QTest::newRow("good") << "postgresql://root@h:26257/movr" << true << "root@h:26257/movr";
    QTest::newRow("cockroach") << "cockroachdb://root@h:26257/movr" << true << "Ready";
}

void TestConnectionDialog::malformedUrlDisablesConnect()
{
    QFETCH(QString, url);
    QFETCH(bool, valid);
    QFETCH(QString, message);
    ConnectionDialog dialog;
    child<QLineEdit>(dialog, "url")->setText(url);
    QCOMPARE(connectButton(dialog)->isEnabled(), valid);
    QCOMPARE(child<QPushButton>(dialog, "test")->isEnabled(), valid);
    const QString shown = child<QLabel>(dialog, "message")->text();
    QVERIFY2(shown.contains(message, Qt::CaseInsensitive), qPrintable(shown));
}

void TestConnectionDialog::fieldsBuildSettings()
{
    ConnectionDialog dialog;
    dialog.findChild<QTabWidget *>()->setCurrentIndex(1);
    child<QLineEdit>(dialog, "host")->setText(QString());
    QVERIFY(!connectButton(dialog)->isEnabled());
    QVERIFY(child<QLabel>(dialog, "message")->text().contains(QLatin1String("host")));
    child<QLineEdit>(dialog, "host")->setText(QStringLiteral("db.example.com"));
    child<QSpinBox>(dialog, "port")->setValue(26258);
    child<QLineEdit>(dialog, "database")->setText(QStringLiteral("movr"));
    child<QLineEdit>(dialog, "user")->setText(QStringLiteral("maxroach"));
    child<QComboBox>(dialog, "sslMode")->setCurrentText(QStringLiteral("require"));
    child<QLineEdit>(dialog, "password")->setText(QStringLiteral("pa'ss word"));
    QVERIFY(connectButton(dialog)->isEnabled());
    const auto settings = dialog.currentSettings();
    QVERIFY(settings.hasValue());
    QCOMPARE(settings->host(), QStringLiteral("db.example.com"));
    QCOMPARE(settings->port(), 26258);
    QCOMPARE(settings->user(), QStringLiteral("maxroach"));
    QCOMPARE(settings->sslMode(), QStringLiteral("require"));
    QCOMPARE(settings->value(QStringLiteral("password")), QStringLiteral("pa'ss word"));
    // Switching to the URL tab carries the fields over, without the password in the URL.
    dialog.findChild<QTabWidget *>()->setCurrentIndex(0);
    const QString url = child<QLineEdit>(dialog, "url")->text();
    QVERIFY2(url.startsWith(QLatin1String("postgresql://maxroach@db.example.com:26258/movr")),
             qPrintable(url));
    QVERIFY(!url.contains(QLatin1String("pa'ss")));
}

void TestConnectionDialog::missingCertificateFileIsRefused()
{
    ConnectionDialog dialog;
    dialog.findChild<QTabWidget *>()->setCurrentIndex(1);
    child<QLineEdit>(dialog, "caFile")->setText(QStringLiteral("/nonexistent/ca.crt"));
    QVERIFY(!connectButton(dialog)->isEnabled());
    QVERIFY(
        child<QLabel>(dialog, "message")->text().contains(QLatin1String("/nonexistent/ca.crt")));
    child<QLineEdit>(dialog, "caFile")->clear();
    child<QLineEdit>(dialog, "certsDirectory")->setText(QStringLiteral("/nonexistent/certs"));
    QVERIFY(!connectButton(dialog)->isEnabled());
    QVERIFY(child<QLabel>(dialog, "message")->text().contains(QLatin1String("does not exist")));
}

void TestConnectionDialog::testButtonShowsTheServer()
{
    ConnectionDialog dialog;
    dialog.setSettings(TestServer::settings());
    QSignalSpy finished(&dialog, &ConnectionDialog::testFinished);
    QTest::mouseClick(child<QPushButton>(dialog, "test"), Qt::LeftButton);
    QVERIFY(finished.wait(15000));
    QCOMPARE(finished.first().first().toBool(), true);
    const QString shown = child<QLabel>(dialog, "message")->text();
    QVERIFY2(shown.contains(QLatin1String("PostgreSQL 15")), qPrintable(shown));
    QVERIFY(shown.contains(QLatin1String("not encrypted")));
}

void TestConnectionDialog::testButtonShowsThePreciseFailure()
{
    ConnectionDialog dialog;
    ConnectionSettings settings = TestServer::settings();
    settings.setValue(QStringLiteral("password"), QStringLiteral("wrong"));
    dialog.setSettings(settings);
    QSignalSpy finished(&dialog, &ConnectionDialog::testFinished);
    child<QPushButton>(dialog, "test")->click();
    QVERIFY(finished.wait(15000));
    QCOMPARE(finished.first().first().toBool(), false);
    QVERIFY2(
        child<QLabel>(dialog, "message")->text().contains(QLatin1String("Authentication failed")),
        qPrintable(child<QLabel>(dialog, "message")->text()));
}

void TestConnectionDialog::profilesNeverContainPasswords()
{
    const QString secret = QStringLiteral("S3cretPassw0rd");
    ConnectionProfile profile;
    profile.name = QStringLiteral("prod");
    profile.url =
        QStringLiteral("postgresql://maxroach:%1@prod:26257/movr?sslmode=verify-full").arg(secret);
    ConnectionProfiles::save(profile);
    auto parsed = ConnectionSettings::parse(
        QStringLiteral("postgresql://u:%1@h/movr?sslpassword=%1").arg(secret));
    ConnectionProfiles::addRecent(*parsed);
    // A password given as a query parameter, and a client key's passphrase in a keyword string.
    ConnectionProfiles::addRecent(*ConnectionSettings::parse(
        QStringLiteral("postgresql://u@h3/movr?password=%1").arg(secret)));
    ConnectionProfiles::addRecent(*ConnectionSettings::parse(
        QStringLiteral("host=h4 dbname=movr user=u sslpassword=%1").arg(secret)));

    // Through the dialog too: a typed password, accepted.
    ConnectionDialog dialog;
    child<QLineEdit>(dialog, "url")->setText(QStringLiteral("postgresql://qa@h2:26257/movr"));
    child<QLineEdit>(dialog, "password")->setText(secret);
    dialog.accept();

    QCOMPARE(ConnectionProfiles::saved().size(), 1);
    QCOMPARE(ConnectionProfiles::saved().first().url,
             QStringLiteral("postgresql://maxroach@prod:26257/movr?sslmode=verify-full"));
    QCOMPARE(ConnectionProfiles::recent().size(), 4);
    QSettings settings;
    settings.sync();
    QFile file(settings.fileName());
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(settings.fileName()));
    const QByteArray stored = file.readAll();
    QVERIFY(stored.contains("prod:26257"));
    QVERIFY(!stored.contains(secret.toUtf8()));
    QVERIFY(!stored.contains("password"));
}

void TestConnectionDialog::recentConnectionsAreBoundedAndDeduplicated()
{
    for (int i = 0; i < 12; ++i) {
        auto settings =
            ConnectionSettings::parse(QStringLiteral("postgresql://u@host%1/movr").arg(i));
        ConnectionProfiles::addRecent(*settings);
    }
    auto again = ConnectionSettings::parse(QStringLiteral("postgresql://u@host5/movr"));
    ConnectionProfiles::addRecent(*again);
    const auto recent = ConnectionProfiles::recent();
    QCOMPARE(recent.size(), ConnectionProfiles::MaximumRecent);
    QVERIFY(recent.first().url.contains(QLatin1String("host5")));
    QCOMPARE(std::count_if(recent.begin(), recent.end(),
                           [](const ConnectionProfile &p) {
                               return p.url.contains(QLatin1String("host5/"));
                           }),
             1);
}

// Where no keychain answers (as here: no session bus), the user reads what it means for them,
// not the backend's text; the store then stops trying.
void TestConnectionDialog::missingKeychainIsExplainedPlainly()
{
    PasswordStore store;
    std::optional<QString> error;
    store.write(QStringLiteral("tst_connectiondialog"), QStringLiteral("s3cr3t"),
                [&error](const QString &message) { error = message; });
    QTRY_VERIFY_WITH_TIMEOUT(error.has_value(), 30000);
    if (error->isEmpty()) {
        store.remove(QStringLiteral("tst_connectiondialog"));
        QSKIP("a keychain is available on this machine");
    }
    QCOMPARE(*error,
             QStringLiteral("No keychain is available; the password will be asked for each time."));
    QVERIFY(!store.available());
}

// The welcome page opens the dialog on a saved or recent profile: it shows as picked in the
// Profile box (not "(new connection)"), with its URL.
void TestConnectionDialog::profileChosenElsewhereIsShownAsPicked()
{
    ConnectionProfile saved;
    saved.name = QStringLiteral("staging");
    saved.url = QStringLiteral("postgresql://maxroach@staging:26257/movr?sslmode=verify-full");
    ConnectionProfiles::save(saved);
    ConnectionProfiles::addRecent(
        *ConnectionSettings::parse(QStringLiteral("postgresql://qa@recent-host:5432/movr")));
    const ConnectionProfile recent = ConnectionProfiles::recent().first();

    ConnectionDialog dialog;
    dialog.selectProfile(saved);
    QCOMPARE(child<QComboBox>(dialog, "profiles")->currentText(), QStringLiteral("staging"));
    QVERIFY(child<QLineEdit>(dialog, "url")->text().contains(QLatin1String("staging:26257")));
    dialog.selectProfile(recent);
    QCOMPARE(child<QComboBox>(dialog, "profiles")->currentText(),
             QStringLiteral("Recent: ") + recent.name);
    QVERIFY(child<QLineEdit>(dialog, "url")->text().contains(QLatin1String("recent-host")));
}

// Delete acts on the entry picked (its item data), not on a name match: a recent entry is
// not a saved profile and stays; a saved one goes. A URL that does not parse is not saved.
void TestConnectionDialog::deleteRemovesTheChosenSavedProfileOnly()
{
    for (const ConnectionProfile &profile : ConnectionProfiles::saved())
        ConnectionProfiles::remove(profile.name);
    ConnectionProfile saved;
    saved.name = QStringLiteral("Recent: u@prod:26257/movr"); // the text of a recent entry
    saved.url = QStringLiteral("postgresql://u@prod:26257/movr");
    QVERIFY(ConnectionProfiles::save(saved));
    ConnectionProfile broken = saved;
    broken.name = QStringLiteral("broken");
    broken.url = QStringLiteral("postgresql://u@prod:99999/movr");
    QVERIFY(!ConnectionProfiles::save(broken));
    QCOMPARE(ConnectionProfiles::saved().size(), 1);
    ConnectionProfiles::addRecent(
        *ConnectionSettings::parse(QStringLiteral("postgresql://u@prod:26257/movr")));

    ConnectionDialog dialog;
    auto *profiles = child<QComboBox>(dialog, "profiles");
    auto *remove = child<QPushButton>(dialog, "deleteProfile");
    // Item data: the index in saved-then-recent order; 1 is the first recent entry.
    const int recentIndex = profiles->findData(1);
    QVERIFY(recentIndex > 0);
    QCOMPARE(profiles->itemText(recentIndex), saved.name); // same text as the saved one
    profiles->setCurrentIndex(recentIndex);
    remove->click();
    QCOMPARE(ConnectionProfiles::saved().size(), 1); // a recent entry is not a saved profile
    dialog.selectProfile(ConnectionProfiles::saved().first());
    QCOMPARE(profiles->currentIndex(), profiles->findData(0));
    remove->click();
    QVERIFY(ConnectionProfiles::saved().isEmpty());
}

// Save asks the profile name with open(): clicking returns, the name dialog is found while
// the event loop runs, and accepting it saves the profile under the name typed.
void TestConnectionDialog::saveAsksTheNameWithoutANestedLoop()
{
    ConnectionDialog dialog;
    dialog.show();
    child<QLineEdit>(dialog, "url")->setText(QStringLiteral("postgresql://qa@h9:26257/movr"));
    child<QPushButton>(dialog, "saveProfile")->click(); // returns: no nested event loop
    QInputDialog *ask = nullptr;
    QTRY_VERIFY((ask = dialog.findChild<QInputDialog *>(QStringLiteral("profileName"))));
    QVERIFY(ask->isVisible());
    QVERIFY(ConnectionProfiles::saved().isEmpty()); // nothing saved before the name is given
    ask->setTextValue(QStringLiteral("  staging h9  "));
    ask->accept();
    QCOMPARE(ConnectionProfiles::saved().size(), 1);
    QCOMPARE(ConnectionProfiles::saved().first().name, QStringLiteral("staging h9"));
    QVERIFY(ConnectionProfiles::saved().first().url.contains(QLatin1String("h9:26257")));
    QCOMPARE(child<QComboBox>(dialog, "profiles")->currentText(), QStringLiteral("staging h9"));
    QTRY_VERIFY(!dialog.findChild<QInputDialog *>(QStringLiteral("profileName")));

    // Cancelled: nothing is saved.
    child<QPushButton>(dialog, "saveProfile")->click();
    QTRY_VERIFY((ask = dialog.findChild<QInputDialog *>(QStringLiteral("profileName"))));
    ask->setTextValue(QStringLiteral("other"));
    ask->reject();
    QCOMPARE(ConnectionProfiles::saved().size(), 1);
}

// The certificates directory's "…" opens a file dialog with open(); choosing fills the field.
void TestConnectionDialog::browseFillsTheFieldWithoutANestedLoop()
{
    QTemporaryDir certs;
    ConnectionDialog dialog;
    dialog.show();
    auto *field = child<QLineEdit>(dialog, "certsDirectory");
    child<QToolButton>(dialog, "browseCertsDirectory")->click(); // returns: no nested loop
    QFileDialog *ask = nullptr;
    QTRY_VERIFY((ask = dialog.findChild<QFileDialog *>(QStringLiteral("browseFile"))));
    QCOMPARE(ask->fileMode(), QFileDialog::Directory);
    ask->setDirectory(certs.path());
    ask->selectFile(certs.path());
    static_cast<QDialog *>(ask)->accept(); // QFileDialog::accept is protected
    QTRY_COMPARE(QDir(field->text()).canonicalPath(), QDir(certs.path()).canonicalPath());
}

QTEST_MAIN(TestConnectionDialog)
#include "tst_connectiondialog.moc"
