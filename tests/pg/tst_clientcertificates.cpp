#include "demo/DemoCertificates.h"
#include "demo/LocalServer.h"
#include "pg/ConnectionDiagnosis.h"
#include "pg/PgConnection.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

// Certificate authentication as a secure CockroachDB cluster does it, end to end on a real
// PostgreSQL: TLS only, `hostssl all all 127.0.0.1/32 cert` (the certificate's CN is the
// user), no password; the client gives a certificates directory in the layout of
// `cockroach cert create-client` (ca.crt, client.<user>.crt, client.<user>.key). Every
// certificate is made here, at run time (DemoCertificates, openssl).
class TestClientCertificates : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void connectsWithTheCertsDirectory();
    void cockroachUrlWithCertsDirectory();
    void failures_data();
    void failures();
    void certsDirectoryWithoutTheKeyIsRefusedBeforeConnecting();

private:
    // A certificates directory under m_work holding the cluster's ca.crt.
    QString newCertsDirectory(const QString &name);
    // Settings as a user of a secure cluster gives them: host, port, user, database and a
    // certificates directory; no password.
    ConnectionSettings withCertsDirectory(const QString &directory) const;
    QString caKey() const { return QDir(m_server->directory()).filePath(QStringLiteral("ca.key")); }

    std::unique_ptr<LocalServer> m_server;
    QTemporaryDir m_work;
};

void TestClientCertificates::initTestCase()
{
    QVERIFY(m_work.isValid());
    LocalServerOptions options;
    options.certificateAuthentication = true;
    m_server = std::make_unique<LocalServer>(options);
    const Status started = m_server->start();
    QVERIFY2(started.hasValue(), qPrintable(started ? QString() : started.error().toString()));
    const QDir certs(m_server->certsDirectory());
    for (const char *name : {"ca.crt", "client.movr.crt", "client.movr.key"})
        QVERIFY2(certs.exists(QLatin1String(name)), name);
    // The CA's key is not handed out with the certificates (cockroach cert --ca-key).
    QVERIFY(!certs.exists(QStringLiteral("ca.key")));
    QVERIFY(QFile::exists(caKey()));

    // Another user's certificate, under this user's file names (what a copied folder gives).
    const QString otherUser = newCertsDirectory(QStringLiteral("other-user"));
    const DemoCertificates sameCa(otherUser, caKey());
    QVERIFY2(sameCa.createClient(QStringLiteral("maxroach")).hasValue(), "maxroach");
    QVERIFY(QFile::rename(sameCa.clientCertificate(QStringLiteral("maxroach")),
                          sameCa.clientCertificate(QStringLiteral("movr"))));
    QVERIFY(QFile::rename(sameCa.clientKey(QStringLiteral("maxroach")),
                          sameCa.clientKey(QStringLiteral("movr"))));

    // A certificate for the right user, signed by another CA (another cluster's folder whose
    // ca.crt was replaced by this cluster's: the server's certificate still verifies).
    const QString otherCa = newCertsDirectory(QStringLiteral("other-ca"));
    QFile::remove(QDir(otherCa).filePath(QStringLiteral("ca.crt")));
    const DemoCertificates foreign(otherCa, m_work.filePath(QStringLiteral("other-ca.key")));
    QVERIFY2(foreign.ensure(QStringLiteral("movr")).hasValue(), "other CA");
    QFile::remove(foreign.caCertificate());
    QVERIFY(QFile::copy(QDir(m_server->certsDirectory()).filePath(QStringLiteral("ca.crt")),
                        foreign.caCertificate()));

    // An expired certificate for the right user, signed by the right CA. `openssl x509 -days`
    // cannot go back in time (and -not_before/-not_after are OpenSSL 3.4+, Debian 12 has
    // 3.0): `openssl ca` with explicit dates and a minimal configuration.
    const QString expired = newCertsDirectory(QStringLiteral("expired"));
    const QDir dir(expired);
    QFile config(dir.filePath(QStringLiteral("ca.cnf")));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write("[ca]\ndefault_ca = expired\n"
                 "[expired]\ndatabase = index.txt\nnew_certs_dir = .\nserial = serial\n"
                 "default_md = sha256\npolicy = any\nunique_subject = no\n"
                 "[any]\ncommonName = supplied\n");
    config.close();
    QFile index(dir.filePath(QStringLiteral("index.txt")));
    QVERIFY(index.open(QIODevice::WriteOnly));
    index.close();
    QFile serial(dir.filePath(QStringLiteral("serial")));
    QVERIFY(serial.open(QIODevice::WriteOnly));
    serial.write("01\n");
    serial.close();
    QVERIFY(DemoCertificates::openssl(
                {QStringLiteral("req"), QStringLiteral("-new"), QStringLiteral("-config"),
                 QStringLiteral("/dev/null"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                 QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:prime256v1"),
                 QStringLiteral("-nodes"), QStringLiteral("-subj"), QStringLiteral("/CN=movr"),
                 QStringLiteral("-keyout"), QStringLiteral("client.movr.key"),
                 QStringLiteral("-out"), QStringLiteral("client.movr.csr")},
                expired)
                .hasValue());
    QVERIFY(DemoCertificates::openssl(
                {QStringLiteral("ca"), QStringLiteral("-batch"), QStringLiteral("-config"),
                 QStringLiteral("ca.cnf"), QStringLiteral("-cert"), QStringLiteral("ca.crt"),
                 QStringLiteral("-keyfile"), caKey(), QStringLiteral("-in"),
                 QStringLiteral("client.movr.csr"), QStringLiteral("-out"),
                 QStringLiteral("client.movr.crt"), QStringLiteral("-notext"),
                 QStringLiteral("-startdate"), QStringLiteral("20200101000000Z"),
                 QStringLiteral("-enddate"), QStringLiteral("20200102000000Z")},
                expired)
                .hasValue());

    // The right certificate and key, but the key readable by everyone.
    const QString readable = newCertsDirectory(QStringLiteral("readable-key"));
    for (const char *name : {"client.movr.crt", "client.movr.key"})
        QVERIFY(QFile::copy(QDir(m_server->certsDirectory()).filePath(QLatin1String(name)),
                            QDir(readable).filePath(QLatin1String(name))));
    QVERIFY(::chmod(QFile::encodeName(QDir(readable).filePath(QStringLiteral("client.movr.key")))
                        .constData(),
                    0644) == 0);

    // The CA only: no client certificate at all (password authentication would follow).
    newCertsDirectory(QStringLiteral("ca-only"));
}

void TestClientCertificates::cleanupTestCase()
{
    m_server.reset();
}

QString TestClientCertificates::newCertsDirectory(const QString &name)
{
    const QString path = m_work.filePath(name);
    QDir().mkpath(path);
    QFile::copy(QDir(m_server->certsDirectory()).filePath(QStringLiteral("ca.crt")),
                QDir(path).filePath(QStringLiteral("ca.crt")));
    return path;
}

ConnectionSettings TestClientCertificates::withCertsDirectory(const QString &directory) const
{
    ConnectionSettings settings = m_server->connectionSettings();
    settings.remove(QStringLiteral("password"));
    settings.remove(QStringLiteral("sslmode"));
    const Status applied = settings.applyCertsDirectory(directory);
    if (!applied)
        qWarning("%s", qPrintable(applied.error().message));
    return settings;
}

void TestClientCertificates::connectsWithTheCertsDirectory()
{
    const ConnectionSettings settings = withCertsDirectory(m_server->certsDirectory());
    QVERIFY(!settings.hasPassword());
    QCOMPARE(settings.sslMode(), QStringLiteral("verify-full"));
    auto connection = PgConnection::open(settings);
    QVERIFY2(connection.hasValue(),
             qPrintable(connection ? QString() : connection.error().toString()));
    const ServerInfo &info = (*connection)->serverInfo();
    QCOMPARE(info.user, QStringLiteral("movr"));
    QVERIFY(info.tls);
    // verify-full against 127.0.0.1: the server's certificate names the address (IP SAN).
    QCOMPARE(info.verification, ServerInfo::Verification::CertificateAndHost);
    auto authenticated =
        (*connection)
            ->exec(QStringLiteral(
                "SELECT ssl, client_dn FROM pg_stat_ssl WHERE pid = pg_backend_pid()"));
    QVERIFY(authenticated.hasValue());
    QCOMPARE(authenticated->text(0, 0), QStringLiteral("t"));
    QVERIFY2(authenticated->text(0, 1).contains(QLatin1String("CN=movr")),
             qPrintable(authenticated->text(0, 1)));

    // A password alone is not enough: this server takes certificates only.
    ConnectionSettings password = m_server->connectionSettings();
    password.setValue(QStringLiteral("sslmode"), QStringLiteral("require"));
    auto refused = PgConnection::open(password);
    QVERIFY(!refused.hasValue());
    QCOMPARE(refused.error().connectFailure, ConnectFailure::ClientCertificateRequired);
}

void TestClientCertificates::cockroachUrlWithCertsDirectory()
{
    // The seeds' way: a cockroachdb:// URL without password and --certs-dir.
    auto parsed = ConnectionSettings::parse(
        QStringLiteral("cockroachdb://movr@localhost:%1/movr").arg(m_server->port()));
    QVERIFY(parsed.hasValue());
    QVERIFY(parsed->applyCertsDirectory(m_server->certsDirectory()).hasValue());
    // localhost may resolve to ::1 first, where nothing listens: libpq tries the next address.
    auto connection = PgConnection::open(*parsed);
    QVERIFY2(connection.hasValue(),
             qPrintable(connection ? QString() : connection.error().toString()));
    QCOMPARE((*connection)->serverInfo().verification,
             ServerInfo::Verification::CertificateAndHost);
}

void TestClientCertificates::failures_data()
{
    QTest::addColumn<QString>("directory"); // under m_work; empty: the server's own
    QTest::addColumn<QString>("change");    // keyword=value applied last
    QTest::addColumn<ConnectFailure>("failure");
    QTest::addColumn<QString>("expected"); // part of the message
    QTest::addColumn<QString>("libpq");    // part of libpq's own words, kept in the detail

    // The server: CheckCertAuth compares the CN with the user (PostgreSQL 15 auth.c).
    QTest::newRow("another user's certificate")
        << "other-user"
        << "" << ConnectFailure::ClientCertificateWrongUser << "not for user \"movr\""
        << "certificate authentication failed for user \"movr\"";
    // The server's OpenSSL refuses the chain and sends a TLS alert.
    QTest::newRow("signed by another CA") << "other-ca"
                                          << "" << ConnectFailure::ClientCertificateUnknownCa
                                          << "not signed by a CA the server trusts"
                                          << "unknown ca";
    QTest::newRow("expired") << "expired"
                             << "" << ConnectFailure::ClientCertificateExpired << "has expired"
                             << "certificate expired";
    // libpq checks the key before anything is sent (fe-secure-openssl.c initialize_SSL).
    QTest::newRow("missing key") << ""
                                 << "sslkey=/nonexistent/client.movr.key"
                                 << ConnectFailure::ClientKeyMissing
                                 << "/nonexistent/client.movr.key"
                                 << "certificate present, but not private key file";
    QTest::newRow("key readable by others")
        << "readable-key"
        << "" << ConnectFailure::ClientKeyInsecure << "chmod 600"
        << "has group or world access";
    QTest::newRow("no client certificate")
        << "ca-only"
        << "" << ConnectFailure::ClientCertificateRequired << "accepts only a client certificate"
        << "connection requires a valid client certificate";
}

void TestClientCertificates::failures()
{
    QFETCH(QString, directory);
    QFETCH(QString, change);
    ConnectionSettings settings = withCertsDirectory(
        directory.isEmpty() ? m_server->certsDirectory() : m_work.filePath(directory));
    if (!change.isEmpty())
        settings.setValue(change.section(QLatin1Char('='), 0, 0),
                          change.section(QLatin1Char('='), 1));
    auto connection = PgConnection::open(settings);
    QVERIFY(!connection.hasValue());
    const DbError &error = connection.error();
    QCOMPARE(error.kind, ErrorClass::Connection);
    QTEST(error.connectFailure, "failure");
    QFETCH(QString, expected);
    QVERIFY2(error.message.contains(expected), qPrintable(error.message));
    QFETCH(QString, libpq);
    QVERIFY2(error.detail.contains(libpq), qPrintable(error.detail));
    // The settings must change: no retry, the connection dialog asks again.
    QVERIFY(error.isPermanentConnectFailure());
}

void TestClientCertificates::certsDirectoryWithoutTheKeyIsRefusedBeforeConnecting()
{
    const QString directory = newCertsDirectory(QStringLiteral("no-key"));
    QVERIFY(
        QFile::copy(QDir(m_server->certsDirectory()).filePath(QStringLiteral("client.movr.crt")),
                    QDir(directory).filePath(QStringLiteral("client.movr.crt"))));
    ConnectionSettings settings = m_server->connectionSettings();
    const Status applied = settings.applyCertsDirectory(directory);
    QVERIFY(!applied.hasValue());
    QVERIFY2(applied.error().message.contains(QLatin1String("client.movr.key")),
             qPrintable(applied.error().message));
}

QTEST_GUILESS_MAIN(TestClientCertificates)
#include "tst_clientcertificates.moc"
