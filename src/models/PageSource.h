#pragma once

#include "worker/BrowseTypes.h"

#include <QObject>

// Where a BrowseTableModel gets its rows: it asks for pages (PageRequest) and gets the replies
// (Page) later through pageReady, never from inside submit(). One source may serve many
// models: each is a client with its own id, and keeps only the replies addressed to it.
//
// The application's source is the browse worker (WorkerPageSource); tests of the model's own
// logic (paging, generations, resets, pending values) give it a source they answer by hand.
class PageSource : public QObject
{
    Q_OBJECT

public:
    explicit PageSource(QObject *parent = nullptr) : QObject(parent) {}

    // A new client id (replies carry it in Page::client).
    virtual quint64 newClientId() = 0;
    // Asks for a page, a refresh or an estimate; returns at once. A page request whose
    // generation is newer than an earlier one of the same client supersedes it.
    virtual void submit(const PageRequest &request) = 0;
    // Cancels what this client still has queued or running; no reply follows for it.
    virtual void forgetClient(quint64 client) = 0;

Q_SIGNALS:
    // Every reply, for every client.
    void pageReady(const Page &page);
};
