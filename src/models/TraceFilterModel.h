#pragma once

#include "TraceModel.h"

#include <QSortFilterProxyModel>

// Filters the trace by action: everything, edits only (no browse reads), by outcome
// (committed edits, refused, failed, unknown, not sent), or the actions that retried.
// Retries are their own filter: an action that committed after a retry is no failure.
// Beside it, the source filter: all sources, or only the user's edits, the workload or reads.
class TraceFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    enum class Filter {
        Everything,
        EditsOnly,
        FailuresOnly,
        CommittedOnly,
        RefusedOnly,
        UnknownOnly,
        NotSentOnly,
        RetriesOnly
    };
    Q_ENUM(Filter)
    enum class SourceFilter { AllSources, MyEdits, Workload, Reads };
    Q_ENUM(SourceFilter)

    explicit TraceFilterModel(QObject *parent = nullptr);
    void setFilter(Filter filter);
    Filter filter() const { return m_filter; }
    void setSourceFilter(SourceFilter filter);
    SourceFilter sourceFilter() const { return m_sourceFilter; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    bool sourceAccepts(const QModelIndex &action) const;
    bool outcomeAccepts(const QModelIndex &action) const;

    Filter m_filter = Filter::Everything;
    SourceFilter m_sourceFilter = SourceFilter::AllSources;
};
