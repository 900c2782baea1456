#include "StatusBadgeDelegate.h"

#include "models/BrowseTableModel.h"
#include "models/PendingChanges.h"
#include "models/SemanticColors.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>

namespace {

// The changed cell's colour (light or dark, SemanticColors), faded by the strength (0..1).
QColor highlightColor(const QPalette &palette, qreal strength, int maxAlpha)
{
    QColor color = SemanticColors::changeHighlight(palette);
    color.setAlpha(qBound(0, int(maxAlpha * strength), 255));
    return color;
}

int changedOnServerRole()
{
    return PendingEditsProxy::ChangedOnServerRole;
}

} // namespace

void StatusBadgeDelegate::initStyleOption(QStyleOptionViewItem *option,
                                          const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const qreal strength = index.data(BrowseTableModel::ChangeHighlightRole).toReal();
    if (strength > 0 && option->backgroundBrush.style() == Qt::NoBrush)
        option->backgroundBrush = highlightColor(option->palette, strength, 110);
    if (!index.data(BrowseTableModel::RowGoneRole).toString().isEmpty()) {
        // Left (deleted, or no longer matching the filter) while the user is on it.
        option->font.setStrikeOut(true);
        const QColor grey = option->palette.color(QPalette::Disabled, QPalette::Text);
        option->palette.setColor(QPalette::Text, grey);
        option->palette.setColor(QPalette::HighlightedText, grey);
    }
}

bool StatusBadgeDelegate::helpEvent(QHelpEvent *event, QAbstractItemView *view,
                                    const QStyleOptionViewItem &option, const QModelIndex &index)
{
    const QString gone = index.data(BrowseTableModel::RowGoneRole).toString();
    if (event->type() == QEvent::ToolTip && !gone.isEmpty()) {
        QToolTip::showText(event->globalPos(), gone, view);
        return true;
    }
    return QStyledItemDelegate::helpEvent(event, view, option, index);
}

void StatusBadgeDelegate::paintLiveMarks(QPainter *painter, const QStyleOptionViewItem &option,
                                         const QModelIndex &index, bool badge) const
{
    const qreal strength = index.data(BrowseTableModel::ChangeHighlightRole).toReal();
    if (badge && strength > 0) {
        // The pill keeps its status colour: the change shows as a fading outline.
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(QPen(highlightColor(option.palette, strength, 255), 2));
        painter->setBrush(Qt::NoBrush);
        painter->drawRect(QRectF(option.rect).adjusted(1, 1, -1, -1));
        painter->restore();
    }
    if (index.data(changedOnServerRole()).toBool()) {
        // A small corner triangle: this pending edit's row changed on the server.
        const QRect r = option.rect;
        const int size = qMin(8, r.height() / 2);
        const QPolygon corner(
            {r.topRight() - QPoint(size, 0), r.topRight(), r.topRight() + QPoint(0, size)});
        painter->save();
        painter->setPen(Qt::NoPen);
        painter->setBrush(
            SemanticColors::foreground(SemanticColors::Role::Warning, option.palette));
        painter->drawPolygon(corner);
        painter->restore();
    }
}

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
        paintLiveMarks(painter, option, index, false);
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
    paintLiveMarks(painter, option, index, true);
}
