#pragma once

#include <QMenu>

class QActionGroup;
class Theme;

// Settings → Appearance: "Follow the system", "Light" and "Dark" as radio entries, the
// theme's mode checked. Choosing one applies it at once and stores it (Theme::setMode).
class AppearanceMenu : public QMenu
{
    Q_OBJECT

public:
    explicit AppearanceMenu(Theme *theme, QWidget *parent = nullptr);

    QAction *systemAction() const { return m_system; }
    QAction *lightAction() const { return m_light; }
    QAction *darkAction() const { return m_dark; }

private:
    void showMode();

    Theme *m_theme;
    QActionGroup *m_group;
    QAction *m_system;
    QAction *m_light;
    QAction *m_dark;
};
