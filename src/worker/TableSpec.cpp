#include "TableSpec.h"

#include <QCoreApplication>

namespace {

ColumnSpec column(const char *name, const char *title, ColumnKind kind)
{
    ColumnSpec spec;
    spec.name = QString::fromLatin1(name);
    spec.title = QCoreApplication::translate("TableSpec", title);
    spec.kind = kind;
    switch (kind) {
    case ColumnKind::Uuid:
        spec.sqlType = QStringLiteral("uuid");
        break;
    case ColumnKind::Timestamp:
        spec.sqlType = QStringLiteral("timestamp");
        break;
    case ColumnKind::Money:
    case ColumnKind::Number:
        spec.sqlType = QStringLiteral("numeric");
        break;
    case ColumnKind::Integer:
        spec.sqlType = QStringLiteral("int8");
        break;
    case ColumnKind::Json:
        spec.sqlType = QStringLiteral("jsonb");
        break;
    default:
        spec.sqlType = QStringLiteral("text");
        break;
    }
    return spec;
}

TableSpec makeVehicles()
{
    TableSpec spec;
    spec.table = BrowseTable::Vehicles;
    spec.sqlName = QStringLiteral("vehicles");
    spec.title = QCoreApplication::translate("TableSpec", "Vehicles");
    spec.columns = {
        column("city", QT_TRANSLATE_NOOP("TableSpec", "City"), ColumnKind::Text),
        column("id", QT_TRANSLATE_NOOP("TableSpec", "ID"), ColumnKind::Uuid),
        column("type", QT_TRANSLATE_NOOP("TableSpec", "Type"), ColumnKind::Text),
        column("status", QT_TRANSLATE_NOOP("TableSpec", "Status"), ColumnKind::Status),
        column("current_location", QT_TRANSLATE_NOOP("TableSpec", "Location"), ColumnKind::Text),
        column("ext", QT_TRANSLATE_NOOP("TableSpec", "Details"), ColumnKind::Json),
        column("owner_id", QT_TRANSLATE_NOOP("TableSpec", "Owner"), ColumnKind::Uuid),
        column("creation_time", QT_TRANSLATE_NOOP("TableSpec", "Created"), ColumnKind::Timestamp),
    };
    spec.keyColumns = {0, 1};
    spec.cityColumn = 0;
    spec.typeColumn = 2;
    spec.statusColumn = 3;
    spec.timeColumn = 7;
    spec.idPrefixColumns = {1};
    spec.containsColumns = {4};
    return spec;
}

TableSpec makeRides()
{
    TableSpec spec;
    spec.table = BrowseTable::Rides;
    spec.sqlName = QStringLiteral("rides");
    spec.title = QCoreApplication::translate("TableSpec", "Rides");
    spec.columns = {
        column("city", QT_TRANSLATE_NOOP("TableSpec", "City"), ColumnKind::Text),
        column("id", QT_TRANSLATE_NOOP("TableSpec", "ID"), ColumnKind::Uuid),
        column("rider_id", QT_TRANSLATE_NOOP("TableSpec", "Rider"), ColumnKind::Uuid),
        column("vehicle_city", QT_TRANSLATE_NOOP("TableSpec", "Vehicle city"), ColumnKind::Text),
        column("vehicle_id", QT_TRANSLATE_NOOP("TableSpec", "Vehicle"), ColumnKind::Uuid),
        column("start_address", QT_TRANSLATE_NOOP("TableSpec", "From"), ColumnKind::Text),
        column("end_address", QT_TRANSLATE_NOOP("TableSpec", "To"), ColumnKind::Text),
        column("start_time", QT_TRANSLATE_NOOP("TableSpec", "Started"), ColumnKind::Timestamp),
        column("end_time", QT_TRANSLATE_NOOP("TableSpec", "Ended"), ColumnKind::Timestamp),
        column("revenue", QT_TRANSLATE_NOOP("TableSpec", "Revenue"), ColumnKind::Money),
    };
    spec.keyColumns = {0, 1};
    spec.cityColumn = 0;
    spec.timeColumn = 7;
    spec.activeColumn = 8;
    spec.idPrefixColumns = {1};
    return spec;
}

TableSpec makeUsers()
{
    TableSpec spec;
    spec.table = BrowseTable::Users;
    spec.sqlName = QStringLiteral("users");
    spec.title = QCoreApplication::translate("TableSpec", "Users");
    spec.columns = {
        column("city", QT_TRANSLATE_NOOP("TableSpec", "City"), ColumnKind::Text),
        column("id", QT_TRANSLATE_NOOP("TableSpec", "ID"), ColumnKind::Uuid),
        column("name", QT_TRANSLATE_NOOP("TableSpec", "Name"), ColumnKind::Text),
        column("address", QT_TRANSLATE_NOOP("TableSpec", "Address"), ColumnKind::Text),
        column("credit_card", QT_TRANSLATE_NOOP("TableSpec", "Credit card"),
               ColumnKind::CreditCard),
    };
    spec.keyColumns = {0, 1};
    spec.cityColumn = 0;
    // A name, or the start of an id (Find user: "Name or the start of the id…").
    spec.idPrefixColumns = {1};
    spec.containsColumns = {2};
    return spec;
}

TableSpec makePromoCodes()
{
    TableSpec spec;
    spec.table = BrowseTable::PromoCodes;
    spec.sqlName = QStringLiteral("promo_codes");
    spec.title = QCoreApplication::translate("TableSpec", "Promo codes");
    spec.columns = {
        column("code", QT_TRANSLATE_NOOP("TableSpec", "Code"), ColumnKind::Text),
        column("description", QT_TRANSLATE_NOOP("TableSpec", "Description"), ColumnKind::Text),
        column("creation_time", QT_TRANSLATE_NOOP("TableSpec", "Created"), ColumnKind::Timestamp),
        column("expiration_time", QT_TRANSLATE_NOOP("TableSpec", "Expires"), ColumnKind::Timestamp),
        column("rules", QT_TRANSLATE_NOOP("TableSpec", "Rules"), ColumnKind::Json),
    };
    spec.keyColumns = {0};
    spec.timeColumn = 2;
    spec.containsColumns = {0};
    return spec;
}

TableSpec makeLocationHistory()
{
    TableSpec spec;
    spec.table = BrowseTable::LocationHistory;
    spec.sqlName = QStringLiteral("vehicle_location_histories");
    spec.title = QCoreApplication::translate("TableSpec", "Location history");
    spec.columns = {
        column("city", QT_TRANSLATE_NOOP("TableSpec", "City"), ColumnKind::Text),
        column("ride_id", QT_TRANSLATE_NOOP("TableSpec", "Ride"), ColumnKind::Uuid),
        column("timestamp", QT_TRANSLATE_NOOP("TableSpec", "Time"), ColumnKind::Timestamp),
        column("lat", QT_TRANSLATE_NOOP("TableSpec", "Latitude"), ColumnKind::Number),
        column("long", QT_TRANSLATE_NOOP("TableSpec", "Longitude"), ColumnKind::Number),
    };
    spec.columns[3].sqlType = QStringLiteral("float8");
    spec.columns[4].sqlType = QStringLiteral("float8");
    spec.keyColumns = {0, 1, 2};
    spec.cityColumn = 0;
    spec.timeColumn = 2;
    spec.idPrefixColumns = {1};
    return spec;
}

TableSpec makeUserPromoCodes()
{
    TableSpec spec;
    spec.table = BrowseTable::UserPromoCodes;
    spec.sqlName = QStringLiteral("user_promo_codes");
    spec.title = QCoreApplication::translate("TableSpec", "User promo codes");
    spec.columns = {
        column("city", QT_TRANSLATE_NOOP("TableSpec", "City"), ColumnKind::Text),
        column("user_id", QT_TRANSLATE_NOOP("TableSpec", "User"), ColumnKind::Uuid),
        column("code", QT_TRANSLATE_NOOP("TableSpec", "Code"), ColumnKind::Text),
        column("timestamp", QT_TRANSLATE_NOOP("TableSpec", "Applied"), ColumnKind::Timestamp),
        column("usage_count", QT_TRANSLATE_NOOP("TableSpec", "Uses"), ColumnKind::Integer),
    };
    spec.keyColumns = {0, 1, 2};
    spec.cityColumn = 0;
    spec.timeColumn = 3;
    spec.containsColumns = {2};
    return spec;
}

} // namespace

const TableSpec &TableSpec::of(BrowseTable table)
{
    static const QList<TableSpec> specs = [] {
        QList<TableSpec> list{makeVehicles(),   makeRides(),           makeUsers(),
                              makePromoCodes(), makeLocationHistory(), makeUserPromoCodes()};
        for (TableSpec &spec : list)
            spec.orderKeyColumns = spec.keyColumns;
        return list;
    }();
    return specs.at(int(table));
}

TableSpec TableSpec::of(BrowseTable table, const MovrSchemaShape &shape)
{
    TableSpec spec = of(table);
    QList<int> key;
    for (const QString &name : shape.primaryKey(spec.sqlName)) {
        const int column = spec.columnIndex(name);
        if (column < 0)
            return spec; // not a supported shape: the worker does not query it
        key.append(column);
    }
    if (!key.isEmpty())
        spec.orderKeyColumns = key;
    return spec;
}

QList<BrowseTable> TableSpec::browsable()
{
    return {BrowseTable::Vehicles, BrowseTable::Rides, BrowseTable::Users, BrowseTable::PromoCodes};
}

int TableSpec::columnIndex(const QString &name) const
{
    for (int i = 0; i < columns.size(); ++i) {
        if (columns.at(i).name == name)
            return i;
    }
    return -1;
}

QString TableSpec::quotedColumn(int column) const
{
    const QString &name = columns.at(column).name;
    if (name == QLatin1String("timestamp") || name == QLatin1String("long"))
        return QLatin1Char('"') + name + QLatin1Char('"');
    return name;
}
