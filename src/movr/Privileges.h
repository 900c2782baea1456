#pragma once

#include "pg/PgConnection.h"
#include "txn/Transaction.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>

// What the connected SQL user may do with the MovR tables, read once on connecting with
// has_table_privilege (the same on PostgreSQL and CockroachDB), and which MovR operations
// that rules out. A read-only support account thereby gets a read-only application:
// actions it cannot perform are disabled, with a tooltip naming the missing privilege, and
// no statement is attempted.
enum class Privilege { Select, Insert, Update, Delete };

enum class MovrOperation {
    StartRide,
    EndRide,
    AddVehicle,
    EditVehicle,
    SetVehicleStatus,
    RetireVehicle,
    AddUser,
    EditUser,
    DeleteUser,
    CreatePromoCode,
    ApplyPromoCode,
    RecordLocation, // keep last: OperationStatements::all() runs from StartRide to here
};

struct PrivilegeRequirement
{
    QString table;
    Privilege privilege;
    bool operator==(const PrivilegeRequirement &) const = default;
};

class TablePrivileges
{
    Q_DECLARE_TR_FUNCTIONS(TablePrivileges)

public:
    // One query. Tables that do not exist count as holding no privilege.
    static Result<TablePrivileges> load(PgConnection &connection);
    // The same query and its reading, for running it inside a worker's transaction body.
    static Statement query();
    static TablePrivileges fromResult(const PgResult &result, const QString &user);
    // Everything allowed (before the privileges are known, the actions stay enabled and the
    // server has the last word).
    static TablePrivileges all(const QString &user = {});

    bool has(const QString &table, Privilege privilege) const;
    // What `operation` needs on a server of `flavor`, in the order its statements touch the
    // tables: derived from the statements it sends (OperationStatements,
    // StatementPrivileges). CockroachDB asks for more than PostgreSQL (SELECT with every
    // UPDATE and DELETE); where the flavor is not known, ask for CockroachDB's (the union).
    static QList<PrivilegeRequirement>
    requirements(MovrOperation operation, ServerFlavor flavor = ServerFlavor::CockroachDB);
    QList<PrivilegeRequirement> missingFor(MovrOperation operation,
                                           ServerFlavor flavor = ServerFlavor::CockroachDB) const;
    bool allows(MovrOperation operation, ServerFlavor flavor = ServerFlavor::CockroachDB) const
    {
        return missingFor(operation, flavor).isEmpty();
    }
    // Empty when allowed; otherwise "Needs UPDATE on vehicles (user support has no such
    // privilege)".
    QString explanation(MovrOperation operation,
                        ServerFlavor flavor = ServerFlavor::CockroachDB) const;
    // Read-only: no INSERT, UPDATE or DELETE on any MovR table.
    bool isReadOnly() const;
    QString user() const { return m_user; }

    static QString privilegeName(Privilege privilege);

private:
    QString m_user;
    bool m_everything = false;
    QHash<QString, QList<Privilege>> m_granted;
};
