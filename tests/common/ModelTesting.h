#pragma once

class BrowseTableModel;

namespace ModelTesting {

// Fetches pages until the model is at its end (bounded: 1000 pages, 20 s per page); false
// on an error state or a timeout.
bool fetchAll(BrowseTableModel &model);

} // namespace ModelTesting
