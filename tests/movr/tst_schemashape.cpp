#include "TestServer.h"
#include "movr/MovrSchemaShape.h"
#include "movr/Schema.h"

#include <QTest>

// Which MovR schema a database holds, read from the catalog: the canonical and the
// multi-region shapes (on a real PostgreSQL, the CockroachDB implicit region prefix from a
// catalog answer as CockroachDB gives it), and every other shape as one sentence naming what
// is missing.
class TestSchemaShape : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fromCatalog_data();
    void fromCatalog();
    void readsTheCanonicalShape();
    void readsTheMultiRegionShape();
    void readOnlyUserSeesTheKeys();
    void unsupportedShapes_data();
    void unsupportedShapes();

private:
    static QHash<QString, MovrTableCatalog> catalog(Schema::Layout layout);
    static QString shapeOf(const QString &database);
};

QHash<QString, MovrTableCatalog> TestSchemaShape::catalog(Schema::Layout layout)
{
    QHash<QString, MovrTableCatalog> tables;
    for (const QString &table : Schema::tableNames()) {
        MovrTableCatalog entry;
        entry.columns = MovrSchemaShape::requiredColumns(table);
        entry.primaryKey = layout == Schema::Layout::MultiRegion
                               ? MovrSchemaShape::multiRegionKey(table)
                               : MovrSchemaShape::canonicalKey(table);
        if (layout == Schema::Layout::MultiRegion && table != u"promo_codes")
            entry.columns << QStringLiteral("crdb_region");
        tables.insert(table, entry);
    }
    return tables;
}

Q_DECLARE_METATYPE(MovrSchemaShape::Kind)

void TestSchemaShape::fromCatalog_data()
{
    QTest::addColumn<QString>("change");
    QTest::addColumn<MovrSchemaShape::Kind>("kind");
    QTest::addColumn<QString>("usersKey");
    QTest::addColumn<QString>("historiesKey");
    QTest::addColumn<QString>("problem");
    using Kind = MovrSchemaShape::Kind;
    QTest::newRow("canonical") << "canonical" << Kind::Canonical << "city,id"
                               << "city,ride_id,timestamp"
                               << "";
    QTest::newRow("multi-region") << "multi-region" << Kind::MultiRegion << "id"
                                  << "ride_id,timestamp"
                                  << "";
    // CockroachDB's pg_constraint.conkey of a REGIONAL BY ROW primary key lists the implicit
    // partitioning column first (pkg/sql/pg_catalog.go: the index's KeyColumnIDs).
    QTest::newRow("regional by row, as CockroachDB lists it")
        << "region prefix" << Kind::MultiRegion << "id"
        << "ride_id,timestamp"
        << "";
    QTest::newRow("one table id-keyed") << "users id-keyed" << Kind::MultiRegion << "id"
                                        << "city,ride_id,timestamp"
                                        << "";
    QTest::newRow("missing table")
        << "no user_promo_codes" << Kind::Unsupported << ""
        << ""
        << "This database has no user_promo_codes table, so it does not hold the MovR schema; "
           "connect to the movr database or create it with movr-admin --init-movr.";
    QTest::newRow("missing column")
        << "no vehicles.ext" << Kind::Unsupported << ""
        << ""
        << "The table vehicles has no column ext, which MovR Admin needs; this database does "
           "not hold a MovR schema it supports.";
    QTest::newRow("another key")
        << "users keyed by name" << Kind::Unsupported << ""
        << ""
        << "The primary key of the table users is (name); MovR Admin works with the key (city, "
           "id) or, in the multi-region MovR schema, (id).";
    QTest::newRow("no key") << "histories without a key" << Kind::Unsupported << ""
                            << ""
                            << "The table vehicle_location_histories has no primary key; MovR "
                               "Admin needs the key (city, ride_id, timestamp) or, in the "
                               "multi-region MovR schema, (ride_id, timestamp).";
    QTest::newRow("only crdb_region")
        << "users keyed by crdb_region" << Kind::Unsupported << ""
        << ""
        << "The primary key of the table users is (crdb_region); MovR Admin works with the key "
           "(city, id) or, in the multi-region MovR schema, (id).";
}

void TestSchemaShape::fromCatalog()
{
    QFETCH(QString, change);
    QFETCH(MovrSchemaShape::Kind, kind);
    QFETCH(QString, usersKey);
    QFETCH(QString, historiesKey);
    QFETCH(QString, problem);
    auto tables = catalog(change == u"canonical" || change.startsWith(u"users") ||
                                  change.startsWith(u"no ") || change.startsWith(u"histories")
                              ? Schema::Layout::Canonical
                              : Schema::Layout::MultiRegion);
    if (change == u"region prefix") {
        for (auto it = tables.begin(); it != tables.end(); ++it) {
            if (it.key() != u"promo_codes")
                it->primaryKey.prepend(QStringLiteral("crdb_region"));
        }
    } else if (change == u"users id-keyed") {
        tables[QStringLiteral("users")].primaryKey = {QStringLiteral("id")};
    } else if (change == u"no user_promo_codes") {
        tables.remove(QStringLiteral("user_promo_codes"));
    } else if (change == u"no vehicles.ext") {
        tables[QStringLiteral("vehicles")].columns.removeAll(QStringLiteral("ext"));
    } else if (change == u"users keyed by name") {
        tables[QStringLiteral("users")].primaryKey = {QStringLiteral("name")};
    } else if (change == u"histories without a key") {
        tables[QStringLiteral("vehicle_location_histories")].primaryKey.clear();
    } else if (change == u"users keyed by crdb_region") {
        tables[QStringLiteral("users")].primaryKey = {QStringLiteral("crdb_region")};
    }
    const MovrSchemaShape shape = MovrSchemaShape::fromCatalog(tables);
    QCOMPARE(shape.kind(), kind);
    QCOMPARE(shape.problem(), problem);
    QCOMPARE(shape.isSupported(), problem.isEmpty());
    if (shape.isSupported()) {
        QCOMPARE(shape.primaryKey(QStringLiteral("users")).join(QLatin1Char(',')), usersKey);
        QCOMPARE(
            shape.primaryKey(QStringLiteral("vehicle_location_histories")).join(QLatin1Char(',')),
            historiesKey);
        QCOMPARE(shape.primaryKey(QStringLiteral("promo_codes")),
                 QStringList{QStringLiteral("code")});
    }
}

QString TestSchemaShape::shapeOf(const QString &database)
{
    auto connection = TestServer::connect(database);
    auto shape = MovrSchemaShape::read(*connection);
    if (!shape)
        return QStringLiteral("error: ") + shape.error().toString();
    if (!shape->isSupported())
        return shape->problem();
    QStringList keys;
    for (const QString &table : Schema::tableNames())
        keys << table + QLatin1Char('(') + shape->primaryKey(table).join(QLatin1Char(',')) +
                    QLatin1Char(')');
    return (shape->kind() == MovrSchemaShape::Kind::Canonical ? QStringLiteral("canonical ")
                                                              : QStringLiteral("multi-region ")) +
           keys.join(QLatin1Char(' '));
}

void TestSchemaShape::readsTheCanonicalShape()
{
    const QString database = TestServer::createDatabase(QStringLiteral("shapecanon"));
    QVERIFY(Schema::create(*TestServer::connect(database)).hasValue());
    QCOMPARE(shapeOf(database),
             QStringLiteral("canonical users(city,id) vehicles(city,id) rides(city,id) "
                            "vehicle_location_histories(city,ride_id,timestamp) "
                            "promo_codes(code) user_promo_codes(city,user_id,code)"));
}

void TestSchemaShape::readsTheMultiRegionShape()
{
    const QString database = TestServer::createDatabase(QStringLiteral("shapemr"));
    QVERIFY(Schema::create(*TestServer::connect(database), Schema::ForeignKeys::Include,
                           Schema::Layout::MultiRegion)
                .hasValue());
    QCOMPARE(shapeOf(database),
             QStringLiteral("multi-region users(id) vehicles(id) rides(id) "
                            "vehicle_location_histories(ride_id,timestamp) promo_codes(code) "
                            "user_promo_codes(user_id,code)"));
}

void TestSchemaShape::readOnlyUserSeesTheKeys()
{
    // PostgreSQL's information_schema.table_constraints hides the keys of tables a user may
    // only SELECT from; the catalog query must not depend on it.
    const QString database = TestServer::createDatabase(QStringLiteral("shapero"));
    auto owner = TestServer::connect(database);
    QVERIFY(Schema::create(*owner, Schema::ForeignKeys::Include, Schema::Layout::MultiRegion)
                .hasValue());
    const Status role = owner->execScript(
        QStringLiteral("DROP ROLE IF EXISTS shape_reader;"
                       "CREATE ROLE shape_reader LOGIN PASSWORD 'reader-pass';"
                       "GRANT SELECT ON ALL TABLES IN SCHEMA public TO shape_reader;"));
    QVERIFY2(role.hasValue(), qPrintable(role ? QString() : role.error().toString()));
    ConnectionSettings settings = TestServer::settings(database);
    settings.setValue(QStringLiteral("user"), QStringLiteral("shape_reader"));
    settings.setValue(QStringLiteral("password"), QStringLiteral("reader-pass"));
    auto reader = PgConnection::open(settings);
    QVERIFY(reader);
    auto visible = (*reader)->exec(QStringLiteral(
        "SELECT count(*) FROM information_schema.table_constraints WHERE table_name = 'users' "
        "AND constraint_type = 'PRIMARY KEY'"));
    QVERIFY(visible);
    QCOMPARE(visible->text(0, 0), QStringLiteral("0")); // why not information_schema
    auto shape = MovrSchemaShape::read(**reader);
    QVERIFY(shape);
    QCOMPARE(shape->kind(), MovrSchemaShape::Kind::MultiRegion);
    QCOMPARE(shape->primaryKey(QStringLiteral("user_promo_codes")),
             (QStringList{QStringLiteral("user_id"), QStringLiteral("code")}));
}

void TestSchemaShape::unsupportedShapes_data()
{
    QTest::addColumn<QString>("ddl"); // run after the canonical schema is created
    QTest::addColumn<QString>("problem");
    QTest::newRow("users keyed by name")
        << "ALTER TABLE users DROP CONSTRAINT users_pkey CASCADE;"
           "ALTER TABLE users ADD PRIMARY KEY (name)"
        << "The primary key of the table users is (name); MovR Admin works with the key (city, "
           "id) or, in the multi-region MovR schema, (id).";
    QTest::newRow("missing table") << "DROP TABLE user_promo_codes"
                                   << "This database has no user_promo_codes table, so it does "
                                      "not hold the MovR schema; connect to the movr database or "
                                      "create it with movr-admin --init-movr.";
    QTest::newRow("missing column") << "ALTER TABLE rides DROP COLUMN revenue"
                                    << "The table rides has no column revenue, which MovR Admin "
                                       "needs; this database does not hold a MovR schema it "
                                       "supports.";
    QTest::newRow("empty database") << "DROP TABLE vehicle_location_histories, "
                                       "user_promo_codes, rides, vehicles, promo_codes, users"
                                    << "This database has no users table, so it does not hold "
                                       "the MovR schema; connect to the movr database or create "
                                       "it with movr-admin --init-movr.";
}

void TestSchemaShape::unsupportedShapes()
{
    QFETCH(QString, ddl);
    QFETCH(QString, problem);
    const QString database = TestServer::createDatabase(QStringLiteral("shapebad"));
    auto connection = TestServer::connect(database);
    QVERIFY(Schema::create(*connection).hasValue());
    const Status changed = connection->execScript(ddl);
    QVERIFY2(changed.hasValue(), qPrintable(changed ? QString() : changed.error().toString()));
    QCOMPARE(shapeOf(database), problem);
}

QTEST_GUILESS_MAIN(TestSchemaShape)
#include "tst_schemashape.moc"
