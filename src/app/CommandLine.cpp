#include "CommandLine.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTranslator>

#include "movr/Cities.h"

#include <cmath>
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

// In namespace CommandLine so that lupdate files its messages under that context, as tr() does.
namespace CommandLine {
namespace {

// --certs-dir, for the window and the workload commands alike.
QCommandLineOption certsDirOption()
{
    return QCommandLineOption(QStringLiteral("certs-dir"),
                              tr("CockroachDB certificates directory (ca.crt, "
                                 "client.<user>.crt/.key)."),
                              tr("DIR"));
}

// The settings of `target` (a URL or key=value string), with the certificates of `certsDir`
// when it is given.
Result<ConnectionSettings, QString> connectionSettings(const QString &target,
                                                       const QCommandLineParser &parser,
                                                       const QCommandLineOption &certsDir)
{
    auto settings = ConnectionSettings::parse(target);
    if (!settings)
        return settings.error().message;
    if (parser.isSet(certsDir)) {
        if (auto applied = settings->applyCertsDirectory(parser.value(certsDir)); !applied)
            return applied.error().message;
    }
    return *settings;
}

// `workload run URL [flags]` and `workload check URL [flags]`; `arguments` starts with the
// program name, then "workload".
Result<CommandLineOptions, QString> parseWorkload(const QStringList &arguments,
                                                  const QString &databaseUrl)
{
    using Mode = CommandLineOptions::Mode;
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Run the MovR workload against a server through this application's retrying "
           "transactions (workload run), or check the MovR invariants (workload check)."));
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  tr("Show this help."));
    const QCommandLineOption certsDir = certsDirOption();
    const QCommandLineOption mix(
        QStringLiteral("mix"),
        tr("The operation mix: canonical (as cockroach workload run movr), steady (starts and "
           "ends of rides balanced) or writes (no reads). Default canonical."),
        tr("NAME"));
    const QCommandLineOption concurrency(QStringLiteral("concurrency"),
                                         tr("Sessions, each with its own connection (default "
                                            "2)."),
                                         tr("N"));
    const QCommandLineOption maxRate(QStringLiteral("max-rate"),
                                     tr("Operations per second over all sessions (default: no "
                                        "limit)."),
                                     tr("RATE"));
    const QCommandLineOption duration(
        QStringLiteral("duration"),
        tr("How long to run, for example 30s, 2m or 1h30m (default: until Ctrl+C)."),
        tr("DURATION"));
    const QCommandLineOption maxOps(QStringLiteral("max-ops"),
                                    tr("Stop after this many operations."), tr("N"));
    const QCommandLineOption ramp(QStringLiteral("ramp"),
                                  tr("Raise the rate linearly to --max-rate over this time."),
                                  tr("DURATION"));
    const QCommandLineOption seed(QStringLiteral("seed"),
                                  tr("Seed of the operation mix (default: a random seed, "
                                     "reported)."),
                                  tr("N"));
    const QCommandLineOption hotCity(QStringLiteral("hot-city"),
                                     tr("Send most writes to this city, on a few vehicles, so "
                                        "that transactions conflict."),
                                     tr("CITY"));
    const QCommandLineOption hotFraction(QStringLiteral("hot-fraction"),
                                         tr("The share of writes that go to the hot city, above "
                                            "0 and at most 1 (default 0.9)."),
                                         tr("FRACTION"));
    const QCommandLineOption tolerateErrors(QStringLiteral("tolerate-errors"),
                                            tr("Count unexpected errors and go on instead of "
                                               "stopping."));
    const QCommandLineOption json(QStringLiteral("json"),
                                  tr("Print one JSON object per line instead of text."));
    const QCommandLineOption check(QStringLiteral("check"),
                                   tr("After the run, check the MovR invariants."));
    parser.addOptions({help, certsDir, mix, concurrency, maxRate, duration, maxOps, ramp, seed,
                       hotCity, hotFraction, tolerateErrors, json, check});
    parser.addPositionalArgument(QStringLiteral("command"), tr("run or check."),
                                 QStringLiteral("run|check"));
    parser.addPositionalArgument(QStringLiteral("url"), tr("The server to use."),
                                 QStringLiteral("URL"));

    QStringList rest = arguments;
    rest.removeAt(1); // "workload"
    if (!parser.parse(rest))
        return parser.errorText() + tr(" (see workload --help)");

    CommandLineOptions options;
    if (parser.isSet(help)) {
        options.mode = Mode::Help;
        // The usage line names the program as given, then "workload" (the parser would name
        // the application object's executable, or none before there is one).
        QString text = parser.helpText();
        const qsizetype usage = text.indexOf(QLatin1String(": ")) + 2;
        const qsizetype end = text.indexOf(QLatin1String(" [options]"), usage);
        if (usage >= 2 && end > usage)
            text.replace(usage, end - usage,
                         QFileInfo(arguments.first()).fileName() + QStringLiteral(" workload"));
        options.text = text;
        return options;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty())
        return tr("workload needs a command: run or check (see workload --help).");
    const QString command = positional.first();
    if (command == QLatin1String("run"))
        options.mode = Mode::WorkloadRun;
    else if (command == QLatin1String("check"))
        options.mode = Mode::WorkloadCheck;
    else
        return tr("Unknown workload command \"%1\": use run or check.").arg(command);
    if (positional.size() > 2)
        return tr("Too many arguments: give at most one URL (see workload --help).");
    const QString target = positional.size() == 2 ? positional.at(1) : databaseUrl;
    if (target.trimmed().isEmpty())
        return tr("workload %1 needs a URL (an argument or DATABASE_URL).").arg(command);
    auto settings = connectionSettings(target, parser, certsDir);
    if (!settings)
        return settings.error();
    options.settings = *settings;
    options.workload.settings = *settings;
    options.workloadJson = parser.isSet(json);

    if (options.mode == Mode::WorkloadCheck) {
        for (const QCommandLineOption &runOnly :
             {mix, concurrency, maxRate, duration, maxOps, ramp, seed, hotCity, hotFraction,
              tolerateErrors, check}) {
            if (parser.isSet(runOnly))
                return tr("--%1 is only meaningful with workload run.")
                    .arg(runOnly.names().first());
        }
        return options;
    }

    WorkloadConfig &config = options.workload;
    if (parser.isSet(mix)) {
        const auto parsed = parseWorkloadMix(parser.value(mix));
        if (!parsed)
            return tr("--mix must be one of %1, not \"%2\".")
                .arg(workloadMixNames().join(QStringLiteral(", ")), parser.value(mix));
        config.mix = *parsed;
    }
    if (parser.isSet(concurrency)) {
        bool ok = false;
        const int value = parser.value(concurrency).toInt(&ok);
        if (!ok || value < 1 || value > 10000)
            return tr("--concurrency must be a whole number from 1 to 10000, not \"%1\".")
                .arg(parser.value(concurrency));
        config.concurrency = value;
    }
    if (parser.isSet(maxRate)) {
        bool ok = false;
        const double value = parser.value(maxRate).toDouble(&ok);
        if (!ok || !std::isfinite(value) || value <= 0)
            return tr("--max-rate must be a number of operations per second above 0, not "
                      "\"%1\".")
                .arg(parser.value(maxRate));
        config.maxRate = value;
    }
    if (parser.isSet(duration)) {
        const auto value = CommandLine::parseDuration(parser.value(duration));
        if (!value)
            return tr("--duration must be a duration such as 30s, 2m or 1h30m, not \"%1\".")
                .arg(parser.value(duration));
        config.duration = *value;
    }
    if (parser.isSet(ramp)) {
        const auto value = CommandLine::parseDuration(parser.value(ramp));
        if (!value)
            return tr("--ramp must be a duration such as 30s, 2m or 1h30m, not \"%1\".")
                .arg(parser.value(ramp));
        config.ramp = *value;
    }
    if (parser.isSet(maxOps)) {
        bool ok = false;
        const qint64 value = parser.value(maxOps).toLongLong(&ok);
        if (!ok || value < 1)
            return tr("--max-ops must be a whole number above 0, not \"%1\".")
                .arg(parser.value(maxOps));
        config.maxOps = value;
    }
    if (parser.isSet(seed)) {
        bool ok = false;
        config.seed = parser.value(seed).toULongLong(&ok);
        if (!ok)
            return tr("--seed must be a non-negative whole number, not \"%1\".")
                .arg(parser.value(seed));
    }
    if (parser.isSet(hotCity)) {
        if (!Cities::isKnown(parser.value(hotCity)))
            return tr("--hot-city must be one of the MovR cities (%1), not \"%2\".")
                .arg(Cities::names().join(QStringLiteral(", ")), parser.value(hotCity));
        config.hotCity = parser.value(hotCity);
    }
    if (parser.isSet(hotFraction)) {
        if (!parser.isSet(hotCity))
            return tr("--hot-fraction needs --hot-city.");
        bool ok = false;
        const double value = parser.value(hotFraction).toDouble(&ok);
        if (!ok || !(value > 0 && value <= 1))
            return tr("--hot-fraction must be a number above 0 and at most 1, not \"%1\".")
                .arg(parser.value(hotFraction));
        config.hotFraction = value;
    }
    config.tolerateErrors = parser.isSet(tolerateErrors);
    options.workloadCheck = parser.isSet(check);
    return options;
}

} // namespace

std::optional<std::chrono::milliseconds> parseDuration(const QString &text)
{
    // As Go's time.ParseDuration, which cockroach's --duration uses, without the units below a
    // millisecond: number-unit pairs, "0" alone allowed.
    if (text == QLatin1String("0"))
        return std::chrono::milliseconds(0);
    static const QRegularExpression pair(QStringLiteral("(\\d+(?:\\.\\d+)?)(ms|h|m|s)"));
    double total = 0;
    qsizetype at = 0;
    if (text.isEmpty())
        return std::nullopt;
    while (at < text.size()) {
        const auto match = pair.match(text, at, QRegularExpression::NormalMatch,
                                      QRegularExpression::AnchorAtOffsetMatchOption);
        if (!match.hasMatch())
            return std::nullopt;
        const double number = match.captured(1).toDouble();
        const QString unit = match.captured(2);
        const double factor = unit == QLatin1String("h")   ? 3600000.0
                              : unit == QLatin1String("m") ? 60000.0
                              : unit == QLatin1String("s") ? 1000.0
                                                           : 1.0;
        total += number * factor;
        at = match.capturedEnd(0);
    }
    // At most a year: beyond that the text is surely a mistake.
    if (!std::isfinite(total) || total > 366.0 * 24 * 3600000.0)
        return std::nullopt;
    return std::chrono::milliseconds(qint64(std::llround(total)));
}

void useCatalog(const QTranslator *translator)
{
    catalog = translator;
}

Result<CommandLineOptions, QString> parse(const QStringList &givenArguments,
                                          const QString &databaseUrl)
{
    if (givenArguments.size() > 1 && givenArguments.at(1) == QLatin1String("workload"))
        return parseWorkload(givenArguments, databaseUrl);
    // --with-load takes its rate only as --with-load=RATE: a bare --with-load is given the
    // empty value (the default rate), so that QCommandLineParser does not take the next
    // argument as its value.
    QStringList arguments = givenArguments;
    for (QString &argument : arguments) {
        if (argument == QLatin1String("--with-load") || argument == QLatin1String("-with-load"))
            argument = QStringLiteral("--with-load=");
    }
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
    const QCommandLineOption certsDir = certsDirOption();
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
    const QCommandLineOption withLoad(
        QStringLiteral("with-load"),
        tr("With --demo: run the MovR workload (the steady mix) on the demo at RATE operations "
           "per second (--with-load alone: %1).")
            .arg(kDefaultWithLoadRate),
        tr("RATE"));
    QCommandLineOption quitWhenReady(QStringLiteral("quit-when-ready"));
    quitWhenReady.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({help, version, url, certsDir, demo, demoDir, demoSecure, initMovr, drop,
                       multiRegion, seed, withLoad, quitWhenReady});
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
    parser.addPositionalArgument(
        QStringLiteral("workload"),
        tr("workload run URL [flags] runs the MovR workload, workload check URL checks the "
           "MovR invariants, with no window (see workload --help)."),
        QStringLiteral("| workload run|check URL"));

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
    if (parser.isSet(withLoad)) {
        if (!wantsDemo || options.mode != CommandLineOptions::Mode::Demo)
            return tr("--with-load is only meaningful with --demo.");
        const QString text = parser.value(withLoad);
        double rate = kDefaultWithLoadRate;
        if (!text.isEmpty()) {
            bool ok = false;
            rate = text.toDouble(&ok);
            if (!ok || !std::isfinite(rate) || rate <= 0)
                return tr("--with-load must be a number of operations per second above 0, "
                          "not \"%1\".")
                    .arg(text);
        }
        options.withLoadRate = rate;
    }

    if (options.mode == CommandLineOptions::Mode::Connect ||
        options.mode == CommandLineOptions::Mode::InitMovr) {
        auto settings = connectionSettings(target, parser, certsDir);
        if (!settings)
            return settings.error();
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
