#include "UserPicker.h"

namespace {

BrowseFilter inCity(const QString &city)
{
    BrowseFilter filter;
    filter.cities = {city};
    return filter;
}

} // namespace

UserPicker::UserPicker(BrowseWorker *worker, const QString &city, QWidget *parent)
    : RowPicker(worker, BrowseTable::Users, inCity(city),
                {QStringLiteral("name"), QStringLiteral("address"), QStringLiteral("id")},
                QStringLiteral("name"), parent)
{
    setWindowTitle(tr("Find a user in %1").arg(city));
}
