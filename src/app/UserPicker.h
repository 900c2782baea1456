#pragma once

#include <QDialog>

class BrowseTableModel;
class BrowseWorker;
class QLineEdit;
class QTableView;
class QTimer;

// Picks a user of one city by name: a search field over the Users table (loaded by the
// browse worker, filtered and searched on the server). Enter in the search field chooses the
// current row, or the first match (of what was typed, once the server has answered); Down
// moves into the list, where Enter or a double-click chooses.
class UserPicker : public QDialog
{
    Q_OBJECT

public:
    UserPicker(BrowseWorker *worker, const QString &city, QWidget *parent = nullptr);

    QString selectedId() const { return m_selectedId; }
    QString selectedName() const { return m_selectedName; }
    BrowseTableModel *model() const { return m_model; }
    void setSearch(const QString &text);
    // Chooses the row (as Enter would) and accepts.
    void choose(int row);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    // Enter in the search field or "Choose": the current row, else the first match of the
    // text as typed (the search runs first when it is not the one shown).
    void chooseFromSearch();
    void chooseCurrentOrFirst();
    void enterList();

    BrowseTableModel *m_model;
    QLineEdit *m_search;
    QTableView *m_view;
    QTimer *m_delay;
    QString m_city;
    QString m_selectedId;
    QString m_selectedName;
    // Enter was pressed before the search's first rows arrived: choose the first of them.
    bool m_chooseWhenShown = false;
};
