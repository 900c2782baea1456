#include "WorkerPageSource.h"

#include "worker/BrowseWorker.h"

WorkerPageSource::WorkerPageSource(BrowseWorker *worker, QObject *parent)
    : PageSource(parent), m_worker(worker)
{
    if (m_worker)
        connect(m_worker, &BrowseWorker::pageReady, this, &PageSource::pageReady,
                Qt::QueuedConnection);
}

quint64 WorkerPageSource::newClientId()
{
    return m_worker ? m_worker->newClientId() : 0;
}

void WorkerPageSource::submit(const PageRequest &request)
{
    if (m_worker)
        m_worker->submit(request);
}

void WorkerPageSource::forgetClient(quint64 client)
{
    if (m_worker)
        m_worker->forgetClient(client);
}
