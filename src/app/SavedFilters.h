#pragma once

#include "pg/ConnectionSettings.h"

#include <QString>
#include <QVariantMap>

// Each table's filter bar (search, scope, status, time range…) remembered per database, in
// QSettings "filters/<database>/<table>": a search typed on one database is not applied to
// another one, where it would show "No rows match" on first open.
class SavedFilters
{
public:
    // The database a connection reaches, never its password: the user, host, port, database
    // and server options (CockroachDB Serverless names its cluster there), or `journalKey`
    // when the address is not stable (the demo; see MainWindow::connectTo).
    static QString databaseIdentity(const ConnectionSettings &settings,
                                    const QString &journalKey = {});
    // Empty when nothing was saved for this database and table.
    static QVariantMap load(const QString &databaseIdentity, const QString &table);
    static void save(const QString &databaseIdentity, const QString &table,
                     const QVariantMap &state);
};
