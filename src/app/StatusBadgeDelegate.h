#pragma once

#include <QStyledItemDelegate>

// Paints cells that carry BrowseTableModel::BadgeRole (vehicle status) as a colored pill
// with the model's BackgroundRole and ForegroundRole; other cells as usual, colour swatches
// (a QColor as DecorationRole) outlined so that they show on light and dark palettes.
// Live updates (issue 13): a cell that just changed (ChangeHighlightRole) shows the model's
// fading background, a badge an outline that fades the same way; a row that left
// (RowGoneRole) is greyed and struck out, its reason the tooltip; a pending edit whose row
// changed on the server carries a small corner mark.
class StatusBadgeDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;

    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                   const QModelIndex &index) override;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    void paintLiveMarks(QPainter *painter, const QStyleOptionViewItem &option,
                        const QModelIndex &index, bool badge) const;
    void outlineSwatch(QPainter *painter, const QStyleOptionViewItem &option,
                       const QModelIndex &index) const;
};
