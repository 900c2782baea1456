#pragma once

#include "pg/ConnectionSettings.h"

#include <QObject>
#include <QString>

#include <optional>

class ConnectionStatusBar;
class DemoHost;
class QAction;
class QPushButton;

// The embedded demo as the main window sees it: its connection, offered in the connection
// dialog for as long as it runs; its server's end, said in the status bar ("The demo
// database server stopped.") with Restart demo; and whether its database outlives the
// application (a temporary demo's is deleted on exit, so nothing is "offered again next
// time").
class DemoControl : public QObject
{
    Q_OBJECT

public:
    DemoControl(ConnectionStatusBar *status, QObject *parent);

    // `journalKey`: the one main.cpp connects the demo with; `deletedOnExit`: a temporary
    // demo (no --demo-dir).
    void attach(DemoHost *host, const QString &journalKey, bool deletedOnExit);
    bool isAttached() const { return m_host != nullptr; }
    // The demo's settings while its server runs.
    std::optional<ConnectionSettings> runningSettings() const;
    // The journal key for a connection to `settings`: the demo's when they point at the
    // running demo (its port changes at each start), otherwise empty (the address).
    QString journalKeyFor(const ConnectionSettings &settings) const;
    bool isDemoJournalKey(const QString &journalKey) const;
    bool deletedOnExit() const { return m_deletedOnExit; }
    QAction *restartAction() const { return m_restart; }

Q_SIGNALS:
    void serverStopped();

private:
    ConnectionStatusBar *m_status;
    DemoHost *m_host = nullptr;
    QString m_journalKey;
    bool m_deletedOnExit = false;
    std::optional<ConnectionSettings> m_settings;
    QAction *m_restart;
    QPushButton *m_restartButton;
};
