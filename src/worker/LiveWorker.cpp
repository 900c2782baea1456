// Placeholder for the interface (issue 13); the implementation lands with the live branch.
#include "LiveWorker.h"

struct LiveWorker::Private
{
    LiveOptions options;
    LiveStatus status;
};

LiveWorker::LiveWorker(ConnectionSettings settings, LiveOptions options, QObject *parent)
    : WorkerBase(std::move(settings), parent), d(std::make_unique<Private>())
{
    d->options = std::move(options);
}

LiveWorker::~LiveWorker() = default;

void LiveWorker::startStream() {}
void LiveWorker::setPaused(bool) {}
LiveStatus LiveWorker::status() const
{
    return d->status;
}
void LiveWorker::registerMetaTypes()
{
    qRegisterMetaType<LiveStatus>();
    qRegisterMetaType<QList<ChangeEvent>>();
}
