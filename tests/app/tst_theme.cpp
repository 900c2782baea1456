// Settings → Appearance: the light and dark palettes, the desktop's preference in System mode,
// the stored choice, and the widgets that paint with colours of their own staying readable on
// both palettes.

#include "AppearanceMenu.h"
#include "ConflictDialog.h"
#include "ConnectionDialog.h"
#include "FormValidator.h"
#include "MainWindow.h"
#include "SqlHighlighter.h"
#include "Theme.h"
#include "models/SemanticColors.h"

#include <QApplication>
#include <QDBusVariant>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStyle>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QVBoxLayout>

namespace {

// WCAG AA for normal text.
constexpr double ReadableText = 4.5;

QString describe(const QColor &ink, const QColor &paper)
{
    return QStringLiteral("%1 on %2: contrast %3")
        .arg(ink.name(), paper.name())
        .arg(SemanticColors::contrastRatio(ink, paper), 0, 'f', 2);
}

#define VERIFY_READABLE(ink, paper)                                                                \
    QVERIFY2(SemanticColors::contrastRatio(ink, paper) >= ReadableText,                            \
             qPrintable(describe(ink, paper)))

} // namespace

class TestTheme : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void contrastRatioIsWcag();
    void darkModeGivesADarkReadablePalette();
    void lightModeGivesFusionsStandardPalette();
    void semanticColorsAreReadable_data();
    void semanticColorsAreReadable();
    void statusBadgesAreReadable();
    void sqlHighlighterFollowsThePalette();
    void formValidatorFollowsThePalette();
    void connectionDialogMessageFollowsThePalette();
    void conflictDialogFollowsThePalette();
    void choicePersistsAndIsRestored();
    void systemModeFollowsGtkTheme_data();
    void systemModeFollowsGtkTheme();
    void portalValues();
    void menuReflectsTheMode();
    void mainWindowHasTheAppearanceMenu();

private:
    QTemporaryDir m_runtime;
};

void TestTheme::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    // No session bus: System mode decides on the hints alone, as in CI, whatever the machine
    // running the test has.
    qunsetenv("DBUS_SESSION_BUS_ADDRESS");
    QVERIFY(m_runtime.isValid());
    qputenv("XDG_RUNTIME_DIR", QFile::encodeName(m_runtime.path()));
    qunsetenv("GTK_THEME");
}

void TestTheme::init()
{
    Theme::instance()->setMode(Theme::Mode::Light);
}

void TestTheme::cleanup()
{
    qunsetenv("GTK_THEME");
    QSettings().clear();
}

void TestTheme::contrastRatioIsWcag()
{
    QCOMPARE(qRound(SemanticColors::contrastRatio(Qt::black, Qt::white) * 100), 2100);
    QCOMPARE(SemanticColors::contrastRatio(Qt::white, Qt::white), 1.0);
    // The order does not matter; #777777 on white is the classic 4.48.
    QCOMPARE(qRound(SemanticColors::contrastRatio(QColor(0x77, 0x77, 0x77), Qt::white) * 100), 448);
    QCOMPARE(SemanticColors::contrastRatio(Qt::white, QColor(0x77, 0x77, 0x77)),
             SemanticColors::contrastRatio(QColor(0x77, 0x77, 0x77), Qt::white));
}

void TestTheme::darkModeGivesADarkReadablePalette()
{
    Theme *theme = Theme::instance();
    QSignalSpy applied(theme, &Theme::applied);
    theme->setMode(Theme::Mode::Dark);
    QCOMPARE(applied.count(), 1);
    QCOMPARE(applied.at(0).at(0).toBool(), true);
    QVERIFY(theme->isDark());
    QCOMPARE(QApplication::style()->name().toLower(), QStringLiteral("fusion"));

    const QPalette palette = QApplication::palette();
    QVERIFY(palette.color(QPalette::Window).lightness() < 128);
    QVERIFY(palette.color(QPalette::Base).lightness() < 128);
    QVERIFY(SemanticColors::isDark(palette));
    for (QPalette::ColorGroup group : {QPalette::Active, QPalette::Inactive}) {
        VERIFY_READABLE(palette.color(group, QPalette::Text), palette.color(group, QPalette::Base));
        VERIFY_READABLE(palette.color(group, QPalette::WindowText),
                        palette.color(group, QPalette::Window));
        VERIFY_READABLE(palette.color(group, QPalette::ButtonText),
                        palette.color(group, QPalette::Button));
        VERIFY_READABLE(palette.color(group, QPalette::Text),
                        palette.color(group, QPalette::AlternateBase));
        VERIFY_READABLE(palette.color(group, QPalette::HighlightedText),
                        palette.color(group, QPalette::Highlight));
        VERIFY_READABLE(palette.color(group, QPalette::ToolTipText),
                        palette.color(group, QPalette::ToolTipBase));
        VERIFY_READABLE(palette.color(group, QPalette::Link), palette.color(group, QPalette::Base));
        VERIFY_READABLE(palette.color(group, QPalette::LinkVisited),
                        palette.color(group, QPalette::Base));
        VERIFY_READABLE(palette.color(group, QPalette::PlaceholderText),
                        palette.color(group, QPalette::Base));
    }
    // Disabled text is quieter than enabled text, yet still visible.
    const double enabled =
        SemanticColors::contrastRatio(palette.color(QPalette::Text), palette.color(QPalette::Base));
    const double disabled =
        SemanticColors::contrastRatio(palette.color(QPalette::Disabled, QPalette::Text),
                                      palette.color(QPalette::Disabled, QPalette::Base));
    QVERIFY2(disabled < enabled && disabled >= 2.5, qPrintable(QString::number(disabled)));
    QVERIFY(SemanticColors::contrastRatio(palette.color(QPalette::Disabled, QPalette::ButtonText),
                                          palette.color(QPalette::Disabled, QPalette::Button)) >=
            2.5);

    // Widgets take it: a new one and one that existed before the switch.
    QLineEdit edit;
    QCOMPARE(edit.palette().color(QPalette::Base), palette.color(QPalette::Base));
}

void TestTheme::lightModeGivesFusionsStandardPalette()
{
    Theme *theme = Theme::instance();
    theme->setMode(Theme::Mode::Dark);
    QLineEdit existing;
    QVERIFY(existing.palette().color(QPalette::Base).lightness() < 128);
    theme->setMode(Theme::Mode::Light);
    QVERIFY(!theme->isDark());
    const QPalette palette = QApplication::palette();
    QCOMPARE(palette.color(QPalette::Window),
             QApplication::style()->standardPalette().color(QPalette::Window));
    QVERIFY(palette.color(QPalette::Window).lightness() >= 128);
    QVERIFY(palette.color(QPalette::Base).lightness() >= 128);
    VERIFY_READABLE(palette.color(QPalette::Text), palette.color(QPalette::Base));
    VERIFY_READABLE(palette.color(QPalette::WindowText), palette.color(QPalette::Window));
    // The widget that existed under the dark palette is light again.
    QVERIFY(existing.palette().color(QPalette::Base).lightness() >= 128);
}

void TestTheme::semanticColorsAreReadable_data()
{
    QTest::addColumn<Theme::Mode>("mode");
    QTest::addColumn<SemanticColors::Role>("role");
    const std::pair<const char *, SemanticColors::Role> roles[] = {
        {"error", SemanticColors::Role::Error},     {"success", SemanticColors::Role::Success},
        {"warning", SemanticColors::Role::Warning}, {"info", SemanticColors::Role::Info},
        {"accent", SemanticColors::Role::Accent},   {"muted", SemanticColors::Role::Muted},
    };
    for (Theme::Mode mode : {Theme::Mode::Light, Theme::Mode::Dark}) {
        for (const auto &[name, role] : roles)
            QTest::addRow("%s %s", qPrintable(Theme::modeKey(mode)), name) << mode << role;
    }
}

void TestTheme::semanticColorsAreReadable()
{
    QFETCH(Theme::Mode, mode);
    QFETCH(SemanticColors::Role, role);
    Theme::instance()->setMode(mode);
    const QPalette palette = QApplication::palette();
    const QColor ink = SemanticColors::foreground(role, palette);
    // Status bar and dialog labels sit on Window, table cells on Base and AlternateBase.
    VERIFY_READABLE(ink, palette.color(QPalette::Window));
    VERIFY_READABLE(ink, palette.color(QPalette::Base));
    VERIFY_READABLE(ink, palette.color(QPalette::AlternateBase));
    // The default argument is the application's palette.
    QCOMPARE(SemanticColors::foreground(role), ink);

    for (const SemanticColors::Pair &pair :
         {SemanticColors::errorBanner(), SemanticColors::pending(), SemanticColors::retry()})
        VERIFY_READABLE(pair.foreground, pair.background);
}

void TestTheme::statusBadgesAreReadable()
{
    for (Theme::Mode mode : {Theme::Mode::Light, Theme::Mode::Dark}) {
        Theme::instance()->setMode(mode);
        for (const char *status : {"available", "in_use", "lost", "unknown"}) {
            const SemanticColors::Pair badge =
                SemanticColors::statusBadge(QString::fromLatin1(status));
            VERIFY_READABLE(badge.foreground, badge.background);
            // The pill stands out from the cell it is drawn in.
            QVERIFY2(SemanticColors::contrastRatio(
                         badge.background, QApplication::palette().color(QPalette::Base)) > 1.5,
                     status);
        }
        QVERIFY(SemanticColors::statusBadge(QStringLiteral("available")).background !=
                SemanticColors::statusBadge(QStringLiteral("lost")).background);
    }
}

void TestTheme::sqlHighlighterFollowsThePalette()
{
    QPlainTextEdit editor;
    editor.setPlainText(QStringLiteral("SELECT 'x', $1, 42 -- note"));
    auto *highlighter = new SqlHighlighter(editor.document());
    const SqlHighlighter::Kind kinds[] = {
        SqlHighlighter::Kind::Keyword, SqlHighlighter::Kind::Number,
        SqlHighlighter::Kind::Parameter, SqlHighlighter::Kind::String,
        SqlHighlighter::Kind::Comment};
    const auto check = [&] {
        const QColor base = editor.palette().color(QPalette::Base);
        for (SqlHighlighter::Kind kind : kinds) {
            QCOMPARE(highlighter->colorOf(kind), SqlHighlighter::color(kind, editor.palette()));
            VERIFY_READABLE(highlighter->colorOf(kind), base);
        }
    };
    check();
    const QColor lightKeyword = highlighter->colorOf(SqlHighlighter::Kind::Keyword);
    Theme::instance()->setMode(Theme::Mode::Dark);
    QVERIFY(editor.palette().color(QPalette::Base).lightness() < 128);
    check();
    QVERIFY(highlighter->colorOf(SqlHighlighter::Kind::Keyword) != lightKeyword);
    // The text already shown is highlighted again in the new colours.
    const QList<QTextLayout::FormatRange> formats =
        editor.document()->firstBlock().layout()->formats();
    QVERIFY(!formats.isEmpty());
    QCOMPARE(formats.constFirst().format.foreground().color(),
             highlighter->colorOf(SqlHighlighter::Kind::Keyword));
}

void TestTheme::formValidatorFollowsThePalette()
{
    QWidget dialog;
    auto *layout = new QVBoxLayout(&dialog);
    auto *field = new QLineEdit(&dialog);
    auto *message = new QLabel(&dialog);
    auto *ok = new QPushButton(QStringLiteral("OK"), &dialog);
    layout->addWidget(field);
    layout->addWidget(message);
    layout->addWidget(ok);
    FormValidator validator(ok, message, &dialog);
    validator.addField(field, [field] {
        return field->text().isEmpty() ? QStringLiteral("a name is needed") : QString();
    });
    QVERIFY(!validator.validate());
    QCOMPARE(message->text(), QStringLiteral("A name is needed"));

    for (Theme::Mode mode : {Theme::Mode::Light, Theme::Mode::Dark, Theme::Mode::Light}) {
        Theme::instance()->setMode(mode);
        const QColor ink = message->palette().color(QPalette::WindowText);
        QCOMPARE(ink, SemanticColors::foreground(SemanticColors::Role::Error));
        VERIFY_READABLE(ink, message->palette().color(QPalette::Window));
        VERIFY_READABLE(ink, dialog.palette().color(QPalette::Window));
        // The invalid field's frame is drawn in the same colour.
        QVERIFY2(field->styleSheet().contains(ink.name()), qPrintable(field->styleSheet()));
    }
    field->setText(QStringLiteral("Ada"));
    QVERIFY(validator.validate());
    QVERIFY(field->styleSheet().isEmpty());
}

void TestTheme::connectionDialogMessageFollowsThePalette()
{
    ConnectionDialog dialog;
    auto *message = dialog.findChild<QLabel *>(QStringLiteral("message"));
    QVERIFY(message);
    // Nothing entered: the message says what is missing, in the error colour.
    QVERIFY(!message->text().isEmpty());
    for (Theme::Mode mode : {Theme::Mode::Dark, Theme::Mode::Light}) {
        Theme::instance()->setMode(mode);
        const QColor ink = message->palette().color(QPalette::WindowText);
        QCOMPARE(ink, SemanticColors::foreground(SemanticColors::Role::Error));
        VERIFY_READABLE(ink, message->palette().color(QPalette::Window));
    }
}

void TestTheme::conflictDialogFollowsThePalette()
{
    FieldConflict conflict;
    conflict.edit.table = BrowseTable::Users;
    conflict.edit.key = {QStringLiteral("new york"), QStringLiteral("1")};
    conflict.edit.column = 1;
    conflict.edit.original = QStringLiteral("Ada");
    conflict.edit.value = QStringLiteral("Grace");
    conflict.current = QStringLiteral("Edsger");
    ConflictDialog dialog({conflict});
    auto *table = dialog.findChild<QTableWidget *>();
    QVERIFY(table);
    const int currentColumn = 3;
    QCOMPARE(table->item(0, currentColumn)->text(), QStringLiteral("Edsger"));
    for (Theme::Mode mode : {Theme::Mode::Dark, Theme::Mode::Light}) {
        Theme::instance()->setMode(mode);
        const QColor ink = table->item(0, currentColumn)->foreground().color();
        QCOMPARE(ink, SemanticColors::foreground(SemanticColors::Role::Error));
        VERIFY_READABLE(ink, table->palette().color(QPalette::Base));
    }
}

void TestTheme::choicePersistsAndIsRestored()
{
    Theme::instance()->setMode(Theme::Mode::Dark);
    QCOMPARE(QSettings().value(QStringLiteral("appearance/theme")).toString(),
             QStringLiteral("dark"));
    QCOMPARE(Theme::storedMode(), Theme::Mode::Dark);

    // A new start: a new Theme reads the stored choice.
    delete Theme::instance();
    Theme *restored = Theme::instance();
    QCOMPARE(restored->mode(), Theme::Mode::Dark);
    restored->apply();
    QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 128);

    restored->setMode(Theme::Mode::System);
    QCOMPARE(QSettings().value(QStringLiteral("appearance/theme")).toString(),
             QStringLiteral("system"));
    delete Theme::instance();
    QCOMPARE(Theme::instance()->mode(), Theme::Mode::System);

    // Nonsense stored: System.
    QSettings().setValue(QStringLiteral("appearance/theme"), QStringLiteral("purple"));
    QCOMPARE(Theme::storedMode(), Theme::Mode::System);
}

void TestTheme::systemModeFollowsGtkTheme_data()
{
    QTest::addColumn<QByteArray>("gtkTheme");
    QTest::addColumn<bool>("dark");
    QTest::newRow("unset") << QByteArray() << false;
    QTest::newRow("Adwaita") << QByteArrayLiteral("Adwaita") << false;
    QTest::newRow("Adwaita:dark") << QByteArrayLiteral("Adwaita:dark") << true;
    QTest::newRow("Adwaita-dark") << QByteArrayLiteral("Adwaita-dark") << true;
    QTest::newRow("Darkness:light") << QByteArrayLiteral("Darkness:light") << false;
}

void TestTheme::systemModeFollowsGtkTheme()
{
    QFETCH(QByteArray, gtkTheme);
    QFETCH(bool, dark);
    // No session bus here: nothing may be printed about it.
    QTest::failOnWarning(QRegularExpression(QStringLiteral(".*")));
    if (gtkTheme.isEmpty())
        qunsetenv("GTK_THEME");
    else
        qputenv("GTK_THEME", gtkTheme);
    Theme *theme = Theme::instance();
    theme->setMode(Theme::Mode::System);
    QCOMPARE(theme->isDark(), dark);
    QCOMPARE(theme->systemPrefersDark().value_or(false), dark);
    QCOMPARE(QApplication::palette().color(QPalette::Window).lightness() < 128, dark);
    QCOMPARE(QApplication::palette().color(QPalette::Base).lightness() < 128, dark);
}

void TestTheme::portalValues()
{
    const auto wrapped = [](uint value) {
        return QVariant::fromValue(QDBusVariant(QVariant::fromValue(QDBusVariant(value))));
    };
    // Read() answers a variant in a variant; SettingChanged and ReadOne one variant.
    QCOMPARE(Theme::prefersDarkFromPortalValue(wrapped(1)), std::optional<bool>(true));
    QCOMPARE(Theme::prefersDarkFromPortalValue(wrapped(2)), std::optional<bool>(false));
    QCOMPARE(Theme::prefersDarkFromPortalValue(wrapped(0)), std::optional<bool>());
    QCOMPARE(Theme::prefersDarkFromPortalValue(QVariant::fromValue(QDBusVariant(1u))),
             std::optional<bool>(true));
    QCOMPARE(Theme::prefersDarkFromPortalValue(QVariant(2u)), std::optional<bool>(false));
    QCOMPARE(Theme::prefersDarkFromPortalValue(QVariant(QStringLiteral("dark"))),
             std::optional<bool>());
    QCOMPARE(Theme::prefersDarkFromPortalValue(QVariant()), std::optional<bool>());
}

void TestTheme::menuReflectsTheMode()
{
    Theme *theme = Theme::instance();
    AppearanceMenu menu(theme);
    QVERIFY(menu.lightAction()->isChecked());
    QVERIFY(!menu.darkAction()->isChecked());
    QVERIFY(menu.systemAction()->isCheckable() && menu.lightAction()->isCheckable() &&
            menu.darkAction()->isCheckable());

    // Changed elsewhere: the menu shows it.
    theme->setMode(Theme::Mode::Dark);
    QVERIFY(menu.darkAction()->isChecked());
    QVERIFY(!menu.lightAction()->isChecked());

    // Chosen in the menu: applied, stored, exclusive.
    menu.systemAction()->trigger();
    QCOMPARE(theme->mode(), Theme::Mode::System);
    QVERIFY(menu.systemAction()->isChecked());
    QVERIFY(!menu.darkAction()->isChecked());
    QCOMPARE(Theme::storedMode(), Theme::Mode::System);
    QVERIFY(QApplication::palette().color(QPalette::Window).lightness() >= 128);

    menu.darkAction()->trigger();
    QCOMPARE(theme->mode(), Theme::Mode::Dark);
    QCOMPARE(Theme::storedMode(), Theme::Mode::Dark);
    QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 128);
    QVERIFY(!menu.systemAction()->isChecked());

    // A second menu (a new window) starts with the stored mode checked.
    AppearanceMenu other(theme);
    QVERIFY(other.darkAction()->isChecked());
}

void TestTheme::mainWindowHasTheAppearanceMenu()
{
    Theme::instance()->setMode(Theme::Mode::Dark);
    MainWindow window;
    auto *menu = window.findChild<AppearanceMenu *>(QStringLiteral("appearanceMenu"));
    QVERIFY(menu);
    QVERIFY(menu->darkAction()->isChecked());
    // Beside Settings → Language.
    QMenu *settings = qobject_cast<QMenu *>(menu->menuAction()->associatedObjects().value(0));
    QVERIFY(settings);
    QStringList entries;
    for (QAction *action : settings->actions())
        entries << action->text();
    QVERIFY2(entries.contains(menu->title()), qPrintable(entries.join(u',')));
    menu->lightAction()->trigger();
    QCOMPARE(Theme::instance()->mode(), Theme::Mode::Light);
    QVERIFY(window.palette().color(QPalette::Window).lightness() >= 128);
}

QTEST_MAIN(TestTheme)
#include "tst_theme.moc"
