#pragma once

#include "pg/ConnectionSettings.h"
#include "pg/DbError.h"
#include "pg/ServerInfo.h"
#include "txn/Trace.h"
#include "worker/LiveTypes.h"

#include <QObject>
#include <QString>

#include <optional>

class BrowseWorker;
class EditWorker;
class LiveWorker;

// The workers of one connection: the browse worker, the edit worker and the live worker, each on
// its own thread with its own connection to the same database. The main window holds one current
// session; a new connection is tried as a second session beside it and replaces it only once it
// works (established()), so a wrong password or an unreachable server never costs the working
// session.
//
// It lives in src/app, not src/worker: it has no widgets, but it is the app's glue (the
// user-facing messages, the journal key of the window's pending edits), and only the app
// uses it.
//
// Stopping is asynchronous: deleting a session asks its workers to stop and returns at once;
// each worker is deleted on this thread once its thread has finished (WorkerBase).
//
// After an outage the workers reconnect by themselves (they notice a dead idle connection
// and retry with backoff, without a limit on attempts, until the server is back); what was
// queued meanwhile (an Apply) runs then. A failure that cannot mend itself (a wrong
// password) stops the retrying at once.
class ConnectionSession : public QObject
{
    Q_OBJECT

public:
    // `journalKey`: see MainWindow::connectTo().
    ConnectionSession(const ConnectionSettings &settings, const QString &journalKey,
                      QObject *parent = nullptr);
    ~ConnectionSession() override;

    // Starts the workers' threads and opens the browse worker's connection now.
    void start();

    const ConnectionSettings &settings() const { return m_settings; }
    const QString &journalKey() const { return m_journalKey; }
    BrowseWorker *browseWorker() const { return m_browse; }
    EditWorker *editWorker() const { return m_edit; }
    // The change stream (issue 13): started once the session is established; its signals
    // are forwarded below (queued onto this thread).
    LiveWorker *liveWorker() const { return m_live; }
    // The live options a new session uses: LiveOptions' defaults, the polling interval from
    // QSettings "live/pollIntervalMs" when set (tests shorten it).
    static LiveOptions liveOptions();
    // The server once the first connection worked.
    const std::optional<ServerInfo> &server() const { return m_server; }
    bool isEstablished() const { return m_server.has_value(); }
    // Whether both workers' connections are up (false during an outage).
    bool isHealthy() const;

Q_SIGNALS:
    // The first connection worked (emitted once).
    void established(const ServerInfo &server);
    // The first connection did not work (emitted once, never after established()).
    void failed(const DbError &error);
    // After an outage: every worker is connected again.
    void restored();
    // A worker lost its connection after the session was established.
    void lost(const DbError &reason);
    // Edit requests (an Apply, an action) wait for the edit worker's connection to come
    // back; they are sent then.
    void editsWaiting(int waiting);
    // The live worker's signals (LiveWorker), on this thread.
    void liveStatusChanged(const LiveStatus &status);
    void liveChanges(const QList<ChangeEvent> &events);
    void liveResyncNeeded(const QStringList &tables);
    void liveStatementTraced(const TraceEntry &entry);

private:
    void onWorkerConnected(const ServerInfo &server);
    void onWorkerProblem(const DbError &reason);

    ConnectionSettings m_settings;
    QString m_journalKey;
    BrowseWorker *m_browse = nullptr;
    EditWorker *m_edit = nullptr;
    LiveWorker *m_live = nullptr;
    std::optional<ServerInfo> m_server;
    bool m_failed = false;
    bool m_outage = false;
};
