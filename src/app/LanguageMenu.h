#pragma once

#include <QMenu>

class QActionGroup;

// Settings → Language: one checkable entry per language of Translations::availableLanguages(),
// the stored choice checked. Choosing one stores it (QSettings "ui/language"); it applies at
// the next start, which the menu says.
class LanguageMenu : public QMenu
{
    Q_OBJECT

public:
    explicit LanguageMenu(QWidget *parent = nullptr);

    // The action for `code` ("" = system default), or nullptr.
    QAction *actionFor(const QString &code) const;

Q_SIGNALS:
    void languageChosen(const QString &code);

private:
    void choose(const QString &code);

    QActionGroup *m_group = nullptr;
};
