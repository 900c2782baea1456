#include "CityLookup.h"

namespace CityLookup {

QString distinctCities(const QString &table, const QString &cityColumn)
{
    return QStringLiteral("WITH RECURSIVE cities (name) AS (\n"
                          "    SELECT min(%2) FROM %1\n"
                          "    UNION ALL\n"
                          "    SELECT (SELECT min(%2) FROM %1 WHERE %2 > cities.name)\n"
                          "    FROM cities WHERE cities.name IS NOT NULL)\n")
        .arg(table, cityColumn);
}

QString otherCity(const char *table, int idParam, int cityParam, const char *foundCte)
{
    return QLatin1Char('(') + distinctCities(QLatin1String(table), QStringLiteral("city")) +
           QStringLiteral(
               "        SELECT found.city FROM cities, LATERAL (\n"
               "            SELECT city FROM %1\n"
               "            WHERE city = cities.name AND id = $%2::uuid LIMIT 1) AS found\n"
               "        WHERE NOT EXISTS (SELECT 1 FROM %4)\n"
               "          AND cities.name IS NOT NULL AND cities.name <> $%3::text\n"
               "        LIMIT 1)")
               .arg(QLatin1String(table))
               .arg(idParam)
               .arg(cityParam)
               .arg(QLatin1String(foundCte));
}

} // namespace CityLookup
