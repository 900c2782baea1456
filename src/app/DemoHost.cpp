#include "DemoHost.h"

#include "demo/LocalServer.h"

#include <QTimer>

DemoHost::DemoHost()
{
    qRegisterMetaType<DemoOptions>();
    qRegisterMetaType<ConnectionSettings>();
    m_thread.setObjectName(QStringLiteral("demo-host"));
    moveToThread(&m_thread);
    m_thread.start();
}

DemoHost::~DemoHost()
{
    if (m_thread.isRunning()) {
        requestShutdown();
        m_thread.wait();
    }
}

void DemoHost::start(const DemoOptions &options)
{
    m_cancel = false;
    QMetaObject::invokeMethod(
        this, [this, options] { startOnThread(options); }, Qt::QueuedConnection);
}

void DemoHost::requestShutdown()
{
    m_cancel = true;
    QMetaObject::invokeMethod(this, &DemoHost::shutdownOnThread, Qt::QueuedConnection);
}

void DemoHost::restart()
{
    m_cancel = false;
    QMetaObject::invokeMethod(this, &DemoHost::restartOnThread, Qt::QueuedConnection);
}

bool DemoHost::wait(int timeoutMs)
{
    return m_thread.wait(QDeadlineTimer(timeoutMs));
}

void DemoHost::startOnThread(const DemoOptions &options)
{
    if (m_cancel)
        return;
    m_options = options;
    m_reportedStopped = false;
    m_database = std::make_unique<DemoDatabase>(options);
    const Status started = m_database->start([this](const LoadProgress &state) {
        Q_EMIT progress(state.rowsDone, state.rowsTotal);
        return !m_cancel.load();
    });
    if (!started) {
        m_database.reset();
        if (!m_cancel)
            Q_EMIT failed(started.error().toString());
        return;
    }
    m_serverPid = m_database->server() ? m_database->server()->serverPid() : 0;
    if (!m_watch) {
        // The server is a child process: its end is seen on this thread's event loop.
        m_watch = new QTimer(this);
        m_watch->setInterval(500);
        connect(m_watch, &QTimer::timeout, this, &DemoHost::checkServerOnThread);
    }
    m_watch->start();
    Q_EMIT ready(m_database->connectionSettings(), m_database->url(), m_database->loadedThisRun());
}

void DemoHost::checkServerOnThread()
{
    if (!m_database || m_database->isRunning() || m_reportedStopped)
        return;
    m_reportedStopped = true;
    m_serverPid = 0;
    m_watch->stop();
    Q_EMIT serverStopped();
}

void DemoHost::restartOnThread()
{
    if (m_watch)
        m_watch->stop();
    m_serverPid = 0;
    m_database.reset(); // what is left of the old server: its files (a temporary directory)
    startOnThread(m_options);
}

void DemoHost::shutdownOnThread()
{
    delete m_watch; // a child of this object, which leaves the thread below
    m_watch = nullptr;
    m_serverPid = 0;
    m_database.reset(); // stops the server, removes a temporary directory
    moveToThread(nullptr);
    m_thread.quit();
}
