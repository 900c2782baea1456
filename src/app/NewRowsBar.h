#pragma once

#include "worker/TableSpec.h"

#include <QWidget>

class BrowseTableModel;
class QLabel;
class QPushButton;
class QTableView;

// Above a table (issue 13): "12 new rides — Show" while live inserts that match the filter
// wait (BrowseTableModel::newRowCount; hidden at 0). Show inserts them where they belong
// (BrowseTableModel::showNewRows) and scrolls to the first, leaving the selection alone.
class NewRowsBar : public QWidget
{
    Q_OBJECT

public:
    NewRowsBar(BrowseTableModel *model, QTableView *view, QWidget *parent = nullptr);

    QString text() const;
    QPushButton *showButton() const { return m_show; }
    // "%n new ride(s)" in the table's own noun.
    static QString textFor(BrowseTable table, int count);

public Q_SLOTS:
    void showNewRows();

private:
    void update(int count);

    BrowseTableModel *m_model;
    QTableView *m_view;
    QLabel *m_label;
    QPushButton *m_show;
};
