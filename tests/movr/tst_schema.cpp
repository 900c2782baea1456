#include "TestServer.h"
#include "movr/Schema.h"

#include <QTest>

// The PostgreSQL catalog after Schema::create() must describe exactly the schema of
// MOVR.md; the CockroachDB DDL is compared as text.
class TestSchema : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void columns_data();
    void columns();
    void primaryKeys();
    void indexes();
    void checkConstraint();
    void foreignKeys();
    void hasMovrTablesAndDrop();
    void createIsAtomic();
    void foreignKeysAfterLoading();
    void cockroachText();
    void postgresTextHasNoInlineIndex();
    void multiRegionCockroachText();
    void multiRegionOnPostgres();

private:
    QStringList rows(const QString &sql, const SqlParams &params = {});
    static QStringList rows(PgConnection &connection, const QString &sql,
                            const SqlParams &params = {});
    QString m_database;
    std::unique_ptr<PgConnection> m_connection;
};

QStringList TestSchema::rows(const QString &sql, const SqlParams &params)
{
    return rows(*m_connection, sql, params);
}

QStringList TestSchema::rows(PgConnection &connection, const QString &sql, const SqlParams &params)
{
    auto result = connection.exec(sql, params);
    if (!result)
        qFatal("query failed: %s", qPrintable(result.error().toString()));
    QStringList out;
    for (int row = 0; row < result->rowCount(); ++row) {
        QStringList fields;
        for (int column = 0; column < result->columnCount(); ++column)
            fields << result->text(row, column);
        out << fields.join(QLatin1Char('|'));
    }
    return out;
}

void TestSchema::initTestCase()
{
    m_database = TestServer::createDatabase(QStringLiteral("schema"));
    m_connection = TestServer::connect(m_database);
    auto before = Schema::hasMovrTables(*m_connection);
    QVERIFY(before.hasValue());
    QVERIFY(!*before);
    const Status created = Schema::create(*m_connection);
    QVERIFY2(created.hasValue(), qPrintable(created ? QString() : created.error().toString()));
}

void TestSchema::columns_data()
{
    QTest::addColumn<QString>("table");
    QTest::addColumn<QStringList>("expected"); // name|type|nullable, in column order

    const QString uuid = QStringLiteral("uuid"), text = QStringLiteral("character varying"),
                  ts = QStringLiteral("timestamp without time zone"),
                  json = QStringLiteral("jsonb");
    auto col = [](const QString &name, const QString &type, bool nullable) {
        return name + QLatin1Char('|') + type + QLatin1Char('|') +
               (nullable ? QStringLiteral("YES") : QStringLiteral("NO"));
    };
    QTest::newRow("users") << QStringLiteral("users")
                           << QStringList{col("id", uuid, false), col("city", text, false),
                                          col("name", text, true), col("address", text, true),
                                          col("credit_card", text, true)};
    QTest::newRow("vehicles") << QStringLiteral("vehicles")
                              << QStringList{col("id", uuid, false),
                                             col("city", text, false),
                                             col("type", text, true),
                                             col("owner_id", uuid, true),
                                             col("creation_time", ts, true),
                                             col("status", text, true),
                                             col("current_location", text, true),
                                             col("ext", json, true)};
    QTest::newRow("rides") << QStringLiteral("rides")
                           << QStringList{col("id", uuid, false),
                                          col("city", text, false),
                                          col("vehicle_city", text, true),
                                          col("rider_id", uuid, true),
                                          col("vehicle_id", uuid, true),
                                          col("start_address", text, true),
                                          col("end_address", text, true),
                                          col("start_time", ts, true),
                                          col("end_time", ts, true),
                                          col("revenue", QStringLiteral("numeric(10,2)"), true)};
    QTest::newRow("vehicle_location_histories")
        << QStringLiteral("vehicle_location_histories")
        << QStringList{col("city", text, false), col("ride_id", uuid, false),
                       col("timestamp", ts, false),
                       col("lat", QStringLiteral("double precision"), true),
                       col("long", QStringLiteral("double precision"), true)};
    QTest::newRow("promo_codes") << QStringLiteral("promo_codes")
                                 << QStringList{
                                        col("code", text, false), col("description", text, true),
                                        col("creation_time", ts, true),
                                        col("expiration_time", ts, true), col("rules", json, true)};
    QTest::newRow("user_promo_codes")
        << QStringLiteral("user_promo_codes")
        << QStringList{col("city", text, false), col("user_id", uuid, false),
                       col("code", text, false), col("timestamp", ts, true),
                       col("usage_count", QStringLiteral("integer"), true)};
}

void TestSchema::columns()
{
    QFETCH(QString, table);
    QFETCH(QStringList, expected);
    const QStringList actual =
        rows(QStringLiteral("SELECT a.attname, format_type(a.atttypid, a.atttypmod), "
                            "CASE WHEN a.attnotnull THEN 'NO' ELSE 'YES' END "
                            "FROM pg_attribute a WHERE a.attrelid = $1::regclass "
                            "AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum"),
             {table});
    QCOMPARE(actual, expected);
}

void TestSchema::primaryKeys()
{
    const QStringList actual = rows(
        QStringLiteral("SELECT c.conrelid::regclass::text, "
                       "  (SELECT string_agg(a.attname, ',' ORDER BY k.ord) "
                       "   FROM unnest(c.conkey) WITH ORDINALITY AS k(attnum, ord) "
                       "   JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum) "
                       "FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace "
                       "WHERE c.contype = 'p' AND n.nspname = current_schema() ORDER BY 1"));
    QCOMPARE(actual, (QStringList{
                         QStringLiteral("promo_codes|code"),
                         QStringLiteral("rides|city,id"),
                         QStringLiteral("user_promo_codes|city,user_id,code"),
                         QStringLiteral("users|city,id"),
                         QStringLiteral("vehicle_location_histories|city,ride_id,timestamp"),
                         QStringLiteral("vehicles|city,id"),
                     }));
}

void TestSchema::indexes()
{
    // Secondary (non-unique) indexes with their key columns in order.
    const QStringList actual = rows(
        QStringLiteral("SELECT i.indexrelid::regclass::text, i.indrelid::regclass::text, "
                       "  (SELECT string_agg(a.attname, ',' ORDER BY k.ord) "
                       "   FROM unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord) "
                       "   JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum) "
                       "FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid "
                       "JOIN pg_namespace n ON n.oid = c.relnamespace "
                       "WHERE n.nspname = current_schema() AND NOT i.indisprimary ORDER BY 1"));
    QCOMPARE(actual,
             (QStringList{
                 QStringLiteral("rides_auto_index_fk_city_ref_users|rides|city,rider_id"),
                 QStringLiteral("rides_auto_index_fk_vehicle_city_ref_vehicles|rides|vehicle_city,"
                                "vehicle_id"),
                 QStringLiteral("vehicles_auto_index_fk_city_ref_users|vehicles|city,owner_id"),
             }));
}

void TestSchema::checkConstraint()
{
    const QStringList actual = rows(
        QStringLiteral("SELECT c.conrelid::regclass::text, c.conname, pg_get_constraintdef(c.oid) "
                       "FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace "
                       "WHERE c.contype = 'c' AND n.nspname = current_schema() ORDER BY 1"));
    QCOMPARE(actual, QStringList{QStringLiteral("rides|check_vehicle_city_city|CHECK "
                                                "(((vehicle_city)::text = (city)::text))")});
    // And it is enforced.
    auto violated = m_connection->exec(QStringLiteral(
        "INSERT INTO rides (id, city, vehicle_city) VALUES (gen_random_uuid(), 'rome', 'paris')"));
    QVERIFY(!violated.hasValue());
    QCOMPARE(violated.error().sqlState, QStringLiteral("23514"));
}

void TestSchema::foreignKeys()
{
    const QStringList actual = rows(QStringLiteral(
        "SELECT c.conrelid::regclass::text, "
        "  (SELECT string_agg(a.attname, ',' ORDER BY k.ord) "
        "   FROM unnest(c.conkey) WITH ORDINALITY AS k(attnum, ord) "
        "   JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum), "
        "  c.confrelid::regclass::text, "
        "  (SELECT string_agg(a.attname, ',' ORDER BY k.ord) "
        "   FROM unnest(c.confkey) WITH ORDINALITY AS k(attnum, ord) "
        "   JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum) "
        "FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace "
        "WHERE c.contype = 'f' AND n.nspname = current_schema() ORDER BY 1, 2"));
    QCOMPARE(actual, (QStringList{
                         QStringLiteral("rides|city,rider_id|users|city,id"),
                         QStringLiteral("rides|vehicle_city,vehicle_id|vehicles|city,id"),
                         QStringLiteral("user_promo_codes|city,user_id|users|city,id"),
                         QStringLiteral("vehicle_location_histories|city,ride_id|rides|city,id"),
                         QStringLiteral("vehicles|city,owner_id|users|city,id"),
                     }));
}

void TestSchema::hasMovrTablesAndDrop()
{
    const QString database = TestServer::createDatabase(QStringLiteral("schemadrop"));
    auto connection = TestServer::connect(database);
    QVERIFY(Schema::create(*connection).hasValue());
    auto has = Schema::hasMovrTables(*connection);
    QVERIFY(has.hasValue());
    QVERIFY(*has);
    auto tables = Schema::existingTables(*connection);
    QVERIFY(tables.hasValue());
    QStringList sorted = Schema::tableNames();
    sorted.sort();
    QCOMPARE(*tables, sorted);
    // Creating again fails (the tables exist) and changes nothing.
    auto again = Schema::create(*connection);
    QVERIFY(!again.hasValue());
    QCOMPARE(again.error().sqlState, QStringLiteral("42P07"));
    QVERIFY(Schema::drop(*connection).hasValue());
    has = Schema::hasMovrTables(*connection);
    QVERIFY(has.hasValue());
    QVERIFY(!*has);
    // One unrelated table with a MovR name counts as "has MovR tables".
    QVERIFY(connection->exec(QStringLiteral("CREATE TABLE promo_codes (x int)")).hasValue());
    has = Schema::hasMovrTables(*connection);
    QVERIFY(*has);
}

void TestSchema::createIsAtomic()
{
    // user_promo_codes exists already (someone else's): create() fails, leaves no other table.
    const QString database = TestServer::createDatabase(QStringLiteral("schemaatomic"));
    auto connection = TestServer::connect(database);
    QVERIFY(connection->exec(QStringLiteral("CREATE TABLE user_promo_codes (x int)")).hasValue());
    QVERIFY(!Schema::create(*connection).hasValue());
    auto tables = Schema::existingTables(*connection);
    QVERIFY(tables.hasValue());
    QCOMPARE(*tables, QStringList{QStringLiteral("user_promo_codes")});
}

void TestSchema::foreignKeysAfterLoading()
{
    const QString database = TestServer::createDatabase(QStringLiteral("schemafk"));
    auto connection = TestServer::connect(database);
    QVERIFY(Schema::create(*connection, Schema::ForeignKeys::AfterLoading).hasValue());
    auto count = connection->exec(QStringLiteral(
        "SELECT count(*) FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace "
        "WHERE c.contype = 'f' AND n.nspname = current_schema()"));
    QCOMPARE(count->text(0, 0), QStringLiteral("0"));
    // An orphan vehicle is accepted now, and then adding the keys fails with 23503.
    QVERIFY(connection
                ->exec(QStringLiteral("INSERT INTO vehicles (id, city, owner_id) VALUES "
                                      "(gen_random_uuid(), 'rome', gen_random_uuid())"))
                .hasValue());
    auto added = Schema::addForeignKeys(*connection);
    QVERIFY(!added.hasValue());
    QCOMPARE(added.error().sqlState, QStringLiteral("23503"));
    QVERIFY(connection->exec(QStringLiteral("DELETE FROM vehicles")).hasValue());
    QVERIFY(Schema::addForeignKeys(*connection).hasValue());
    count = connection->exec(QStringLiteral(
        "SELECT count(*) FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace "
        "WHERE c.contype = 'f' AND n.nspname = current_schema()"));
    QCOMPARE(count->text(0, 0), QStringLiteral("5"));
}

static QString normalized(QString text)
{
    return text.simplified()
        .replace(QStringLiteral("( "), QStringLiteral("("))
        .replace(QStringLiteral(" )"), QStringLiteral(")"));
}

void TestSchema::cockroachText()
{
    const QStringList statements = Schema::createStatements(ServerFlavor::CockroachDB);
    QCOMPARE(statements.size(), 6);
    // The text of MOVR.md (as CockroachDB's movr workload creates it), whitespace aside.
    const QStringList expected{
        QStringLiteral("CREATE TABLE users (id UUID NOT NULL, city VARCHAR NOT NULL, name VARCHAR "
                       "NULL, address VARCHAR NULL, credit_card VARCHAR NULL, PRIMARY KEY (city, "
                       "id))"),
        QStringLiteral("CREATE TABLE vehicles (id UUID NOT NULL, city VARCHAR NOT NULL, type "
                       "VARCHAR NULL, owner_id UUID NULL, creation_time TIMESTAMP NULL, status "
                       "VARCHAR NULL, current_location VARCHAR NULL, ext JSONB NULL, PRIMARY KEY "
                       "(city, id), INDEX vehicles_auto_index_fk_city_ref_users (city, owner_id))"),
        QStringLiteral("CREATE TABLE rides (id UUID NOT NULL, city VARCHAR NOT NULL, vehicle_city "
                       "VARCHAR NULL, rider_id UUID NULL, vehicle_id UUID NULL, start_address "
                       "VARCHAR NULL, end_address VARCHAR NULL, start_time TIMESTAMP NULL, "
                       "end_time TIMESTAMP NULL, revenue DECIMAL(10,2) NULL, PRIMARY KEY (city, "
                       "id), INDEX rides_auto_index_fk_city_ref_users (city, rider_id), INDEX "
                       "rides_auto_index_fk_vehicle_city_ref_vehicles (vehicle_city, vehicle_id), "
                       "CONSTRAINT check_vehicle_city_city CHECK (vehicle_city = city))"),
        QStringLiteral("CREATE TABLE vehicle_location_histories (city VARCHAR NOT NULL, ride_id "
                       "UUID NOT NULL, \"timestamp\" TIMESTAMP NOT NULL, lat FLOAT8 NULL, long "
                       "FLOAT8 NULL, PRIMARY KEY (city, ride_id, \"timestamp\"))"),
        QStringLiteral("CREATE TABLE promo_codes (code VARCHAR NOT NULL PRIMARY KEY, description "
                       "VARCHAR NULL, creation_time TIMESTAMP NULL, expiration_time TIMESTAMP "
                       "NULL, rules JSONB NULL)"),
        QStringLiteral("CREATE TABLE user_promo_codes (city VARCHAR NOT NULL, user_id UUID NOT "
                       "NULL, code VARCHAR NOT NULL, \"timestamp\" TIMESTAMP NULL, usage_count INT "
                       "NULL, PRIMARY KEY (city, user_id, code))"),
    };
    for (int i = 0; i < expected.size(); ++i)
        QCOMPARE(normalized(statements.at(i)), expected.at(i));
    QCOMPARE(Schema::foreignKeyStatements(ServerFlavor::CockroachDB).size(), 5);
    QVERIFY(Schema::script(ServerFlavor::CockroachDB)
                .contains(QStringLiteral("ALTER TABLE rides ADD FOREIGN KEY (vehicle_city, "
                                         "vehicle_id) REFERENCES vehicles (city, id);\n")));
}

void TestSchema::postgresTextHasNoInlineIndex()
{
    const QStringList statements = Schema::createStatements(ServerFlavor::PostgreSQL);
    int createIndex = 0;
    for (const QString &statement : statements) {
        QVERIFY2(!statement.contains(QStringLiteral("  INDEX ")), qPrintable(statement));
        if (statement.startsWith(QStringLiteral("CREATE INDEX ")))
            ++createIndex;
    }
    QCOMPARE(createIndex, 3);
}

void TestSchema::multiRegionCockroachText()
{
    // `cockroach workload init movr --multi-region` (pkg/workload/movr/movr.go): keys and
    // indexes without city, a stored crdb_region computed from the city (the clauses sorted,
    // as the workload sorts them), REGIONAL BY ROW tables and a GLOBAL promo_codes.
    const QString region = QStringLiteral(
        "crdb_region crdb_internal_region NOT NULL AS (CASE WHEN city IN ('amsterdam', 'paris', "
        "'rome') THEN 'europe-west1' WHEN city IN ('new york', 'boston', 'washington dc') THEN "
        "'us-east1' WHEN city IN ('seattle', 'san francisco', 'los angeles') THEN 'us-west1' "
        "ELSE 'us-east1' END) STORED");
    const QStringList statements =
        Schema::createStatements(ServerFlavor::CockroachDB, Schema::Layout::MultiRegion);
    QCOMPARE(statements.size(), 6);
    const QStringList expected{
        QStringLiteral("CREATE TABLE users (id UUID NOT NULL, city VARCHAR NOT NULL, name VARCHAR "
                       "NULL, address VARCHAR NULL, credit_card VARCHAR NULL, %1, PRIMARY KEY "
                       "(id)) LOCALITY REGIONAL BY ROW")
            .arg(region),
        QStringLiteral("CREATE TABLE vehicles (id UUID NOT NULL, city VARCHAR NOT NULL, type "
                       "VARCHAR NULL, owner_id UUID NULL, creation_time TIMESTAMP NULL, status "
                       "VARCHAR NULL, current_location VARCHAR NULL, ext JSONB NULL, %1, PRIMARY "
                       "KEY (id), INDEX vehicles_auto_index_fk_city_ref_users (owner_id)) "
                       "LOCALITY REGIONAL BY ROW")
            .arg(region),
        QStringLiteral("CREATE TABLE rides (id UUID NOT NULL, city VARCHAR NOT NULL, vehicle_city "
                       "VARCHAR NULL, rider_id UUID NULL, vehicle_id UUID NULL, start_address "
                       "VARCHAR NULL, end_address VARCHAR NULL, start_time TIMESTAMP NULL, "
                       "end_time TIMESTAMP NULL, revenue DECIMAL(10,2) NULL, %1, PRIMARY KEY "
                       "(id), INDEX rides_auto_index_fk_city_ref_users (rider_id), INDEX "
                       "rides_auto_index_fk_vehicle_city_ref_vehicles (vehicle_id), CONSTRAINT "
                       "check_vehicle_city_city CHECK (vehicle_city = city)) LOCALITY REGIONAL BY "
                       "ROW")
            .arg(region),
        QStringLiteral("CREATE TABLE vehicle_location_histories (city VARCHAR NOT NULL, ride_id "
                       "UUID NOT NULL, \"timestamp\" TIMESTAMP NOT NULL, lat FLOAT8 NULL, long "
                       "FLOAT8 NULL, %1, PRIMARY KEY (ride_id, \"timestamp\")) LOCALITY "
                       "REGIONAL BY ROW")
            .arg(region),
        QStringLiteral("CREATE TABLE promo_codes (code VARCHAR NOT NULL PRIMARY KEY, description "
                       "VARCHAR NULL, creation_time TIMESTAMP NULL, expiration_time TIMESTAMP "
                       "NULL, rules JSONB NULL) LOCALITY GLOBAL"),
        QStringLiteral("CREATE TABLE user_promo_codes (city VARCHAR NOT NULL, user_id UUID NOT "
                       "NULL, code VARCHAR NOT NULL, \"timestamp\" TIMESTAMP NULL, usage_count INT "
                       "NULL, %1, PRIMARY KEY (user_id, code)) LOCALITY REGIONAL BY ROW")
            .arg(region),
    };
    for (int i = 0; i < expected.size(); ++i)
        QCOMPARE(normalized(statements.at(i)), expected.at(i));
    QCOMPARE(
        Schema::foreignKeyStatements(ServerFlavor::CockroachDB, Schema::Layout::MultiRegion),
        (QStringList{
            QStringLiteral("ALTER TABLE vehicles ADD FOREIGN KEY (owner_id) REFERENCES users (id)"),
            QStringLiteral("ALTER TABLE rides ADD FOREIGN KEY (rider_id) REFERENCES users (id)"),
            QStringLiteral(
                "ALTER TABLE rides ADD FOREIGN KEY (vehicle_id) REFERENCES vehicles (id)"),
            QStringLiteral("ALTER TABLE vehicle_location_histories ADD FOREIGN KEY "
                           "(ride_id) REFERENCES rides (id)"),
            QStringLiteral("ALTER TABLE user_promo_codes ADD FOREIGN KEY (user_id) "
                           "REFERENCES users (id)"),
        }));
    // The database's regions, as the workload sets them before REGIONAL BY ROW.
    QCOMPARE(
        Schema::databaseRegionStatements(QStringLiteral("mov\"r")),
        (QStringList{
            QStringLiteral("ALTER DATABASE \"mov\"\"r\" SET PRIMARY REGION \"us-east1\""),
            QStringLiteral("ALTER DATABASE \"mov\"\"r\" ADD REGION IF NOT EXISTS \"us-west1\""),
            QStringLiteral("ALTER DATABASE \"mov\"\"r\" ADD REGION IF NOT EXISTS \"europe-west1\""),
        }));
    // The canonical text has none of it.
    const QString canonical = Schema::script(ServerFlavor::CockroachDB);
    QVERIFY(!canonical.contains(QLatin1String("LOCALITY")));
    QVERIFY(!canonical.contains(QLatin1String("crdb_region")));
    // Neither has the PostgreSQL stand-in.
    const QString standIn = Schema::script(ServerFlavor::PostgreSQL, Schema::ForeignKeys::Include,
                                           Schema::Layout::MultiRegion);
    QVERIFY(!standIn.contains(QLatin1String("LOCALITY")));
    QVERIFY(!standIn.contains(QLatin1String("crdb_internal_region")));
}

void TestSchema::multiRegionOnPostgres()
{
    const QString database = TestServer::createDatabase(QStringLiteral("schemamr"));
    auto connection = TestServer::connect(database);
    const Status created =
        Schema::create(*connection, Schema::ForeignKeys::Include, Schema::Layout::MultiRegion);
    QVERIFY2(created.hasValue(), qPrintable(created ? QString() : created.error().toString()));
    QCOMPARE(rows(*connection,
                  QStringLiteral(
                      "SELECT c.conrelid::regclass::text, "
                      "  (SELECT string_agg(a.attname, ',' ORDER BY k.ord) "
                      "   FROM unnest(c.conkey) WITH ORDINALITY AS k(attnum, ord) "
                      "   JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum) "
                      "FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace "
                      "WHERE c.contype = 'p' AND n.nspname = current_schema() ORDER BY 1")),
             (QStringList{
                 QStringLiteral("promo_codes|code"),
                 QStringLiteral("rides|id"),
                 QStringLiteral("user_promo_codes|user_id,code"),
                 QStringLiteral("users|id"),
                 QStringLiteral("vehicle_location_histories|ride_id,timestamp"),
                 QStringLiteral("vehicles|id"),
             }));
    QCOMPARE(rows(*connection,
                  QStringLiteral(
                      "SELECT i.indexrelid::regclass::text, "
                      "  (SELECT string_agg(a.attname, ',' ORDER BY k.ord) "
                      "   FROM unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord) "
                      "   JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum) "
                      "FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid "
                      "JOIN pg_namespace n ON n.oid = c.relnamespace "
                      "WHERE n.nspname = current_schema() AND NOT i.indisprimary ORDER BY 1")),
             (QStringList{
                 QStringLiteral("rides_auto_index_fk_city_ref_users|rider_id"),
                 QStringLiteral("rides_auto_index_fk_vehicle_city_ref_vehicles|vehicle_id"),
                 QStringLiteral("vehicles_auto_index_fk_city_ref_users|owner_id"),
             }));
    QCOMPARE(rows(*connection,
                  QStringLiteral(
                      "SELECT c.conrelid::regclass::text, "
                      "  (SELECT string_agg(a.attname, ',' ORDER BY k.ord) "
                      "   FROM unnest(c.conkey) WITH ORDINALITY AS k(attnum, ord) "
                      "   JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum), "
                      "  c.confrelid::regclass::text "
                      "FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace "
                      "WHERE c.contype = 'f' AND n.nspname = current_schema() ORDER BY 1, 2")),
             (QStringList{
                 QStringLiteral("rides|rider_id|users"),
                 QStringLiteral("rides|vehicle_id|vehicles"),
                 QStringLiteral("user_promo_codes|user_id|users"),
                 QStringLiteral("vehicle_location_histories|ride_id|rides"),
                 QStringLiteral("vehicles|owner_id|users"),
             }));
    // crdb_region is computed from the city on the five city tables, never written.
    QVERIFY(connection
                ->exec(QStringLiteral(
                    "INSERT INTO users (id, city) SELECT gen_random_uuid(), c "
                    "FROM unnest(ARRAY['paris', 'boston', 'seattle', 'atlantis']) AS c"))
                .hasValue());
    QCOMPARE(rows(*connection, QStringLiteral("SELECT city, crdb_region FROM users ORDER BY 1")),
             (QStringList{
                 QStringLiteral("atlantis|us-east1"),
                 QStringLiteral("boston|us-east1"),
                 QStringLiteral("paris|europe-west1"),
                 QStringLiteral("seattle|us-west1"),
             }));
    for (const QString &table : Schema::tableNames()) {
        const QStringList region = rows(
            *connection,
            QStringLiteral("SELECT count(*) FROM pg_attribute WHERE attrelid = to_regclass($1) "
                           "AND attname = 'crdb_region' AND attgenerated = 's'"),
            {table});
        QCOMPARE(region,
                 QStringList{table == u"promo_codes" ? QStringLiteral("0") : QStringLiteral("1")});
    }
}

QTEST_GUILESS_MAIN(TestSchema)
#include "tst_schema.moc"
