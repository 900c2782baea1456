#include "VehicleStatusDialog.h"

#include "FormValidator.h"
#include "movr/Validation.h"

#include "ui_VehicleStatusDialog.h"

#include <QPushButton>

VehicleStatusDialog::VehicleStatusDialog(const QString &city, const QStringList &vehicleIds,
                                         QWidget *parent)
    : ActionDialog(parent), m_ui(std::make_unique<Ui::VehicleStatusDialog>()), m_city(city),
      m_ids(vehicleIds)
{
    m_ui->setupUi(this);
    setUpValidation(m_ui->buttons, m_ui->message);
    m_ui->summary->setText(tr("%n vehicle(s) in %1", nullptr, int(vehicleIds.size())).arg(city));
    m_ui->status->addItems(Validation::settableStatuses());
    validator()->addField(m_ui->status, [this] {
        return Validation::settableVehicleStatus(m_ui->status->currentText());
    });
    validator()->addRule(bodyRule([this] { return bodies(); }));
    validator()->validate();
    validator()->focusFirstProblem();
}

VehicleStatusDialog::~VehicleStatusDialog() = default;

SetVehicleStatusInput VehicleStatusDialog::input() const
{
    SetVehicleStatusInput input;
    input.city = m_city;
    input.vehicleIds = m_ids;
    input.status = m_ui->status->currentText();
    return input;
}
