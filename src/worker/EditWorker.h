#pragma once

#include "EditRequest.h"
#include "WorkerBase.h"

#include "txn/TransactionRunner.h"

#include <QHash>
#include <QList>

// The edit worker: runs each EditRequest as a retrying transaction (TransactionRunner) on
// its own connection, one at a time in arrival order, and answers with an EditReply.
//
// Use from the GUI thread:
//     auto *worker = new EditWorker(settings);
//     connect(worker, &EditWorker::finished, window, &Window::showOutcome); // queued
//     worker->start(QStringLiteral("movr-edit"));
//     QMetaObject::invokeMethod(
//         worker, [worker, request] { worker->submit(request); }, Qt::QueuedConnection);
//     worker->cancelCurrent(request.actionId); // thread-safe, returns at once
//     WorkerBase::shutdownAndDelete(worker);
//
// A request whose transaction certainly did not commit because the connection was lost
// (not an ambiguous commit) stays at the head of the queue and runs again after the
// reconnect; an ambiguous commit is resolved by the runner and reported as it is, never
// re-run behind the user's back. When the runner could not resolve it because it could not
// reconnect (Outcome::Unknown with the connection gone), the request also stays queued, but
// only to be LOOKED UP once the worker has reconnected, by the runner's CommitResolver (a
// COMMIT in flight in the old session is let finish, bounded, then the session is ended so
// that a COMMIT still in its socket cannot land after the look-up; body.verify decides).
// The body is not run again.
class EditWorker : public WorkerBase
{
    Q_OBJECT

public:
    explicit EditWorker(ConnectionSettings settings, QObject *parent = nullptr);

    static void registerMetaTypes();
    // Test seams, before start(): the clock and sleeper of the runner and of the deferred
    // look-up (CommitResolver). By default the real clock and a sleep that stopping ends.
    void setClock(TransactionRunner::Clock clock);
    void setSleeper(TransactionRunner::Sleeper sleeper);

public Q_SLOTS:
    // Queued from the GUI thread.
    void submit(const EditRequest &request);
    // The QA toggle: every first attempt fails once with a retryable error. On CockroachDB
    // the worker sends SET inject_retry_errors_enabled on its connection (now, and after
    // every reconnect); on PostgreSQL it sets RetryPolicy::injectRetryErrors on each request.
    void setInjectRetryErrors(bool enabled);
    // The QA toggle for the commit step: on CockroachDB SET
    // inject_retry_errors_on_commit_enabled (now, and after every reconnect); on PostgreSQL
    // RetryPolicy::injectRetryErrorsOnCommit on each request (a 40001 right before COMMIT).
    void setInjectRetryErrorsOnCommit(bool enabled);

Q_SIGNALS:
    void finished(const EditReply &reply);
    // The toggle took effect (or failed to, with the server's error).
    void injectRetryErrorsChanged(bool enabled, const QString &error);
    void injectRetryErrorsOnCommitChanged(bool enabled, const QString &error);
    // A session statement sent outside any edit (the injection SETs), for the SQL panel.
    void statementTraced(const TraceEntry &entry);

protected:
    Status prepareConnection(PgConnection &connection) override;

private:
    struct Unresolved
    {
        Outcome outcome;       // Unknown, from the runner
        int oldBackendPid = 0; // PostgreSQL: the session that sent the COMMIT
    };

    JobStatus runRequest(EditRequest &request);
    JobStatus resolve(EditRequest &request, Unresolved &unresolved);
    void reply(const EditRequest &request, Outcome outcome, EditPayload payload = {});
    Status applyInjectSetting(PgConnection &connection, bool onCommit);

    TransactionRunner m_runner;
    bool m_injectRetryErrors = false;
    bool m_injectRetryErrorsOnCommit = false;
    // Statements of earlier runs of a request that is waiting to run again.
    QHash<quint64, QList<TraceEntry>> m_earlierTraces;
    QHash<quint64, int> m_reruns;
    QHash<quint64, Unresolved> m_unresolved;
};
