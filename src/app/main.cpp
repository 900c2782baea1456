#include "CommandLine.h"
#include "DemoHost.h"
#include "MainWindow.h"
#include "StopSignals.h"
#include "Theme.h"
#include "Translations.h"
#include "WorkloadCli.h"
#include "WorkloadDock.h"

#include "demo/LocalServer.h"
#include "movr/MovrLoader.h"
#include "pg/PgConnection.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QIcon>
#include <QSocketNotifier>
#include <QTranslator>

#include <csignal>
#include <cstdio>
#include <ctime>
#include <fcntl.h>
#include <unistd.h>

namespace {

void printError(const QString &message)
{
    QString line = message.simplified(); // one line, whatever the message
    std::fprintf(stderr, "movr-admin: %s\n", line.toLocal8Bit().constData());
    std::fflush(stderr);
}

void printOut(const QString &message)
{
    std::fprintf(stdout, "movr-admin: %s\n", message.toLocal8Bit().constData());
    std::fflush(stdout);
}

// Milliseconds since this process started (the kernel's start time, so the figure includes
// loading the executable and its libraries).
qint64 millisecondsSinceProcessStart()
{
    QFile stat(QStringLiteral("/proc/self/stat"));
    timespec now{};
    if (!stat.open(QIODevice::ReadOnly) || ::clock_gettime(CLOCK_BOOTTIME, &now) != 0)
        return -1;
    const QByteArray text = stat.readAll();
    // Field 22 (starttime, clock ticks since boot) counted after the ")" ending field 2.
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 20)
        return -1;
    const double ticks = double(::sysconf(_SC_CLK_TCK));
    const double started = fields.at(19).toDouble() / ticks;
    const double elapsed = double(now.tv_sec) + double(now.tv_nsec) / 1e9 - started;
    return qint64(elapsed * 1000);
}

int initMovr(const CommandLineOptions &options)
{
    auto connection = PgConnection::open(options.settings);
    if (!connection) {
        printError(QObject::tr("cannot connect to %1: %2")
                       .arg(options.settings.displayName(), connection.error().toString()));
        return 1;
    }
    MovrLoadOptions load;
    load.existingTables = options.drop ? MovrLoadOptions::ExistingTables::Drop
                                       : MovrLoadOptions::ExistingTables::Refuse;
    if (options.multiRegion)
        load.layout = Schema::Layout::MultiRegion;
    QElapsedTimer timer;
    timer.start();
    const Status loaded = MovrLoader::initialize(
        **connection, DataGenerator(options.demo.counts, options.demo.seed), load);
    if (!loaded) {
        printError(loaded.error().toString());
        return 1;
    }
    printOut(QObject::tr("loaded %1 rows of MovR data into %2 (%3) in %4 ms")
                 .arg(options.demo.counts.total())
                 .arg(options.settings.displayName(), (*connection)->serverInfo().displayName())
                 .arg(timer.elapsed()));
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    // --help and command-line errors in the user's language, before any application object.
    // Settings in ~/.config/movr-admin/movr-admin.conf, data in ~/.local/share/movr-admin/.
    QCoreApplication::setOrganizationName(QStringLiteral("movr-admin"));
    QCoreApplication::setApplicationName(QStringLiteral("movr-admin"));
    QTranslator commandLineCatalog;
    if (Translations::loadCatalog(commandLineCatalog, Translations::effectiveLanguage()))
        CommandLine::useCatalog(&commandLineCatalog);
    auto parsed = CommandLine::parse(arguments, qEnvironmentVariable("DATABASE_URL"));
    CommandLine::useCatalog(nullptr);
    if (!parsed) {
        printError(parsed.error());
        return 2;
    }
    const CommandLineOptions &options = *parsed;
    // Nothing on the command line and no DATABASE_URL: the welcome page, not a demo started
    // unasked.
    const bool nothingGiven = argc == 1 && qEnvironmentVariable("DATABASE_URL").trimmed().isEmpty();
    switch (options.mode) {
    case CommandLineOptions::Mode::Help:
    case CommandLineOptions::Mode::Version:
        std::fputs(options.text.toLocal8Bit().constData(), stdout);
        return 0;
    case CommandLineOptions::Mode::InitMovr: {
        QCoreApplication app(argc, argv);
        Translations::install(app);
        return initMovr(options);
    }
    case CommandLineOptions::Mode::WorkloadRun:
    case CommandLineOptions::Mode::WorkloadCheck: {
        // Headless: no window, no display needed.
        QCoreApplication app(argc, argv);
        Translations::install(app);
        ::signal(SIGPIPE, SIG_IGN);
        return options.mode == CommandLineOptions::Mode::WorkloadRun ? WorkloadCli::run(options)
                                                                     : WorkloadCli::check(options);
    }
    case CommandLineOptions::Mode::Demo:
        // Cheap checks first, before any window: missing binaries name the package. (With
        // nothing given the welcome page comes first; a demo started from there reports
        // the same error in the window.)
        if (auto binaries = LocalServer::binaryDirectory(); !binaries && !nothingGiven) {
            printError(binaries.error().message);
            return 1;
        }
        break;
    case CommandLineOptions::Mode::Connect:
        break;
    }

    QApplication app(argc, argv);
    QApplication::setApplicationVersion(QStringLiteral(MOVR_VERSION));
    // The window icon in every size, and the desktop entry it belongs to (Wayland shells
    // find the icon and the launcher through it).
    QIcon icon;
    for (const int size : {16, 32, 48, 64, 128, 256})
        icon.addFile(QStringLiteral(":/icons/movr-admin-%1.png").arg(size), QSize(size, size));
    icon.addFile(QStringLiteral(":/icons/movr-admin.svg"));
    QApplication::setWindowIcon(icon);
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.movr_admin.MovrAdmin"));
    Translations::install(app);
    Theme::instance()->apply(); // before the first window: no flash of the wrong palette

    // SIGINT, SIGTERM and SIGHUP end the event loop cleanly (so the demo server stops and its
    // files are removed).
    StopSignals stopSignals({SIGINT, SIGTERM, SIGHUP});
    if (!stopSignals.installed()) {
        printError(QObject::tr("cannot install signal handlers"));
        return 1;
    }
    ::signal(SIGPIPE, SIG_IGN);
    QSocketNotifier signalNotifier(stopSignals.fd(), QSocketNotifier::Read);
    QObject::connect(&signalNotifier, &QSocketNotifier::activated, &app, [&app, &stopSignals] {
        stopSignals.drain();
        app.quit();
    });

    MainWindow window;
    if (options.quitWhenReady) {
        QObject::connect(&window, &MainWindow::dataShown, &app, [&app] {
            std::fprintf(stderr, "movr-admin: data shown %lld ms after process start\n",
                         static_cast<long long>(millisecondsSinceProcessStart()));
            std::fflush(stderr);
            app.quit();
        });
    }
    window.show();

    int exitCode = 0;
    std::unique_ptr<DemoHost> demo;
    const auto startDemo = [&] {
        if (demo)
            return;
        window.showStartupMessage(QObject::tr("Starting the demo database…"));
        demo = std::make_unique<DemoHost>();
        QObject::connect(
            demo.get(), &DemoHost::progress, &window, [&window](qint64 done, qint64 total) {
                window.showStartupMessage(
                    QObject::tr("Loading MovR data… %1%").arg(total > 0 ? done * 100 / total : 0));
            });
        // The demo's port changes at each start: its pending edits are journaled under the
        // directory that holds it (a --demo-dir is the same database next time).
        const QString journalKey =
            QStringLiteral("demo:") + (options.demo.directory.isEmpty()
                                           ? QStringLiteral("temporary")
                                           : QFileInfo(options.demo.directory).absoluteFilePath());
        window.setDemo(demo.get(), journalKey, options.demo.directory.isEmpty());
        QObject::connect(
            demo.get(), &DemoHost::ready, &window,
            [&window, journalKey, withLoad = options.withLoadRate](
                const ConnectionSettings &settings, const QString &url) {
                printOut(QObject::tr("demo database ready: %1").arg(url));
                // A secure demo: what a secure cluster's user gives, a URL and --certs-dir
                // (the directory of sslrootcert: ca.crt, client.<user>.crt/.key).
                if (!settings.value(QStringLiteral("sslcert")).isEmpty()) {
                    ConnectionSettings plain = settings;
                    for (const char *keyword : {"sslmode", "sslrootcert", "sslcert", "sslkey"})
                        plain.remove(QLatin1String(keyword));
                    const QString certs =
                        QFileInfo(settings.value(QStringLiteral("sslrootcert"))).absolutePath();
                    printOut(QObject::tr("demo certificates directory: %1 (connect with --url "
                                         "%2 --certs-dir %1)")
                                 .arg(certs, plain.toUrl()));
                }
                window.connectTo(settings, journalKey);
                // --with-load[=RATE]: the steady mix in the Workload dock once connected.
                if (withLoad)
                    window.findChild<WorkloadDock *>()->startWithLoad(*withLoad);
            });
        QObject::connect(demo.get(), &DemoHost::failed, &app, [&](const QString &message) {
            printError(QObject::tr("the demo database did not start: %1").arg(message));
            window.showStartupMessage(
                QObject::tr("The demo database did not start: %1").arg(message));
            exitCode = 1;
            if (options.quitWhenReady)
                app.exit(1);
        });
        demo->start(options.demo);
    };
    if (options.mode == CommandLineOptions::Mode::Demo && nothingGiven) {
        // First run, nothing configured: the welcome page offers the demo or a cluster.
        QObject::connect(&window, &MainWindow::demoRequested, &app, startDemo);
        window.showWelcome();
    } else if (options.mode == CommandLineOptions::Mode::Demo) {
        startDemo();
    } else {
        window.connectTo(options.settings);
    }

    const int loopCode = app.exec();
    // Quit by Ctrl+C or SIGTERM: the window was not closed, so its layout is saved here.
    if (window.isVisible() && !options.quitWhenReady)
        window.saveWindowState();
    window.hide();
    if (demo) {
        demo->requestShutdown();
        if (!demo->wait(60000))
            printError(QObject::tr("the demo database did not stop within 60 s"));
    }
    return exitCode != 0 ? exitCode : loopCode;
}
