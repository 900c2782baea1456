#pragma once

// The search box's condition on a browse query, written so that an index answers it.
//
// The search text means "the id starts with this" on the table's id columns (a UUID range,
// which the primary key answers) and "contains this, ignoring case" on its text columns
// (ILIKE '%text%', which a trigram index answers: pg_trgm's gin_trgm_ops on PostgreSQL, a
// trigram inverted index on CockroachDB; strpos() or lower() would not be).
//
// MovR's primary keys start with the city. Within a scope of cities the key's city prefix
// answers every search. In all cities an id alone has no index, so the id is looked up in
// each city (the cities come from the key itself, one probe each: see movr/CityLookup.h).
// The text part in all cities is the one search MovR's own indexes cannot answer;
// movr/SearchIndexes.h names the index that makes it instant.

#include "TableSpec.h"

#include <QString>
#include <QStringList>

#include <functional>

namespace SearchCondition {

// Adds a parameter (value, cast) and returns its placeholder ("$3::uuid").
using AddParam = std::function<QString(const QString &value, const QString &type)>;

// The condition for `search` on `spec` (empty when there is nothing to search), given
// whether the query is limited to a set of cities.
QString build(const TableSpec &spec, const QString &search, bool cityScoped, const AddParam &param);

// Whether `search` on `spec` in the given scope compares text columns "contains" in every
// city: the part an index answers only where a trigram index exists.
bool readsTextInAllCities(const TableSpec &spec, const QString &search, bool cityScoped);

// The smallest and largest UUID text starting with `prefix` (lower case), or nullopt when
// no UUID's text does (a character that is not a hex digit, a hyphen out of place).
std::optional<std::pair<QString, QString>> uuidPrefixBounds(const QString &prefix);

} // namespace SearchCondition
