#include "demo/LocalServer.h"
#include "pg/ConnectionDiagnosis.h"
#include "pg/PgConnection.h"

#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <thread>

namespace {

// A loopback server that answers every connection the way a web server answers a request
// it cannot parse ("HTTP/1.1 400 Bad Request"), then closes it: what libpq meets when the
// URL names CockroachDB's HTTP (DB Console) port. Bounded: 127.0.0.1 only, at most 16
// connections, a thread that the destructor stops.
class HttpLookalike
{
public:
    HttpLookalike()
    {
        m_listen = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof address;
        if (m_listen < 0 ||
            ::bind(m_listen, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0 ||
            ::listen(m_listen, 4) != 0 ||
            ::getsockname(m_listen, reinterpret_cast<sockaddr *>(&address), &length) != 0)
            return;
        m_port = ntohs(address.sin_port);
        m_thread = std::thread([this] { run(); });
    }
    ~HttpLookalike()
    {
        m_stop = true;
        if (m_thread.joinable())
            m_thread.join();
        if (m_listen >= 0)
            ::close(m_listen);
    }
    int port() const { return m_port; }
    int served() const { return m_served; }

private:
    void run()
    {
        while (!m_stop && m_served < 16) {
            pollfd listening{m_listen, POLLIN, 0};
            if (::poll(&listening, 1, 50) <= 0) // wakes up to see m_stop
                continue;
            const int client = ::accept4(m_listen, nullptr, nullptr, SOCK_CLOEXEC);
            if (client < 0)
                continue;
            ++m_served; // before the answer: the client sees the count once it has one
            // Read what the client sends first (a startup packet or an SSLRequest), as a web
            // server reads a request line, then answer and close.
            pollfd reading{client, POLLIN, 0};
            char buffer[1024];
            if (::poll(&reading, 1, 5000) > 0) [[maybe_unused]]
                const ssize_t got = ::read(client, buffer, sizeof buffer);
            static const char answer[] = "HTTP/1.1 400 Bad Request\r\n"
                                         "Content-Type: text/plain; charset=utf-8\r\n"
                                         "Connection: close\r\n\r\n"
                                         "400 Bad Request";
            [[maybe_unused]] const ssize_t sent = ::write(client, answer, sizeof answer - 1);
            ::shutdown(client, SHUT_WR);
            ::close(client);
        }
    }

    int m_listen = -1;
    int m_port = 0;
    std::atomic<bool> m_stop{false};
    std::atomic<int> m_served{0};
    std::thread m_thread;
};

} // namespace

// Each connection failure gets its precise reason, against a real PostgreSQL with password
// authentication and TLS only (certificates from CAs made here).
class TestConnectionDiagnosis : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void classifiesLibpqText_data();
    void classifiesLibpqText();
    void verifyFullWithTheRightCa();
    void verifyCaIgnoresTheHostName();
    void failures_data();
    void failures();
    void silentServerTimesOut();
    void httpServerIsNotPostgres_data();
    void httpServerIsNotPostgres();
    void everyFailureHasItsOwnSentence();

private:
    bool openssl(const QStringList &arguments);
    ConnectionSettings tlsSettings(const QString &host, const QString &sslMode,
                                   const QString &ca) const;

    QTemporaryDir m_certs;
    std::unique_ptr<LocalServer> m_server;
};

bool TestConnectionDiagnosis::openssl(const QStringList &arguments)
{
    QProcess process;
    process.setWorkingDirectory(m_certs.path());
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral("openssl"), arguments);
    if (!process.waitForFinished(60000) || process.exitCode() != 0) {
        qWarning("openssl %s: %s", qPrintable(arguments.join(QLatin1Char(' '))),
                 process.readAll().constData());
        return false;
    }
    return true;
}

void TestConnectionDiagnosis::initTestCase()
{
    QVERIFY(m_certs.isValid());
    const auto file = [this](const char *name) { return m_certs.filePath(QLatin1String(name)); };
    // Two CAs; the server's certificate is signed by the first and names only "localhost".
    for (const char *ca : {"ca", "other-ca"}) {
        QVERIFY(openssl({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                         QStringLiteral("rsa:2048"), QStringLiteral("-nodes"),
                         QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
                         QStringLiteral("/CN=MovR Admin test %1").arg(QLatin1String(ca)),
                         QStringLiteral("-keyout"), QLatin1String(ca) + QStringLiteral(".key"),
                         QStringLiteral("-out"), QLatin1String(ca) + QStringLiteral(".crt")}));
    }
    QFile extensions(file("san.cnf"));
    QVERIFY(extensions.open(QIODevice::WriteOnly));
    extensions.write("subjectAltName=DNS:localhost\n");
    extensions.close();
    QVERIFY(
        openssl({QStringLiteral("req"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
                 QStringLiteral("-nodes"), QStringLiteral("-subj"), QStringLiteral("/CN=localhost"),
                 QStringLiteral("-keyout"), QStringLiteral("server.key"), QStringLiteral("-out"),
                 QStringLiteral("server.csr")}));
    QVERIFY(openssl({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
                     QStringLiteral("server.csr"), QStringLiteral("-CA"), QStringLiteral("ca.crt"),
                     QStringLiteral("-CAkey"), QStringLiteral("ca.key"),
                     QStringLiteral("-CAcreateserial"), QStringLiteral("-days"),
                     QStringLiteral("2"), QStringLiteral("-extfile"), QStringLiteral("san.cnf"),
                     QStringLiteral("-out"), QStringLiteral("server.crt")}));

    LocalServerOptions options;
    options.tlsCertificate = file("server.crt");
    options.tlsKey = file("server.key");
    m_server = std::make_unique<LocalServer>(options);
    const Status started = m_server->start();
    QVERIFY2(started.hasValue(), qPrintable(started ? QString() : started.error().toString()));
}

void TestConnectionDiagnosis::cleanupTestCase()
{
    m_server.reset();
}

ConnectionSettings TestConnectionDiagnosis::tlsSettings(const QString &host, const QString &sslMode,
                                                        const QString &ca) const
{
    ConnectionSettings settings = m_server->connectionSettings();
    settings.setValue(QStringLiteral("host"), host);
    settings.setValue(QStringLiteral("sslmode"), sslMode);
    if (!ca.isEmpty())
        settings.setValue(QStringLiteral("sslrootcert"), m_certs.filePath(ca));
    return settings;
}

void TestConnectionDiagnosis::classifiesLibpqText_data()
{
    QTest::addColumn<QString>("message");
    QTest::addColumn<ConnectFailure>("failure");
    QTest::newRow("dns")
        << "could not translate host name \"nohost\" to address: Name or service not known"
        << ConnectFailure::NameNotResolved;
    QTest::newRow("refused")
        << "connection to server at \"127.0.0.1\", port 1 failed: Connection refused"
        << ConnectFailure::Refused;
    QTest::newRow("timeout")
        << "connection to server at \"10.1.1.1\", port 26257 failed: timeout expired"
        << ConnectFailure::Timeout;
    QTest::newRow("password") << "FATAL:  password authentication failed for user \"root\""
                              << ConnectFailure::AuthenticationFailed;
    QTest::newRow("hostname")
        << "server certificate for \"localhost\" does not match host name \"127.0.0.1\""
        << ConnectFailure::CertificateRejected;
    QTest::newRow("ca") << "SSL error: certificate verify failed"
                        << ConnectFailure::CertificateRejected;
    QTest::newRow("no ssl") << "server does not support SSL, but SSL was required"
                            << ConnectFailure::TlsRequired;
    QTest::newRow("database") << "FATAL:  database \"nodb\" does not exist"
                              << ConnectFailure::DatabaseMissing;
    // libpq 15.18's own words (fe-connect.c, fe-secure-openssl.c) and PostgreSQL 15's
    // (auth.c), as tst_clientcertificates meets them.
    QTest::newRow("http port, no TLS")
        << "connection to server at \"127.0.0.1\", port 8080 failed: expected authentication "
           "request from server, but received H"
        << ConnectFailure::NotPostgres;
    QTest::newRow("http port, SSLRequest")
        << "connection to server at \"127.0.0.1\", port 8080 failed: received invalid "
           "response to SSL negotiation: H"
        << ConnectFailure::NotPostgres;
    QTest::newRow("no client certificate")
        << "FATAL:  connection requires a valid client certificate"
        << ConnectFailure::ClientCertificateRequired;
    QTest::newRow("certificate of another user")
        << "FATAL:  certificate authentication failed for user \"movr\""
        << ConnectFailure::ClientCertificateWrongUser;
    QTest::newRow("client certificate, other CA")
        << "SSL error: tlsv1 alert unknown ca" << ConnectFailure::ClientCertificateUnknownCa;
    QTest::newRow("client certificate expired")
        << "SSL error: sslv3 alert certificate expired" << ConnectFailure::ClientCertificateExpired;
    QTest::newRow("client key missing")
        << "certificate present, but not private key file \"/c/client.movr.key\""
        << ConnectFailure::ClientKeyMissing;
    QTest::newRow("client key readable")
        << "private key file \"/c/client.movr.key\" has group or world access; file must have "
           "permissions u=rw (0600) or less if owned by the current user, or permissions "
           "u=rw,g=r (0640) or less if owned by root"
        << ConnectFailure::ClientKeyInsecure;
    QTest::newRow("unknown") << "something else entirely" << ConnectFailure::Other;
}

void TestConnectionDiagnosis::classifiesLibpqText()
{
    QFETCH(QString, message);
    QTEST(ConnectionDiagnosis::classify(message), "failure");
}

void TestConnectionDiagnosis::verifyFullWithTheRightCa()
{
    auto connection = PgConnection::open(tlsSettings(
        QStringLiteral("localhost"), QStringLiteral("verify-full"), QStringLiteral("ca.crt")));
    QVERIFY2(connection.hasValue(),
             qPrintable(connection ? QString() : connection.error().toString()));
    QVERIFY((*connection)->serverInfo().tls);
    QVERIFY((*connection)->serverInfo().tlsProtocol.startsWith(QLatin1String("TLS")));
    QCOMPARE((*connection)->serverInfo().verification,
             ServerInfo::Verification::CertificateAndHost);
    QVERIFY((*connection)
                ->serverInfo()
                .tlsDescription()
                .contains(QLatin1String("certificate and host name verified")));
    // TLS without checking the certificate (sslmode=require, any CA) says so.
    auto unchecked = PgConnection::open(
        tlsSettings(QStringLiteral("127.0.0.1"), QStringLiteral("require"), QString()));
    QVERIFY2(unchecked.hasValue(),
             qPrintable(unchecked ? QString() : unchecked.error().toString()));
    QVERIFY((*unchecked)->serverInfo().tls);
    QCOMPARE((*unchecked)->serverInfo().verification, ServerInfo::Verification::None);
    QVERIFY((*unchecked)->serverInfo().tlsDescription().contains(QLatin1String("not verified")));
}

void TestConnectionDiagnosis::verifyCaIgnoresTheHostName()
{
    auto connection = PgConnection::open(tlsSettings(
        QStringLiteral("127.0.0.1"), QStringLiteral("verify-ca"), QStringLiteral("ca.crt")));
    QVERIFY2(connection.hasValue(),
             qPrintable(connection ? QString() : connection.error().toString()));
    QVERIFY((*connection)->serverInfo().tls);
    QCOMPARE((*connection)->serverInfo().verification, ServerInfo::Verification::Certificate);
}

void TestConnectionDiagnosis::failures_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("sslMode");
    QTest::addColumn<QString>("ca");
    QTest::addColumn<QString>("change"); // keyword=value applied last
    QTest::addColumn<ConnectFailure>("failure");
    QTest::addColumn<QString>("expected"); // part of the message

    QTest::newRow("wrong CA") << "localhost"
                              << "verify-full"
                              << "other-ca.crt"
                              << "" << ConnectFailure::CertificateRejected
                              << "certificate was rejected";
    QTest::newRow("wrong host name") << "127.0.0.1"
                                     << "verify-full"
                                     << "ca.crt"
                                     << "" << ConnectFailure::CertificateRejected << "127.0.0.1";
    QTest::newRow("no TLS") << "127.0.0.1"
                            << "disable"
                            << ""
                            << "" << ConnectFailure::TlsRequired << "TLS";
    QTest::newRow("wrong password") << "localhost"
                                    << "verify-full"
                                    << "ca.crt"
                                    << "password=wrong" << ConnectFailure::AuthenticationFailed
                                    << "Authentication failed for user \"movr\"";
    QTest::newRow("unknown user") << "localhost"
                                  << "require"
                                  << ""
                                  << "user=nobody_here" << ConnectFailure::AuthenticationFailed
                                  << "nobody_here";
    QTest::newRow("missing database")
        << "localhost"
        << "require"
        << ""
        << "dbname=no_such_db" << ConnectFailure::DatabaseMissing << "no_such_db";
    QTest::newRow("refused port") << "127.0.0.1"
                                  << "require"
                                  << ""
                                  << "port=1" << ConnectFailure::Refused << "refused";
    QTest::newRow("unresolvable host")
        << "no-such-host.invalid"
        << "require"
        << ""
        << "" << ConnectFailure::NameNotResolved << "no-such-host.invalid";
}

void TestConnectionDiagnosis::failures()
{
    QFETCH(QString, host);
    QFETCH(QString, sslMode);
    QFETCH(QString, ca);
    QFETCH(QString, change);
    ConnectionSettings settings = tlsSettings(host, sslMode, ca);
    if (!change.isEmpty())
        settings.setValue(change.section(QLatin1Char('='), 0, 0),
                          change.section(QLatin1Char('='), 1));
    auto connection = PgConnection::open(settings);
    QVERIFY(!connection.hasValue());
    QCOMPARE(connection.error().kind, ErrorClass::Connection);
    QTEST(connection.error().connectFailure, "failure");
    QFETCH(QString, expected);
    QVERIFY2(connection.error().message.contains(expected), qPrintable(connection.error().message));
    QVERIFY(!connection.error().detail.isEmpty()); // libpq's own words are kept
    QVERIFY(!connection.error().message.contains(
        m_server->connectionSettings().value(QStringLiteral("password"))));
}

void TestConnectionDiagnosis::silentServerTimesOut()
{
    // A listener that never answers: the TCP handshake completes (backlog), the startup
    // packet gets no reply.
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    QVERIFY(fd >= 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    QVERIFY(::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0);
    QVERIFY(::listen(fd, 4) == 0);
    QVERIFY(::getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length) == 0);
    ConnectionSettings settings = m_server->connectionSettings();
    settings.setValue(QStringLiteral("port"), QString::number(ntohs(address.sin_port)));
    settings.setValue(QStringLiteral("connect_timeout"), QStringLiteral("2"));
    auto connection = PgConnection::open(settings);
    ::close(fd);
    QVERIFY(!connection.hasValue());
    QCOMPARE(connection.error().connectFailure, ConnectFailure::Timeout);
    QVERIFY2(connection.error().message.contains(QLatin1String("No answer")),
             qPrintable(connection.error().message));
}

void TestConnectionDiagnosis::httpServerIsNotPostgres_data()
{
    QTest::addColumn<QString>("sslMode");
    QTest::addColumn<QString>("libpq"); // what libpq said, kept in the detail
    // The startup packet first: libpq reads the 'H' of "HTTP/1.1" as a message type.
    QTest::newRow("disable") << "disable"
                             << "expected authentication request from server";
    // An SSLRequest first: 'H' is neither 'S' nor 'N'.
    QTest::newRow("prefer") << "prefer"
                            << "invalid response to SSL negotiation";
    QTest::newRow("require") << "require"
                             << "invalid response to SSL negotiation";
}

void TestConnectionDiagnosis::httpServerIsNotPostgres()
{
    HttpLookalike http;
    QVERIFY(http.port() > 0);
    QFETCH(QString, sslMode);
    ConnectionSettings settings = m_server->connectionSettings();
    settings.setValue(QStringLiteral("host"), QStringLiteral("127.0.0.1"));
    settings.setValue(QStringLiteral("port"), QString::number(http.port()));
    settings.setValue(QStringLiteral("sslmode"), sslMode);
    settings.setValue(QStringLiteral("gssencmode"), QStringLiteral("disable"));
    auto connection = PgConnection::open(settings);
    QVERIFY(!connection.hasValue());
    QVERIFY(http.served() >= 1);
    const DbError &error = connection.error();
    QCOMPARE(error.connectFailure, ConnectFailure::NotPostgres);
    QVERIFY(error.isPermanentConnectFailure());
    QVERIFY2(error.message.contains(
                 QStringLiteral("The server at 127.0.0.1:%1 does not speak the PostgreSQL protocol")
                     .arg(http.port())),
             qPrintable(error.message));
    QVERIFY2(error.message.contains(QLatin1String("HTTP")), qPrintable(error.message));
    QFETCH(QString, libpq);
    QVERIFY2(error.detail.contains(libpq), qPrintable(error.detail));
}

void TestConnectionDiagnosis::everyFailureHasItsOwnSentence()
{
    ConnectionSettings settings = m_server->connectionSettings();
    settings.setValue(QStringLiteral("sslkey"), QStringLiteral("/c/client.movr.key"));
    QSet<QString> sentences;
    int failures = 0;
    for (int value = int(ConnectFailure::NameNotResolved); value <= int(ConnectFailure::Other);
         ++value) {
        const QString sentence = ConnectionDiagnosis::describe(ConnectFailure(value), settings);
        QVERIFY2(!sentence.isEmpty(), qPrintable(QString::number(value)));
        sentences.insert(sentence);
        ++failures;
    }
    QCOMPARE(sentences.size(), failures);
}

QTEST_GUILESS_MAIN(TestConnectionDiagnosis)
#include "tst_connectiondiagnosis.moc"
