#pragma once

#include "worker/BrowseTypes.h"

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

// The MovR relations the details pane shows, as data (one place): for each kind of entity,
// the lists of related rows and how they are found from the entity's columns, following the
// foreign keys of MOVR.md. A relation list is a BrowseTableModel filtered on `to` columns
// equal to the entity's values.
struct EntityRelation
{
    struct Match
    {
        const char *column;       // in the related table
        const char *entityColumn; // in the entity's table
    };
    BrowseTable from = BrowseTable::Rides; // the entity shown
    const char *name = nullptr;            // the section's title, in DetailPane's context
    BrowseTable to = BrowseTable::Rides;   // the related rows
    QList<Match> match;
    int visibleRows = 1;
    // A link to one row (an owner, a rider): left out when the entity's value is NULL.
    bool single = false;
    // The location trail under the sections follows the row selected in this list (the
    // first row until one is selected).
    bool trailOfSelected = false;

    // The section's title, translated.
    QString title() const;
    // The filter for the related rows of `row` (a row of `from`); empty when a value it needs
    // is NULL (no related row).
    QList<QPair<QString, QString>> equals(const RowData &row) const;
    // Rows of this list can be followed (the related row becomes the entity); the location
    // history and a user's promo codes are leaves.
    bool isFollowable() const;
};

namespace EntityRelations {

// The relations of an entity of this table, in the order they are shown.
QList<EntityRelation> of(BrowseTable table);
// Whether an entity of this table shows the location trail of one of its own rides (a ride)
// or of the ride selected in a list (a vehicle: trailOfSelected).
enum class Trail { None, OfEntity, OfSelectedRow };
Trail trail(BrowseTable table);
// The entity's columns its relations are found by, besides its own key: when one of them
// changes (a ride given another vehicle), the relation lists are built again.
QStringList relationColumns(BrowseTable table);
bool relationsDiffer(BrowseTable table, const RowData &before, const RowData &after);
// The (city, ride_id) of a ride row: the location trail's filter.
QList<QPair<QString, QString>> trailOfRide(const RowData &ride);
// Every relation of every table (for tests).
const QList<EntityRelation> &all();

} // namespace EntityRelations
