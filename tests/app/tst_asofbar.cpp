// The details pane's "As of" bar (CockroachDB's AS OF SYSTEM TIME), with the capability
// switched on by hand (PostgreSQL has no time travel, so the bar is hidden there): ticking it
// always starts from a minute ago, within what the server can answer; a refusal shows as a
// sentence.

#include "AsOfBar.h"
#include "DetailPane.h"

#include <QCheckBox>
#include <QDateTimeEdit>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTimeZone>

class TestAsOfBar : public QObject
{
    Q_OBJECT

private:
    QDateTime m_now = QDateTime(QDate(2026, 12, 2), QTime(9, 0), QTimeZone::utc()).toLocalTime();

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void hiddenUntilAvailable()
    {
        AsOfBar bar;
        QVERIFY(bar.isHidden());
        QVERIFY(!bar.time().isValid());
        bar.setAvailable(true);
        QVERIFY(!bar.isHidden());
        bar.checkBox()->setChecked(true);
        QVERIFY(bar.time().isValid());
        bar.setAvailable(false); // another connection, to PostgreSQL
        QVERIFY(!bar.checkBox()->isChecked());
        QVERIFY(!bar.time().isValid());
    }

    // The bug: the default was set once when the pane was built; hours later it was older
    // than the GC window and every read failed.
    void tickingStartsFromAMinuteAgoEveryTime()
    {
        AsOfBar bar;
        bar.setAvailable(true);
        QDateTime now = m_now;
        bar.setClock([&now] { return now; });
        QSignalSpy changed(&bar, &AsOfBar::timeChanged);
        bar.checkBox()->setChecked(true);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(bar.time(), m_now.addSecs(-60));
        QVERIFY(bar.editor()->isEnabled());
        // Bounded to the default GC window (4 h, less a 10-minute margin) and now.
        QCOMPARE(bar.earliest(), m_now.addSecs(-4 * 3600 + 600));
        QCOMPARE(bar.latest(), m_now);

        bar.editor()->setDateTime(m_now.addSecs(-2 * 3600));
        Q_EMIT bar.editor()->editingFinished();
        QCOMPARE(changed.count(), 2);
        QCOMPARE(bar.time(), m_now.addSecs(-2 * 3600));
        bar.checkBox()->setChecked(false);
        QVERIFY(!bar.time().isValid());
        QVERIFY(!bar.editor()->isEnabled());

        now = m_now.addSecs(5 * 3600); // five hours later
        bar.checkBox()->setChecked(true);
        QCOMPARE(bar.time(), now.addSecs(-60));
        QCOMPARE(bar.earliest(), now.addSecs(-4 * 3600 + 600));
        QCOMPARE(bar.latest(), now);
    }

    void pickerStaysWithinWhatTheServerCanAnswer()
    {
        AsOfBar bar;
        bar.setAvailable(true);
        QDateTime now = m_now;
        bar.setClock([&now] { return now; });
        bar.checkBox()->setChecked(true);
        bar.editor()->setDateTime(m_now.addDays(-2)); // before the window
        QCOMPARE(bar.editor()->dateTime(), bar.earliest());
        bar.editor()->setDateTime(m_now.addSecs(3600)); // the future
        QCOMPARE(bar.editor()->dateTime(), m_now);
        // Time goes by: on the next edit, "now" (the latest) moves with it.
        now = m_now.addSecs(1800);
        Q_EMIT bar.editor()->editingFinished();
        QCOMPARE(bar.latest(), now);
    }

    void refusalsAreSentences()
    {
        AsOfBar bar;
        bar.setAvailable(true);
        bar.checkBox()->setChecked(true);
        QVERIFY(bar.message().isEmpty());
        QVERIFY(!bar.showRefusal(
            DbError::make(ErrorClass::Other, QStringLiteral("boom"), QStringLiteral("XX000"))));
        QVERIFY(bar.message().isEmpty());
        QVERIFY(bar.showRefusal(DbError::make(
            ErrorClass::Other,
            QStringLiteral("batch timestamp 1764680000.000000000,0 must be after replica GC "
                           "threshold 1764690000.000000000,0"),
            QStringLiteral("XXUUU"))));
        QVERIFY(bar.message().contains(QLatin1String("Choose a later time")));
        // Ticking again starts over, without the old sentence.
        bar.checkBox()->setChecked(false);
        bar.checkBox()->setChecked(true);
        QVERIFY(bar.message().isEmpty());
    }

    // The pane reads its time from the bar: ticked five hours after it was built, it asks
    // for a minute ago, not for a time five hours old.
    void detailPaneAsOfFollowsTheBar()
    {
        DetailPane pane;
        QVERIFY(!pane.isTimeTravelAvailable());
        pane.setTimeTravelAvailable(true); // as on CockroachDB
        QVERIFY(pane.isTimeTravelAvailable());
        QDateTime now = m_now;
        pane.asOfBar()->setClock([&now] { return now; });
        now = m_now.addSecs(5 * 3600);
        pane.asOfBar()->checkBox()->setChecked(true);
        QCOMPARE(pane.asOf(), now.addSecs(-60));
        pane.asOfBar()->checkBox()->setChecked(false);
        QVERIFY(!pane.asOf().isValid());
    }
};

QTEST_MAIN(TestAsOfBar)
#include "tst_asofbar.moc"
