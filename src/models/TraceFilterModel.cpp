#include "TraceFilterModel.h"

TraceFilterModel::TraceFilterModel(QObject *parent) : QSortFilterProxyModel(parent)
{
    // Keep whole actions: a row passes when its action passes.
    setRecursiveFilteringEnabled(false);
}

void TraceFilterModel::setFilter(Filter filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    invalidateFilter();
}

void TraceFilterModel::setSourceFilter(SourceFilter filter)
{
    if (filter == m_sourceFilter)
        return;
    m_sourceFilter = filter;
    invalidateFilter();
}

bool TraceFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (sourceParent.isValid())
        return true; // attempts and statements follow their action
    const QModelIndex action = sourceModel()->index(sourceRow, 0);
    return sourceAccepts(action) && outcomeAccepts(action);
}

bool TraceFilterModel::sourceAccepts(const QModelIndex &action) const
{
    const auto source = TraceSource(action.data(TraceModel::SourceRole).toInt());
    switch (m_sourceFilter) {
    case SourceFilter::AllSources:
        return true;
    case SourceFilter::MyEdits:
        return source == TraceSource::Edit;
    case SourceFilter::Workload:
        return source == TraceSource::Workload;
    case SourceFilter::Reads:
        return source == TraceSource::Read;
    }
    return true;
}

bool TraceFilterModel::outcomeAccepts(const QModelIndex &action) const
{
    const auto outcome = TraceOutcome(action.data(TraceModel::OutcomeRole).toInt());
    switch (m_filter) {
    case Filter::Everything:
        return true;
    case Filter::EditsOnly:
        return !action.data(TraceModel::ReadRole).toBool();
    case Filter::RetriesOnly:
        return action.data(TraceModel::RetryRole).toBool();
    case Filter::CommittedOnly:
        return !action.data(TraceModel::ReadRole).toBool() && outcome == TraceOutcome::Committed;
    case Filter::FailuresOnly:
        return outcome == TraceOutcome::Failed;
    case Filter::RefusedOnly:
        return outcome == TraceOutcome::Refused;
    case Filter::UnknownOnly:
        return outcome == TraceOutcome::Unknown;
    case Filter::NotSentOnly:
        return outcome == TraceOutcome::NotSent;
    }
    return true;
}
