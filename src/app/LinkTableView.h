#pragma once

#include <QTableView>

// A table view whose Enter key activates the current row, as a double-click does: it follows
// the row's link (tables and the detail pane's relations).
class LinkTableView : public QTableView
{
public:
    using QTableView::QTableView;

protected:
    void keyPressEvent(QKeyEvent *event) override;
};
