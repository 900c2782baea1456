#include "StartRideDialog.h"

#include "FormValidator.h"
#include "movr/Validation.h"

#include "ui_StartRideDialog.h"

#include <QPushButton>

StartRideDialog::StartRideDialog(const StartRideInput &initial, QWidget *parent)
    : ActionDialog(parent), m_ui(std::make_unique<Ui::StartRideDialog>()), m_rideId(initial.rideId)
{
    m_ui->setupUi(this);
    setUpValidation(m_ui->buttons, m_ui->message);
    m_ui->buttons->button(QDialogButtonBox::Ok)->setText(tr("&Start ride"));
    fillCities(m_ui->city, initial.city);
    m_ui->riderId->setText(initial.riderId);
    m_ui->vehicleId->setText(initial.vehicleId);
    validator()->addField(m_ui->city,
                          [this] { return Validation::city(m_ui->city->currentText()); });
    validator()->addField(m_ui->riderId, [this] {
        return Validation::uuid(m_ui->riderId->text(), tr("the rider id"));
    });
    validator()->addField(m_ui->vehicleId, [this] {
        return Validation::uuid(m_ui->vehicleId->text(), tr("the vehicle id"));
    });
    setFieldColumn(m_ui->riderId, QStringLiteral("rider_id"));
    setFieldColumn(m_ui->vehicleId, QStringLiteral("vehicle_id"));
    validator()->addRule(bodyRule([this] { return body(); }));
    validator()->validate();
    validator()->focusFirstProblem();
}

StartRideDialog::~StartRideDialog() = default;

StartRideInput StartRideDialog::input() const
{
    StartRideInput input;
    input.city = m_ui->city->currentText();
    input.riderId = trimmed(m_ui->riderId);
    input.vehicleId = trimmed(m_ui->vehicleId);
    input.rideId = m_rideId; // stable across retries and re-validation
    return input;
}
