// The details pane's relation table (EntityRelations): every relation follows a foreign key
// of MOVR.md between columns that exist, and the filters it builds from a row.

#include "models/EntityRelations.h"
#include "worker/BrowseQuery.h"

#include <QTest>

namespace {

struct ForeignKey
{
    BrowseTable from;
    QStringList columns;
    BrowseTable to;
    QStringList referenced;
};

// MOVR.md, "Foreign keys (added after loading)", canonical shape.
QList<ForeignKey> movrForeignKeys()
{
    auto list = [](std::initializer_list<const char *> names) {
        QStringList result;
        for (const char *name : names)
            result.append(QString::fromLatin1(name));
        return result;
    };
    return {
        {BrowseTable::Vehicles, list({"city", "owner_id"}), BrowseTable::Users,
         list({"city", "id"})},
        {BrowseTable::Rides, list({"city", "rider_id"}), BrowseTable::Users, list({"city", "id"})},
        {BrowseTable::Rides, list({"vehicle_city", "vehicle_id"}), BrowseTable::Vehicles,
         list({"city", "id"})},
        {BrowseTable::LocationHistory, list({"city", "ride_id"}), BrowseTable::Rides,
         list({"city", "id"})},
        {BrowseTable::UserPromoCodes, list({"city", "user_id"}), BrowseTable::Users,
         list({"city", "id"})},
    };
}

RowData row(const QList<std::optional<QByteArray>> &cells)
{
    return RowData::fromCells(cells);
}

} // namespace

class TestEntityRelations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyRelationFollowsAForeignKey()
    {
        const QList<ForeignKey> keys = movrForeignKeys();
        QVERIFY(!EntityRelations::all().isEmpty());
        for (const EntityRelation &relation : EntityRelations::all()) {
            QStringList related, entity;
            for (const auto &m : relation.match) {
                related.append(QString::fromLatin1(m.column));
                entity.append(QString::fromLatin1(m.entityColumn));
                QVERIFY2(TableSpec::of(relation.to).columnIndex(related.last()) >= 0, m.column);
                QVERIFY2(TableSpec::of(relation.from).columnIndex(entity.last()) >= 0,
                         m.entityColumn);
            }
            // Either the related rows reference the entity, or the entity references them.
            const bool found = std::any_of(keys.begin(), keys.end(), [&](const ForeignKey &key) {
                return (key.from == relation.to && key.columns == related &&
                        key.to == relation.from && key.referenced == entity) ||
                       (key.from == relation.from && key.columns == entity &&
                        key.to == relation.to && key.referenced == related);
            });
            QVERIFY2(found, relation.name);
            // A single link is to one row: by the related table's whole key.
            if (relation.single) {
                const TableSpec &spec = TableSpec::of(relation.to);
                QStringList key;
                for (int column : spec.keyColumns)
                    key.append(spec.columns.at(column).name);
                QCOMPARE(related, key);
                QCOMPARE(relation.visibleRows, 1);
            }
            QVERIFY(!relation.title().isEmpty());
        }
    }

    void relationsOfEachEntity_data()
    {
        QTest::addColumn<int>("table");
        QTest::addColumn<QStringList>("titles");
        QTest::newRow("user") << int(BrowseTable::Users)
                              << QStringList{QStringLiteral("Rides"), QStringLiteral("Vehicles"),
                                             QStringLiteral("Promo codes")};
        QTest::newRow("vehicle") << int(BrowseTable::Vehicles)
                                 << QStringList{QStringLiteral("Owner"), QStringLiteral("Rides")};
        QTest::newRow("ride") << int(BrowseTable::Rides)
                              << QStringList{QStringLiteral("Rider"), QStringLiteral("Vehicle"),
                                             QStringLiteral("Location history")};
        QTest::newRow("promo code") << int(BrowseTable::PromoCodes) << QStringList{};
    }

    void relationsOfEachEntity()
    {
        QFETCH(int, table);
        QFETCH(QStringList, titles);
        QStringList found;
        for (const EntityRelation &relation : EntityRelations::of(BrowseTable(table)))
            found.append(relation.title());
        QCOMPARE(found, titles);
    }

    void trails()
    {
        QCOMPARE(EntityRelations::trail(BrowseTable::Rides), EntityRelations::Trail::OfEntity);
        QCOMPARE(EntityRelations::trail(BrowseTable::Vehicles),
                 EntityRelations::Trail::OfSelectedRow);
        QCOMPARE(EntityRelations::trail(BrowseTable::Users), EntityRelations::Trail::None);
        // The vehicle's trail follows its rides list.
        const auto relations = EntityRelations::of(BrowseTable::Vehicles);
        QCOMPARE(std::count_if(relations.begin(), relations.end(),
                               [](const EntityRelation &r) { return r.trailOfSelected; }),
                 1);
        for (const EntityRelation &relation : relations) {
            if (relation.trailOfSelected)
                QCOMPARE(relation.to, BrowseTable::Rides);
        }
    }

    void filtersFromARide()
    {
        // rides: city, id, rider_id, vehicle_city, vehicle_id, ...
        const TableSpec &spec = TableSpec::of(BrowseTable::Rides);
        QList<std::optional<QByteArray>> cells(spec.columns.size());
        cells[spec.columnIndex(QStringLiteral("city"))] = QByteArray("rome");
        cells[spec.columnIndex(QStringLiteral("id"))] = QByteArray("r-1");
        cells[spec.columnIndex(QStringLiteral("rider_id"))] = QByteArray("u-1");
        cells[spec.columnIndex(QStringLiteral("vehicle_city"))] = QByteArray("rome");
        const RowData ride = row(cells); // vehicle_id NULL
        using Equals = QList<QPair<QString, QString>>;
        QMap<QString, Equals> filters;
        for (const EntityRelation &relation : EntityRelations::of(BrowseTable::Rides))
            filters.insert(relation.title(), relation.equals(ride));
        QCOMPARE(filters.value(QStringLiteral("Rider")),
                 (Equals{{QStringLiteral("city"), QStringLiteral("rome")},
                         {QStringLiteral("id"), QStringLiteral("u-1")}}));
        // No vehicle: no link to one.
        QVERIFY(filters.value(QStringLiteral("Vehicle")).isEmpty());
        QCOMPARE(filters.value(QStringLiteral("Location history")),
                 (Equals{{QStringLiteral("city"), QStringLiteral("rome")},
                         {QStringLiteral("ride_id"), QStringLiteral("r-1")}}));
        QCOMPARE(EntityRelations::trailOfRide(ride),
                 (Equals{{QStringLiteral("city"), QStringLiteral("rome")},
                         {QStringLiteral("ride_id"), QStringLiteral("r-1")}}));
    }

    void relationColumnsAreTheEntitysOwnLinks()
    {
        QCOMPARE(EntityRelations::relationColumns(BrowseTable::Rides),
                 (QStringList{QStringLiteral("rider_id"), QStringLiteral("vehicle_city"),
                              QStringLiteral("vehicle_id")}));
        QCOMPARE(EntityRelations::relationColumns(BrowseTable::Vehicles),
                 QStringList{QStringLiteral("owner_id")});
        QVERIFY(EntityRelations::relationColumns(BrowseTable::Users).isEmpty());

        const TableSpec &spec = TableSpec::of(BrowseTable::Vehicles);
        QList<std::optional<QByteArray>> cells(spec.columns.size(), QByteArray("x"));
        const RowData before = row(cells);
        cells[spec.columnIndex(QStringLiteral("status"))] = QByteArray("lost");
        QVERIFY(!EntityRelations::relationsDiffer(BrowseTable::Vehicles, before, row(cells)));
        cells[spec.columnIndex(QStringLiteral("owner_id"))] = std::nullopt;
        QVERIFY(EntityRelations::relationsDiffer(BrowseTable::Vehicles, before, row(cells)));
    }

    void followable()
    {
        for (const EntityRelation &relation : EntityRelations::all()) {
            const bool leaf = relation.to == BrowseTable::LocationHistory ||
                              relation.to == BrowseTable::UserPromoCodes;
            QCOMPARE(relation.isFollowable(), !leaf);
        }
    }
};

QTEST_MAIN(TestEntityRelations)
#include "tst_entityrelations.moc"
