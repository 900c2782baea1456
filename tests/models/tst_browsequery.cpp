// The browse worker's SQL builder and compact rows: pure functions, no server.

#include "worker/BrowseQuery.h"
#include "worker/RowData.h"

#include <QTest>
#include <QTimeZone>

class TestBrowseQuery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void escapeLike_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("escaped");
        QTest::newRow("plain") << "abc"
                               << "abc";
        QTest::newRow("percent") << "100%"
                                 << "100\\%";
        QTest::newRow("underscore") << "a_b"
                                    << "a\\_b";
        QTest::newRow("backslash") << "a\\b"
                                   << "a\\\\b";
        QTest::newRow("all") << "%_\\'"
                             << "\\%\\_\\\\'";
        QTest::newRow("unicode") << "日本_%"
                                 << "日本\\_\\%";
    }

    void escapeLike()
    {
        QFETCH(QString, text);
        QFETCH(QString, escaped);
        QCOMPARE(BrowseQuery::escapeLike(text), escaped);
    }

    void rowData()
    {
        const RowData row = RowData::fromCells(
            {QByteArray("rome"), std::nullopt, QByteArray(""), QByteArray("Zoë 🚲")});
        QCOMPARE(row.columnCount(), 4);
        QCOMPARE(row.text(0), QStringLiteral("rome"));
        QVERIFY(row.isNull(1));
        QVERIFY(!row.isNull(2));
        QCOMPARE(row.text(2), QString());
        QCOMPARE(row.value(1), std::nullopt);
        QCOMPARE(row.value(2), std::optional<QString>(QString()));
        QCOMPARE(row.text(3), QStringLiteral("Zoë 🚲"));
        QVERIFY(row.isNull(4)); // out of range reads as NULL, never crashes
        // Compact: header plus the bytes, no per-cell objects.
        QCOMPARE(row.byteSize(), 2 + 4 * 2 + 4 + 0 + 0 + QByteArray("Zoë 🚲").size());
        // A row of 40 KB text switches to 32-bit offsets.
        const QByteArray big(40000, 'x');
        const RowData wide = RowData::fromCells({std::nullopt, big, QByteArray("end")});
        QCOMPARE(wide.columnCount(), 3);
        QVERIFY(wide.isNull(0));
        QCOMPARE(wide.utf8(1), big);
        QCOMPARE(wide.text(2), QStringLiteral("end"));
        QCOMPARE(wide.byteSize(), 2 + 3 * 4 + 40000 + 3);
    }

    void firstPageHasNoOffsetAndUsesTheKey()
    {
        PageRequest request;
        request.table = BrowseTable::Rides;
        request.pageSize = 50;
        const Statement first = BrowseQuery::page(request, ServerInfo{});
        QVERIFY(!first.sql.contains(QLatin1String("OFFSET"), Qt::CaseInsensitive));
        QVERIFY(first.sql.contains(QLatin1String("ORDER BY city ASC, id ASC LIMIT $1::int8")));
        QVERIFY(!first.sql.contains(QLatin1String("*")));
        QCOMPARE(first.params, SqlParams{QStringLiteral("50")});

        request.after = KeyValues{QStringLiteral("rome"), QStringLiteral("abc")};
        const Statement next = BrowseQuery::page(request, ServerInfo{});
        QVERIFY(next.sql.contains(QLatin1String("WHERE (city, id) > ($1, $2::uuid)")));
        QCOMPARE(next.params.size(), 3);
    }

    void wholeUuidSearchComparesAsUuid()
    {
        PageRequest request;
        request.table = BrowseTable::Rides;
        request.filter.search = QStringLiteral("5C2A31B8-0D3E-4F5A-9B6C-7D8E9F0A1B2C");
        const Statement whole = BrowseQuery::page(request, ServerInfo{});
        QVERIFY2(whole.sql.contains(QLatin1String("id = $1::uuid")), qPrintable(whole.sql));
        QVERIFY(!whole.sql.contains(QLatin1String("LIKE")));
        QCOMPARE(whole.params.first(),
                 std::optional<QString>(QStringLiteral("5c2a31b8-0d3e-4f5a-9b6c-7d8e9f0a1b2c")));
        // The start of one is the range of UUIDs that start so, also across a hyphen.
        request.filter.search = QStringLiteral("5C2a31b8-0");
        const Statement start = BrowseQuery::page(request, ServerInfo{});
        QVERIFY2(start.sql.contains(QLatin1String("id BETWEEN $1::uuid AND $2::uuid")),
                 qPrintable(start.sql));
        QCOMPARE(start.params.at(0),
                 std::optional<QString>(QStringLiteral("5c2a31b8-0000-0000-0000-000000000000")));
        QCOMPARE(start.params.at(1),
                 std::optional<QString>(QStringLiteral("5c2a31b8-0fff-ffff-ffff-ffffffffffff")));
        // What no UUID's text starts with (a hyphen out of place, not hex, too long) matches
        // no id: rides have no text to search, so nothing matches, and nothing is read (the
        // id compared as text read every ride for no row).
        for (const QString &text :
             {QStringLiteral("5c2a-"), QStringLiteral("5c2g"),
              QStringLiteral("5c2a31b8-0d3e-4f5a-9b6c-7d8e9f0a1b2cf"), QStringLiteral("%")}) {
            request.filter.search = text;
            const Statement statement = BrowseQuery::page(request, ServerInfo{});
            QVERIFY2(statement.sql.contains(QLatin1String(" WHERE false ")), qPrintable(text));
            QVERIFY2(!statement.sql.contains(QLatin1String("LIKE")), qPrintable(text));
        }
    }

    void userTextOnlyInParameters()
    {
        PageRequest request;
        request.table = BrowseTable::Users;
        request.filter.search = QStringLiteral("'; DROP TABLE users; --");
        request.filter.cities = {QStringLiteral("ro'me")};
        const Statement statement = BrowseQuery::page(request, ServerInfo{});
        QVERIFY(!statement.sql.contains(QLatin1String("DROP")));
        QVERIFY(!statement.sql.contains(QLatin1String("ro'me")));
        QVERIFY(statement.sql.contains(QLatin1String("ILIKE $2 ESCAPE '\\'")));
        QCOMPARE(statement.params.at(1),
                 std::optional<QString>(QStringLiteral("%'; DROP TABLE users; --%")));
    }

    void followerReadsOnlyOnCockroach()
    {
        PageRequest request;
        request.table = BrowseTable::Vehicles;
        request.followerReads = true;
        ServerInfo postgres;
        QVERIFY(!BrowseQuery::page(request, postgres).sql.contains(QLatin1String("AS OF")));
        ServerInfo cockroach;
        cockroach.flavor = ServerFlavor::CockroachDB;
        QVERIFY(BrowseQuery::page(request, cockroach)
                    .sql.contains(QLatin1String(
                        "FROM vehicles AS OF SYSTEM TIME follower_read_timestamp() ")));
        // Refreshing the rows an edit touched reads the present, not a follower read.
        request.refreshKeys = {KeyValues{QStringLiteral("rome"), QStringLiteral("a")}};
        QVERIFY(!BrowseQuery::refresh(request, cockroach).sql.contains(QLatin1String("AS OF")));
        request.followerReads = false;
        QVERIFY(!BrowseQuery::page(request, cockroach).sql.contains(QLatin1String("AS OF")));
        // As of a time: a timestamp the application formats itself (UTC), never user text.
        request.asOf = QDateTime(QDate(2024, 5, 6), QTime(7, 8, 9, 10), QTimeZone::utc());
        QVERIFY(BrowseQuery::page(request, cockroach)
                    .sql.contains(QLatin1String(
                        "FROM vehicles AS OF SYSTEM TIME '2024-05-06 07:08:09.010' ")));
        QVERIFY(!BrowseQuery::page(request, postgres).sql.contains(QLatin1String("AS OF")));
        // The public interface, never crdb_internal (refused where allow_unsafe_internals is
        // off, and audited).
        const Statement crdbEstimate = BrowseQuery::estimate(BrowseTable::Rides, cockroach);
        QCOMPARE(
            crdbEstimate.sql,
            QStringLiteral("SELECT estimated_row_count FROM [SHOW TABLES] WHERE table_name = $1"));
        QCOMPARE(crdbEstimate.params, SqlParams({QStringLiteral("rides")}));
        QVERIFY(BrowseQuery::estimate(BrowseTable::Rides, postgres)
                    .sql.contains(QLatin1String("reltuples")));
    }

    void sortByNullableColumnKeepsNullsLast()
    {
        PageRequest request;
        request.table = BrowseTable::Rides;
        request.sort = {8, Qt::DescendingOrder};
        request.after = KeyValues{std::nullopt, QStringLiteral("rome"), QStringLiteral("x")};
        const Statement statement = BrowseQuery::page(request, ServerInfo{});
        QVERIFY(statement.sql.contains(
            QLatin1String("(end_time IS NULL AND (city, id) < ($1, $2::uuid))")));
        QVERIFY(statement.sql.contains(
            QLatin1String("ORDER BY end_time DESC NULLS LAST, city DESC, id DESC")));
    }

    void validateRejectsUnknownColumnsAndNul()
    {
        PageRequest request;
        request.table = BrowseTable::Rides;
        request.filter.equals = {{QStringLiteral("id; DROP"), QStringLiteral("x")}};
        QVERIFY(BrowseQuery::validate(request));
        request.filter.equals = {{QStringLiteral("rider_id"), QStringLiteral("x")}};
        QVERIFY(!BrowseQuery::validate(request));
        request.filter.search = QString(QChar(0));
        QVERIFY(BrowseQuery::validate(request));
    }
};

QTEST_APPLESS_MAIN(TestBrowseQuery)
#include "tst_browsequery.moc"
