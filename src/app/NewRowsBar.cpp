#include "NewRowsBar.h"

#include "models/BrowseTableModel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTableView>

NewRowsBar::NewRowsBar(BrowseTableModel *model, QTableView *view, QWidget *parent)
    : QWidget(parent), m_model(model), m_view(view), m_label(new QLabel(this)),
      m_show(new QPushButton(tr("Show"), this))
{
    setObjectName(QStringLiteral("newRowsBar"));
    m_show->setObjectName(QStringLiteral("showNewRows"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 2, 6, 2);
    layout->addWidget(m_label);
    layout->addWidget(m_show);
    layout->addStretch(1);
    connect(m_show, &QPushButton::clicked, this, &NewRowsBar::showNewRows);
    connect(model, &BrowseTableModel::newRowsChanged, this, &NewRowsBar::update);
    // A new filter or table starts without new rows.
    connect(model, &QAbstractItemModel::modelReset, this,
            [this] { update(m_model->newRowCount()); });
    update(0);
}

QString NewRowsBar::text() const
{
    return isVisibleTo(parentWidget()) ? m_label->text() : QString();
}

void NewRowsBar::update(int count)
{
    m_label->setText(textFor(m_model->table(), count));
    setVisible(count > 0);
}

void NewRowsBar::showNewRows()
{
    const int row = m_model->showNewRows();
    update(m_model->newRowCount());
    if (row < 0 || !m_view->model())
        return;
    // The proxy between (pending edits) keeps the model's rows.
    m_view->scrollTo(m_view->model()->index(row, qMax(0, m_view->currentIndex().column())),
                     QAbstractItemView::PositionAtCenter);
}

QString NewRowsBar::textFor(BrowseTable table, int count)
{
    switch (table) {
    case BrowseTable::Vehicles:
        return tr("%n new vehicle(s)", nullptr, count);
    case BrowseTable::Rides:
        return tr("%n new ride(s)", nullptr, count);
    case BrowseTable::Users:
        return tr("%n new user(s)", nullptr, count);
    case BrowseTable::PromoCodes:
        return tr("%n new promo code(s)", nullptr, count);
    case BrowseTable::UserPromoCodes:
        return tr("%n new promo code(s) held", nullptr, count);
    case BrowseTable::LocationHistory:
        return tr("%n new location(s)", nullptr, count);
    }
    return tr("%n new row(s)", nullptr, count);
}
