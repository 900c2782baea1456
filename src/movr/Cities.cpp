#include "Cities.h"

namespace Cities {

const QList<City> &all()
{
    static const QList<City> cities{
        {QStringLiteral("new york"), QStringLiteral("us-east1"), QStringLiteral("us_east"), 40.7128,
         -74.0060},
        {QStringLiteral("boston"), QStringLiteral("us-east1"), QStringLiteral("us_east"), 42.3601,
         -71.0589},
        {QStringLiteral("washington dc"), QStringLiteral("us-east1"), QStringLiteral("us_east"),
         38.9072, -77.0369},
        {QStringLiteral("seattle"), QStringLiteral("us-west1"), QStringLiteral("us_west"), 47.6062,
         -122.3321},
        {QStringLiteral("san francisco"), QStringLiteral("us-west1"), QStringLiteral("us_west"),
         37.7749, -122.4194},
        {QStringLiteral("los angeles"), QStringLiteral("us-west1"), QStringLiteral("us_west"),
         34.0522, -118.2437},
        {QStringLiteral("amsterdam"), QStringLiteral("europe-west1"), QStringLiteral("europe_west"),
         52.3676, 4.9041},
        {QStringLiteral("paris"), QStringLiteral("europe-west1"), QStringLiteral("europe_west"),
         48.8566, 2.3522},
        {QStringLiteral("rome"), QStringLiteral("europe-west1"), QStringLiteral("europe_west"),
         41.9028, 12.4964},
    };
    return cities;
}

const City *find(const QString &name)
{
    for (const City &city : all()) {
        if (city.name == name)
            return &city;
    }
    return nullptr;
}

bool isKnown(const QString &name)
{
    return find(name) != nullptr;
}

QStringList names()
{
    QStringList result;
    for (const City &city : all())
        result << city.name;
    return result;
}

QStringList regions()
{
    QStringList result;
    for (const City &city : all()) {
        if (!result.contains(city.region))
            result << city.region;
    }
    return result;
}

QStringList namesInRegion(const QString &region)
{
    QStringList result;
    for (const City &city : all()) {
        if (city.region == region)
            result << city.name;
    }
    return result;
}

} // namespace Cities
