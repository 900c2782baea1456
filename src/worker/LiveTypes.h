#pragma once

// The live change stream's value types (issue 13): what the live worker tells the window.

#include "ChangeEvent.h"

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

// Where the window's live updates come from, in the order they are tried.
enum class LiveSource {
    None,            // not started, or stopped
    Changefeed,      // CockroachDB: a sinkless changefeed on the live connection
    LogicalDecoding, // PostgreSQL: pgoutput on a replication connection, a TEMPORARY slot
    Polling,         // the visible rows re-read by primary key every pollIntervalMs
};

struct LiveStatus
{
    LiveSource source = LiveSource::None;
    bool paused = false;    // View › Live updates is off (the stream is closed meanwhile)
    bool connected = false; // the stream is open (false while (re)connecting)
    int pollIntervalMs = 0; // LiveSource::Polling: the interval
    // Why the source is not a better one (a fallback), or what is going on ("reconnecting
    // after: server closed the connection"); a whole sentence, shown in the status bar's
    // tooltip and in the SQL panel. Empty when nothing is to say.
    QString reason;
    // The statement an administrator runs to allow the better source, when there is one
    // (e.g. "SET CLUSTER SETTING kv.rangefeed.enabled = true;"); empty otherwise.
    QString adminHint;

    friend bool operator==(const LiveStatus &, const LiveStatus &) = default;
};

struct LiveOptions
{
    // The MovR tables to follow (SQL names, in the current schema).
    QStringList tables = {QStringLiteral("vehicles"), QStringLiteral("rides"),
                          QStringLiteral("users"), QStringLiteral("promo_codes"),
                          QStringLiteral("user_promo_codes")};
    int pollIntervalMs = 5000;
    // Tests and bench_live force a source down the list (e.g. Polling) by disabling others.
    bool allowChangefeed = true;
    bool allowLogicalDecoding = true;
    // PostgreSQL: the publication pgoutput reads (created when missing).
    QString publication = QStringLiteral("movr_admin_live");
    // PostgreSQL: how often a running stream checks that the followed tables are still
    // published (a dropped table sends nothing on the stream). 0 = never.
    int catalogCheckMs = 30000;
};

Q_DECLARE_METATYPE(LiveStatus)
Q_DECLARE_METATYPE(ChangeEvent)
Q_DECLARE_METATYPE(QList<ChangeEvent>)
