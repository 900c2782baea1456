#pragma once

#include "pg/PgConnection.h"

#include <QList>
#include <QString>
#include <QStringList>

class BrowseTableModel;

namespace ModelTesting {

// Rows as lists of texts ("<null>" for NULL), to compare a model with SQL.
using KeyList = QList<QStringList>;

// Fetches pages until the model is at its end (bounded: 1000 pages, 20 s per page); false
// on an error state or a timeout.
bool fetchAll(BrowseTableModel &model);

// Every row of the model as its primary key values.
KeyList modelKeys(const BrowseTableModel &model);

// SELECT columns FROM table [WHERE where] ORDER BY orderBy, run on `connection`: what the
// model should show. A failing query ends the test executable (qFatal) with the statement.
KeyList sqlKeys(PgConnection &connection, const QString &table, const QString &columns,
                const QString &where, const QString &orderBy, const SqlParams &params = {});

} // namespace ModelTesting
