// BrowseWorker: reading one row by its key (RowRequest → RowReply), kept apart from the page
// reads in BrowseWorker.cpp. The details pane reads its entity this way.

#include "BrowseWorker.h"

#include "BrowseQuery.h"

#include "txn/TransactionRunner.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QMetaObject>
#include <QMutexLocker>

#include <vector>

quint64 BrowseWorker::trackJob(quint64 client, quint64 generation)
{
    const quint64 jobId = m_nextJob.fetch_add(1);
    QList<quint64> superseded;
    {
        QMutexLocker locker(&m_mutex);
        QList<Outstanding> &jobs = m_outstanding[client];
        for (qsizetype i = jobs.size() - 1; i >= 0; --i) {
            if (jobs.at(i).generation < generation) {
                superseded.append(jobs.at(i).jobId);
                jobs.removeAt(i);
            }
        }
        jobs.append({generation, jobId});
    }
    for (quint64 old : superseded)
        cancelCurrent(old); // on the server if running; abandoned if still queued
    return jobId;
}

void BrowseWorker::untrackJob(quint64 client, quint64 jobId)
{
    QMutexLocker locker(&m_mutex);
    auto it = m_outstanding.find(client);
    if (it == m_outstanding.end())
        return;
    it->removeIf([jobId](const Outstanding &job) { return job.jobId == jobId; });
    if (it->isEmpty())
        m_outstanding.erase(it);
}

void BrowseWorker::readRow(const RowRequest &request)
{
    const quint64 jobId = trackJob(request.client, request.generation);
    QMetaObject::invokeMethod(
        this, [this, request, jobId] { enqueueRowRead(request, jobId); }, Qt::QueuedConnection);
}

void BrowseWorker::enqueueRowRead(const RowRequest &request, quint64 jobId)
{
    WorkerJob job;
    job.generation = jobId;
    job.run = [this, request, jobId](PgConnection &connection) {
        const JobStatus status = runRowRead(connection, request);
        if (status == JobStatus::Done)
            untrackJob(request.client, jobId);
        return status;
    };
    job.abandon = [this, request](const DbError &reason) {
        RowReply reply;
        reply.client = request.client;
        reply.generation = request.generation;
        reply.table = request.table;
        reply.key = request.key;
        reply.error = reason;
        Q_EMIT rowReady(reply);
    };
    enqueue(std::move(job));
}

JobStatus BrowseWorker::runRowRead(PgConnection &connection, const RowRequest &request)
{
    RowReply reply;
    reply.client = request.client;
    reply.generation = request.generation;
    reply.table = request.table;
    reply.key = request.key;
    if (!m_shape.isSupported()) {
        reply.error = DbError::make(ErrorClass::InvalidInput, m_shape.problem());
        Q_EMIT rowReady(reply);
        return JobStatus::Done;
    }
    // The refresh statement reads rows by their keys (at the request's time, if any).
    PageRequest read;
    read.kind = PageRequest::Kind::Refresh;
    read.client = request.client;
    read.generation = request.generation;
    read.table = request.table;
    read.refreshKeys = {request.key};
    read.asOf = request.asOf;
    if (const auto problem = BrowseQuery::validate(read)) {
        reply.error = DbError::make(ErrorClass::InvalidInput, *problem);
        Q_EMIT rowReady(reply);
        return JobStatus::Done;
    }
    const Statement statement = BrowseQuery::refresh(read, connection.serverInfo());

    TraceEntry entry;
    entry.actionId = TransactionRunner::nextActionId();
    entry.action = request.action.isEmpty()
                       ? QCoreApplication::translate("BrowseWorker", "Read one row")
                       : request.action;
    entry.sql = statement.sql;
    entry.params = statement.params;
    entry.isRead = true;
    entry.source = TraceSource::Read;
    entry.startedAt = QDateTime::currentDateTimeUtc();
    QElapsedTimer timer;
    timer.start();
    auto result = connection.exec(statement.sql, statement.params);
    entry.durationUs = timer.nsecsElapsed() / 1000;
    if (!result) {
        entry.sqlState = result.error().sqlState;
        entry.error = result.error().message;
        Q_EMIT statementTraced(entry);
        if (result.error().kind == ErrorClass::Connection || connection.isBroken())
            return JobStatus::RunAgainAfterReconnect; // a read is safe to repeat
        reply.error = result.error();
        Q_EMIT rowReady(reply);
        return JobStatus::Done;
    }
    entry.rows = result->rowCount();
    Q_EMIT statementTraced(entry);
    if (result->rowCount() > 0)
        reply.row = RowData::fromResult(*result, 0);
    Q_EMIT rowReady(reply);
    return JobStatus::Done;
}
