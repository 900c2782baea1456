#include "LinkTableView.h"

#include <QKeyEvent>

void LinkTableView::keyPressEvent(QKeyEvent *event)
{
    // Enter in a cell editor ends the edit (the delegate commits it); the editor passes the
    // key on to the view, which must not take it for "follow the relations" as well.
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) &&
        currentIndex().isValid() && (state() != EditingState || hasFocus())) {
        Q_EMIT activated(currentIndex());
        return;
    }
    QTableView::keyPressEvent(event);
}
