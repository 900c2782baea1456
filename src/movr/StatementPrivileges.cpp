#include "StatementPrivileges.h"

#include <QSet>

namespace {

// A token, or a parenthesized group holding its own tokens.
struct Node
{
    enum class Kind { Word, QuotedName, Literal, Punctuation, Group };
    Kind kind = Kind::Punctuation;
    QString text; // words lowercased; quoted names as written
    QList<Node> children;

    bool isWord(QLatin1String word) const { return kind == Kind::Word && text == word; }
    bool isName() const { return kind == Kind::Word || kind == Kind::QuotedName; }
    bool isPunctuation(QChar c) const
    {
        return kind == Kind::Punctuation && text.size() == 1 && text.at(0) == c;
    }
};

class Tokenizer
{
public:
    explicit Tokenizer(const QString &sql) : m_sql(sql) {}

    // The whole text as one group; an unbalanced ')' closes nothing and is skipped.
    QList<Node> parse()
    {
        QList<Node> top = group();
        while (m_pos < m_sql.size()) {
            ++m_pos; // a stray ')'
            top.append(group());
        }
        return top;
    }

private:
    QList<Node> group()
    {
        QList<Node> nodes;
        while (m_pos < m_sql.size()) {
            const QChar c = m_sql.at(m_pos);
            const QChar next = m_pos + 1 < m_sql.size() ? m_sql.at(m_pos + 1) : QChar();
            if (c.isSpace()) {
                ++m_pos;
            } else if (c == u'-' && next == u'-') {
                while (m_pos < m_sql.size() && m_sql.at(m_pos) != u'\n')
                    ++m_pos;
            } else if (c == u'/' && next == u'*') {
                const qsizetype end = m_sql.indexOf(QLatin1String("*/"), m_pos + 2);
                m_pos = end < 0 ? m_sql.size() : end + 2;
            } else if (c == u'(') {
                ++m_pos;
                Node node;
                node.kind = Node::Kind::Group;
                node.children = group();
                nodes.append(node);
            } else if (c == u')') {
                ++m_pos;
                return nodes;
            } else if (c == u'\'' || c == u'"') {
                nodes.append(quoted(c));
            } else if (c.isLetter() || c == u'_') {
                const qsizetype start = m_pos;
                while (m_pos < m_sql.size() && (m_sql.at(m_pos).isLetterOrNumber() ||
                                                m_sql.at(m_pos) == u'_' || m_sql.at(m_pos) == u'$'))
                    ++m_pos;
                nodes.append({Node::Kind::Word, m_sql.mid(start, m_pos - start).toLower(), {}});
            } else if (c.isDigit() || (c == u'$' && next.isDigit())) {
                const qsizetype start = m_pos++;
                while (m_pos < m_sql.size() &&
                       (m_sql.at(m_pos).isLetterOrNumber() || m_sql.at(m_pos) == u'.'))
                    ++m_pos;
                nodes.append({Node::Kind::Literal, m_sql.mid(start, m_pos - start), {}});
            } else {
                ++m_pos;
                nodes.append({Node::Kind::Punctuation, QString(c), {}});
            }
        }
        return nodes;
    }

    Node quoted(QChar quote)
    {
        QString text;
        ++m_pos;
        while (m_pos < m_sql.size()) {
            const QChar c = m_sql.at(m_pos++);
            if (c == quote) {
                if (m_pos < m_sql.size() && m_sql.at(m_pos) == quote) {
                    text += quote;
                    ++m_pos;
                    continue;
                }
                break;
            }
            text += c;
        }
        return {quote == u'"' ? Node::Kind::QuotedName : Node::Kind::Literal, text, {}};
    }

    const QString &m_sql;
    qsizetype m_pos = 0;
};

// Words that end a FROM list (or an item's alias) at the same nesting level.
bool endsFromList(const Node &node)
{
    static const QSet<QString> words{
        QStringLiteral("where"),     QStringLiteral("group"),     QStringLiteral("having"),
        QStringLiteral("window"),    QStringLiteral("order"),     QStringLiteral("limit"),
        QStringLiteral("offset"),    QStringLiteral("fetch"),     QStringLiteral("for"),
        QStringLiteral("union"),     QStringLiteral("intersect"), QStringLiteral("except"),
        QStringLiteral("returning"), QStringLiteral("set"),       QStringLiteral("select"),
        QStringLiteral("values"),    QStringLiteral("on"),        QStringLiteral("using"),
        QStringLiteral("insert"),    QStringLiteral("update"),    QStringLiteral("delete")};
    return node.kind == Node::Kind::Word && words.contains(node.text);
}

class Analyzer
{
public:
    QList<PrivilegeUse> uses;

    void level(const QList<Node> &nodes, QSet<QString> boundNames)
    {
        collectBoundNames(nodes, boundNames);
        enum class Verb { None, Insert, Update, Delete };
        Verb verb = Verb::None;
        QString target;
        bool seenSelect = false;
        bool hasWhere = false;
        bool hasReturning = false;
        bool onConflict = false;
        bool conflictTarget = false; // ON CONFLICT (columns) or ON CONFLICT ON CONSTRAINT name
        bool conflictUpdate = false;
        bool locks = false;
        QStringList lockedNames; // after FOR … OF
        struct Read
        {
            QString table;
            QString alias;
        };
        QList<Read> reads;
        bool inFromList = false;
        bool atItemStart = false;
        bool inJoinCondition = false; // after JOIN … ON / USING: a ',' starts a new item
        bool inLockList = false;

        const auto wordAt = [&](qsizetype index, QLatin1String word) {
            return index >= 0 && index < nodes.size() && nodes.at(index).isWord(word);
        };
        // The table named at `index` (skipping a schema qualifier); moves `index` past it.
        const auto tableName = [&](qsizetype &index) -> QString {
            while (index < nodes.size() && (nodes.at(index).isWord(QLatin1String("only")) ||
                                            nodes.at(index).isWord(QLatin1String("lateral"))))
                ++index;
            if (index >= nodes.size() || !nodes.at(index).isName())
                return {};
            if (index + 2 < nodes.size() && nodes.at(index + 1).isPunctuation(u'.') &&
                nodes.at(index + 2).isName())
                index += 2;
            return nodes.at(index).text;
        };

        for (qsizetype i = 0; i < nodes.size(); ++i) {
            const Node &node = nodes.at(i);
            if (node.kind == Node::Kind::Group) {
                level(node.children, boundNames);
                atItemStart = false;
                continue;
            }
            if (inLockList) {
                if (node.isName() && !endsFromList(node) && !node.isWord(QLatin1String("nowait")))
                    lockedNames.append(node.text);
                else if (!node.isPunctuation(u','))
                    inLockList = false;
                if (inLockList)
                    continue;
            }
            if (node.isPunctuation(u',')) {
                if (inFromList || inJoinCondition) {
                    inFromList = true;
                    atItemStart = true;
                    inJoinCondition = false;
                }
                continue;
            }
            if (node.kind != Node::Kind::Word) {
                if (inFromList && atItemStart && node.kind == Node::Kind::QuotedName)
                    readItem(nodes, i, boundNames, reads, tableName);
                atItemStart = false;
                continue;
            }
            const QString &word = node.text;
            if (word == u"select") {
                seenSelect = true;
                inFromList = false;
            } else if (word == u"insert" && wordAt(i + 1, QLatin1String("into"))) {
                i += 2;
                target = tableName(i);
                verb = Verb::Insert;
                add(target, Privilege::Insert, PrivilegeUse::Reason::Inserts, boundNames);
                inFromList = false;
            } else if (word == u"update" && wordAt(i - 1, QLatin1String("do"))) {
                conflictUpdate = true;
            } else if ((word == u"update" || word == u"share") &&
                       (wordAt(i - 1, QLatin1String("for")) ||
                        wordAt(i - 1, QLatin1String("key")))) {
                // FOR UPDATE, FOR NO KEY UPDATE, FOR SHARE, FOR KEY SHARE [OF tables]
                locks = true;
                inFromList = false;
                if (wordAt(i + 1, QLatin1String("of"))) {
                    ++i;
                    inLockList = true;
                }
            } else if (word == u"update") {
                ++i;
                target = tableName(i);
                verb = Verb::Update;
                add(target, Privilege::Update, PrivilegeUse::Reason::Updates, boundNames);
                inFromList = false;
            } else if (word == u"delete" && wordAt(i + 1, QLatin1String("from"))) {
                i += 2;
                target = tableName(i);
                verb = Verb::Delete;
                add(target, Privilege::Delete, PrivilegeUse::Reason::Deletes, boundNames);
                inFromList = false;
            } else if (word == u"from" && !wordAt(i - 1, QLatin1String("distinct")) &&
                       (seenSelect || verb == Verb::Update)) {
                inFromList = true;
                atItemStart = true;
            } else if (word == u"join" ||
                       (word == u"using" && verb == Verb::Delete && !inFromList && !seenSelect)) {
                inFromList = true;
                atItemStart = true;
            } else if (word == u"on" && verb == Verb::Insert &&
                       wordAt(i + 1, QLatin1String("conflict"))) {
                onConflict = true;
                conflictTarget =
                    i + 2 < nodes.size() && (nodes.at(i + 2).kind == Node::Kind::Group ||
                                             nodes.at(i + 2).isWord(QLatin1String("on")));
                inFromList = false; // INSERT … SELECT … FROM x ON CONFLICT
                inJoinCondition = false;
            } else if ((word == u"on" || word == u"using") && inFromList) {
                inFromList = false;
                inJoinCondition = true;
            } else if (endsFromList(node)) {
                inFromList = false;
                inJoinCondition = false;
                if (word == u"where")
                    hasWhere = true;
                else if (word == u"returning")
                    hasReturning = true;
            } else if (inFromList && atItemStart) {
                readItem(nodes, i, boundNames, reads, tableName);
                atItemStart = false;
                continue;
            }
            atItemStart = inFromList && (word == u"join" || word == u"from" || word == u"using");
        }

        if (locks) {
            for (const Read &read : reads) {
                if (lockedNames.isEmpty() || lockedNames.contains(read.table) ||
                    lockedNames.contains(read.alias))
                    add(read.table, Privilege::Update, PrivilegeUse::Reason::Locks, boundNames);
            }
        }
        if (verb == Verb::Update || verb == Verb::Delete) {
            add(target, Privilege::Select,
                hasWhere       ? PrivilegeUse::Reason::FindsRows
                : hasReturning ? PrivilegeUse::Reason::Returns
                               : PrivilegeUse::Reason::CockroachDbRule,
                boundNames);
        } else if (verb == Verb::Insert) {
            // PostgreSQL reads the conflict target's columns (and DO UPDATE's); a bare ON
            // CONFLICT DO NOTHING reads nothing there, but CockroachDB asks SELECT for it.
            if (onConflict && (conflictTarget || conflictUpdate))
                add(target, Privilege::Select, PrivilegeUse::Reason::ResolvesConflict, boundNames);
            else if (onConflict)
                add(target, Privilege::Select, PrivilegeUse::Reason::CockroachDbRule, boundNames);
            else if (hasReturning)
                add(target, Privilege::Select, PrivilegeUse::Reason::Returns, boundNames);
            if (conflictUpdate)
                add(target, Privilege::Update, PrivilegeUse::Reason::Updates, boundNames);
        }
    }

private:
    // WITH name [(columns)] AS [NOT] [MATERIALIZED] (…): `name` is no table from here on.
    static void collectBoundNames(const QList<Node> &nodes, QSet<QString> &names)
    {
        for (qsizetype i = 1; i < nodes.size(); ++i) {
            const Node &previous = nodes.at(i - 1);
            if (!nodes.at(i).isName() ||
                !(previous.isWord(QLatin1String("with")) ||
                  previous.isWord(QLatin1String("recursive")) || previous.isPunctuation(u',')))
                continue;
            qsizetype next = i + 1;
            if (next < nodes.size() && nodes.at(next).kind == Node::Kind::Group)
                ++next;
            if (next >= nodes.size() || !nodes.at(next).isWord(QLatin1String("as")))
                continue;
            ++next;
            while (next < nodes.size() && (nodes.at(next).isWord(QLatin1String("not")) ||
                                           nodes.at(next).isWord(QLatin1String("materialized"))))
                ++next;
            if (next < nodes.size() && nodes.at(next).kind == Node::Kind::Group)
                names.insert(nodes.at(i).text);
        }
    }

    template <typename Reads, typename TableName>
    void readItem(const QList<Node> &nodes, qsizetype &i, const QSet<QString> &boundNames,
                  Reads &reads, TableName tableName)
    {
        qsizetype index = i;
        const QString table = tableName(index);
        // A function in FROM (unnest(…)) is no table.
        if (table.isEmpty() ||
            (index + 1 < nodes.size() && nodes.at(index + 1).kind == Node::Kind::Group))
            return;
        QString alias = table;
        qsizetype after = index + 1;
        if (after < nodes.size() && nodes.at(after).isWord(QLatin1String("as")))
            ++after;
        if (after < nodes.size() && nodes.at(after).isName() && !endsFromList(nodes.at(after)) &&
            !nodes.at(after).text.endsWith(QLatin1String("join")))
            alias = nodes.at(after).text;
        i = index;
        if (boundNames.contains(table))
            return;
        reads.append({table, alias});
        add(table, Privilege::Select, PrivilegeUse::Reason::Reads, boundNames);
    }

    void add(const QString &table, Privilege privilege, PrivilegeUse::Reason reason,
             const QSet<QString> &boundNames)
    {
        if (table.isEmpty() || boundNames.contains(table))
            return;
        for (PrivilegeUse &use : uses) {
            if (use.requirement.table == table && use.requirement.privilege == privilege) {
                // A reason PostgreSQL shares wins over a CockroachDB-only one.
                if (!use.neededOnPostgres())
                    use.reason = reason;
                return;
            }
        }
        uses.append({{table, privilege}, reason});
    }
};

} // namespace

QList<PrivilegeUse> StatementPrivileges::analyze(const QString &sql)
{
    Analyzer analyzer;
    analyzer.level(Tokenizer(sql).parse(), {});
    return analyzer.uses;
}

QString PrivilegeUse::describe() const
{
    static const char *const reasons[] = {
        "reads it",         "locks its rows",      "inserts into it",
        "updates it",       "deletes from it",     "finds the rows to write (WHERE)",
        "returns the rows", "resolves a conflict", "CockroachDB asks SELECT with a write"};
    return QStringLiteral("%1 on %2 (%3)")
        .arg(TablePrivileges::privilegeName(requirement.privilege), requirement.table,
             QLatin1String(reasons[int(reason)]));
}
