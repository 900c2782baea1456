#include "DemoControl.h"

#include "ConnectionProfiles.h"
#include "ConnectionStatusBar.h"
#include "DemoHost.h"

#include <QAction>
#include <QPushButton>

DemoControl::DemoControl(ConnectionStatusBar *status, QObject *parent)
    : QObject(parent), m_status(status), m_restart(new QAction(tr("&Restart demo"), this)),
      m_restartButton(new QPushButton(tr("Restart demo"), status))
{
    m_restart->setObjectName(QStringLiteral("restartDemo"));
    m_restart->setVisible(false);
    m_restartButton->setObjectName(QStringLiteral("restartDemoButton"));
    m_restartButton->setVisible(false);
    m_status->addPermanentWidget(m_restartButton);
    connect(m_restartButton, &QPushButton::clicked, m_restart, &QAction::trigger);
    connect(m_restart, &QAction::triggered, this, [this] {
        if (!m_host)
            return;
        m_restart->setVisible(false);
        m_restartButton->setVisible(false);
        m_status->showConnectionMessage(tr("Restarting the demo database…"));
        m_host->restart();
    });
}

void DemoControl::attach(DemoHost *host, const QString &journalKey, bool deletedOnExit)
{
    m_host = host;
    m_journalKey = journalKey;
    m_deletedOnExit = deletedOnExit;
    connect(host, &DemoHost::ready, this, [this](const ConnectionSettings &settings) {
        m_settings = settings;
        m_restart->setVisible(false);
        m_restartButton->setVisible(false);
    });
    connect(host, &DemoHost::failed, this, [this](const QString &message) {
        // Say so, and offer to try again.
        m_settings.reset();
        m_status->showConnectionMessage(tr("The demo database did not start: %1").arg(message));
        m_restart->setVisible(true);
        m_restartButton->setVisible(true);
    });
    connect(host, &DemoHost::serverStopped, this, [this] {
        m_settings.reset();
        m_status->showConnectionMessage(tr("The demo database server stopped."));
        m_restart->setVisible(true);
        m_restartButton->setVisible(true);
        Q_EMIT serverStopped();
    });
    connect(host, &QObject::destroyed, this, [this] {
        m_host = nullptr;
        m_settings.reset();
    });
}

std::optional<ConnectionSettings> DemoControl::runningSettings() const
{
    return m_settings;
}

QString DemoControl::journalKeyFor(const ConnectionSettings &settings) const
{
    if (m_settings &&
        ConnectionProfiles::storableUrl(settings) == ConnectionProfiles::storableUrl(*m_settings))
        return m_journalKey;
    return {};
}

bool DemoControl::isDemoJournalKey(const QString &journalKey) const
{
    return m_host && !journalKey.isEmpty() && journalKey == m_journalKey;
}
