#include "MainWindow.h"

#include <QLabel>

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent)
{
    setWindowTitle(tr("MovR Admin"));
    setCentralWidget(new QLabel(tr("Not connected."), this));
    resize(1200, 800);
}

MainWindow::~MainWindow() = default;

void MainWindow::connectTo(const ConnectionSettings &settings)
{
    setWindowTitle(tr("MovR Admin — %1").arg(settings.displayName()));
}

void MainWindow::showStartupMessage(const QString &message)
{
    if (auto *label = qobject_cast<QLabel *>(centralWidget()))
        label->setText(message);
}
