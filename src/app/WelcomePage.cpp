#include "WelcomePage.h"

#include <QCommandLinkButton>
#include <QIcon>
#include <QLabel>
#include <QListWidget>
#include <QVBoxLayout>

WelcomePage::WelcomePage(QWidget *parent) : QWidget(parent)
{
    auto *outer = new QVBoxLayout(this);
    outer->addStretch(1);
    auto *column = new QWidget(this);
    column->setMaximumWidth(560);
    auto *layout = new QVBoxLayout(column);
    auto *icon = new QLabel(column);
    icon->setPixmap(QPixmap(QStringLiteral(":/icons/movr-admin-128.png"))
                        .scaled(96, 96, Qt::KeepAspectRatio, Qt::SmoothTransformation));
    icon->setAlignment(Qt::AlignCenter);
    layout->addWidget(icon);
    auto *title = new QLabel(tr("<h1>Welcome to MovR Admin</h1>"), column);
    title->setAlignment(Qt::AlignCenter);
    layout->addWidget(title);

    auto *demo = new QCommandLinkButton(tr("Start a local demo database"),
                                        tr("A private PostgreSQL with generated MovR data, "
                                           "removed when you quit. Nothing to set up."),
                                        column);
    demo->setObjectName(QStringLiteral("startDemo"));
    auto *cluster = new QCommandLinkButton(tr("Connect to a cluster…"),
                                           tr("CockroachDB (secure or insecure) or PostgreSQL, "
                                              "by URL or by fields, with certificates."),
                                           column);
    cluster->setObjectName(QStringLiteral("connectCluster"));
    layout->addWidget(demo);
    layout->addWidget(cluster);

    m_recentLabel = new QLabel(tr("Recent connections"), column);
    layout->addWidget(m_recentLabel);
    m_recent = new QListWidget(column);
    m_recent->setObjectName(QStringLiteral("recent"));
    m_recent->setMaximumHeight(160);
    layout->addWidget(m_recent);

    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(column, 4);
    row->addStretch(1);
    outer->addLayout(row);
    outer->addStretch(2);

    connect(demo, &QCommandLinkButton::clicked, this, &WelcomePage::demoRequested);
    connect(cluster, &QCommandLinkButton::clicked, this, &WelcomePage::connectRequested);
    connect(m_recent, &QListWidget::itemActivated, this, [this](QListWidgetItem *) {
        const int row = m_recent->currentRow();
        if (row >= 0 && row < m_profiles.size())
            Q_EMIT recentChosen(m_profiles.at(row));
    });
    reloadRecent();
}

void WelcomePage::reloadRecent()
{
    m_profiles = ConnectionProfiles::saved() + ConnectionProfiles::recent();
    m_recent->clear();
    for (const ConnectionProfile &profile : m_profiles) {
        auto *item = new QListWidgetItem(profile.name, m_recent);
        item->setToolTip(profile.url);
    }
    // The list shows once there is something in it (a connection made since the page was
    // first shown), and goes when the last profile was deleted.
    m_recentLabel->setVisible(!m_profiles.isEmpty());
    m_recent->setVisible(!m_profiles.isEmpty());
}
