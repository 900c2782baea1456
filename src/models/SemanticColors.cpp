#include "SemanticColors.h"

#include <QGuiApplication>

#include <cmath>

namespace SemanticColors {

namespace {

double linear(double channel)
{
    return channel <= 0.04045 ? channel / 12.92 : std::pow((channel + 0.055) / 1.055, 2.4);
}

double relativeLuminance(const QColor &color)
{
    const QColor rgb = color.toRgb();
    return 0.2126 * linear(rgb.redF()) + 0.7152 * linear(rgb.greenF()) +
           0.0722 * linear(rgb.blueF());
}

} // namespace

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128 ||
           palette.color(QPalette::Base).lightness() < 128;
}

QPalette applicationPalette()
{
    if (qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        return QGuiApplication::palette();
    QPalette light(QColor(0xef, 0xef, 0xef));
    light.setColor(QPalette::Base, Qt::white);
    return light;
}

QColor foreground(Role role, const QPalette &palette)
{
    // Light variants: at least 4.5:1 on white and on Fusion's light window (#efefef). Dark
    // variants: at least 4.5:1 on the dark palette's window and base (Theme::darkPalette).
    const bool dark = isDark(palette);
    switch (role) {
    case Role::Error:
        return dark ? QColor(0xef, 0x9a, 0x9a) : QColor(0xc6, 0x28, 0x28);
    case Role::Success:
        return dark ? QColor(0x81, 0xc7, 0x84) : QColor(0x1b, 0x5e, 0x20);
    case Role::Warning:
        return dark ? QColor(0xff, 0xd5, 0x4f) : QColor(0x7a, 0x5c, 0x00);
    case Role::Info:
        return dark ? QColor(0x90, 0xca, 0xf9) : QColor(0x15, 0x65, 0xc0);
    case Role::Accent:
        return dark ? QColor(0xce, 0x93, 0xd8) : QColor(0x8e, 0x24, 0xaa);
    case Role::Muted:
        return dark ? QColor(0xb0, 0xb0, 0xb0) : QColor(0x61, 0x61, 0x61);
    }
    return palette.color(QPalette::WindowText);
}

Pair statusBadge(const QString &status)
{
    QColor fill(0x61, 0x61, 0x61);
    if (status == QLatin1String("available"))
        fill = QColor(0x2e, 0x7d, 0x32);
    else if (status == QLatin1String("in_use"))
        fill = QColor(0x15, 0x65, 0xc0);
    else if (status == QLatin1String("lost"))
        fill = QColor(0xc6, 0x28, 0x28);
    return {fill, QColor(Qt::white)};
}

Pair errorBanner(const QPalette &palette)
{
    if (isDark(palette))
        return {QColor(0x4a, 0x1f, 0x1f), QColor(0xff, 0xcd, 0xd2)};
    return {QColor(0xfd, 0xec, 0xea), QColor(0x8a, 0x1c, 0x1c)};
}

Pair pending(const QPalette &palette)
{
    if (isDark(palette))
        return {QColor(0x5d, 0x4a, 0x00), QColor(0xff, 0xf0, 0xc0)};
    return {QColor(0xff, 0xe0, 0x82), QColor(Qt::black)};
}

Pair retry(const QPalette &palette)
{
    if (isDark(palette))
        return {QColor(0x4d, 0x40, 0x00), QColor(0xff, 0xec, 0xb3)};
    return {QColor(0xff, 0xf3, 0xcd), QColor(Qt::black)};
}

QColor changeHighlight(const QPalette &palette)
{
    if (isDark(palette))
        return QColor(0x1f, 0x4e, 0x79);
    return QColor(0xbb, 0xde, 0xfb);
}

QColor blend(const QColor &under, const QColor &over, qreal opacity)
{
    const qreal a = qBound(0.0, opacity, 1.0);
    const QColor u = under.toRgb();
    const QColor o = over.toRgb();
    return QColor::fromRgbF(float(u.redF() + (o.redF() - u.redF()) * a),
                            float(u.greenF() + (o.greenF() - u.greenF()) * a),
                            float(u.blueF() + (o.blueF() - u.blueF()) * a));
}

double contrastRatio(const QColor &first, const QColor &second)
{
    const double a = relativeLuminance(first) + 0.05;
    const double b = relativeLuminance(second) + 0.05;
    return a > b ? a / b : b / a;
}

} // namespace SemanticColors
