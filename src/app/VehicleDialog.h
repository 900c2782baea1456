#pragma once

#include "ActionDialog.h"
#include "UserPicker.h"
#include "movr/Operations.h"

#include <QHash>
#include <QJsonObject>
#include <QPointer>

#include <memory>

class BrowseWorker;
class QAbstractButton;

namespace Ui {
class VehicleDialog;
}

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
    // "Find…": opens the user picker (non-blocking); its choice fills in the owner.
    void findOwner();
    UserPicker *picker() const { return m_picker; }
    // Shows the values of pending inline edits (column -> value) in place of the stored ones,
    // marked as not applied yet; saving applies them with the rest.
    void showPending(const QHash<QString, QString> &pending);

private:
    QString extJson() const;
    // Color and brand from `ext`; its other keys are kept as they are.
    void showExt(const QString &ext);
    std::unique_ptr<Ui::VehicleDialog> m_ui;
    Mode m_mode;
    Values m_initial;
    QJsonObject m_extraExt; // keys other than color and brand, kept as they were
    BrowseWorker *m_users = nullptr;
    QAbstractButton *m_findOwner = nullptr;
    QPointer<UserPicker> m_picker;
};
