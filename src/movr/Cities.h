#pragma once

#include <QList>
#include <QString>

// The nine MovR cities, their regions and partitions (MOVR.md), with a centre point for
// generated coordinates and map plots.
struct City
{
    QString name;      // "new york": the value stored in every table's city column
    QString region;    // "us-east1": the multi-region name
    QString partition; // "us_east": the geo-partition
    double latitude;
    double longitude;
};

namespace Cities {

const QList<City> &all();
bool isKnown(const QString &name);
const City *find(const QString &name);
QStringList names();
QStringList regions();                            // us-east1, us-west1, europe-west1
QStringList namesInRegion(const QString &region); // empty for an unknown region

} // namespace Cities
