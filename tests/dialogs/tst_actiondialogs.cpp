#include "ApplyPromoCodeDialog.h"
#include "ConnectionDialog.h"
#include "EndRideDialog.h"
#include "FormValidator.h"
#include "PreviewDialog.h"
#include "PromoCodeDialog.h"
#include "RowPicker.h"
#include "StartRideDialog.h"
#include "TestServer.h"
#include "Translations.h"
#include "UserDialog.h"
#include "UserPicker.h"
#include "VehicleDialog.h"
#include "VehicleStatusDialog.h"
#include "WidgetChecks.h"
#include "models/BrowseTableModel.h"
#include "movr/DataGenerator.h"
#include "movr/MovrLoader.h"
#include "txn/TransactionRunner.h"
#include "worker/BrowseWorker.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QScopeGuard>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QToolButton>
#include <QTranslator>

#include <map>

// Each dialog drives its operation end to end on a loaded MovR database, which is then
// checked with SQL; bad input in every field keeps OK disabled with a message.
class TestActionDialogs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void startAndEndRide();
    void startRideBadInput_data();
    void startRideBadInput();
    void endRideBadRevenue_data();
    void endRideBadRevenue();
    void endRideFieldByField_data();
    void endRideFieldByField();
    void addVehicleStoresHostileTextLiterally();
    void editVehicleSendsOnlyChangesAndKeepsExt();
    void vehicleBadInput();
    void ownerIsFoundByNameInTheCity();
    void userPickerByKeyboard();
    void pickersFindByTheStartOfTheId();
    void setStatusOfSeveralVehicles();
    void setStatusOffersOnlySettableStatuses();
    void setStatusBadInput_data();
    void setStatusBadInput();
    void addAndEditUser();
    void cardTypedInGroupsIsStoredAsDigits();
    void userBadInput_data();
    void userBadInput();
    void createAndApplyPromoCode();
    void applyPromoCodeFieldByField_data();
    void applyPromoCodeFieldByField();
    void promoCodeDescription_data();
    void promoCodeDescription();
    void addressMessagesNameTheField_data();
    void addressMessagesNameTheField();
    void everyMnemonicWorks_data();
    void everyMnemonicWorks();
    void promoCodeBadInput();
    void promoCodeInAnyScript();

private:
    QTranslator m_english;
    template <typename T> static T *field(QDialog &dialog, const char *name)
    {
        T *widget = dialog.findChild<T *>(QLatin1String(name));
        if (!widget)
            qFatal("no field %s", name);
        return widget;
    }
    static bool okEnabled(QDialog &dialog)
    {
        return dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->isEnabled();
    }
    static QString message(QDialog &dialog) { return field<QLabel>(dialog, "message")->text(); }
    // Types `value` into a line edit or a plain text edit, or picks it in a combo box (a value
    // it does not offer is added first, as a dialog shows a damaged row's value).
    static void setText(QWidget *widget, const QString &value);
    static QString text(QWidget *widget);
    // Sets the field `name` of a valid dialog to `value`. An empty `problem`: the dialog stays
    // valid. Otherwise OK is disabled, the message line starts with `problem` (as a sentence),
    // the field is framed with the reason as its tooltip, accepting anyway does nothing and
    // what was typed is kept; `good` in the field then makes the dialog valid again.
    static void checkField(QDialog &dialog, const QString &name, const QString &value,
                           const QString &problem, const QString &good);
    Outcome run(const Result<TransactionBody> &body);
    QString value(const QString &sql, const SqlParams &params = {});

    QString m_database;
    std::unique_ptr<PgConnection> m_sql;
    std::unique_ptr<PgConnection> m_edit;
    QString m_city = QStringLiteral("amsterdam");
};

void TestActionDialogs::initTestCase()
{
    // English as the application runs it: its catalog gives the plural forms ("%n vehicle(s)").
    QVERIFY(Translations::loadCatalog(m_english, QStringLiteral("en")));
    QCoreApplication::installTranslator(&m_english);
    MovrCounts counts;
    counts.users = 45;
    counts.vehicles = 45;
    counts.rides = 90;
    counts.histories = 90;
    counts.promoCodes = 18;
    m_database = TestServer::createMovrDatabase(QStringLiteral("dialogs"), counts, 3);
    m_sql = TestServer::connect(m_database);
    m_edit = TestServer::connect(m_database);
}

void TestActionDialogs::setText(QWidget *widget, const QString &value)
{
    if (auto *edit = qobject_cast<QLineEdit *>(widget)) {
        edit->setText(value);
    } else if (auto *plain = qobject_cast<QPlainTextEdit *>(widget)) {
        plain->setPlainText(value);
    } else if (auto *combo = qobject_cast<QComboBox *>(widget)) {
        if (combo->findText(value) < 0)
            combo->addItem(value);
        combo->setCurrentIndex(combo->findText(value));
    } else {
        qFatal("%s is not a text field", qPrintable(widget->objectName()));
    }
}

QString TestActionDialogs::text(QWidget *widget)
{
    if (auto *edit = qobject_cast<QLineEdit *>(widget))
        return edit->text();
    if (auto *plain = qobject_cast<QPlainTextEdit *>(widget))
        return plain->toPlainText();
    if (auto *combo = qobject_cast<QComboBox *>(widget))
        return combo->currentText();
    qFatal("%s is not a text field", qPrintable(widget->objectName()));
}

void TestActionDialogs::checkField(QDialog &dialog, const QString &name, const QString &value,
                                   const QString &problem, const QString &good)
{
    QVERIFY2(okEnabled(dialog), qPrintable(message(dialog))); // valid before the change
    auto *widget = dialog.findChild<QWidget *>(name);
    QVERIFY2(widget, qPrintable(name));
    auto *line = field<QLabel>(dialog, "message");
    setText(widget, value);
    if (problem.isEmpty()) {
        QVERIFY2(okEnabled(dialog), qPrintable(message(dialog)));
        QVERIFY2(message(dialog).isEmpty(), qPrintable(message(dialog)));
        QVERIFY(line->isHidden());
        QVERIFY(widget->styleSheet().isEmpty());
        QVERIFY(widget->toolTip().isEmpty());
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        return;
    }
    QVERIFY(!okEnabled(dialog));
    QVERIFY2(message(dialog).startsWith(problem, Qt::CaseInsensitive), qPrintable(message(dialog)));
    QVERIFY2(message(dialog).at(0).isUpper(), qPrintable(message(dialog))); // a sentence
    // One line: a long value is echoed cut short.
    QVERIFY2(message(dialog).size() < 300 && !message(dialog).contains(QLatin1Char('\n')),
             qPrintable(message(dialog)));
    QVERIFY(!line->isHidden());
    QVERIFY2(widget->styleSheet().contains(QLatin1String("border")),
             qPrintable(widget->styleSheet()));
    QCOMPARE(widget->toolTip().toLower(), message(dialog).toLower());
    dialog.accept(); // Enter in the field
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QCOMPARE(text(widget), value);
    setText(widget, good);
    QVERIFY2(okEnabled(dialog), qPrintable(message(dialog)));
    QVERIFY(message(dialog).isEmpty());
    QVERIFY(line->isHidden());
    QVERIFY(widget->styleSheet().isEmpty());
}

Outcome TestActionDialogs::run(const Result<TransactionBody> &body)
{
    if (!body)
        qFatal("body: %s", qPrintable(body.error().message));
    TransactionRunner runner(m_edit);
    return runner.run(*body);
}

QString TestActionDialogs::value(const QString &sql, const SqlParams &params)
{
    auto result = m_sql->exec(sql, params);
    if (!result)
        qFatal("%s: %s", qPrintable(sql), qPrintable(result.error().toString()));
    return result->rowCount() ? result->text(0, 0) : QString();
}

void TestActionDialogs::startAndEndRide()
{
    const QString vehicle =
        value(QStringLiteral("SELECT v.id FROM vehicles v WHERE v.city = $1 AND "
                             "v.status = 'available' AND NOT EXISTS (SELECT 1 "
                             "FROM rides r WHERE r.vehicle_id = v.id AND "
                             "r.end_time IS NULL) LIMIT 1"),
              {m_city});
    const QString rider =
        value(QStringLiteral("SELECT id FROM users WHERE city = $1 LIMIT 1"), {m_city});
    QVERIFY(!vehicle.isEmpty());
    StartRideInput initial;
    initial.city = m_city;
    initial.vehicleId = vehicle;
    StartRideDialog start(initial);
    QVERIFY(!okEnabled(start)); // no rider yet
    QVERIFY(message(start).contains(QLatin1String("rider")));
    field<QLineEdit>(start, "riderId")
        ->setText(QLatin1Char(' ') + rider.toUpper() + QLatin1Char(' '));
    QVERIFY2(okEnabled(start), qPrintable(message(start)));
    const Outcome started = run(start.body());
    QVERIFY2(started.committed(), qPrintable(started.error ? started.error->message : QString()));
    const QString ride = start.input().rideId;
    QCOMPARE(value(QStringLiteral("SELECT status FROM vehicles WHERE city = $1 AND id = $2"),
                   {m_city, vehicle}),
             QStringLiteral("in_use"));
    QCOMPARE(value(QStringLiteral("SELECT rider_id FROM rides WHERE city = $1 AND id = $2"),
                   {m_city, ride}),
             rider);

    EndRideInput endInitial;
    endInitial.city = m_city;
    endInitial.rideId = ride;
    EndRideDialog end(endInitial);
    QVERIFY(!okEnabled(end)); // revenue missing
    field<QLineEdit>(end, "revenue")->setText(QStringLiteral("12.50"));
    field<QLineEdit>(end, "endAddress")->setText(QStringLiteral("Dam 1, O'Brien's corner"));
    QVERIFY2(okEnabled(end), qPrintable(message(end)));
    const Outcome ended = run(end.body());
    QVERIFY(ended.committed());
    QCOMPARE(
        value(
            QStringLiteral(
                "SELECT revenue::text || '|' || end_address || '|' || (end_time IS NOT NULL)::text "
                "FROM rides WHERE city = $1 AND id = $2"),
            {m_city, ride}),
        QStringLiteral("12.50|Dam 1, O'Brien's corner|true"));
    QCOMPARE(value(QStringLiteral("SELECT status FROM vehicles WHERE city = $1 AND id = $2"),
                   {m_city, vehicle}),
             QStringLiteral("available"));
}

void TestActionDialogs::startRideBadInput_data()
{
    QTest::addColumn<QString>("city");
    QTest::addColumn<QString>("rider");
    QTest::addColumn<QString>("vehicle");
    QTest::addColumn<QString>("expected");
    const QString good = QStringLiteral("2b7d4f30-0c36-4c5a-9a36-0c3b1a1f7e01");
    QTest::newRow("rider not a uuid") << "rome"
                                      << "not-a-uuid" << good << "rider";
    QTest::newRow("vehicle sql") << "rome" << good << "'; DROP TABLE rides; --"
                                 << "vehicle";
    QTest::newRow("vehicle empty") << "rome" << good << ""
                                   << "vehicle";
    QTest::newRow("unknown city") << "atlantis" << good << good << "atlantis";
}

void TestActionDialogs::startRideBadInput()
{
    QFETCH(QString, city);
    QFETCH(QString, rider);
    QFETCH(QString, vehicle);
    QFETCH(QString, expected);
    StartRideInput initial;
    initial.city = city;
    initial.riderId = rider;
    initial.vehicleId = vehicle;
    StartRideDialog dialog(initial);
    QVERIFY(!okEnabled(dialog));
    QVERIFY2(message(dialog).contains(expected, Qt::CaseInsensitive), qPrintable(message(dialog)));
    // Accepting anyway (Enter) does nothing.
    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    // What was typed is kept.
    QCOMPARE(field<QLineEdit>(dialog, "vehicleId")->text(), vehicle);
}

void TestActionDialogs::endRideBadRevenue_data()
{
    QTest::addColumn<QString>("revenue");
    QTest::newRow("negative") << "-1";
    QTest::newRow("three decimals") << "12.345";
    QTest::newRow("words") << "twelve";
    QTest::newRow("too large") << "123456789.00";
}

void TestActionDialogs::endRideBadRevenue()
{
    QFETCH(QString, revenue);
    EndRideInput initial;
    initial.city = m_city;
    initial.rideId = QStringLiteral("2b7d4f30-0c36-4c5a-9a36-0c3b1a1f7e01");
    initial.revenue = revenue;
    EndRideDialog dialog(initial);
    QVERIFY(!okEnabled(dialog));
    QVERIFY2(message(dialog).contains(QLatin1String("revenue"), Qt::CaseInsensitive),
             qPrintable(message(dialog)));
    field<QLineEdit>(dialog, "revenue")->setText(QStringLiteral("7"));
    QVERIFY(okEnabled(dialog));
}

namespace {
const QString GoodUuid = QStringLiteral("2b7d4f30-0c36-4c5a-9a36-0c3b1a1f7e01");

// Text a user may paste into any field: quotes, SQL, unicode (accented, CJK, emoji).
const QString Hostile = QStringLiteral("O'Brien \"Corner\" \\; DROP TABLE rides; -- Zoë 日本 🚲");

// Bad ids for any UUID field, ending each problem with `field`.
void addBadUuidRows(const QString &prefix, const QString &name, const QString &problem)
{
    const auto row = [&](const char *what, const QString &value) {
        QTest::newRow(qPrintable(prefix + QLatin1Char(' ') + QLatin1String(what)))
            << name << value << problem;
    };
    row("empty", QString());
    row("blank", QStringLiteral("   "));
    row("not a uuid", QStringLiteral("not-a-uuid"));
    row("sql", QStringLiteral("'; DELETE FROM rides; --"));
    row("hostile", Hostile);
    row("one brace", QLatin1Char('{') + GoodUuid);
    row("one digit too many", GoodUuid + QLatin1Char('0'));
    row("non-hex digit", QString(GoodUuid).replace(0, 1, QLatin1Char('g')));
    // Fullwidth digits are digits, not hex digits.
    row("fullwidth digits", QString(GoodUuid).replace(0, 1, QChar(0xFF12)));
    row("very long", QString(10000, QLatin1Char('f')));
}

// Ids written as users paste them: accepted.
void addGoodUuidRows(const QString &prefix, const QString &name)
{
    const auto row = [&](const char *what, const QString &value) {
        QTest::newRow(qPrintable(prefix + QLatin1Char(' ') + QLatin1String(what)))
            << name << value << QString();
    };
    row("upper case", GoodUuid.toUpper());
    row("braced", QLatin1Char('{') + GoodUuid + QLatin1Char('}'));
    row("32 digits", QString(GoodUuid).remove(QLatin1Char('-')));
    row("spaces around", QStringLiteral("  ") + GoodUuid + QStringLiteral(" "));
}
} // namespace

void TestActionDialogs::endRideFieldByField_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("problem"); // empty: valid
    addBadUuidRows(QStringLiteral("ride id"), QStringLiteral("rideId"),
                   QStringLiteral("the ride id is not a valid UUID"));
    addGoodUuidRows(QStringLiteral("ride id"), QStringLiteral("rideId"));
    const QString address = QStringLiteral("endAddress");
    QTest::newRow("end address empty: the vehicle's location") << address << ""
                                                               << "";
    QTest::newRow("end address blank: the vehicle's location") << address << "   "
                                                               << "";
    QTest::newRow("end address hostile") << address << Hostile << "";
    QTest::newRow("end address 200 characters") << address << QString(200, QLatin1Char('a')) << "";
    QTest::newRow("end address 201 characters") << address << QString(201, QLatin1Char('a'))
                                                << "the end address is longer than 200 characters";
    QTest::newRow("end address 201 umlauts") << address << QString(201, QChar(0x00FC))
                                             << "the end address is longer than 200 characters";
    QTest::newRow("end address very long") << address << QString(10000, QLatin1Char('x'))
                                           << "the end address is longer than 200 characters";
    QTest::newRow("end address tab")
        << address << QStringLiteral("Dam\t1") << "the end address contains control characters";
    QTest::newRow("end address control character")
        << address << QStringLiteral("Dam 1\x01") << "the end address contains control characters";
    QTest::newRow("revenue empty") << "revenue"
                                   << ""
                                   << "the revenue is missing";
    QTest::newRow("revenue sql") << "revenue"
                                 << "1; DROP TABLE rides"
                                 << "the revenue is not an amount like 12.50";
    QTest::newRow("revenue comma") << "revenue"
                                   << "12,50"
                                   << "the revenue is not an amount like 12.50";
    QTest::newRow("revenue zero") << "revenue"
                                  << "0"
                                  << "";
    QTest::newRow("revenue largest") << "revenue"
                                     << "99999999.99"
                                     << "";
    QTest::newRow("city unknown") << "city"
                                  << "atlantis"
                                  << "The city \"atlantis\" is not a MovR city";
    QTest::newRow("city sql") << "city"
                              << "rome'; --"
                              << "The city \"rome'; --\" is not a MovR city";
}

void TestActionDialogs::endRideFieldByField()
{
    QFETCH(QString, name);
    QFETCH(QString, value);
    QFETCH(QString, problem);
    EndRideDialog dialog({m_city, GoodUuid, QStringLiteral("7"), QStringLiteral("Dam 1")});
    const std::map<QString, QString> good{{QStringLiteral("city"), m_city},
                                          {QStringLiteral("rideId"), GoodUuid},
                                          {QStringLiteral("endAddress"), QStringLiteral("Dam 1")},
                                          {QStringLiteral("revenue"), QStringLiteral("7")}};
    checkField(dialog, name, value, problem, good.at(name));
    if (QTest::currentTestFailed() || !problem.isEmpty())
        return;
    // A valid value is what the operation receives: trimmed, an empty end address omitted.
    const EndRideInput input = dialog.input();
    if (name == u"endAddress") {
        QCOMPARE(input.endAddress.has_value(), !value.trimmed().isEmpty());
        if (input.endAddress)
            QCOMPARE(*input.endAddress, value.trimmed());
    } else if (name == u"rideId") {
        QCOMPARE(input.rideId, value.trimmed());
        QVERIFY(dialog.body().hasValue());
    } else if (name == u"revenue") {
        QCOMPARE(input.revenue, value);
    }
}

void TestActionDialogs::addVehicleStoresHostileTextLiterally()
{
    const QString owner =
        value(QStringLiteral("SELECT id FROM users WHERE city = $1 LIMIT 1"), {m_city});
    VehicleDialog::Values initial;
    initial.city = m_city;
    VehicleDialog dialog(VehicleDialog::Mode::Add, initial);
    field<QComboBox>(dialog, "type")->setCurrentText(QStringLiteral("bike"));
    field<QLineEdit>(dialog, "ownerId")->setText(owner);
    const QString hostile = QStringLiteral("O'Brien St 5\\; DROP TABLE vehicles; -- ünï");
    field<QLineEdit>(dialog, "location")->setText(hostile);
    auto *color = field<QComboBox>(dialog, "color");
    color->setCurrentIndex(color->findData(QStringLiteral("red")));
    auto *brand = field<QComboBox>(dialog, "brand");
    brand->setCurrentIndex(brand->findData(QStringLiteral("Santa Cruz")));
    QVERIFY2(okEnabled(dialog), qPrintable(message(dialog)));
    const QString id = dialog.addInput().id;
    QVERIFY(run(dialog.body()).committed());
    QCOMPARE(
        value(QStringLiteral("SELECT current_location FROM vehicles WHERE city = $1 AND id = $2"),
              {m_city, id}),
        hostile);
    const QJsonObject ext =
        QJsonDocument::fromJson(
            value(QStringLiteral("SELECT ext::text FROM vehicles WHERE id = $1"), {id}).toUtf8())
            .object();
    QCOMPARE(ext.value(QStringLiteral("color")).toString(), QStringLiteral("red"));
    QCOMPARE(ext.value(QStringLiteral("brand")).toString(), QStringLiteral("Santa Cruz"));
    // A scooter has no brand: the field is disabled and not stored.
    field<QComboBox>(dialog, "type")->setCurrentText(QStringLiteral("scooter"));
    QVERIFY(!brand->isEnabled());
    QVERIFY(!dialog.addInput().ext.contains(QLatin1String("brand")));
}

void TestActionDialogs::editVehicleSendsOnlyChangesAndKeepsExt()
{
    const QString id =
        value(QStringLiteral("SELECT id FROM vehicles WHERE city = $1 AND status <> 'in_use' "
                             "ORDER BY id LIMIT 1"),
              {m_city});
    QVERIFY(m_sql
                ->exec(QStringLiteral("UPDATE vehicles SET ext = '{\"color\": \"blue\", \"seats\": "
                                      "2}' WHERE id = $1"),
                       {id})
                .hasValue());
    VehicleDialog::Values initial;
    initial.id = id;
    initial.city = m_city;
    initial.type = value(QStringLiteral("SELECT type FROM vehicles WHERE id = $1"), {id});
    initial.ownerId = value(QStringLiteral("SELECT owner_id FROM vehicles WHERE id = $1"), {id});
    initial.status = value(QStringLiteral("SELECT status FROM vehicles WHERE id = $1"), {id});
    initial.location =
        value(QStringLiteral("SELECT current_location FROM vehicles WHERE id = $1"), {id});
    initial.ext = QStringLiteral("{\"color\": \"blue\", \"seats\": 2}");
    VehicleDialog dialog(VehicleDialog::Mode::Edit, initial);
    QVERIFY(!okEnabled(dialog)); // nothing changed yet
    QVERIFY2(message(dialog).contains(QLatin1String("Nothing to change")),
             qPrintable(message(dialog)));
    QVERIFY(!field<QComboBox>(dialog, "city")->isEnabled());
    auto *color = field<QComboBox>(dialog, "color");
    color->setCurrentIndex(color->findData(QStringLiteral("green")));
    QVERIFY(okEnabled(dialog));
    const EditVehicleInput input = dialog.editInput();
    QVERIFY(!input.type && !input.ownerId && !input.currentLocation);
    QVERIFY(input.ext.has_value());
    QVERIFY(run(dialog.body()).committed());
    const QJsonObject ext =
        QJsonDocument::fromJson(
            value(QStringLiteral("SELECT ext::text FROM vehicles WHERE id = $1"), {id}).toUtf8())
            .object();
    QCOMPARE(ext.value(QStringLiteral("color")).toString(), QStringLiteral("green"));
    QCOMPARE(ext.value(QStringLiteral("seats")).toInt(), 2);
    QCOMPARE(value(QStringLiteral("SELECT current_location FROM vehicles WHERE id = $1"), {id}),
             initial.location);
}

void TestActionDialogs::vehicleBadInput()
{
    VehicleDialog::Values initial;
    initial.city = m_city;
    initial.ownerId = QStringLiteral("2b7d4f30-0c36-4c5a-9a36-0c3b1a1f7e01");
    initial.location = QStringLiteral("Main St 1");
    VehicleDialog dialog(VehicleDialog::Mode::Add, initial);
    QVERIFY2(okEnabled(dialog), qPrintable(message(dialog)));
    field<QLineEdit>(dialog, "ownerId")->setText(QStringLiteral("12345"));
    QVERIFY(!okEnabled(dialog));
    QVERIFY(message(dialog).contains(QLatin1String("owner")));
    field<QLineEdit>(dialog, "ownerId")->setText(initial.ownerId);
    field<QLineEdit>(dialog, "location")->setText(QStringLiteral("   "));
    QVERIFY(!okEnabled(dialog));
    field<QLineEdit>(dialog, "location")->setText(QString(300, QLatin1Char('x')));
    QVERIFY(!okEnabled(dialog));
    field<QLineEdit>(dialog, "location")->setText(QStringLiteral("Main St 1"));
    QVERIFY(okEnabled(dialog));
    // A city that is not one of MovR's (e.g. from a damaged row) is shown and refused.
    initial.city = QStringLiteral("atlantis");
    VehicleDialog elsewhere(VehicleDialog::Mode::Add, initial);
    QVERIFY(!okEnabled(elsewhere));
    QVERIFY(message(elsewhere).contains(QLatin1String("atlantis")));
}

void TestActionDialogs::ownerIsFoundByNameInTheCity()
{
    BrowseWorker::registerMetaTypes();
    auto *worker = new BrowseWorker(TestServer::settings(m_database));
    worker->start(QStringLiteral("picker-test"));
    const QString name = value(
        QStringLiteral("SELECT name FROM users WHERE city = $1 ORDER BY id LIMIT 1"), {m_city});
    const QString id =
        value(QStringLiteral("SELECT id FROM users WHERE city = $1 AND name = $2"), {m_city, name});
    {
        // The picker: only this city's users, searched by name on the server.
        UserPicker picker(worker, m_city);
        QTRY_VERIFY_WITH_TIMEOUT(picker.model()->rowCount() > 0 && picker.model()->atEnd(), 20000);
        const int cityColumn = picker.model()->spec().columnIndex(QStringLiteral("city"));
        QCOMPARE(QString::number(picker.model()->rowCount()),
                 value(QStringLiteral("SELECT count(*) FROM users WHERE city = $1"), {m_city}));
        for (int row = 0; row < picker.model()->rowCount(); ++row)
            QCOMPARE(picker.model()->cellText(row, cityColumn), m_city);
        picker.setSearch(name);
        QTRY_VERIFY_WITH_TIMEOUT(
            picker.model()->atEnd() && picker.model()->rowCount() >= 1 &&
                picker.model()->cellText(
                    0, picker.model()->spec().columnIndex(QStringLiteral("name"))) == name,
            20000);
        picker.choose(0);
        QCOMPARE(picker.selectedId(), id);
        QCOMPARE(picker.result(), int(QDialog::Accepted));
    }
    {
        // From the vehicle dialog: "Find…" fills the owner.
        VehicleDialog::Values initial;
        initial.city = m_city;
        initial.location = QStringLiteral("Main St 1");
        VehicleDialog dialog(VehicleDialog::Mode::Add, initial);
        auto *find = field<QToolButton>(dialog, "findOwner");
        QVERIFY(!find->isEnabled());
        dialog.setUserSource(worker);
        QVERIFY(find->isEnabled());
        auto *city = field<QComboBox>(dialog, "city");
        QVERIFY(city->isEnabled());
        find->click(); // opens the picker without blocking
        QPointer<UserPicker> picker = dialog.picker();
        QVERIFY(picker);
        QTRY_VERIFY(picker->isVisible());
        picker->setSearch(name);
        QTRY_VERIFY_WITH_TIMEOUT(picker->model()->atEnd() && picker->model()->rowCount() >= 1,
                                 20000);
        picker->choose(0);
        QCOMPARE(field<QLineEdit>(dialog, "ownerId")->text(), id);
        QVERIFY2(okEnabled(dialog), qPrintable(message(dialog)));
        // The owner is a user of this city: the city is locked until the owner is cleared.
        QVERIFY(!city->isEnabled());
        QCOMPARE(city->currentText(), m_city);
        field<QLineEdit>(dialog, "ownerId")->clear();
        QVERIFY(city->isEnabled());
    }
    WorkerBase::shutdownAndDelete(worker);
}

// "Name or the start of the id": the first characters of a user's id find that user, and
// those of an active ride's id find that ride (End ride's Find…).
void TestActionDialogs::pickersFindByTheStartOfTheId()
{
    BrowseWorker::registerMetaTypes();
    auto *worker = new BrowseWorker(TestServer::settings(m_database));
    worker->start(QStringLiteral("picker-prefix"));
    const auto stop = qScopeGuard([worker] { WorkerBase::shutdownAndDelete(worker); });
    const QString userId = value(
        QStringLiteral("SELECT id::text FROM users WHERE city = $1 ORDER BY name DESC LIMIT 1"),
        {m_city});
    {
        UserPicker picker(worker, m_city);
        const int idColumn = picker.model()->spec().columnIndex(QStringLiteral("id"));
        for (const QString &prefix : {userId.left(8), userId.left(4).toUpper(), userId.left(13)}) {
            picker.setSearch(prefix);
            QTRY_VERIFY_WITH_TIMEOUT(picker.model()->filter().search == prefix &&
                                         picker.model()->state() ==
                                             BrowseTableModel::State::Ready &&
                                         picker.model()->atEnd(),
                                     20000);
            QVERIFY2(picker.model()->rowCount() >= 1, qPrintable(prefix));
            bool found = false;
            for (int row = 0; row < picker.model()->rowCount(); ++row) {
                const QString id = picker.model()->cellText(row, idColumn);
                found = found || id == userId;
                // Every row matches: its id starts with the prefix, or its name contains it.
                QVERIFY2(id.startsWith(prefix.toLower()) ||
                             picker.model()
                                 ->cellText(row, picker.model()->spec().columnIndex(
                                                     QStringLiteral("name")))
                                 .contains(prefix, Qt::CaseInsensitive),
                         qPrintable(id));
            }
            QVERIFY2(found, qPrintable(prefix));
        }
    }
    const QString rideId =
        value(QStringLiteral("SELECT id::text FROM rides WHERE city = $1 AND end_time IS NULL "
                             "ORDER BY id DESC LIMIT 1"),
              {m_city});
    if (rideId.isEmpty())
        QSKIP("no active ride in the test city");
    EndRideDialog dialog({m_city, rideId.left(6), QString(), QString()});
    dialog.setRowSource(worker);
    dialog.show();
    field<QToolButton>(dialog, "rideIdFind")->click(); // opens the picker without blocking
    RowPicker *picker = nullptr;
    QTRY_VERIFY((picker = dialog.findChild<RowPicker *>()) && picker->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(picker->model()->filter().search == rideId.left(6) &&
                                 picker->model()->state() == BrowseTableModel::State::Ready &&
                                 picker->model()->atEnd() && picker->model()->rowCount() >= 1,
                             20000);
    picker->choose(0);
    QCOMPARE(field<QLineEdit>(dialog, "rideId")->text(), rideId);
}

// Find user by keyboard: Enter in the search chooses the first match (also when typed
// faster than the search runs); Down enters the list, Enter there chooses the row.
void TestActionDialogs::userPickerByKeyboard()
{
    BrowseWorker::registerMetaTypes();
    auto *worker = new BrowseWorker(TestServer::settings(m_database));
    worker->start(QStringLiteral("picker-keys"));
    const auto stop = qScopeGuard([worker] { WorkerBase::shutdownAndDelete(worker); });
    auto names = m_sql->exec(
        QStringLiteral("SELECT name, id FROM users WHERE city = $1 ORDER BY name, id LIMIT 2"),
        {m_city});
    QVERIFY(names.hasValue());
    QCOMPARE(names->rowCount(), 2);
    const QString name = names->text(0, 0);
    const QString id =
        value(QStringLiteral("SELECT id FROM users WHERE city = $1 AND name = $2 ORDER BY id "
                             "LIMIT 1"),
              {m_city, name});
    {
        UserPicker picker(worker, m_city);
        picker.show();
        QVERIFY(QTest::qWaitForWindowExposed(&picker));
        auto *search = field<QLineEdit>(picker, "search");
        QTRY_VERIFY_WITH_TIMEOUT(picker.model()->rowCount() > 1, 20000);
        // Typed and Enter at once: the search runs, then its first match is chosen.
        QTest::keyClicks(search, name);
        QTest::keyClick(search, Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(picker.result(), int(QDialog::Accepted), 20000);
        QCOMPARE(picker.model()->filter().search, name);
        QCOMPARE(picker.selectedName(), name);
        QCOMPARE(picker.selectedId(), id);
    }
    {
        UserPicker picker(worker, m_city);
        picker.show();
        QVERIFY(QTest::qWaitForWindowExposed(&picker));
        auto *search = field<QLineEdit>(picker, "search");
        auto *view = field<QTableView>(picker, "rows");
        QTRY_VERIFY_WITH_TIMEOUT(picker.model()->atEnd() && picker.model()->rowCount() > 1, 20000);
        // Down: into the list, on its first row; Down again: the second; Enter chooses it.
        QTest::keyClick(search, Qt::Key_Down);
        QCOMPARE(view->currentIndex().row(), 0);
        QTest::keyClick(view, Qt::Key_Down);
        QCOMPARE(view->currentIndex().row(), 1);
        const QString second =
            picker.model()->cellText(1, picker.model()->spec().columnIndex(QStringLiteral("id")));
        QTest::keyClick(view, Qt::Key_Return);
        QCOMPARE(picker.result(), int(QDialog::Accepted));
        QCOMPARE(picker.selectedId(), second);
    }
    {
        // Enter with no match chooses nothing and keeps the dialog open.
        UserPicker picker(worker, m_city);
        picker.show();
        auto *search = field<QLineEdit>(picker, "search");
        QTRY_VERIFY_WITH_TIMEOUT(picker.model()->rowCount() > 0, 20000);
        QTest::keyClicks(search, QStringLiteral("nobody is called this"));
        QTest::keyClick(search, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(picker.model()->filter().search ==
                                         QStringLiteral("nobody is called this") &&
                                     picker.model()->atEnd(),
                                 20000);
        QCOMPARE(picker.model()->rowCount(), 0);
        QVERIFY(picker.isVisible());
        QCOMPARE(picker.selectedId(), QString());
    }
}

void TestActionDialogs::setStatusOfSeveralVehicles()
{
    auto ids = m_sql->exec(
        QStringLiteral("SELECT v.id FROM vehicles v WHERE v.city = $1 AND v.status = 'available' "
                       "AND NOT EXISTS (SELECT 1 FROM rides r WHERE r.vehicle_id = v.id AND "
                       "r.end_time IS NULL) LIMIT 2"),
        {m_city});
    QVERIFY(ids.hasValue());
    QCOMPARE(ids->rowCount(), 2);
    const QStringList vehicleIds{ids->text(0, 0), ids->text(1, 0)};
    VehicleStatusDialog dialog(m_city, vehicleIds);
    QVERIFY(field<QLabel>(dialog, "summary")->text().contains(QLatin1String("2 vehicles")));
    field<QComboBox>(dialog, "status")->setCurrentText(QStringLiteral("lost"));
    QVERIFY(okEnabled(dialog));
    const auto bodies = dialog.bodies();
    QVERIFY(bodies.hasValue());
    for (const TransactionBody &body : *bodies)
        QVERIFY(run(body).committed());
    QCOMPARE(
        value(QStringLiteral(
                  "SELECT count(*) FROM vehicles WHERE id = ANY($1::uuid[]) AND status = 'lost'"),
              {QLatin1Char('{') + vehicleIds.join(QLatin1Char(',')) + QLatin1Char('}')}),
        QStringLiteral("2"));
}

// The status box offers only what "set status" may write; a status it should never offer
// (in_use, retired) would be refused with the reason.
void TestActionDialogs::setStatusOffersOnlySettableStatuses()
{
    VehicleStatusDialog dialog(m_city, {GoodUuid});
    auto *status = field<QComboBox>(dialog, "status");
    QStringList offered;
    for (int index = 0; index < status->count(); ++index)
        offered << status->itemText(index);
    QCOMPARE(offered, QStringList({QStringLiteral("available"), QStringLiteral("lost")}));
    QVERIFY(!status->isEditable());
    for (const QString &good : offered) {
        status->setCurrentText(good);
        QVERIFY2(okEnabled(dialog), qPrintable(message(dialog)));
        QCOMPARE(dialog.input().status, good);
    }
    status->setCurrentText(QStringLiteral("in_use")); // not offered: nothing changes
    QCOMPARE(status->currentText(), QStringLiteral("lost"));
    checkField(dialog, QStringLiteral("status"), QStringLiteral("in_use"),
               QStringLiteral("a vehicle becomes in_use by starting a ride"),
               QStringLiteral("available"));
    checkField(dialog, QStringLiteral("status"), QStringLiteral("retired"),
               QStringLiteral("use \"retire vehicle\" to retire a vehicle"),
               QStringLiteral("available"));
    checkField(dialog, QStringLiteral("status"), QStringLiteral("available'; --"),
               QStringLiteral("The vehicle status \"available'; --\" is unknown"),
               QStringLiteral("lost"));
}

void TestActionDialogs::setStatusBadInput_data()
{
    // What the selection gives the dialog: its city and the vehicles' ids.
    QTest::addColumn<QString>("city");
    QTest::addColumn<QStringList>("ids");
    QTest::addColumn<QString>("problem"); // empty: valid
    const QString other = QStringLiteral("8c1e2a44-7d0b-4f5e-a1c2-3d4e5f607182");
    QTest::newRow("one vehicle") << m_city << QStringList{GoodUuid} << "";
    QTest::newRow("ids as pasted")
        << m_city << QStringList{GoodUuid.toUpper(), QLatin1Char('{') + other + QLatin1Char('}')}
        << "";
    QTest::newRow("the same vehicle twice") << m_city << QStringList{GoodUuid, GoodUuid} << "";
    QTest::newRow("no vehicle") << m_city << QStringList{} << "no vehicles selected";
    QTest::newRow("a bad id among good ones")
        << m_city << QStringList{GoodUuid, QStringLiteral("not-a-uuid"), other}
        << "a vehicle id is not a valid UUID: \"not-a-uuid\"";
    QTest::newRow("sql id") << m_city << QStringList{QStringLiteral("') OR true; --")}
                            << "a vehicle id is not a valid UUID";
    QTest::newRow("empty id") << m_city << QStringList{QString()}
                              << "a vehicle id is not a valid UUID";
    QTest::newRow("unknown city") << "atlantis" << QStringList{GoodUuid}
                                  << "The city \"atlantis\" is not a MovR city";
    QTest::newRow("no city") << "" << QStringList{GoodUuid} << "the city is missing";
}

void TestActionDialogs::setStatusBadInput()
{
    QFETCH(QString, city);
    QFETCH(QStringList, ids);
    QFETCH(QString, problem);
    VehicleStatusDialog dialog(city, ids);
    if (problem.isEmpty()) {
        QVERIFY2(okEnabled(dialog), qPrintable(message(dialog)));
        QVERIFY(message(dialog).isEmpty());
        const auto bodies = dialog.bodies();
        QVERIFY(bodies.hasValue());
        QCOMPARE(bodies->size(), 1);
        return;
    }
    QVERIFY(!okEnabled(dialog));
    QVERIFY2(message(dialog).startsWith(problem, Qt::CaseInsensitive), qPrintable(message(dialog)));
    QVERIFY(!field<QLabel>(dialog, "message")->isHidden());
    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    // No status makes it valid: the problem is the selection.
    auto *status = field<QComboBox>(dialog, "status");
    for (int index = 0; index < status->count(); ++index) {
        status->setCurrentIndex(index);
        QVERIFY(!okEnabled(dialog));
    }
}

void TestActionDialogs::addAndEditUser()
{
    UserDialog::Values initial;
    initial.city = QStringLiteral("paris");
    UserDialog add(UserDialog::Mode::Add, initial);
    QVERIFY(!okEnabled(add));
    // It opens where the user has to type, and says so as a sentence.
    QCOMPARE(add.focusWidget(), field<QLineEdit>(add, "name"));
    QVERIFY2(message(add).at(0).isUpper(), qPrintable(message(add)));
    field<QLineEdit>(add, "name")->setText(QStringLiteral("Zoë O'Connor"));
    field<QLineEdit>(add, "address")->setText(QStringLiteral("1 Rue de Rivoli"));
    field<QLineEdit>(add, "creditCard")->setText(QStringLiteral("4111111111111111"));
    QVERIFY2(okEnabled(add), qPrintable(message(add)));
    const QString id = add.addInput().id;
    QVERIFY(run(add.body()).committed());
    QCOMPARE(
        value(QStringLiteral(
                  "SELECT name || '|' || credit_card FROM users WHERE city = 'paris' AND id = $1"),
              {id}),
        QStringLiteral("Zoë O'Connor|4111111111111111"));

    UserDialog::Values existing{id, QStringLiteral("paris"), QStringLiteral("Zoë O'Connor"),
                                QStringLiteral("1 Rue de Rivoli"),
                                QStringLiteral("4111111111111111")};
    UserDialog edit(UserDialog::Mode::Edit, existing);
    QVERIFY(!okEnabled(edit));
    field<QLineEdit>(edit, "address")->setText(QStringLiteral("2 Rue de Rivoli"));
    QVERIFY(okEnabled(edit));
    QVERIFY(!edit.editInput().name.has_value());
    QVERIFY(run(edit.body()).committed());
    QCOMPARE(value(QStringLiteral("SELECT address FROM users WHERE id = $1"), {id}),
             QStringLiteral("2 Rue de Rivoli"));
}

void TestActionDialogs::cardTypedInGroupsIsStoredAsDigits()
{
    UserDialog::Values initial;
    initial.city = QStringLiteral("paris");
    UserDialog add(UserDialog::Mode::Add, initial);
    field<QLineEdit>(add, "name")->setText(QStringLiteral("Grace Groups"));
    field<QLineEdit>(add, "address")->setText(QStringLiteral("3 Rue de Rivoli"));
    auto *card = field<QLineEdit>(add, "creditCard");
    card->setText(QStringLiteral(" 4111 1111-1111 1111"));
    QVERIFY2(okEnabled(add), qPrintable(message(add)));
    QCOMPARE(add.addInput().creditCard, QStringLiteral("4111111111111111"));
    // Leaving the field shows the number as it will be stored.
    QTest::keyClick(card, Qt::Key_Return);
    QCOMPARE(card->text(), QStringLiteral("4111111111111111"));
    const QString id = add.addInput().id;
    QVERIFY(run(add.body()).committed());
    QCOMPARE(value(QStringLiteral("SELECT credit_card FROM users WHERE city = 'paris' AND id = $1"),
                   {id}),
             QStringLiteral("4111111111111111"));

    // The same number typed in groups is no change.
    UserDialog edit(UserDialog::Mode::Edit,
                    {id, QStringLiteral("paris"), QStringLiteral("Grace Groups"),
                     QStringLiteral("3 Rue de Rivoli"), QStringLiteral("4111111111111111")});
    field<QLineEdit>(edit, "creditCard")->setText(QStringLiteral("4111 1111 1111 1111"));
    QVERIFY(!edit.editInput().creditCard.has_value());
    field<QLineEdit>(edit, "creditCard")->setText(QStringLiteral("5500-0000-0000-0004"));
    QCOMPARE(edit.editInput().creditCard,
             std::optional<QString>(QStringLiteral("5500000000000004")));
    // Something that is not a number in groups is refused and kept as typed.
    field<QLineEdit>(edit, "creditCard")->setText(QStringLiteral("5500 0000 0000 000O"));
    QVERIFY(!okEnabled(edit));
    QVERIFY2(message(edit).contains(QLatin1String("10 to 19 digits")), qPrintable(message(edit)));
    QTest::keyClick(field<QLineEdit>(edit, "creditCard"), Qt::Key_Return);
    QCOMPARE(field<QLineEdit>(edit, "creditCard")->text(), QStringLiteral("5500 0000 0000 000O"));
}

void TestActionDialogs::userBadInput_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("address");
    QTest::addColumn<QString>("card");
    QTest::newRow("empty name") << ""
                                << "Main St 1"
                                << "";
    QTest::newRow("blank name") << "   "
                                << "Main St 1"
                                << "";
    QTest::newRow("long name") << QString(101, QLatin1Char('n')) << "Main St 1"
                               << "";
    QTest::newRow("empty address") << "Ann Lee"
                                   << ""
                                   << "";
    QTest::newRow("card letters") << "Ann Lee"
                                  << "Main St 1"
                                  << "4111-1111-111x";
    QTest::newRow("card short in groups") << "Ann Lee"
                                          << "Main St 1"
                                          << "4111 1111";
    QTest::newRow("card short") << "Ann Lee"
                                << "Main St 1"
                                << "123456789";
    QTest::newRow("control character") << QStringLiteral("Ann\x01Lee") << "Main St 1"
                                       << "";
}

void TestActionDialogs::userBadInput()
{
    QFETCH(QString, name);
    QFETCH(QString, address);
    QFETCH(QString, card);
    UserDialog::Values initial{{}, QStringLiteral("rome"), name, address, card};
    UserDialog dialog(UserDialog::Mode::Add, initial);
    QVERIFY(!okEnabled(dialog));
    QVERIFY(!message(dialog).isEmpty());
}

void TestActionDialogs::createAndApplyPromoCode()
{
    PromoCodeDialog create;
    QVERIFY(!okEnabled(create));
    field<QLineEdit>(create, "code")->setText(QStringLiteral("99_spring_free_ride"));
    field<QPlainTextEdit>(create, "description")
        ->setPlainText(QStringLiteral("Spring: it's free; -- really"));
    field<QCheckBox>(create, "expires")->setChecked(true);
    QVERIFY2(okEnabled(create), qPrintable(message(create)));
    QVERIFY(run(create.body()).committed());
    QCOMPARE(value(QStringLiteral(
                 "SELECT description || '|' || (expiration_time > now())::text || '|' || "
                 "(rules->>'type') FROM promo_codes WHERE code = '99_spring_free_ride'")),
             QStringLiteral("Spring: it's free; -- really|true|percent_discount"));

    const QString user =
        value(QStringLiteral("SELECT id FROM users WHERE city = $1 LIMIT 1"), {m_city});
    ApplyPromoCodeDialog apply({m_city, user, QStringLiteral("99_spring_free_ride")});
    QVERIFY2(okEnabled(apply), qPrintable(message(apply)));
    QVERIFY(run(apply.body()).committed());
    QCOMPARE(value(QStringLiteral(
                       "SELECT count(*) FROM user_promo_codes WHERE city = $1 AND user_id = $2 "
                       "AND code = '99_spring_free_ride'"),
                   {m_city, user}),
             QStringLiteral("1"));
    ApplyPromoCodeDialog bad({m_city, QStringLiteral("nope"), QStringLiteral("99 spring!")});
    QVERIFY(!okEnabled(bad));
}

void TestActionDialogs::applyPromoCodeFieldByField_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("problem"); // empty: valid
    addBadUuidRows(QStringLiteral("user id"), QStringLiteral("userId"),
                   QStringLiteral("the user id is not a valid UUID"));
    addGoodUuidRows(QStringLiteral("user id"), QStringLiteral("userId"));
    const QString code = QStringLiteral("code");
    const QString onlySome = QStringLiteral("the promo code may contain only letters, digits");
    QTest::newRow("code empty") << code << ""
                                << "the promo code is empty";
    QTest::newRow("code blank") << code << "   "
                                << "the promo code is empty";
    QTest::newRow("code space inside") << code << "99 spring" << onlySome;
    QTest::newRow("code sql") << code << "x'; DROP TABLE promo_codes; --" << onlySome;
    QTest::newRow("code hostile") << code << Hostile << onlySome;
    QTest::newRow("code accented") << code << QStringLiteral("çode") << "";
    QTest::newRow("code in greek") << code << QStringLiteral("καλοκαίρι_2024") << "";
    QTest::newRow("code emoji") << code << QStringLiteral("free_🚲") << onlySome;
    QTest::newRow("code 65 characters")
        << code << QString(65, QLatin1Char('c')) << "the promo code is longer than 64 characters";
    QTest::newRow("code very long") << code << QString(10000, QLatin1Char('c'))
                                    << "the promo code is longer than 64 characters";
    QTest::newRow("code 64 characters") << code << QString(64, QLatin1Char('c')) << "";
    QTest::newRow("code like the workload's") << code << "1_wall-heavy_cat"
                                              << "";
    QTest::newRow("code spaces around") << code << "  1_wall_heavy_cat "
                                        << "";
    QTest::newRow("city unknown") << "city"
                                  << "atlantis"
                                  << "The city \"atlantis\" is not a MovR city";
}

void TestActionDialogs::applyPromoCodeFieldByField()
{
    QFETCH(QString, name);
    QFETCH(QString, value);
    QFETCH(QString, problem);
    ApplyPromoCodeDialog dialog({m_city, GoodUuid, QStringLiteral("ok_code")});
    const std::map<QString, QString> good{{QStringLiteral("city"), m_city},
                                          {QStringLiteral("userId"), GoodUuid},
                                          {QStringLiteral("code"), QStringLiteral("ok_code")}};
    checkField(dialog, name, value, problem, good.at(name));
    if (QTest::currentTestFailed() || !problem.isEmpty())
        return;
    const ApplyPromoCodeInput input = dialog.input();
    QCOMPARE(name == u"code" ? input.code : input.userId, value.trimmed());
    QVERIFY(dialog.body().hasValue());
}

void TestActionDialogs::promoCodeDescription_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("problem"); // empty: valid
    const QString tooLong = QStringLiteral("the description is longer than 500 characters");
    QTest::newRow("empty") << ""
                           << "";
    QTest::newRow("hostile") << Hostile << "";
    QTest::newRow("several lines")
        << QStringLiteral("Line one;\n\t-- line two\n'); DROP TABLE promo_codes; --") << "";
    QTest::newRow("500 characters") << QString(500, QLatin1Char('d')) << "";
    QTest::newRow("500 CJK characters") << QString(500, QChar(0x65E5)) << "";
    QTest::newRow("501 characters") << QString(501, QLatin1Char('d')) << tooLong;
    QTest::newRow("501 umlauts") << QString(501, QChar(0x00FC)) << tooLong;
    QTest::newRow("very long") << QString(20000, QLatin1Char('d')) << tooLong;
}

void TestActionDialogs::promoCodeDescription()
{
    QFETCH(QString, value);
    QFETCH(QString, problem);
    PromoCodeDialog dialog;
    field<QLineEdit>(dialog, "code")->setText(QStringLiteral("ok_code"));
    checkField(dialog, QStringLiteral("description"), value, problem,
               QStringLiteral("Ten percent off"));
    if (QTest::currentTestFailed())
        return;
    if (problem.isEmpty()) {
        QCOMPARE(dialog.input().description, value); // as typed, not trimmed
        QVERIFY(dialog.body().hasValue());
    } else {
        QCOMPARE(dialog.input().description, QStringLiteral("Ten percent off"));
    }
}

// Each address field is named once in its messages ("the end address", not "the the end
// address"), in the dialog's message line and in the field's tooltip.
void TestActionDialogs::addressMessagesNameTheField_data()
{
    QTest::addColumn<QString>("dialog");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("what");
    QTest::newRow("end ride") << "end ride"
                              << "endAddress"
                              << "end address";
    QTest::newRow("vehicle") << "vehicle"
                             << "location"
                             << "location";
    QTest::newRow("user") << "user"
                          << "address"
                          << "address";
}

void TestActionDialogs::addressMessagesNameTheField()
{
    QFETCH(QString, dialog);
    QFETCH(QString, name);
    QFETCH(QString, what);
    std::unique_ptr<QDialog> shown;
    if (dialog == u"end ride") {
        shown = std::make_unique<EndRideDialog>(
            EndRideInput{m_city, GoodUuid, QStringLiteral("7"), QStringLiteral("Dam 1")});
    } else if (dialog == u"vehicle") {
        VehicleDialog::Values initial;
        initial.city = m_city;
        initial.ownerId = GoodUuid;
        initial.location = QStringLiteral("Dam 1");
        shown = std::make_unique<VehicleDialog>(VehicleDialog::Mode::Add, initial);
    } else {
        shown = std::make_unique<UserDialog>(
            UserDialog::Mode::Add,
            UserDialog::Values{{}, m_city, QStringLiteral("Ann Lee"), QStringLiteral("Dam 1"), {}});
    }
    checkField(*shown, name, QString(201, QLatin1Char('a')),
               QStringLiteral("The %1 is longer than 200 characters").arg(what),
               QStringLiteral("Dam 1"));
    if (QTest::currentTestFailed())
        return;
    checkField(*shown, name, QStringLiteral("Dam\t1"),
               QStringLiteral("The %1 contains control characters").arg(what),
               QStringLiteral("Dam 1"));
    if (QTest::currentTestFailed())
        return;
    if (dialog != u"end ride") { // there, empty means the vehicle's location
        checkField(*shown, name, QString(), QStringLiteral("The %1 is empty").arg(what),
                   QStringLiteral("Dam 1"));
    }
}

void TestActionDialogs::promoCodeBadInput()
{
    PromoCodeDialog dialog;
    field<QLineEdit>(dialog, "code")->setText(QStringLiteral("ok_code"));
    QVERIFY(okEnabled(dialog));
    field<QLineEdit>(dialog, "code")->setText(QStringLiteral("bad code!"));
    QVERIFY(!okEnabled(dialog));
    field<QLineEdit>(dialog, "code")->setText(QStringLiteral("ok_code"));
    field<QPlainTextEdit>(dialog, "rules")->setPlainText(QStringLiteral("[1, 2]"));
    QVERIFY(!okEnabled(dialog));
    QVERIFY2(message(dialog).contains(QLatin1String("object"), Qt::CaseInsensitive),
             qPrintable(message(dialog)));
    field<QPlainTextEdit>(dialog, "rules")->setPlainText(QStringLiteral("{\"type\": "));
    QVERIFY(!okEnabled(dialog));
    field<QPlainTextEdit>(dialog, "rules")->setPlainText(QStringLiteral("{}"));
    QVERIFY(okEnabled(dialog));
    field<QCheckBox>(dialog, "expires")->setChecked(true);
    field<QDateTimeEdit>(dialog, "expiration")
        ->setDateTime(QDateTime::currentDateTimeUtc().addDays(-1));
    QVERIFY(!okEnabled(dialog));
    QVERIFY(message(dialog).contains(QLatin1String("past")));
    field<QLineEdit>(dialog, "code")->setText(QString(65, QLatin1Char('c')));
    QVERIFY(!okEnabled(dialog));
}

// Promo codes of letters in other scripts than Latin's ASCII: created, applied, and the
// rules' message is a sentence.
void TestActionDialogs::promoCodeInAnyScript()
{
    const QString code = QStringLiteral("\u00e9t\u00e9_\u6625\u8282_2024");
    PromoCodeDialog create;
    field<QLineEdit>(create, "code")->setText(code);
    QVERIFY2(okEnabled(create), qPrintable(message(create)));
    field<QPlainTextEdit>(create, "rules")->setPlainText(QStringLiteral("{\"type\": "));
    QVERIFY(!okEnabled(create));
    QVERIFY2(message(create).startsWith(QLatin1String("The rules are not valid JSON")),
             qPrintable(message(create)));
    field<QPlainTextEdit>(create, "rules")->setPlainText(QStringLiteral("{}"));
    QVERIFY2(okEnabled(create), qPrintable(message(create)));
    QVERIFY(run(create.body()).committed());
    QCOMPARE(value(QStringLiteral("SELECT count(*) FROM promo_codes WHERE code = $1"), {code}),
             QStringLiteral("1"));

    const QString user = value(
        QStringLiteral("SELECT id FROM users WHERE city = $1 ORDER BY id DESC LIMIT 1"), {m_city});
    ApplyPromoCodeDialog apply({m_city, user, code});
    QVERIFY2(okEnabled(apply), qPrintable(message(apply)));
    QVERIFY(run(apply.body()).committed());
    QCOMPARE(value(QStringLiteral("SELECT count(*) FROM user_promo_codes WHERE user_id = $1 "
                                  "AND code = $2"),
                   {user, code}),
             QStringLiteral("1"));
}

void TestActionDialogs::everyMnemonicWorks_data()
{
    QTest::addColumn<QString>("language");
    for (const QString &language : Translations::languageCodes())
        QTest::newRow(qPrintable(language)) << language;
}

// Every dialog, in every language (translators choose their own mnemonics, so clashes differ
// per language): each &-letter reaches its field or button, and only one.
void TestActionDialogs::everyMnemonicWorks()
{
    QFETCH(QString, language);
    QTranslator catalog;
    QVERIFY(Translations::loadCatalog(catalog, language));
    QCoreApplication::removeTranslator(&m_english);
    QCoreApplication::installTranslator(&catalog);
    const auto restore = qScopeGuard([this, &catalog] {
        QCoreApplication::removeTranslator(&catalog);
        QCoreApplication::installTranslator(&m_english);
    });
    std::vector<std::unique_ptr<QDialog>> dialogs;
    dialogs.push_back(std::make_unique<StartRideDialog>(StartRideInput{}));
    dialogs.push_back(std::make_unique<EndRideDialog>(EndRideInput{}));
    dialogs.push_back(
        std::make_unique<VehicleDialog>(VehicleDialog::Mode::Add, VehicleDialog::Values{}));
    dialogs.push_back(
        std::make_unique<VehicleDialog>(VehicleDialog::Mode::Edit, VehicleDialog::Values{}));
    dialogs.push_back(std::make_unique<VehicleStatusDialog>(
        m_city, QStringList{QStringLiteral("2b7d4f30-0c36-4c5a-9a36-0c3b1a1f7e01")}));
    dialogs.push_back(std::make_unique<UserDialog>(UserDialog::Mode::Add, UserDialog::Values{}));
    dialogs.push_back(std::make_unique<UserDialog>(UserDialog::Mode::Edit, UserDialog::Values{}));
    dialogs.push_back(std::make_unique<PromoCodeDialog>());
    dialogs.push_back(std::make_unique<ApplyPromoCodeDialog>(ApplyPromoCodeInput{}));
    dialogs.push_back(std::make_unique<PreviewDialog>(TransactionBody{}, ServerFlavor::PostgreSQL,
                                                      RetryPolicy{}));
    dialogs.push_back(std::make_unique<ConnectionDialog>());
    // The catalog is really in use (the checks below would pass vacuously otherwise).
    if (language != QLatin1String("en"))
        QVERIFY2(dialogs.front()->windowTitle() != QLatin1String("Start ride"),
                 qPrintable(dialogs.front()->windowTitle()));
    QStringList problems;
    for (const auto &dialog : dialogs) {
        dialog->show();
        for (QTabWidget *tabs : dialog->findChildren<QTabWidget *>()) {
            for (int tab = 0; tab < tabs->count(); ++tab) {
                tabs->setCurrentIndex(tab);
                for (const QString &problem : keyboardAccessProblems(dialog.get()))
                    problems << dialog->windowTitle() + QStringLiteral(": ") + problem;
            }
        }
        for (const QString &problem : keyboardAccessProblems(dialog.get()))
            problems << dialog->windowTitle() + QStringLiteral(": ") + problem;
    }
    problems.removeDuplicates();
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

QTEST_MAIN(TestActionDialogs)
#include "tst_actiondialogs.moc"
