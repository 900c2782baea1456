#pragma once

#include "models/SemanticColors.h"
#include "pg/DbError.h"
#include "pg/ServerInfo.h"
#include "worker/LiveTypes.h"

#include <QStatusBar>

#include <optional>

class QLabel;
class QTimer;
class BrowseWorker;

// The status bar: server flavor and version, database, user, TLS, connection health and
// the last round-trip time. Fed by the browse worker's signals; pings it every few seconds
// so that a dropped connection shows even when nobody scrolls.
class ConnectionStatusBar : public QStatusBar
{
    Q_OBJECT

public:
    explicit ConnectionStatusBar(QWidget *parent = nullptr);

    // `server`: the worker is already connected to it (a session tried before it was shown).
    void setWorker(BrowseWorker *worker, const std::optional<ServerInfo> &server = {});
    // Shows `message` until the connection state it describes ends (connected again, or
    // another worker), or for `timeoutMs` when that is set.
    void showConnectionMessage(const QString &message, int timeoutMs = 0);
    QString serverText() const;
    QString healthText() const;
    QString roundTripText() const;
    QString tlsText() const;
    // Where live updates come from ("Live: logical decoding", "Paused", …), the reason and
    // the statement an administrator runs as the tooltip; nullopt hides it (no session).
    void setLiveStatus(const std::optional<LiveStatus> &status);
    QString liveText() const;
    QString liveToolTip() const;
    static QString liveTextFor(const LiveStatus &status);

protected:
    void changeEvent(QEvent *event) override;

private:
    void onConnected(const ServerInfo &server);
    void onReconnecting(const DbError &reason, int retryInMs, int attempt);
    void onFailed(const DbError &reason);
    void onRoundTrip(qint64 microseconds);
    void setHealth(const QString &text, SemanticColors::Role color, const QString &tooltip = {});
    // The health and TLS labels' colours for the current palette.
    void updateColors();

    QLabel *m_server;
    QLabel *m_database;
    QLabel *m_tls;
    QLabel *m_health;
    QLabel *m_roundTrip;
    QLabel *m_live;
    QTimer *m_ping;
    BrowseWorker *m_worker = nullptr;
    SemanticColors::Role m_healthColor = SemanticColors::Role::Muted;
    bool m_tlsWarning = false;
    QString m_connectionMessage; // shown by showConnectionMessage() or onFailed()
};
