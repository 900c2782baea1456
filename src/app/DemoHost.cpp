#include "DemoHost.h"

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
    QMetaObject::invokeMethod(this, "startOnThread", Qt::QueuedConnection,
                              Q_ARG(DemoOptions, options));
}

void DemoHost::requestShutdown()
{
    m_cancel = true;
    QMetaObject::invokeMethod(this, "shutdownOnThread", Qt::QueuedConnection);
}

bool DemoHost::wait(int timeoutMs)
{
    return m_thread.wait(QDeadlineTimer(timeoutMs));
}

void DemoHost::startOnThread(const DemoOptions &options)
{
    if (m_cancel)
        return;
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
    Q_EMIT ready(m_database->connectionSettings(), m_database->url(), m_database->loadedThisRun());
}

void DemoHost::shutdownOnThread()
{
    m_database.reset(); // stops the server, removes a temporary directory
    moveToThread(nullptr);
    m_thread.quit();
}
