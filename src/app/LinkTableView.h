#pragma once

#include <QTableView>

// The table view of the tables and of the detail pane's relations:
// - Enter activates the current row, as a double-click does: it follows the row's link;
// - Ctrl+C copies the selected rows as tab-separated text with full values (whole UUIDs, UTC
//   timestamps: the model's CopyTextRole), a header line of column names (the header's
//   CopyTextRole) first when more than one row is copied.
class LinkTableView : public QTableView
{
public:
    using QTableView::QTableView;

    QString selectionAsTsv() const;
    void copySelection() const;

protected:
    void keyPressEvent(QKeyEvent *event) override;
};
