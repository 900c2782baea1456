#include "DbError.h"

ErrorClass DbError::classify(const QString &sqlState)
{
    if (sqlState == u"40001" || sqlState == u"40P01")
        return ErrorClass::Retryable;
    if (sqlState == u"40003")
        return ErrorClass::Ambiguous;
    if (sqlState == u"57014")
        return ErrorClass::Canceled;
    if (sqlState == u"42501")
        return ErrorClass::Permission;
    if (sqlState.startsWith(u"23"))
        return ErrorClass::Constraint;
    if (sqlState.startsWith(u"08") || sqlState == u"57P01" || sqlState == u"57P02" ||
        sqlState == u"57P03")
        return ErrorClass::Connection;
    if (sqlState.startsWith(u"22"))
        return ErrorClass::InvalidInput;
    return ErrorClass::Other;
}

DbError DbError::make(ErrorClass kind, const QString &message, const QString &sqlState)
{
    DbError error;
    error.kind = kind;
    error.message = message;
    error.sqlState = sqlState;
    return error;
}

static QString field(const PGresult *result, int code)
{
    const char *value = PQresultErrorField(result, code);
    return value ? QString::fromUtf8(value).trimmed() : QString();
}

DbError DbError::fromResult(const PGresult *result, const PGconn *connection)
{
    if (!result)
        return fromConnection(connection);
    DbError error;
    error.sqlState = field(result, PG_DIAG_SQLSTATE);
    error.message = field(result, PG_DIAG_MESSAGE_PRIMARY);
    error.detail = field(result, PG_DIAG_MESSAGE_DETAIL);
    error.hint = field(result, PG_DIAG_MESSAGE_HINT);
    error.constraint = field(result, PG_DIAG_CONSTRAINT_NAME);
    error.table = field(result, PG_DIAG_TABLE_NAME);
    if (error.message.isEmpty())
        error.message = QString::fromUtf8(PQresultErrorMessage(result)).trimmed();
    if (error.sqlState.isEmpty()) {
        // libpq reports a broken connection as a result without SQLSTATE.
        const bool broken = connection && PQstatus(connection) == CONNECTION_BAD;
        error.kind = broken ? ErrorClass::Connection : ErrorClass::Other;
        if (error.message.isEmpty() && connection)
            error.message = QString::fromUtf8(PQerrorMessage(connection)).trimmed();
    } else {
        error.kind = classify(error.sqlState);
    }
    return error;
}

DbError DbError::fromConnection(const PGconn *connection)
{
    DbError error;
    error.kind = ErrorClass::Connection;
    error.message = connection ? QString::fromUtf8(PQerrorMessage(connection)).trimmed()
                               : QStringLiteral("out of memory allocating a connection");
    // libpq messages may span lines ("connection to server ... failed: ..."); keep them,
    // but collapse to one line for display.
    error.message.replace(QLatin1Char('\n'), QLatin1String(" "));
    return error;
}

QString DbError::toString() const
{
    if (sqlState.isEmpty())
        return message;
    return QStringLiteral("%1 (SQLSTATE %2)").arg(message, sqlState);
}
