#include "VehicleDialog.h"

#include "FormValidator.h"
#include "UserPicker.h"
#include "movr/Validation.h"
#include "movr/VehicleCatalog.h"

#include "ui_VehicleDialog.h"

#include <QHBoxLayout>
#include <QJsonDocument>
#include <QPushButton>
#include <QToolButton>

const QStringList &VehicleDialog::colors()
{
    return VehicleCatalog::colors();
}

const QStringList &VehicleDialog::brands()
{
    return VehicleCatalog::bikeBrands();
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
        connect(find, &QToolButton::clicked, this, &VehicleDialog::findOwner);
    }
    if (mode == Mode::Add) {
        // The owner must be a user of the vehicle's city: once one is chosen the city is
        // theirs, and changes only after the owner is cleared.
        const auto lockCity = [this] { m_ui->city->setEnabled(trimmed(m_ui->ownerId).isEmpty()); };
        connect(m_ui->ownerId, &QLineEdit::textChanged, this, lockCity);
        lockCity();
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

    showExt(initial.ext);
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
        return Validation::uuid(m_ui->ownerId->text(), Validation::IdField::Owner);
    });
    validator()->addField(m_ui->location, [this] {
        return Validation::address(m_ui->location->text(), Validation::TextField::Location);
    });
    validator()->addField(m_ui->brand, [] { return QString(); });
    validator()->addField(m_ui->color, [] { return QString(); });
    validator()->addField(m_ui->status, [] { return QString(); });
    setFieldColumn(m_ui->ownerId, QStringLiteral("owner_id"));
    validator()->addRule(bodyRule([this] { return body(); }));
    validator()->validate();
    validator()->focusFirstProblem();
}

VehicleDialog::~VehicleDialog() = default;

void VehicleDialog::showExt(const QString &ext)
{
    m_extraExt = QJsonDocument::fromJson(ext.toUtf8()).object();
    const QString color = m_extraExt.take(QStringLiteral("color")).toString();
    const QString brand = m_extraExt.take(QStringLiteral("brand")).toString();
    if (!color.isEmpty() && m_ui->color->findData(color) < 0)
        m_ui->color->addItem(color, color);
    m_ui->color->setCurrentIndex(m_ui->color->findData(color));
    if (!brand.isEmpty() && m_ui->brand->findData(brand) < 0)
        m_ui->brand->addItem(brand, brand);
    m_ui->brand->setCurrentIndex(m_ui->brand->findData(brand));
}

void VehicleDialog::showPending(const QHash<QString, QString> &pending)
{
    QList<QWidget *> shown;
    for (auto it = pending.begin(); it != pending.end(); ++it) {
        if (it.key() == u"type") {
            m_ui->type->setCurrentText(it.value());
            shown.append(m_ui->type);
        } else if (it.key() == u"owner_id") {
            m_ui->ownerId->setText(it.value());
            shown.append(m_ui->ownerId);
        } else if (it.key() == u"current_location") {
            m_ui->location->setText(it.value());
            shown.append(m_ui->location);
        } else if (it.key() == u"ext") {
            showExt(it.value());
            shown << m_ui->color << m_ui->brand;
        }
    }
    markPending(shown);
}

void VehicleDialog::findOwner()
{
    if (!m_users || m_picker)
        return;
    // Not exec(): the picker's pages arrive from the browse worker while it shows.
    m_picker = new UserPicker(m_users, m_ui->city->currentText(), this);
    m_picker->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_picker, &QDialog::accepted, this, [this] {
        if (m_picker->selectedId().isEmpty())
            return;
        m_ui->ownerId->setText(m_picker->selectedId());
        m_ui->ownerId->setToolTip(m_picker->selectedName());
    });
    m_picker->open();
}

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
