#include "Privileges.h"

#include "OperationStatements.h"

namespace {

const QStringList MovrTables{
    QStringLiteral("users"),       QStringLiteral("vehicles"),
    QStringLiteral("rides"),       QStringLiteral("vehicle_location_histories"),
    QStringLiteral("promo_codes"), QStringLiteral("user_promo_codes")};

} // namespace

Statement TablePrivileges::query()
{
    // Only tables that exist in the current schema: has_table_privilege fails on others.
    return {QStringLiteral(
                "SELECT t.table_name, "
                "has_table_privilege(quote_ident(t.table_schema) || '.' || "
                "quote_ident(t.table_name), 'SELECT'), "
                "has_table_privilege(quote_ident(t.table_schema) || '.' || "
                "quote_ident(t.table_name), 'INSERT'), "
                "has_table_privilege(quote_ident(t.table_schema) || '.' || "
                "quote_ident(t.table_name), 'UPDATE'), "
                "has_table_privilege(quote_ident(t.table_schema) || '.' || "
                "quote_ident(t.table_name), 'DELETE'), current_user "
                "FROM information_schema.tables AS t "
                "WHERE t.table_schema = current_schema() AND t.table_name = ANY($1::text[])"),
            {QLatin1Char('{') + MovrTables.join(QLatin1Char(',')) + QLatin1Char('}')}};
}

TablePrivileges TablePrivileges::fromResult(const PgResult &result, const QString &user)
{
    TablePrivileges privileges;
    privileges.m_user = user;
    const Privilege order[] = {Privilege::Select, Privilege::Insert, Privilege::Update,
                               Privilege::Delete};
    for (int row = 0; row < result.rowCount(); ++row) {
        QList<Privilege> granted;
        for (int column = 1; column <= 4; ++column) {
            if (result.text(row, column) == u"t")
                granted.append(order[column - 1]);
        }
        privileges.m_granted.insert(result.text(row, 0), granted);
        privileges.m_user = result.text(row, 5);
    }
    return privileges;
}

Result<TablePrivileges> TablePrivileges::load(PgConnection &connection)
{
    const Statement statement = query();
    auto result = connection.exec(statement.sql, statement.params);
    if (!result)
        return result.error();
    return fromResult(*result, connection.serverInfo().user);
}

TablePrivileges TablePrivileges::all(const QString &user)
{
    TablePrivileges privileges;
    privileges.m_user = user;
    privileges.m_everything = true;
    return privileges;
}

bool TablePrivileges::has(const QString &table, Privilege privilege) const
{
    return m_everything || m_granted.value(table).contains(privilege);
}

QList<PrivilegeRequirement> TablePrivileges::requirements(MovrOperation operation,
                                                          ServerFlavor flavor)
{
    // Read from the statements the operation sends (OperationStatements), not written by
    // hand: SELECT … FOR UPDATE needs UPDATE, an UPDATE's WHERE needs SELECT, and so on.
    QList<PrivilegeRequirement> requirements;
    for (const PrivilegeUse &use : OperationStatements::privileges(operation)) {
        if (flavor == ServerFlavor::PostgreSQL && !use.neededOnPostgres())
            continue;
        requirements.append(use.requirement);
    }
    return requirements;
}

QList<PrivilegeRequirement> TablePrivileges::missingFor(MovrOperation operation,
                                                        ServerFlavor flavor) const
{
    QList<PrivilegeRequirement> missing;
    for (const PrivilegeRequirement &requirement : requirements(operation, flavor)) {
        if (!has(requirement.table, requirement.privilege))
            missing.append(requirement);
    }
    return missing;
}

QString TablePrivileges::privilegeName(Privilege privilege)
{
    switch (privilege) {
    case Privilege::Select:
        return QStringLiteral("SELECT");
    case Privilege::Insert:
        return QStringLiteral("INSERT");
    case Privilege::Update:
        return QStringLiteral("UPDATE");
    case Privilege::Delete:
        return QStringLiteral("DELETE");
    }
    return {};
}

QString TablePrivileges::explanation(MovrOperation operation, ServerFlavor flavor) const
{
    const QList<PrivilegeRequirement> missing = missingFor(operation, flavor);
    if (missing.isEmpty())
        return {};
    QStringList parts;
    for (const PrivilegeRequirement &requirement : missing)
        parts << QStringLiteral("%1 on %2")
                     .arg(privilegeName(requirement.privilege), requirement.table);
    return (missing.size() == 1 ? tr("Needs %1: the SQL user \"%2\" lacks this privilege.")
                                : tr("Needs %1: the SQL user \"%2\" lacks these privileges."))
        .arg(parts.join(QLatin1String(", ")), m_user);
}

bool TablePrivileges::isReadOnly() const
{
    if (m_everything)
        return false;
    for (const QString &table : MovrTables) {
        for (Privilege privilege : {Privilege::Insert, Privilege::Update, Privilege::Delete}) {
            if (has(table, privilege))
                return false;
        }
    }
    return true;
}
