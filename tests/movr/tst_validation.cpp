// Input validation of the MovR operations: what is accepted, what is refused, and that a
// refusal is one line naming the problem.

#include "movr/Operations.h"
#include "movr/Validation.h"

#include <QTest>

#include <string>

class TestValidation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void uuid_data();
    void uuid();
    void city();
    void statuses();
    void vehicleType();
    void revenue_data();
    void revenue();
    void jsonObject_data();
    void jsonObject();
    void jsonMessagesAreSentences();
    void creditCard_data();
    void creditCard();
    void normalizedCreditCard_data();
    void normalizedCreditCard();
    void requiredText_data();
    void requiredText();
    void promoCode_data();
    void promoCode();
    void timestamp_data();
    void timestamp();
    void coordinates();
    void reasonsAreOneLine();
    void reasonsAreWholeSentencesPerField_data();
    void reasonsAreWholeSentencesPerField();
    void operationsRejectBeforeSending();
    void chunks();
    void clientKeys();
};

void TestValidation::uuid_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("normalized"); // empty = invalid

    const QString canonical = QStringLiteral("1b4e28ba-2fa1-11d2-883f-0016d3cca427");
    QTest::newRow("canonical") << canonical << canonical;
    QTest::newRow("upper case") << canonical.toUpper() << canonical;
    QTest::newRow("braces") << QStringLiteral("{1b4e28ba-2fa1-11d2-883f-0016d3cca427}")
                            << canonical;
    QTest::newRow("spaces around")
        << QStringLiteral("  1b4e28ba-2fa1-11d2-883f-0016d3cca427 ") << canonical;
    QTest::newRow("32 hex digits")
        << QStringLiteral("1b4e28ba2fa111d2883f0016d3cca427") << canonical;
    QTest::newRow("one brace") << QStringLiteral("{1b4e28ba-2fa1-11d2-883f-0016d3cca427")
                               << QString();
    QTest::newRow("too short") << QStringLiteral("1b4e28ba-2fa1-11d2-883f-0016d3cca42")
                               << QString();
    QTest::newRow("not hex") << QStringLiteral("1b4e28ba-2fa1-11d2-883f-0016d3ccazzz") << QString();
    QTest::newRow("misplaced dash")
        << QStringLiteral("1b4e28ba2-fa1-11d2-883f-0016d3cca427") << QString();
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("sql") << QStringLiteral("'; DROP TABLE users; --") << QString();
}

void TestValidation::uuid()
{
    QFETCH(QString, input);
    QFETCH(QString, normalized);
    QCOMPARE(Validation::normalizedUuid(input), normalized);
    const QString reason = Validation::uuid(input, Validation::IdField::Rider);
    QCOMPARE(reason.isEmpty(), !normalized.isEmpty());
    if (!reason.isEmpty())
        QVERIFY2(reason.startsWith(QLatin1String("The rider id is not a valid UUID: \"")),
                 qPrintable(reason));
}

void TestValidation::city()
{
    QVERIFY(Validation::city(QStringLiteral("new york")).isEmpty());
    QVERIFY(Validation::city(QStringLiteral("rome")).isEmpty());
    QVERIFY(!Validation::city(QStringLiteral("New York")).isEmpty()); // stored lower case
    QVERIFY(!Validation::city(QStringLiteral("berlin")).isEmpty());
    QVERIFY(!Validation::city(QString()).isEmpty());
    QVERIFY(Validation::city(QStringLiteral("berlin")).contains(QLatin1String("berlin")));
}

void TestValidation::statuses()
{
    for (const char *status : {"available", "in_use", "lost", "retired"})
        QVERIFY2(Validation::vehicleStatus(QLatin1String(status)).isEmpty(), status);
    QVERIFY(!Validation::vehicleStatus(QStringLiteral("broken")).isEmpty());
    QVERIFY(!Validation::vehicleStatus(QStringLiteral("Available")).isEmpty());

    QVERIFY(Validation::settableVehicleStatus(QStringLiteral("available")).isEmpty());
    QVERIFY(Validation::settableVehicleStatus(QStringLiteral("lost")).isEmpty());
    // in_use comes from starting a ride and retired from retiring: never set directly.
    QVERIFY(!Validation::settableVehicleStatus(QStringLiteral("in_use")).isEmpty());
    QVERIFY(!Validation::settableVehicleStatus(QStringLiteral("retired")).isEmpty());
    QVERIFY(!Validation::settableVehicleStatus(QStringLiteral("gone")).isEmpty());
}

void TestValidation::vehicleType()
{
    for (const char *type : {"bike", "scooter", "skateboard"})
        QVERIFY2(Validation::vehicleType(QLatin1String(type)).isEmpty(), type);
    QVERIFY(!Validation::vehicleType(QStringLiteral("car")).isEmpty());
    QVERIFY(!Validation::vehicleType(QString()).isEmpty());
}

void TestValidation::revenue_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<bool>("valid");
    QTest::newRow("integer") << QStringLiteral("12") << true;
    QTest::newRow("zero") << QStringLiteral("0") << true;
    QTest::newRow("one decimal") << QStringLiteral("12.5") << true;
    QTest::newRow("two decimals") << QStringLiteral("0.99") << true;
    QTest::newRow("largest") << QStringLiteral("99999999.99") << true;
    QTest::newRow("too large") << QStringLiteral("100000000") << false;
    QTest::newRow("three decimals") << QStringLiteral("1.234") << false;
    QTest::newRow("negative") << QStringLiteral("-1") << false;
    QTest::newRow("negative zero") << QStringLiteral("-0.00") << false;
    QTest::newRow("exponent") << QStringLiteral("1e3") << false;
    QTest::newRow("comma") << QStringLiteral("1,50") << false;
    QTest::newRow("trailing point") << QStringLiteral("12.") << false;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("text") << QStringLiteral("ten") << false;
    QTest::newRow("nan") << QStringLiteral("NaN") << false;
}

void TestValidation::revenue()
{
    QFETCH(QString, input);
    QFETCH(bool, valid);
    QCOMPARE(Validation::revenue(input).isEmpty(), valid);
}

void TestValidation::jsonObject_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<bool>("valid");
    QTest::newRow("empty object") << QStringLiteral("{}") << true;
    QTest::newRow("color") << QStringLiteral(R"({"color": "red"})") << true;
    QTest::newRow("nested") << QStringLiteral(R"({"brand": "Kona", "x": {"y": [1, 2]}})") << true;
    QTest::newRow("array") << QStringLiteral(R"(["red"])") << false;
    QTest::newRow("string") << QStringLiteral(R"("red")") << false;
    QTest::newRow("number") << QStringLiteral("42") << false;
    QTest::newRow("null") << QStringLiteral("null") << false;
    QTest::newRow("malformed") << QStringLiteral(R"({"color": )") << false;
    QTest::newRow("single quotes") << QStringLiteral("{'color': 'red'}") << false;
    QTest::newRow("empty text") << QString() << false;
}

void TestValidation::jsonObject()
{
    QFETCH(QString, input);
    QFETCH(bool, valid);
    QCOMPARE(Validation::jsonObject(input).isEmpty(), valid);
}

void TestValidation::jsonMessagesAreSentences()
{
    using F = Validation::JsonField;
    const QString malformed = Validation::jsonObject(QStringLiteral("{"), F::Rules);
    QVERIFY2(malformed.startsWith(QLatin1String("The rules are not valid JSON: ")),
             qPrintable(malformed));
    const QString array = Validation::jsonObject(QStringLiteral("[]"), F::Rules);
    QVERIFY2(array.startsWith(QLatin1String("The rules must be a JSON object")), qPrintable(array));
    const QString tooLong =
        Validation::jsonObject(QString(Validation::MaxExtLength + 1, QLatin1Char(' ')), F::Rules);
    QVERIFY2(tooLong.startsWith(QLatin1String("The rules are longer than")), qPrintable(tooLong));
    for (const QString &message : {malformed, array, tooLong})
        QVERIFY2(!message.contains(QLatin1String("rules is")), qPrintable(message));
    QVERIFY(Validation::jsonObject(QStringLiteral("{"))
                .startsWith(QLatin1String("The ext column is not valid JSON: ")));
    QVERIFY(Validation::jsonObject(QStringLiteral("[]"), F::Ext)
                .startsWith(QLatin1String("The ext column must be a JSON object")));
}

void TestValidation::creditCard_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<bool>("valid");
    QTest::newRow("10 digits") << QStringLiteral("1234567890") << true;
    QTest::newRow("16 digits") << QStringLiteral("4111111111111111") << true;
    QTest::newRow("19 digits") << QStringLiteral("1234567890123456789") << true;
    QTest::newRow("9 digits") << QStringLiteral("123456789") << false;
    QTest::newRow("20 digits") << QStringLiteral("12345678901234567890") << false;
    QTest::newRow("spaces") << QStringLiteral("4111 1111 1111 1111") << false;
    QTest::newRow("dashes") << QStringLiteral("4111-1111-1111-1111") << false;
    QTest::newRow("letters") << QStringLiteral("41111111111111a1") << false;
    QTest::newRow("arabic-indic digits")
        << QStringLiteral("\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669\u0660") << false;
}

void TestValidation::creditCard()
{
    QFETCH(QString, input);
    QFETCH(bool, valid);
    QCOMPARE(Validation::creditCard(input).isEmpty(), valid);
}

void TestValidation::normalizedCreditCard_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("normalized");
    QTest::addColumn<bool>("valid");
    QTest::newRow("digits") << QStringLiteral("4111111111111111")
                            << QStringLiteral("4111111111111111") << true;
    QTest::newRow("spaces") << QStringLiteral("4111 1111 1111 1111")
                            << QStringLiteral("4111111111111111") << true;
    QTest::newRow("hyphens") << QStringLiteral("4111-1111-1111-1111")
                             << QStringLiteral("4111111111111111") << true;
    QTest::newRow("amex groups, padded")
        << QStringLiteral("  3782 822463 10005 ") << QStringLiteral("378282246310005") << true;
    QTest::newRow("mixed") << QStringLiteral("4111 1111-1111 1111")
                           << QStringLiteral("4111111111111111") << true;
    // Still refused: the digits are too few, or something else than a separator is there.
    QTest::newRow("too short") << QStringLiteral("4111 1111") << QStringLiteral("41111111")
                               << false;
    QTest::newRow("double space") << QStringLiteral("4111  1111 1111 1111")
                                  << QStringLiteral("4111  1111 1111 1111") << false;
    QTest::newRow("leading hyphen") << QStringLiteral("-4111 1111 1111 1111")
                                    << QStringLiteral("-4111 1111 1111 1111") << false;
    QTest::newRow("letters") << QStringLiteral("4111 1111 1111 11x1")
                             << QStringLiteral("4111 1111 1111 11x1") << false;
    QTest::newRow("dots") << QStringLiteral("4111.1111.1111.1111")
                          << QStringLiteral("4111.1111.1111.1111") << false;
}

void TestValidation::normalizedCreditCard()
{
    QFETCH(QString, input);
    QFETCH(QString, normalized);
    QFETCH(bool, valid);
    QCOMPARE(Validation::normalizedCreditCard(input), normalized);
    QCOMPARE(Validation::creditCard(Validation::normalizedCreditCard(input)).isEmpty(), valid);
}

void TestValidation::requiredText_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<bool>("valid");
    QTest::newRow("name") << QStringLiteral("Ada Lovelace") << true;
    QTest::newRow("quotes") << QStringLiteral("O'Brien \"Bob\"") << true;
    QTest::newRow("unicode") << QStringLiteral("Zoë Ñúñez 山田") << true;
    QTest::newRow("longest") << QString(Validation::MaxNameLength, QLatin1Char('a')) << true;
    QTest::newRow("too long") << QString(Validation::MaxNameLength + 1, QLatin1Char('a')) << false;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("blank") << QStringLiteral("   ") << false;
    QTest::newRow("newline") << QStringLiteral("Ada\nLovelace") << false;
    QTest::newRow("tab") << QStringLiteral("Ada\tLovelace") << false;
}

void TestValidation::requiredText()
{
    QFETCH(QString, input);
    QFETCH(bool, valid);
    QCOMPARE(Validation::name(input).isEmpty(), valid);
}

void TestValidation::promoCode_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<bool>("valid");
    QTest::newRow("workload") << QStringLiteral("12_wall_heavy_cat") << true;
    QTest::newRow("upper") << QStringLiteral("SUMMER-2024") << true;
    QTest::newRow("longest") << QString(Validation::MaxPromoCodeLength, QLatin1Char('x')) << true;
    QTest::newRow("too long") << QString(Validation::MaxPromoCodeLength + 1, QLatin1Char('x'))
                              << false;
    QTest::newRow("accented") << QStringLiteral("\u00e9t\u00e9_2024") << true;
    QTest::newRow("decomposed accent") << QStringLiteral("e\u0301te\u0301-2024") << true;
    QTest::newRow("german") << QStringLiteral("GR\u00dc\u00dfE") << true;
    QTest::newRow("greek") << QStringLiteral(
                                  "\u03ba\u03b1\u03bb\u03bf\u03ba\u03b1\u03af\u03c1\u03b9")
                           << true;
    QTest::newRow("chinese") << QStringLiteral("\u6625\u8282") << true;
    QTest::newRow("longest outside the BMP")
        << QString::fromUcs4(std::u32string(Validation::MaxPromoCodeLength, U'\U0001D49C').c_str())
        << true;
    QTest::newRow("too long outside the BMP")
        << QString::fromUcs4(
               std::u32string(Validation::MaxPromoCodeLength + 1, U'\U0001D49C').c_str())
        << false;
    QTest::newRow("emoji") << QStringLiteral("party\U0001F389") << false;
    QTest::newRow("space") << QStringLiteral("two words") << false;
    QTest::newRow("no-break space") << QStringLiteral("two\u00a0words") << false;
    QTest::newRow("quote") << QStringLiteral("it's") << false;
    QTest::newRow("empty") << QString() << false;
}

void TestValidation::promoCode()
{
    QFETCH(QString, input);
    QFETCH(bool, valid);
    QCOMPARE(Validation::promoCode(input).isEmpty(), valid);
}

void TestValidation::timestamp_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<bool>("valid");
    QTest::newRow("seconds") << QStringLiteral("2024-05-01 12:30:00") << true;
    QTest::newRow("T") << QStringLiteral("2024-05-01T12:30:00") << true;
    QTest::newRow("millis") << QStringLiteral("2019-01-02 03:04:05.123") << true;
    QTest::newRow("micros") << QStringLiteral("2019-01-02 03:04:05.123456") << true;
    QTest::newRow("leap day") << QStringLiteral("2024-02-29 00:00:00") << true;
    QTest::newRow("not a leap year") << QStringLiteral("2023-02-29 00:00:00") << false;
    QTest::newRow("hour 24") << QStringLiteral("2024-05-01 24:00:00") << false;
    QTest::newRow("month 13") << QStringLiteral("2024-13-01 00:00:00") << false;
    QTest::newRow("date only") << QStringLiteral("2024-05-01") << false;
    QTest::newRow("seven digits") << QStringLiteral("2024-05-01 00:00:00.1234567") << false;
    QTest::newRow("words") << QStringLiteral("yesterday") << false;
}

void TestValidation::timestamp()
{
    QFETCH(QString, input);
    QFETCH(bool, valid);
    QCOMPARE(Validation::timestamp(input).isEmpty(), valid);
    QCOMPARE(Validation::parseTimestamp(input).has_value(), valid);
}

void TestValidation::coordinates()
{
    QVERIFY(Validation::latitude(40.7).isEmpty());
    QVERIFY(Validation::latitude(-90).isEmpty());
    QVERIFY(!Validation::latitude(90.01).isEmpty());
    QVERIFY(!Validation::latitude(qQNaN()).isEmpty());
    QVERIFY(Validation::longitude(-180).isEmpty());
    QVERIFY(!Validation::longitude(181).isEmpty());
    QVERIFY(!Validation::longitude(qInf()).isEmpty());
}

void TestValidation::reasonsAreOneLine()
{
    const QStringList reasons{
        Validation::uuid(QStringLiteral("x\ny")),
        Validation::city(QStringLiteral("berlin")),
        Validation::revenue(QStringLiteral("1.234")),
        Validation::jsonObject(QStringLiteral("[1]")),
        Validation::jsonObject(QStringLiteral("{")),
        Validation::creditCard(QStringLiteral("12")),
        Validation::name(QStringLiteral("a\nb")),
        Validation::promoCode(QStringLiteral("a b")),
        Validation::timestamp(QStringLiteral("soon")),
    };
    for (const QString &reason : reasons) {
        QVERIFY(!reason.isEmpty());
        QVERIFY2(!reason.contains(QLatin1Char('\n')), qPrintable(reason));
        QVERIFY2(reason.at(0).isUpper() && reason.endsWith(QLatin1Char('.')), qPrintable(reason));
    }
    // The pasted value is cut short, never echoed whole.
    QVERIFY(Validation::uuid(QString(1000, QLatin1Char('x'))).size() < 200);
}

// Each field has its own whole sentence (no noun pasted into "the %1 is empty"): it starts
// with a capital, names its field and ends with a full stop.
void TestValidation::reasonsAreWholeSentencesPerField_data()
{
    using Id = Validation::IdField;
    using Text = Validation::TextField;
    using Time = Validation::TimeField;
    const QString bad = QStringLiteral("nope");
    const QString longText(Validation::MaxAddressLength + 1, QLatin1Char('a'));
    const QString control = QStringLiteral("Dam\t1");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("expected");
    QTest::newRow("id") << Validation::uuid(bad) << "The id is not a valid UUID: \"nope\".";
    QTest::newRow("user id") << Validation::uuid(bad, Id::User)
                             << "The user id is not a valid UUID: \"nope\".";
    QTest::newRow("rider id") << Validation::uuid(bad, Id::Rider)
                              << "The rider id is not a valid UUID: \"nope\".";
    QTest::newRow("vehicle id") << Validation::uuid(bad, Id::Vehicle)
                                << "The vehicle id is not a valid UUID: \"nope\".";
    QTest::newRow("a vehicle id") << Validation::uuid(bad, Id::AnyVehicle)
                                  << "A vehicle id is not a valid UUID: \"nope\".";
    QTest::newRow("ride id") << Validation::uuid(bad, Id::Ride)
                             << "The ride id is not a valid UUID: \"nope\".";
    QTest::newRow("owner id") << Validation::uuid(bad, Id::Owner)
                              << "The owner id is not a valid UUID: \"nope\".";
    const QList<std::pair<Text, QString>> texts{
        {Text::Address, QStringLiteral("address")},
        {Text::Location, QStringLiteral("location")},
        {Text::StartAddress, QStringLiteral("start address")},
        {Text::EndAddress, QStringLiteral("end address")}};
    for (const auto &[field, noun] : texts) {
        QTest::addRow("%s empty", qPrintable(noun))
            << Validation::address(QStringLiteral("  "), field)
            << QStringLiteral("The %1 is empty.").arg(noun);
        QTest::addRow("%s long", qPrintable(noun))
            << Validation::address(longText, field)
            << QStringLiteral("The %1 is longer than 200 characters.").arg(noun);
        QTest::addRow("%s control", qPrintable(noun))
            << Validation::address(control, field)
            << QStringLiteral("The %1 contains control characters (line breaks, tabs...).")
                   .arg(noun);
    }
    QTest::newRow("name empty") << Validation::name(QString()) << "The name is empty.";
    QTest::newRow("name long") << Validation::name(QString(101, QLatin1Char('a')))
                               << "The name is longer than 100 characters.";
    QTest::newRow("time") << Validation::timestamp(bad)
                          << "The time is not a timestamp like 2024-05-01 12:30:00: \"nope\".";
    QTest::newRow("creation time")
        << Validation::timestamp(bad, Time::CreationTime)
        << "The creation time is not a timestamp like 2024-05-01 12:30:00: \"nope\".";
    QTest::newRow("expiration time")
        << Validation::timestamp(bad, Time::ExpirationTime)
        << "The expiration time is not a timestamp like 2024-05-01 12:30:00: \"nope\".";
    QTest::newRow("city") << Validation::city(QString()) << "The city is missing.";
    QTest::newRow("revenue") << Validation::revenue(QString()) << "The revenue is missing.";
    QTest::newRow("promo code") << Validation::promoCode(QString()) << "The promo code is empty.";
}

void TestValidation::reasonsAreWholeSentencesPerField()
{
    QFETCH(QString, reason);
    QFETCH(QString, expected);
    QCOMPARE(reason, expected);
}

void TestValidation::operationsRejectBeforeSending()
{
    // Each operation refuses bad input with InvalidInput and builds no body.
    const QString user = newClientUuid();
    const QString vehicle = newClientUuid();

    auto start = Operations::startRide({QStringLiteral("berlin"), user, vehicle});
    QVERIFY(!start);
    QCOMPARE(start.error().kind, ErrorClass::InvalidInput);
    QVERIFY(start.error().message.contains(QLatin1String("berlin")));

    start = Operations::startRide({QStringLiteral("rome"), QStringLiteral("nope"), vehicle});
    QVERIFY(!start);
    QVERIFY(start.error().message.contains(QLatin1String("rider")));

    auto end = Operations::endRide(
        {QStringLiteral("rome"), newClientUuid(), QStringLiteral("-3"), std::nullopt});
    QVERIFY(!end);
    QCOMPARE(end.error().kind, ErrorClass::InvalidInput);

    AddVehicleInput addVehicle;
    addVehicle.city = QStringLiteral("rome");
    addVehicle.type = QStringLiteral("bike");
    addVehicle.ownerId = user;
    addVehicle.currentLocation = QStringLiteral("Via Roma 1");
    addVehicle.ext = QStringLiteral("[1, 2]");
    auto added = Operations::addVehicle(addVehicle);
    QVERIFY(!added);
    QVERIFY(added.error().message.contains(QLatin1String("ext")));
    addVehicle.ext = QStringLiteral("{}");
    addVehicle.status = QStringLiteral("in_use");
    QVERIFY(!Operations::addVehicle(addVehicle));
    addVehicle.status = QStringLiteral("available");
    QVERIFY(Operations::addVehicle(addVehicle));

    EditVehicleInput edit{QStringLiteral("rome"), vehicle};
    QVERIFY(!Operations::editVehicle(edit)); // nothing to change
    edit.ext = QStringLiteral("\"red\"");
    QVERIFY(!Operations::editVehicle(edit));

    SetVehicleStatusInput status{
        QStringLiteral("rome"), {vehicle, QStringLiteral("bad")}, QStringLiteral("lost")};
    QVERIFY(!Operations::setVehicleStatus(status));
    status.vehicleIds = {vehicle};
    status.status = QStringLiteral("in_use");
    QVERIFY(!Operations::setVehicleStatus(status));
    status.vehicleIds = {};
    status.status = QStringLiteral("lost");
    QVERIFY(!Operations::setVehicleStatus(status));

    QVERIFY(!Operations::retireVehicle(QStringLiteral("rome"), QStringLiteral("1")));

    AddUserInput addUser;
    addUser.city = QStringLiteral("rome");
    addUser.name = QStringLiteral("Ada");
    addUser.address = QStringLiteral("Via Roma 2");
    addUser.creditCard = QStringLiteral("4111 1111");
    QVERIFY(!Operations::addUser(addUser));
    addUser.creditCard.clear();
    QVERIFY(Operations::addUser(addUser));
    addUser.name = QStringLiteral("  ");
    QVERIFY(!Operations::addUser(addUser));

    EditUserInput editUser{QStringLiteral("rome"), user};
    QVERIFY(!Operations::editUser(editUser));
    editUser.creditCard = QStringLiteral("12ab");
    QVERIFY(!Operations::editUser(editUser));
    editUser.creditCard = QString(); // removes the card: valid
    QVERIFY(Operations::editUser(editUser));

    QVERIFY(!Operations::deleteUser(QStringLiteral("Rome"), user));

    CreatePromoCodeInput promo;
    promo.code = QStringLiteral("spring sale");
    QVERIFY(!Operations::createPromoCode(promo));
    promo.code = QStringLiteral("spring_sale");
    promo.creationTime = QStringLiteral("2024-05-01 00:00:00");
    promo.expirationTime = QStringLiteral("2024-04-01 00:00:00");
    QVERIFY(!Operations::createPromoCode(promo));
    promo.expirationTime = QStringLiteral("2024-06-01 00:00:00");
    promo.rules = QStringLiteral("[]");
    QVERIFY(!Operations::createPromoCode(promo));

    QVERIFY(!Operations::applyPromoCode({QStringLiteral("rome"), user, QString()}));

    RecordLocationInput location{QStringLiteral("rome"), newClientUuid(), 95.0, 12.0};
    QVERIFY(!Operations::recordLocation(location));
}

void TestValidation::chunks()
{
    QStringList ids;
    for (int i = 0; i < 250; ++i)
        ids.append(QString::number(i));
    const QList<QStringList> parts = Operations::chunks(ids, 100);
    QCOMPARE(parts.size(), 3);
    QCOMPARE(parts.at(0).size(), 100);
    QCOMPARE(parts.at(2).size(), 50);
    QCOMPARE(parts.at(2).last(), QStringLiteral("249"));
    QCOMPARE(Operations::chunks(ids, 0).size(), 250); // at least one per chunk

    SetVehicleStatusInput input{QStringLiteral("rome"), {}, QStringLiteral("lost"), 2};
    for (int i = 0; i < 5; ++i)
        input.vehicleIds.append(newClientUuid());
    input.vehicleIds.append(input.vehicleIds.first().toUpper()); // a duplicate
    const auto bodies = Operations::setVehicleStatus(input);
    QVERIFY(bodies);
    QCOMPARE(bodies->size(), 3); // 5 distinct ids, 2 per chunk
    for (const TransactionBody &body : *bodies) {
        QCOMPARE(body.statements.size(), 1);
        QVERIFY(!body.interactive);
        QVERIFY(body.check);
        QVERIFY(!body.verify.sql.isEmpty());
    }
}

void TestValidation::clientKeys()
{
    const QString a = newClientUuid();
    const QString b = newClientUuid();
    QVERIFY(a != b);
    QCOMPARE(Validation::normalizedUuid(a), a);
    QString previous = clientTimestamp();
    for (int i = 0; i < 100; ++i) {
        const QString next = clientTimestamp();
        QVERIFY2(next > previous, qPrintable(next));
        QVERIFY(Validation::timestamp(next).isEmpty());
        previous = next;
    }
}

QTEST_GUILESS_MAIN(TestValidation)
#include "tst_validation.moc"
