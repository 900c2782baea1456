#pragma once

#include <QObject>
#include <QPair>

class BrowseTableModel;
class QTableView;
class QTimer;

// Tells a live model (issue 13) which rows its view shows (setVisibleRows, after a scroll, a
// resize, rows inserted or removed, a reset) and which row the user is on (setPinnedKey, the
// current row). Cheap: the view's rowAt() at the top and the bottom, at most once per event
// loop turn.
class VisibleRowsTracker : public QObject
{
    Q_OBJECT

public:
    VisibleRowsTracker(BrowseTableModel *model, QTableView *view);

    // first..last inclusive; -1 -1 when no row shows.
    static QPair<int, int> visibleRows(const QTableView *view);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void update();
    void updatePin();

    BrowseTableModel *m_model;
    QTableView *m_view;
    QObject *m_viewport; // only compared, never dereferenced
    QTimer *m_later;
    QPair<int, int> m_sent{-2, -2};
};
