#pragma once

#include "movr/Privileges.h"
#include "worker/TableSpec.h"

#include <QKeySequence>
#include <QString>

class ActionContext;

// One MovR operation of the Actions menu: its menu entry, how it gathers its input (from the
// selection or the details pane, through its dialog), and what it sends. The privileges it
// needs are those of its operation (TablePrivileges::explanation). Registered in
// ActionRegistry; adding an operation means one class here plus its dialog.
class EditAction
{
public:
    virtual ~EditAction() = default;
    virtual MovrOperation operation() const = 0;
    // The menu entry, translated, with its mnemonic.
    virtual QString text() const = 0;
    virtual QKeySequence shortcut() const { return {}; }
    // A separator follows it in the menu.
    virtual bool endsGroup() const { return false; }
    // Opens its dialog or question (never blocking); sends through `context`.
    virtual void trigger(ActionContext &context) = 0;

protected:
    // The city of the selected vehicle, user or ride, else of what the details pane shows.
    static QString selectedCity(const ActionContext &context);
    // `column` of the selected row of `table`, else of the details pane's row of `table`.
    static QString selectedOrShown(const ActionContext &context, BrowseTable table,
                                   const char *column);
};
