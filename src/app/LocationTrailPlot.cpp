#include "LocationTrailPlot.h"

#include "models/BrowseTableModel.h"
#include "models/SemanticColors.h"

#include <QPainter>
#include <QPainterPath>

LocationTrailPlot::LocationTrailPlot(QWidget *parent) : QWidget(parent)
{
    setMinimumHeight(140);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void LocationTrailPlot::setModel(BrowseTableModel *model)
{
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = model;
    if (m_model) {
        auto redraw = [this] { update(); };
        connect(m_model, &QAbstractItemModel::rowsInserted, this, redraw);
        connect(m_model, &QAbstractItemModel::modelReset, this, redraw);
        connect(m_model, &QAbstractItemModel::dataChanged, this, redraw);
        connect(m_model, &QObject::destroyed, this, [this] { m_model = nullptr; });
    }
    update();
}

QList<QPointF> LocationTrailPlot::points() const
{
    QList<QPointF> points;
    if (!m_model)
        return points;
    const int lat = m_model->spec().columnIndex(QStringLiteral("lat"));
    const int lon = m_model->spec().columnIndex(QStringLiteral("long"));
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const RowData &data = m_model->rowAt(row);
        if (data.isNull(lat) || data.isNull(lon))
            continue;
        points.append(QPointF(data.text(lon).toDouble(), data.text(lat).toDouble()));
    }
    return points;
}

void LocationTrailPlot::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.fillRect(rect(), palette().base());
    painter.setPen(palette().mid().color());
    painter.drawRect(rect().adjusted(0, 0, -1, -1));
    const QList<QPointF> trail = points();
    if (trail.isEmpty()) {
        painter.setPen(palette().placeholderText().color());
        painter.drawText(rect(), Qt::AlignCenter, tr("No location history"));
        return;
    }
    // (QRectF::united ignores empty rectangles, so the bounds are computed by hand.)
    double left = trail.first().x(), right = left, bottom = trail.first().y(), top = bottom;
    for (const QPointF &point : trail) {
        left = qMin(left, point.x());
        right = qMax(right, point.x());
        bottom = qMin(bottom, point.y());
        top = qMax(top, point.y());
    }
    const QRectF bounds(QPointF(left, bottom), QPointF(right, top));
    const double span = qMax(qMax(bounds.width(), bounds.height()), 1e-6);
    const QRectF area = QRectF(rect()).adjusted(14, 14, -14, -14);
    const double scale = qMin(area.width(), area.height()) / span;
    const QPointF centre = bounds.center();
    // North up: latitude grows upwards.
    auto map = [&](const QPointF &point) {
        return QPointF(area.center().x() + (point.x() - centre.x()) * scale,
                       area.center().y() - (point.y() - centre.y()) * scale);
    };
    QPainterPath path(map(trail.first()));
    for (const QPointF &point : trail)
        path.lineTo(map(point));
    // The trail, its start and its end in the palette's colours (light or dark variants).
    using SemanticColors::Role;
    painter.setPen(QPen(SemanticColors::foreground(Role::Info, palette()), 2));
    painter.drawPath(path);
    painter.setPen(Qt::NoPen);
    painter.setBrush(SemanticColors::foreground(Role::Success, palette()));
    painter.drawEllipse(map(trail.first()), 4, 4);
    painter.setBrush(SemanticColors::foreground(Role::Error, palette()));
    painter.drawEllipse(map(trail.last()), 4, 4);
    painter.setPen(palette().text().color());
    painter.drawText(rect().adjusted(4, 2, -4, -2), Qt::AlignLeft | Qt::AlignBottom,
                     tr("%n point(s)", nullptr, int(trail.size())));
}
