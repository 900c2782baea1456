#pragma once

// "Which city is it in": the city of a row found by id alone, for a refusal that says where
// the row is ("the vehicle is not in paris (it is in rome)").
//
// MovR keys every table by (city, id): an id without its city has no index, and a look-up by
// id alone reads the whole table. So this look-up is written for the primary key: the
// distinct cities come from the key's leading column, one index probe each (a "loose index
// scan": the smallest city, then the smallest city after it, ...), and the row is looked up
// by (city, id) in each (LATERAL: one primary key probe per city, whatever the planner thinks
// of the table's size). That is bounded by the number of cities (nine in MovR), whatever
// the size of the table. And it runs only when the row is not in the given city: the
// condition on the operation's own look-up is uncorrelated, so PostgreSQL evaluates it once
// (an InitPlan, a "One-Time Filter") and never starts the probes when the row was found
// (tests/worker/tst_plans checks both, with EXPLAIN and EXPLAIN ANALYZE). CockroachDB plans
// min() over the key's leading column as a limited scan of the primary index
// (ReplaceScalarMinMaxWithLimit, pkg/sql/opt/xform/rules/groupby.opt) and has WITH
// RECURSIVE.

#include <QString>

namespace CityLookup {

// `WITH RECURSIVE cities (name) AS (…)`: the distinct values of `cityColumn` (the leading
// column of `table`'s primary key), one index probe each, ending with a NULL row. A
// statement follows it that reads `cities`.
QString distinctCities(const QString &table, const QString &cityColumn);

// A scalar subquery (in parentheses): the city of the row of `table` whose id is parameter
// $`idParam` in a city other than parameter $`cityParam`, or NULL. Evaluated only when the
// CTE `foundCte` of the same statement is empty. `table` is a MovR table whose primary key
// is (city, id).
QString otherCity(const char *table, int idParam, int cityParam, const char *foundCte);

} // namespace CityLookup
