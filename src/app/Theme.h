#pragma once

#include <QObject>
#include <QPalette>

#include <optional>

class QDBusMessage;
class QDBusPendingCallWatcher;
class QWidget;

// The application's light or dark palette (Settings → Appearance). The mode is stored in
// QSettings ("appearance/theme": "system", "light" or "dark"). Both palettes use the Fusion
// style, which honours every palette role; Light is Fusion's standard palette, Dark is
// darkPalette().
//
// In System mode the desktop's preference decides, learnt without waiting on the GUI thread:
// the freedesktop portal's "org.freedesktop.appearance color-scheme" setting, read with an
// asynchronous D-Bus call and followed live through its SettingChanged signal. Until the
// portal answers (and when there is no session bus or no portal) hints that need no I/O
// decide: GTK_THEME ending in ":dark", or a dark default palette of the platform theme.
//
// One per application (instance()); widgets that paint with their own colours follow the
// palette through QEvent::PaletteChange, not through this class.
class Theme : public QObject
{
    Q_OBJECT

public:
    enum class Mode { System, Light, Dark };
    Q_ENUM(Mode)

    // The application's theme, created on first use (parented to the application).
    static Theme *instance();

    Mode mode() const { return m_mode; }
    // Stores the mode and applies it at once.
    void setMode(Mode mode);
    // Sets the style and palette for the stored mode; in System mode also starts listening
    // to the desktop. Call once at start, before the first window shows.
    void apply();
    // Whether the palette in use (or, before apply(), the one apply() would set) is dark.
    bool isDark() const;

    // The desktop's preference as far as known now: the portal's answer if it gave one, else
    // the hints. nullopt: no preference (light is used).
    std::optional<bool> systemPrefersDark() const;

    // Gives `widget` its own text colour (WindowText and Text), the other roles still
    // inherited; an invalid colour inherits the text colour again.
    static void setTextColor(QWidget *widget, const QColor &color);

    static QPalette darkPalette();
    static QPalette lightPalette();

    // The stored mode; System when nothing (or nonsense) is stored.
    static Mode storedMode();
    static QString modeKey(Mode mode);

    // The portal's color-scheme value (an unsigned integer, possibly wrapped in D-Bus
    // variants): 1 prefers dark, 2 prefers light, 0 or anything else no preference.
    static std::optional<bool> prefersDarkFromPortalValue(const QVariant &value);
    // The hints that need no I/O: GTK_THEME and the platform theme's default palette.
    static std::optional<bool> prefersDarkFromHints(const QPalette &platformPalette);

Q_SIGNALS:
    void modeChanged(Theme::Mode mode);
    // After a palette was applied (at start, on a mode change, on a desktop change).
    void applied(bool dark);

private Q_SLOTS:
    // Connected by name to the portal's SettingChanged(s namespace, s key, v value).
    void onPortalSettingChanged(const QDBusMessage &message);

private:
    explicit Theme(QObject *parent);
    void applyPalette();
    void listenToDesktop();
    void connectToPortal();
    void onPortalRead(QDBusPendingCallWatcher *watcher);
    // The portal's color-scheme value, read or changed: applied when it changes the palette.
    void followPortal(const QVariant &colorScheme);

    Mode m_mode = Mode::System;
    QPalette m_platformPalette; // the application palette before the first Theme set one
    std::optional<bool> m_portalPrefersDark;
    bool m_listening = false;
    bool m_dark = false;
};
