#include "ActionRegistry.h"

#include "AddUserAction.h"
#include "AddVehicleAction.h"
#include "ApplyPromoCodeAction.h"
#include "CreatePromoCodeAction.h"
#include "DeleteUserAction.h"
#include "EditUserAction.h"
#include "EditVehicleAction.h"
#include "EndRideAction.h"
#include "RetireVehicleAction.h"
#include "SetVehicleStatusAction.h"
#include "StartRideAction.h"

ActionRegistry::ActionRegistry()
{
    m_actions.push_back(std::make_unique<StartRideAction>());
    m_actions.push_back(std::make_unique<EndRideAction>());
    m_actions.push_back(std::make_unique<AddVehicleAction>());
    m_actions.push_back(std::make_unique<EditVehicleAction>());
    m_actions.push_back(std::make_unique<SetVehicleStatusAction>());
    m_actions.push_back(std::make_unique<RetireVehicleAction>());
    m_actions.push_back(std::make_unique<AddUserAction>());
    m_actions.push_back(std::make_unique<EditUserAction>());
    m_actions.push_back(std::make_unique<DeleteUserAction>());
    m_actions.push_back(std::make_unique<CreatePromoCodeAction>());
    m_actions.push_back(std::make_unique<ApplyPromoCodeAction>());
}

ActionRegistry::~ActionRegistry() = default;

EditAction *ActionRegistry::find(MovrOperation operation) const
{
    for (const auto &action : m_actions) {
        if (action->operation() == operation)
            return action.get();
    }
    return nullptr;
}
