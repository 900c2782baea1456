#pragma once

// A page source for tests of the models' own logic (paging, generations, live refreshes): it
// records every request and answers only when the test calls reply(). Beside the real-server
// tests, never instead of them.

#include "models/PageSource.h"

#include <algorithm>
#include <optional>

// Records the requests; the test answers them with reply(). Never answers by itself.
class FakePageSource : public PageSource
{
public:
    quint64 newClientId() override { return m_nextClient++; }
    void submit(const PageRequest &request) override { requests.append(request); }
    void forgetClient(quint64 client) override { forgotten.append(client); }

    void reply(const Page &page) { Q_EMIT pageReady(page); }

    // The last request of this kind (the tester may have asked for more meanwhile).
    std::optional<PageRequest> last(PageRequest::Kind kind) const
    {
        for (auto it = requests.crbegin(); it != requests.crend(); ++it) {
            if (it->kind == kind)
                return *it;
        }
        return std::nullopt;
    }
    int count(PageRequest::Kind kind) const
    {
        return int(std::count_if(requests.begin(), requests.end(),
                                 [kind](const PageRequest &r) { return r.kind == kind; }));
    }

    QList<PageRequest> requests;
    QList<quint64> forgotten;

private:
    quint64 m_nextClient = 7;
};
