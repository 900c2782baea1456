#include "VisibleRowsTracker.h"

#include "models/BrowseTableModel.h"

#include <QEvent>
#include <QItemSelectionModel>
#include <QScrollBar>
#include <QTableView>
#include <QTimer>

VisibleRowsTracker::VisibleRowsTracker(BrowseTableModel *model, QTableView *view)
    : QObject(view), m_model(model), m_view(view), m_viewport(view->viewport()),
      m_later(new QTimer(this))
{
    m_later->setSingleShot(true);
    m_later->setInterval(0);
    connect(m_later, &QTimer::timeout, this, &VisibleRowsTracker::update);
    const auto later = [this] { m_later->start(); };
    connect(view->verticalScrollBar(), &QScrollBar::valueChanged, this, later);
    // Rows inserted or removed bring other rows (maybe stale after a gap) into the same
    // range: it is sent again.
    const auto rowsMoved = [this] {
        m_sent = {-2, -2};
        m_later->start();
    };
    connect(model, &QAbstractItemModel::rowsInserted, this, rowsMoved);
    connect(model, &QAbstractItemModel::rowsRemoved, this, rowsMoved);
    connect(model, &QAbstractItemModel::modelReset, this, rowsMoved);
    connect(model, &QAbstractItemModel::layoutChanged, this, rowsMoved);
    view->viewport()->installEventFilter(this);
    connect(view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &VisibleRowsTracker::updatePin);
    connect(model, &QAbstractItemModel::modelReset, this, &VisibleRowsTracker::updatePin);
}

QPair<int, int> VisibleRowsTracker::visibleRows(const QTableView *view)
{
    const QAbstractItemModel *model = view->model();
    const int rows = model ? model->rowCount() : 0;
    if (rows == 0 || !view->isVisible())
        return {-1, -1};
    const int first = view->rowAt(0);
    if (first < 0)
        return {-1, -1};
    int last = view->rowAt(view->viewport()->height() - 1);
    if (last < 0) // fewer rows than the view has room for
        last = rows - 1;
    return {first, last};
}

void VisibleRowsTracker::update()
{
    const QPair<int, int> rows = visibleRows(m_view);
    if (rows == m_sent)
        return;
    m_sent = rows;
    m_model->setVisibleRows(rows.first, rows.second);
}

void VisibleRowsTracker::updatePin()
{
    const QModelIndex current = m_view->currentIndex();
    if (current.isValid() && current.row() < m_model->rowCount())
        m_model->setPinnedKey(m_model->keyAt(current.row()));
    else
        m_model->setPinnedKey(std::nullopt);
}

bool VisibleRowsTracker::eventFilter(QObject *watched, QEvent *event)
{
    // Compared with the viewport kept at construction: the view's own members may not be
    // called here, the filter also sees the events of the view's destruction.
    if (watched == m_viewport && (event->type() == QEvent::Resize ||
                                  event->type() == QEvent::Show || event->type() == QEvent::Hide))
        m_later->start();
    return QObject::eventFilter(watched, event);
}
