#include "ActionDialogs.h"
#include "ConnectionDialog.h"
#include "FormValidator.h"
#include "PreviewDialog.h"
#include "TestServer.h"
#include "Translations.h"
#include "UserPicker.h"
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
#include <QPushButton>
#include <QScopeGuard>
#include <QTabWidget>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QTranslator>

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
    void addVehicleStoresHostileTextLiterally();
    void editVehicleSendsOnlyChangesAndKeepsExt();
    void vehicleBadInput();
    void ownerIsFoundByNameInTheCity();
    void setStatusOfSeveralVehicles();
    void addAndEditUser();
    void userBadInput_data();
    void userBadInput();
    void createAndApplyPromoCode();
    void everyMnemonicWorks_data();
    void everyMnemonicWorks();
    void promoCodeBadInput();

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
        QTimer::singleShot(100, this, [&] {
            auto *picker = qobject_cast<UserPicker *>(QApplication::activeModalWidget());
            QVERIFY(picker);
            picker->setSearch(name);
            QTRY_VERIFY_WITH_TIMEOUT(picker->model()->atEnd() && picker->model()->rowCount() >= 1,
                                     20000);
            picker->choose(0);
        });
        find->click();
        QCOMPARE(field<QLineEdit>(dialog, "ownerId")->text(), id);
        QVERIFY2(okEnabled(dialog), qPrintable(message(dialog)));
    }
    WorkerBase::shutdownAndDelete(worker);
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
                                  << "4111-1111-1111";
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
