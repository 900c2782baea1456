#include "EntityRelations.h"

#include <QCoreApplication>

namespace {

using Match = EntityRelation::Match;

// The table: entity, title, related table, match (related column ← entity column), rows shown.
const QList<EntityRelation> &relationTable()
{
    static const QList<EntityRelation> table = {
        // A user: the rides taken, the vehicles owned, the promo codes held.
        {BrowseTable::Users,
         QT_TRANSLATE_NOOP("DetailPane", "Rides"),
         BrowseTable::Rides,
         {{"city", "city"}, {"rider_id", "id"}},
         6},
        {BrowseTable::Users,
         QT_TRANSLATE_NOOP("DetailPane", "Vehicles"),
         BrowseTable::Vehicles,
         {{"city", "city"}, {"owner_id", "id"}},
         4},
        {BrowseTable::Users,
         QT_TRANSLATE_NOOP("DetailPane", "Promo codes"),
         BrowseTable::UserPromoCodes,
         {{"city", "city"}, {"user_id", "id"}},
         4},
        // A vehicle: its owner, its rides (and the trail of the one selected).
        {BrowseTable::Vehicles,
         QT_TRANSLATE_NOOP("DetailPane", "Owner"),
         BrowseTable::Users,
         {{"city", "city"}, {"id", "owner_id"}},
         1,
         true},
        {BrowseTable::Vehicles,
         QT_TRANSLATE_NOOP("DetailPane", "Rides"),
         BrowseTable::Rides,
         {{"vehicle_city", "city"}, {"vehicle_id", "id"}},
         6,
         false,
         true},
        // A ride: its rider, its vehicle, its location history (and trail).
        {BrowseTable::Rides,
         QT_TRANSLATE_NOOP("DetailPane", "Rider"),
         BrowseTable::Users,
         {{"city", "city"}, {"id", "rider_id"}},
         1,
         true},
        {BrowseTable::Rides,
         QT_TRANSLATE_NOOP("DetailPane", "Vehicle"),
         BrowseTable::Vehicles,
         {{"city", "vehicle_city"}, {"id", "vehicle_id"}},
         1,
         true},
        {BrowseTable::Rides,
         QT_TRANSLATE_NOOP("DetailPane", "Location history"),
         BrowseTable::LocationHistory,
         {{"city", "city"}, {"ride_id", "id"}},
         5},
    };
    return table;
}

int column(BrowseTable table, const char *name)
{
    return TableSpec::of(table).columnIndex(QString::fromLatin1(name));
}

} // namespace

QString EntityRelation::title() const
{
    return QCoreApplication::translate("DetailPane", name);
}

QList<QPair<QString, QString>> EntityRelation::equals(const RowData &row) const
{
    QList<QPair<QString, QString>> result;
    for (const Match &m : match) {
        const int index = column(from, m.entityColumn);
        if (index < 0 || row.isNull(index))
            return {};
        result.append({QString::fromLatin1(m.column), row.text(index)});
    }
    return result;
}

bool EntityRelation::isFollowable() const
{
    return to != BrowseTable::LocationHistory && to != BrowseTable::UserPromoCodes;
}

namespace EntityRelations {

const QList<EntityRelation> &all()
{
    return relationTable();
}

QList<EntityRelation> of(BrowseTable table)
{
    QList<EntityRelation> result;
    for (const EntityRelation &relation : relationTable()) {
        if (relation.from == table)
            result.append(relation);
    }
    return result;
}

Trail trail(BrowseTable table)
{
    if (table == BrowseTable::Rides)
        return Trail::OfEntity;
    for (const EntityRelation &relation : relationTable()) {
        if (relation.from == table && relation.trailOfSelected)
            return Trail::OfSelectedRow;
    }
    return Trail::None;
}

QStringList relationColumns(BrowseTable table)
{
    const TableSpec &spec = TableSpec::of(table);
    QStringList columns;
    for (const EntityRelation &relation : relationTable()) {
        if (relation.from != table)
            continue;
        for (const EntityRelation::Match &m : relation.match) {
            const QString name = QString::fromLatin1(m.entityColumn);
            if (!spec.keyColumns.contains(spec.columnIndex(name)) && !columns.contains(name))
                columns.append(name);
        }
    }
    return columns;
}

bool relationsDiffer(BrowseTable table, const RowData &before, const RowData &after)
{
    const TableSpec &spec = TableSpec::of(table);
    for (const QString &name : relationColumns(table)) {
        const int index = spec.columnIndex(name);
        if (index >= 0 && (before.isNull(index) != after.isNull(index) ||
                           before.text(index) != after.text(index)))
            return true;
    }
    return false;
}

QList<QPair<QString, QString>> trailOfRide(const RowData &ride)
{
    return {{QStringLiteral("city"), ride.text(column(BrowseTable::Rides, "city"))},
            {QStringLiteral("ride_id"), ride.text(column(BrowseTable::Rides, "id"))}};
}

} // namespace EntityRelations
