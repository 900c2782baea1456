#pragma once

#include "pg/ConnectionSettings.h"
#include "pg/ServerInfo.h"
#include "worker/TableSpec.h"

#include <QMainWindow>

#include <optional>

class BrowseWorker;
class ConnectionDialog;
class ConnectionSession;
class DemoControl;
class DemoHost;
class EditController;
class LiveController;
class WelcomePage;
class ConnectionStatusBar;
class DetailPane;
class QAction;
class QDockWidget;
class QLabel;
class QStackedWidget;
class QTabWidget;
class SqlPanel;
class TablePage;

// The main window. main.cpp creates it first (so that something shows at once), then calls
// connectTo() once the settings are known (for --demo: once the local server is up).
//
// It only assembles: the tabs are TablePages, the relations a DetailPane, the status bar a
// ConnectionStatusBar, exports a CsvExporter; the browse worker does the reading.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Starts a connection session on these settings; the window shows what it connected to,
    // or why it could not. With a session already open, the new one is tried beside it and
    // replaces it only once it works; failing, the window stays on the current one and says
    // why (connectionAttemptFailed). `journalKey` names the database in the journal of
    // pending edits when its address is not stable (the demo's port changes at each start);
    // empty: the address.
    void connectTo(const ConnectionSettings &settings, const QString &journalKey = {});
    ConnectionSession *session() const { return m_session; }
    // The embedded demo this window runs (main.cpp, when it starts one): offered in the
    // connection dialog while it runs, its server's end said with Restart demo.
    void setDemo(DemoHost *host, const QString &journalKey, bool deletedOnExit);
    DemoControl *demoControl() const { return m_demo; }
    // A message while there is nothing to connect to yet ("Starting the demo database…"),
    // or a fatal startup error.
    void showStartupMessage(const QString &message);
    // First run with nothing given: "Start a local demo database" (demoRequested) or
    // "Connect to a cluster" (the connection dialog), recent connections below.
    void showWelcome();

    TablePage *tablePage(BrowseTable table) const;
    TablePage *currentPage() const;
    void selectTable(BrowseTable table);
    DetailPane *detailPane() const { return m_detail; }
    ConnectionStatusBar *connectionStatus() const { return m_status; }
    BrowseWorker *browseWorker() const;
    SqlPanel *sqlPanel() const { return m_sqlPanel; }
    EditController *editController() const { return m_edits; }
    LiveController *liveController() const { return m_live; }
    // Exports the current tab's rows (all that match its filter) without asking for a
    // file name; the exporter reports through exportFinished.
    bool exportCurrentView(const QString &path, QString *error = nullptr);
    // Geometry, docks, the last table and each table's column widths (QSettings "window/").
    // Closing the window saves them; main() also does when it quits otherwise (a signal).
    void saveWindowState() const;

public Q_SLOTS:
    void exportInteractively();
    void reloadCurrent();
    void connectInteractively();
    void showAbout();
    void showShortcuts();

Q_SIGNALS:
    // Emitted once, when the first table first shows rows (the demo cold-start benchmark
    // and `--quit-when-ready` wait for it).
    void dataShown();
    void exportFinished(bool ok, const QString &message);
    void demoRequested();
    // A new connection tried beside the current session did not work (the current one
    // stays).
    void connectionAttemptFailed(const DbError &error);
    // The current session changed (a new connection replaced the old one, or the first).
    void sessionChanged();

protected:
    // Pending inline edits are never dropped silently: closing asks (a window-modal
    // question opened with open(), not a nested event loop; the window closes once answered).
    void closeEvent(QCloseEvent *event) override;

private:
    void restoreWindowState();
    // The filters of every page, under the database they were set on (SavedFilters).
    void saveFilters() const;
    void createActions();
    void activatePage(int index);
    void showDetails(BrowseTable table, int row);
    // Makes `session` the current one: the pages, details, status bar and edits use its
    // workers; the old session stops (asynchronously).
    void adopt(ConnectionSession *session);
    void onTrialFailed(ConnectionSession *trial, const DbError &error);
    // A connection dialog that offers the running demo and connects to what is accepted.
    ConnectionDialog *newConnectionDialog();
    void askBeforeClosing(int pending);
    // The connection dialog again, filled with `settings`, showing why they failed.
    void askToConnectAgain(const ConnectionSettings &settings, const QString &journalKey,
                           const DbError &error);

    QStackedWidget *m_stack;
    QLabel *m_startup;
    QTabWidget *m_tabs;
    QList<TablePage *> m_pages;
    DetailPane *m_detail;
    QDockWidget *m_detailDock;
    SqlPanel *m_sqlPanel;
    ConnectionStatusBar *m_status;
    QAction *m_followerReads = nullptr;
    ConnectionSession *m_session = nullptr; // the current one
    ConnectionSession *m_trial = nullptr;   // tried beside it, until it works or fails
    DemoControl *m_demo;
    bool m_closeAnswered = false; // the quit question was answered: close without asking
    EditController *m_edits = nullptr;
    LiveController *m_live = nullptr;
    QString m_databaseIdentity; // SavedFilters::databaseIdentity() of the current connection
    WelcomePage *m_welcome = nullptr;
    // The docks' layout while the welcome page hides them (empty: not on the welcome page).
    QByteArray m_stateBeforeWelcome;
    std::optional<ServerInfo> m_server;
    bool m_dataShown = false;
};
