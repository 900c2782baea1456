#pragma once

#include "demo/DemoDatabase.h"
#include "pg/ConnectionSettings.h"

#include <QObject>
#include <QThread>

#include <atomic>
#include <memory>

// Runs the embedded demo database off the GUI thread. The host lives on its own QThread for
// the whole life of the application and owns the DemoDatabase (and so the LocalServer): the
// server's PR_SET_PDEATHSIG fires when the thread that started it exits, so that thread must
// outlive the server, and it does: it ends only after shutdown() stopped the server.
//
// Use: construct on the GUI thread, call start(options) (queued), wait for ready() or
// failed(); at exit call requestShutdown() and wait() (the server is stopped and its files
// removed on the host thread, then the thread ends).
class DemoHost : public QObject
{
    Q_OBJECT

public:
    DemoHost();
    ~DemoHost() override;

    // Queues the start on the host thread.
    void start(const DemoOptions &options);
    // Cancels a load in progress, stops the server and ends the thread (all asynchronous).
    void requestShutdown();
    // Waits for the thread to end after requestShutdown(); call once the event loop is over.
    bool wait(int timeoutMs);

Q_SIGNALS:
    void progress(qint64 rowsDone, qint64 rowsTotal);
    void ready(const ConnectionSettings &settings, const QString &url, bool loadedThisRun);
    void failed(const QString &message);

private:
    Q_INVOKABLE void startOnThread(const DemoOptions &options);
    Q_INVOKABLE void shutdownOnThread();

    QThread m_thread;
    std::unique_ptr<DemoDatabase> m_database; // touched only on m_thread
    std::atomic<bool> m_cancel{false};
};

Q_DECLARE_METATYPE(DemoOptions)
