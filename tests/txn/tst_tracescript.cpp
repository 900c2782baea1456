#include "TestServer.h"
#include "txn/TraceScript.h"
#include "txn/TransactionRunner.h"

#include <QTest>

class TestTraceScript : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void inlining_data();
    void inlining();
    void valuesSurviveTheScript();
    void rendersGroups();
    void runnerTraceReplays();
    void notSentStatementsAreCommentedOut();
    void outcomesAreComments();
};

void TestTraceScript::inlining_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<SqlParams>("params");
    QTest::addColumn<QString>("expected");
    const SqlParams two{QStringLiteral("a'b"), std::nullopt};
    QTest::newRow("plain") << "SELECT $1, $2" << two << "SELECT 'a''b', NULL";
    QTest::newRow("cast") << "SELECT $1::text" << two << "SELECT 'a''b'::text";
    QTest::newRow("in string") << "SELECT '$1', $1" << two << "SELECT '$1', 'a''b'";
    QTest::newRow("escaped quote in string")
        << "SELECT 'it''s $1', $2" << two << "SELECT 'it''s $1', NULL";
    QTest::newRow("E string") << "SELECT E'\\' $1', $1" << two << "SELECT E'\\' $1', 'a''b'";
    QTest::newRow("identifier") << "SELECT 1 AS \"$1\", $1" << two << "SELECT 1 AS \"$1\", 'a''b'";
    QTest::newRow("dollar quote") << "DO $$BEGIN PERFORM $1; END$$; SELECT $1" << two
                                  << "DO $$BEGIN PERFORM $1; END$$; SELECT 'a''b'";
    QTest::newRow("tagged dollar quote")
        << "SELECT $fn$ $1 $$ $fn$, $2" << two << "SELECT $fn$ $1 $$ $fn$, NULL";
    QTest::newRow("line comment") << "SELECT $1 -- $2\n, $2" << two
                                  << "SELECT 'a''b' -- $2\n, NULL";
    QTest::newRow("block comment") << "SELECT /* $1 /* nested $2 */ $1 */ $2" << two
                                   << "SELECT /* $1 /* nested $2 */ $1 */ NULL";
    QTest::newRow("two digits") << "SELECT $10, $1" << SqlParams(10, QStringLiteral("x"))
                                << "SELECT 'x', 'x'";
    QTest::newRow("beyond params") << "SELECT $3" << two << "SELECT $3";
    QTest::newRow("identifier with dollar") << "SELECT a$1 FROM t" << two << "SELECT a$1 FROM t";
    QTest::newRow("backslash") << "SELECT $1" << SqlParams{QStringLiteral("C:\\dir")}
                               << "SELECT E'C:\\\\dir'";
}

void TestTraceScript::inlining()
{
    QFETCH(QString, sql);
    QFETCH(SqlParams, params);
    QTEST(TraceScript::inlineParameters(sql, params), "expected");
}

void TestTraceScript::valuesSurviveTheScript()
{
    // Every value goes through the server twice: bound as a parameter and inlined into
    // the rendered script; both must give the same typed value back.
    auto connection = TestServer::connect(TestServer::createDatabase(QStringLiteral("script")));
    QVERIFY(connection
                ->execScript(QStringLiteral(
                    "CREATE TABLE v (k int PRIMARY KEY, t text, j jsonb, u uuid, ts timestamptz,"
                    " n numeric(12,2), b bool, a text[])"))
                .hasValue());
    const QString insert = QStringLiteral(
        "INSERT INTO v (k, t, j, u, ts, n, b, a) VALUES ($1::int, $2, $3::jsonb, $4::uuid, "
        "$5::timestamptz, $6::numeric, $7::bool, $8::text[])");
    const QList<SqlParams> rows{
        {QStringLiteral("1"),
         QStringLiteral("O'Brien \\ \"quoted\" -- not a comment /* nor this */"),
         QStringLiteral("{\"color\": \"red\", \"quote\": \"it's\", \"path\": \"a\\\\b\"}"),
         QStringLiteral("5ebfedea-8b0e-4bd5-a9d2-3d5f0d7e2a4c"),
         QStringLiteral("2026-11-22 17:03:32.123456+00"), QStringLiteral("12345.67"),
         QStringLiteral("true"), QStringLiteral("{\"a,b\",\"c\\\"d\"}")},
        {QStringLiteral("2"), QStringLiteral("ünïcödé 🚲 漢字 $1 $$ $tag$ \n newline\ttab"),
         QStringLiteral("[1, 2.5, null, \"\\u00e9\"]"),
         QStringLiteral("00000000-0000-0000-0000-000000000000"),
         QStringLiteral("1999-12-31T23:59:59Z"), QStringLiteral("-0.01"), QStringLiteral("false"),
         QStringLiteral("{}")},
        {QStringLiteral("3"), std::nullopt, std::nullopt, std::nullopt, std::nullopt, std::nullopt,
         std::nullopt, std::nullopt},
        {QStringLiteral("4"), QStringLiteral("'; DROP TABLE v; --"), QStringLiteral("{}"),
         QStringLiteral("A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11"), QStringLiteral("infinity"),
         QStringLiteral("0"), QStringLiteral("t"), QStringLiteral("{NULL}")},
    };
    const QString select = QStringLiteral("SELECT t, j, u, ts, n, b, a FROM v WHERE k = $1::int");
    QList<TraceEntry> entries;
    QList<QStringList> viaParams;
    for (const SqlParams &row : rows) {
        auto inserted = connection->exec(insert, row);
        QVERIFY2(inserted.hasValue(),
                 qPrintable(inserted ? QString() : inserted.error().toString()));
        auto read = connection->exec(select, {row.first()});
        QVERIFY(read.hasValue());
        QStringList values;
        for (int c = 0; c < read->columnCount(); ++c)
            values << (read->isNull(0, c) ? QStringLiteral("<NULL>") : read->text(0, c));
        viaParams << values;
        TraceEntry entry;
        entry.actionId = 7;
        entry.action = QStringLiteral("Insert values");
        entry.sql = insert;
        SqlParams moved = row;
        moved[0] = QString::number(row.first()->toInt() + 100);
        entry.params = moved;
        entries << entry;
    }
    const QString script = TraceScript::render(entries);
    QVERIFY(!script.contains(QLatin1String("$2")) || script.contains(QLatin1String("'$1 $$")));
    const Status ran = connection->execScript(script);
    QVERIFY2(ran.hasValue(),
             qPrintable((ran ? QString() : ran.error().toString()) + "\n" + script));
    for (qsizetype i = 0; i < rows.size(); ++i) {
        auto read = connection->exec(select, {QString::number(rows.at(i).first()->toInt() + 100)});
        QVERIFY(read.hasValue());
        QCOMPARE(read->rowCount(), 1);
        QStringList values;
        for (int c = 0; c < read->columnCount(); ++c)
            values << (read->isNull(0, c) ? QStringLiteral("<NULL>") : read->text(0, c));
        QCOMPARE(values, viaParams.at(i));
    }
    // The texts themselves came back unchanged, not just equal to each other.
    auto text = connection->exec(QStringLiteral("SELECT t FROM v WHERE k = 102"));
    QCOMPARE(text->text(0, 0), rows.at(1).at(1).value());
}

void TestTraceScript::rendersGroups()
{
    QList<TraceEntry> entries;
    auto add = [&](int attempt, const QString &sql, const SqlParams &params = {}) -> TraceEntry & {
        TraceEntry entry;
        entry.actionId = 42;
        entry.action = QStringLiteral("Start ride");
        entry.attempt = attempt;
        entry.sql = sql;
        entry.params = params;
        entries << entry;
        return entries.last();
    };
    add(1, QStringLiteral("BEGIN ISOLATION LEVEL SERIALIZABLE"));
    add(1, QStringLiteral("UPDATE vehicles SET status = 'in_use' WHERE id = $1::uuid"),
        {QStringLiteral("5ebfedea-8b0e-4bd5-a9d2-3d5f0d7e2a4c")});
    TraceEntry &injected =
        add(1, QStringLiteral("DO $$BEGIN RAISE EXCEPTION 'x' USING ERRCODE = '40001'; END$$"));
    injected.injected = true;
    injected.sqlState = QStringLiteral("40001");
    injected.error = QStringLiteral("x");
    add(2, QStringLiteral("ROLLBACK")).retryCause = QStringLiteral("x (SQLSTATE 40001)");
    add(2, QStringLiteral("COMMIT;"));
    const QString expected =
        QStringLiteral("-- Start ride (action 42)\n"
                       "-- attempt 1\n"
                       "BEGIN ISOLATION LEVEL SERIALIZABLE;\n"
                       "UPDATE vehicles SET status = 'in_use' WHERE id = "
                       "'5ebfedea-8b0e-4bd5-a9d2-3d5f0d7e2a4c'::uuid;\n"
                       "-- injected retry error (QA)\n"
                       "DO $$BEGIN RAISE EXCEPTION 'x' USING ERRCODE = '40001'; END$$;\n"
                       "-- failed: SQLSTATE 40001: x\n"
                       "-- attempt 2, retry after: x (SQLSTATE 40001)\n"
                       "ROLLBACK;\n"
                       "COMMIT;\n");
    QCOMPARE(TraceScript::render(entries), expected);
}

void TestTraceScript::runnerTraceReplays()
{
    // What the runner sent, copied as a script and run elsewhere, does the same thing.
    const QString schema = QStringLiteral(
        "CREATE TABLE notes (id uuid PRIMARY KEY, body text, meta jsonb, amount numeric(10,2))");
    auto original = TestServer::connect(TestServer::createDatabase(QStringLiteral("orig")));
    auto replica = TestServer::connect(TestServer::createDatabase(QStringLiteral("replica")));
    QVERIFY(original->execScript(schema).hasValue());
    QVERIFY(replica->execScript(schema).hasValue());

    TransactionBody body;
    body.action = QStringLiteral("Add notes");
    const QString insert = QStringLiteral(
        "INSERT INTO notes (id, body, meta, amount) VALUES ($1::uuid, $2, $3::jsonb, $4::numeric)");
    body.statements = {
        {insert,
         {QStringLiteral("11111111-1111-4111-8111-111111111111"),
          QStringLiteral("it's a \\ back\\slash; -- and $2 and $$"),
          QStringLiteral("{\"k\": \"v'\\\\\"}"), QStringLiteral("10.50")}},
        {insert,
         {QStringLiteral("22222222-2222-4222-8222-222222222222"), std::nullopt, std::nullopt,
          QStringLiteral("-0.99")}},
        {QStringLiteral(
             "UPDATE notes SET body = coalesce(body, '') || $1 WHERE amount < $2::numeric"),
         {QStringLiteral("ünï 🚲"), QStringLiteral("0")}},
    };
    TransactionRunner runner(original);
    const Outcome outcome = runner.run(body);
    QVERIFY(outcome.committed());
    const QString script = TraceScript::render(outcome.trace);
    QVERIFY2(replica->execScript(script).hasValue(), qPrintable(script));
    const QString dump = QStringLiteral(
        "SELECT string_agg(format('%s|%s|%s|%s', id, body, meta, amount), E'\\n' ORDER BY id) "
        "FROM notes");
    auto a = original->exec(dump);
    auto b = replica->exec(dump);
    QVERIFY(a.hasValue() && b.hasValue());
    QCOMPARE(b->text(0, 0), a->text(0, 0));
    QVERIFY(a->text(0, 0).contains(QStringLiteral("ünï 🚲")));
}

void TestTraceScript::notSentStatementsAreCommentedOut()
{
    // A pipeline whose INSERT fails: the server skips the COMMIT queued after it. The trace
    // marks that COMMIT not sent (not failed), and the script keeps it only as a comment, so
    // that running the script does not do what the application did not.
    auto connection = TestServer::connect(TestServer::createDatabase(QStringLiteral("notsent")));
    QVERIFY(connection->execScript(QStringLiteral("CREATE TABLE t (id int PRIMARY KEY)")));
    QVERIFY(connection->execScript(QStringLiteral("INSERT INTO t VALUES (1)")));
    TransactionBody body;
    body.action = QStringLiteral("Duplicate");
    body.statements = {{QStringLiteral("INSERT INTO t VALUES ($1::int)"), {QStringLiteral("1")}}};
    TransactionRunner runner(connection);
    const Outcome outcome = runner.run(body);
    QCOMPARE(outcome.state, Outcome::State::NotCommitted);
    QVERIFY(!outcome.refused); // the server said no: a failure, not a refusal
    qsizetype commits = 0;
    for (const TraceEntry &entry : outcome.trace) {
        if (entry.sql != QLatin1String("COMMIT"))
            continue;
        ++commits;
        QVERIFY(entry.notSent);
        QVERIFY(!entry.failed());
    }
    QCOMPARE(commits, 1);
    const QString script = TraceScript::render(outcome.trace);
    QVERIFY2(script.contains(QLatin1String(
                 "-- not sent (an earlier statement in the pipeline failed):\n-- COMMIT;\n")),
             qPrintable(script));
    QVERIFY2(!script.split(QLatin1Char('\n')).contains(QStringLiteral("COMMIT;")),
             qPrintable(script));
}

void TestTraceScript::outcomesAreComments()
{
    TraceEntry insert;
    insert.actionId = 9;
    insert.action = QStringLiteral("Start ride");
    insert.sql = QStringLiteral("SELECT 1");
    const QList<TraceEntry> entries{
        insert, TraceEntry::outcomeEntry(9, QStringLiteral("Start ride"), TraceOutcome::Refused,
                                         QStringLiteral("the vehicle is in use"))};
    QCOMPARE(TraceScript::render(entries),
             QStringLiteral("-- Start ride (action 9)\n"
                            "-- attempt 1\n"
                            "SELECT 1;\n"
                            "-- outcome: refused (nothing written): the vehicle is in use\n"));
    QCOMPARE(TraceScript::render({TraceEntry::notSentEntry(
                 10, QStringLiteral("Apply"), QStringLiteral("The connection was lost."))}),
             QStringLiteral("-- Apply (action 10)\n"
                            "-- outcome: not sent: The connection was lost.\n"));
}

QTEST_GUILESS_MAIN(TestTraceScript)
#include "tst_tracescript.moc"
