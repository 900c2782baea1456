#include "LanguageMenu.h"

#include "Translations.h"

#include <QActionGroup>
#include <QMessageBox>

LanguageMenu::LanguageMenu(QWidget *parent)
    : QMenu(tr("&Language"), parent), m_group(new QActionGroup(this))
{
    addSection(tr("Applies at the next start"));
    m_group->setExclusive(true);
    const QString configured = Translations::configuredLanguage();
    const QList<Translations::Language> languages = Translations::availableLanguages();
    for (const Translations::Language &language : languages) {
        QAction *action = addAction(language.name);
        action->setCheckable(true);
        action->setData(language.code);
        action->setChecked(language.code == configured);
        m_group->addAction(action);
        const QString code = language.code;
        connect(action, &QAction::triggered, this, [this, code] { choose(code); });
    }
}

QAction *LanguageMenu::actionFor(const QString &code) const
{
    const QList<QAction *> actions = m_group->actions();
    for (QAction *action : actions) {
        if (action->data().toString() == code)
            return action;
    }
    return nullptr;
}

void LanguageMenu::choose(const QString &code)
{
    const bool changed = Translations::configuredLanguage() != code;
    if (!Translations::setLanguage(code))
        return;
    Q_EMIT languageChosen(code);
    if (!changed)
        return;
    // Not exec(): the menu's caller goes on; the box closes itself.
    auto *box = new QMessageBox(QMessageBox::Information, tr("Language"),
                                tr("The new language applies when MovR Admin is started again."),
                                QMessageBox::Ok, parentWidget());
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}
