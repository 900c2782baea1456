#include "SearchCondition.h"

#include "BrowseQuery.h"

#include "movr/CityLookup.h"

namespace SearchCondition {

namespace {

QString containsCondition(const TableSpec &spec, int column, const QString &search,
                          const AddParam &param)
{
    return spec.quotedColumn(column) + QLatin1String(" ILIKE ") +
           param(QLatin1Char('%') + BrowseQuery::escapeLike(search) + QLatin1Char('%'), {}) +
           QLatin1String(" ESCAPE '\\'");
}

QString idCondition(const TableSpec &spec, int column, const std::pair<QString, QString> &bounds,
                    const AddParam &param)
{
    const QString name = spec.quotedColumn(column);
    if (bounds.first == bounds.second) // a whole UUID
        return name + QLatin1String(" = ") + param(bounds.first, QStringLiteral("uuid"));
    // The start of one: the ids from ...000 to ...fff, a range of the key. (Placeholders
    // are numbered in order: one statement each.)
    const QString low = param(bounds.first, QStringLiteral("uuid"));
    const QString high = param(bounds.second, QStringLiteral("uuid"));
    return name + QLatin1String(" BETWEEN ") + low + QLatin1String(" AND ") + high;
}

// The catalog's key is (city, id column, ...): the id is found by key in each city. (Not
// in the multi-region shape, whose key is the id alone: there a plain range of the key
// answers, and a look-up of the cities would read the whole table.)
bool keyedByCityThen(const TableSpec &spec, int column)
{
    return spec.cityColumn >= 0 && spec.orderKeyColumns.size() >= 2 &&
           spec.orderKeyColumns.at(0) == spec.cityColumn && spec.orderKeyColumns.at(1) == column;
}

} // namespace

std::optional<std::pair<QString, QString>> uuidPrefixBounds(const QString &prefix)
{
    static const QString smallest = QStringLiteral("00000000-0000-0000-0000-000000000000");
    static const QString largest = QStringLiteral("ffffffff-ffff-ffff-ffff-ffffffffffff");
    if (prefix.isEmpty() || prefix.size() > smallest.size())
        return std::nullopt;
    for (qsizetype i = 0; i < prefix.size(); ++i) {
        const QChar c = prefix.at(i);
        const bool hyphenPlace = smallest.at(i) == u'-';
        const bool hex = (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f');
        if (hyphenPlace ? c != u'-' : !hex)
            return std::nullopt;
    }
    return std::pair{prefix + smallest.mid(prefix.size()), prefix + largest.mid(prefix.size())};
}

bool readsTextInAllCities(const TableSpec &spec, const QString &search, bool cityScoped)
{
    return !search.trimmed().isEmpty() && !spec.containsColumns.isEmpty() && spec.cityColumn >= 0 &&
           !cityScoped;
}

QString build(const TableSpec &spec, const QString &searchText, bool cityScoped,
              const AddParam &param)
{
    const QString search = searchText.trimmed();
    if (search.isEmpty())
        return {};
    // A text that is not the start of a UUID's text (UUIDs print in lower case) matches no
    // id: no id alternative then (comparing the id as text would read every row for nothing).
    const auto bounds = uuidPrefixBounds(search.toLower());

    if (cityScoped || spec.cityColumn < 0) {
        // The scope's cities (or a small table without cities) bound the read.
        QStringList alternatives;
        if (bounds) {
            for (int column : spec.idPrefixColumns)
                alternatives.append(idCondition(spec, column, *bounds, param));
        }
        for (int column : spec.containsColumns)
            alternatives.append(containsCondition(spec, column, search, param));
        if (alternatives.isEmpty())
            return QStringLiteral("false");
        return QLatin1Char('(') + alternatives.join(QLatin1String(" OR ")) + QLatin1Char(')');
    }

    // All cities: the id is looked up by key in each city (the cities as an array the key's
    // index takes in one scan, city = ANY(...)), so that each alternative of the OR has its
    // own index and the server can combine them (a BitmapOr on PostgreSQL).
    QStringList alternatives;
    if (bounds) {
        for (int column : spec.idPrefixColumns) {
            const QString condition = idCondition(spec, column, *bounds, param);
            if (keyedByCityThen(spec, column)) {
                const QString city = spec.quotedColumn(spec.cityColumn);
                alternatives.append(QLatin1Char('(') + city + QLatin1String(" = ANY (ARRAY (") +
                                    CityLookup::distinctCities(spec.sqlName, city) +
                                    QLatin1String("    SELECT name FROM cities WHERE name IS NOT "
                                                  "NULL)) AND ") +
                                    condition + QLatin1Char(')'));
            } else {
                alternatives.append(condition);
            }
        }
    }
    for (int column : spec.containsColumns)
        alternatives.append(containsCondition(spec, column, search, param));
    if (alternatives.isEmpty())
        return QStringLiteral("false");
    return QLatin1Char('(') + alternatives.join(QLatin1String("\n OR ")) + QLatin1Char(')');
}

} // namespace SearchCondition
