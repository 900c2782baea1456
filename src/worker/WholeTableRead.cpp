#include "WholeTableRead.h"

#include "SearchCondition.h"
#include "movr/BrowseIndexes.h"
#include "movr/SearchIndexes.h"

#include <QStringList>

namespace WholeTableRead {

namespace {

// The statements that would let an index answer the search, when none does.
QString missingSearchIndex(const TableSpec &spec, const PageRequest &request,
                           const QSet<QString> &trigramColumns, ServerFlavor flavor)
{
    if (!SearchCondition::readsTextInAllCities(spec, request.filter.search,
                                               !request.filter.cities.isEmpty()))
        return {};
    QStringList scripts;
    for (int column : spec.containsColumns) {
        const QString &name = spec.columns.at(column).name;
        if (trigramColumns.contains(spec.sqlName + QLatin1Char('.') + name))
            continue;
        if (const SearchIndexes::Index *index = SearchIndexes::find(spec.sqlName, name))
            scripts.append(SearchIndexes::script(*index, flavor));
    }
    return scripts.join(QLatin1Char('\n'));
}

// The statements that would let an index answer the filters, when none of them is
// answered (one selective filter with its index is enough).
QString missingFilterIndex(const TableSpec &spec, const BrowseFilter &filter,
                           const QSet<QString> &present)
{
    QList<BrowseIndexes::Filter> wanted;
    if (!filter.status.isEmpty() && spec.statusColumn >= 0)
        wanted.append(BrowseIndexes::Filter::Status);
    if (filter.activeOnly && spec.activeColumn >= 0)
        wanted.append(BrowseIndexes::Filter::Active);
    if ((filter.from.isValid() || filter.to.isValid()) && spec.timeColumn >= 0)
        wanted.append(BrowseIndexes::Filter::TimeRange);
    QStringList scripts;
    for (BrowseIndexes::Filter kind : wanted) {
        const BrowseIndexes::Index *index = BrowseIndexes::find(spec.sqlName, kind);
        if (!index)
            continue; // a small table: no index of ours for it
        if (present.contains(index->name))
            return {};
        scripts.append(BrowseIndexes::script(*index));
    }
    return scripts.join(QLatin1Char('\n'));
}

} // namespace

Verdict of(const PageRequest &request, const DetectedIndexes &indexes, ServerFlavor flavor)
{
    return of(TableSpec::of(request.table), request, indexes, flavor);
}

Verdict of(const TableSpec &spec, const PageRequest &request, const DetectedIndexes &indexes,
           ServerFlavor flavor)
{
    if (request.kind != PageRequest::Kind::Page)
        return {};
    if (const QString script = missingSearchIndex(spec, request, indexes.trigramColumns, flavor);
        !script.isEmpty())
        return {WholeTableReason::Search, script};
    // A scope of cities, or rows related to one entity (the details pane): a key range.
    const bool allCities = request.filter.cities.isEmpty() && request.filter.equals.isEmpty();
    // The catalog's key (the id alone in the multi-region shape) answers a sort by its first
    // column.
    if (!allCities || spec.cityColumn < 0 || spec.orderKeyColumns.isEmpty())
        return {};
    if (request.sort.column >= 0 && request.sort.column != spec.orderKeyColumns.first())
        return {WholeTableReason::Sort, {}};
    if (const QString script = missingFilterIndex(spec, request.filter, indexes.browseIndexes);
        !script.isEmpty())
        return {WholeTableReason::Filter, script};
    return {};
}

} // namespace WholeTableRead
