#include "LiveWire.h"

#include <QString>

namespace {

// PostgreSQL timestamps count microseconds from 2000-01-01 00:00:00 UTC.
constexpr qint64 PostgresEpochUnixMicros = Q_INT64_C(946684800000000);

quint64 readUInt64(const QByteArray &data, qsizetype at)
{
    quint64 value = 0;
    for (qsizetype i = 0; i < 8; ++i)
        value = (value << 8) | quint8(data.at(at + i));
    return value;
}

void appendUInt64(QByteArray &data, quint64 value)
{
    for (int shift = 56; shift >= 0; shift -= 8)
        data.append(char((value >> shift) & 0xff));
}

} // namespace

std::optional<LiveWire::Message> LiveWire::parse(const QByteArray &data)
{
    Message message;
    if (data.startsWith('w') && data.size() >= 25) {
        // 'w', Int64 WAL start, Int64 WAL end, Int64 send time, the payload.
        message.kind = Message::Kind::XLogData;
        message.walStart = readUInt64(data, 1);
        message.walEnd = readUInt64(data, 9);
        message.payload = data.mid(25);
        return message;
    }
    if (data.startsWith('k') && data.size() >= 18) {
        // 'k', Int64 WAL end, Int64 send time, Byte1 reply requested.
        message.kind = Message::Kind::Keepalive;
        message.walEnd = readUInt64(data, 1);
        message.replyRequested = data.at(17) != 0;
        return message;
    }
    return std::nullopt;
}

QByteArray LiveWire::standbyStatus(quint64 lsn, qint64 nowUnixMicros, bool replyRequested)
{
    QByteArray data;
    data.reserve(34);
    data.append('r');
    appendUInt64(data, lsn); // written
    appendUInt64(data, lsn); // flushed
    appendUInt64(data, lsn); // applied
    appendUInt64(data, quint64(nowUnixMicros - PostgresEpochUnixMicros));
    data.append(char(replyRequested ? 1 : 0));
    return data;
}

QString LiveWire::lsnText(quint64 lsn)
{
    return QStringLiteral("%1/%2").arg(QString::number(lsn >> 32, 16).toUpper(),
                                       QString::number(lsn & 0xffffffffu, 16).toUpper());
}
