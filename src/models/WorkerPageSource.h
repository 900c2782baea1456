#pragma once

#include "PageSource.h"
#include "worker/BrowseWorker.h"

#include <QPointer>

// The browse worker as a page source: requests go to its thread, its replies come back
// queued to this object's thread (the GUI's) and are re-emitted there. Holds no rows.
class WorkerPageSource : public PageSource
{
    Q_OBJECT

public:
    explicit WorkerPageSource(BrowseWorker *worker, QObject *parent = nullptr);

    BrowseWorker *worker() const { return m_worker; }

    quint64 newClientId() override;
    void submit(const PageRequest &request) override;
    void forgetClient(quint64 client) override;

private:
    QPointer<BrowseWorker> m_worker;
};
