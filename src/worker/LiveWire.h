#pragma once

#include <QByteArray>
#include <QtGlobal>

#include <optional>

// The messages of a logical replication stream's COPY BOTH data (PostgreSQL documentation,
// "Streaming Replication Protocol", START_REPLICATION): the server sends XLogData ('w', a
// pgoutput message inside) and primary keepalives ('k'); the client answers with standby
// status updates ('r') that confirm how far it has read, so the server may recycle WAL.
class LiveWire
{
public:
    struct Message
    {
        enum class Kind { XLogData, Keepalive };
        Kind kind = Kind::XLogData;
        quint64 walStart = 0;        // XLogData: where the payload starts
        quint64 walEnd = 0;          // the server's current end of WAL
        bool replyRequested = false; // Keepalive: answer at once
        QByteArray payload;          // XLogData: one pgoutput message
    };

    // nullopt for a message too short or of an unknown type.
    static std::optional<Message> parse(const QByteArray &data);
    // 'r': written, flushed and applied up to `lsn`; `nowUnixMicros` the client's clock.
    static QByteArray standbyStatus(quint64 lsn, qint64 nowUnixMicros, bool replyRequested = false);
    // "16/B374D848", as pg_lsn prints.
    static QString lsnText(quint64 lsn);
};
