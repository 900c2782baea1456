#include "TestServer.h"
#include "movr/OperationStatements.h"
#include "movr/Privileges.h"
#include "movr/Schema.h"
#include "movr/StatementPrivileges.h"

#include <QTest>

#include <algorithm>

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
    void deleteUserNeedsUpdateToLock();
    void analyzerRules_data();
    void analyzerRules();
    void statementsNeedExactlyTheirPrivileges_data();
    void statementsNeedExactlyTheirPrivileges();
    void operationsNeedExactlyTheirPrivileges_data();
    void operationsNeedExactlyTheirPrivileges();

private:
    TablePrivileges loadAs(const QString &user);
    // The role `actor` holds exactly `granted` on the MovR tables afterwards.
    void grantActor(const QList<PrivilegeRequirement> &granted);
    // Runs `statements` as `actor` in a transaction that is rolled back; the first error.
    Status runAsActor(const QList<Statement> &statements,
                      const std::function<Status(const QList<PgResult> &)> &check = {});
    QString m_database;
    std::unique_ptr<PgConnection> m_owner;
    std::unique_ptr<PgConnection> m_actor;
    OperationSample m_sample;
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

    // Rows every operation can succeed on: a user with no references, an available vehicle,
    // an active ride (on another vehicle) and an unexpired promo code nobody holds.
    m_owner = TestServer::connect(m_database);
    m_sample.userId = QStringLiteral("11111111-1111-4111-8111-111111111111");
    const QString ownerId = QStringLiteral("22222222-2222-4222-8222-222222222222");
    m_sample.vehicleId = QStringLiteral("33333333-3333-4333-8333-333333333333");
    const QString busyVehicle = QStringLiteral("44444444-4444-4444-8444-444444444444");
    m_sample.activeRideId = QStringLiteral("55555555-5555-4555-8555-555555555555");
    m_sample.promoCode = QStringLiteral("tenpercent");
    m_sample.newPromoCode = QStringLiteral("brand_new_code");
    const Status rows = m_owner->execScript(
        QStringLiteral("DROP ROLE IF EXISTS actor; CREATE ROLE actor LOGIN PASSWORD 'actor-pass';"
                       "INSERT INTO users (id, city, name, address) VALUES"
                       " ('%1', 'new york', 'Una User', '1 First Avenue'),"
                       " ('%2', 'new york', 'Olga Owner', '2 First Avenue');"
                       "INSERT INTO vehicles (id, city, type, owner_id, creation_time, status,"
                       " current_location, ext) VALUES"
                       " ('%3', 'new york', 'bike', '%2', now(), 'available', '3 Main St', '{}'),"
                       " ('%4', 'new york', 'scooter', '%2', now(), 'in_use', '4 Main St', '{}');"
                       "INSERT INTO rides (id, city, vehicle_city, rider_id, vehicle_id,"
                       " start_address, start_time) VALUES"
                       " ('%5', 'new york', 'new york', '%2', '%4', '4 Main St', now());"
                       "INSERT INTO promo_codes (code, description, creation_time, rules) VALUES"
                       " ('%6', '10%% off', now(), '{}');")
            .arg(m_sample.userId, ownerId, m_sample.vehicleId, busyVehicle, m_sample.activeRideId,
                 m_sample.promoCode));
    QVERIFY2(rows.hasValue(), qPrintable(rows ? QString() : rows.error().toString()));
    ConnectionSettings settings = TestServer::settings(m_database);
    settings.setValue(QStringLiteral("user"), QStringLiteral("actor"));
    settings.setValue(QStringLiteral("password"), QStringLiteral("actor-pass"));
    auto actor = PgConnection::open(settings);
    QVERIFY2(actor.hasValue(), qPrintable(actor ? QString() : actor.error().toString()));
    m_actor = std::move(*actor);
}

void TestPrivileges::grantActor(const QList<PrivilegeRequirement> &granted)
{
    QString script = QStringLiteral("REVOKE ALL ON users, vehicles, rides, "
                                    "vehicle_location_histories, promo_codes, user_promo_codes "
                                    "FROM actor;");
    for (const PrivilegeRequirement &requirement : granted)
        script += QStringLiteral("GRANT %1 ON %2 TO actor;")
                      .arg(TablePrivileges::privilegeName(requirement.privilege),
                           PgConnection::quoteIdentifier(requirement.table));
    const Status done = m_owner->execScript(script);
    if (!done)
        qFatal("grant: %s", qPrintable(done.error().toString()));
}

Status TestPrivileges::runAsActor(const QList<Statement> &statements,
                                  const std::function<Status(const QList<PgResult> &)> &check)
{
    if (auto begun = m_actor->exec(QStringLiteral("BEGIN")); !begun)
        return begun.error();
    std::optional<DbError> failure;
    QList<PgResult> results;
    for (const Statement &statement : statements) {
        auto result = m_actor->exec(statement.sql, statement.params);
        if (!result) {
            failure = result.error();
            break;
        }
        results.append(*result);
    }
    if (!failure && check) {
        if (const Status checked = check(results); !checked)
            failure = checked.error();
    }
    if (auto rolledBack = m_actor->exec(QStringLiteral("ROLLBACK")); !rolledBack)
        return rolledBack.error();
    if (failure)
        return *failure;
    return Ok{};
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

void TestPrivileges::deleteUserNeedsUpdateToLock()
{
    // The statement locks the user row (SELECT … FOR UPDATE): UPDATE on users, on both
    // servers, although nothing is updated.
    const auto requirements = TablePrivileges::requirements(MovrOperation::DeleteUser);
    QVERIFY(
        requirements.contains(PrivilegeRequirement{QStringLiteral("users"), Privilege::Update}));
    QVERIFY(
        requirements.contains(PrivilegeRequirement{QStringLiteral("users"), Privilege::Delete}));
    const auto uses = OperationStatements::privileges(MovrOperation::DeleteUser);
    const auto lock = std::find_if(uses.begin(), uses.end(), [](const PrivilegeUse &use) {
        return use.requirement.privilege == Privilege::Update;
    });
    QCOMPARE(lock->reason, PrivilegeUse::Reason::Locks);
}

using Uses = QList<PrivilegeUse>;
Q_DECLARE_METATYPE(Uses)

namespace {

PrivilegeUse use(const char *table, Privilege privilege, PrivilegeUse::Reason reason)
{
    return {{QLatin1String(table), privilege}, reason};
}

QString describe(const Uses &uses)
{
    QStringList parts;
    for (const PrivilegeUse &use : uses)
        parts << use.describe();
    return parts.join(QLatin1String("; "));
}

} // namespace

void TestPrivileges::analyzerRules_data()
{
    using P = Privilege;
    using R = PrivilegeUse::Reason;
    QTest::addColumn<QString>("sql");
    QTest::addColumn<Uses>("expected");
    QTest::newRow("select") << QStringLiteral("SELECT name FROM users WHERE city = $1")
                            << Uses{use("users", P::Select, R::Reads)};
    QTest::newRow("for update") << QStringLiteral(
                                       "SELECT id FROM users WHERE id = $1::uuid FOR UPDATE")
                                << Uses{use("users", P::Select, R::Reads),
                                        use("users", P::Update, R::Locks)};
    QTest::newRow("for share of alias")
        << QStringLiteral("SELECT 1 FROM rides AS r JOIN users u ON u.id = r.rider_id "
                          "FOR KEY SHARE OF u")
        << Uses{use("rides", P::Select, R::Reads), use("users", P::Select, R::Reads),
                use("users", P::Update, R::Locks)};
    QTest::newRow("lock skips CTE")
        << QStringLiteral("WITH users AS (SELECT 1 AS id) SELECT * FROM users, vehicles "
                          "FOR NO KEY UPDATE")
        << Uses{use("vehicles", P::Select, R::Reads), use("vehicles", P::Update, R::Locks)};
    QTest::newRow("update where") << QStringLiteral(
                                         "UPDATE vehicles SET status = 'lost' WHERE id = $1::uuid")
                                  << Uses{use("vehicles", P::Update, R::Updates),
                                          use("vehicles", P::Select, R::FindsRows)};
    QTest::newRow("update returning")
        << QStringLiteral("UPDATE vehicles SET status = 'lost' RETURNING id")
        << Uses{use("vehicles", P::Update, R::Updates), use("vehicles", P::Select, R::Returns)};
    QTest::newRow("update everything") << QStringLiteral("UPDATE vehicles SET status = 'lost'")
                                       << Uses{use("vehicles", P::Update, R::Updates),
                                               use("vehicles", P::Select, R::CockroachDbRule)};
    QTest::newRow("update from")
        << QStringLiteral("UPDATE user_promo_codes SET usage_count = 1 FROM promo_codes "
                          "WHERE promo_codes.code = user_promo_codes.code")
        << Uses{use("user_promo_codes", P::Update, R::Updates),
                use("promo_codes", P::Select, R::Reads),
                use("user_promo_codes", P::Select, R::FindsRows)};
    QTest::newRow("delete using") << QStringLiteral(
                                         "DELETE FROM user_promo_codes USING promo_codes "
                                         "WHERE promo_codes.code = user_promo_codes.code")
                                  << Uses{use("user_promo_codes", P::Delete, R::Deletes),
                                          use("promo_codes", P::Select, R::Reads),
                                          use("user_promo_codes", P::Select, R::FindsRows)};
    QTest::newRow("insert values")
        << QStringLiteral("INSERT INTO promo_codes (code, rules) VALUES ($1, '{}')")
        << Uses{use("promo_codes", P::Insert, R::Inserts)};
    QTest::newRow("insert returning")
        << QStringLiteral("INSERT INTO promo_codes (code) VALUES ($1) RETURNING code")
        << Uses{use("promo_codes", P::Insert, R::Inserts),
                use("promo_codes", P::Select, R::Returns)};
    QTest::newRow("on conflict do nothing")
        << QStringLiteral("INSERT INTO promo_codes (code) VALUES ($1) "
                          "ON CONFLICT (code) DO NOTHING")
        << Uses{use("promo_codes", P::Insert, R::Inserts),
                use("promo_codes", P::Select, R::ResolvesConflict)};
    QTest::newRow("on conflict do nothing, no target")
        << QStringLiteral("INSERT INTO promo_codes (code) VALUES ($1) ON CONFLICT DO NOTHING")
        << Uses{use("promo_codes", P::Insert, R::Inserts),
                use("promo_codes", P::Select, R::CockroachDbRule)};
    QTest::newRow("on conflict do update")
        << QStringLiteral("INSERT INTO promo_codes (code) VALUES ($1) "
                          "ON CONFLICT (code) DO UPDATE SET description = 'again'")
        << Uses{use("promo_codes", P::Insert, R::Inserts),
                use("promo_codes", P::Select, R::ResolvesConflict),
                use("promo_codes", P::Update, R::Updates)};
    QTest::newRow("insert select on conflict")
        << QStringLiteral("INSERT INTO user_promo_codes (city, user_id, code) "
                          "SELECT u.city, u.id, p.code FROM users u, promo_codes p "
                          "WHERE u.id = $1::uuid ON CONFLICT (city, user_id, code) DO UPDATE "
                          "SET usage_count = 0")
        << Uses{use("user_promo_codes", P::Insert, R::Inserts), use("users", P::Select, R::Reads),
                use("promo_codes", P::Select, R::Reads),
                use("user_promo_codes", P::Select, R::ResolvesConflict),
                use("user_promo_codes", P::Update, R::Updates)};
    QTest::newRow("data-modifying CTE")
        << QStringLiteral("WITH gone AS (DELETE FROM user_promo_codes WHERE code = $1 "
                          "RETURNING code) SELECT count(*) FROM gone")
        << Uses{use("user_promo_codes", P::Delete, R::Deletes),
                use("user_promo_codes", P::Select, R::FindsRows)};
    QTest::newRow("subquery, IS DISTINCT FROM, string, function in FROM")
        << QStringLiteral("SELECT 'FROM vehicles', (SELECT count(*) FROM rides) "
                          "FROM unnest($1::uuid[]) AS wanted (id) "
                          "WHERE wanted.id IS NOT DISTINCT FROM (SELECT \"id\" FROM "
                          "public.users LIMIT 1) -- FROM promo_codes")
        << Uses{use("rides", P::Select, R::Reads), use("users", P::Select, R::Reads)};
}

void TestPrivileges::analyzerRules()
{
    QFETCH(QString, sql);
    QFETCH(Uses, expected);
    const Uses actual = StatementPrivileges::analyze(sql);
    QVERIFY2(actual.size() == expected.size(),
             qPrintable(QStringLiteral("got %1").arg(describe(actual))));
    for (qsizetype i = 0; i < actual.size(); ++i) {
        QVERIFY2(
            actual.at(i).requirement == expected.at(i).requirement &&
                actual.at(i).reason == expected.at(i).reason,
            qPrintable(
                QStringLiteral("got %1, expected %2").arg(describe(actual), describe(expected))));
    }
}

// Proves the analyzer's rules on the server: with exactly the derived privileges the
// statement runs; without any one of them PostgreSQL refuses it (42501), unless only
// CockroachDB asks for that one.
static void
checkExactPrivileges(TestPrivileges *, const Uses &uses,
                     const std::function<void(const QList<PrivilegeRequirement> &)> &grant,
                     const std::function<Status()> &run, const QString &what)
{
    QList<PrivilegeRequirement> all;
    for (const PrivilegeUse &use : uses)
        all.append(use.requirement);
    grant(all);
    const Status granted = run();
    QVERIFY2(granted.hasValue(),
             qPrintable(
                 QStringLiteral("%1 with %2: %3")
                     .arg(what, describe(uses), granted ? QString() : granted.error().toString())));
    for (const PrivilegeUse &removed : uses) {
        QList<PrivilegeRequirement> rest = all;
        rest.removeOne(removed.requirement);
        grant(rest);
        const Status refused = run();
        // What only CockroachDB asks for, PostgreSQL does not.
        if (!removed.neededOnPostgres()) {
            QVERIFY2(refused.hasValue(),
                     qPrintable(QStringLiteral("%1 without %2 (said to be CockroachDB's rule): %3")
                                    .arg(what, removed.describe(),
                                         refused ? QString() : refused.error().toString())));
        }
        if (refused.hasValue()) {
            QVERIFY2(!removed.neededOnPostgres(),
                     qPrintable(QStringLiteral("%1 runs on PostgreSQL without %2: the derived "
                                               "list is too long")
                                    .arg(what, removed.describe())));
        } else {
            QVERIFY2(refused.error().sqlState == u"42501",
                     qPrintable(QStringLiteral("%1 without %2: %3")
                                    .arg(what, removed.describe(), refused.error().toString())));
        }
    }
}

void TestPrivileges::statementsNeedExactlyTheirPrivileges_data()
{
    analyzerRules_data();
}

void TestPrivileges::statementsNeedExactlyTheirPrivileges()
{
    QFETCH(QString, sql);
    const Uses uses = StatementPrivileges::analyze(sql);
    const Statement statement{
        sql, sql.contains(QLatin1String("$1::uuid[]"))
                 ? SqlParams{QStringLiteral("{%1}").arg(m_sample.userId)}
             : sql.contains(QLatin1String("$1::uuid")) ? SqlParams{m_sample.userId}
             : sql.contains(QLatin1String("$1"))       ? SqlParams{QStringLiteral("some_code")}
                                                       : SqlParams{}};
    checkExactPrivileges(
        this, uses, [this](const QList<PrivilegeRequirement> &granted) { grantActor(granted); },
        [&] { return runAsActor({statement}); }, sql);
}

void TestPrivileges::operationsNeedExactlyTheirPrivileges_data()
{
    QTest::addColumn<int>("operation");
    for (MovrOperation operation : OperationStatements::all())
        QTest::addRow("%d", int(operation)) << int(operation);
}

void TestPrivileges::operationsNeedExactlyTheirPrivileges()
{
    QFETCH(int, operation);
    const MovrOperation op = MovrOperation(operation);
    const Uses uses = OperationStatements::privileges(op);
    QVERIFY(!uses.isEmpty());
    qInfo("operation %d needs %s", operation, qPrintable(describe(uses)));
    QCOMPARE(TablePrivileges::requirements(op).size(), uses.size());

    auto bodies = OperationStatements::bodies(op, m_sample);
    QVERIFY(bodies.hasValue());
    // The statements run here are the ones the requirements were derived from.
    QList<Statement> sent;
    for (const TransactionBody &body : *bodies)
        sent += body.statements;
    for (const TransactionBody &body : *bodies)
        sent.append(body.verify);
    const QList<Statement> derivedFrom = OperationStatements::statements(op);
    QCOMPARE(sent.size(), derivedFrom.size());
    for (qsizetype i = 0; i < sent.size(); ++i)
        QCOMPARE(sent.at(i).sql, derivedFrom.at(i).sql);

    // The body, its check (the operation succeeded), then its verification (the effect is
    // there), in one transaction that is rolled back.
    const auto run = [&]() -> Status {
        for (const TransactionBody &body : *bodies) {
            Status done = runAsActor(body.statements + QList<Statement>{body.verify},
                                     [&body](const QList<PgResult> &results) -> Status {
                                         if (Status checked = body.check(results); !checked)
                                             return checked;
                                         if (results.last().rowCount() < 1)
                                             return DbError::make(ErrorClass::Other,
                                                                  QStringLiteral("not verified"));
                                         return Ok{};
                                     });
            if (!done)
                return done;
        }
        return Ok{};
    };
    const auto grant = [&](const QList<PrivilegeRequirement> &granted) {
        grantActor(granted);
        // What the application reads for this role says the same.
        auto privileges = TablePrivileges::load(*m_actor);
        QVERIFY(privileges.hasValue());
        const QList<PrivilegeRequirement> missing = privileges->missingFor(op);
        QCOMPARE(privileges->allows(op), granted.size() == uses.size());
        if (granted.size() < uses.size()) {
            QCOMPARE(missing.size(), 1);
            QVERIFY(!granted.contains(missing.first()));
            const QString named =
                QStringLiteral("%1 on %2")
                    .arg(TablePrivileges::privilegeName(missing.first().privilege),
                         missing.first().table);
            QVERIFY2(privileges->explanation(op).contains(named),
                     qPrintable(privileges->explanation(op)));
        }
        // On PostgreSQL the action is enabled exactly when what PostgreSQL needs is granted:
        // a privilege only CockroachDB asks for does not disable it.
        bool postgresHasAll = true;
        for (const PrivilegeUse &use : uses)
            postgresHasAll &= !use.neededOnPostgres() || granted.contains(use.requirement);
        QCOMPARE(privileges->allows(op, ServerFlavor::PostgreSQL), postgresHasAll);
        for (const PrivilegeRequirement &needed :
             TablePrivileges::requirements(op, ServerFlavor::PostgreSQL)) {
            const auto use = std::find_if(uses.begin(), uses.end(), [&](const PrivilegeUse &u) {
                return u.requirement == needed;
            });
            QVERIFY(use != uses.end() && use->neededOnPostgres());
        }
    };
    checkExactPrivileges(this, uses, grant, run, QStringLiteral("operation %1").arg(operation));
}

QTEST_GUILESS_MAIN(TestPrivileges)
#include "tst_privileges.moc"
