#include "CommandLine.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QTranslator>

#include <limits>

namespace {

const QTranslator *catalog = nullptr;

QString tr(const char *text)
{
    if (catalog) {
        const QString translated = catalog->translate("CommandLine", text);
        if (!translated.isEmpty())
            return translated;
    }
    return QCoreApplication::translate("CommandLine", text);
}

struct CountOption
{
    const char *name;
    qint64 MovrCounts::*field;
};

const CountOption CountOptions[] = {
    {"num-users", &MovrCounts::users},
    {"num-vehicles", &MovrCounts::vehicles},
    {"num-rides", &MovrCounts::rides},
    {"num-histories", &MovrCounts::histories},
    {"num-promo-codes", &MovrCounts::promoCodes},
};

} // namespace

namespace CommandLine {

void useCatalog(const QTranslator *translator)
{
    catalog = translator;
}

Result<CommandLineOptions, QString> parse(const QStringList &arguments, const QString &databaseUrl)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Administer CockroachDB's MovR sample database (also on PostgreSQL).\n"
           "With no URL, no DATABASE_URL and no option, opens a welcome page that starts a demo "
           "database or connects to a cluster; --demo starts the demo at once."));
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  tr("Show this help."));
    const QCommandLineOption version(QStringLiteral("version"), tr("Show the version."));
    const QCommandLineOption url(QStringLiteral("url"),
                                 tr("Connect to this server (postgresql:// or cockroachdb:// URL, "
                                    "or libpq key=value string)."),
                                 tr("URL"));
    const QCommandLineOption certsDir(QStringLiteral("certs-dir"),
                                      tr("CockroachDB certificates directory (ca.crt, "
                                         "client.<user>.crt/.key)."),
                                      tr("DIR"));
    const QCommandLineOption demo(QStringLiteral("demo"),
                                  tr("Start an embedded demo database (a private PostgreSQL "
                                     "with generated MovR data)."));
    const QCommandLineOption demoDir(QStringLiteral("demo-dir"),
                                     tr("Keep the demo database in DIR between runs."), tr("DIR"));
    const QCommandLineOption demoSecure(
        QStringLiteral("demo-secure"),
        tr("Serve the demo like a secure cluster: TLS only, the user authenticated by a client "
           "certificate made in the demo's certs folder (ca.crt, client.<user>.crt/.key), no "
           "password."));
    const QCommandLineOption initMovr(QStringLiteral("init-movr"),
                                      tr("Create the MovR schema on the server at URL, load "
                                         "generated data and exit."),
                                      tr("URL"));
    const QCommandLineOption drop(QStringLiteral("drop"),
                                  tr("With --init-movr: replace existing MovR tables."));
    const QCommandLineOption multiRegion(
        QStringLiteral("multi-region"),
        tr("With --init-movr: create the multi-region MovR schema, as cockroach workload init "
           "movr --multi-region does."));
    const QCommandLineOption seed(QStringLiteral("seed"),
                                  tr("Seed of the data generator (default 1)."), tr("N"),
                                  QStringLiteral("1"));
    QCommandLineOption quitWhenReady(QStringLiteral("quit-when-ready"));
    quitWhenReady.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({help, version, url, certsDir, demo, demoDir, demoSecure, initMovr, drop,
                       multiRegion, seed, quitWhenReady});
    const MovrCounts defaults;
    QList<QCommandLineOption> counts;
    for (const CountOption &count : CountOptions) {
        counts.append(QCommandLineOption(QString::fromLatin1(count.name),
                                         tr("Rows to generate (at least %1; default %2).")
                                             .arg(MovrCounts::MinimumCount)
                                             .arg(defaults.*count.field),
                                         tr("N")));
        parser.addOption(counts.last());
    }
    parser.addPositionalArgument(QStringLiteral("url"), tr("Connect to this server."),
                                 QStringLiteral("[URL]"));

    if (!parser.parse(arguments))
        return parser.errorText() + tr(" (see --help)");

    CommandLineOptions options;
    if (parser.isSet(help)) {
        options.mode = CommandLineOptions::Mode::Help;
        // Parsed before the application object exists, the parser does not know its name.
        options.text = parser.helpText().replace(QLatin1String("<executable_name>"),
                                                 arguments.isEmpty()
                                                     ? QStringLiteral("movr-admin")
                                                     : QFileInfo(arguments.first()).fileName());
        return options;
    }
    if (parser.isSet(version)) {
        options.mode = CommandLineOptions::Mode::Version;
        options.text = QStringLiteral("movr-admin %1\n").arg(QStringLiteral(MOVR_VERSION));
        return options;
    }

    for (qsizetype i = 0; i < counts.size(); ++i) {
        if (!parser.isSet(counts.at(i)))
            continue;
        const QString text = parser.value(counts.at(i));
        bool ok = false;
        const qint64 value = text.toLongLong(&ok);
        if (!ok)
            return tr("--%1 must be a whole number, not \"%2\".")
                .arg(QLatin1String(CountOptions[i].name), text);
        if (value < MovrCounts::MinimumCount)
            return tr("--%1 must be at least %2 (one row per city), not %3.")
                .arg(QLatin1String(CountOptions[i].name))
                .arg(MovrCounts::MinimumCount)
                .arg(value);
        if (value > 1000000000)
            return tr("--%1 must be at most 1000000000, not %2.")
                .arg(QLatin1String(CountOptions[i].name))
                .arg(value);
        options.demo.counts.*CountOptions[i].field = value;
    }
    {
        bool ok = false;
        const QString text = parser.value(seed);
        options.demo.seed = text.toULongLong(&ok);
        if (!ok)
            return tr("--seed must be a non-negative whole number, not \"%1\".").arg(text);
    }
    options.demo.directory = parser.value(demoDir);
    options.demo.secure = parser.isSet(demoSecure);
    options.drop = parser.isSet(drop);
    options.multiRegion = parser.isSet(multiRegion);
    options.quitWhenReady = parser.isSet(quitWhenReady);

    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1)
        return tr("Too many arguments: give at most one URL (see --help).");
    if (!positional.isEmpty() && parser.isSet(url))
        return tr("Give the URL either as an argument or with --url, not both.");

    QString target = positional.isEmpty() ? parser.value(url) : positional.first();
    const bool wantsDemo = parser.isSet(demo) || parser.isSet(demoDir) || parser.isSet(demoSecure);
    if (parser.isSet(initMovr)) {
        if (wantsDemo || !target.isEmpty())
            return tr("--init-movr cannot be combined with --demo, --demo-dir, --demo-secure or "
                      "a URL.");
        options.mode = CommandLineOptions::Mode::InitMovr;
        target = parser.value(initMovr);
        if (target.trimmed().isEmpty())
            return tr("--init-movr needs a URL.");
    } else if (wantsDemo) {
        if (!target.isEmpty())
            return tr("--demo cannot be combined with a URL.");
        options.mode = CommandLineOptions::Mode::Demo;
    } else if (!target.isEmpty()) {
        options.mode = CommandLineOptions::Mode::Connect;
    } else if (!databaseUrl.trimmed().isEmpty()) {
        options.mode = CommandLineOptions::Mode::Connect;
        target = databaseUrl;
    } else {
        options.mode = CommandLineOptions::Mode::Demo;
    }
    if (options.drop && options.mode != CommandLineOptions::Mode::InitMovr)
        return tr("--drop is only meaningful with --init-movr.");
    if (options.multiRegion && options.mode != CommandLineOptions::Mode::InitMovr)
        return tr("--multi-region is only meaningful with --init-movr.");

    if (options.mode == CommandLineOptions::Mode::Connect ||
        options.mode == CommandLineOptions::Mode::InitMovr) {
        auto settings = ConnectionSettings::parse(target);
        if (!settings)
            return settings.error().message;
        if (parser.isSet(certsDir)) {
            if (auto applied = settings->applyCertsDirectory(parser.value(certsDir)); !applied)
                return applied.error().message;
        }
        options.settings = *settings;
    } else if (parser.isSet(certsDir)) {
        return tr("--certs-dir needs a URL to connect to.");
    }
    if (options.mode == CommandLineOptions::Mode::Demo) {
        if (const QString bad = DemoDatabase::checkDirectory(options.demo.directory);
            !bad.isEmpty())
            return bad;
    }
    return options;
}

} // namespace CommandLine
