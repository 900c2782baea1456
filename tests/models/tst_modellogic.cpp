// The browse model's own logic and the pending-edits proxy without a database: a page source
// answered by hand (no SQL is involved, so this is not a database mock: the queries and their
// results are tested against a real server in tst_browsemodel). Every model runs under a
// fatal QAbstractItemModelTester, which also calls fetchMore on its own, as views do.

#include "FakePageSource.h"
#include "models/BrowseTableModel.h"
#include "models/PageSource.h"
#include "models/PendingChanges.h"
#include "worker/BrowseQuery.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

namespace {

// A users row: city, id, name, address, credit_card.
RowData user(const QString &city, int n, const QString &name = QString())
{
    const QString id =
        QStringLiteral("00000000-0000-0000-0000-%1").arg(n, 12, 10, QLatin1Char('0'));
    return RowData::fromCells({city.toUtf8(), id.toUtf8(),
                               (name.isEmpty() ? QStringLiteral("User %1").arg(n) : name).toUtf8(),
                               QByteArray("1 Main St"), QByteArray("1234567890")});
}

QList<RowData> users(int first, int count)
{
    QList<RowData> rows;
    for (int n = first; n < first + count; ++n)
        rows.append(user(QStringLiteral("rome"), n));
    return rows;
}

// The reply to `request` with these rows (the next key after the last one, unless at the end).
Page answer(const PageRequest &request, const QList<RowData> &rows, bool atEnd)
{
    Page page;
    page.kind = request.kind;
    page.client = request.client;
    page.generation = request.generation;
    page.table = request.table;
    page.rows = rows;
    page.atEnd = atEnd;
    page.refreshKeys = request.refreshKeys;
    if (!atEnd && !rows.isEmpty())
        page.nextKey = BrowseQuery::primaryKeyOf(TableSpec::of(request.table), rows.last());
    return page;
}

struct Fixture
{
    FakePageSource source;
    BrowseTableModel model{BrowseTable::Users};
    QAbstractItemModelTester tester{&model, QAbstractItemModelTester::FailureReportingMode::Fatal};
};

} // namespace

class TestModelLogic : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void withoutSourceTheModelIsIdle()
    {
        Fixture f;
        QCOMPARE(f.model.state(), BrowseTableModel::State::Idle);
        QVERIFY(!f.model.canFetchMore());
        f.model.setPageSource(&f.source);
        QCOMPARE(f.model.state(), BrowseTableModel::State::Loading);
        QCOMPARE(f.model.clientId(), quint64(7));
        // The first page and the estimate, both of this generation.
        const auto first = f.source.last(PageRequest::Kind::Page);
        QVERIFY(first);
        QCOMPARE(first->client, quint64(7));
        QCOMPARE(first->generation, f.model.generation());
        QVERIFY(!first->after);
        QCOMPARE(f.source.count(PageRequest::Kind::Page), 1);
        QCOMPARE(f.source.count(PageRequest::Kind::Estimate), 1);
        // Nothing more while the first page is on its way.
        QVERIFY(!f.model.canFetchMore());
        f.model.fetchMore();
        QCOMPARE(f.source.count(PageRequest::Kind::Page), 1);
    }

    void fetchMorePagesOnTheKeyAndGrows()
    {
        Fixture f;
        f.model.setFirstPageSize(3);
        f.model.setPageSource(&f.source);
        QSignalSpy inserted(&f.model, &QAbstractItemModel::rowsInserted);
        QSignalSpy loaded(&f.model, &BrowseTableModel::pageLoaded);
        QSignalSpy firstShown(&f.model, &BrowseTableModel::firstRowsShown);
        const PageRequest first = *f.source.last(PageRequest::Kind::Page);
        QCOMPARE(first.pageSize, 3);
        f.source.reply(answer(first, users(1, 3), false));
        QCOMPARE(f.model.rowCount(), 3);
        QCOMPARE(f.model.state(), BrowseTableModel::State::Ready);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(inserted.at(0).at(1).toInt(), 0);
        QCOMPARE(inserted.at(0).at(2).toInt(), 2);
        QCOMPARE(firstShown.count(), 1);
        QCOMPARE(loaded.count(), 1);

        // The next page starts after the last row's key, twice as large.
        if (f.model.canFetchMore())
            f.model.fetchMore();
        QVERIFY(!f.model.canFetchMore()); // one page at a time
        const PageRequest second = *f.source.last(PageRequest::Kind::Page);
        QCOMPARE(f.source.count(PageRequest::Kind::Page), 2);
        QVERIFY(second.after);
        QCOMPARE(*second.after, f.model.keyAt(2));
        QCOMPARE(second.pageSize, 6);
        QCOMPARE(second.generation, first.generation);
        f.source.reply(answer(second, users(4, 2), true));
        QCOMPARE(f.model.rowCount(), 5);
        QCOMPARE(inserted.count(), 2);
        QCOMPARE(inserted.at(1).at(1).toInt(), 3);
        QCOMPARE(inserted.at(1).at(2).toInt(), 4);
        QCOMPARE(firstShown.count(), 1);
        QVERIFY(f.model.atEnd());
        QVERIFY(!f.model.canFetchMore());
        f.model.fetchMore();
        QCOMPARE(f.source.count(PageRequest::Kind::Page), 2);
        QCOMPARE(f.model.cellText(4, 2), QStringLiteral("User 5"));
        QCOMPARE(f.model.rowForKey(f.model.keyAt(3)), 3);
    }

    void staleGenerationsAndOtherClientsAreDropped()
    {
        Fixture f;
        f.model.setPageSource(&f.source);
        const PageRequest old = *f.source.last(PageRequest::Kind::Page);
        BrowseFilter rome;
        rome.cities = {QStringLiteral("rome")};
        f.model.setFilter(rome);
        BrowseFilter paris;
        paris.cities = {QStringLiteral("paris")};
        f.model.setFilter(paris);
        QCOMPARE(f.model.generation(), old.generation + 2);
        const PageRequest current = *f.source.last(PageRequest::Kind::Page);
        QCOMPARE(current.filter, paris);
        QCOMPARE(current.generation, f.model.generation());

        QSignalSpy inserted(&f.model, &QAbstractItemModel::rowsInserted);
        QSignalSpy states(&f.model, &BrowseTableModel::stateChanged);
        f.source.reply(answer(old, users(1, 3), false)); // late, older generation
        Page other = answer(current, users(10, 2), false);
        other.client = current.client + 1; // another model's reply
        f.source.reply(other);
        Page staleError = answer(old, {}, false);
        staleError.error = DbError();
        f.source.reply(staleError);
        QCOMPARE(inserted.count(), 0);
        QCOMPARE(states.count(), 0);
        QCOMPARE(f.model.state(), BrowseTableModel::State::Loading);
        QCOMPARE(f.model.rowCount(), 0);

        f.source.reply(answer(current, {user(QStringLiteral("paris"), 20)}, true));
        QCOMPARE(f.model.rowCount(), 1);
        QCOMPARE(f.model.cellText(0, 0), QStringLiteral("paris"));
    }

    void filterAndSortReset()
    {
        Fixture f;
        f.model.setPageSource(&f.source);
        f.source.reply(answer(*f.source.last(PageRequest::Kind::Page), users(1, 4), false));
        QCOMPARE(f.model.rowCount(), 4);
        QSignalSpy reset(&f.model, &QAbstractItemModel::modelReset);

        // The same filter again: nothing happens.
        f.model.setFilter(f.model.filter());
        QCOMPARE(reset.count(), 0);

        BrowseFilter filter;
        filter.search = QStringLiteral("User");
        const int before = f.source.count(PageRequest::Kind::Page);
        f.model.setFilter(filter);
        QCOMPARE(reset.count(), 1);
        QCOMPARE(f.model.rowCount(), 0);
        QCOMPARE(f.model.state(), BrowseTableModel::State::Loading);
        QCOMPARE(f.source.count(PageRequest::Kind::Page), before + 1);
        const PageRequest filtered = *f.source.last(PageRequest::Kind::Page);
        QCOMPARE(filtered.filter.search, QStringLiteral("User"));
        QVERIFY(!filtered.after); // from the start again
        f.source.reply(answer(filtered, users(1, 2), false));
        QCOMPARE(f.model.rowCount(), 2);

        // Sorting (what a header click does) reloads on the server: the sort is in the request.
        f.model.sort(2, Qt::DescendingOrder);
        QCOMPARE(reset.count(), 2);
        QCOMPARE(f.model.rowCount(), 0);
        const PageRequest sorted = *f.source.last(PageRequest::Kind::Page);
        QCOMPARE(sorted.sort.column, 2);
        QCOMPARE(sorted.sort.order, Qt::DescendingOrder);
        QCOMPARE(sorted.filter.search, QStringLiteral("User")); // the filter stays
        QVERIFY(sorted.generation > filtered.generation);
        // An out-of-range column means the key order.
        f.model.sort(99, Qt::AscendingOrder);
        QCOMPARE(f.source.last(PageRequest::Kind::Page)->sort.column, -1);
    }

    void errorsAndRetry()
    {
        Fixture f;
        f.model.setPageSource(&f.source);
        const PageRequest first = *f.source.last(PageRequest::Kind::Page);
        // A cancel that raced onto this query: asked again by itself.
        Page canceled = answer(first, {}, false);
        DbError cancel;
        cancel.kind = ErrorClass::Canceled;
        canceled.error = cancel;
        f.source.reply(canceled);
        QCOMPARE(f.source.count(PageRequest::Kind::Page), 2);
        QCOMPARE(f.model.state(), BrowseTableModel::State::Loading);

        Page failed = answer(first, {}, false);
        DbError error;
        error.kind = ErrorClass::Other;
        error.message = QStringLiteral("relation \"users\" does not exist");
        failed.error = error;
        f.source.reply(failed);
        QCOMPARE(f.model.state(), BrowseTableModel::State::Error);
        QVERIFY(f.model.errorText().contains(QLatin1String("does not exist")));
        QVERIFY(!f.model.canFetchMore());

        f.model.retry();
        QCOMPARE(f.model.state(), BrowseTableModel::State::Loading);
        QCOMPARE(f.source.count(PageRequest::Kind::Page), 3);
        f.source.reply(answer(*f.source.last(PageRequest::Kind::Page), users(1, 1), true));
        QCOMPARE(f.model.state(), BrowseTableModel::State::Ready);
        QCOMPARE(f.model.rowCount(), 1);
    }

    void refreshUpdatesInPlaceAndRemovesGoneRows()
    {
        Fixture f;
        f.model.setPageSource(&f.source);
        f.source.reply(answer(*f.source.last(PageRequest::Kind::Page), users(1, 4), true));
        QCOMPARE(f.model.rowCount(), 4);
        QSignalSpy changed(&f.model, &QAbstractItemModel::dataChanged);
        QSignalSpy removed(&f.model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy refreshed(&f.model, &BrowseTableModel::rowsRefreshed);

        const KeyValues second = f.model.keyAt(1);
        const KeyValues third = f.model.keyAt(2);
        f.model.refreshRows({second, third});
        const PageRequest refresh = *f.source.last(PageRequest::Kind::Refresh);
        QCOMPARE(refresh.refreshKeys, (QList<KeyValues>{second, third}));
        // The second row has a new name; the third is gone from the table.
        f.source.reply(
            answer(refresh, {user(QStringLiteral("rome"), 2, QStringLiteral("Renamed"))}, true));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), 1);
        QCOMPARE(removed.count(), 1);
        QCOMPARE(removed.at(0).at(1).toInt(), 2);
        QCOMPARE(refreshed.count(), 1);
        QCOMPARE(refreshed.at(0).at(0).toInt(), 2);
        QCOMPARE(f.model.rowCount(), 3);
        QCOMPARE(f.model.cellText(1, 2), QStringLiteral("Renamed"));
        QCOMPARE(f.model.rowForKey(third), -1);
        QCOMPARE(f.model.cellText(2, 2), QStringLiteral("User 4"));
    }

    void estimateAndForgettingTheClient()
    {
        FakePageSource source;
        quint64 client = 0;
        {
            BrowseTableModel model(BrowseTable::Users);
            QAbstractItemModelTester tester(&model,
                                            QAbstractItemModelTester::FailureReportingMode::Fatal);
            QSignalSpy estimate(&model, &BrowseTableModel::estimateChanged);
            model.setPageSource(&source);
            client = model.clientId();
            Page reply = answer(*source.last(PageRequest::Kind::Estimate), {}, true);
            reply.estimate = 1234;
            source.reply(reply);
            QCOMPARE(estimate.count(), 1);
            QCOMPARE(model.estimatedRows(), qint64(1234));
            QVERIFY(source.forgotten.isEmpty());
            // Another source: the first one forgets this client.
            FakePageSource other;
            model.setPageSource(&other);
            QCOMPARE(source.forgotten, QList<quint64>{client});
            QCOMPARE(other.count(PageRequest::Kind::Page), 1);
            model.setPageSource(&source);
            client = model.clientId();
        }
        // Deleted: the source cancels what it still has for the model.
        QCOMPARE(source.forgotten.last(), client);
    }

    void pendingValuesShowInPlaceOfLoadedOnes()
    {
        Fixture f;
        PendingChanges changes;
        PendingEditsProxy proxy(&f.model);
        QAbstractItemModelTester proxyTester(&proxy,
                                             QAbstractItemModelTester::FailureReportingMode::Fatal);
        proxy.setPendingChanges(&changes);
        f.model.setPageSource(&f.source);
        f.source.reply(answer(*f.source.last(PageRequest::Kind::Page), users(1, 3), true));
        QCOMPARE(proxy.rowCount(), 3);
        const int name = f.model.spec().columnIndex(QStringLiteral("name"));
        const int address = f.model.spec().columnIndex(QStringLiteral("address"));
        const int id = f.model.spec().columnIndex(QStringLiteral("id"));
        QVERIFY(proxy.flags(proxy.index(0, name)) & Qt::ItemIsEditable);
        QVERIFY(!(proxy.flags(proxy.index(0, id)) & Qt::ItemIsEditable));

        // An edit through the view: pending, shown in place, marked, the original kept.
        QSignalSpy proxyChanged(&proxy, &QAbstractItemModel::dataChanged);
        QVERIFY(proxy.setData(proxy.index(1, name), QStringLiteral("Ada Lovelace")));
        QCOMPARE(changes.count(), 1);
        QCOMPARE(proxyChanged.count(), 2); // the edited cell, then every row (changes changed)
        QCOMPARE(proxy.data(proxy.index(1, name)).toString(), QStringLiteral("Ada Lovelace"));
        QCOMPARE(proxy.data(proxy.index(1, name), Qt::EditRole).toString(),
                 QStringLiteral("Ada Lovelace"));
        QCOMPARE(proxy.data(proxy.index(1, name), BrowseTableModel::RawTextRole).toString(),
                 QStringLiteral("Ada Lovelace"));
        QVERIFY(proxy.data(proxy.index(1, name), Qt::FontRole).value<QFont>().italic());
        QVERIFY(proxy.data(proxy.index(1, name), Qt::ToolTipRole)
                    .toString()
                    .contains(QLatin1String("User 2")));
        QCOMPARE(f.model.cellText(1, name), QStringLiteral("User 2")); // the model is untouched
        QCOMPARE(proxy.data(proxy.index(0, name)).toString(), QStringLiteral("User 1"));
        QCOMPARE(changes.edits().first().original, SqlValue(QStringLiteral("User 2")));

        // Edited again: the first original stays; edited back: no longer pending.
        QVERIFY(proxy.setData(proxy.index(1, name), QStringLiteral("Ada King")));
        QCOMPARE(changes.count(), 1);
        QCOMPARE(changes.edits().first().original, SqlValue(QStringLiteral("User 2")));
        QVERIFY(proxy.setData(proxy.index(1, name), QStringLiteral("User 2")));
        QCOMPARE(changes.count(), 0);
        QVERIFY(!proxy.data(proxy.index(1, name), Qt::FontRole).isValid());

        // A value the column refuses is reported and not kept.
        QSignalSpy rejected(&proxy, &PendingEditsProxy::editRejected);
        QVERIFY(!proxy.setData(proxy.index(1, name), QString()));
        QCOMPARE(rejected.count(), 1);
        QCOMPARE(changes.count(), 0);

        // Not editable (no UPDATE privilege): nothing is.
        proxy.setEditable(false);
        QVERIFY(!(proxy.flags(proxy.index(0, address)) & Qt::ItemIsEditable));
        QVERIFY(!proxy.setData(proxy.index(0, address), QStringLiteral("2 Side St")));
        proxy.setEditable(true);
    }

    // Pending edits are kept by key: they follow their row through a new order, and rows
    // removed and inserted around them.
    void pendingValuesFollowTheirRow()
    {
        Fixture f;
        PendingChanges changes;
        PendingEditsProxy proxy(&f.model);
        QAbstractItemModelTester proxyTester(&proxy,
                                             QAbstractItemModelTester::FailureReportingMode::Fatal);
        proxy.setPendingChanges(&changes);
        f.model.setPageSource(&f.source);
        f.source.reply(answer(*f.source.last(PageRequest::Kind::Page), users(1, 3), true));
        const int address = f.model.spec().columnIndex(QStringLiteral("address"));
        const KeyValues third = f.model.keyAt(2);
        QVERIFY(proxy.setData(proxy.index(2, address), QStringLiteral("9 New Road")));

        // Sorted the other way: the row is first now, and so is its pending value.
        QSignalSpy proxyReset(&proxy, &QAbstractItemModel::modelReset);
        f.model.sort(2, Qt::DescendingOrder);
        QCOMPARE(proxyReset.count(), 1);
        QCOMPARE(proxy.rowCount(), 0);
        QList<RowData> reversed = users(1, 3);
        std::reverse(reversed.begin(), reversed.end());
        f.source.reply(answer(*f.source.last(PageRequest::Kind::Page), reversed, true));
        QCOMPARE(f.model.keyAt(0), third);
        QCOMPARE(proxy.data(proxy.index(0, address)).toString(), QStringLiteral("9 New Road"));
        QCOMPARE(proxy.data(proxy.index(2, address)).toString(), QStringLiteral("1 Main St"));

        // The row before it removed (a refresh found it gone): the value moves up with it.
        QSignalSpy proxyRemoved(&proxy, &QAbstractItemModel::rowsRemoved);
        const KeyValues second = f.model.keyAt(1);
        f.model.refreshRows({second});
        f.source.reply(answer(*f.source.last(PageRequest::Kind::Refresh), {}, true));
        QCOMPARE(proxyRemoved.count(), 1);
        QCOMPARE(proxy.rowCount(), 2);
        QCOMPARE(proxy.data(proxy.index(0, address)).toString(), QStringLiteral("9 New Road"));
        QCOMPARE(proxy.data(proxy.index(1, address)).toString(), QStringLiteral("1 Main St"));

        // Reverted: the loaded value shows again.
        changes.clear();
        QCOMPARE(proxy.data(proxy.index(0, address)).toString(), QStringLiteral("1 Main St"));
    }
};

QTEST_MAIN(TestModelLogic)
#include "tst_modellogic.moc"
