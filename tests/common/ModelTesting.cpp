#include "ModelTesting.h"

#include "models/BrowseTableModel.h"

#include <QTest>

namespace ModelTesting {

bool fetchAll(BrowseTableModel &model)
{
    for (int round = 0; round < 1000; ++round) {
        if (!QTest::qWaitFor(
                [&] {
                    return model.state() != BrowseTableModel::State::Loading && !model.isFetching();
                },
                20000))
            return false;
        if (model.state() == BrowseTableModel::State::Error)
            return false;
        if (model.atEnd())
            return true;
        if (model.canFetchMore())
            model.fetchMore();
    }
    return false;
}

} // namespace ModelTesting
