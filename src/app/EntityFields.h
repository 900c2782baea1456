#pragma once

#include "worker/BrowseTypes.h"

#include <QList>
#include <QWidget>

class QFormLayout;
class QLabel;
class QPoint;

// The details pane's entity: one row's values as "Column: value" lines of selectable text.
// Ctrl+C copies the selection; the context menu of a value offers "Copy value" (the whole
// value: full ids, timestamps as stored; card numbers masked, as in the tables). Ids are
// shown whole here (there is room, and people copy them).
class EntityFields : public QWidget
{
    Q_OBJECT

public:
    explicit EntityFields(QWidget *parent = nullptr);

    // Shows this row. The same table again (a refresh) keeps the labels and changes their
    // texts, so nothing in the pane moves.
    void setRow(BrowseTable table, const RowData &row);
    void clear();
    // The value label of a column (by name), and what "Copy value" copies for it; null /
    // empty when not shown.
    QLabel *label(const QString &column) const;
    QString copyText(const QString &column) const;

private:
    struct Field
    {
        QString column;
        QLabel *value = nullptr;
        QString copyText; // the whole value ("Copy value")
        bool isNull = false;
    };
    const Field *field(const QString &column) const;
    void showValueMenu(QLabel *value, const QPoint &position);

    QFormLayout *m_layout;
    QList<Field> m_fields;
    BrowseTable m_table = BrowseTable::Rides;
};
