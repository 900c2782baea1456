#include "ActionDialogs.h"

#include "FormValidator.h"
#include "UserPicker.h"
#include "movr/Cities.h"
#include "movr/Validation.h"

#include "ui_ApplyPromoCodeDialog.h"
#include "ui_EndRideDialog.h"
#include "ui_PromoCodeDialog.h"
#include "ui_StartRideDialog.h"
#include "ui_UserDialog.h"
#include "ui_VehicleDialog.h"
#include "ui_VehicleStatusDialog.h"

#include <QHBoxLayout>
#include <QJsonDocument>
#include <QPushButton>
#include <QToolButton>

namespace {

QString trimmed(const QLineEdit *edit)
{
    return edit->text().trimmed();
}

// A body-building rule: the operation's own validation, worded for the message line.
template <typename BodyFunction> FormValidator::Check bodyRule(BodyFunction body)
{
    return [body] {
        const auto built = body();
        return built ? QString() : built.error().message;
    };
}

} // namespace

// ActionDialog ------------------------------------------------------------------------------

ActionDialog::ActionDialog(QWidget *parent) : QDialog(parent) {}

ActionDialog::~ActionDialog() = default;

void ActionDialog::setUpValidation(QDialogButtonBox *buttons, QLabel *message)
{
    m_validator = new FormValidator(buttons->button(QDialogButtonBox::Ok), message, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &ActionDialog::accept);
}

void ActionDialog::showEvent(QShowEvent *event)
{
    if (!m_fitted) {
        m_fitted = true;
        resize(qMax(width(), sizeHint().width()), sizeHint().height());
    }
    QDialog::showEvent(event);
}

QString ActionDialog::problem() const
{
    return m_validator->firstProblem();
}

void ActionDialog::accept()
{
    // Enter in a field must not get past an invalid form.
    if (m_validator->validate())
        QDialog::accept();
}

void ActionDialog::fillCities(QComboBox *box, const QString &current)
{
    box->addItems(Cities::names());
    if (!current.isEmpty()) {
        if (box->findText(current) < 0)
            box->addItem(current); // shown as it is, and refused by validation
        box->setCurrentText(current);
    }
}

// StartRideDialog ---------------------------------------------------------------------------

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

// EndRideDialog -----------------------------------------------------------------------------

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
    validator()->addField(
        m_ui->rideId, [this] { return Validation::uuid(m_ui->rideId->text(), tr("the ride id")); });
    // Validation::address() words its messages "the %1 is empty": the field is a bare noun,
    // the same as the operation's own check names it (not "the end address").
    validator()->addField(m_ui->endAddress, [this] {
        return trimmed(m_ui->endAddress).isEmpty()
                   ? QString()
                   : Validation::address(m_ui->endAddress->text(), Operations::tr("end address"));
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

// VehicleDialog -----------------------------------------------------------------------------

const QStringList &VehicleDialog::colors()
{
    static const QStringList list{QStringLiteral("red"), QStringLiteral("yellow"),
                                  QStringLiteral("blue"), QStringLiteral("green"),
                                  QStringLiteral("black")};
    return list;
}

const QStringList &VehicleDialog::brands()
{
    static const QStringList list{QStringLiteral("Merida"),     QStringLiteral("Fuji"),
                                  QStringLiteral("Cervelo"),    QStringLiteral("Pinarello"),
                                  QStringLiteral("Santa Cruz"), QStringLiteral("Kona"),
                                  QStringLiteral("Schwinn")};
    return list;
}

VehicleDialog::VehicleDialog(Mode mode, const Values &initial, QWidget *parent)
    : ActionDialog(parent), m_ui(std::make_unique<Ui::VehicleDialog>()), m_mode(mode),
      m_initial(initial)
{
    m_ui->setupUi(this);
    setUpValidation(m_ui->buttons, m_ui->message);
    setWindowTitle(mode == Mode::Add ? tr("Add vehicle") : tr("Edit vehicle"));
    m_ui->buttons->button(QDialogButtonBox::Ok)
        ->setText(mode == Mode::Add ? tr("&Add") : tr("&Save"));
    if (m_initial.id.isEmpty())
        m_initial.id = newClientUuid();
    fillCities(m_ui->city, initial.city);
    m_ui->city->setEnabled(mode == Mode::Add); // the city is part of the key
    m_ui->vehicleId->setText(m_initial.id);
    m_ui->type->addItems(Validation::vehicleTypes());
    m_ui->type->setCurrentText(initial.type);
    m_ui->ownerId->setText(initial.ownerId);
    {
        // "Find…" beside the owner id: pick by name among the users of the city.
        int row = -1;
        QFormLayout::ItemRole role;
        m_ui->form->getWidgetPosition(m_ui->ownerId, &row, &role);
        auto *container = new QWidget(this);
        auto *box = new QHBoxLayout(container);
        box->setContentsMargins(0, 0, 0, 0);
        m_ui->form->removeWidget(m_ui->ownerId);
        box->addWidget(m_ui->ownerId);
        auto *find = new QToolButton(container);
        find->setObjectName(QStringLiteral("findOwner"));
        find->setText(tr("Find…"));
        find->setToolTip(tr("Find the owner by name among the users of this city"));
        find->setEnabled(false); // until a source of users is set
        box->addWidget(find);
        m_ui->form->setWidget(row, QFormLayout::FieldRole, container);
        m_findOwner = find;
        connect(find, &QToolButton::clicked, this, [this] {
            if (!m_users)
                return;
            UserPicker picker(m_users, m_ui->city->currentText(), this);
            if (picker.exec() == QDialog::Accepted && !picker.selectedId().isEmpty()) {
                m_ui->ownerId->setText(picker.selectedId());
                m_ui->ownerId->setToolTip(picker.selectedName());
            }
        });
    }
    if (mode == Mode::Add) {
        m_ui->status->addItems(Validation::settableStatuses());
        m_ui->status->setCurrentText(initial.status);
    } else {
        // Status changes go through "Set status", start/end ride and retire.
        m_ui->status->addItem(initial.status);
        m_ui->status->setEnabled(false);
    }
    m_ui->location->setText(initial.location);
    m_ui->color->addItem(tr("(none)"), QString());
    for (const QString &color : colors())
        m_ui->color->addItem(color, color);
    m_ui->brand->addItem(tr("(none)"), QString());
    for (const QString &brand : brands())
        m_ui->brand->addItem(brand, brand);

    m_extraExt = QJsonDocument::fromJson(initial.ext.toUtf8()).object();
    const QString color = m_extraExt.take(QStringLiteral("color")).toString();
    const QString brand = m_extraExt.take(QStringLiteral("brand")).toString();
    if (!color.isEmpty() && m_ui->color->findData(color) < 0)
        m_ui->color->addItem(color, color);
    m_ui->color->setCurrentIndex(m_ui->color->findData(color));
    if (!brand.isEmpty() && m_ui->brand->findData(brand) < 0)
        m_ui->brand->addItem(brand, brand);
    m_ui->brand->setCurrentIndex(m_ui->brand->findData(brand));
    const auto brandOnlyForBikes = [this] {
        m_ui->brand->setEnabled(m_ui->type->currentText() == u"bike");
    };
    connect(m_ui->type, &QComboBox::currentTextChanged, this, brandOnlyForBikes);
    brandOnlyForBikes();

    validator()->addField(m_ui->city,
                          [this] { return Validation::city(m_ui->city->currentText()); });
    validator()->addField(m_ui->type,
                          [this] { return Validation::vehicleType(m_ui->type->currentText()); });
    validator()->addField(m_ui->ownerId, [this] {
        return Validation::uuid(m_ui->ownerId->text(), tr("the owner id"));
    });
    validator()->addField(m_ui->location, [this] {
        return Validation::address(m_ui->location->text(), Operations::tr("location"));
    });
    validator()->addField(m_ui->brand, [] { return QString(); });
    validator()->addField(m_ui->color, [] { return QString(); });
    validator()->addField(m_ui->status, [] { return QString(); });
    validator()->addRule(bodyRule([this] { return body(); }));
    validator()->validate();
    validator()->focusFirstProblem();
}

VehicleDialog::~VehicleDialog() = default;

void VehicleDialog::setUserSource(BrowseWorker *worker)
{
    m_users = worker;
    m_findOwner->setEnabled(worker != nullptr);
}

QString VehicleDialog::extJson() const
{
    QJsonObject ext = m_extraExt;
    const QString color = m_ui->color->currentData().toString();
    const QString brand =
        m_ui->brand->isEnabled() ? m_ui->brand->currentData().toString() : QString();
    if (!color.isEmpty())
        ext.insert(QStringLiteral("color"), color);
    if (!brand.isEmpty())
        ext.insert(QStringLiteral("brand"), brand);
    return QString::fromUtf8(QJsonDocument(ext).toJson(QJsonDocument::Compact));
}

AddVehicleInput VehicleDialog::addInput() const
{
    AddVehicleInput input;
    input.id = m_initial.id;
    input.city = m_ui->city->currentText();
    input.type = m_ui->type->currentText();
    input.ownerId = trimmed(m_ui->ownerId);
    input.status = m_ui->status->currentText();
    input.currentLocation = trimmed(m_ui->location);
    input.ext = extJson();
    return input;
}

EditVehicleInput VehicleDialog::editInput() const
{
    EditVehicleInput input;
    input.city = m_initial.city;
    input.id = m_initial.id;
    if (m_ui->type->currentText() != m_initial.type)
        input.type = m_ui->type->currentText();
    if (Validation::normalizedUuid(m_ui->ownerId->text()) !=
        Validation::normalizedUuid(m_initial.ownerId))
        input.ownerId = trimmed(m_ui->ownerId);
    if (trimmed(m_ui->location) != m_initial.location)
        input.currentLocation = trimmed(m_ui->location);
    const QString ext = extJson();
    if (QJsonDocument::fromJson(ext.toUtf8()) != QJsonDocument::fromJson(m_initial.ext.toUtf8()))
        input.ext = ext;
    return input;
}

Result<TransactionBody> VehicleDialog::body() const
{
    return m_mode == Mode::Add ? Operations::addVehicle(addInput())
                               : Operations::editVehicle(editInput());
}

// VehicleStatusDialog -----------------------------------------------------------------------

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

// UserDialog --------------------------------------------------------------------------------

UserDialog::UserDialog(Mode mode, const Values &initial, QWidget *parent)
    : ActionDialog(parent), m_ui(std::make_unique<Ui::UserDialog>()), m_mode(mode),
      m_initial(initial)
{
    m_ui->setupUi(this);
    setUpValidation(m_ui->buttons, m_ui->message);
    setWindowTitle(mode == Mode::Add ? tr("Add user") : tr("Edit user"));
    m_ui->buttons->button(QDialogButtonBox::Ok)
        ->setText(mode == Mode::Add ? tr("&Add") : tr("&Save"));
    if (m_initial.id.isEmpty())
        m_initial.id = newClientUuid();
    fillCities(m_ui->city, initial.city);
    m_ui->city->setEnabled(mode == Mode::Add);
    m_ui->userId->setText(m_initial.id);
    m_ui->name->setText(initial.name);
    m_ui->address->setText(initial.address);
    m_ui->creditCard->setText(initial.creditCard);
    validator()->addField(m_ui->city,
                          [this] { return Validation::city(m_ui->city->currentText()); });
    validator()->addField(m_ui->name, [this] { return Validation::name(m_ui->name->text()); });
    validator()->addField(m_ui->address,
                          [this] { return Validation::address(m_ui->address->text()); });
    validator()->addField(m_ui->creditCard, [this] {
        return trimmed(m_ui->creditCard).isEmpty() ? QString()
                                                   : Validation::creditCard(creditCard());
    });
    // A number typed in groups ("4111 1111 1111 1111") is shown as it is stored.
    connect(m_ui->creditCard, &QLineEdit::editingFinished, this, [this] {
        if (Validation::creditCard(creditCard()).isEmpty() &&
            m_ui->creditCard->text() != creditCard())
            m_ui->creditCard->setText(creditCard());
    });
    validator()->addRule(bodyRule([this] { return body(); }));
    validator()->validate();
    validator()->focusFirstProblem();
}

UserDialog::~UserDialog() = default;

AddUserInput UserDialog::addInput() const
{
    AddUserInput input;
    input.id = m_initial.id;
    input.city = m_ui->city->currentText();
    input.name = trimmed(m_ui->name);
    input.address = trimmed(m_ui->address);
    input.creditCard = creditCard();
    return input;
}

QString UserDialog::creditCard() const
{
    return Validation::normalizedCreditCard(m_ui->creditCard->text());
}

EditUserInput UserDialog::editInput() const
{
    EditUserInput input;
    input.city = m_initial.city;
    input.id = m_initial.id;
    if (trimmed(m_ui->name) != m_initial.name)
        input.name = trimmed(m_ui->name);
    if (trimmed(m_ui->address) != m_initial.address)
        input.address = trimmed(m_ui->address);
    if (creditCard() != m_initial.creditCard)
        input.creditCard = creditCard();
    return input;
}

Result<TransactionBody> UserDialog::body() const
{
    return m_mode == Mode::Add ? Operations::addUser(addInput())
                               : Operations::editUser(editInput());
}

// PromoCodeDialog ---------------------------------------------------------------------------

PromoCodeDialog::PromoCodeDialog(QWidget *parent)
    : ActionDialog(parent), m_ui(std::make_unique<Ui::PromoCodeDialog>())
{
    m_ui->setupUi(this);
    setUpValidation(m_ui->buttons, m_ui->message);
    m_ui->buttons->button(QDialogButtonBox::Ok)->setText(tr("Crea&te"));
    m_ui->expiration->setTimeSpec(Qt::UTC);
    m_ui->expiration->setDateTime(QDateTime::currentDateTimeUtc().addDays(30));
    m_ui->expiration->setEnabled(false);
    m_ui->expires->setChecked(false);
    connect(m_ui->expires, &QCheckBox::toggled, m_ui->expiration, &QWidget::setEnabled);
    m_ui->rules->setPlainText(CreatePromoCodeInput{}.rules);
    validator()->addField(m_ui->code,
                          [this] { return Validation::promoCode(trimmed(m_ui->code)); });
    validator()->addField(m_ui->description, [this] {
        return m_ui->description->toPlainText().size() > Validation::MaxDescriptionLength
                   ? tr("The description is longer than %1 characters.")
                         .arg(Validation::MaxDescriptionLength)
                   : QString();
    });
    validator()->addField(m_ui->expires, [] { return QString(); });
    validator()->addField(m_ui->expiration, [this] {
        return m_ui->expiration->dateTime() <= QDateTime::currentDateTimeUtc()
                   ? tr("The expiration time is in the past.")
                   : QString();
    });
    validator()->addField(m_ui->rules, [this] {
        return Validation::jsonObject(m_ui->rules->toPlainText(), Validation::JsonField::Rules);
    });
    validator()->addRule(bodyRule([this] { return body(); }));
    validator()->validate();
    validator()->focusFirstProblem();
}

PromoCodeDialog::~PromoCodeDialog() = default;

CreatePromoCodeInput PromoCodeDialog::input() const
{
    CreatePromoCodeInput input;
    input.code = trimmed(m_ui->code);
    input.description = m_ui->description->toPlainText();
    if (m_ui->expires->isChecked())
        input.expirationTime =
            m_ui->expiration->dateTime().toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    input.rules = m_ui->rules->toPlainText();
    return input;
}

// ApplyPromoCodeDialog ----------------------------------------------------------------------

ApplyPromoCodeDialog::ApplyPromoCodeDialog(const ApplyPromoCodeInput &initial, QWidget *parent)
    : ActionDialog(parent), m_ui(std::make_unique<Ui::ApplyPromoCodeDialog>())
{
    m_ui->setupUi(this);
    setUpValidation(m_ui->buttons, m_ui->message);
    m_ui->buttons->button(QDialogButtonBox::Ok)->setText(tr("&Apply"));
    fillCities(m_ui->city, initial.city);
    m_ui->userId->setText(initial.userId);
    m_ui->code->setText(initial.code);
    validator()->addField(m_ui->city,
                          [this] { return Validation::city(m_ui->city->currentText()); });
    validator()->addField(
        m_ui->userId, [this] { return Validation::uuid(m_ui->userId->text(), tr("the user id")); });
    validator()->addField(m_ui->code,
                          [this] { return Validation::promoCode(trimmed(m_ui->code)); });
    validator()->addRule(bodyRule([this] { return body(); }));
    validator()->validate();
    validator()->focusFirstProblem();
}

ApplyPromoCodeDialog::~ApplyPromoCodeDialog() = default;

ApplyPromoCodeInput ApplyPromoCodeDialog::input() const
{
    ApplyPromoCodeInput input;
    input.city = m_ui->city->currentText();
    input.userId = trimmed(m_ui->userId);
    input.code = trimmed(m_ui->code);
    return input;
}
