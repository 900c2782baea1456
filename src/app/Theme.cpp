#include "Theme.h"

#include <QApplication>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusVariant>
#include <QEvent>
#include <QFileInfo>
#include <QPointer>
#include <QSettings>
#include <QStyle>
#include <QStyleFactory>
#include <QThread>
#include <QToolTip>
#include <QWidget>

#include <memory>

namespace {

const char SettingsKey[] = "appearance/theme";
const char PortalService[] = "org.freedesktop.portal.Desktop";
const char PortalPath[] = "/org/freedesktop/portal/desktop";
const char PortalInterface[] = "org.freedesktop.portal.Settings";
const char AppearanceNamespace[] = "org.freedesktop.appearance";
const char ColorSchemeKey[] = "color-scheme";
const char FusionStyle[] = "Fusion";

// Whether a session bus is configured, decided without connecting: connecting where none is
// configured would make libdbus try to autolaunch one (or print warnings in CI).
bool sessionBusConfigured()
{
    if (!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        return true;
    const QString runtime = qEnvironmentVariable("XDG_RUNTIME_DIR");
    return !runtime.isEmpty() && QFileInfo::exists(runtime + QLatin1String("/bus"));
}

} // namespace

Theme *Theme::instance()
{
    static QPointer<Theme> theme;
    if (!theme)
        theme = new Theme(QCoreApplication::instance());
    return theme;
}

Theme::Theme(QObject *parent) : QObject(parent), m_mode(storedMode())
{
    // The platform theme's palette, as the application had it before the first Theme set
    // one (kept for the process: a later Theme must not take our own palette for it).
    static const QPalette platformPalette = QGuiApplication::palette();
    m_platformPalette = platformPalette;
}

QString Theme::modeKey(Mode mode)
{
    switch (mode) {
    case Mode::System:
        break;
    case Mode::Light:
        return QStringLiteral("light");
    case Mode::Dark:
        return QStringLiteral("dark");
    }
    return QStringLiteral("system");
}

Theme::Mode Theme::storedMode()
{
    const QString stored = QSettings().value(QLatin1String(SettingsKey)).toString();
    for (Mode mode : {Mode::Light, Mode::Dark}) {
        if (stored == modeKey(mode))
            return mode;
    }
    return Mode::System;
}

void Theme::setMode(Mode mode)
{
    QSettings().setValue(QLatin1String(SettingsKey), modeKey(mode));
    const bool changed = mode != m_mode;
    m_mode = mode;
    if (changed)
        Q_EMIT modeChanged(mode);
    apply();
}

void Theme::apply()
{
    if (QApplication::style()->name().compare(QLatin1String(FusionStyle), Qt::CaseInsensitive))
        QApplication::setStyle(QLatin1String(FusionStyle));
    applyPalette();
    if (m_mode == Mode::System)
        listenToDesktop();
}

bool Theme::isDark() const
{
    switch (m_mode) {
    case Mode::Light:
        return false;
    case Mode::Dark:
        return true;
    case Mode::System:
        break;
    }
    return systemPrefersDark().value_or(false);
}

std::optional<bool> Theme::systemPrefersDark() const
{
    if (m_portalPrefersDark)
        return m_portalPrefersDark;
    return prefersDarkFromHints(m_platformPalette);
}

void Theme::applyPalette()
{
    m_dark = isDark();
    const QPalette palette = m_dark ? darkPalette() : lightPalette();
    QApplication::setPalette(palette);
    QToolTip::setPalette(palette);
    // Qt 6.4 sends ApplicationPaletteChange to the application object only, so existing
    // windows would keep the old palette: each top-level window resolves its palette again
    // and passes it on to its children (who get PaletteChange). A no-op where Qt did so.
    const QWidgetList windows = QApplication::topLevelWidgets();
    for (QWidget *window : windows) {
        QEvent change(QEvent::ApplicationPaletteChange);
        QCoreApplication::sendEvent(window, &change);
    }
    Q_EMIT applied(m_dark);
}

void Theme::setTextColor(QWidget *widget, const QColor &color)
{
    QPalette palette = widget->palette();
    palette.setResolveMask(0); // only the roles set below are the widget's own
    if (color.isValid()) {
        palette.setColor(QPalette::WindowText, color);
        palette.setColor(QPalette::Text, color);
    }
    widget->setPalette(palette);
}

QPalette Theme::lightPalette()
{
    if (!QApplication::style()->name().compare(QLatin1String(FusionStyle), Qt::CaseInsensitive))
        return QApplication::style()->standardPalette();
    const std::unique_ptr<QStyle> fusion(QStyleFactory::create(QLatin1String(FusionStyle)));
    return fusion ? fusion->standardPalette() : QApplication::style()->standardPalette();
}

QPalette Theme::darkPalette()
{
    // Greys with enough steps between window, base and buttons for Fusion's bevels; text
    // at about 13:1 on the base, links and highlight chosen for 4.5:1 or more.
    const QColor window(0x2b, 0x2b, 0x2b);
    const QColor base(0x1e, 0x1e, 0x1e);
    const QColor text(0xe6, 0xe6, 0xe6);
    const QColor disabledText(0x80, 0x80, 0x80);
    QPalette palette;
    const auto set = [&palette](QPalette::ColorRole role, const QColor &color) {
        palette.setColor(QPalette::All, role, color);
    };
    set(QPalette::Window, window);
    set(QPalette::WindowText, text);
    set(QPalette::Base, base);
    set(QPalette::AlternateBase, QColor(0x26, 0x26, 0x26));
    set(QPalette::ToolTipBase, QColor(0x3c, 0x3c, 0x3c));
    set(QPalette::ToolTipText, QColor(0xf0, 0xf0, 0xf0));
    set(QPalette::PlaceholderText, QColor(0x8c, 0x8c, 0x8c));
    set(QPalette::Text, text);
    set(QPalette::Button, QColor(0x35, 0x35, 0x35));
    set(QPalette::ButtonText, text);
    set(QPalette::BrightText, QColor(0xff, 0x8a, 0x80));
    set(QPalette::Light, QColor(0x4f, 0x4f, 0x4f));
    set(QPalette::Midlight, QColor(0x40, 0x40, 0x40));
    set(QPalette::Mid, QColor(0x24, 0x24, 0x24));
    set(QPalette::Dark, QColor(0x1a, 0x1a, 0x1a));
    set(QPalette::Shadow, QColor(0x0a, 0x0a, 0x0a));
    set(QPalette::Highlight, QColor(0x2f, 0x65, 0xca));
    set(QPalette::HighlightedText, Qt::white);
    set(QPalette::Link, QColor(0x6c, 0xb4, 0xff));
    set(QPalette::LinkVisited, QColor(0xc3, 0x9b, 0xff));

    palette.setColor(QPalette::Disabled, QPalette::WindowText, disabledText);
    palette.setColor(QPalette::Disabled, QPalette::Text, disabledText);
    palette.setColor(QPalette::Disabled, QPalette::ButtonText, disabledText);
    palette.setColor(QPalette::Disabled, QPalette::Base, window);
    palette.setColor(QPalette::Disabled, QPalette::Button, QColor(0x30, 0x30, 0x30));
    palette.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x4a, 0x4a, 0x4a));
    palette.setColor(QPalette::Disabled, QPalette::HighlightedText, QColor(0xa0, 0xa0, 0xa0));
    palette.setColor(QPalette::Disabled, QPalette::PlaceholderText, QColor(0x66, 0x66, 0x66));
    palette.setColor(QPalette::Disabled, QPalette::Link, QColor(0x5a, 0x7a, 0x9a));
    palette.setColor(QPalette::Disabled, QPalette::BrightText, disabledText);
    // An unfocused window's selection stays visible but quieter.
    palette.setColor(QPalette::Inactive, QPalette::Highlight, QColor(0x3a, 0x4a, 0x66));
    return palette;
}

std::optional<bool> Theme::prefersDarkFromPortalValue(const QVariant &value)
{
    QVariant unwrapped = value;
    while (unwrapped.metaType() == QMetaType::fromType<QDBusVariant>())
        unwrapped = unwrapped.value<QDBusVariant>().variant();
    bool ok = false;
    const uint scheme = unwrapped.toUInt(&ok);
    if (!ok)
        return std::nullopt;
    if (scheme == 1)
        return true;
    if (scheme == 2)
        return false;
    return std::nullopt; // 0: no preference
}

std::optional<bool> Theme::prefersDarkFromHints(const QPalette &platformPalette)
{
    const QString gtkTheme = qEnvironmentVariable("GTK_THEME").trimmed();
    if (gtkTheme.endsWith(QLatin1String(":dark"), Qt::CaseInsensitive) ||
        gtkTheme.endsWith(QLatin1String("-dark"), Qt::CaseInsensitive))
        return true;
    if (platformPalette.color(QPalette::Window).lightness() < 128)
        return true;
    return std::nullopt;
}

void Theme::listenToDesktop()
{
    if (m_listening || !sessionBusConfigured())
        return;
    m_listening = true;
    // Connecting to the bus waits for the daemon's handshake: done on a short-lived thread.
    // Afterwards QDBusConnection::sessionBus() returns the made connection at once.
    QThread *connector = QThread::create([] { QDBusConnection::sessionBus(); });
    connect(connector, &QThread::finished, this, &Theme::connectToPortal);
    connect(connector, &QThread::finished, connector, &QObject::deleteLater);
    connector->start();
}

void Theme::connectToPortal()
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected())
        return; // the hints stay in charge
    // No service name: Qt would look up the portal's owner with a blocking call. Only the
    // portal sends this signal on this path. (The slot takes the whole message: Qt 6.4 does
    // not connect slots with a QDBusVariant parameter.)
    bus.connect(QString(), QLatin1String(PortalPath), QLatin1String(PortalInterface),
                QStringLiteral("SettingChanged"), this, SLOT(onPortalSettingChanged(QDBusMessage)));
    QDBusMessage read =
        QDBusMessage::createMethodCall(QLatin1String(PortalService), QLatin1String(PortalPath),
                                       QLatin1String(PortalInterface), QStringLiteral("Read"));
    read << QLatin1String(AppearanceNamespace) << QLatin1String(ColorSchemeKey);
    auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(read), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, &Theme::onPortalRead);
}

void Theme::onPortalRead(QDBusPendingCallWatcher *watcher)
{
    watcher->deleteLater();
    const QDBusMessage reply = watcher->reply();
    if (reply.type() != QDBusMessage::ReplyMessage || reply.arguments().isEmpty())
        return; // no portal, or a portal without the setting: the hints stay in charge
    followPortal(reply.arguments().constFirst());
}

void Theme::onPortalSettingChanged(const QDBusMessage &message)
{
    // SettingChanged(s namespace, s key, v value)
    const QList<QVariant> arguments = message.arguments();
    if (arguments.size() < 3 || arguments.at(0).toString() != QLatin1String(AppearanceNamespace) ||
        arguments.at(1).toString() != QLatin1String(ColorSchemeKey))
        return;
    followPortal(arguments.at(2));
}

void Theme::followPortal(const QVariant &colorScheme)
{
    m_portalPrefersDark = prefersDarkFromPortalValue(colorScheme);
    if (m_mode == Mode::System && isDark() != m_dark)
        applyPalette();
}
