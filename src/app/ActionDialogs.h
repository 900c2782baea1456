#pragma once

// The dialogs of the MovR operations (forms in ui/*.ui). Each one validates as the user
// types: every field is checked by Validation and marked when wrong, and a last rule asks
// Operations itself to build the transaction body, so that no business rule is written
// twice; OK stays disabled until the body can be built. body() is what the edit worker
// runs.

#include "movr/Operations.h"

#include <QDialog>
#include <QJsonObject>

#include <memory>

class BrowseWorker;
class FormValidator;
class QAbstractButton;
class QComboBox;
class QDialogButtonBox;
class QLabel;
namespace Ui {
class StartRideDialog;
class EndRideDialog;
class VehicleDialog;
class VehicleStatusDialog;
class UserDialog;
class PromoCodeDialog;
class ApplyPromoCodeDialog;
} // namespace Ui

// What every action dialog shares: the validator, OK only when valid.
class ActionDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ActionDialog(QWidget *parent = nullptr);
    ~ActionDialog() override;
    FormValidator *validator() const { return m_validator; }
    // The first problem, or empty when OK is enabled.
    QString problem() const;
    void accept() override;

protected:
    void setUpValidation(QDialogButtonBox *buttons, QLabel *message);
    static void fillCities(QComboBox *box, const QString &current);
    // First shown as tall as its fields need (the .ui sizes are only a starting width):
    // no blank band above the buttons.
    void showEvent(QShowEvent *event) override;

private:
    FormValidator *m_validator = nullptr;
    bool m_fitted = false;
};

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

// Add a vehicle (new id, status available or lost) or edit one (only the fields changed are
// sent). Color and brand make up `ext`; other keys of an edited vehicle's ext are kept.
class VehicleDialog : public ActionDialog
{
    Q_OBJECT
public:
    enum class Mode { Add, Edit };
    struct Values
    {
        QString id;
        QString city;
        QString type = QStringLiteral("bike");
        QString ownerId;
        QString status = QStringLiteral("available");
        QString location;
        QString ext = QStringLiteral("{}");
    };
    VehicleDialog(Mode mode, const Values &initial, QWidget *parent = nullptr);
    // Enables "Find…" next to the owner: a search among the users of the vehicle's city.
    void setUserSource(BrowseWorker *worker);
    ~VehicleDialog() override;
    static const QStringList &colors();
    static const QStringList &brands();

    AddVehicleInput addInput() const;
    EditVehicleInput editInput() const;
    Result<TransactionBody> body() const;

private:
    QString extJson() const;
    std::unique_ptr<Ui::VehicleDialog> m_ui;
    Mode m_mode;
    Values m_initial;
    QJsonObject m_extraExt; // keys other than color and brand, kept as they were
    BrowseWorker *m_users = nullptr;
    QAbstractButton *m_findOwner = nullptr;
};

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

class UserDialog : public ActionDialog
{
    Q_OBJECT
public:
    enum class Mode { Add, Edit };
    struct Values
    {
        QString id;
        QString city;
        QString name;
        QString address;
        QString creditCard;
    };
    UserDialog(Mode mode, const Values &initial, QWidget *parent = nullptr);
    ~UserDialog() override;
    AddUserInput addInput() const;
    EditUserInput editInput() const;
    Result<TransactionBody> body() const;

private:
    // The card number as it is stored: typed groups ("4111 1111 …", "4111-1111-…") joined.
    QString creditCard() const;

    std::unique_ptr<Ui::UserDialog> m_ui;
    Mode m_mode;
    Values m_initial;
};

class PromoCodeDialog : public ActionDialog
{
    Q_OBJECT
public:
    explicit PromoCodeDialog(QWidget *parent = nullptr);
    ~PromoCodeDialog() override;
    CreatePromoCodeInput input() const;
    Result<TransactionBody> body() const { return Operations::createPromoCode(input()); }

private:
    std::unique_ptr<Ui::PromoCodeDialog> m_ui;
};

class ApplyPromoCodeDialog : public ActionDialog
{
    Q_OBJECT
public:
    explicit ApplyPromoCodeDialog(const ApplyPromoCodeInput &initial, QWidget *parent = nullptr);
    ~ApplyPromoCodeDialog() override;
    ApplyPromoCodeInput input() const;
    Result<TransactionBody> body() const { return Operations::applyPromoCode(input()); }

private:
    std::unique_ptr<Ui::ApplyPromoCodeDialog> m_ui;
};
