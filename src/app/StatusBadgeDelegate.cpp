#include "StatusBadgeDelegate.h"

#include "models/BrowseTableModel.h"

#include <QApplication>
#include <QPainter>

// A colour swatch (a vehicle's colour) gets a thin outline in the text colour, so that black
// stays visible on a dark base and white or yellow on a light one.
void StatusBadgeDelegate::outlineSwatch(QPainter *painter, const QStyleOptionViewItem &option,
                                        const QModelIndex &index) const
{
    QStyleOptionViewItem item = option;
    initStyleOption(&item, index);
    const QStyle *style = option.widget ? option.widget->style() : QApplication::style();
    const QRect area =
        style->subElementRect(QStyle::SE_ItemViewItemDecoration, &item, option.widget);
    QRect swatch(QPoint(), item.decorationSize.boundedTo(area.size()));
    swatch.moveCenter(area.center());
    QColor outline = option.palette.color(QPalette::Text);
    outline.setAlpha(140);
    painter->save();
    painter->setPen(outline);
    painter->setBrush(Qt::NoBrush);
    painter->drawRect(swatch.adjusted(0, 0, -1, -1));
    painter->restore();
}

void StatusBadgeDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                const QModelIndex &index) const
{
    if (!index.data(BrowseTableModel::BadgeRole).toBool()) {
        QStyledItemDelegate::paint(painter, option, index);
        if (index.data(Qt::DecorationRole).metaType() == QMetaType::fromType<QColor>())
            outlineSwatch(painter, option, index);
        return;
    }
    // The selection / hover background first, then the badge on top.
    QStyleOptionViewItem base = option;
    initStyleOption(&base, index);
    base.text.clear();
    base.backgroundBrush = QBrush();
    QApplication::style()->drawControl(QStyle::CE_ItemViewItem, &base, painter, option.widget);

    const QString text = index.data(Qt::DisplayRole).toString();
    const QColor fill = index.data(Qt::BackgroundRole).value<QBrush>().color();
    const QColor ink = index.data(Qt::ForegroundRole).value<QBrush>().color();
    const QFontMetrics metrics(option.font);
    const int width = metrics.horizontalAdvance(text) + 14;
    const int height = qMin(option.rect.height() - 4, metrics.height() + 4);
    const QRect pill(option.rect.left() + 4, option.rect.center().y() - height / 2 + 1, width,
                     height);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(fill);
    painter->drawRoundedRect(pill, height / 2.0, height / 2.0);
    painter->setPen(ink);
    painter->drawText(pill, Qt::AlignCenter, text);
    painter->restore();
}
