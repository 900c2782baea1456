#pragma once

#include "Touched.h"
#include "txn/Transaction.h"
#include "worker/EditRequest.h"

#include <QHash>
#include <QStringList>

#include <functional>
#include <optional>

class BrowseWorker;
class QWidget;

// What an action sees of the window and reaches of the edit worker (EditController provides
// it): the selection, the details pane, where its dialogs open, and sending a transaction.
class ActionContext
{
public:
    virtual ~ActionContext() = default;

    // The parent of the action's dialogs (they open window-modal, without blocking).
    virtual QWidget *dialogParent() const = 0;
    // The value of `column` in the current row, when the current page shows `table`.
    virtual std::optional<QString> selected(BrowseTable table, const char *column) const = 0;
    // The values of `columns` of each selected row (the current row when none is selected),
    // when the current page shows `table`.
    virtual QList<QStringList> selectedRows(BrowseTable table,
                                            const QStringList &columns) const = 0;
    // The value of `column` of the row the details pane shows, when it shows `table`.
    virtual std::optional<QString> shown(BrowseTable table, const char *column) const = 0;
    // The values pending inline edits give `columns` of the row `key` of `table` (column ->
    // value; a pending NULL is empty).
    virtual QHash<QString, QString> pendingValues(BrowseTable table, const QStringList &key,
                                                  const QStringList &columns) const = 0;
    // An edit from a dialog wrote these cells (what it showed included their pending values):
    // their pending inline edits are done with.
    virtual void settlePending(BrowseTable table, const QStringList &key,
                               const QStringList &columns) = 0;
    // The browse worker, for searches in a dialog (finding a user by name).
    virtual BrowseWorker *browseWorker() const = 0;

    // Called with the reply once the edit is done, or with nullptr when it was not sent (the
    // preview was cancelled, or the connection was replaced first). Returns true when it
    // presented the outcome itself (its dialog shows it), so that no message box repeats it.
    using Done = std::function<bool(const EditReply *reply)>;
    // Sends `body` (after the preview, when "Preview before applying" is on).
    virtual void send(const TransactionBody &body, const Touched &touched, Done done) = 0;
    // A short, non-blocking notice (nothing to act on, e.g. "select a row first").
    virtual void inform(const QString &title, const QString &text) = 0;
};
