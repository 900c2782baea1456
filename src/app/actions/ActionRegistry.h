#pragma once

#include "EditAction.h"

#include <memory>
#include <vector>

// Every MovR operation of the Actions menu, in menu order. A new operation is one EditAction
// class (and its dialog) added here.
class ActionRegistry
{
public:
    ActionRegistry();
    ~ActionRegistry();
    const std::vector<std::unique_ptr<EditAction>> &actions() const { return m_actions; }
    EditAction *find(MovrOperation operation) const;

private:
    std::vector<std::unique_ptr<EditAction>> m_actions;
};
