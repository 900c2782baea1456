#include "pg/ConnectionSettings.h"

#include <QTemporaryDir>
#include <QTest>

class TestConnectionSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesGoodInput_data();
    void parsesGoodInput();
    void rejectsMalformedInput_data();
    void rejectsMalformedInput();
    void neverShowsPassword();
    void databaseUrlFromEnvironment();
    void certsDirectoryLayout();
    void certsDirectoryErrors();
    void urlRoundTrip();
};

void TestConnectionSettings::parsesGoodInput_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("database");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("sslmode");
    QTest::addColumn<QString>("password");

    QTest::newRow("postgresql url") << "postgresql://root@localhost:26257/movr?sslmode=disable"
                                    << "localhost" << 26257 << "movr"
                                    << "root"
                                    << "disable"
                                    << "";
    QTest::newRow("postgres url") << "postgres://alice:secret@db.example.com/movr"
                                  << "db.example.com" << 5432 << "movr"
                                  << "alice"
                                  << ""
                                  << "secret";
    QTest::newRow("cockroachdb url")
        << "cockroachdb://maxroach@127.0.0.1:26257/movr?sslmode=verify-full"
        << "127.0.0.1" << 26257 << "movr"
        << "maxroach"
        << "verify-full"
        << "";
    QTest::newRow("percent-encoded password") << "postgresql://bob:p%40ss%2Fw%3Ard@host:5433/db"
                                              << "host" << 5433 << "db"
                                              << "bob"
                                              << ""
                                              << "p@ss/w:rd";
    QTest::newRow("unicode password") << "postgresql://bob:%C3%BCber%E2%82%AC@host/db"
                                      << "host" << 5432 << "db"
                                      << "bob"
                                      << "" << QString::fromUtf8("über€");
    QTest::newRow("keyword string")
        << "host=10.0.0.1 port=26257 dbname=movr user=root sslmode=require"
        << "10.0.0.1" << 26257 << "movr"
        << "root"
        << "require"
        << "";
    QTest::newRow("keyword quoted password")
        << "host=h dbname=d user=u password='it\\'s \\\\ secret'"
        << "h" << 5432 << "d"
        << "u"
        << ""
        << "it's \\ secret";
    // "://" inside a keyword string's value does not make it a URL (it was once taken for
    // one, refused, and the password echoed as the "scheme").
    QTest::newRow("keyword password with ://") << "host=h dbname=d user=u password=a://b"
                                               << "h" << 5432 << "d"
                                               << "u"
                                               << ""
                                               << "a://b";
    QTest::newRow("upper-case scheme") << "PostgreSQL://u@h:26257/d"
                                       << "h" << 26257 << "d"
                                       << "u"
                                       << ""
                                       << "";
    QTest::newRow("cloud options")
        << "postgresql://u:p@free-tier.gcp-us-central1.cockroachlabs.cloud:26257/defaultdb"
           "?sslmode=verify-full&options=--cluster%3Dmy-cluster-123"
        << "free-tier.gcp-us-central1.cockroachlabs.cloud" << 26257 << "defaultdb"
        << "u"
        << "verify-full"
        << "p";
    QTest::newRow("ipv6 host") << "postgresql://u@[::1]:26257/movr"
                               << "::1" << 26257 << "movr"
                               << "u"
                               << ""
                               << "";
    QTest::newRow("socket via query") << "postgresql:///movr?host=/var/run/postgresql"
                                      << "/var/run/postgresql" << 5432 << "movr"
                                      << ""
                                      << ""
                                      << "";
}

void TestConnectionSettings::parsesGoodInput()
{
    QFETCH(QString, input);
    auto settings = ConnectionSettings::parse(input);
    QVERIFY2(settings.hasValue(), qPrintable(settings ? QString() : settings.error().message));
    QTEST(settings->host(), "host");
    QTEST(settings->port(), "port");
    QTEST(settings->database(), "database");
    QTEST(settings->user(), "user");
    QTEST(settings->sslMode(), "sslmode");
    QTEST(settings->value(QStringLiteral("password")), "password");
}

void TestConnectionSettings::rejectsMalformedInput_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected"); // part of the message

    QTest::newRow("empty") << ""
                           << "empty";
    QTest::newRow("blank") << "   "
                           << "empty";
    QTest::newRow("no host") << "postgresql:///movr"
                             << "no host";
    QTest::newRow("bad port") << "postgresql://h:abc/movr"
                              << "port";
    QTest::newRow("port out of range") << "postgresql://h:70000/movr"
                                       << "port";
    QTest::newRow("port zero") << "host=h port=0"
                               << "port";
    QTest::newRow("unknown sslmode") << "postgresql://h/movr?sslmode=sometimes"
                                     << "sslmode";
    QTest::newRow("unknown scheme") << "mysql://h/movr"
                                    << "scheme";
    QTest::newRow("scheme not at the start") << " x postgresql://h/movr"
                                             << "Malformed";
    QTest::newRow("unknown keyword") << "host=h colour=blue"
                                     << "Malformed";
    QTest::newRow("unknown url parameter") << "postgresql://h/movr?colour=blue"
                                           << "Malformed";
    QTest::newRow("unterminated quote") << "host='h"
                                        << "Malformed";
    QTest::newRow("garbage") << "just some words"
                             << "Malformed";
}

void TestConnectionSettings::rejectsMalformedInput()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    auto settings = ConnectionSettings::parse(input);
    QVERIFY(!settings.hasValue());
    QCOMPARE(settings.error().kind, ErrorClass::InvalidInput);
    QVERIFY2(settings.error().message.contains(expected, Qt::CaseInsensitive),
             qPrintable(settings.error().message));
}

void TestConnectionSettings::neverShowsPassword()
{
    const QString secret = QStringLiteral("Sup3rS3cret");
    auto settings = ConnectionSettings::parse(
        QStringLiteral("postgresql://alice:%1@host:26257/movr?sslmode=require").arg(secret));
    QVERIFY(settings.hasValue());
    QVERIFY(!settings->displayName().contains(secret));
    QVERIFY(!settings->toUrl().contains(secret));
    QVERIFY(settings->toUrl(ConnectionSettings::Password::Include).contains(secret));
    // The client key's passphrase is a secret too.
    auto withKey = ConnectionSettings::parse(
        QStringLiteral("host=h user=u sslmode=verify-full sslpassword=%1").arg(secret));
    QVERIFY(withKey.hasValue());
    QVERIFY(!withKey->displayName().contains(secret));
    QVERIFY2(!withKey->toUrl().contains(secret), qPrintable(withKey->toUrl()));
    QVERIFY(withKey->toUrl(ConnectionSettings::Password::Include).contains(secret));

    // A malformed URL whose bad part is inside the password: the message must not echo it.
    auto broken =
        ConnectionSettings::parse(QStringLiteral("postgresql://alice:%1%zz@host/db").arg(secret));
    QVERIFY(!broken.hasValue());
    QVERIFY2(!broken.error().message.contains(secret), qPrintable(broken.error().message));
}

void TestConnectionSettings::databaseUrlFromEnvironment()
{
    qputenv("DATABASE_URL", "postgresql://env@envhost:1234/envdb");
    auto settings = ConnectionSettings::fromEnvironment();
    QVERIFY(settings.hasValue());
    QCOMPARE(settings->host(), QStringLiteral("envhost"));
    QCOMPARE(settings->port(), 1234);
    qputenv("DATABASE_URL", "postgresql://envhost:bad/envdb");
    settings = ConnectionSettings::fromEnvironment();
    QVERIFY(!settings.hasValue());
    QVERIFY(settings.error().message.startsWith(QLatin1String("DATABASE_URL")));
    qunsetenv("DATABASE_URL");
    QVERIFY(!ConnectionSettings::fromEnvironment().hasValue());
}

static void touch(const QString &path)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
}

void TestConnectionSettings::certsDirectoryLayout()
{
    QTemporaryDir dir;
    touch(dir.filePath(QStringLiteral("ca.crt")));
    touch(dir.filePath(QStringLiteral("client.maxroach.crt")));
    touch(dir.filePath(QStringLiteral("client.maxroach.key")));
    touch(dir.filePath(QStringLiteral("client.root.crt")));
    touch(dir.filePath(QStringLiteral("client.root.key")));

    auto settings = ConnectionSettings::parse(QStringLiteral("postgresql://maxroach@h:26257/movr"));
    QVERIFY(settings.hasValue());
    QVERIFY(settings->applyCertsDirectory(dir.path()).hasValue());
    QCOMPARE(settings->value(QStringLiteral("sslrootcert")),
             dir.filePath(QStringLiteral("ca.crt")));
    QCOMPARE(settings->value(QStringLiteral("sslcert")),
             dir.filePath(QStringLiteral("client.maxroach.crt")));
    QCOMPARE(settings->value(QStringLiteral("sslkey")),
             dir.filePath(QStringLiteral("client.maxroach.key")));
    QCOMPARE(settings->sslMode(), QStringLiteral("verify-full"));

    // No user: CockroachDB's root, as `cockroach sql --certs-dir` does.
    auto rootSettings = ConnectionSettings::parse(QStringLiteral("host=h port=26257"));
    QVERIFY(rootSettings->applyCertsDirectory(dir.path()).hasValue());
    QCOMPARE(rootSettings->user(), QStringLiteral("root"));
    QCOMPARE(rootSettings->value(QStringLiteral("sslcert")),
             dir.filePath(QStringLiteral("client.root.crt")));

    // An explicit verify-ca is kept.
    auto verifyCa =
        ConnectionSettings::parse(QStringLiteral("postgresql://maxroach@h/movr?sslmode=verify-ca"));
    QVERIFY(verifyCa->applyCertsDirectory(dir.path()).hasValue());
    QCOMPARE(verifyCa->sslMode(), QStringLiteral("verify-ca"));

    // Only a CA (password authentication over TLS) is fine.
    QTemporaryDir caOnly;
    touch(caOnly.filePath(QStringLiteral("ca.crt")));
    auto passwordUser = ConnectionSettings::parse(QStringLiteral("postgresql://bob:pw@h/movr"));
    QVERIFY(passwordUser->applyCertsDirectory(caOnly.path()).hasValue());
    QVERIFY(!passwordUser->contains(QStringLiteral("sslcert")));
}

void TestConnectionSettings::certsDirectoryErrors()
{
    auto settings = ConnectionSettings::parse(QStringLiteral("postgresql://maxroach@h/movr"));
    auto missing = settings->applyCertsDirectory(QStringLiteral("/nonexistent/certs"));
    QVERIFY(!missing.hasValue());
    QVERIFY(missing.error().message.contains(QLatin1String("does not exist")));

    QTemporaryDir noCa;
    auto withoutCa = settings->applyCertsDirectory(noCa.path());
    QVERIFY(!withoutCa.hasValue());
    QVERIFY(withoutCa.error().message.contains(QLatin1String("ca.crt")));

    QTemporaryDir halfClient;
    touch(halfClient.filePath(QStringLiteral("ca.crt")));
    touch(halfClient.filePath(QStringLiteral("client.maxroach.crt")));
    auto half = settings->applyCertsDirectory(halfClient.path());
    QVERIFY(!half.hasValue());
    QVERIFY2(half.error().message.contains(QLatin1String("client.maxroach.key")),
             qPrintable(half.error().message));
}

void TestConnectionSettings::urlRoundTrip()
{
    auto settings = ConnectionSettings::parse(QStringLiteral(
        "postgresql://u%40x:p%20w@host:26257/my%20db?sslmode=require&application_name=qa"));
    QVERIFY(settings.hasValue());
    auto again = ConnectionSettings::parse(settings->toUrl(ConnectionSettings::Password::Include));
    QVERIFY2(again.hasValue(), qPrintable(settings->toUrl(ConnectionSettings::Password::Include)));
    QCOMPARE(again->user(), QStringLiteral("u@x"));
    QCOMPARE(again->value(QStringLiteral("password")), QStringLiteral("p w"));
    QCOMPARE(again->database(), QStringLiteral("my db"));
    QCOMPARE(again->sslMode(), QStringLiteral("require"));
    QCOMPARE(again->value(QStringLiteral("application_name")), QStringLiteral("qa"));
}

QTEST_GUILESS_MAIN(TestConnectionSettings)
#include "tst_connectionsettings.moc"
