#pragma once

#include "ActionDialog.h"
#include "movr/Operations.h"

#include <memory>

namespace Ui {
class StartRideDialog;
}

class StartRideDialog : public ActionDialog
{
    Q_OBJECT
public:
    explicit StartRideDialog(const StartRideInput &initial, QWidget *parent = nullptr);
    ~StartRideDialog() override;
    StartRideInput input() const;
    Result<TransactionBody> body() const { return Operations::startRide(input()); }

private:
    std::unique_ptr<Ui::StartRideDialog> m_ui;
    QString m_rideId;
};
