#include "PgConnection.h"

#include "ConnectionDiagnosis.h"

#include <QCoreApplication>

#include <vector>

PgResult::PgResult(PGresult *result) : m_result(result, &PQclear) {}

ExecStatusType PgResult::status() const
{
    return m_result ? PQresultStatus(m_result.get()) : PGRES_FATAL_ERROR;
}

int PgResult::rowCount() const
{
    return m_result ? PQntuples(m_result.get()) : 0;
}
int PgResult::columnCount() const
{
    return m_result ? PQnfields(m_result.get()) : 0;
}

QString PgResult::columnName(int column) const
{
    return QString::fromUtf8(PQfname(m_result.get(), column));
}

int PgResult::columnIndex(const char *name) const
{
    return PQfnumber(m_result.get(), name);
}

bool PgResult::isNull(int row, int column) const
{
    return PQgetisnull(m_result.get(), row, column) != 0;
}

QString PgResult::text(int row, int column) const
{
    return QString::fromUtf8(PQgetvalue(m_result.get(), row, column),
                             PQgetlength(m_result.get(), row, column));
}

const char *PgResult::rawText(int row, int column) const
{
    return isNull(row, column) ? nullptr : PQgetvalue(m_result.get(), row, column);
}

int PgResult::rawLength(int row, int column) const
{
    return PQgetlength(m_result.get(), row, column);
}

SqlValue PgResult::value(int row, int column) const
{
    if (isNull(row, column))
        return std::nullopt;
    return text(row, column);
}

qint64 PgResult::affectedRows() const
{
    if (!m_result)
        return 0;
    if (PQresultStatus(m_result.get()) == PGRES_TUPLES_OK)
        return PQntuples(m_result.get());
    const char *count = PQcmdTuples(m_result.get());
    return count && *count ? QByteArray(count).toLongLong() : 0;
}

CancelHandle::CancelHandle(PGconn *connection)
{
    if (PGcancel *cancel = PQgetCancel(connection))
        m_cancel.reset(cancel, &PQfreeCancel);
}

QString CancelHandle::cancel() const
{
    if (!m_cancel)
        return QCoreApplication::translate("PgConnection", "no connection to cancel");
    char buffer[256] = {};
    if (PQcancel(m_cancel.get(), buffer, sizeof buffer))
        return {};
    return QString::fromUtf8(buffer);
}

PgConnection::PgConnection(PGconn *connection, ConnectionSettings settings)
    : m_connection(connection), m_settings(std::move(settings))
{}

PgConnection::~PgConnection()
{
    PQfinish(m_connection);
}

namespace {

// The value libpq uses for `keyword` on this connection (given, defaulted or from the
// environment).
QString optionInUse(PGconn *connection, const char *keyword)
{
    QString value;
    PQconninfoOption *options = PQconninfo(connection);
    for (PQconninfoOption *option = options; option && option->keyword; ++option) {
        if (qstrcmp(option->keyword, keyword) == 0 && option->val)
            value = QString::fromUtf8(option->val);
    }
    PQconninfoFree(options);
    return value;
}

} // namespace

Result<std::unique_ptr<PgConnection>> PgConnection::open(const ConnectionSettings &settings)
{
    const auto pairs = settings.libpqKeywords();
    std::vector<const char *> keywords;
    std::vector<const char *> values;
    for (const auto &[key, value] : pairs) {
        keywords.push_back(key.constData());
        values.push_back(value.constData());
    }
    keywords.push_back(nullptr);
    values.push_back(nullptr);

    PGconn *raw = PQconnectdbParams(keywords.data(), values.data(), 0);
    if (!raw || PQstatus(raw) != CONNECTION_OK) {
        DbError error = DbError::fromConnection(raw);
        PQfinish(raw);
        error.connectFailure = ConnectionDiagnosis::diagnose(settings, error.message);
        if (error.connectFailure != ConnectFailure::Other) {
            // The precise reason first; libpq's own words stay in the detail.
            error.detail = error.message;
            error.message = ConnectionDiagnosis::describe(error.connectFailure, settings);
        }
        return error;
    }
    std::unique_ptr<PgConnection> connection(new PgConnection(raw, settings));
    auto probe = connection->exec(
        QStringLiteral("SELECT version(), current_database(), current_user, pg_backend_pid()"));
    if (!probe) {
        // CockroachDB has pg_backend_pid() too, but be lenient about it.
        probe = connection->exec(
            QStringLiteral("SELECT version(), current_database(), current_user, 0"));
        if (!probe)
            return probe.error();
    }
    ServerInfo &info = connection->m_info;
    info.versionString = probe->text(0, 0);
    info.flavor = ServerInfo::flavorFromVersion(info.versionString);
    info.version = ServerInfo::shortVersion(info.versionString);
    info.database = probe->text(0, 1);
    info.user = probe->text(0, 2);
    info.backendPid = probe->text(0, 3).toInt();
    info.tls = PQsslInUse(raw) == 1;
    if (info.tls) {
        info.tlsProtocol = QString::fromUtf8(PQsslAttribute(raw, "protocol"));
        // The sslmode libpq used (a default, a service file or the environment included).
        const QString mode = optionInUse(raw, "sslmode");
        info.verification = mode == u"verify-full" ? ServerInfo::Verification::CertificateAndHost
                            : mode == u"verify-ca" ? ServerInfo::Verification::Certificate
                                                   : ServerInfo::Verification::None;
    }
    return connection;
}

ParamValues::ParamValues(const SqlParams &params)
{
    m_storage.reserve(size_t(params.size()));
    m_values.reserve(size_t(params.size()));
    for (const SqlValue &param : params) {
        if (param) {
            if (param->contains(QChar(u'\0')) && !m_error) {
                m_error = DbError::make(
                    ErrorClass::InvalidInput,
                    QCoreApplication::translate("PgConnection",
                                                "A value contains a NUL character (U+0000), which "
                                                "PostgreSQL text cannot hold; nothing was sent."));
            }
            m_storage.push_back(param->toUtf8());
            m_values.push_back(m_storage.back().constData());
        } else {
            m_values.push_back(nullptr);
        }
    }
}

Result<PgResult> PgConnection::exec(const QString &sql, const SqlParams &params)
{
    const QByteArray query = sql.toUtf8();
    const ParamValues values(params);
    if (values.error())
        return *values.error();
    PgResult result(PQexecParams(m_connection, query.constData(), values.count(), nullptr,
                                 values.values(), nullptr, nullptr, 0));
    const ExecStatusType status = result.status();
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
        return result;
    return DbError::fromResult(result.get(), m_connection);
}

Status PgConnection::execScript(const QString &sql)
{
    const QByteArray text = sql.toUtf8();
    if (PQsendQuery(m_connection, text.constData()) == 0)
        return DbError::fromConnection(m_connection);
    std::optional<DbError> failure;
    while (PGresult *raw = PQgetResult(m_connection)) {
        PgResult result(raw);
        const ExecStatusType status = result.status();
        if (!failure && status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK &&
            status != PGRES_EMPTY_QUERY)
            failure = DbError::fromResult(raw, m_connection);
    }
    if (failure)
        return *failure;
    if (isBroken())
        return DbError::fromConnection(m_connection);
    return Ok{};
}

QString PgConnection::quoteLiteral(const QString &text)
{
    QString quoted = text;
    quoted.replace(QLatin1Char('\''), QLatin1String("''"));
    if (quoted.contains(QLatin1Char('\\'))) {
        quoted.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
        return QLatin1String("E'") + quoted + QLatin1Char('\'');
    }
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

QString PgConnection::quoteIdentifier(const QString &name)
{
    QString quoted = name;
    quoted.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}
