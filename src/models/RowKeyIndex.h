#pragma once

#include "worker/RowData.h"

#include <QList>

#include <vector>

// Finds a loaded row by its primary key without scanning the rows: an open-addressing table
// of row numbers placed by a hash of the key cells' bytes (8 bytes a slot, at most half the
// slots used), built on the first look-up after invalidate() and extended in place as pages
// append. Hashes may collide: every candidate is compared with the row's key cells.
class RowKeyIndex
{
public:
    explicit RowKeyIndex(const QList<int> &keyColumns) : m_columns(keyColumns) {}

    // Rows were inserted or removed somewhere (row numbers moved): rebuilt when next asked.
    void invalidate();
    // rows[from..] were appended at the end; the rows before did not move.
    void appended(const QList<RowData> &rows, qsizetype from);
    // The row whose key cells equal `key` (values in key column order), or -1.
    int find(const QList<RowData> &rows, const KeyValues &key);

private:
    struct Slot
    {
        qint32 row = -1;
        quint32 hash = 0;
    };
    quint32 hashOfRow(const RowData &row) const;
    static quint32 hashOfKey(const QList<QByteArray> &key);
    bool rowMatches(const RowData &row, const QList<QByteArray> &key) const;
    void rebuild(const QList<RowData> &rows);
    void place(qint32 row, quint32 hash);

    QList<int> m_columns;
    std::vector<Slot> m_slots; // size a power of two, or empty
    qsizetype m_used = 0;
    bool m_valid = false;
};
