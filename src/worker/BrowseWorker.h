#pragma once

#include "BrowseTypes.h"
#include "WholeTableRead.h"
#include "WorkerBase.h"

#include <QHash>
#include <QMutex>
#include <QSet>

#include <atomic>
#include <chrono>

// Reads pages of MovR tables for the models, on its own thread and connection (see
// WorkerBase). One browse worker serves every model of the window: each model is a client
// with its own generation numbers. A newer page request of a client cancels that client's
// older page query on the server (superseded) and abandons older ones still queued.
class BrowseWorker : public WorkerBase
{
    Q_OBJECT

public:
    explicit BrowseWorker(ConnectionSettings settings, QObject *parent = nullptr);
    ~BrowseWorker() override;

    // Thread-safe: a new client id for a model.
    quint64 newClientId();
    // Thread-safe, returns at once: queues the request. A Page request whose generation is
    // newer than an earlier one of the same client supersedes it.
    void submit(const PageRequest &request);
    // Thread-safe: drops every job of this client still queued or running (model deleted).
    void forgetClient(quint64 client);
    // Thread-safe, returns at once: reads one row by its key; answers with rowReady(). A
    // newer read of the same client supersedes (cancels) an older one; forgetClient() drops
    // them too.
    void readRow(const RowRequest &request);
    // Thread-safe: measures one round trip (SELECT 1); answers with roundTrip().
    void ping();

    static void registerMetaTypes();

    // How long a page query that reads a whole table (WholeTableRead: a text search, a filter
    // or a sort in all cities that no index answers) may run before it is stopped with a
    // message; other reads are not bounded here. Call before
    // start() (tests shorten it).
    void setSearchBound(std::chrono::milliseconds bound) { m_searchBound = bound; }

Q_SIGNALS:
    // Every reply, for every client: models keep those addressed to them.
    void pageReady(const Page &page);
    // Each statement as sent, for the SQL panel.
    void statementTraced(const TraceEntry &entry);
    void roundTrip(qint64 microseconds);
    // The answer to readRow(), for every client.
    void rowReady(const RowReply &reply);

protected:
    // Reads the database's MovR shape (MovrSchemaShape) after every open: pages are ordered on
    // each table's key as the catalog gives it, and an unsupported shape answers every request
    // with the one sentence naming what is missing, without querying the tables. Then reads
    // which search columns have a trigram index (SearchIndexes::detect).
    Status prepareConnection(PgConnection &connection) override;

private:
    void enqueueRequest(const PageRequest &request, quint64 jobId);
    void enqueuePing(quint64 jobId);
    JobStatus runRequest(PgConnection &connection, const PageRequest &request);
    QString boundReachedMessage(WholeTableReason reason) const;
    // Row reads (BrowseWorkerRowRead.cpp).
    void enqueueRowRead(const RowRequest &request, quint64 jobId);
    JobStatus runRowRead(PgConnection &connection, const RowRequest &request);
    // A new job of this client: cancels the client's jobs of older generations; returns its
    // id. untrackJob() when it is answered.
    quint64 trackJob(quint64 client, quint64 generation);
    void untrackJob(quint64 client, quint64 jobId);

    struct Outstanding
    {
        quint64 generation = 0;
        quint64 jobId = 0;
    };
    std::chrono::milliseconds m_searchBound{15000};
    bool m_timeoutMayBeSet = false; // worker thread: the bound's RESET has not succeeded yet
    DetectedIndexes m_indexes;      // worker thread: the search and filter indexes found
    MovrSchemaShape m_shape;        // worker thread only
    QMutex m_mutex;
    QHash<quint64, QList<Outstanding>> m_outstanding; // client → page jobs not yet answered
    std::atomic<quint64> m_nextClient{1};
    std::atomic<quint64> m_nextJob{1};
};
