#include "Translations.h"

#include <QLibraryInfo>
#include <QSettings>
#include <QTranslator>

namespace {

const char LanguageKey[] = "ui/language";
const char SourceLanguage[] = "en";

} // namespace

QStringList Translations::languageCodes()
{
    return {QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("id")};
}

QList<Translations::Language> Translations::availableLanguages()
{
    // Language names in their own language, so that anyone can find theirs.
    return {
        {QString(), tr("System default")},
        {QStringLiteral("en"), QStringLiteral("English")},
        {QStringLiteral("de"), QStringLiteral("Deutsch")},
        {QStringLiteral("id"), QStringLiteral("Bahasa Indonesia")},
    };
}

QString Translations::configuredLanguage()
{
    const QString code = QSettings().value(QLatin1String(LanguageKey)).toString();
    return languageCodes().contains(code) ? code : QString();
}

bool Translations::setLanguage(const QString &code)
{
    if (!code.isEmpty() && !languageCodes().contains(code))
        return false;
    QSettings().setValue(QLatin1String(LanguageKey), code);
    return true;
}

QString Translations::resolveLanguage(const QString &configured, const QLocale &system)
{
    const QStringList codes = languageCodes();
    if (codes.contains(configured))
        return configured;
    // uiLanguages() is the user's list in order of preference ("de-AT", "de", "en-US"...).
    const QStringList preferred = system.uiLanguages();
    for (const QString &name : preferred) {
        const QString code = QLocale::languageToCode(QLocale(name).language());
        if (codes.contains(code))
            return code;
    }
    return QLatin1String(SourceLanguage);
}

QString Translations::effectiveLanguage()
{
    return resolveLanguage(configuredLanguage(), QLocale::system());
}

bool Translations::loadCatalog(QTranslator &translator, const QString &code)
{
    if (!languageCodes().contains(code))
        return false;
    return translator.load(QStringLiteral(":/i18n/movr-admin_%1.qm").arg(code));
}

bool Translations::loadQtCatalog(QTranslator &translator, const QString &code)
{
    if (!languageCodes().contains(code) || code == QLatin1String(SourceLanguage))
        return false;
    return translator.load(QStringLiteral("qtbase_%1").arg(code),
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath));
}

QString Translations::install(QCoreApplication &application, const QString &code)
{
    const QString language = code.isEmpty() ? effectiveLanguage() : code;
    auto *qt = new QTranslator(&application);
    if (loadQtCatalog(*qt, language))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    // English has a catalog too: the plural forms of "%n row(s)".
    auto *ours = new QTranslator(&application);
    if (loadCatalog(*ours, language))
        QCoreApplication::installTranslator(ours);
    else
        delete ours;
    return language;
}
