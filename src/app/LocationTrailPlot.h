#pragma once

#include <QPointF>
#include <QWidget>

class BrowseTableModel;

// A small plot of a ride's location trail (vehicle_location_histories rows in time order):
// the points joined by a polyline, start and end marked. Reads the rows from a
// BrowseTableModel of LocationHistory; redraws as pages arrive.
class LocationTrailPlot : public QWidget
{
    Q_OBJECT

public:
    explicit LocationTrailPlot(QWidget *parent = nullptr);

    void setModel(BrowseTableModel *model);
    QList<QPointF> points() const; // (longitude, latitude)
    QSize sizeHint() const override { return {260, 180}; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    BrowseTableModel *m_model = nullptr;
};
