#include "RowData.h"

#include <cstring>

namespace {

constexpr quint32 NullBit = 0x80000000u;
constexpr qsizetype CountSize = sizeof(quint16);

quint32 readOffset(const char *data, int column)
{
    quint32 offset;
    std::memcpy(&offset, data + CountSize + qsizetype(column) * sizeof(quint32), sizeof offset);
    return offset;
}

} // namespace

RowData RowData::fromRaw(const char *const *values, const int *lengths, int count)
{
    qsizetype total = 0;
    for (int i = 0; i < count; ++i) {
        if (values[i])
            total += lengths[i];
    }
    const qsizetype header = CountSize + qsizetype(count) * qsizetype(sizeof(quint32));
    RowData row;
    row.m_bytes = QByteArray(header + total, Qt::Uninitialized);
    char *data = row.m_bytes.data();
    const quint16 count16 = quint16(count);
    std::memcpy(data, &count16, sizeof count16);
    quint32 end = 0;
    char *cell = data + header;
    for (int i = 0; i < count; ++i) {
        quint32 flags = 0;
        if (values[i]) {
            std::memcpy(cell + end, values[i], size_t(lengths[i]));
            end += quint32(lengths[i]);
        } else {
            flags = NullBit;
        }
        const quint32 stored = end | flags;
        std::memcpy(data + CountSize + qsizetype(i) * sizeof(quint32), &stored, sizeof stored);
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
    return count;
}

std::pair<qsizetype, qsizetype> RowData::span(int column) const
{
    const int count = columnCount();
    const char *data = m_bytes.constData();
    const qsizetype header = CountSize + qsizetype(count) * qsizetype(sizeof(quint32));
    const quint32 end = readOffset(data, column) & ~NullBit;
    const quint32 begin = column == 0 ? 0 : (readOffset(data, column - 1) & ~NullBit);
    return {header + begin, qsizetype(end - begin)};
}

bool RowData::isNull(int column) const
{
    if (column < 0 || column >= columnCount())
        return true;
    return (readOffset(m_bytes.constData(), column) & NullBit) != 0;
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
