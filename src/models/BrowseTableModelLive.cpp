// Live updates of BrowseTableModel (issue 13). Placeholder for the interface; the
// implementation lands with the live branch.
#include "BrowseTableModel.h"

#include "worker/ChangeEvent.h"

void BrowseTableModel::setLiveEnabled(bool) {}
bool BrowseTableModel::isLiveEnabled() const
{
    return false;
}
void BrowseTableModel::applyChanges(const QList<ChangeEvent> &) {}
void BrowseTableModel::setVisibleRows(int, int) {}
void BrowseTableModel::resyncVisible(bool) {}
void BrowseTableModel::setPinnedKey(const std::optional<KeyValues> &) {}
int BrowseTableModel::newRowCount() const
{
    return 0;
}
int BrowseTableModel::showNewRows()
{
    return -1;
}
