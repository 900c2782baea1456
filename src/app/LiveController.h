#pragma once

#include "worker/LiveTypes.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPointer>

class BrowseTableModel;
class ConnectionSession;
class MainWindow;
class QAction;
class QTimer;

// The window side of live updates (issue 13): the live worker's change batches arrive here
// (queued, through the ConnectionSession), are coalesced (the latest event per row) and
// dispatched at most once per frame (frameMs) to every live model: each table tab's model,
// the details pane's relation lists, and the details pane itself (its entity read again when
// an event touches its key). A stream faster than the window paints costs one dispatch per
// frame, never a stall.
//
// After a gap (resyncNeeded: the stream started, reconnected, resumed, or a table was
// emptied) every model reads its visible rows again and the details pane its row. With the
// Polling source a timer does the same every pollIntervalMs, only while the window shows
// (not hidden, not minimized).
//
// View › Live updates (toggleAction(), remembered in QSettings "live/enabled") pauses the
// stream and the models; turning it on again resumes the stream, which asks for a resync.
// Models follow only while it is on and they show the present (no as-of time).
class LiveController : public QObject
{
    Q_OBJECT

public:
    // Dispatches at most once per this many milliseconds.
    static constexpr int frameMs = 40;

    explicit LiveController(MainWindow *window);
    ~LiveController() override;

    // The session whose live worker feeds the window (nullptr: none). Its signals are
    // connected; the previous session's are not any more.
    void setSession(ConnectionSession *session);
    QAction *toggleAction() const { return m_toggle; }
    bool isEnabled() const;
    // What the status bar shows (paused when the action is off, whatever the worker said).
    LiveStatus status() const;
    // The models live events go to now: the tabs' models that have a worker, and the details
    // pane's relation lists (as-of views excluded).
    QList<BrowseTableModel *> liveModels() const;
    bool isPolling() const;
    // Dispatches what is pending now (tests; the frame timer does it otherwise).
    void flush();

    // The latest event per row: several changes of one row within a frame become one (an
    // insert followed by updates stays an insert; a delete wins; the columns merged, the
    // first `before` and the last `after` kept). Order: each row where it first appeared.
    static QList<ChangeEvent> coalesce(const QList<ChangeEvent> &events);

Q_SIGNALS:
    void statusChanged(const LiveStatus &status);
    // A batch went to the models (`events` after coalescing, `rows` touched).
    void dispatched(int events);
    void resynced();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void onChanges(const QList<ChangeEvent> &events);
    void onResyncNeeded(const QStringList &tables);
    void onStatus(const LiveStatus &status);
    void setEnabled(bool enabled);
    void dispatch();
    void poll();
    // Every model's live flag from the action and its as-of time.
    void updateModels();
    void updatePolling();
    void showStatus();

    MainWindow *m_window;
    QPointer<ConnectionSession> m_session;
    QAction *m_toggle;
    QTimer *m_frame;
    QElapsedTimer m_sinceDispatch; // since the last dispatch (invalid before the first)
    QTimer *m_poll;
    LiveStatus m_status;
    QList<ChangeEvent> m_pending;
};
