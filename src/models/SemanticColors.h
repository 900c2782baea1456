#pragma once

#include <QColor>
#include <QPalette>
#include <QString>

// Colours that carry a meaning (an error, a success, a warning, …), each in a light and a dark
// variant chosen by the palette it is drawn on, so that they stay readable whichever palette
// the application runs with (Settings → Appearance, or the desktop's preference). Models return
// them from their data roles and widgets paint with them; both ask at paint time, so a palette
// change shows at the next repaint.
namespace SemanticColors {

enum class Role {
    Error,   // failures, lost connections, invalid input
    Success, // connected, test succeeded
    Warning, // no TLS and the like
    Info,    // neutral emphasis (the location trail)
    Accent,  // injected retry errors in the trace
    Muted,   // "connecting…"
};

// A background with the text colour to write on it.
struct Pair
{
    QColor background;
    QColor foreground;
};

// True when the palette's Window or Base colour is dark (lightness below 128).
bool isDark(const QPalette &palette);

// The application's palette when a QGuiApplication exists; else a light default (tests of the
// models that run without a GUI).
QPalette applicationPalette();

// A text colour for `role` that reads on the palette's Window and Base colours.
QColor foreground(Role role, const QPalette &palette = applicationPalette());

// The vehicle status badge: white text on a saturated fill; readable on both palettes.
Pair statusBadge(const QString &status);
// The error banner under a table.
Pair errorBanner(const QPalette &palette = applicationPalette());
// An edited cell whose change is not in the database yet.
Pair pending(const QPalette &palette = applicationPalette());
// A retried attempt in the SQL panel.
Pair retry(const QPalette &palette = applicationPalette());
// A cell a live change just changed, at full strength (it fades into the normal background):
// a light blue under the light palette's dark text, a deep blue under the dark palette's light
// text; distinct from the pending edit's yellow.
QColor changeHighlight(const QPalette &palette = applicationPalette());
// `over` laid on `under` with this opacity (0: under, 1: over).
QColor blend(const QColor &under, const QColor &over, qreal opacity);

// The WCAG 2 contrast ratio of two colours: 1 (none) to 21 (black on white). Text needs 4.5.
double contrastRatio(const QColor &first, const QColor &second);

} // namespace SemanticColors
