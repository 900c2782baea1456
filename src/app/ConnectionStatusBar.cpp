#include "ConnectionStatusBar.h"

#include "worker/BrowseWorker.h"

#include "Theme.h"

#include <QEvent>
#include <QLabel>
#include <QLocale>
#include <QTimer>

ConnectionStatusBar::ConnectionStatusBar(QWidget *parent)
    : QStatusBar(parent), m_server(new QLabel(this)), m_database(new QLabel(this)),
      m_tls(new QLabel(this)), m_health(new QLabel(this)), m_roundTrip(new QLabel(this)),
      m_live(new QLabel(this)), m_ping(new QTimer(this))
{
    m_server->setObjectName(QStringLiteral("serverLabel"));
    m_health->setObjectName(QStringLiteral("healthLabel"));
    m_roundTrip->setObjectName(QStringLiteral("roundTripLabel"));
    m_live->setObjectName(QStringLiteral("liveLabel"));
    m_live->hide();
    for (QLabel *label : {m_server, m_database, m_tls, m_health, m_live, m_roundTrip}) {
        label->setContentsMargins(6, 0, 6, 0);
        addPermanentWidget(label);
    }
    m_server->setText(tr("Not connected"));
    m_ping->setInterval(5000);
    connect(m_ping, &QTimer::timeout, this, [this] {
        if (m_worker)
            m_worker->ping();
    });
}

void ConnectionStatusBar::setWorker(BrowseWorker *worker, const std::optional<ServerInfo> &server)
{
    if (m_worker)
        disconnect(m_worker, nullptr, this, nullptr);
    m_worker = worker;
    // What was said about the last connection's state ends with it.
    if (!m_connectionMessage.isEmpty() && currentMessage() == m_connectionMessage)
        clearMessage();
    m_connectionMessage.clear();
    if (!m_worker) {
        m_ping->stop();
        return;
    }
    setHealth(tr("Connecting…"), SemanticColors::Role::Muted);
    connect(m_worker, &WorkerBase::connected, this, &ConnectionStatusBar::onConnected);
    connect(m_worker, &WorkerBase::reconnecting, this, &ConnectionStatusBar::onReconnecting);
    connect(m_worker, &WorkerBase::connectionFailed, this, &ConnectionStatusBar::onFailed);
    connect(m_worker, &BrowseWorker::roundTrip, this, &ConnectionStatusBar::onRoundTrip);
    // The last query's own time (a page, a refresh): the tooltip, beside the round trip.
    connect(m_worker, &BrowseWorker::statementTraced, this, [this](const TraceEntry &entry) {
        m_roundTrip->setToolTip(tr("Round trip: SELECT 1, measured every 5 s. Last query: %1 ms.")
                                    .arg(QString::number(entry.durationUs / 1000.0, 'f', 1)));
    });
    connect(m_worker, &QObject::destroyed, this, [this] { m_worker = nullptr; });
    m_ping->start();
    if (server)
        onConnected(*server);
}

void ConnectionStatusBar::showConnectionMessage(const QString &message, int timeoutMs)
{
    m_connectionMessage = message;
    showMessage(message, timeoutMs);
}

void ConnectionStatusBar::onConnected(const ServerInfo &server)
{
    m_server->setText(server.displayName());
    m_server->setToolTip(server.versionString);
    m_database->setText(tr("%1 as %2").arg(server.database, server.user));
    m_tls->setText(server.tls ? tr("TLS %1").arg(server.tlsProtocol) : tr("No TLS"));
    m_tls->setToolTip(server.tlsDescription());
    // Unencrypted, or encrypted to a server whose certificate nobody checked.
    m_tlsWarning = !server.tls || server.verification == ServerInfo::Verification::None;
    setHealth(tr("● Connected"), SemanticColors::Role::Success);
    // "Authentication failed…", "Connection lost…": no longer true.
    if (!m_connectionMessage.isEmpty() && currentMessage() == m_connectionMessage)
        clearMessage();
    m_connectionMessage.clear();
    if (m_worker)
        m_worker->ping(); // the round trip now, not in 5 s
}

void ConnectionStatusBar::onReconnecting(const DbError &reason, int retryInMs, int attempt)
{
    setHealth(tr("● Connection lost: retrying in %1 s (attempt %2)")
                  .arg(QString::number(retryInMs / 1000.0, 'f', 1))
                  .arg(attempt),
              SemanticColors::Role::Error, reason.toString());
}

void ConnectionStatusBar::onFailed(const DbError &reason)
{
    setHealth(tr("● Disconnected"), SemanticColors::Role::Error, reason.toString());
    showConnectionMessage(reason.toString());
}

void ConnectionStatusBar::onRoundTrip(qint64 microseconds)
{
    m_roundTrip->setText(
        tr("Round trip %1 ms").arg(QString::number(microseconds / 1000.0, 'f', 1)));
    if (m_healthColor != SemanticColors::Role::Success) // an answer: connected again
        setHealth(tr("● Connected"), SemanticColors::Role::Success);
}

void ConnectionStatusBar::setHealth(const QString &text, SemanticColors::Role color,
                                    const QString &tooltip)
{
    m_health->setText(text);
    m_healthColor = color;
    m_health->setToolTip(tooltip);
    updateColors();
}

void ConnectionStatusBar::changeEvent(QEvent *event)
{
    QStatusBar::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        updateColors();
}

void ConnectionStatusBar::updateColors()
{
    Theme::setTextColor(m_health, SemanticColors::foreground(m_healthColor, palette()));
    Theme::setTextColor(
        m_tls, m_tlsWarning ? SemanticColors::foreground(SemanticColors::Role::Warning, palette())
                            : QColor());
}

QString ConnectionStatusBar::serverText() const
{
    return m_server->text() + QLatin1Char(' ') + m_database->text();
}

QString ConnectionStatusBar::healthText() const
{
    return m_health->text();
}

QString ConnectionStatusBar::roundTripText() const
{
    return m_roundTrip->text();
}

QString ConnectionStatusBar::tlsText() const
{
    return m_tls->text();
}

QString ConnectionStatusBar::liveTextFor(const LiveStatus &status)
{
    if (status.paused)
        return tr("Paused");
    if (status.source != LiveSource::None && !status.connected &&
        status.source != LiveSource::Polling)
        return tr("Live: reconnecting…");
    switch (status.source) {
    case LiveSource::Changefeed:
        return tr("Live: changefeed");
    case LiveSource::LogicalDecoding:
        return tr("Live: logical decoding");
    case LiveSource::Polling: {
        const int ms = status.pollIntervalMs;
        if (ms > 0 && ms % 1000 != 0)
            return tr("Live: polling every %1 s").arg(QLocale().toString(ms / 1000.0, 'f', 1));
        return tr("Live: polling every %n s", nullptr, qMax(1, ms / 1000));
    }
    case LiveSource::None:
        break;
    }
    return tr("Live: starting…");
}

void ConnectionStatusBar::setLiveStatus(const std::optional<LiveStatus> &status)
{
    m_live->setVisible(status.has_value());
    if (!status)
        return;
    m_live->setText(liveTextFor(*status));
    QString tooltip;
    if (status->paused)
        tooltip = tr("View › Live updates is off: tables change only when reloaded.");
    if (!status->reason.isEmpty())
        tooltip += (tooltip.isEmpty() ? QString() : QStringLiteral("\n")) + status->reason;
    if (!status->adminHint.isEmpty())
        tooltip += (tooltip.isEmpty() ? QString() : QStringLiteral("\n")) +
                   tr("An administrator can allow a better source with: %1").arg(status->adminHint);
    m_live->setToolTip(tooltip);
}

QString ConnectionStatusBar::liveText() const
{
    return m_live->isVisibleTo(this) ? m_live->text() : QString();
}

QString ConnectionStatusBar::liveToolTip() const
{
    return m_live->toolTip();
}
