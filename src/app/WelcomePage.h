#pragma once

#include "ConnectionProfiles.h"

#include <QWidget>

class QLabel;
class QListWidget;

// The first-run page, shown when nothing is configured: start a local demo database, or
// connect to a cluster; recent connections underneath.
class WelcomePage : public QWidget
{
    Q_OBJECT

public:
    explicit WelcomePage(QWidget *parent = nullptr);
    void reloadRecent();

Q_SIGNALS:
    void demoRequested();
    void connectRequested();
    void recentChosen(const ConnectionProfile &profile);

private:
    QLabel *m_recentLabel = nullptr;
    QListWidget *m_recent = nullptr;
    QList<ConnectionProfile> m_profiles;
};
