#pragma once

#include <QDialog>
#include <QHash>

#include "worker/BrowseTypes.h"
#include "worker/TableSpec.h"

class BrowseTableModel;
class BrowseWorker;
class QLineEdit;
class QTableView;
class QTimer;

// Picks a row of a table by what a person recognizes (a name, an address, the start of an
// id): a search field over the table (loaded by the browse worker, filtered and searched on
// the server, asynchronously). Enter in the search field chooses the
// current row, or the first match (of what was typed, once the server has answered); Down
// moves into the list, where Enter or a double-click chooses.
class RowPicker : public QDialog
{
    Q_OBJECT

public:
    // `filter` limits the rows (cities, active rides…); `columns` are shown; `label` names a
    // chosen row (selectedName()).
    RowPicker(BrowseWorker *worker, BrowseTable table, const BrowseFilter &filter,
              const QStringList &columns, const QString &label, QWidget *parent = nullptr);

    QString selectedId() const { return m_selectedId; }
    QString selectedName() const { return m_selectedName; }
    BrowseTableModel *model() const { return m_model; }
    void setSearch(const QString &text);
    // Starts with `text` in the search field, searched at once.
    void startWith(const QString &text);
    // The chosen row's value of `column` (after accepted()).
    QString selectedValue(const QString &column) const { return m_selectedValues.value(column); }
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
    BrowseFilter m_filter;
    QString m_label;
    QString m_selectedId;
    QString m_selectedName;
    QHash<QString, QString> m_selectedValues;
    // Enter was pressed before the search's first rows arrived: choose the first of them.
    bool m_chooseWhenShown = false;
};
