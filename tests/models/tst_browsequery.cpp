// The browse worker's SQL builder and compact rows: pure functions, no server.

#include "worker/AsOfTime.h"
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

    void multiRegionPagesFollowTheCatalogKey()
    {
        // `workload init movr --multi-region`: rides keyed by id alone. Pages are ordered and
        // continued on it; rows are still named by (city, id), which is unique there too.
        const TableSpec rides = TableSpec::of(BrowseTable::Rides, MovrSchemaShape::multiRegion());
        QCOMPARE(rides.keyColumns, TableSpec::of(BrowseTable::Rides).keyColumns);
        QCOMPARE(rides.orderKeyColumns, QList<int>{rides.columnIndex(QStringLiteral("id"))});
        PageRequest request;
        request.table = BrowseTable::Rides;
        request.pageSize = 50;
        const Statement first = BrowseQuery::page(rides, request, ServerInfo{});
        QVERIFY2(first.sql.endsWith(QLatin1String(" FROM rides ORDER BY id ASC LIMIT $1::int8")),
                 qPrintable(first.sql));
        const RowData row = RowData::fromCells(
            {QByteArray("rome"), QByteArray("abc"), std::nullopt, QByteArray("rome")});
        QCOMPARE(BrowseQuery::keyOf(rides, {}, row), (KeyValues{QStringLiteral("abc")}));
        QCOMPARE(BrowseQuery::primaryKeyOf(rides, row),
                 (KeyValues{QStringLiteral("rome"), QStringLiteral("abc")}));
        request.after = BrowseQuery::keyOf(rides, {}, row);
        const Statement next = BrowseQuery::page(rides, request, ServerInfo{});
        QVERIFY2(next.sql.contains(QLatin1String(" WHERE id > $1::uuid ORDER BY id ASC LIMIT $2")),
                 qPrintable(next.sql));
        // Sorting by city is a sort by a plain column there, continued on (city, id).
        request.sort = {rides.columnIndex(QStringLiteral("city")), Qt::DescendingOrder};
        QCOMPARE(BrowseQuery::keyOf(rides, request.sort, row),
                 (KeyValues{QStringLiteral("rome"), QStringLiteral("abc")}));
        request.after = BrowseQuery::keyOf(rides, request.sort, row);
        const Statement byCity = BrowseQuery::page(rides, request, ServerInfo{});
        // city is NOT NULL in both shapes: no "OR city IS NULL", no NULLS LAST.
        QVERIFY2(byCity.sql.contains(QLatin1String(
                     "WHERE (city, id) < ($2, $1::uuid) ORDER BY city DESC, id DESC LIMIT")),
                 qPrintable(byCity.sql));
        // In the canonical shape the same sort is the key order itself, as before.
        const Statement canonical = BrowseQuery::page(request, ServerInfo{});
        QVERIFY2(canonical.sql.contains(QLatin1String(
                     "WHERE (city, id) < ($1, $2::uuid) ORDER BY city DESC, id DESC LIMIT")),
                 qPrintable(canonical.sql));
        // Histories: (ride_id, "timestamp").
        const TableSpec trail =
            TableSpec::of(BrowseTable::LocationHistory, MovrSchemaShape::multiRegion());
        PageRequest history;
        history.table = BrowseTable::LocationHistory;
        history.after = KeyValues{QStringLiteral("abc"), QStringLiteral("2019-01-01 00:00:00")};
        QVERIFY2(BrowseQuery::page(trail, history, ServerInfo{})
                     .sql.contains(QLatin1String("WHERE (ride_id, \"timestamp\") > ($1::uuid, "
                                                 "$2::timestamp) ORDER BY ride_id ASC, "
                                                 "\"timestamp\" ASC")),
                 qPrintable(BrowseQuery::page(trail, history, ServerInfo{}).sql));
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
        // As of a time: a timestamp the application formats itself, in UTC with its offset
        // (whatever the session's time zone), never user text.
        request.asOf = QDateTime(QDate(2024, 5, 6), QTime(7, 8, 9, 10), QTimeZone::utc());
        QVERIFY(BrowseQuery::page(request, cockroach)
                    .sql.contains(QLatin1String(
                        "FROM vehicles AS OF SYSTEM TIME '2024-05-06 07:08:09.010+00:00' ")));
        request.asOf = QDateTime(QDate(2024, 5, 6), QTime(9, 8, 9, 10), QTimeZone(2 * 3600));
        QVERIFY(BrowseQuery::page(request, cockroach)
                    .sql.contains(QLatin1String(
                        "FROM vehicles AS OF SYSTEM TIME '2024-05-06 07:08:09.010+00:00' ")));
        QVERIFY(
            BrowseQuery::refresh(request, cockroach)
                .sql.contains(QLatin1String("AS OF SYSTEM TIME '2024-05-06 07:08:09.010+00:00'")));
        QVERIFY(!BrowseQuery::page(request, postgres).sql.contains(QLatin1String("AS OF")));
        // The public interface, never crdb_internal (refused where allow_unsafe_internals is
        // off, and audited).
        const Statement crdbEstimate = BrowseQuery::estimate(BrowseTable::Rides, cockroach);
        QCOMPARE(
            crdbEstimate.sql,
            QStringLiteral("SELECT estimated_row_count FROM [SHOW TABLES] WHERE table_name = $1 "
                           "AND schema_name = current_schema()"));
        QCOMPARE(crdbEstimate.params, SqlParams({QStringLiteral("rides")}));
        QVERIFY(BrowseQuery::estimate(BrowseTable::Rides, postgres)
                    .sql.contains(QLatin1String("reltuples")));
    }

    void asOfGcWindow()
    {
        // The statement (CockroachDB only; the worker asks only there) and the answer as
        // CockroachDB v26 prints it (docs/v26.3/show-zone-configurations: target,
        // raw_config_sql).
        QCOMPARE(AsOfTime::gcWindowStatement(BrowseTable::Rides).sql,
                 QStringLiteral("SHOW ZONE CONFIGURATION FROM TABLE rides"));
        QVERIFY(AsOfTime::gcWindowStatement(BrowseTable::Rides).params.isEmpty());
        const QString raw =
            QStringLiteral("RANGE default\nALTER RANGE default CONFIGURE ZONE USING\n"
                           "\trange_min_bytes = 134217728,\n"
                           "\trange_max_bytes = 536870912,\n"
                           "\tgc.ttlseconds = 14400,\n\tnum_replicas = 3,\n"
                           "\tconstraints = '[]',\n\tlease_preferences = '[]'\n");
        QCOMPARE(AsOfTime::parseGcTtlSeconds(raw), std::optional<qint64>(14400));
        QCOMPARE(AsOfTime::parseGcTtlSeconds(QStringLiteral("TABLE movr.public.rides\nALTER TABLE "
                                                            "movr.public.rides CONFIGURE ZONE "
                                                            "USING gc.ttlseconds=600")),
                 std::optional<qint64>(600));
        QCOMPARE(AsOfTime::parseGcTtlSeconds(QStringLiteral("num_replicas = 3")), std::nullopt);
    }

    void asOfBounds()
    {
        const QDateTime now(QDate(2026, 12, 2), QTime(16, 0), QTimeZone::utc());
        // The default window (4 h), less a margin of 10 minutes, to now.
        AsOfTime::Bounds bounds = AsOfTime::bounds(now, -1);
        QCOMPARE(bounds.earliest, now.addSecs(-4 * 3600 + 600));
        QCOMPARE(bounds.latest, now);
        QCOMPARE(AsOfTime::defaultTime(now, bounds), now.addSecs(-60));
        // A short window read from the server: a tenth of it as margin.
        bounds = AsOfTime::bounds(now, 300);
        QCOMPARE(bounds.earliest, now.addSecs(-270));
        QCOMPARE(AsOfTime::defaultTime(now, bounds), now.addSecs(-60));
        bounds = AsOfTime::bounds(now, 50); // shorter than a minute: the earliest it can
        QCOMPARE(AsOfTime::defaultTime(now, bounds), now.addSecs(-45));
        QCOMPARE(AsOfTime::clamp(now.addSecs(3600), bounds), now);
        QCOMPARE(AsOfTime::clamp(now.addDays(-1), bounds), now.addSecs(-45));
        // Picked five hours ago, the old default is past the window now.
        bounds = AsOfTime::bounds(now, 14400);
        QVERIFY(now.addSecs(-5 * 3600 - 60) < bounds.earliest);
    }

    void asOfRefusals_data()
    {
        QTest::addColumn<QString>("sqlState");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("sentence"); // a word of it; empty: not a refusal
        // The texts CockroachDB answers (pkg/kv/kvpb/errors.go, pkg/sql/sem/asof/as_of.go,
        // pkg/sql/sqlerrors).
        QTest::newRow("before the GC threshold")
            << "XXUUU"
            << "batch timestamp 1764680000.000000000,0 must be after replica GC threshold "
               "1764690000.000000000,0 (r74: /Table/106/1{-/\"boston\"})"
            << "no longer keeps";
        QTest::newRow("before the GC threshold (older versions)")
            << "XX000"
            << "batch timestamp 1764680000.000000000,0 must be after GC threshold "
               "1764690000.000000000,0"
            << "no longer keeps";
        QTest::newRow("in the future") << "XX000"
                                       << "AS OF SYSTEM TIME: cannot specify timestamp in the "
                                          "future (1764700000.000000000,0 > 1764690000.000000000,0)"
                                       << "future";
        QTest::newRow("before the table existed") << "42P01"
                                                  << "relation \"rides\" does not exist"
                                                  << "did not exist yet";
        QTest::newRow("a conflict is not a refusal")
            << "40001"
            << "restart transaction: TransactionRetryWithProtoRefreshError"
            << "";
        QTest::newRow("GC words in another error") << "XX000"
                                                   << "the GC threshold job failed"
                                                   << "";
    }

    void asOfRefusals()
    {
        QFETCH(QString, sqlState);
        QFETCH(QString, message);
        QFETCH(QString, sentence);
        DbError error = DbError::make(ErrorClass::Other, message, sqlState);
        const std::optional<QString> said = AsOfTime::refusal(error, 14400);
        if (sentence.isEmpty()) {
            QVERIFY(!said);
            return;
        }
        QVERIFY(said);
        QVERIFY2(said->contains(sentence), qPrintable(*said));
        QVERIFY(!said->contains(QLatin1String("batch timestamp"))); // a sentence, not the text
        if (sentence == QLatin1String("no longer keeps"))
            QVERIFY2(said->contains(QLatin1String("240 minute")), qPrintable(*said));
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
