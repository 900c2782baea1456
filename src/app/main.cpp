#include <QApplication>
#include <QCommandLineParser>
#include <QLabel>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("movr-admin"));
    QApplication::setApplicationVersion(QStringLiteral(MOVR_VERSION));
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addVersionOption();
    parser.process(app);
    QLabel label(QObject::tr("MovR Admin"));
    label.show();
    return app.exec();
}
