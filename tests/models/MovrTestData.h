#pragma once

// A MovR data set several pages large, written with generate_series so that every value is
// known to the tests: rides with NULL end times (active), users with hostile names, bikes
// with brands. The schema is the project's (Schema::create), canonical or multi-region.

#include "movr/Schema.h"
#include "pg/PgConnection.h"

#include <QTest>

namespace MovrTestData {

inline const char *citiesArray()
{
    return "ARRAY['new york','boston','washington dc','seattle','san francisco','los angeles',"
           "'amsterdam','paris','rome']";
}

// Names that look like SQL or LIKE syntax; the search must find them literally.
inline QStringList hostileNames()
{
    return {
        QStringLiteral("100% sure"),        QStringLiteral("100 sure"),
        QStringLiteral("a_b underscore"),   QStringLiteral("axb underscore"),
        QStringLiteral("back\\slash"),      QStringLiteral("backslash"),
        QStringLiteral("O'Brien"),          QStringLiteral("Robert'); DROP TABLE users;--"),
        QStringLiteral("Zoë Ünïcode 日本"), QStringLiteral("emoji 🚲 rider"),
        QStringLiteral("dollar $1 param"),  QStringLiteral("quote \" double"),
    };
}

inline bool load(PgConnection &connection, int users = 3000, int vehicles = 600, int rides = 5000,
                 Schema::Layout layout = Schema::Layout::Canonical)
{
    const Status created = Schema::create(connection, Schema::ForeignKeys::Include, layout);
    if (!created) {
        qWarning("schema: %s", qPrintable(created.error().toString()));
        return false;
    }
    const QString cities = QString::fromLatin1(citiesArray());
    const QStringList statements{
        QStringLiteral("INSERT INTO users (id, city, name, address, credit_card) "
                       "SELECT md5('u' || i)::uuid, (%1)[1 + i % 9], "
                       "'User ' || i || ' ' || (ARRAY['Smith','Jones','Lee','Garcia'])[1 + i % 4], "
                       "i || ' Main Street', lpad(((i::int8 * 7919) % 10000000000)::text, 10, '0') "
                       "FROM generate_series(1, $1::int) AS i")
            .arg(cities),
        QStringLiteral(
            "INSERT INTO vehicles (id, city, type, owner_id, creation_time, status, "
            "current_location, ext) "
            "SELECT md5('v' || i)::uuid, (%1)[1 + i % 9], "
            "(ARRAY['skateboard','bike','scooter'])[1 + i % 3], md5('u' || i)::uuid, "
            "'2019-01-01 00:00:00'::timestamp + i * interval '17 minutes', "
            "(ARRAY['available','in_use','lost','in_use','available'])[1 + i % 5], "
            "i || ' Harbor Road', "
            "jsonb_build_object('color', (ARRAY['red','yellow','blue','green','black'])[1 + i % 5])"
            " || CASE WHEN i % 3 = 1 THEN jsonb_build_object('brand', "
            "(ARRAY['Merida','Fuji','Cervelo'])[1 + i % 3]) ELSE '{}'::jsonb END "
            "FROM generate_series(1, $1::int) AS i")
            .arg(cities),
        QStringLiteral(
            "INSERT INTO rides (id, city, vehicle_city, rider_id, vehicle_id, start_address, "
            "end_address, start_time, end_time, revenue) "
            "SELECT md5('r' || i)::uuid, (%1)[1 + i % 9], (%1)[1 + i % 9], "
            "md5('u' || (9 * (i % ($2::int / 9 - 2)) + i % 9 + 9))::uuid, "
            "md5('v' || (9 * (i % ($3::int / 9 - 2)) + i % 9 + 9))::uuid, "
            "i || ' Start Avenue', CASE WHEN i % 7 = 0 THEN NULL ELSE i || ' End Lane' END, "
            "'2019-01-02 03:04:05'::timestamp - (i % 30) * interval '1 day' + i * interval '1 "
            "second', "
            "CASE WHEN i % 7 = 0 THEN NULL ELSE '2019-01-02 03:04:05'::timestamp - (i % 30) * "
            "interval '1 day' + (i % 60 + 1) * interval '1 hour' END, "
            "CASE WHEN i % 7 = 0 THEN NULL ELSE ((i * 37) % 10000) / 100.0 END "
            "FROM generate_series(1, $1::int) AS i")
            .arg(cities),
        QStringLiteral(
            "INSERT INTO vehicle_location_histories (city, ride_id, \"timestamp\", lat, long) "
            "SELECT r.city, r.id, r.start_time + n * interval '1 minute', "
            "40 + sin(n / 3.0) / 50, -74 + n / 500.0 "
            "FROM rides r, generate_series(0, 11) AS n"),
        QStringLiteral(
            "INSERT INTO promo_codes (code, description, creation_time, expiration_time, rules) "
            "SELECT i || '_' || (ARRAY['red','quick','lazy'])[1 + i % 3] || '_fox_jumps', "
            "'Promo ' || i, '2019-01-01'::timestamp + i * interval '1 hour', "
            "'2020-01-01'::timestamp + i * interval '1 hour', "
            "'{\"type\": \"percent_discount\", \"value\": \"10%\"}'::jsonb "
            "FROM generate_series(1, 700) AS i"),
    };
    const QList<int> counts{users, vehicles, rides, 0, 0};
    for (int i = 0; i < statements.size(); ++i) {
        SqlParams params;
        if (statements.at(i).contains(QLatin1String("$1")))
            params.append(QString::number(counts.at(i)));
        if (statements.at(i).contains(QLatin1String("$3")))
            params << QString::number(users) << QString::number(vehicles);
        auto result = connection.exec(statements.at(i), params);
        if (!result) {
            qWarning("data: %s", qPrintable(result.error().toString()));
            return false;
        }
    }
    // Hostile names, one per city in turn.
    const QStringList names = hostileNames();
    for (int i = 0; i < names.size(); ++i) {
        auto result = connection.exec(
            QStringLiteral("INSERT INTO users (id, city, name, address, credit_card) "
                           "VALUES (md5('hostile' || $1)::uuid, (%1)[1 + $1::int % 9], $2, "
                           "'1 Odd Street', '4111111111111111')")
                .arg(QString::fromLatin1(citiesArray())),
            {QString::number(i), names.at(i)});
        if (!result) {
            qWarning("hostile: %s", qPrintable(result.error().toString()));
            return false;
        }
    }
    return bool(connection.exec(QStringLiteral("ANALYZE")));
}

} // namespace MovrTestData
