#pragma once

#include "demo/DemoDatabase.h"
#include "pg/ConnectionSettings.h"

#include <QObject>
#include <QThread>

class QTimer;

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
    // After serverStopped(): the old server's files are cleaned up and the demo starts again
    // with the same options (ready() or failed() follow). Asynchronous.
    void restart();
    // Thread-safe: the server process id while it runs, 0 otherwise (tests kill it).
    qint64 serverPid() const { return m_serverPid.load(); }
    // Waits for the thread to end after requestShutdown(); call once the event loop is over.
    bool wait(int timeoutMs);

Q_SIGNALS:
    void progress(qint64 rowsDone, qint64 rowsTotal);
    void ready(const ConnectionSettings &settings, const QString &url, bool loadedThisRun);
    void failed(const QString &message);
    // The server process ended while the demo was supposed to run (killed, crashed).
    void serverStopped();

private:
    void startOnThread(const DemoOptions &options);
    void shutdownOnThread();
    void restartOnThread();
    void checkServerOnThread();

    QThread m_thread;
    std::unique_ptr<DemoDatabase> m_database; // touched only on m_thread
    std::atomic<bool> m_cancel{false};
    std::atomic<qint64> m_serverPid{0};
    DemoOptions m_options;          // touched only on m_thread
    QTimer *m_watch = nullptr;      // on m_thread: is the server still running?
    bool m_reportedStopped = false; // on m_thread
};

Q_DECLARE_METATYPE(DemoOptions)
