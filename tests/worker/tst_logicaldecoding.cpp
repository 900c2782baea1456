#include "TestServer.h"
#include "worker/LogicalDecodingParser.h"

#include <QProcess>
#include <QTest>

namespace {

// Raw string literals go through a function: moc cannot read them inside a macro call.
QString str(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

// Defined at the end of the file: moc misreads a raw string literal holding \" in the class.
extern const char *const HostileJsonText;

} // namespace

// PostgreSQL logical decoding with pgoutput on the real test server (wal_level=logical, see
// LocalServer::launch): a TEMPORARY slot, a second session writes, the changes are read with
// pg_logical_slot_get_binary_changes and parsed; every value must equal what SELECT returns.
class TestLogicalDecoding : public QObject
{
    Q_OBJECT

    QString m_database;
    std::unique_ptr<PgConnection> m_reader; // owns the temporary slot
    std::unique_ptr<PgConnection> m_writer;
    QString m_slot;
    QList<QByteArray> m_recorded; // every message read, for the cut-short test
    LogicalDecodingParser m_parser{
        {{QStringLiteral("items"), {QStringLiteral("city"), QStringLiteral("id")}}}};

    static SqlValue one(PgConnection &connection, const QString &sql, const SqlParams &params = {})
    {
        auto result = connection.exec(sql, params);
        if (!result) {
            qWarning() << sql << result.error().toString();
            return std::nullopt;
        }
        return result->rowCount() > 0 ? result->value(0, 0) : std::nullopt;
    }
    void exec(PgConnection &connection, const QString &sql, const SqlParams &params = {})
    {
        auto result = connection.exec(sql, params);
        QVERIFY2(result, qPrintable(sql + QStringLiteral(": ") +
                                    (result ? QString() : result.error().toString())));
    }
    // Reads and parses every change since the last call.
    QList<ChangeEvent> changes()
    {
        auto result = m_reader->exec(
            QStringLiteral("SELECT data FROM pg_logical_slot_get_binary_changes($1, NULL, NULL, "
                           "'proto_version', '1', 'publication_names', 'live')"),
            {m_slot});
        if (!result) {
            qWarning() << result.error().toString();
            return {};
        }
        QList<ChangeEvent> events;
        for (int row = 0; row < result->rowCount(); ++row) {
            const QString hex = result->value(row, 0).value_or(QString());
            if (!hex.startsWith(QLatin1String("\\x"))) {
                qWarning() << "not hex bytea:" << hex.left(20);
                return {};
            }
            const QByteArray message = QByteArray::fromHex(hex.mid(2).toLatin1());
            m_recorded.append(message);
            auto parsed = m_parser.parse(message);
            if (!parsed) {
                qWarning() << parsed.error();
                return {};
            }
            events += *parsed;
        }
        return events;
    }
    // The row as SELECT reads it, column by column.
    QList<SqlValue> selectRow(const QString &table, const QStringList &columns,
                              const QString &where, const SqlParams &params)
    {
        auto result = m_writer->exec(QStringLiteral("SELECT %1 FROM %2 WHERE %3")
                                         .arg(columns.join(QLatin1String(", ")), table, where),
                                     params);
        QList<SqlValue> values;
        if (result && result->rowCount() == 1) {
            for (int c = 0; c < columns.size(); ++c)
                values << result->value(0, c);
        }
        return values;
    }

    const QString Hostile =
        QStringLiteral("O'Brien \"Bob\" \\ \\\\x00 line1\nline2\ttab ünï 🚲 '';--");
    const QString HostileJson = str(HostileJsonText);
    const QStringList ItemColumns{QStringLiteral("city"),  QStringLiteral("id"),
                                  QStringLiteral("name"),  QStringLiteral("doc"),
                                  QStringLiteral("price"), QStringLiteral("note")};

private Q_SLOTS:
    void initTestCase()
    {
        m_database = TestServer::createDatabase(QStringLiteral("ld"));
        m_reader = TestServer::connect(m_database);
        m_writer = TestServer::connect(m_database);
        // The test server runs with synchronous_commit=off; the slot decodes only flushed WAL,
        // so the writer's commits flush at once and are there to read when it returns.
        exec(*m_writer, QStringLiteral("SET synchronous_commit = on"));
        QCOMPARE(one(*m_reader, QStringLiteral("SHOW wal_level")),
                 SqlValue(QStringLiteral("logical")));
        QVERIFY(one(*m_reader, QStringLiteral("SHOW max_replication_slots"))->toInt() >= 4);
        QVERIFY(one(*m_reader, QStringLiteral("SHOW max_wal_senders"))->toInt() >= 4);
        exec(*m_writer,
             QStringLiteral("CREATE TABLE items (city text, id int8, name text, doc jsonb, "
                            "price numeric(10,2), note text, PRIMARY KEY (city, id))"));
        exec(*m_writer, QStringLiteral("ALTER TABLE items REPLICA IDENTITY FULL"));
        exec(*m_writer,
             QStringLiteral("CREATE TABLE plain (id int8 PRIMARY KEY, status text, big text)"));
        exec(*m_writer, QStringLiteral("ALTER TABLE plain ALTER big SET STORAGE EXTERNAL"));
        exec(*m_writer, QStringLiteral("CREATE PUBLICATION live FOR TABLE items, plain"));
        m_slot = QStringLiteral("tst_live_%1").arg(QCoreApplication::applicationPid());
        // Temporary: dropped when the reader's session ends, nothing left pinned.
        exec(*m_reader,
             QStringLiteral("SELECT pg_create_logical_replication_slot($1, 'pgoutput', true)"),
             {m_slot});
        QCOMPARE(
            one(*m_reader,
                QStringLiteral("SELECT temporary FROM pg_replication_slots WHERE slot_name = $1"),
                {m_slot}),
            SqlValue(QStringLiteral("t")));
    }

    void insertCarriesExactValues()
    {
        const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-5);
        exec(*m_writer,
             QStringLiteral("INSERT INTO items VALUES ($1, 1, $2, $3, 12.50, NULL), ('plain', 2, "
                            "'x', NULL, 0, '')"),
             {Hostile, Hostile, HostileJson});
        const QList<ChangeEvent> events = changes();
        QCOMPARE(events.size(), 2);
        const ChangeEvent &e = events.first();
        QCOMPARE(e.kind, ChangeKind::Insert);
        QCOMPARE(e.schema, QStringLiteral("public"));
        QCOMPARE(e.table, QStringLiteral("items"));
        QCOMPARE(e.key, (QList<std::pair<QString, SqlValue>>{
                            {QStringLiteral("city"), Hostile},
                            {QStringLiteral("id"), QStringLiteral("1")}}));
        const QList<SqlValue> stored = selectRow(QStringLiteral("items"), ItemColumns,
                                                 QStringLiteral("city = $1 AND id = 1"), {Hostile});
        QCOMPARE(stored.size(), ItemColumns.size());
        QCOMPARE(e.columns.size(), ItemColumns.size());
        for (qsizetype i = 0; i < ItemColumns.size(); ++i) {
            QCOMPARE(e.columns.at(i).name, ItemColumns.at(i));
            QCOMPARE(e.columns.at(i).after, stored.at(i));
        }
        QCOMPARE(e.column(QStringLiteral("name"))->after, SqlValue(Hostile));
        QCOMPARE(e.column(QStringLiteral("price"))->after, SqlValue(QStringLiteral("12.50")));
        QCOMPARE(e.column(QStringLiteral("note"))->after, SqlValue());
        QCOMPARE(events.at(1).column(QStringLiteral("note"))->after,
                 SqlValue(QString())); // '' is not NULL
        // The commit time is the server's clock, in the last seconds.
        QVERIFY(e.commitTime.toDateTime() >= before);
        QVERIFY(e.commitTime.toDateTime() <= QDateTime::currentDateTimeUtc().addSecs(5));
        QCOMPARE(events.at(1).commitTime, e.commitTime); // one transaction, one time
        QVERIFY(m_parser.lastCommitEndLsn() > 0);
    }

    void updateWithFullIdentityListsChangedColumns()
    {
        const QString newName = Hostile + QStringLiteral(" (changed) ") + HostileJson;
        exec(*m_writer,
             QStringLiteral("UPDATE items SET name = $2, doc = '[1, \"two\", null]' WHERE city = "
                            "$1 AND id = 1"),
             {Hostile, newName});
        const QList<ChangeEvent> events = changes();
        QCOMPARE(events.size(), 1);
        const ChangeEvent &e = events.first();
        QCOMPARE(e.kind, ChangeKind::Update);
        QVERIFY(e.beforeKnown);
        QCOMPARE(e.keyValue(QStringLiteral("city")), SqlValue(Hostile));
        QCOMPARE(e.columns.size(), 2);
        QCOMPARE(e.column(QStringLiteral("name"))->before, SqlValue(Hostile));
        QCOMPARE(e.column(QStringLiteral("name"))->after, SqlValue(newName));
        QCOMPARE(e.column(QStringLiteral("doc"))->after,
                 one(*m_writer, QStringLiteral("SELECT doc FROM items WHERE city = $1 AND id = 1"),
                     {Hostile}));
        QVERIFY(e.column(QStringLiteral("doc"))->before->contains(QStringLiteral("it's")));
    }

    void deleteWithFullIdentityCarriesTheOldRow()
    {
        const QList<SqlValue> stored = selectRow(QStringLiteral("items"), ItemColumns,
                                                 QStringLiteral("city = $1 AND id = 1"), {Hostile});
        exec(*m_writer, QStringLiteral("DELETE FROM items WHERE city = $1 AND id = 1"), {Hostile});
        const QList<ChangeEvent> events = changes();
        QCOMPARE(events.size(), 1);
        const ChangeEvent &e = events.first();
        QCOMPARE(e.kind, ChangeKind::Delete);
        QCOMPARE(e.keyValue(QStringLiteral("id")), SqlValue(QStringLiteral("1")));
        QCOMPARE(e.columns.size(), ItemColumns.size());
        for (qsizetype i = 0; i < ItemColumns.size(); ++i) {
            QCOMPARE(e.columns.at(i).before, stored.at(i));
            QCOMPARE(e.columns.at(i).after, SqlValue());
        }
    }

    void defaultIdentity()
    {
        const QString big = QString(6000, QLatin1Char('b')) + Hostile;
        exec(*m_writer, QStringLiteral("INSERT INTO plain VALUES (7, 'available', $1)"), {big});
        exec(*m_writer, QStringLiteral("BEGIN"));
        exec(*m_writer, QStringLiteral("UPDATE plain SET status = 'lost' WHERE id = 7"));
        exec(*m_writer, QStringLiteral("UPDATE plain SET id = 8 WHERE id = 7"));
        exec(*m_writer, QStringLiteral("DELETE FROM plain WHERE id = 8"));
        exec(*m_writer, QStringLiteral("COMMIT"));
        const QList<ChangeEvent> events = changes();
        QCOMPARE(events.size(), 4);
        QCOMPARE(events.at(0).kind, ChangeKind::Insert);
        QCOMPARE(events.at(0).column(QStringLiteral("big"))->after, SqlValue(big));
        // No old row: the new one, without the unchanged TOAST value (not sent).
        const ChangeEvent &update = events.at(1);
        QCOMPARE(update.kind, ChangeKind::Update);
        QVERIFY(!update.beforeKnown);
        QCOMPARE(update.keyValue(QStringLiteral("id")), SqlValue(QStringLiteral("7")));
        QCOMPARE(update.column(QStringLiteral("status"))->after, SqlValue(QStringLiteral("lost")));
        QVERIFY(!update.column(QStringLiteral("big")));
        // A key change names the old key; the new one is among the columns.
        const ChangeEvent &rekey = events.at(2);
        QCOMPARE(rekey.keyValue(QStringLiteral("id")), SqlValue(QStringLiteral("7")));
        QCOMPARE(rekey.column(QStringLiteral("id"))->after, SqlValue(QStringLiteral("8")));
        QCOMPARE(events.at(2).commitTime, events.at(1).commitTime);
        const ChangeEvent &gone = events.at(3);
        QCOMPARE(gone.kind, ChangeKind::Delete);
        QCOMPARE(gone.keyValue(QStringLiteral("id")), SqlValue(QStringLiteral("8")));
        QCOMPARE(gone.columns.size(), 1); // the key alone
    }

    void rolledBackWritesAreNotSeen()
    {
        exec(*m_writer, QStringLiteral("BEGIN"));
        exec(*m_writer, QStringLiteral("INSERT INTO plain VALUES (9, 'ghost', NULL)"));
        exec(*m_writer, QStringLiteral("ROLLBACK"));
        exec(*m_writer, QStringLiteral("INSERT INTO plain VALUES (10, 'real', NULL)"));
        const QList<ChangeEvent> events = changes();
        QCOMPARE(events.size(), 1);
        QCOMPARE(events.first().keyValue(QStringLiteral("id")), SqlValue(QStringLiteral("10")));
    }

    void malformedMessagesGiveClearErrors()
    {
        LogicalDecodingParser parser;
        QVERIFY(parser.parse(QByteArray()).error().contains(QStringLiteral("empty")));
        QVERIFY(
            parser.parse(QByteArray("B\x00\x01", 3)).error().contains(QStringLiteral("truncated")));
        QVERIFY(parser.parse(QByteArray("Z")).error().contains(QStringLiteral("unknown type")));
        QVERIFY(parser.parse(QByteArray("C", 1) + QByteArray(25, '\0'))
                    .error()
                    .contains(QStringLiteral("without a begin")));
        QVERIFY(parser.parse(QByteArray("B", 1) + QByteArray(20, '\0')));
        // A change to a relation never described, and a relation cut short.
        QVERIFY(parser.parse(QByteArray("I\x00\x00\x00\x05N\x00\x00", 8))
                    .error()
                    .contains(QStringLiteral("not described")));
        QVERIFY(parser.parse(QByteArray("R\x00\x00\x00\x05public", 11))
                    .error()
                    .contains(QStringLiteral("truncated")));
        // A text value whose length runs past the message.
        QVERIFY(parser.parse(QByteArray("R\x00\x00\x00\x05public\x00t\x00"
                                        "d\x00\x01\x01id\x00\x00\x00\x00\x14\xff\xff\xff\xff",
                                        29)));
        QVERIFY(parser
                    .parse(QByteArray("I\x00\x00\x00\x05N\x00\x01t\x7f\xff\xff\xff"
                                      "1",
                                      14))
                    .error()
                    .contains(QStringLiteral("truncated")));
        QVERIFY(parser.parse(QByteArray("I\x00\x00\x00\x05N\x00\x01t\x00\x00\x00\x01"
                                        "1",
                                        14)));
        QVERIFY(parser.parse(QByteArray("I\x00\x00\x00\x05N\x00\x01q", 9))
                    .error()
                    .contains(QStringLiteral("unknown kind")));
        QVERIFY(parser
                    .parse(QByteArray("I\x00\x00\x00\x05N\x00\x02t\x00\x00\x00\x01"
                                      "1n",
                                      15))
                    .error()
                    .contains(QStringLiteral("do not match")));
    }

    // Every real message cut short at every length is refused with a sentence, never a crash
    // or an event; whole, each is read again by a parser that saw the relations.
    void realMessagesCutShortAreRefused()
    {
        QVERIFY(m_recorded.size() >= 20);
        LogicalDecodingParser whole;
        for (const QByteArray &message : std::as_const(m_recorded)) {
            for (qsizetype length = 0; length < message.size(); ++length) {
                LogicalDecodingParser parser = whole; // knows the relations and the transaction
                auto parsed = parser.parse(message.left(length));
                QVERIFY2(!parsed || parsed->isEmpty(), qPrintable(QString::number(length)));
                if (!parsed)
                    QVERIFY(!parsed.error().isEmpty());
            }
            QVERIFY(whole.parse(message));
        }
    }

    // The live worker's connection: replication=database (matched by the "all" lines of
    // pg_hba.conf) creating a TEMPORARY pgoutput slot; and a physical replication connection,
    // which only the "host replication" lines admit. psql speaks the simple query protocol
    // that a replication connection requires.
    void replicationConnectionsAreAdmitted_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::addColumn<QString>("command");
        QTest::newRow("logical") << QStringLiteral("database")
                                 << QStringLiteral("CREATE_REPLICATION_SLOT tst_repl_%1 TEMPORARY "
                                                   "LOGICAL pgoutput")
                                        .arg(QCoreApplication::applicationPid());
        QTest::newRow("physical") << QStringLiteral("true") << QStringLiteral("IDENTIFY_SYSTEM");
    }
    void replicationConnectionsAreAdmitted()
    {
        QFETCH(QString, mode);
        QFETCH(QString, command);
        const auto binDir = LocalServer::binaryDirectory();
        QVERIFY(binDir);
        const ConnectionSettings settings = TestServer::settings(m_database);
        QCOMPARE(settings.host(), QStringLiteral("127.0.0.1")); // over TCP: pg_hba's host lines
        QString url = settings.toUrl(ConnectionSettings::Password::Include);
        url += (url.contains(QLatin1Char('?')) ? QLatin1Char('&') : QLatin1Char('?')) +
               QStringLiteral("replication=") + mode;
        QProcess psql;
        psql.setProcessChannelMode(QProcess::MergedChannels);
        psql.start(*binDir + QStringLiteral("/psql"),
                   {QStringLiteral("-X"), QStringLiteral("-A"), QStringLiteral("-t"),
                    QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-c"),
                    command, url});
        QVERIFY(psql.waitForFinished(20000));
        const QString output = QString::fromLocal8Bit(psql.readAll());
        QVERIFY2(psql.exitStatus() == QProcess::NormalExit && psql.exitCode() == 0,
                 qPrintable(output));
    }

    void cleanupTestCase()
    {
        m_reader.reset(); // ends the session: the temporary slot goes with it
        QTRY_COMPARE(
            one(*m_writer,
                QStringLiteral("SELECT count(*) FROM pg_replication_slots WHERE slot_name = $1"),
                {m_slot}),
            SqlValue(QStringLiteral("0")));
    }
};

QTEST_GUILESS_MAIN(TestLogicalDecoding)
#include "tst_logicaldecoding.moc"

namespace {
const char *const HostileJsonText =
    R"({"quote": "it's \"x\"", "back": "a\\b", "nl": "1\n2", "u": "é🚲"})";
} // namespace
