#include "demo/DemoDatabase.h"
#include "pg/PgConnection.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

// The secure demo (movr-admin --demo --demo-secure): like `cockroach demo` without
// --insecure, it serves TLS only and authenticates by client certificate, with the
// certificates generated in its own folder in the layout of `cockroach cert`.
class TestSecureDemo : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void connectsThroughTheCertsDirectory();
    void keptDirectoryKeepsItsCertificatesAndSwitchesBack();
};

namespace {

DemoOptions smallDemo()
{
    DemoOptions options;
    options.counts.rides = 30;
    options.counts.histories = 30;
    options.counts.promoCodes = 30;
    options.secure = true;
    return options;
}

} // namespace

void TestSecureDemo::connectsThroughTheCertsDirectory()
{
    DemoDatabase demo(smallDemo());
    QElapsedTimer timer;
    timer.start();
    const Status started = demo.start();
    QVERIFY2(started.hasValue(), qPrintable(started ? QString() : started.error().toString()));
    qInfo("secure demo started in %lld ms", static_cast<long long>(timer.elapsed()));

    // The cockroach layout, the CA's key kept out of it, keys private.
    const QDir certs(demo.certsDirectory());
    QVERIFY(!demo.certsDirectory().isEmpty());
    QVERIFY(demo.certsDirectory().startsWith(demo.server()->directory()));
    for (const char *name : {"ca.crt", "client.movr.crt", "client.movr.key"})
        QVERIFY2(certs.exists(QLatin1String(name)), name);
    QVERIFY(!certs.exists(QStringLiteral("ca.key")));
    QCOMPARE(QFileInfo(certs.filePath(QStringLiteral("client.movr.key"))).permissions() &
                 (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup |
                  QFileDevice::WriteOther),
             QFileDevice::Permissions());

    // What a user gives for a secure cluster: a URL without password, and --certs-dir.
    auto parsed = ConnectionSettings::parse(
        QStringLiteral("postgresql://movr@127.0.0.1:%1/movr").arg(demo.server()->port()));
    QVERIFY(parsed.hasValue());
    QVERIFY(parsed->applyCertsDirectory(demo.certsDirectory()).hasValue());
    auto connection = PgConnection::open(*parsed);
    QVERIFY2(connection.hasValue(),
             qPrintable(connection ? QString() : connection.error().toString()));
    QVERIFY((*connection)->serverInfo().tls);
    QCOMPARE((*connection)->serverInfo().verification,
             ServerInfo::Verification::CertificateAndHost);
    auto rides = (*connection)->exec(QStringLiteral("SELECT count(*) FROM rides"));
    QVERIFY(rides.hasValue());
    QCOMPARE(rides->text(0, 0), QStringLiteral("30"));

    // The demo's own settings and printed URL are the same path: no password in them.
    const ConnectionSettings own = demo.connectionSettings();
    QVERIFY(!own.hasPassword());
    QCOMPARE(own.value(QStringLiteral("sslcert")),
             certs.filePath(QStringLiteral("client.movr.crt")));
    QVERIFY(PgConnection::open(own).hasValue());
    auto fromUrl = ConnectionSettings::parse(demo.url());
    QVERIFY(fromUrl.hasValue());
    QVERIFY(demo.url().contains(QLatin1String("sslmode=verify-full")));
    QVERIFY(PgConnection::open(*fromUrl).hasValue());

    // The password the plain demo uses is not enough here.
    ConnectionSettings password = demo.server()->connectionSettings();
    QVERIFY(password.hasPassword());
    password.setValue(QStringLiteral("sslmode"), QStringLiteral("require"));
    auto refused = PgConnection::open(password);
    QVERIFY(!refused.hasValue());
    QCOMPARE(refused.error().connectFailure, ConnectFailure::ClientCertificateRequired);
    password.setValue(QStringLiteral("sslmode"), QStringLiteral("disable"));
    auto plain = PgConnection::open(password);
    QVERIFY(!plain.hasValue());
    QCOMPARE(plain.error().connectFailure, ConnectFailure::TlsRequired);
}

void TestSecureDemo::keptDirectoryKeepsItsCertificatesAndSwitchesBack()
{
    QTemporaryDir parent;
    // As root the server runs as another account, which must reach the kept directory.
    QFile::setPermissions(parent.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                             QFileDevice::ExeOwner | QFileDevice::ExeOther);
    DemoOptions options = smallDemo();
    options.directory = parent.filePath(QStringLiteral("demo"));
    QByteArray ca;
    {
        DemoDatabase demo(options);
        const Status started = demo.start();
        QVERIFY2(started.hasValue(), qPrintable(started ? QString() : started.error().toString()));
        QFile file(QDir(demo.certsDirectory()).filePath(QStringLiteral("ca.crt")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        ca = file.readAll();
        QVERIFY(!ca.isEmpty());
    }
    {
        // The same folder served plain: the password works again, the certificates stay.
        options.secure = false;
        DemoDatabase demo(options);
        const Status started = demo.start();
        QVERIFY2(started.hasValue(), qPrintable(started ? QString() : started.error().toString()));
        QVERIFY(demo.certsDirectory().isEmpty());
        QVERIFY(demo.connectionSettings().hasPassword());
        auto connection = PgConnection::open(demo.connectionSettings());
        QVERIFY2(connection.hasValue(),
                 qPrintable(connection ? QString() : connection.error().toString()));
        QVERIFY(!(*connection)->serverInfo().tls);
    }
    {
        // Secure again: the same CA, so a certs folder handed out earlier still works.
        options.secure = true;
        DemoDatabase demo(options);
        const Status started = demo.start();
        QVERIFY2(started.hasValue(), qPrintable(started ? QString() : started.error().toString()));
        QVERIFY(!demo.loadedThisRun());
        QFile file(QDir(demo.certsDirectory()).filePath(QStringLiteral("ca.crt")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), ca);
        QVERIFY(PgConnection::open(demo.connectionSettings()).hasValue());
    }
}

QTEST_GUILESS_MAIN(TestSecureDemo)
#include "tst_securedemo.moc"
