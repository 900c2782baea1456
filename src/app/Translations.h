#pragma once

#include <QCoreApplication>
#include <QList>
#include <QLocale>
#include <QString>

class QTranslator;

// The user interface language. Our catalogs are built into the binary (translations/*.ts,
// compiled by qt_add_translations under :/i18n); Qt's own catalog (qtbase_<lang>.qm) is loaded
// from Qt's translations directory when it is installed.
//
// The language is the one stored in QSettings "ui/language" ("en", "de", "id"), or, when that
// is empty ("" = follow the system), the first of the system's UI languages that we have,
// English otherwise. A changed choice takes effect at the next start.
class Translations
{
    Q_DECLARE_TR_FUNCTIONS(Translations)

public:
    struct Language
    {
        QString code; // "" = follow the system
        QString name; // in its own language ("Deutsch"); the system entry is translated
    };

    // The system entry first, then English, German and Indonesian.
    static QList<Language> availableLanguages();
    // Language codes that have a catalog of ours: "en", "de", "id".
    static QStringList languageCodes();

    // The stored choice ("" = follow the system) and storing a new one (an unknown code is
    // refused: returns false and stores nothing).
    static QString configuredLanguage();
    static bool setLanguage(const QString &code);

    // The language used for `configured` ("" = follow the system) on a system with `system`.
    static QString resolveLanguage(const QString &configured, const QLocale &system);
    // The language install() uses: resolveLanguage(configuredLanguage(), QLocale::system()).
    static QString effectiveLanguage();

    // Loads our built-in catalog for `code` into `translator`; false when there is none.
    static bool loadCatalog(QTranslator &translator, const QString &code);
    // Qt's own catalog for `code` from QLibraryInfo's translations path; false when absent.
    static bool loadQtCatalog(QTranslator &translator, const QString &code);

    // Installs the catalogs for effectiveLanguage() (or `code` when given) on `application`,
    // which owns the translators. Returns the language installed.
    static QString install(QCoreApplication &application, const QString &code = {});
};
