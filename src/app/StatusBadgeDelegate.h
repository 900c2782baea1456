#pragma once

#include <QStyledItemDelegate>

// Paints cells that carry BrowseTableModel::BadgeRole (vehicle status) as a colored pill
// with the model's BackgroundRole and ForegroundRole; other cells as usual, colour swatches
// (a QColor as DecorationRole) outlined so that they show on light and dark palettes.
class StatusBadgeDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;

private:
    void outlineSwatch(QPainter *painter, const QStyleOptionViewItem &option,
                       const QModelIndex &index) const;
};
