#include "LanguageMenu.h"
#include "Translations.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QLibraryInfo>
#include <QMap>
#include <QMessageBox>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

namespace {

const QStringList CatalogLanguages = {QStringLiteral("de"), QStringLiteral("id"),
                                      QStringLiteral("en")};

struct TsMessage
{
    QString context;
    QString source;
    QString comment;
    bool numerus = false;
    QString type; // "", "unfinished", "obsolete", "vanished"
    QString translation;
    QStringList forms;

    QString key() const
    {
        return context + QLatin1String(" | ") + source +
               (comment.isEmpty() ? QString() : QLatin1String(" | ") + comment);
    }
};

struct TsFile
{
    QString language;
    QList<TsMessage> messages;
    QString error;
};

QString tsPath(const QString &directory, const QString &language)
{
    return QDir(directory).filePath(QStringLiteral("movr-admin_%1.ts").arg(language));
}

QString translationsDirectory()
{
    return QStringLiteral(MOVR_SOURCE_ROOT "/translations");
}

TsFile readTs(const QString &path)
{
    TsFile file;
    QFile device(path);
    if (!device.open(QIODevice::ReadOnly)) {
        file.error = QStringLiteral("cannot open %1").arg(path);
        return file;
    }
    QXmlStreamReader xml(&device);
    QString context;
    TsMessage message;
    bool inMessage = false;
    for (int guard = 0; !xml.atEnd() && guard < 10'000'000; ++guard) {
        const QXmlStreamReader::TokenType token = xml.readNext();
        if (token == QXmlStreamReader::StartElement) {
            const auto name = xml.name();
            if (name == QLatin1String("TS")) {
                file.language = xml.attributes().value(QLatin1String("language")).toString();
            } else if (name == QLatin1String("name") && !inMessage) {
                context = xml.readElementText();
            } else if (name == QLatin1String("message")) {
                message = TsMessage();
                message.context = context;
                message.numerus =
                    xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
                inMessage = true;
            } else if (name == QLatin1String("source") && inMessage) {
                message.source = xml.readElementText();
            } else if (name == QLatin1String("comment") && inMessage) {
                message.comment = xml.readElementText();
            } else if (name == QLatin1String("translation") && inMessage) {
                message.type = xml.attributes().value(QLatin1String("type")).toString();
                if (!message.numerus)
                    message.translation = xml.readElementText();
            } else if (name == QLatin1String("numerusform") && inMessage) {
                message.forms << xml.readElementText();
            }
        } else if (token == QXmlStreamReader::EndElement &&
                   xml.name() == QLatin1String("message")) {
            file.messages << message;
            inMessage = false;
        }
    }
    if (xml.hasError())
        file.error =
            QStringLiteral("%1: %2 at line %3").arg(path, xml.errorString()).arg(xml.lineNumber());
    return file;
}

QSet<QString> keysOf(const TsFile &file)
{
    QSet<QString> keys;
    for (const TsMessage &message : file.messages)
        keys.insert(message.key() + (message.numerus ? QLatin1String(" [plural]") : QString()));
    return keys;
}

// %1..%99, %L1 and %n, as a sorted set.
QStringList placeholders(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("%L?(?:\\d{1,2}|n)"));
    QStringList found;
    QRegularExpressionMatchIterator it = pattern.globalMatch(text);
    for (int guard = 0; it.hasNext() && guard < 1000; ++guard)
        found << it.next().captured(0);
    found.removeDuplicates();
    found.sort();
    return found;
}

// The keyboard accelerator of `text` (the character after a single '&', lower case), or a
// null QChar. "&&" is a literal ampersand, "& " none.
QChar accelerator(const QString &text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) != QLatin1Char('&'))
            continue;
        const QChar next = text.at(i + 1);
        if (next == QLatin1Char('&')) {
            ++i;
            continue;
        }
        if (!next.isSpace())
            return next.toLower();
    }
    return {};
}

bool hasAccelerator(const QString &text)
{
    return !accelerator(text).isNull();
}

// Within a context (one dialog or window), accelerators that are distinct in English must stay
// distinct in the translation. Returns the clashes, as "context: 'k' in A and B".
QStringList acceleratorClashes(const QList<TsMessage> &messages)
{
    QMap<QString, QList<const TsMessage *>> byContext;
    for (const TsMessage &message : messages) {
        if (!message.numerus && hasAccelerator(message.source) &&
            !message.source.contains(QLatin1Char('<')))
            byContext[message.context].append(&message);
    }
    QStringList clashes;
    for (auto it = byContext.cbegin(); it != byContext.cend(); ++it) {
        QSet<QChar> english;
        for (const TsMessage *message : it.value())
            english.insert(accelerator(message->source));
        if (english.size() != it.value().size())
            continue; // the English already shares a key here
        QMap<QChar, QString> taken;
        for (const TsMessage *message : it.value()) {
            const QChar key = accelerator(message->translation);
            if (key.isNull())
                continue;
            if (taken.contains(key))
                clashes << QStringLiteral("%1: '%2' in \"%3\" and \"%4\"")
                               .arg(it.key(), QString(key), taken.value(key), message->translation);
            else
                taken.insert(key, message->translation);
        }
    }
    return clashes;
}

int expectedForms(const QString &language)
{
    return language.startsWith(QLatin1String("id")) ? 1 : 2; // Indonesian has no plural
}

void removeInstalledTranslators()
{
    const QList<QTranslator *> translators = qApp->findChildren<QTranslator *>();
    for (QTranslator *translator : translators) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void upToDateWithSources();
    void complete_data();
    void complete();
    void builtInCatalogsMatchTheTsFiles_data();
    void builtInCatalogsMatchTheTsFiles();
    void englishPluralForms();
    void resolveLanguage_data();
    void resolveLanguage();
    void storedChoice();
    void qtCatalogWhenInstalled();
    void installFollowsTheChoice();
    void languageMenuStoresTheChoice();
};

void TestTranslations::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("movr-admin-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_translations"));
    QSettings().clear();
}

// lupdate over src/ and ui/ into copies of the committed files (scripts/update-translations,
// the same command a developer runs) must find exactly the messages already there.
void TestTranslations::upToDateWithSources()
{
    QTemporaryDir work;
    QVERIFY(work.isValid());
    for (const QString &language : CatalogLanguages)
        QVERIFY(
            QFile::copy(tsPath(translationsDirectory(), language), tsPath(work.path(), language)));
    QProcess update;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("LUPDATE"), QStringLiteral(MOVR_LUPDATE));
    update.setProcessEnvironment(environment);
    update.start(QStringLiteral("/bin/sh"),
                 {QStringLiteral(MOVR_SOURCE_ROOT "/scripts/update-translations"), work.path()});
    QVERIFY2(update.waitForFinished(90'000), "update-translations did not finish");
    QVERIFY2(update.exitStatus() == QProcess::NormalExit && update.exitCode() == 0,
             qPrintable(QString::fromLocal8Bit(update.readAllStandardError())));

    QStringList problems;
    for (const QString &language : CatalogLanguages) {
        const TsFile committed = readTs(tsPath(translationsDirectory(), language));
        const TsFile fresh = readTs(tsPath(work.path(), language));
        QVERIFY2(committed.error.isEmpty(), qPrintable(committed.error));
        QVERIFY2(fresh.error.isEmpty(), qPrintable(fresh.error));
        QVERIFY2(!fresh.messages.isEmpty(), "lupdate found no messages");
        const QSet<QString> committedKeys = keysOf(committed);
        const QSet<QString> freshKeys = keysOf(fresh);
        for (const QString &key : freshKeys - committedKeys)
            problems << QStringLiteral("%1: new in the sources: %2").arg(language, key);
        for (const QString &key : committedKeys - freshKeys)
            problems << QStringLiteral("%1: gone from the sources: %2").arg(language, key);
    }
    problems.sort();
    QVERIFY2(problems.isEmpty(),
             qPrintable(QStringLiteral("translations out of date (run scripts/update-translations "
                                       "and translate):\n") +
                        problems.join(QLatin1Char('\n'))));
}

void TestTranslations::complete_data()
{
    QTest::addColumn<QString>("language");
    for (const QString &language : CatalogLanguages)
        QTest::newRow(qPrintable(language)) << language;
}

void TestTranslations::complete()
{
    QFETCH(QString, language);
    const TsFile file = readTs(tsPath(translationsDirectory(), language));
    QVERIFY2(file.error.isEmpty(), qPrintable(file.error));
    QVERIFY(!file.messages.isEmpty());
    QVERIFY2(file.language.startsWith(language), qPrintable(file.language));
    const int forms = expectedForms(language);

    QStringList problems;
    for (const TsMessage &message : file.messages) {
        const QString where = message.key();
        if (!message.type.isEmpty())
            problems << QStringLiteral("%1 (%2)").arg(where, message.type);
        if (language == QLatin1String("en") && !message.numerus)
            problems
                << QStringLiteral("%1: the English catalog holds plural forms only").arg(where);
        const QStringList texts =
            message.numerus ? message.forms : QStringList{message.translation};
        if (message.numerus && message.forms.size() != forms)
            problems << QStringLiteral("%1: %2 plural forms, %3 expected")
                            .arg(where)
                            .arg(message.forms.size())
                            .arg(forms);
        const QStringList wanted = placeholders(message.source);
        for (const QString &text : texts) {
            if (text.trimmed().isEmpty()) {
                problems << QStringLiteral("%1: empty translation").arg(where);
                continue;
            }
            const QStringList got = placeholders(text);
            if (got != wanted)
                problems << QStringLiteral("%1: placeholders %2 in \"%3\", %4 in the source")
                                .arg(where, got.join(QLatin1Char(',')), text,
                                     wanted.join(QLatin1Char(',')));
            if (!message.source.contains(QLatin1Char('<')) &&
                hasAccelerator(message.source) != hasAccelerator(text))
                problems << QStringLiteral("%1: keyboard accelerator (&) in only one of source "
                                           "and \"%2\"")
                                .arg(where, text);
        }
    }
    if (language != QLatin1String("en"))
        problems << acceleratorClashes(file.messages);
    QVERIFY2(problems.isEmpty(), qPrintable(QStringLiteral("%1 problem(s) in %2:\n%3")
                                                .arg(problems.size())
                                                .arg(language, problems.join(QLatin1Char('\n')))));
}

void TestTranslations::builtInCatalogsMatchTheTsFiles_data()
{
    complete_data();
}

// The .qm built into the binary says what the .ts says (the build is not stale), and a few
// known strings come out translated.
void TestTranslations::builtInCatalogsMatchTheTsFiles()
{
    QFETCH(QString, language);
    QTranslator translator;
    QVERIFY(Translations::loadCatalog(translator, language));
    QCOMPARE(translator.language().left(2), language);
    const TsFile file = readTs(tsPath(translationsDirectory(), language));
    QVERIFY2(file.error.isEmpty(), qPrintable(file.error));
    int checked = 0;
    for (const TsMessage &message : file.messages) {
        const QByteArray context = message.context.toUtf8();
        const QByteArray source = message.source.toUtf8();
        const QByteArray comment = message.comment.toUtf8();
        const char *disambiguation = comment.isEmpty() ? nullptr : comment.constData();
        if (message.numerus) {
            // Form 0 is n == 1 in all three languages; the last form is n == 2 (or any n).
            QCOMPARE(translator.translate(context, source, disambiguation, 1),
                     message.forms.value(0));
            QCOMPARE(translator.translate(context, source, disambiguation, 2),
                     message.forms.value(message.forms.size() - 1));
        } else {
            const QString translated = translator.translate(context, source, disambiguation);
            QVERIFY2(translated == message.translation,
                     qPrintable(QStringLiteral("%1: \"%2\" built in, \"%3\" in the .ts")
                                    .arg(message.key(), translated, message.translation)));
        }
        ++checked;
    }
    QCOMPARE(checked, file.messages.size());

    if (language == QLatin1String("en"))
        return;
    struct Known
    {
        const char *context;
        const char *source;
        const char *german;
        const char *indonesian;
    };
    const Known known[] = {
        {"LanguageMenu", "&Language", "&Sprache", "&Bahasa"},
        {"Translations", "System default", "Systemstandard", "Bawaan sistem"},
        {"MainWindow", "&File", "&Datei", "&Berkas"},
    };
    for (const Known &entry : known) {
        const QString expected =
            QString::fromUtf8(language == QLatin1String("de") ? entry.german : entry.indonesian);
        QCOMPARE(translator.translate(entry.context, entry.source), expected);
    }
}

// English "%n row(s)" style messages read as proper English once the catalog is installed.
void TestTranslations::englishPluralForms()
{
    const TsFile file = readTs(tsPath(translationsDirectory(), QStringLiteral("en")));
    QVERIFY2(file.error.isEmpty(), qPrintable(file.error));
    QVERIFY(!file.messages.isEmpty());
    QCOMPARE(Translations::install(*qApp, QStringLiteral("en")), QStringLiteral("en"));
    for (const TsMessage &message : file.messages) {
        const QByteArray context = message.context.toUtf8();
        const QByteArray source = message.source.toUtf8();
        const QString one = QCoreApplication::translate(context, source, nullptr, 1);
        const QString two = QCoreApplication::translate(context, source, nullptr, 2);
        QVERIFY2(!one.contains(QLatin1String("(s)")) && !two.contains(QLatin1String("(s)")),
                 qPrintable(message.key()));
        QVERIFY2(one.contains(QLatin1Char('1')) && two.contains(QLatin1Char('2')),
                 qPrintable(message.key()));
    }
    removeInstalledTranslators();
}

void TestTranslations::resolveLanguage_data()
{
    QTest::addColumn<QString>("configured");
    QTest::addColumn<QString>("system");
    QTest::addColumn<QString>("expected");
    QTest::newRow("system German") << ""
                                   << "de_DE"
                                   << "de";
    QTest::newRow("system Austrian German") << ""
                                            << "de_AT"
                                            << "de";
    QTest::newRow("system Indonesian") << ""
                                       << "id_ID"
                                       << "id";
    QTest::newRow("system English") << ""
                                    << "en_GB"
                                    << "en";
    QTest::newRow("system French: English") << ""
                                            << "fr_FR"
                                            << "en";
    QTest::newRow("C locale: English") << ""
                                       << "C"
                                       << "en";
    QTest::newRow("chosen over system") << "id"
                                        << "de_DE"
                                        << "id";
    QTest::newRow("English chosen on a German system") << "en"
                                                       << "de_DE"
                                                       << "en";
    QTest::newRow("unknown choice follows the system") << "xx"
                                                       << "de_CH"
                                                       << "de";
}

void TestTranslations::resolveLanguage()
{
    QFETCH(QString, configured);
    QFETCH(QString, system);
    QFETCH(QString, expected);
    QCOMPARE(Translations::resolveLanguage(configured, QLocale(system)), expected);
}

void TestTranslations::storedChoice()
{
    QSettings().clear();
    QCOMPARE(Translations::configuredLanguage(), QString());
    QVERIFY(Translations::setLanguage(QStringLiteral("id")));
    QCOMPARE(QSettings().value(QStringLiteral("ui/language")).toString(), QStringLiteral("id"));
    QCOMPARE(Translations::configuredLanguage(), QStringLiteral("id"));
    QCOMPARE(Translations::effectiveLanguage(), QStringLiteral("id"));
    QVERIFY(!Translations::setLanguage(QStringLiteral("fr")));
    QCOMPARE(Translations::configuredLanguage(), QStringLiteral("id"));
    QVERIFY(Translations::setLanguage(QString()));
    QCOMPARE(Translations::configuredLanguage(), QString());
    QCOMPARE(Translations::effectiveLanguage(),
             Translations::resolveLanguage(QString(), QLocale::system()));

    const QList<Translations::Language> languages = Translations::availableLanguages();
    QCOMPARE(languages.size(), 4);
    QCOMPARE(languages.first().code, QString());
    QStringList codes;
    for (const Translations::Language &language : languages) {
        codes << language.code;
        QVERIFY(!language.name.isEmpty());
    }
    QCOMPARE(codes, (QStringList{QString(), QStringLiteral("en"), QStringLiteral("de"),
                                 QStringLiteral("id")}));
}

void TestTranslations::qtCatalogWhenInstalled()
{
    const QString directory = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
    for (const QString &language : {QStringLiteral("de"), QStringLiteral("id")}) {
        QTranslator translator;
        const bool present =
            QFile::exists(QDir(directory).filePath(QStringLiteral("qtbase_%1.qm").arg(language)));
        QCOMPARE(Translations::loadQtCatalog(translator, language), present);
    }
    QTranslator english;
    QVERIFY(!Translations::loadQtCatalog(english, QStringLiteral("en")));
}

void TestTranslations::installFollowsTheChoice()
{
    QSettings().clear();
    QVERIFY(Translations::setLanguage(QStringLiteral("de")));
    QCOMPARE(Translations::install(*qApp), QStringLiteral("de"));
    QCOMPARE(QCoreApplication::translate("LanguageMenu", "&Language"), QStringLiteral("&Sprache"));
    removeInstalledTranslators();
    QCOMPARE(QCoreApplication::translate("LanguageMenu", "&Language"), QStringLiteral("&Language"));

    QCOMPARE(Translations::install(*qApp, QStringLiteral("id")), QStringLiteral("id"));
    QCOMPARE(QCoreApplication::translate("LanguageMenu", "&Language"), QStringLiteral("&Bahasa"));
    removeInstalledTranslators();
    QSettings().clear();
}

void TestTranslations::languageMenuStoresTheChoice()
{
    QSettings().clear();
    QVERIFY(Translations::setLanguage(QStringLiteral("de")));
    QWidget window;
    LanguageMenu menu(&window);
    const QList<Translations::Language> languages = Translations::availableLanguages();
    for (const Translations::Language &language : languages) {
        QAction *action = menu.actionFor(language.code);
        QVERIFY(action);
        QVERIFY(action->isCheckable());
        QCOMPARE(action->isChecked(), language.code == QLatin1String("de"));
    }
    QVERIFY(!menu.actionFor(QStringLiteral("fr")));

    QSignalSpy chosen(&menu, &LanguageMenu::languageChosen);
    menu.actionFor(QStringLiteral("id"))->trigger();
    QCOMPARE(chosen.size(), 1);
    QCOMPARE(chosen.first().first().toString(), QStringLiteral("id"));
    QCOMPARE(Translations::configuredLanguage(), QStringLiteral("id"));
    QVERIFY(menu.actionFor(QStringLiteral("id"))->isChecked());
    QVERIFY(!menu.actionFor(QStringLiteral("de"))->isChecked());
    // It says that the change waits for a restart.
    auto *box = window.findChild<QMessageBox *>();
    QVERIFY(box);
    QVERIFY(box->text().contains(QLatin1String("started again")));
    box->close();

    menu.actionFor(QString())->trigger();
    QCOMPARE(Translations::configuredLanguage(), QString());
    QSettings().clear();
}

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
