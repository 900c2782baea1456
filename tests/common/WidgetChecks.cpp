#include "WidgetChecks.h"

#include <QAbstractButton>
#include <QHash>
#include <QLabel>
#include <QTabBar>
#include <QWidget>

namespace {

// The letter after a single '&' ("&&" is a literal ampersand), lower case; null if none.
QChar mnemonic(const QString &text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) != QLatin1Char('&'))
            continue;
        if (text.at(i + 1) == QLatin1Char('&')) {
            ++i;
            continue;
        }
        return text.at(i + 1).toLower();
    }
    return {};
}

QString describe(const QWidget *widget, const QString &text)
{
    return QStringLiteral("%1 \"%2\"").arg(QLatin1String(widget->metaObject()->className()), text);
}

} // namespace

QStringList keyboardAccessProblems(QWidget *window)
{
    QStringList problems;
    QHash<QChar, QString> owners;
    const auto claim = [&](QChar letter, const QString &who) {
        if (letter.isNull())
            return;
        if (owners.contains(letter))
            problems << QStringLiteral("Alt+%1 is both %2 and %3")
                            .arg(letter, owners.value(letter), who);
        else
            owners.insert(letter, who);
    };
    for (QLabel *label : window->findChildren<QLabel *>()) {
        if (!label->isVisibleTo(window) || label->textFormat() == Qt::RichText)
            continue;
        const QChar letter = mnemonic(label->text());
        if (letter.isNull())
            continue;
        if (!label->buddy())
            problems << QStringLiteral("%1 has a mnemonic but no buddy")
                            .arg(describe(label, label->text()));
        else
            claim(letter, describe(label, label->text()));
    }
    for (QAbstractButton *button : window->findChildren<QAbstractButton *>()) {
        if (button->isVisibleTo(window))
            claim(mnemonic(button->text()), describe(button, button->text()));
    }
    for (QTabBar *tabs : window->findChildren<QTabBar *>()) {
        if (!tabs->isVisibleTo(window))
            continue;
        for (int i = 0; i < tabs->count(); ++i)
            claim(mnemonic(tabs->tabText(i)), describe(tabs, tabs->tabText(i)));
    }
    return problems;
}
