#include "ConnectionSession.h"

#include "worker/BrowseWorker.h"
#include "worker/EditWorker.h"
#include "worker/LiveWorker.h"

#include <QSettings>

namespace {

// The session's workers never give up on a server that went away: it may come back (a
// restart), and what the user queued meanwhile must then be sent. Permanent failures (a
// wrong password) still stop at once (WorkerBase::scheduleReconnect).
ReconnectPolicy sessionPolicy()
{
    ReconnectPolicy policy;
    policy.maxAttempts = 0;
    return policy;
}

} // namespace

ConnectionSession::ConnectionSession(const ConnectionSettings &settings, const QString &journalKey,
                                     QObject *parent)
    : QObject(parent), m_settings(settings), m_journalKey(journalKey),
      m_browse(new BrowseWorker(settings)), m_edit(new EditWorker(settings)),
      m_live(new LiveWorker(settings, liveOptions()))
{
    LiveWorker::registerMetaTypes();
    for (WorkerBase *worker :
         {static_cast<WorkerBase *>(m_browse), static_cast<WorkerBase *>(m_edit)}) {
        worker->setReconnectPolicy(sessionPolicy());
        connect(worker, &WorkerBase::connected, this, &ConnectionSession::onWorkerConnected);
        connect(worker, &WorkerBase::connectionFailed, this, &ConnectionSession::onWorkerProblem);
        connect(worker, &WorkerBase::reconnecting, this,
                [this](const DbError &reason, int, int) { onWorkerProblem(reason); });
    }
    connect(m_edit, &WorkerBase::queueLengthChanged, this, [this](int waiting) {
        if (waiting > 0 && m_server &&
            m_edit->connectionState() != WorkerBase::ConnectionState::Connected)
            Q_EMIT editsWaiting(waiting);
    });
    // The live worker is not part of the session's health: without it the window still
    // works (it falls back to polling by itself, and says why).
    m_live->setReconnectPolicy(sessionPolicy());
    connect(m_live, &LiveWorker::statusChanged, this, &ConnectionSession::liveStatusChanged,
            Qt::QueuedConnection);
    connect(m_live, &LiveWorker::changes, this, &ConnectionSession::liveChanges,
            Qt::QueuedConnection);
    connect(m_live, &LiveWorker::resyncNeeded, this, &ConnectionSession::liveResyncNeeded,
            Qt::QueuedConnection);
    connect(m_live, &LiveWorker::statementTraced, this, &ConnectionSession::liveStatementTraced,
            Qt::QueuedConnection);
}

LiveOptions ConnectionSession::liveOptions()
{
    LiveOptions options;
    const int interval = QSettings().value(QStringLiteral("live/pollIntervalMs")).toInt();
    if (interval > 0)
        options.pollIntervalMs = interval;
    return options;
}

ConnectionSession::~ConnectionSession()
{
    // Asynchronous: the workers end on their threads and are deleted on this one later.
    WorkerBase::shutdownAndDelete(m_browse);
    WorkerBase::shutdownAndDelete(m_edit);
    WorkerBase::shutdownAndDelete(m_live);
}

void ConnectionSession::start()
{
    m_browse->start(QStringLiteral("movr-browse"));
    m_edit->start(QStringLiteral("movr-edit"));
    // Connect now: whether these settings work is known before anything is asked.
    QMetaObject::invokeMethod(m_browse, &WorkerBase::reconnectNow, Qt::QueuedConnection);
}

bool ConnectionSession::isHealthy() const
{
    return m_browse->connectionState() == WorkerBase::ConnectionState::Connected &&
           m_edit->connectionState() != WorkerBase::ConnectionState::Reconnecting &&
           m_edit->connectionState() != WorkerBase::ConnectionState::Failed;
}

void ConnectionSession::onWorkerConnected(const ServerInfo &server)
{
    if (!m_server) {
        // Also after failed(): a server that was not up yet at the first try.
        m_server = server;
        // The stream follows the database that works (its own connection, its own thread).
        m_live->startStream();
        Q_EMIT established(server);
        return;
    }
    if (m_outage && isHealthy()) {
        m_outage = false;
        Q_EMIT restored();
    }
}

void ConnectionSession::onWorkerProblem(const DbError &reason)
{
    if (!m_server) {
        // Tried for the first time: the settings do not work (now). Say so once; the
        // caller decides (the window keeps its current session).
        if (!m_failed) {
            m_failed = true;
            Q_EMIT failed(reason);
        }
        return;
    }
    if (!m_outage) {
        m_outage = true;
        Q_EMIT lost(reason);
    }
}
