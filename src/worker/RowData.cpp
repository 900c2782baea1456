#include "RowData.h"

#include "pg/PgConnection.h"

#include <vector>

#include <cstring>

namespace {

// Header: quint16 column count (high bit: 32-bit offsets), then one end offset per column
// (its high bit marks NULL): 16-bit when the row's text is under 32 KiB, which is almost
// always, 32-bit otherwise.
constexpr quint16 WideFlag = 0x8000;
constexpr qsizetype CountSize = sizeof(quint16);

} // namespace

RowData RowData::fromRaw(const char *const *values, const int *lengths, int count)
{
    qsizetype total = 0;
    for (int i = 0; i < count; ++i) {
        if (values[i])
            total += lengths[i];
    }
    const bool wide = total >= 0x8000;
    const qsizetype offsetSize = wide ? 4 : 2;
    const qsizetype header = CountSize + qsizetype(count) * offsetSize;
    RowData row;
    row.m_bytes = QByteArray(header + total, Qt::Uninitialized);
    char *data = row.m_bytes.data();
    const quint16 countField = quint16(count) | (wide ? WideFlag : 0);
    std::memcpy(data, &countField, sizeof countField);
    quint32 end = 0;
    char *cell = data + header;
    for (int i = 0; i < count; ++i) {
        bool null = true;
        if (values[i]) {
            std::memcpy(cell + end, values[i], size_t(lengths[i]));
            end += quint32(lengths[i]);
            null = false;
        }
        char *slot = data + CountSize + qsizetype(i) * offsetSize;
        if (wide) {
            const quint32 stored = end | (null ? 0x80000000u : 0u);
            std::memcpy(slot, &stored, sizeof stored);
        } else {
            const quint16 stored = quint16(end) | (null ? quint16(0x8000) : quint16(0));
            std::memcpy(slot, &stored, sizeof stored);
        }
    }
    return row;
}

RowData RowData::fromCells(const QList<std::optional<QByteArray>> &cells)
{
    std::vector<const char *> values;
    std::vector<int> lengths;
    for (const auto &cell : cells) {
        values.push_back(cell ? cell->constData() : nullptr);
        lengths.push_back(cell ? int(cell->size()) : 0);
    }
    return fromRaw(values.data(), lengths.data(), int(cells.size()));
}

int RowData::columnCount() const
{
    if (m_bytes.size() < CountSize)
        return 0;
    quint16 count;
    std::memcpy(&count, m_bytes.constData(), sizeof count);
    return count & ~WideFlag;
}

bool RowData::isWide() const
{
    quint16 count;
    std::memcpy(&count, m_bytes.constData(), sizeof count);
    return (count & WideFlag) != 0;
}

// The stored end offset of a column and whether it is NULL.
std::pair<quint32, bool> RowData::slot(int column) const
{
    const char *data = m_bytes.constData();
    if (isWide()) {
        quint32 stored;
        std::memcpy(&stored, data + CountSize + qsizetype(column) * 4, sizeof stored);
        return {stored & 0x7fffffffu, (stored & 0x80000000u) != 0};
    }
    quint16 stored;
    std::memcpy(&stored, data + CountSize + qsizetype(column) * 2, sizeof stored);
    return {quint32(stored & 0x7fff), (stored & 0x8000) != 0};
}

std::pair<qsizetype, qsizetype> RowData::span(int column) const
{
    const int count = columnCount();
    const qsizetype header = CountSize + qsizetype(count) * (isWide() ? 4 : 2);
    const quint32 end = slot(column).first;
    const quint32 begin = column == 0 ? 0 : slot(column - 1).first;
    return {header + begin, qsizetype(end - begin)};
}

bool RowData::isNull(int column) const
{
    if (column < 0 || column >= columnCount())
        return true;
    return slot(column).second;
}
QByteArray RowData::utf8(int column) const
{
    if (isNull(column))
        return {};
    const auto [begin, length] = span(column);
    return QByteArray(m_bytes.constData() + begin, length);
}

QString RowData::text(int column) const
{
    if (isNull(column))
        return {};
    const auto [begin, length] = span(column);
    return QString::fromUtf8(m_bytes.constData() + begin, length);
}

std::optional<QString> RowData::value(int column) const
{
    if (isNull(column))
        return std::nullopt;
    return text(column);
}

RowData RowData::fromResult(const PgResult &result, int row)
{
    const int columns = result.columnCount();
    std::vector<const char *> values(static_cast<size_t>(columns));
    std::vector<int> lengths(static_cast<size_t>(columns));
    for (int c = 0; c < columns; ++c) {
        values[size_t(c)] = result.rawText(row, c); // nullptr for NULL
        lengths[size_t(c)] = values[size_t(c)] ? result.rawLength(row, c) : 0;
    }
    return fromRaw(values.data(), lengths.data(), columns);
}
