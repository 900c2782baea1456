#include "TestServer.h"
#include "movr/Privileges.h"
#include "movr/Schema.h"

#include <QTest>

// Privileges read from a real server for roles with different grants.
class TestPrivileges : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void ownerMayDoEverything();
    void readOnlyRole();
    void fleetRole();
    void missingTablesHoldNothing();
    void everyOperationHasRequirements();

private:
    TablePrivileges loadAs(const QString &user);
    QString m_database;
};

void TestPrivileges::initTestCase()
{
    m_database = TestServer::createDatabase(QStringLiteral("privileges"));
    auto owner = TestServer::connect(m_database);
    QVERIFY(Schema::create(*owner).hasValue());
    const Status roles = owner->execScript(
        QStringLiteral("DROP ROLE IF EXISTS support_ro; DROP ROLE IF EXISTS fleet;"
                       "CREATE ROLE support_ro LOGIN PASSWORD 'ro-pass';"
                       "CREATE ROLE fleet LOGIN PASSWORD 'fleet-pass';"
                       "GRANT SELECT ON ALL TABLES IN SCHEMA public TO support_ro, fleet;"
                       "GRANT INSERT, UPDATE ON vehicles TO fleet;"));
    QVERIFY2(roles.hasValue(), qPrintable(roles ? QString() : roles.error().toString()));
}

TablePrivileges TestPrivileges::loadAs(const QString &user)
{
    ConnectionSettings settings = TestServer::settings(m_database);
    if (!user.isEmpty()) {
        settings.setValue(QStringLiteral("user"), user);
        settings.setValue(QStringLiteral("password"), user == u"fleet"
                                                          ? QStringLiteral("fleet-pass")
                                                          : QStringLiteral("ro-pass"));
    }
    auto connection = PgConnection::open(settings);
    if (!connection)
        qFatal("connect as %s: %s", qPrintable(user), qPrintable(connection.error().toString()));
    auto privileges = TablePrivileges::load(**connection);
    if (!privileges)
        qFatal("load: %s", qPrintable(privileges.error().toString()));
    return *privileges;
}

void TestPrivileges::ownerMayDoEverything()
{
    const TablePrivileges privileges = loadAs({});
    QCOMPARE(privileges.user(), QStringLiteral("movr"));
    QVERIFY(!privileges.isReadOnly());
    for (int op = 0; op <= int(MovrOperation::RecordLocation); ++op)
        QVERIFY(privileges.allows(MovrOperation(op)));
}

void TestPrivileges::readOnlyRole()
{
    const TablePrivileges privileges = loadAs(QStringLiteral("support_ro"));
    QCOMPARE(privileges.user(), QStringLiteral("support_ro"));
    QVERIFY(privileges.isReadOnly());
    QVERIFY(privileges.has(QStringLiteral("rides"), Privilege::Select));
    QVERIFY(!privileges.has(QStringLiteral("rides"), Privilege::Insert));
    for (int op = 0; op <= int(MovrOperation::RecordLocation); ++op)
        QVERIFY(!privileges.allows(MovrOperation(op)));
    const QString why = privileges.explanation(MovrOperation::StartRide);
    QVERIFY2(why.contains(QLatin1String("UPDATE on vehicles")), qPrintable(why));
    QVERIFY(why.contains(QLatin1String("INSERT on rides")));
    QVERIFY(why.contains(QLatin1String("support_ro")));
    QVERIFY(!why.contains(QLatin1String("SELECT on"))); // it has every SELECT
}

void TestPrivileges::fleetRole()
{
    const TablePrivileges privileges = loadAs(QStringLiteral("fleet"));
    QVERIFY(!privileges.isReadOnly());
    QVERIFY(privileges.allows(MovrOperation::AddVehicle));
    QVERIFY(privileges.allows(MovrOperation::EditVehicle));
    QVERIFY(privileges.allows(MovrOperation::SetVehicleStatus));
    QVERIFY(!privileges.allows(MovrOperation::AddUser));
    QVERIFY(!privileges.allows(MovrOperation::StartRide));
    QCOMPARE(privileges.missingFor(MovrOperation::EndRide),
             (QList<PrivilegeRequirement>{{QStringLiteral("rides"), Privilege::Update}}));
    QVERIFY(privileges.explanation(MovrOperation::AddVehicle).isEmpty());
}

void TestPrivileges::missingTablesHoldNothing()
{
    const QString empty = TestServer::createDatabase(QStringLiteral("noschema"));
    auto connection = TestServer::connect(empty);
    auto privileges = TablePrivileges::load(*connection);
    QVERIFY(privileges.hasValue());
    QVERIFY(!privileges->has(QStringLiteral("vehicles"), Privilege::Select));
    QVERIFY(!privileges->allows(MovrOperation::AddUser));
    QVERIFY(TablePrivileges::all().allows(MovrOperation::AddUser));
}

void TestPrivileges::everyOperationHasRequirements()
{
    for (int op = 0; op <= int(MovrOperation::RecordLocation); ++op) {
        const auto requirements = TablePrivileges::requirements(MovrOperation(op));
        QVERIFY(!requirements.isEmpty());
        // Something is written by every operation.
        QVERIFY(std::any_of(
            requirements.begin(), requirements.end(),
            [](const PrivilegeRequirement &r) { return r.privilege != Privilege::Select; }));
    }
}

QTEST_GUILESS_MAIN(TestPrivileges)
#include "tst_privileges.moc"
