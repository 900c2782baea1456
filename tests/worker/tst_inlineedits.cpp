#include "TestServer.h"
#include "movr/DataGenerator.h"
#include "movr/MovrLoader.h"
#include "movr/MovrSchemaShape.h"
#include "txn/TransactionRunner.h"
#include "worker/InlineEdits.h"

#include <QTest>

// Inline edits against a real server: applied in one transaction, never overwriting a
// change made by another session meanwhile, all or nothing.
class TestInlineEdits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void editableColumns();
    void validation_data();
    void validation();
    void cardNumberIsStoredAsDigits();
    void appliesSeveralColumnsOfARow();
    void nullOriginalsAndHostileText();
    void concurrentChangeIsNeverOverwritten();
    void conflictsListOriginalMineAndCurrent();
    void deletedRowIsAConflict();
    void repeatedEditsOfACellMerge();

private:
    PendingEdit edit(BrowseTable table, const QStringList &key, const char *column,
                     const SqlValue &original, const SqlValue &value) const;
    QString value(const QString &sql, const SqlParams &params = {});
    QString value(const QString &sql, const QStringList &key) { return value(sql, toParams(key)); }
    static SqlParams toParams(const QStringList &key) { return SqlParams(key.begin(), key.end()); }
    Outcome apply(const QList<PendingEdit> &edits);
    QStringList someUser(int offset = 0);

    QString m_database;
    std::unique_ptr<PgConnection> m_sql;
    std::unique_ptr<PgConnection> m_edit;
};

void TestInlineEdits::initTestCase()
{
    MovrCounts counts;
    counts.users = 27;
    counts.vehicles = 18;
    counts.rides = 27;
    counts.histories = 9;
    counts.promoCodes = 9;
    // tst_inlineedits_multiregion: the same on the multi-region shape (TestServer).
    m_database = TestServer::createMovrDatabase(QStringLiteral("inline"), counts, 11);
    m_sql = TestServer::connect(m_database);
    auto shape = MovrSchemaShape::read(*m_sql);
    QVERIFY(shape);
    QCOMPARE(shape->kind(), TestServer::layoutUnderTest() == Schema::Layout::MultiRegion
                                ? MovrSchemaShape::Kind::MultiRegion
                                : MovrSchemaShape::Kind::Canonical);
    m_edit = TestServer::connect(m_database);
}

PendingEdit TestInlineEdits::edit(BrowseTable table, const QStringList &key, const char *column,
                                  const SqlValue &original, const SqlValue &value) const
{
    PendingEdit e;
    e.table = table;
    e.key = key;
    e.column = TableSpec::of(table).columnIndex(QLatin1String(column));
    e.original = original;
    e.value = value;
    return e;
}

QString TestInlineEdits::value(const QString &sql, const SqlParams &params)
{
    auto result = m_sql->exec(sql, params);
    if (!result)
        qFatal("%s: %s", qPrintable(sql), qPrintable(result.error().toString()));
    return result->rowCount() && !result->isNull(0, 0) ? result->text(0, 0)
                                                       : QStringLiteral("<null>");
}

Outcome TestInlineEdits::apply(const QList<PendingEdit> &edits)
{
    auto body = InlineEdits::applyBody(edits);
    if (!body)
        qFatal("applyBody: %s", qPrintable(body.error().message));
    TransactionRunner runner(m_edit);
    return runner.run(*body);
}

QStringList TestInlineEdits::someUser(int offset)
{
    auto result = m_sql->exec(
        QStringLiteral("SELECT city, id::text FROM users ORDER BY city, id OFFSET $1::int LIMIT 1"),
        {QString::number(offset)});
    return {result->text(0, 0), result->text(0, 1)};
}

void TestInlineEdits::editableColumns()
{
    const TableSpec &vehicles = TableSpec::of(BrowseTable::Vehicles);
    QVERIFY(InlineEdits::isEditable(BrowseTable::Vehicles,
                                    vehicles.columnIndex(QStringLiteral("current_location"))));
    QVERIFY(InlineEdits::isEditable(BrowseTable::Vehicles,
                                    vehicles.columnIndex(QStringLiteral("ext"))));
    QVERIFY(!InlineEdits::isEditable(BrowseTable::Vehicles,
                                     vehicles.columnIndex(QStringLiteral("status"))));
    QVERIFY(!InlineEdits::isEditable(BrowseTable::Vehicles,
                                     vehicles.columnIndex(QStringLiteral("id"))));
    QVERIFY(!InlineEdits::isEditable(BrowseTable::Vehicles,
                                     vehicles.columnIndex(QStringLiteral("city"))));
    QVERIFY(!InlineEdits::isEditable(BrowseTable::Vehicles, -1));
    QVERIFY(InlineEdits::isEditable(
        BrowseTable::Users, TableSpec::of(BrowseTable::Users).columnIndex(QStringLiteral("name"))));
    QVERIFY(!InlineEdits::isEditable(
        BrowseTable::Rides,
        TableSpec::of(BrowseTable::Rides).columnIndex(QStringLiteral("start_time"))));
}

void TestInlineEdits::validation_data()
{
    QTest::addColumn<int>("table");
    QTest::addColumn<QString>("column");
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    const int v = int(BrowseTable::Vehicles), u = int(BrowseTable::Users),
              r = int(BrowseTable::Rides), p = int(BrowseTable::PromoCodes);
    QTest::newRow("ext array") << v << "ext"
                               << "[1]" << false;
    QTest::newRow("ext object") << v << "ext"
                                << "{\"color\": \"red\"}" << true;
    QTest::newRow("type unknown") << v << "type"
                                  << "hoverboard" << false;
    QTest::newRow("owner not uuid") << v << "owner_id"
                                    << "bob" << false;
    QTest::newRow("name empty") << u << "name"
                                << "" << false;
    QTest::newRow("card letters") << u << "credit_card"
                                  << "41x1" << false;
    QTest::newRow("card with spaces") << u << "credit_card"
                                      << "4111 1111 1111 1111" << true;
    QTest::newRow("card with hyphens") << u << "credit_card"
                                       << " 4111-1111-1111-1111 " << true;
    QTest::newRow("card with a double space") << u << "credit_card"
                                              << "4111  1111 1111 1111" << false;
    QTest::newRow("rules not an object") << p << "rules"
                                         << "[1]" << false;
    QTest::newRow("card empty is NULL") << u << "credit_card"
                                        << "" << true;
    QTest::newRow("revenue three decimals") << r << "revenue"
                                            << "1.234" << false;
    QTest::newRow("revenue ok") << r << "revenue"
                                << "1.23" << true;
    QTest::newRow("end address empty is NULL") << r << "end_address"
                                               << "" << true;
    QTest::newRow("start address empty") << r << "start_address"
                                         << "" << false;
    QTest::newRow("expiration bad") << p << "expiration_time"
                                    << "tomorrow" << false;
    QTest::newRow("expiration ok") << p << "expiration_time"
                                   << "2030-01-01 00:00:00" << true;
}

void TestInlineEdits::validation()
{
    QFETCH(int, table);
    QFETCH(QString, column);
    QFETCH(QString, text);
    QFETCH(bool, valid);
    const BrowseTable t = BrowseTable(table);
    const int index = TableSpec::of(t).columnIndex(column);
    const QString problem = InlineEdits::validate(t, index, InlineEdits::fromText(t, index, text));
    QCOMPARE(problem.isEmpty(), valid);
}

void TestInlineEdits::cardNumberIsStoredAsDigits()
{
    const int column = TableSpec::of(BrowseTable::Users).columnIndex(QStringLiteral("credit_card"));
    QCOMPARE(
        InlineEdits::fromText(BrowseTable::Users, column, QStringLiteral("4111 1111-1111 1111")),
        SqlValue(QStringLiteral("4111111111111111")));
    // The JSON message of the rules column is a sentence about the rules.
    const int rules = TableSpec::of(BrowseTable::PromoCodes).columnIndex(QStringLiteral("rules"));
    QVERIFY2(
        InlineEdits::validate(BrowseTable::PromoCodes, rules, QStringLiteral("{"))
            .startsWith(QLatin1String("The rules are not valid JSON")),
        qPrintable(InlineEdits::validate(BrowseTable::PromoCodes, rules, QStringLiteral("{"))));
}

void TestInlineEdits::appliesSeveralColumnsOfARow()
{
    const QStringList user = someUser();
    const QString name =
        value(QStringLiteral("SELECT name FROM users WHERE city = $1 AND id = $2"), user);
    const QString address =
        value(QStringLiteral("SELECT address FROM users WHERE city = $1 AND id = $2"), user);
    const Outcome outcome = apply(
        {edit(BrowseTable::Users, user, "name", name, QStringLiteral("Ada Lovelace")),
         edit(BrowseTable::Users, user, "address", address, QStringLiteral("12 Analytical St"))});
    QVERIFY2(outcome.committed(), qPrintable(outcome.error ? outcome.error->message : QString()));
    QCOMPARE(value(QStringLiteral(
                       "SELECT name || '|' || address FROM users WHERE city = $1 AND id = $2"),
                   user),
             QStringLiteral("Ada Lovelace|12 Analytical St"));
    // One UPDATE for the row, guarded by the values the user saw.
    const auto updates =
        std::count_if(outcome.trace.begin(), outcome.trace.end(), [](const TraceEntry &e) {
            return e.sql.startsWith(QLatin1String("UPDATE users"));
        });
    QCOMPARE(updates, 1);
    QVERIFY(std::any_of(outcome.trace.begin(), outcome.trace.end(), [](const TraceEntry &e) {
        return e.sql.contains(QLatin1String("name IS NOT DISTINCT FROM $"));
    }));
}

void TestInlineEdits::nullOriginalsAndHostileText()
{
    auto ride = m_sql->exec(QStringLiteral(
        "UPDATE rides SET end_address = NULL WHERE id = (SELECT id FROM rides ORDER BY id LIMIT 1) "
        "RETURNING city, id::text"));
    QVERIFY(ride.hasValue());
    const QStringList key{ride->text(0, 0), ride->text(0, 1)};
    const QString hostile = QStringLiteral("x'); DELETE FROM rides; -- \\ ünï");
    QVERIFY(
        apply({edit(BrowseTable::Rides, key, "end_address", std::nullopt, hostile)}).committed());
    QCOMPARE(
        value(QStringLiteral("SELECT end_address FROM rides WHERE city = $1 AND id = $2"), key),
        hostile);
    QVERIFY(value(QStringLiteral("SELECT count(*) FROM rides")).toInt() > 1);
    // And back to NULL.
    QVERIFY(
        apply({edit(BrowseTable::Rides, key, "end_address", hostile, std::nullopt)}).committed());
    QCOMPARE(
        value(QStringLiteral("SELECT end_address FROM rides WHERE city = $1 AND id = $2"), key),
        QStringLiteral("<null>"));
}

void TestInlineEdits::concurrentChangeIsNeverOverwritten()
{
    const QStringList first = someUser(1);
    const QStringList second = someUser(2);
    const QString firstName =
        value(QStringLiteral("SELECT name FROM users WHERE city = $1 AND id = $2"), first);
    const QString secondName =
        value(QStringLiteral("SELECT name FROM users WHERE city = $1 AND id = $2"), second);
    // Another session changes the first row after the user loaded it.
    QVERIFY(
        m_sql
            ->exec(QStringLiteral(
                       "UPDATE users SET name = 'Changed Elsewhere' WHERE city = $1 AND id = $2"),
                   toParams(first))
            .hasValue());
    const Outcome outcome =
        apply({edit(BrowseTable::Users, second, "name", secondName, QStringLiteral("Mine Two")),
               edit(BrowseTable::Users, first, "name", firstName, QStringLiteral("Mine One"))});
    QVERIFY(!outcome.committed());
    QVERIFY(outcome.error.has_value());
    QCOMPARE(outcome.error->kind, ErrorClass::Conflict);
    QVERIFY(outcome.error->message.contains(first.at(1)));
    // Nothing overwritten, nothing half-done.
    QCOMPARE(value(QStringLiteral("SELECT name FROM users WHERE city = $1 AND id = $2"), first),
             QStringLiteral("Changed Elsewhere"));
    QCOMPARE(value(QStringLiteral("SELECT name FROM users WHERE city = $1 AND id = $2"), second),
             secondName);
}

void TestInlineEdits::conflictsListOriginalMineAndCurrent()
{
    const QStringList user = someUser(3);
    const QString original =
        value(QStringLiteral("SELECT address FROM users WHERE city = $1 AND id = $2"), user);
    const QString card = value(
        QStringLiteral("SELECT coalesce(credit_card, '') FROM users WHERE city = $1 AND id = $2"),
        user);
    QVERIFY(m_sql
                ->exec(QStringLiteral(
                           "UPDATE users SET address = 'Theirs 1' WHERE city = $1 AND id = $2"),
                       toParams(user))
                .hasValue());
    const QList<PendingEdit> edits{
        edit(BrowseTable::Users, user, "address", original, QStringLiteral("Mine 1")),
        edit(BrowseTable::Users, user, "credit_card", card, QStringLiteral("1234567890"))};
    const QList<Statement> reads = InlineEdits::currentValues(edits);
    QCOMPARE(reads.size(), 1);
    auto current = m_sql->exec(reads.first().sql, reads.first().params);
    QVERIFY(current.hasValue());
    const QList<FieldConflict> conflicts = InlineEdits::conflicts(edits, QList<PgResult>{*current});
    QCOMPARE(conflicts.size(), 1); // the credit card was not changed by anyone else
    QCOMPARE(conflicts.first().edit.original, SqlValue(original));
    QCOMPARE(conflicts.first().edit.value, SqlValue(QStringLiteral("Mine 1")));
    QCOMPARE(conflicts.first().current, SqlValue(QStringLiteral("Theirs 1")));
    QVERIFY(!conflicts.first().rowMissing);
    // Taking theirs as the new original lets the edit apply.
    QList<PendingEdit> resolved = edits;
    resolved[0].original = conflicts.first().current;
    QVERIFY(apply(resolved).committed());
    QCOMPARE(value(QStringLiteral("SELECT address FROM users WHERE city = $1 AND id = $2"), user),
             QStringLiteral("Mine 1"));
}

void TestInlineEdits::deletedRowIsAConflict()
{
    const QStringList user{QStringLiteral("rome"),
                           QStringLiteral("00000000-0000-4000-8000-000000000001")};
    const QList<PendingEdit> edits{edit(BrowseTable::Users, user, "name", QStringLiteral("Gone"),
                                        QStringLiteral("Still gone"))};
    auto current = m_sql->exec(InlineEdits::currentValues(edits).first().sql,
                               InlineEdits::currentValues(edits).first().params);
    QVERIFY(current.hasValue());
    const auto conflicts = InlineEdits::conflicts(edits, QList<PgResult>{*current});
    QCOMPARE(conflicts.size(), 1);
    QVERIFY(conflicts.first().rowMissing);
    const Outcome outcome = apply(edits);
    QVERIFY(!outcome.committed());
    QCOMPARE(outcome.error->kind, ErrorClass::Conflict);
}

void TestInlineEdits::repeatedEditsOfACellMerge()
{
    const QStringList user = someUser(4);
    const QString name =
        value(QStringLiteral("SELECT name FROM users WHERE city = $1 AND id = $2"), user);
    const Outcome outcome =
        apply({edit(BrowseTable::Users, user, "name", name, QStringLiteral("First Try")),
               edit(BrowseTable::Users, user, "name", QStringLiteral("First Try"),
                    QStringLiteral("Second Try"))});
    QVERIFY(outcome.committed());
    QCOMPARE(value(QStringLiteral("SELECT name FROM users WHERE city = $1 AND id = $2"), user),
             QStringLiteral("Second Try"));
    QVERIFY(!InlineEdits::applyBody({}).hasValue());
}

QTEST_GUILESS_MAIN(TestInlineEdits)
#include "tst_inlineedits.moc"
