#pragma once

#include "pg/PgConnection.h"

// The one diagnostic row every operation statement returns (counts of what was done and of
// what was found), read by column name.
class SummaryRow
{
public:
    explicit SummaryRow(const PgResult &result) : m_result(result) {}
    bool valid() const { return m_result.rowCount() == 1; }
    QString text(const char *column) const
    {
        const int index = m_result.columnIndex(column);
        return index < 0 || m_result.rowCount() < 1 ? QString() : m_result.text(0, index);
    }
    bool isNull(const char *column) const
    {
        const int index = m_result.columnIndex(column);
        return index < 0 || m_result.rowCount() < 1 || m_result.isNull(0, index);
    }
    qint64 count(const char *column) const { return text(column).toLongLong(); }

private:
    const PgResult &m_result;
};
