#include "RowKeyIndex.h"

#include <QHashFunctions>

namespace {

quint32 combine(quint32 seed, const QByteArray &bytes)
{
    // The separator keeps ("ab", "c") and ("a", "bc") apart.
    return quint32(qHash(bytes, size_t(seed) * 31u + 0x9e3779b9u));
}

} // namespace

void RowKeyIndex::invalidate()
{
    m_valid = false;
}

quint32 RowKeyIndex::hashOfKey(const QList<QByteArray> &key)
{
    quint32 hash = 0;
    for (const QByteArray &part : key)
        hash = combine(hash, part);
    return hash;
}

quint32 RowKeyIndex::hashOfRow(const RowData &row) const
{
    quint32 hash = 0;
    for (int column : m_columns)
        hash = combine(hash, row.utf8(column));
    return hash;
}

bool RowKeyIndex::rowMatches(const RowData &row, const QList<QByteArray> &key) const
{
    for (int i = 0; i < m_columns.size(); ++i) {
        if (row.utf8(m_columns.at(i)) != key.value(i))
            return false;
    }
    return true;
}

void RowKeyIndex::place(qint32 row, quint32 hash)
{
    const size_t mask = m_slots.size() - 1;
    size_t at = hash & mask;
    while (m_slots[at].row >= 0)
        at = (at + 1) & mask;
    m_slots[at] = {row, hash};
    ++m_used;
}

void RowKeyIndex::rebuild(const QList<RowData> &rows)
{
    size_t size = 16;
    while (size < size_t(rows.size()) * 2)
        size *= 2;
    m_slots.assign(size, Slot());
    m_used = 0;
    for (qsizetype r = 0; r < rows.size(); ++r)
        place(qint32(r), hashOfRow(rows.at(r)));
    m_valid = true;
}

void RowKeyIndex::appended(const QList<RowData> &rows, qsizetype from)
{
    if (!m_valid)
        return; // built in full when next asked
    if (size_t(rows.size()) * 2 > m_slots.size()) {
        rebuild(rows);
        return;
    }
    for (qsizetype r = from; r < rows.size(); ++r)
        place(qint32(r), hashOfRow(rows.at(r)));
}

int RowKeyIndex::find(const QList<RowData> &rows, const KeyValues &key)
{
    if (rows.isEmpty())
        return -1;
    if (!m_valid || m_used != rows.size())
        rebuild(rows);
    QList<QByteArray> wanted;
    wanted.reserve(key.size());
    for (const auto &value : key)
        wanted.append(value ? value->toUtf8() : QByteArray());
    const quint32 hash = hashOfKey(wanted);
    const size_t mask = m_slots.size() - 1;
    for (size_t at = hash & mask; m_slots[at].row >= 0; at = (at + 1) & mask) {
        const Slot &slot = m_slots[at];
        if (slot.hash == hash && slot.row < rows.size() && rowMatches(rows.at(slot.row), wanted))
            return slot.row;
    }
    return -1;
}
