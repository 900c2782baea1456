#include "EditAction.h"

#include "ActionContext.h"

QString EditAction::selectedCity(const ActionContext &context)
{
    for (BrowseTable table : {BrowseTable::Vehicles, BrowseTable::Users, BrowseTable::Rides}) {
        if (const auto city = context.selected(table, "city"))
            return *city;
    }
    for (BrowseTable table : {BrowseTable::Vehicles, BrowseTable::Users, BrowseTable::Rides}) {
        if (const auto city = context.shown(table, "city"))
            return *city;
    }
    return {};
}

QString EditAction::selectedOrShown(const ActionContext &context, BrowseTable table,
                                    const char *column)
{
    if (const auto value = context.selected(table, column))
        return *value;
    return context.shown(table, column).value_or(QString());
}
