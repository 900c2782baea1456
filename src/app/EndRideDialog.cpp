#include "EndRideDialog.h"

#include "FormValidator.h"
#include "movr/Validation.h"

#include "ui_EndRideDialog.h"

#include <QPushButton>

EndRideDialog::EndRideDialog(const EndRideInput &initial, QWidget *parent)
    : ActionDialog(parent), m_ui(std::make_unique<Ui::EndRideDialog>())
{
    m_ui->setupUi(this);
    setUpValidation(m_ui->buttons, m_ui->message);
    m_ui->buttons->button(QDialogButtonBox::Ok)->setText(tr("&End ride"));
    fillCities(m_ui->city, initial.city);
    m_ui->rideId->setText(initial.rideId);
    m_ui->endAddress->setText(initial.endAddress.value_or(QString()));
    m_ui->revenue->setText(initial.revenue);
    m_ui->revenue->setAlignment(Qt::AlignRight);
    validator()->addField(m_ui->city,
                          [this] { return Validation::city(m_ui->city->currentText()); });
    // The ride: a whole id, or the start of one to find with "Find…" among the active rides
    // of the city (searched by the browse worker); its vehicle is remembered.
    addFind(
        m_ui->form, m_ui->rideId, QStringLiteral("id"),
        [this](BrowseWorker *worker) {
            BrowseFilter filter;
            filter.cities = {m_ui->city->currentText()};
            filter.activeOnly = true;
            auto *picker = new RowPicker(worker, BrowseTable::Rides, filter,
                                         {QStringLiteral("id"), QStringLiteral("start_address"),
                                          QStringLiteral("start_time")},
                                         QStringLiteral("start_address"), this);
            picker->setWindowTitle(tr("Find an active ride in %1").arg(m_ui->city->currentText()));
            return picker;
        },
        [this](RowPicker *picker) {
            m_vehicleId = picker->selectedValue(QStringLiteral("vehicle_id"));
        });
    connect(m_ui->rideId, &QLineEdit::textEdited, this, [this] { m_vehicleId.clear(); });
    validator()->addField(m_ui->rideId, [this] {
        return idOrFind(m_ui->rideId,
                        Validation::uuid(m_ui->rideId->text(), Validation::IdField::Ride),
                        tr("Press Find… to choose the active ride whose id starts with this "
                           "text."));
    });
    // Worded for the end address, the same sentence as the operation's own check.
    validator()->addField(m_ui->endAddress, [this] {
        return trimmed(m_ui->endAddress).isEmpty()
                   ? QString()
                   : Validation::address(m_ui->endAddress->text(),
                                         Validation::TextField::EndAddress);
    });
    validator()->addField(m_ui->revenue,
                          [this] { return Validation::revenue(trimmed(m_ui->revenue)); });
    validator()->addRule(bodyRule([this] { return body(); }));
    validator()->validate();
    validator()->focusFirstProblem();
}

EndRideDialog::~EndRideDialog() = default;

EndRideInput EndRideDialog::input() const
{
    EndRideInput input;
    input.city = m_ui->city->currentText();
    input.rideId = trimmed(m_ui->rideId);
    input.revenue = trimmed(m_ui->revenue);
    if (!trimmed(m_ui->endAddress).isEmpty())
        input.endAddress = trimmed(m_ui->endAddress);
    return input;
}
