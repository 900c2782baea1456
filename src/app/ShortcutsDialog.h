#pragma once

#include <QDialog>

// Help → Keyboard shortcuts: every action of a window that has a shortcut, read from the
// window itself so that the list cannot drift from what the keys do.
class ShortcutsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ShortcutsDialog(QWidget *window, QWidget *parent = nullptr);

    // (action text without '&', shortcut in native text), sorted by action text.
    static QList<QPair<QString, QString>> shortcutsOf(QWidget *window);
};
