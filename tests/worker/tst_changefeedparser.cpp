#include "worker/ChangeJson.h"
#include "worker/ChangefeedParser.h"

#include <QTest>

namespace {

// Raw string literals go through a function: moc cannot read them inside a macro call.
QString str(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

// Recorded rows with escapes, defined at the end of the file: moc misreads a raw string
// literal holding \" inside the class.
extern const char *const HostileKey;
extern const char *const HostileValue;
extern const char *const BadEscape;
extern const char *const LoneSurrogate;
extern const char *const Truncated;

} // namespace

// The changefeed row parser on rows recorded as text, in the shape CockroachDB sends them for
// CREATE CHANGEFEED FOR TABLE ... WITH updated, diff, resolved = '1s' (no CockroachDB runs
// here). Shapes: cockroachdb/docs v21.2/use-changefeeds.md ("Responses", "Delete messages").
class TestChangefeedParser : public QObject
{
    Q_OBJECT

private:
    static ChangefeedParser parser()
    {
        return ChangefeedParser(
            {{QStringLiteral("vehicles"), {QStringLiteral("city"), QStringLiteral("id")}},
             {QStringLiteral("users"), {QStringLiteral("city"), QStringLiteral("id")}},
             {QStringLiteral("promo_codes"), {QStringLiteral("code")}}});
    }
    static ChangeEvent event(const SqlValue &table, const QString &key, const QString &value)
    {
        const auto parsed = parser().parse(table, key, value);
        if (!parsed)
            qWarning() << parsed.error();
        if (!parsed || !std::holds_alternative<ChangeEvent>(*parsed))
            return {};
        return std::get<ChangeEvent>(*parsed);
    }
    static QString error(const SqlValue &table, const SqlValue &key, const SqlValue &value)
    {
        const auto parsed = parser().parse(table, key, value);
        return parsed ? QString() : parsed.error();
    }

private Q_SLOTS:
    void insertWithDiff()
    {
        const ChangeEvent e = event(
            QStringLiteral("vehicles"),
            str(R"(["new york", "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa"])"),
            str(R"({"after": {"city": "new york", "id": "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa", )"
                R"("status": "available", "ext": {"color": "red"}, "owner_id": null, )"
                R"("revenue": 12.50}, "before": null, "updated": "1532379887442299001.0000000002"})"));
        QCOMPARE(e.table, QStringLiteral("vehicles"));
        QCOMPARE(e.kind, ChangeKind::Insert);
        QVERIFY(!e.beforeKnown);
        QCOMPARE(e.key.size(), 2);
        QCOMPARE(e.keyValue(QStringLiteral("city")), SqlValue(QStringLiteral("new york")));
        QCOMPARE(e.keyValue(QStringLiteral("id")),
                 SqlValue(QStringLiteral("aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa")));
        QCOMPARE(e.columns.size(), 6);
        QCOMPARE(e.column(QStringLiteral("status"))->after, SqlValue(QStringLiteral("available")));
        // JSONB keeps its JSON text, DECIMAL its exact digits, JSON null is SQL NULL.
        QCOMPARE(e.column(QStringLiteral("ext"))->after, SqlValue(str(R"({"color": "red"})")));
        QCOMPARE(e.column(QStringLiteral("revenue"))->after, SqlValue(QStringLiteral("12.50")));
        QCOMPARE(e.column(QStringLiteral("owner_id"))->after, SqlValue());
        QCOMPARE(e.commitTime.wallNanos, Q_INT64_C(1532379887442299001));
        QCOMPARE(e.commitTime.logical, 2);
        QCOMPARE(e.commitTime.toHlcText(), QStringLiteral("1532379887442299001.0000000002"));
        QCOMPARE(e.commitTime.toDateTime(),
                 QDateTime::fromMSecsSinceEpoch(Q_INT64_C(1532379887442), Qt::UTC));
    }

    void updateWithDiffListsOnlyChangedColumns()
    {
        const ChangeEvent e = event(
            QStringLiteral("vehicles"), str(R"(["rome", "b1"])"),
            str(R"({"after": {"city": "rome", "id": "b1", "status": "lost", "revenue": 3},)"
                R"( "before": {"city": "rome", "id": "b1", "status": "available", "revenue": 3},)"
                R"( "updated": "1700000000000000000.0000000000"})"));
        QCOMPARE(e.kind, ChangeKind::Update);
        QVERIFY(e.beforeKnown);
        QCOMPARE(e.columns.size(), 1);
        QCOMPARE(e.columns.first(),
                 (ChangedColumn{QStringLiteral("status"), QStringLiteral("available"),
                                QStringLiteral("lost")}));
    }

    void updateWithoutDiffCarriesTheWholeRow()
    {
        const ChangeEvent e = event(QStringLiteral("promo_codes"), str(R"(["SPRING"])"),
                                    str(R"({"after": {"code": "SPRING", "rules": null},)"
                                        R"( "updated": "1700000000000000000.0000000000"})"));
        QCOMPARE(e.kind, ChangeKind::Update);
        QVERIFY(!e.beforeKnown);
        QCOMPARE(e.columns.size(), 2);
        QCOMPARE(e.keyValue(QStringLiteral("code")), SqlValue(QStringLiteral("SPRING")));
    }

    void deleteHasNullAfter()
    {
        const ChangeEvent e =
            event(QStringLiteral("users"), str(R"(["paris", "u7"])"),
                  str(R"({"after": null, "before": {"city": "paris", "id": "u7", "name": "Zoé"},)"
                      R"( "updated": "1700000000000000001.0000000000"})"));
        QCOMPARE(e.kind, ChangeKind::Delete);
        QVERIFY(e.beforeKnown);
        QCOMPARE(e.column(QStringLiteral("name"))->before, SqlValue(QStringLiteral("Zoé")));
        QCOMPARE(e.column(QStringLiteral("name"))->after, SqlValue());
        // Without diff: the key alone.
        const ChangeEvent bare = event(QStringLiteral("users"), str(R"(["paris", "u7"])"),
                                       str(R"({"after": null, "updated": "5.0000000000"})"));
        QCOMPARE(bare.kind, ChangeKind::Delete);
        QVERIFY(bare.columns.isEmpty());
        QCOMPARE(bare.keyValue(QStringLiteral("id")), SqlValue(QStringLiteral("u7")));
    }

    void resolved()
    {
        const auto parsed = parser().parse(
            std::nullopt, std::nullopt, str(R"({"resolved": "1532379889448662988.0000000000"})"));
        QVERIFY(parsed);
        QVERIFY(std::holds_alternative<ResolvedTimestamp>(*parsed));
        QCOMPARE(std::get<ResolvedTimestamp>(*parsed).time.wallNanos,
                 Q_INT64_C(1532379889448662988));
        // A synthetic timestamp's "?" suffix (some versions) is accepted.
        QVERIFY(ChangeTime::fromHlcText(QStringLiteral("12.0000000003?")));
        QCOMPARE(ChangeTime::fromHlcText(QStringLiteral("12.0000000003?"))->logical, 3);
        QVERIFY(!ChangeTime::fromHlcText(QStringLiteral("12.x")));
        QVERIFY(!ChangeTime::fromHlcText(QStringLiteral("")));
        QVERIFY(!ChangeTime::fromHlcText(QStringLiteral("-1.0")));
        QVERIFY((ChangeTime{1, 0} < ChangeTime{1, 1}));
    }

    void hexEscapedBytesAreDecoded()
    {
        // key and value are BYTES: libpq's text format may hand them over as "\x" + hex.
        const QString key =
            QStringLiteral("\\x") + QString::fromLatin1(QByteArray(R"(["SPRING"])").toHex());
        const QString value =
            QStringLiteral("\\x") +
            QString::fromLatin1(
                QByteArray(R"({"after": {"code": "SPRING", "d": "é"}, "updated": "9.0000000000"})")
                    .toHex());
        const ChangeEvent e = event(QStringLiteral("promo_codes"), key, value);
        QCOMPARE(e.keyValue(QStringLiteral("code")), SqlValue(QStringLiteral("SPRING")));
        QCOMPARE(e.column(QStringLiteral("d"))->after, SqlValue(QStringLiteral("é")));
    }

    void hostileValuesArriveIntact()
    {
        // Quotes, backslashes, a newline, a tab, unicode (also as \u escapes with a surrogate
        // pair) and JSON inside a string.
        const ChangeEvent e = event(QStringLiteral("users"), str(HostileKey), str(HostileValue));
        QCOMPARE(e.keyValue(QStringLiteral("id")), SqlValue(QStringLiteral("it's \"q\" \\ é")));
        QCOMPARE(e.column(QStringLiteral("name"))->after,
                 SqlValue(QStringLiteral("O'Brien \"Bob\"\\\\ line1\nline2\ttab 🚲 🚲 ünï")));
        QCOMPARE(e.column(QStringLiteral("address"))->after,
                 SqlValue(str(R"({"json": [1, "two"]})")));
        QCOMPARE(e.column(QStringLiteral("credit_card"))->after,
                 SqlValue(QStringLiteral("\\x00") + QChar(0) + QStringLiteral("end")));
    }

    void fullTableNameIsAccepted()
    {
        const ChangeEvent e = event(QStringLiteral("movr.public.promo_codes"), str(R"(["A"])"),
                                    str(R"({"after": {"code": "A"}, "updated": "1.0000000000"})"));
        QCOMPARE(e.table, QStringLiteral("promo_codes"));
        QCOMPARE(e.schema, QStringLiteral("public"));
    }

    void malformedInputGivesAClearError_data()
    {
        QTest::addColumn<SqlValue>("table");
        QTest::addColumn<SqlValue>("key");
        QTest::addColumn<SqlValue>("value");
        QTest::addColumn<QString>("expected");
        const SqlValue pc = QStringLiteral("promo_codes");
        const SqlValue k = str(R"(["A"])");
        QTest::newRow("no value") << pc << k << SqlValue() << "has no value";
        QTest::newRow("empty value") << pc << k << SqlValue(QString()) << "not valid JSON";
        QTest::newRow("truncated") << pc << k << SqlValue(str(Truncated)) << "not valid JSON";
        QTest::newRow("trailing") << pc << k << SqlValue(str(R"({"after": null} x)"))
                                  << "not valid JSON";
        QTest::newRow("bad escape") << pc << k << SqlValue(str(BadEscape)) << "not valid JSON";
        QTest::newRow("lone surrogate")
            << pc << k << SqlValue(str(LoneSurrogate)) << "not valid JSON";
        QTest::newRow("raw newline")
            << pc << k << SqlValue(QStringLiteral("{\"a\": \"x\ny\"}")) << "not valid JSON";
        QTest::newRow("number") << pc << k << SqlValue(str(R"({"a": 01})")) << "not valid JSON";
        QTest::newRow("deep") << pc << k << SqlValue(QString(100000, QLatin1Char('[')))
                              << "nested too deeply";
        QTest::newRow("not an object")
            << pc << k << SqlValue(QStringLiteral("[1]")) << "not a JSON object";
        QTest::newRow("bad hex") << pc << k << SqlValue(QStringLiteral("\\x7g"))
                                 << "neither JSON nor";
        QTest::newRow("no after") << pc << k << SqlValue(str(R"({"updated": "1.0000000000"})"))
                                  << "no \"after\"";
        QTest::newRow("after not row")
            << pc << k << SqlValue(str(R"({"after": 3, "updated": "1.0000000000"})"))
            << "not a JSON object";
        QTest::newRow("no updated")
            << pc << k << SqlValue(str(R"({"after": null})")) << "WITH updated";
        QTest::newRow("bad updated")
            << pc << k << SqlValue(str(R"({"after": null, "updated": "soon"})"))
            << "not a CockroachDB timestamp";
        QTest::newRow("bad resolved")
            << SqlValue() << SqlValue() << SqlValue(str(R"({"resolved": 5})"))
            << "\"resolved\" timestamp";
        QTest::newRow("unknown table")
            << SqlValue(QStringLiteral("rides")) << k
            << SqlValue(str(R"({"after": null, "updated": "1.0000000000"})")) << "not asked";
        QTest::newRow("key count") << pc << SqlValue(str(R"(["A", "B"])"))
                                   << SqlValue(str(R"({"after": null, "updated": "1.0000000000"})"))
                                   << "primary key values";
        QTest::newRow("key not array")
            << pc << SqlValue(str(R"({"code": "A"})"))
            << SqlValue(str(R"({"after": null, "updated": "1.0000000000"})"))
            << "primary key values";
        QTest::newRow("no key") << pc << SqlValue()
                                << SqlValue(str(R"({"after": null, "updated": "1.0000000000"})"))
                                << "has no key";
    }
    void malformedInputGivesAClearError()
    {
        QFETCH(SqlValue, table);
        QFETCH(SqlValue, key);
        QFETCH(SqlValue, value);
        QFETCH(QString, expected);
        const QString message = error(table, key, value);
        QVERIFY2(message.contains(expected), qPrintable(message));
    }

    void everyCutShortRowIsRefused()
    {
        const QByteArray whole = QByteArray(HostileValue);
        QVERIFY(ChangeJson::parse(whole));
        for (qsizetype length = 0; length < whole.size(); ++length) {
            const QString message = error(QStringLiteral("users"), str(HostileKey),
                                          QString::fromUtf8(whole.left(length)));
            QVERIFY2(!message.isEmpty(), qPrintable(QString::number(length)));
        }
    }

    void jsonKeepsNumbersExact()
    {
        const auto json = ChangeJson::parse(
            R"( [12.50, -0, 1e+3, 123456789012345678901234567890, true, false, null] )");
        QVERIFY(json);
        QStringList texts;
        for (const ChangeJson &item : json->items())
            texts << item.text();
        QCOMPARE(texts, (QStringList{"12.50", "-0", "1e+3", "123456789012345678901234567890",
                                     "true", "false", ""}));
        QCOMPARE(
            json->raw(),
            QByteArray(R"([12.50, -0, 1e+3, 123456789012345678901234567890, true, false, null])"));
    }
};

QTEST_GUILESS_MAIN(TestChangefeedParser)
#include "tst_changefeedparser.moc"

namespace {
const char *const HostileKey = R"(["new york", "it's \"q\" \\ \u00e9"])";
const char *const HostileValue =
    R"({"after": {"city": "new york", "id": "it's \"q\" \\ \u00e9", )"
    R"("name": "O'Brien \"Bob\"\\\\ line1\nline2\ttab 🚲 \ud83d\udeb2 ünï", )"
    R"("address": "{\"json\": [1, \"two\"]}", "credit_card": "\\x00\u0000end"}, )"
    R"("updated": "1.0000000000"})";
const char *const BadEscape = R"({"after": "\q"})";
const char *const LoneSurrogate = R"({"a": "\ud83d"})";
const char *const Truncated = R"({"after": {"code": "A)";
} // namespace
