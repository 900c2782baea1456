#include "LogicalDecodingParser.h"

#include <QObject>

#include <algorithm>
#include <optional>
#include <utility>

namespace {

// PostgreSQL timestamps count microseconds from 2000-01-01 00:00:00 UTC.
constexpr qint64 PostgresEpochUnixMicros = Q_INT64_C(946684800000000);

struct Tuple
{
    // Per column: nullopt when unchanged TOAST ('u', not sent), else the value.
    QList<std::optional<SqlValue>> values;
};

} // namespace

// Big-endian reads over one message; every read checks the length first.
class PgOutputReader
{
public:
    explicit PgOutputReader(const QByteArray &data) : m_data(data) {}

    bool atEnd() const { return m_pos >= m_data.size(); }
    bool ok() const { return m_ok; }

    quint64 uint(int bytes)
    {
        if (!m_ok || m_pos + bytes > m_data.size()) {
            m_ok = false;
            return 0;
        }
        quint64 value = 0;
        for (int i = 0; i < bytes; ++i)
            value = (value << 8) | quint8(m_data[m_pos++]);
        return value;
    }
    char byte() { return char(uint(1)); }
    QString string() // NUL-terminated
    {
        const qsizetype end = m_ok ? m_data.indexOf('\0', m_pos) : -1;
        if (end < 0) {
            m_ok = false;
            return {};
        }
        const QString text = QString::fromUtf8(m_data.constData() + m_pos, end - m_pos);
        m_pos = end + 1;
        return text;
    }
    QByteArray bytes(quint64 count)
    {
        if (!m_ok || count > quint64(m_data.size() - m_pos)) {
            m_ok = false;
            return {};
        }
        const QByteArray out = m_data.mid(m_pos, qsizetype(count));
        m_pos += qsizetype(count);
        return out;
    }
    // TupleData: Int16 column count, then per column 'n' (NULL), 'u' (unchanged TOAST),
    // 't' + Int32 length + text; 'b' (binary) is only sent when asked for, and is not.
    std::optional<Tuple> tuple(QString *error)
    {
        Tuple tuple;
        const quint64 count = uint(2);
        for (quint64 i = 0; m_ok && i < count; ++i) {
            const char kind = byte();
            if (kind == 'n') {
                tuple.values.append(SqlValue());
            } else if (kind == 'u') {
                tuple.values.append(std::nullopt);
            } else if (kind == 't') {
                const QByteArray text = bytes(uint(4));
                tuple.values.append(SqlValue(QString::fromUtf8(text)));
            } else if (m_ok) {
                *error = QObject::tr("The logical decoding stream sent a column value of unknown "
                                     "kind '%1'.")
                             .arg(QLatin1Char(kind));
                return std::nullopt;
            }
        }
        if (!m_ok)
            return std::nullopt;
        return tuple;
    }

private:
    const QByteArray &m_data;
    qsizetype m_pos = 0;
    bool m_ok = true;
};

namespace {

QString truncatedMessage(char kind)
{
    return QObject::tr("The logical decoding stream sent a truncated or malformed '%1' message.")
        .arg(QLatin1Char(kind));
}

} // namespace

LogicalDecodingParser::LogicalDecodingParser(QHash<QString, QStringList> keyColumns)
    : m_keyColumns(std::move(keyColumns))
{}

Result<QList<ChangeEvent>, QString> LogicalDecodingParser::parse(const QByteArray &message)
{
    PgOutputReader reader(message);
    if (message.isEmpty())
        return QObject::tr("The logical decoding stream sent an empty message.");
    const char kind = reader.byte();
    switch (kind) {
    case 'B': { // Begin: Int64 final LSN, Int64 commit timestamp, Int32 xid
        reader.uint(8);
        const qint64 micros = qint64(reader.uint(8));
        reader.uint(4);
        if (!reader.ok())
            return truncatedMessage(kind);
        m_pending.clear();
        m_inTransaction = true;
        m_commitTime = ChangeTime{(micros + PostgresEpochUnixMicros) * 1000, 0};
        return QList<ChangeEvent>();
    }
    case 'C': { // Commit: Int8 flags, Int64 commit LSN, Int64 end LSN, Int64 commit timestamp
        reader.uint(1);
        reader.uint(8);
        const quint64 endLsn = reader.uint(8);
        reader.uint(8);
        if (!reader.ok())
            return truncatedMessage(kind);
        if (!m_inTransaction)
            return QObject::tr("The logical decoding stream sent a commit without a begin.");
        m_inTransaction = false;
        m_lastCommitEndLsn = endLsn;
        return std::exchange(m_pending, {});
    }
    case 'R': {
        auto read = readRelation(reader);
        if (!read)
            return read.error();
        return QList<ChangeEvent>();
    }
    case 'I':
    case 'U':
    case 'D': {
        auto read = readChange(kind, reader);
        if (!read)
            return read.error();
        return QList<ChangeEvent>();
    }
    case 'T': { // Truncate: Int32 relation count, Int8 options, Int32 relation ids
        const quint64 count = reader.uint(4);
        reader.uint(1);
        QStringList names;
        for (quint64 i = 0; reader.ok() && i < count; ++i) {
            const auto relation = m_relations.constFind(quint32(reader.uint(4)));
            if (relation != m_relations.cend())
                names << relation->table;
        }
        if (!reader.ok())
            return truncatedMessage(kind);
        for (const QString &name : std::as_const(names))
            if (!m_resync.contains(name))
                m_resync << name;
        return QList<ChangeEvent>();
    }
    case 'Y': // Type, Origin, logical decoding message: nothing to apply
    case 'O':
    case 'M':
        return QList<ChangeEvent>();
    default:
        return QObject::tr("The logical decoding stream sent a message of unknown type '%1'; "
                           "pgoutput must be asked for proto_version '1'.")
            .arg(QLatin1Char(kind));
    }
}

// Relation: Int32 id, String schema, String table, Int8 replica identity, Int16 column count,
// per column Int8 flags (1 = part of the key), String name, Int32 type OID, Int32 type modifier.
Result<Ok, QString> LogicalDecodingParser::readRelation(PgOutputReader &reader)
{
    Relation relation;
    const auto id = quint32(reader.uint(4));
    relation.schema = reader.string();
    relation.table = reader.string();
    reader.uint(1);
    const quint64 count = reader.uint(2);
    QStringList flagged;
    for (quint64 i = 0; reader.ok() && i < count; ++i) {
        Column column;
        column.key = (reader.uint(1) & 1) != 0;
        column.name = reader.string();
        reader.uint(4);
        reader.uint(4);
        if (column.key)
            flagged << column.name;
        relation.columns.append(column);
    }
    if (!reader.ok())
        return truncatedMessage('R');
    relation.keyColumns = m_keyColumns.value(relation.table, flagged);
    const auto known = m_relations.constFind(id);
    if (known != m_relations.cend() && !m_resync.contains(relation.table)) {
        // Described again: after ALTER TABLE (or a new session's first change). Columns that
        // differ mean the shown rows are stale in shape: read them again.
        bool same = known->columns.size() == relation.columns.size();
        for (qsizetype i = 0; same && i < relation.columns.size(); ++i)
            same = known->columns.at(i).name == relation.columns.at(i).name &&
                   known->columns.at(i).key == relation.columns.at(i).key;
        if (!same)
            m_resync << relation.table;
    }
    for (const QString &key : std::as_const(relation.keyColumns)) {
        if (!std::any_of(relation.columns.cbegin(), relation.columns.cend(),
                         [&](const Column &c) { return c.name == key; }))
            return QObject::tr("Table %1 has no column %2 any more; its rows must be read again.")
                .arg(relation.table, key);
    }
    m_relations.insert(id, relation);
    return Ok{};
}

// Insert: Int32 relation, 'N', TupleData. Update: Int32 relation, optionally 'K' (old key,
// when the key changed) or 'O' (old row, REPLICA IDENTITY FULL) + TupleData, then 'N' +
// TupleData. Delete: Int32 relation, 'K' or 'O', TupleData.
Result<Ok, QString> LogicalDecodingParser::readChange(char kind, PgOutputReader &reader)
{
    if (!m_inTransaction)
        return QObject::tr("The logical decoding stream sent a change outside a transaction.");
    const auto relationId = quint32(reader.uint(4));
    const auto found = m_relations.constFind(relationId);
    if (reader.ok() && found == m_relations.cend())
        return QObject::tr("The logical decoding stream sent a change to a table it had not "
                           "described.");
    QString error;
    std::optional<Tuple> oldTuple;
    char oldKind = 0;
    std::optional<Tuple> newTuple;
    char marker = reader.byte();
    if (kind != 'I' && (marker == 'K' || marker == 'O')) {
        oldKind = marker;
        oldTuple = reader.tuple(&error);
        if (!oldTuple)
            return error.isEmpty() ? truncatedMessage(kind) : error;
        if (kind == 'U')
            marker = reader.byte();
    }
    if (kind != 'D') {
        if (marker != 'N')
            return truncatedMessage(kind);
        newTuple = reader.tuple(&error);
        if (!newTuple)
            return error.isEmpty() ? truncatedMessage(kind) : error;
    } else if (!oldTuple) {
        return truncatedMessage(kind);
    }
    if (!reader.ok() || !reader.atEnd())
        return truncatedMessage(kind);
    const Relation &relation = *found;
    const auto columnCount = relation.columns.size();
    if ((oldTuple && oldTuple->values.size() != columnCount) ||
        (newTuple && newTuple->values.size() != columnCount))
        return QObject::tr("The logical decoding stream sent a row of table %1 whose columns do "
                           "not match the table's; its rows must be read again.")
            .arg(relation.table);

    ChangeEvent event;
    event.schema = relation.schema;
    event.table = relation.table;
    event.commitTime = m_commitTime;
    event.kind = kind == 'I'   ? ChangeKind::Insert
                 : kind == 'U' ? ChangeKind::Update
                               : ChangeKind::Delete;
    event.beforeKnown = oldKind == 'O';
    const Tuple &keySource = oldTuple ? *oldTuple : *newTuple;
    for (const QString &keyColumn : relation.keyColumns) {
        for (qsizetype i = 0; i < columnCount; ++i) {
            if (relation.columns.at(i).name == keyColumn)
                event.key.append({keyColumn, keySource.values.at(i).value_or(SqlValue())});
        }
    }
    for (qsizetype i = 0; i < columnCount; ++i) {
        const QString &name = relation.columns.at(i).name;
        const std::optional<SqlValue> before =
            oldTuple && oldKind == 'O' ? oldTuple->values.at(i) : std::nullopt;
        if (kind == 'D') {
            // 'K' carries the key columns only (the others NULL); 'O' the whole old row.
            if (oldKind == 'O' || relation.columns.at(i).key)
                event.columns.append(
                    {name, oldTuple->values.at(i).value_or(SqlValue()), SqlValue()});
            continue;
        }
        const std::optional<SqlValue> after = newTuple->values.at(i);
        if (!after)
            continue; // unchanged TOAST value: not sent, not changed
        if (event.beforeKnown && before && *before == *after)
            continue; // unchanged
        event.columns.append({name, before.value_or(SqlValue()), *after});
    }
    m_pending.append(std::move(event));
    return Ok{};
}
