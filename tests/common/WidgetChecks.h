#pragma once

#include <QStringList>

class QWidget;

// Keyboard access problems in a window or dialog, one line each (empty: none):
// - a label whose text has a mnemonic (&x) but no buddy, so the "&" is drawn and Alt+x
//   does nothing;
// - two visible buttons or buddied labels with the same mnemonic letter, so Alt+x reaches
//   only one of them.
// Only widgets visible in `window` count (the current tab of a tab widget, say).
QStringList keyboardAccessProblems(QWidget *window);
