#pragma once

#include <QStyledItemDelegate>

// Paints cells that carry BrowseTableModel::BadgeRole (vehicle status) as a colored pill
// with the model's BackgroundRole and ForegroundRole; other cells as usual.
class StatusBadgeDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
};
