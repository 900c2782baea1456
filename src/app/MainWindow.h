#pragma once

#include "pg/ConnectionSettings.h"

#include <QMainWindow>

// The main window. main.cpp creates it first (so that something shows at once), then calls
// connectTo() once the settings are known (for --demo: once the local server is up).
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Starts the workers on these settings; the window shows what it connected to, or why
    // it could not.
    void connectTo(const ConnectionSettings &settings);
    // A message while there is nothing to connect to yet ("Starting the demo database…"),
    // or a fatal startup error.
    void showStartupMessage(const QString &message);

Q_SIGNALS:
    // Emitted once, when the first table first shows rows (the demo cold-start benchmark
    // and `--quit-when-ready` wait for it).
    void dataShown();
};
