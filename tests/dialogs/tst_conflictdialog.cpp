#include "ConflictDialog.h"

#include <QRadioButton>
#include <QTableWidget>
#include <QTest>

class TestConflictDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsOriginalMineAndCurrent();
    void perFieldChoices();
    void deletedRowsCanOnlyBeGivenUp();
    void keyIsShortenedLikeTheTables();
};

namespace {

FieldConflict conflict(const QString &id, const char *column, const SqlValue &original,
                       const SqlValue &mine, const SqlValue &current, bool missing = false)
{
    FieldConflict c;
    c.edit.table = BrowseTable::Users;
    c.edit.key = {QStringLiteral("rome"), id};
    c.edit.column = TableSpec::of(BrowseTable::Users).columnIndex(QLatin1String(column));
    c.edit.original = original;
    c.edit.value = mine;
    c.current = current;
    c.rowMissing = missing;
    return c;
}

} // namespace

void TestConflictDialog::showsOriginalMineAndCurrent()
{
    ConflictDialog dialog({conflict(QStringLiteral("u1"), "name", QStringLiteral("Ann"),
                                    QStringLiteral("Anna"), QStringLiteral("Annie")),
                           conflict(QStringLiteral("u1"), "credit_card", std::nullopt,
                                    QStringLiteral("1234567890"), QStringLiteral("9999999999"))});
    auto *table = dialog.findChild<QTableWidget *>();
    QCOMPARE(table->rowCount(), 2);
    QVERIFY(table->item(0, 0)->text().contains(QLatin1String("u1")));
    QCOMPARE(table->item(0, 1)->text(), QStringLiteral("Ann"));
    QCOMPARE(table->item(0, 2)->text(), QStringLiteral("Anna"));
    QCOMPARE(table->item(0, 3)->text(), QStringLiteral("Annie"));
    QCOMPARE(table->item(1, 1)->text(), QStringLiteral("NULL"));
    // Nothing decided yet means "keep mine", which is then based on the current value.
    QCOMPARE(dialog.choice(0), ConflictDialog::Choice::Mine);
    const auto resolved = dialog.resolvedEdits();
    QCOMPARE(resolved.size(), 2);
    QCOMPARE(resolved.first().original, SqlValue(QStringLiteral("Annie")));
    QCOMPARE(resolved.first().value, SqlValue(QStringLiteral("Anna")));
    QVERIFY(dialog.droppedEdits().isEmpty());
}

void TestConflictDialog::perFieldChoices()
{
    ConflictDialog dialog({conflict(QStringLiteral("u1"), "name", QStringLiteral("A"),
                                    QStringLiteral("B"), QStringLiteral("C")),
                           conflict(QStringLiteral("u2"), "address", QStringLiteral("D"),
                                    QStringLiteral("E"), QStringLiteral("F"))});
    dialog.choose(1, ConflictDialog::Choice::Current);
    QCOMPARE(dialog.resolvedEdits().size(), 1);
    QCOMPARE(dialog.resolvedEdits().first().key.at(1), QStringLiteral("u1"));
    QCOMPARE(dialog.droppedEdits().size(), 1);
    QCOMPARE(dialog.droppedEdits().first().key.at(1), QStringLiteral("u2"));
    dialog.chooseAll(ConflictDialog::Choice::Current);
    QVERIFY(dialog.resolvedEdits().isEmpty());
    QCOMPARE(dialog.droppedEdits().size(), 2);
    dialog.chooseAll(ConflictDialog::Choice::Mine);
    QCOMPARE(dialog.resolvedEdits().size(), 2);
}

void TestConflictDialog::deletedRowsCanOnlyBeGivenUp()
{
    ConflictDialog dialog({conflict(QStringLiteral("gone"), "name", QStringLiteral("A"),
                                    QStringLiteral("B"), std::nullopt, true)});
    QCOMPARE(dialog.choice(0), ConflictDialog::Choice::Current);
    dialog.chooseAll(ConflictDialog::Choice::Mine);
    QCOMPARE(dialog.choice(0), ConflictDialog::Choice::Current);
    QVERIFY(dialog.resolvedEdits().isEmpty());
    QCOMPARE(dialog.droppedEdits().size(), 1);
    QVERIFY(
        dialog.findChild<QTableWidget *>()->item(0, 3)->text().contains(QLatin1String("deleted")));
}

// The Field column shows the row's id as the tables do (8 characters), the whole key in its
// tooltip, so that the values keep the width.
void TestConflictDialog::keyIsShortenedLikeTheTables()
{
    const QString id = QStringLiteral("32031582-160b-4745-9bf8-1ad0298a45b5");
    ConflictDialog dialog({conflict(id, "name", QStringLiteral("Ann"), QStringLiteral("Anna"),
                                    QStringLiteral("Annie"))});
    QTableWidgetItem *field = dialog.findChild<QTableWidget *>()->item(0, 0);
    QVERIFY2(field->text().contains(QLatin1String("rome, 32031582")), qPrintable(field->text()));
    QVERIFY(!field->text().contains(id));
    QVERIFY(field->toolTip().contains(id));
    QVERIFY(field->toolTip().contains(QLatin1String("Name")));
}

QTEST_MAIN(TestConflictDialog)
#include "tst_conflictdialog.moc"
