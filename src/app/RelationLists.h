#pragma once

class BrowseTableModel;
class QTableView;

// How the details pane lays out its relation lists.
namespace RelationLists {

// A list of rides (a user's, a vehicle's): newest first, so that the active ride, which a
// vehicle or a rider starts after all their others, is on top; the start, end and revenue
// right after the id, where they are seen without scrolling; vehicle_city (always the city)
// hidden. Call before the model gets its worker.
void arrangeRides(BrowseTableModel *model, QTableView *view);
// A relation list's view: status badges, whole rows selected one at a time, no row numbers,
// the last column stretched, and as high as `visibleRows` rows (a single link: one row).
void arrangeView(QTableView *view, int visibleRows);

} // namespace RelationLists
