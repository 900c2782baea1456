#pragma once

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

class PgResult;

// One table row stored compactly: a single QByteArray holding a small header of end offsets
// and then the UTF-8 text of every cell back to back (the server's text format). A million
// rides cost little more than their CSV. Cells decode on demand. Implicitly shared, so it
// crosses threads cheaply.
class RowData
{
public:
    RowData() = default;
    // From the text of each cell; nullopt is SQL NULL.
    static RowData fromCells(const QList<std::optional<QByteArray>> &cells);
    // From raw libpq text values (nullptr is NULL).
    static RowData fromRaw(const char *const *values, const int *lengths, int count);
    // One row of a query result (its text-format bytes).
    static RowData fromResult(const PgResult &result, int row);

    int columnCount() const;
    bool isNull(int column) const;
    QString text(int column) const; // empty for NULL
    QByteArray utf8(int column) const;
    std::optional<QString> value(int column) const;
    qsizetype byteSize() const { return m_bytes.size(); }
    bool operator==(const RowData &other) const { return m_bytes == other.m_bytes; }

private:
    // [quint16 count][end offsets, high bit = NULL]… then the cell bytes (see RowData.cpp).
    QByteArray m_bytes;
    bool isWide() const;
    std::pair<quint32, bool> slot(int column) const;
    std::pair<qsizetype, qsizetype> span(int column) const;
};

// A position in a keyset ordering: the sort column's value (when sorting by a non-key
// column) followed by the primary key values, as text.
using KeyValues = QList<std::optional<QString>>;

// One QByteArray: moves by memcpy, so a list of a million rows grows by realloc instead of
// moving each row (that kept the GUI thread busy for hundreds of ms at a million rides).
Q_DECLARE_TYPEINFO(RowData, Q_RELOCATABLE_TYPE);
Q_DECLARE_METATYPE(RowData)
