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

private:
    std::unique_ptr<Ui::EndRideDialog> m_ui;
};
