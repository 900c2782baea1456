#include "AppearanceMenu.h"

#include "Theme.h"

#include <QActionGroup>

AppearanceMenu::AppearanceMenu(Theme *theme, QWidget *parent)
    : QMenu(tr("&Appearance"), parent), m_theme(theme), m_group(new QActionGroup(this)),
      m_system(addAction(tr("Follow the &system"))), m_light(addAction(tr("&Light"))),
      m_dark(addAction(tr("&Dark")))
{
    setObjectName(QStringLiteral("appearanceMenu"));
    m_group->setExclusive(true);
    const std::pair<QAction *, Theme::Mode> entries[] = {{m_system, Theme::Mode::System},
                                                         {m_light, Theme::Mode::Light},
                                                         {m_dark, Theme::Mode::Dark}};
    for (const auto &[action, mode] : entries) {
        action->setCheckable(true);
        m_group->addAction(action);
        connect(action, &QAction::triggered, this, [this, mode = mode] { m_theme->setMode(mode); });
    }
    connect(m_theme, &Theme::modeChanged, this, &AppearanceMenu::showMode);
    showMode();
}

void AppearanceMenu::showMode()
{
    switch (m_theme->mode()) {
    case Theme::Mode::System:
        m_system->setChecked(true);
        break;
    case Theme::Mode::Light:
        m_light->setChecked(true);
        break;
    case Theme::Mode::Dark:
        m_dark->setChecked(true);
        break;
    }
}
