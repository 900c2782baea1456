#include "ModelTesting.h"

#include "models/BrowseTableModel.h"

#include <QTest>

namespace ModelTesting {

bool fetchAll(BrowseTableModel &model)
{
    for (int round = 0; round < 1000; ++round) {
        if (!QTest::qWaitFor(
                [&] {
                    return model.state() != BrowseTableModel::State::Loading && !model.isFetching();
                },
                20000))
            return false;
        if (model.state() == BrowseTableModel::State::Error)
            return false;
        if (model.atEnd())
            return true;
        if (model.canFetchMore())
            model.fetchMore();
    }
    return false;
}

KeyList modelKeys(const BrowseTableModel &model)
{
    KeyList keys;
    for (int row = 0; row < model.rowCount(); ++row) {
        QStringList key;
        for (const auto &value : model.keyAt(row))
            key.append(value.value_or(QStringLiteral("<null>")));
        keys.append(key);
    }
    return keys;
}

KeyList sqlKeys(PgConnection &connection, const QString &table, const QString &columns,
                const QString &where, const QString &orderBy, const SqlParams &params)
{
    const QString sql =
        QStringLiteral("SELECT %1 FROM %2 %3 ORDER BY %4")
            .arg(columns, table, where.isEmpty() ? QString() : QStringLiteral("WHERE ") + where,
                 orderBy);
    auto result = connection.exec(sql, params);
    if (!result)
        qFatal("%s: %s", qPrintable(sql), qPrintable(result.error().toString()));
    KeyList keys;
    for (int row = 0; row < result->rowCount(); ++row) {
        QStringList key;
        for (int column = 0; column < result->columnCount(); ++column)
            key.append(result->isNull(row, column) ? QStringLiteral("<null>")
                                                   : result->text(row, column));
        keys.append(key);
    }
    return keys;
}

} // namespace ModelTesting
