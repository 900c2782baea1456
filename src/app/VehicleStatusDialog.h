#pragma once

#include "ActionDialog.h"
#include "movr/Operations.h"

#include <memory>

namespace Ui {
class VehicleStatusDialog;
}

class VehicleStatusDialog : public ActionDialog
{
    Q_OBJECT
public:
    VehicleStatusDialog(const QString &city, const QStringList &vehicleIds,
                        QWidget *parent = nullptr);
    ~VehicleStatusDialog() override;
    SetVehicleStatusInput input() const;
    Result<QList<TransactionBody>> bodies() const { return Operations::setVehicleStatus(input()); }

private:
    std::unique_ptr<Ui::VehicleStatusDialog> m_ui;
    QString m_city;
    QStringList m_ids;
};
