#pragma once

#include "ActionDialog.h"
#include "movr/Operations.h"

#include <memory>

namespace Ui {
class EndRideDialog;
}

class EndRideDialog : public ActionDialog
{
    Q_OBJECT
public:
    explicit EndRideDialog(const EndRideInput &initial, QWidget *parent = nullptr);
    ~EndRideDialog() override;
    EndRideInput input() const;
    Result<TransactionBody> body() const { return Operations::endRide(input()); }

    // The chosen ride's vehicle, when the ride was chosen with "Find…".
    QString vehicleId() const { return m_vehicleId; }

private:
    std::unique_ptr<Ui::EndRideDialog> m_ui;
    QString m_vehicleId;
};
