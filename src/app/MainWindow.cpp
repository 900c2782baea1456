#include "MainWindow.h"

#include "AboutDialog.h"
#include "AppearanceMenu.h"
#include "ConnectionDialog.h"
#include "ConnectionSession.h"
#include "ConnectionStatusBar.h"
#include "CsvExporter.h"
#include "DemoControl.h"
#include "DetailPane.h"
#include "EditController.h"
#include "LanguageMenu.h"
#include "LiveController.h"
#include "SavedFilters.h"
#include "ShortcutsDialog.h"
#include "SqlPanel.h"
#include "TablePage.h"
#include "Theme.h"
#include "WelcomePage.h"
#include "WindowFit.h"
#include "WorkloadDock.h"
#include "models/BrowseTableModel.h"
#include "models/PendingChanges.h"
#include "worker/BrowseWorker.h"

#include <QAction>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_stack(new QStackedWidget(this)), m_startup(new QLabel(this)),
      m_tabs(new QTabWidget(this)), m_detail(new DetailPane(this)),
      m_detailDock(new QDockWidget(tr("Details"), this)), m_sqlPanel(new SqlPanel(this)),
      m_status(new ConnectionStatusBar(this)), m_demo(new DemoControl(m_status, this))
{
    BrowseWorker::registerMetaTypes();
    setWindowTitle(tr("MovR Admin"));
    m_startup->setAlignment(Qt::AlignCenter);
    m_startup->setWordWrap(true);
    m_startup->setText(tr("Not connected."));
    m_stack->addWidget(m_startup);
    m_stack->addWidget(m_tabs);
    setCentralWidget(m_stack);

    m_tabs->setObjectName(QStringLiteral("tables"));
    m_tabs->setDocumentMode(true);
    for (BrowseTable table : TableSpec::browsable()) {
        auto *page = new TablePage(table, m_tabs);
        m_pages.append(page);
        m_tabs->addTab(page, TableSpec::of(table).title);
        connect(page, &TablePage::currentRowChanged, this, [this](BrowseTable table, int row) {
            if (row >= 0)
                showDetails(table, row);
        });
        connect(page, &TablePage::rowActivated, this, [this](BrowseTable table, int row) {
            showDetails(table, row);
            m_detailDock->show();
            m_detailDock->raise();
            // Enter again follows the first relation's link.
            const QStringList sections = m_detail->sectionNames();
            if (!sections.isEmpty())
                if (QTableView *view = m_detail->sectionView(sections.first()))
                    view->setFocus(Qt::OtherFocusReason);
        });
        connect(page, &TablePage::firstRowsShown, this, [this] {
            if (!m_dataShown) {
                m_dataShown = true;
                Q_EMIT dataShown();
            }
        });
        connect(page, &TablePage::exportRequested, this, &MainWindow::exportInteractively);
    }
    connect(m_tabs, &QTabWidget::currentChanged, this, &MainWindow::activatePage);

    m_detailDock->setObjectName(QStringLiteral("detailDock"));
    m_detailDock->setWidget(m_detail);
    m_detailDock->setMinimumWidth(300);
    addDockWidget(Qt::RightDockWidgetArea, m_detailDock);
    m_sqlPanel->setObjectName(QStringLiteral("sqlPanel"));
    addDockWidget(Qt::BottomDockWidgetArea, m_sqlPanel);
    m_sqlPanel->hide();

    setStatusBar(m_status);
    m_edits = new EditController(this);
    m_live = new LiveController(this); // after the pages, details and status bar
    createActions();
    QSize size(1400, 860);
    if (const QScreen *screen = this->screen())
        size = size.boundedTo(screen->availableGeometry().size() * 0.95);
    resize(size);
    restoreWindowState();
    new WindowFit(this, m_detailDock); // on the screen, the details a proportion of it
}

void MainWindow::saveWindowState() const
{
    QSettings settings;
    settings.beginGroup(QStringLiteral("window"));
    settings.setValue(QStringLiteral("geometry"), saveGeometry());
    settings.setValue(QStringLiteral("state"),
                      m_stateBeforeWelcome.isEmpty() ? saveState() : m_stateBeforeWelcome);
    settings.setValue(QStringLiteral("table"),
                      TableSpec::of(m_pages.at(m_tabs->currentIndex())->table()).sqlName);
    for (TablePage *page : m_pages) {
        const QString name = TableSpec::of(page->table()).sqlName;
        settings.setValue(QStringLiteral("columns/") + name, page->columnState());
    }
    settings.remove(QStringLiteral("filters")); // before 2026-12: one filter for every database
    settings.endGroup();
    saveFilters();
}

void MainWindow::saveFilters() const
{
    if (m_databaseIdentity.isEmpty())
        return;
    for (TablePage *page : m_pages)
        SavedFilters::save(m_databaseIdentity, TableSpec::of(page->table()).sqlName,
                           page->filterState());
}

void MainWindow::restoreWindowState()
{
    QSettings settings;
    settings.beginGroup(QStringLiteral("window"));
    restoreGeometry(settings.value(QStringLiteral("geometry")).toByteArray());
    if (!restoreState(settings.value(QStringLiteral("state")).toByteArray())) {
        // First start: the details a third of the window (wide enough for a whole UUID on
        // one line from 1250 px; at its 300 px minimum the pane scrolls sideways), the tables
        // keep the rest.
        resizeDocks({m_detailDock},
                    {WindowFit::detailsWidth(width(), m_detailDock->minimumWidth())},
                    Qt::Horizontal);
    }
    const QString table = settings.value(QStringLiteral("table")).toString();
    for (int i = 0; i < m_pages.size(); ++i) {
        const QString name = TableSpec::of(m_pages.at(i)->table()).sqlName;
        m_pages.at(i)->restoreColumnState(
            settings.value(QStringLiteral("columns/") + name).toByteArray());
        // The filters belong to a database: restored in connectTo().
        if (name == table)
            m_tabs->setCurrentIndex(i);
    }
    settings.endGroup();
}

MainWindow::~MainWindow()
{
    // The models forget their client ids first, then the worker stops (bounded).
    for (TablePage *page : std::as_const(m_pages))
        page->setWorker(nullptr);
    m_detail->setWorker(nullptr);
    m_status->setWorker(nullptr);
    // The sessions stop their workers asynchronously (WorkerBase::shutdownAndDelete).
    delete m_trial;
    delete m_session;
}

BrowseWorker *MainWindow::browseWorker() const
{
    return m_session ? m_session->browseWorker() : nullptr;
}

void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *connectAction = file->addAction(tr("&Connect to a cluster…"));
    connectAction->setShortcut(QKeySequence::Open);
    connect(connectAction, &QAction::triggered, this, &MainWindow::connectInteractively);
    file->addAction(m_demo->restartAction());
    QAction *exportAction = file->addAction(tr("&Export view to CSV…"));
    exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    connect(exportAction, &QAction::triggered, this, &MainWindow::exportInteractively);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *copy = edit->addAction(tr("&Copy rows"));
    copy->setShortcut(QKeySequence::Copy);
    // Ctrl+C copies rows only while the focus is in the tables: elsewhere (the detail pane's
    // values, the SQL panel) it stays the focused widget's own copy.
    copy->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_tabs->addAction(copy);
    connect(copy, &QAction::triggered, this, [this] {
        if (TablePage *page = currentPage())
            page->copySelection();
    });
    QAction *find = edit->addAction(tr("&Search"));
    find->setShortcut(QKeySequence::Find);
    connect(find, &QAction::triggered, this, [this] {
        if (TablePage *page = currentPage())
            page->focusSearch();
    });

    menuBar()->addMenu(m_edits->menu());

    QMenu *view = menuBar()->addMenu(tr("&View"));
    for (int i = 0; i < m_pages.size(); ++i) {
        QAction *show = view->addAction(m_tabs->tabText(i));
        show->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
        connect(show, &QAction::triggered, this, [this, i] { m_tabs->setCurrentIndex(i); });
    }
    view->addSeparator();
    QAction *reload = view->addAction(tr("&Reload"));
    reload->setShortcut(QKeySequence::Refresh);
    connect(reload, &QAction::triggered, this, &MainWindow::reloadCurrent);
    view->addAction(m_live->toggleAction());
    m_followerReads = view->addAction(tr("&Fast, slightly stale reads"));
    m_followerReads->setCheckable(true);
    m_followerReads->setToolTip(
        tr("Browse with AS OF SYSTEM TIME follower_read_timestamp() (CockroachDB)"));
    m_followerReads->setVisible(false); // CockroachDB only: shown once connected to one
    connect(m_followerReads, &QAction::toggled, this, [this](bool on) {
        for (TablePage *page : std::as_const(m_pages))
            page->setFollowerReads(on);
    });
    view->addSeparator();
    view->addAction(m_detailDock->toggleViewAction());
    QAction *sql = m_sqlPanel->toggleViewAction();
    sql->setText(tr("SQL panel"));
    sql->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    view->addAction(sql);
    // The MovR workload against this connection (its statements go to the SQL panel).
    auto *workload = new WorkloadDock(this);
    addDockWidget(Qt::RightDockWidgetArea, workload);
    workload->hide();
    workload->toggleViewAction()->setText(tr("&Workload"));
    view->addAction(workload->toggleViewAction());

    QMenu *settings = menuBar()->addMenu(tr("&Settings"));
    settings->addMenu(new LanguageMenu(this));
    settings->addMenu(new AppearanceMenu(Theme::instance(), this));

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *shortcuts = help->addAction(tr("&Keyboard shortcuts"));
    shortcuts->setShortcut(QKeySequence::HelpContents);
    connect(shortcuts, &QAction::triggered, this, &MainWindow::showShortcuts);
    QAction *about = help->addAction(tr("&About MovR Admin"));
    connect(about, &QAction::triggered, this, &MainWindow::showAbout);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    const int pending = m_edits->pendingChanges()->count();
    if (pending == 0 || m_closeAnswered) {
        saveWindowState();
        QMainWindow::closeEvent(event);
        return;
    }
    event->ignore();
    askBeforeClosing(pending);
}

void MainWindow::askBeforeClosing(int pending)
{
    if (findChild<QMessageBox *>(QStringLiteral("quitQuestion")))
        return; // already asking
    auto *box = new QMessageBox(QMessageBox::Question, tr("Pending changes"),
                                tr("%n change(s) have not been applied.", nullptr, pending),
                                QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("quitQuestion"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    // A temporary demo's database is deleted on exit: nothing can be offered next time.
    const bool lostOnExit =
        m_session && m_demo->deletedOnExit() && m_demo->isDemoJournalKey(m_session->journalKey());
    QPushButton *apply = box->addButton(tr("&Apply"), QMessageBox::AcceptRole);
    QPushButton *discard = box->addButton(lostOnExit ? tr("&Discard and quit") : tr("&Discard"),
                                          QMessageBox::DestructiveRole);
    QPushButton *later = nullptr;
    if (lostOnExit) {
        box->setInformativeText(tr("Apply them now, or keep working? The demo database is "
                                   "deleted when you quit: changes not applied are lost."));
    } else {
        box->setInformativeText(tr("Apply them now, discard them, or keep working? If you quit "
                                   "without deciding, they stay in the journal and are offered "
                                   "again next time."));
        later = box->addButton(tr("&Quit, keep for next time"), QMessageBox::RejectRole);
    }
    box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(apply);
    connect(box, &QMessageBox::finished, this, [this, box, apply, discard, later] {
        QAbstractButton *clicked = box->clickedButton();
        if (clicked == discard) {
            m_edits->revertPending();
            m_closeAnswered = true;
            close();
        } else if (later && clicked == later) {
            m_closeAnswered = true;
            close();
        } else if (clicked == apply) {
            m_edits->applyPending();
        }
    });
    box->open();
}

void MainWindow::showWelcome()
{
    if (!m_welcome) {
        m_welcome = new WelcomePage(this);
        m_welcome->setObjectName(QStringLiteral("welcome"));
        m_stack->addWidget(m_welcome);
        connect(m_welcome, &WelcomePage::demoRequested, this, [this] {
            showStartupMessage(tr("Starting the demo database…"));
            Q_EMIT demoRequested();
        });
        connect(m_welcome, &WelcomePage::connectRequested, this, &MainWindow::connectInteractively);
        connect(m_welcome, &WelcomePage::recentChosen, this,
                [this](const ConnectionProfile &profile) {
                    // The dialog asks for what the profile does not store (the password),
                    // or reads it from the keychain when the profile remembers it.
                    ConnectionDialog *dialog = newConnectionDialog();
                    dialog->selectProfile(profile);
                    dialog->open();
                });
    }
    m_welcome->reloadRecent();
    m_stack->setCurrentWidget(m_welcome);
    // Nothing to show in the details or the SQL panel yet: the docks come back on connecting.
    if (m_stateBeforeWelcome.isEmpty()) {
        m_stateBeforeWelcome = saveState();
        m_detailDock->hide();
        m_sqlPanel->hide();
    }
}

void MainWindow::connectInteractively()
{
    newConnectionDialog()->open();
}

ConnectionDialog *MainWindow::newConnectionDialog()
{
    auto *dialog = new ConnectionDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (const auto demo = m_demo->runningSettings())
        dialog->setRunningDemo(*demo);
    // Cancel changes nothing; Connect tries the new connection beside the current one.
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        if (const auto settings = dialog->currentSettings())
            connectTo(*settings, m_demo->journalKeyFor(*settings));
    });
    return dialog;
}

void MainWindow::setDemo(DemoHost *host, const QString &journalKey, bool deletedOnExit)
{
    m_demo->attach(host, journalKey, deletedOnExit);
}

void MainWindow::askToConnectAgain(const ConnectionSettings &settings, const QString &journalKey,
                                   const DbError &error)
{
    if (findChild<ConnectionDialog *>(QStringLiteral("connectAgain")))
        return; // already asking
    auto *dialog = new ConnectionDialog(this);
    dialog->setObjectName(QStringLiteral("connectAgain"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setSettings(settings);
    dialog->showFailure(error);
    connect(dialog, &QDialog::accepted, this, [this, dialog, journalKey] {
        if (const auto chosen = dialog->currentSettings())
            connectTo(*chosen, journalKey);
    });
    dialog->open();
}

void MainWindow::showAbout()
{
    auto *dialog = new AboutDialog(m_server, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::showShortcuts()
{
    auto *dialog = new ShortcutsDialog(this, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::connectTo(const ConnectionSettings &settings, const QString &journalKey)
{
    auto *session = new ConnectionSession(settings, journalKey, this);
    connect(session, &ConnectionSession::failed, this, [this, session](const DbError &error) {
        if (session == m_trial) {
            onTrialFailed(session, error);
            return;
        }
        if (session != m_session)
            return;
        if (!m_dataShown)
            m_status->showConnectionMessage(tr("Cannot connect: %1").arg(error.toString()));
        // Settings that cannot work as they are (a wrong password, a missing database, a
        // rejected certificate; from the command line, DATABASE_URL or a recent
        // connection): the dialog again, filled in, saying why.
        if (error.isPermanentConnectFailure())
            askToConnectAgain(session->settings(), session->journalKey(), error);
    });
    if (!m_session) {
        adopt(session); // the first: nothing to keep
        session->start();
        return;
    }
    // Beside the current session; it stays until the new one works. A newer attempt
    // replaces one still being tried.
    delete m_trial;
    m_trial = session;
    connect(session, &ConnectionSession::established, this, [this, session] {
        if (session != m_trial)
            return;
        m_trial = nullptr;
        adopt(session);
    });
    m_status->showConnectionMessage(tr("Connecting to %1…").arg(settings.displayName()));
    session->start();
}

void MainWindow::onTrialFailed(ConnectionSession *trial, const DbError &error)
{
    m_trial = nullptr;
    const ConnectionSettings settings = trial->settings();
    const QString journalKey = trial->journalKey();
    trial->deleteLater(); // we are in its signal; its workers stop asynchronously
    const QString current = m_session->settings().displayName();
    m_status->showConnectionMessage(tr("Could not connect to %1, still connected to %2: %3")
                                        .arg(settings.displayName(), current, error.toString()),
                                    30000);
    Q_EMIT connectionAttemptFailed(error);
    if (error.isPermanentConnectFailure())
        askToConnectAgain(settings, journalKey, error);
}

void MainWindow::adopt(ConnectionSession *session)
{
    ConnectionSession *old = m_session;
    if (old) {
        for (TablePage *page : std::as_const(m_pages))
            page->setWorker(nullptr);
        m_detail->setWorker(nullptr);
        m_status->setWorker(nullptr);
        disconnect(old->browseWorker(), nullptr, this, nullptr);
        disconnect(old->browseWorker(), nullptr, m_sqlPanel, nullptr);
    }
    m_session = session;
    const ConnectionSettings &settings = session->settings();
    setWindowTitle(tr("MovR Admin — %1").arg(settings.displayName()));
    if (!m_stateBeforeWelcome.isEmpty()) {
        restoreState(m_stateBeforeWelcome);
        m_stateBeforeWelcome.clear();
    }
    // Each database gets back its own filters (no page has a worker here: nothing loads).
    const QString identity = SavedFilters::databaseIdentity(settings, session->journalKey());
    if (identity != m_databaseIdentity) {
        saveFilters();
        m_databaseIdentity = identity;
        for (TablePage *page : std::as_const(m_pages))
            page->restoreFilterState(
                SavedFilters::load(identity, TableSpec::of(page->table()).sqlName));
    }
    BrowseWorker *worker = session->browseWorker();
    const auto showServer = [this](const ServerInfo &server) {
        m_server = server;
        m_followerReads->setVisible(server.hasFollowerReads());
        m_detail->setTimeTravelAvailable(server.hasFollowerReads());
    };
    // About shows the server of this connection, not the last one.
    m_server = session->server();
    if (m_server)
        showServer(*m_server);
    connect(worker, &WorkerBase::connected, this, showServer);
    connect(worker, &BrowseWorker::statementTraced, m_sqlPanel,
            [this](const TraceEntry &entry) { m_sqlPanel->appendTrace({entry}); });
    connect(session, &ConnectionSession::editsWaiting, m_status, [this](int waiting) {
        m_status->showConnectionMessage(tr("Not connected: %n request(s) wait and are sent "
                                           "when the connection is back.",
                                           nullptr, waiting));
    });
    connect(session, &ConnectionSession::restored, m_status,
            [this] { m_status->showConnectionMessage(tr("Connected again."), 5000); });
    m_edits->connectTo(session->editWorker(), settings, session->journalKey());
    m_status->setWorker(worker, session->server());
    m_detail->setWorker(worker);
    m_live->setSession(session);
    m_stack->setCurrentWidget(m_tabs);
    // Tabs load when first shown: the current one now.
    activatePage(m_tabs->currentIndex());
    delete old; // its workers stop asynchronously
    Q_EMIT sessionChanged();
}

void MainWindow::showStartupMessage(const QString &message)
{
    m_startup->setText(message);
    if (!m_session)
        m_stack->setCurrentWidget(m_startup);
}

void MainWindow::activatePage(int index)
{
    if (!m_session || index < 0 || index >= m_pages.size())
        return;
    TablePage *page = m_pages.at(index);
    if (page->model()->state() == BrowseTableModel::State::Idle)
        page->setWorker(m_session->browseWorker());
}

TablePage *MainWindow::tablePage(BrowseTable table) const
{
    for (TablePage *page : m_pages) {
        if (page->table() == table)
            return page;
    }
    return nullptr;
}

TablePage *MainWindow::currentPage() const
{
    return qobject_cast<TablePage *>(m_tabs->currentWidget());
}

void MainWindow::selectTable(BrowseTable table)
{
    if (TablePage *page = tablePage(table))
        m_tabs->setCurrentWidget(page);
}

void MainWindow::showDetails(BrowseTable table, int row)
{
    TablePage *page = tablePage(table);
    if (!page || row < 0 || row >= page->model()->rowCount())
        return;
    m_detail->showEntity(table, page->model()->rowAt(row));
}

void MainWindow::reloadCurrent()
{
    if (TablePage *page = currentPage())
        page->reload();
}

bool MainWindow::exportCurrentView(const QString &path, QString *error)
{
    TablePage *page = currentPage();
    if (!page || !m_session) {
        if (error)
            *error = tr("Not connected.");
        return false;
    }
    auto *exporter = new CsvExporter(m_session->browseWorker(), page->model()->exportRequest(5000),
                                     path, page->model()->estimatedRows(), this);
    connect(exporter, &CsvExporter::finished, this, &MainWindow::exportFinished);
    connect(exporter, &CsvExporter::finished, m_status,
            [this](bool, const QString &message) { m_status->showMessage(message, 10000); });
    QString problem;
    if (!exporter->start(&problem)) {
        delete exporter;
        if (error)
            *error = problem;
        return false;
    }
    return true;
}

void MainWindow::exportInteractively()
{
    TablePage *page = currentPage();
    if (!page || !m_session)
        return;
    const QString suggested = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation) +
                              QLatin1Char('/') + page->model()->spec().sqlName +
                              QStringLiteral(".csv");
    // open(), not the static getters: no nested event loop while pages and replies arrive.
    auto *ask = new QFileDialog(this, tr("Export to CSV"), suggested, tr("CSV files (*.csv)"));
    ask->setObjectName(QStringLiteral("exportFile"));
    ask->setAttribute(Qt::WA_DeleteOnClose);
    ask->setAcceptMode(QFileDialog::AcceptSave);
    connect(ask, &QFileDialog::fileSelected, this, [this](const QString &path) {
        QString error; // shown where the exporter's own outcome is shown, not in a modal box
        if (!path.isEmpty() && !exportCurrentView(path, &error))
            m_status->showMessage(error, 10000);
    });
    ask->open();
}
