#include "ConflictDialog.h"
#include "DetailPane.h"
#include "EditController.h"
#include "MainWindow.h"
#include "PreviewDialog.h"
#include "TablePage.h"
#include "TcpProxy.h"
#include "TestServer.h"
#include "UserDialog.h"
#include "models/BrowseTableModel.h"
#include "models/PendingChanges.h"
#include "worker/EditJournal.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTest>
#include <QToolButton>

// Inline editing in the real window: pending changes, Apply, conflicts, the journal.
class TestInlineEditing : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void pendingEditSurvivesSortAndFilter();
    void keyboardEditCommitsOnce();
    void invalidInputIsRejected();
    void applyCommitsInOneTransaction();
    void concurrentChangeAsksBeforeOverwriting_data();
    void concurrentChangeAsksBeforeOverwriting();
    void journalRestoresPendingEditsInANewWindow();
    void journalFollowsADatabaseAcrossPorts();
    void readOnlyRoleCannotEdit();
    void previewShowsTheUpdateAndAppliesOnlyWhenConfirmed();
    void editUserShowsPendingValuesAndAppliesThem();

private:
    void openWindow(const ConnectionSettings &settings, const QString &journalKey = {});
    // A new window on `settings` (the last one gone): the edit of user `id`'s name that the
    // journal restored there, the only one restored; null if not so.
    const PendingEdit *restoredNameEdit(const ConnectionSettings &settings,
                                        const QString &journalKey, const QString &id);
    TablePage *users();
    int nameColumn() const
    {
        return TableSpec::of(BrowseTable::Users).columnIndex(QStringLiteral("name"));
    }
    // The view row of the user with this id (loaded), or -1.
    int rowOf(const QString &id);
    QString firstUserId();
    QString value(const QString &sql, const SqlParams &params = {});

    QString m_database;
    std::unique_ptr<PgConnection> m_sql;
    std::unique_ptr<MainWindow> m_window;
};

void TestInlineEditing::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("movr-admin-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_inlineediting"));
    QSettings().clear();
    QFile::remove(EditJournal::defaultPath());
    MovrCounts counts;
    counts.users = 36;
    counts.vehicles = 18;
    counts.rides = 18;
    counts.histories = 9;
    counts.promoCodes = 9;
    m_database = TestServer::createMovrDatabase(QStringLiteral("inline_ui"), counts, 9);
    m_sql = TestServer::connect(m_database);
    QVERIFY(
        m_sql
            ->execScript(QStringLiteral("DROP ROLE IF EXISTS viewer;"
                                        "CREATE ROLE viewer LOGIN PASSWORD 'v';"
                                        "GRANT SELECT ON ALL TABLES IN SCHEMA public TO viewer;"))
            .hasValue());
}

void TestInlineEditing::cleanup()
{
    if (m_window)
        m_window->editController()->revertPending();
    m_window.reset();
}

void TestInlineEditing::openWindow(const ConnectionSettings &settings, const QString &journalKey)
{
    m_window = std::make_unique<MainWindow>();
    m_window->show();
    QSignalSpy privileges(m_window->editController(), &EditController::privilegesLoaded);
    m_window->connectTo(settings, journalKey);
    QVERIFY(privileges.wait(20000));
    m_window->selectTable(BrowseTable::Users);
    QTRY_VERIFY_WITH_TIMEOUT(users()->model()->rowCount() >= 36 || users()->model()->atEnd(),
                             20000);
}

const PendingEdit *TestInlineEditing::restoredNameEdit(const ConnectionSettings &settings,
                                                       const QString &journalKey, const QString &id)
{
    m_window = std::make_unique<MainWindow>();
    m_window->show();
    QSignalSpy restored(m_window->editController(), &EditController::journalRestored);
    m_window->connectTo(settings, journalKey);
    if (!restored.wait(20000) || restored.first().first().toInt() != 1)
        return nullptr;
    return m_window->editController()->pendingChanges()->find(
        BrowseTable::Users,
        {value(QStringLiteral("SELECT city FROM users WHERE id = $1"), {id}), id}, nameColumn());
}

TablePage *TestInlineEditing::users()
{
    return m_window->tablePage(BrowseTable::Users);
}

int TestInlineEditing::rowOf(const QString &id)
{
    const int idColumn = TableSpec::of(BrowseTable::Users).columnIndex(QStringLiteral("id"));
    for (int row = 0; row < users()->model()->rowCount(); ++row) {
        if (users()->model()->cellText(row, idColumn) == id)
            return row;
    }
    return -1;
}

QString TestInlineEditing::firstUserId()
{
    return users()->model()->cellText(
        0, TableSpec::of(BrowseTable::Users).columnIndex(QStringLiteral("id")));
}

QString TestInlineEditing::value(const QString &sql, const SqlParams &params)
{
    auto result = m_sql->exec(sql, params);
    if (!result)
        qFatal("%s", qPrintable(result.error().toString()));
    return result->rowCount() ? result->text(0, 0) : QString();
}

void TestInlineEditing::pendingEditSurvivesSortAndFilter()
{
    openWindow(TestServer::settings(m_database));
    const QString id = firstUserId();
    const QString before = value(QStringLiteral("SELECT name FROM users WHERE id = $1"), {id});
    QAbstractItemModel *view = users()->view()->model();
    QVERIFY(view->flags(view->index(0, nameColumn())) & Qt::ItemIsEditable);
    QVERIFY(!(view->flags(view->index(0, 0)) & Qt::ItemIsEditable)); // the city is a key
    QVERIFY(view->setData(view->index(0, nameColumn()), QStringLiteral("Pending O'Name")));
    QCOMPARE(m_window->editController()->pendingChanges()->count(), 1);
    QCOMPARE(view->index(0, nameColumn()).data().toString(), QStringLiteral("Pending O'Name"));
    QVERIFY(view->index(0, nameColumn()).data(Qt::BackgroundRole).isValid());
    QCOMPARE(value(QStringLiteral("SELECT name FROM users WHERE id = $1"), {id}),
             before); // not sent

    // Sort descending by name on the server, then back: the edit is still shown on its row.
    users()->model()->sort(nameColumn(), Qt::DescendingOrder);
    QTRY_VERIFY_WITH_TIMEOUT(rowOf(id) >= 0, 20000);
    users()->model()->sort(TableSpec::of(BrowseTable::Users).columnIndex(QStringLiteral("id")),
                           Qt::AscendingOrder);
    QTRY_VERIFY_WITH_TIMEOUT(
        rowOf(id) >= 0 && users()->model()->state() != BrowseTableModel::State::Loading, 20000);
    QCOMPARE(view->index(rowOf(id), nameColumn()).data().toString(),
             QStringLiteral("Pending O'Name"));
    // A filter that hides the row (another city), then back to all cities.
    const QString city = value(QStringLiteral("SELECT city FROM users WHERE id = $1"), {id});
    BrowseFilter elsewhere;
    elsewhere.cities = {city == u"rome" ? QStringLiteral("paris") : QStringLiteral("rome")};
    users()->model()->setFilter(elsewhere);
    QTRY_VERIFY_WITH_TIMEOUT(users()->model()->state() != BrowseTableModel::State::Loading &&
                                 users()->model()->rowCount() > 0 && rowOf(id) < 0,
                             20000);
    QCOMPARE(m_window->editController()->pendingChanges()->count(), 1);
    users()->model()->setFilter(BrowseFilter{});
    QTRY_VERIFY_WITH_TIMEOUT(rowOf(id) >= 0, 20000);
    QCOMPARE(view->index(rowOf(id), nameColumn()).data().toString(),
             QStringLiteral("Pending O'Name"));
    // Reload (F5) keeps it too; so does scrolling, which only adds rows.
    users()->model()->reload();
    QTRY_VERIFY_WITH_TIMEOUT(rowOf(id) >= 0, 20000);
    QCOMPARE(view->index(rowOf(id), nameColumn()).data().toString(),
             QStringLiteral("Pending O'Name"));
    QCOMPARE(m_window->editController()->pendingChanges()->count(), 1);
}

// F2, type, Enter: as a user edits. The edit is pending, and Qt has nothing to complain about
// (an editor committed twice prints "commitData called with an editor that does not belong
// to this view").
void TestInlineEditing::keyboardEditCommitsOnce()
{
    openWindow(TestServer::settings(m_database));
    QTest::failOnWarning(QRegularExpression(QStringLiteral("commitData|closeEditor|editor")));
    QTableView *table = users()->view();
    table->setFocus();
    table->setCurrentIndex(table->model()->index(1, nameColumn()));
    QTest::keyClick(table, Qt::Key_F2);
    QTRY_VERIFY(table->indexWidget(table->currentIndex()) || table->findChild<QLineEdit *>());
    QWidget *editor = QApplication::focusWidget();
    QVERIFY(editor && editor != table);
    QTest::keyClick(editor, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(editor, QStringLiteral("Typed O'Neil"));
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_COMPARE(m_window->editController()->pendingChanges()->count(), 1);
    QCOMPARE(table->model()->index(1, nameColumn()).data().toString(),
             QStringLiteral("Typed O'Neil"));
    QTRY_COMPARE(QApplication::focusWidget(), table); // the editor is closed
    m_window->editController()->revertPending();
}

void TestInlineEditing::invalidInputIsRejected()
{
    openWindow(TestServer::settings(m_database));
    QAbstractItemModel *view = users()->view()->model();
    QSignalSpy rejected(users()->editsProxy(), &PendingEditsProxy::editRejected);
    const int card = TableSpec::of(BrowseTable::Users).columnIndex(QStringLiteral("credit_card"));
    QVERIFY(!view->setData(view->index(0, card), QStringLiteral("41x1-not-digits")));
    QVERIFY(!view->setData(view->index(0, nameColumn()), QStringLiteral("   ")));
    QCOMPARE(rejected.count(), 2);
    QVERIFY(rejected.first().first().toString().contains(QLatin1String("Credit card")));
    QCOMPARE(m_window->editController()->pendingChanges()->count(), 0);
}

void TestInlineEditing::applyCommitsInOneTransaction()
{
    openWindow(TestServer::settings(m_database));
    QAbstractItemModel *view = users()->view()->model();
    const int address = TableSpec::of(BrowseTable::Users).columnIndex(QStringLiteral("address"));
    const QString first = firstUserId();
    const QString second = users()->model()->cellText(
        1, TableSpec::of(BrowseTable::Users).columnIndex(QStringLiteral("id")));
    // The first user in the detail pane: it follows the apply without being selected again.
    users()->view()->setCurrentIndex(view->index(0, nameColumn()));
    DetailPane *detail = m_window->detailPane();
    QCOMPARE(detail->entityRow().text(1), first);
    const QString before = detail->fieldLabel(QStringLiteral("name"))->text();
    QVERIFY(view->setData(view->index(0, nameColumn()), QStringLiteral("Applied One")));
    QVERIFY(view->setData(view->index(1, address), QStringLiteral("1 Applied Street; -- x")));
    QCOMPARE(detail->fieldLabel(QStringLiteral("name"))->text(), before); // pending: not yet
    QSignalSpy shown(detail, &DetailPane::entityShown);
    QSignalSpy finished(m_window->editController(), &EditController::editFinished);
    m_window->editController()->applyAction()->trigger();
    QVERIFY(finished.wait(30000));
    const EditReply reply = finished.first().first().value<EditReply>();
    QVERIFY2(reply.outcome.committed(), qPrintable(EditController::describe(reply)));
    QCOMPARE(value(QStringLiteral("SELECT name FROM users WHERE id = $1"), {first}),
             QStringLiteral("Applied One"));
    QCOMPARE(value(QStringLiteral("SELECT address FROM users WHERE id = $1"), {second}),
             QStringLiteral("1 Applied Street; -- x"));
    QCOMPARE(m_window->editController()->pendingChanges()->count(), 0);
    // One transaction: one BEGIN in this action's trace.
    const auto begins =
        std::count_if(reply.outcome.trace.begin(), reply.outcome.trace.end(),
                      [](const TraceEntry &e) { return e.sql.startsWith(QLatin1String("BEGIN")); });
    QCOMPARE(begins, 1);
    // The refreshed rows show the database's values, unmarked.
    QTRY_COMPARE(view->index(rowOf(first), nameColumn()).data().toString(),
                 QStringLiteral("Applied One"));
    QVERIFY(!view->index(rowOf(first), nameColumn()).data(Qt::BackgroundRole).isValid() ||
            view->index(rowOf(first), nameColumn()).data(Qt::BackgroundRole) !=
                QVariant(QColor(0xff, 0xe0, 0x82)));
    QTRY_COMPARE_WITH_TIMEOUT(detail->fieldLabel(QStringLiteral("name"))->text(),
                              QStringLiteral("Applied One"), 20000);
    QCOMPARE(detail->entityRow().text(nameColumn()), QStringLiteral("Applied One"));
    QCOMPARE(detail->entityRow().text(1), first);
    QCOMPARE(shown.count(), 0); // refreshed in place, not shown anew
}

void TestInlineEditing::concurrentChangeAsksBeforeOverwriting_data()
{
    QTest::addColumn<bool>("keepMine");
    QTest::newRow("take current") << false;
    QTest::newRow("keep mine") << true;
}

void TestInlineEditing::concurrentChangeAsksBeforeOverwriting()
{
    QFETCH(bool, keepMine);
    openWindow(TestServer::settings(m_database));
    QAbstractItemModel *view = users()->view()->model();
    // Each case on its own row, with its own values.
    const int row = keepMine ? 5 : 2;
    const QString theirs =
        keepMine ? QStringLiteral("Theirs (kept mine)") : QStringLiteral("Theirs");
    const QString id = users()->model()->cellText(
        row, TableSpec::of(BrowseTable::Users).columnIndex(QStringLiteral("id")));
    QVERIFY(view->setData(view->index(row, nameColumn()), QStringLiteral("Mine")));
    // Another session changes the row under the pending edit.
    QVERIFY(m_sql->exec(QStringLiteral("UPDATE users SET name = $2 WHERE id = $1"), {id, theirs})
                .hasValue());

    QSignalSpy conflicts(m_window->editController(), &EditController::conflictsFound);
    QSignalSpy finished(m_window->editController(), &EditController::editFinished);
    m_window->editController()->applyAction()->trigger();
    QVERIFY(conflicts.wait(30000));
    QCOMPARE(conflicts.first().first().toInt(), 1);
    // The dialog is open (without blocking): nothing was overwritten meanwhile.
    ConflictDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = qobject_cast<ConflictDialog *>(QApplication::activeModalWidget())));
    const QString databaseWhileAsking =
        value(QStringLiteral("SELECT name FROM users WHERE id = $1"), {id});
    const QString statusWhileAsking = m_window->statusBar()->currentMessage();
    dialog->chooseAll(keepMine ? ConflictDialog::Choice::Mine : ConflictDialog::Choice::Current);
    dialog->accept();
    QCOMPARE(databaseWhileAsking, theirs);
    // The status bar says what is being asked, not the read that found it.
    QVERIFY2(statusWhileAsking.contains(QLatin1String("choose what to keep")),
             qPrintable(statusWhileAsking));
    if (keepMine) {
        // A second apply, based on the current value, goes through.
        QTRY_VERIFY_WITH_TIMEOUT(finished.count() >= 2, 30000);
        QVERIFY(finished.last().first().value<EditReply>().outcome.committed());
        QCOMPARE(value(QStringLiteral("SELECT name FROM users WHERE id = $1"), {id}),
                 QStringLiteral("Mine"));
    } else {
        // Nothing left to apply: the current value stays.
        QCOMPARE(m_window->editController()->pendingChanges()->count(), 0);
        QVERIFY(!m_window->editController()->applyAction()->isEnabled());
        QCOMPARE(value(QStringLiteral("SELECT name FROM users WHERE id = $1"), {id}), theirs);
    }
    QCOMPARE(m_window->editController()->pendingChanges()->count(), 0);
}

void TestInlineEditing::journalRestoresPendingEditsInANewWindow()
{
    openWindow(TestServer::settings(m_database));
    QAbstractItemModel *view = users()->view()->model();
    const QString id = users()->model()->cellText(
        3, TableSpec::of(BrowseTable::Users).columnIndex(QStringLiteral("id")));
    QVERIFY(view->setData(view->index(3, nameColumn()), QStringLiteral("Survivor")));
    m_window->editController()->journal()->flush();
    // The window goes away without applying (as when the application is killed).
    m_window.reset();

    const PendingEdit *edit = restoredNameEdit(TestServer::settings(m_database), {}, id);
    QVERIFY(edit);
    QCOMPARE(edit->value, SqlValue(QStringLiteral("Survivor")));
    QVERIFY(value(QStringLiteral("SELECT name FROM users WHERE id = $1"), {id}) !=
            QStringLiteral("Survivor"));
}

// A demo restarted on its --demo-dir is the same database on another port: its journal key
// (not its address) finds the edits left pending.
void TestInlineEditing::journalFollowsADatabaseAcrossPorts()
{
    const QString key = QStringLiteral("demo:/var/tmp/movr-demo-for-a-test");
    openWindow(TestServer::settings(m_database), key);
    QAbstractItemModel *view = users()->view()->model();
    const QString id = users()->model()->cellText(
        2, TableSpec::of(BrowseTable::Users).columnIndex(QStringLiteral("id")));
    QVERIFY(view->setData(view->index(2, nameColumn()), QStringLiteral("Kept across ports")));
    m_window->editController()->journal()->flush();
    m_window.reset();

    TcpProxy proxy(QStringLiteral("127.0.0.1"), TestServer::settings(m_database).port(),
                   std::chrono::milliseconds(0));
    QCOMPARE(proxy.start(), QString());
    const ConnectionSettings elsewhere = proxy.route(TestServer::settings(m_database));
    QVERIFY(elsewhere.port() != TestServer::settings(m_database).port());
    const PendingEdit *edit = restoredNameEdit(elsewhere, key, id);
    QVERIFY(edit);
    QCOMPARE(edit->value, SqlValue(QStringLiteral("Kept across ports")));
    m_window->editController()->revertPending();
    m_window.reset();
    proxy.stop();
}

void TestInlineEditing::readOnlyRoleCannotEdit()
{
    ConnectionSettings settings = TestServer::settings(m_database);
    settings.setValue(QStringLiteral("user"), QStringLiteral("viewer"));
    settings.setValue(QStringLiteral("password"), QStringLiteral("v"));
    openWindow(settings);
    QAbstractItemModel *view = users()->view()->model();
    QVERIFY(!(view->flags(view->index(0, nameColumn())) & Qt::ItemIsEditable));
    QVERIFY(!view->setData(view->index(0, nameColumn()), QStringLiteral("Nope")));
    QCOMPARE(m_window->editController()->pendingChanges()->count(), 0);
}

void TestInlineEditing::previewShowsTheUpdateAndAppliesOnlyWhenConfirmed()
{
    openWindow(TestServer::settings(m_database));
    QAbstractItemModel *view = users()->view()->model();
    const QString id = users()->model()->cellText(
        6, TableSpec::of(BrowseTable::Users).columnIndex(QStringLiteral("id")));
    const QString before = value(QStringLiteral("SELECT name FROM users WHERE id = $1"), {id});
    QVERIFY(view->setData(view->index(6, nameColumn()), QStringLiteral("Previewed O'Name")));
    QString shown;
    for (bool confirm : {false, true}) {
        QSignalSpy finished(m_window->editController(), &EditController::editFinished);
        m_window->editController()->previewPendingAction()->trigger();
        // Open without blocking: answered from here.
        PreviewDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = qobject_cast<PreviewDialog *>(QApplication::activeModalWidget())));
        shown = dialog->text();
        confirm ? dialog->accept() : dialog->reject();
        QVERIFY(shown.contains(QLatin1String("UPDATE users SET name = 'Previewed O''Name'")));
        QVERIFY(shown.contains(QLatin1String("BEGIN ISOLATION LEVEL SERIALIZABLE;")));
        if (!confirm) {
            // Nothing was sent: Apply is offered again at once.
            QCOMPARE(finished.count(), 0);
            QVERIFY(m_window->editController()->applyAction()->isEnabled());
            QCOMPARE(value(QStringLiteral("SELECT name FROM users WHERE id = $1"), {id}), before);
            QCOMPARE(m_window->editController()->pendingChanges()->count(), 1);
        } else {
            QVERIFY(finished.wait(30000));
            QCOMPARE(value(QStringLiteral("SELECT name FROM users WHERE id = $1"), {id}),
                     QStringLiteral("Previewed O'Name"));
            QCOMPARE(m_window->editController()->pendingChanges()->count(), 0);
        }
    }
}

// An address typed in the table, not applied: Edit user shows it (marked pending), the card
// masked; saving a new name applies both, and nothing is left for Apply to find "changed by
// someone else".
void TestInlineEditing::editUserShowsPendingValuesAndAppliesThem()
{
    openWindow(TestServer::settings(m_database));
    QAbstractItemModel *view = users()->view()->model();
    const int row = 7;
    const TableSpec &spec = TableSpec::of(BrowseTable::Users);
    const QString id = users()->model()->cellText(row, spec.columnIndex(QStringLiteral("id")));
    QVERIFY(m_sql
                ->exec(QStringLiteral("UPDATE users SET credit_card = '4111111111111111' WHERE "
                                      "id = $1"),
                       {id})
                .hasValue());
    users()->model()->refreshRows(
        {{users()->model()->cellText(row, spec.columnIndex(QStringLiteral("city"))), id}});
    QTRY_COMPARE_WITH_TIMEOUT(
        users()->model()->cellText(row, spec.columnIndex(QStringLiteral("credit_card"))),
        QStringLiteral("4111111111111111"), 20000);
    const int addressColumn = spec.columnIndex(QStringLiteral("address"));
    QVERIFY(view->setData(view->index(row, addressColumn), QStringLiteral("9 Pending Way")));
    QCOMPARE(m_window->editController()->pendingChanges()->count(), 1);
    users()->view()->setCurrentIndex(view->index(row, nameColumn()));

    m_window->editController()->action(MovrOperation::EditUser)->trigger();
    UserDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = qobject_cast<UserDialog *>(QApplication::activeModalWidget())));
    auto *address = dialog->findChild<QLineEdit *>(QStringLiteral("address"));
    QCOMPARE(address->text(), QStringLiteral("9 Pending Way"));
    QVERIFY(dialog->pendingFields().contains(address));
    QVERIFY(address->font().italic());
    QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("pendingNote")));
    // The card masked until revealed.
    auto *card = dialog->findChild<QLineEdit *>(QStringLiteral("creditCard"));
    QCOMPARE(card->echoMode(), QLineEdit::Password);
    QVERIFY(card->displayText() != card->text());
    dialog->findChild<QToolButton *>(QStringLiteral("revealCard"))->click();
    QCOMPARE(card->echoMode(), QLineEdit::Normal);
    QCOMPARE(card->displayText(), QStringLiteral("4111111111111111"));

    QSignalSpy finished(m_window->editController(), &EditController::editFinished);
    QSignalSpy conflicts(m_window->editController(), &EditController::conflictsFound);
    dialog->findChild<QLineEdit *>(QStringLiteral("name"))->setText(QStringLiteral("Edited Both"));
    dialog->accept();
    QVERIFY(finished.wait(30000));
    QVERIFY2(finished.first().first().value<EditReply>().outcome.committed(),
             qPrintable(EditController::describe(finished.first().first().value<EditReply>())));
    QCOMPARE(value(QStringLiteral("SELECT name || '|' || address || '|' || credit_card FROM users "
                                  "WHERE id = $1"),
                   {id}),
             QStringLiteral("Edited Both|9 Pending Way|4111111111111111"));
    // The pending address was applied by the dialog: nothing left, no conflict.
    QCOMPARE(m_window->editController()->pendingChanges()->count(), 0);
    QVERIFY(!m_window->editController()->applyAction()->isEnabled());
    QCOMPARE(conflicts.count(), 0);
}

QTEST_MAIN(TestInlineEditing)
#include "tst_inlineediting.moc"
