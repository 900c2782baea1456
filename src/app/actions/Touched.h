#pragma once

#include "worker/RowData.h"
#include "worker/TableSpec.h"

#include <QList>
#include <QPair>

// What an edit touches: rows to read again, and tables to reload (inserts), once it is done.
struct Touched
{
    QList<QPair<BrowseTable, KeyValues>> rows;
    QList<BrowseTable> reload;
};
