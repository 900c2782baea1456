#include "StartRideDialog.h"

#include "FormValidator.h"
#include "UserPicker.h"
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
    // The rider and the vehicle: a whole id, or a name / the start of an id to find with
    // "Find…" among the rows of the city (searched by the browse worker).
    addFind(m_ui->form, m_ui->riderId, QStringLiteral("id"), [this](BrowseWorker *worker) {
        return new UserPicker(worker, m_ui->city->currentText(), this);
    });
    addFind(m_ui->form, m_ui->vehicleId, QStringLiteral("id"), [this](BrowseWorker *worker) {
        BrowseFilter filter;
        filter.cities = {m_ui->city->currentText()};
        filter.status = QStringLiteral("available");
        auto *picker = new RowPicker(
            worker, BrowseTable::Vehicles, filter,
            {QStringLiteral("id"), QStringLiteral("type"), QStringLiteral("current_location")},
            QStringLiteral("current_location"), this);
        picker->setWindowTitle(
            tr("Find an available vehicle in %1").arg(m_ui->city->currentText()));
        return picker;
    });
    validator()->addField(m_ui->riderId, [this] {
        return idOrFind(m_ui->riderId,
                        Validation::uuid(m_ui->riderId->text(), Validation::IdField::Rider),
                        tr("Press Find… to choose the rider whose name or id starts with this "
                           "text."));
    });
    validator()->addField(m_ui->vehicleId, [this] {
        return idOrFind(m_ui->vehicleId,
                        Validation::uuid(m_ui->vehicleId->text(), Validation::IdField::Vehicle),
                        tr("Press Find… to choose the vehicle whose id starts with this text."));
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
