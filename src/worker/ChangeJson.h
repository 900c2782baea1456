#pragma once

#include "pg/Result.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <utility>

// A strict JSON reader for change streams that keeps every value exact: numbers stay the
// text the server wrote (QJsonDocument turns them into doubles, so 12.50 would read 12.5
// and a large INT8 would lose digits), and an object or array also keeps its raw text (a
// JSONB column's value arrives as nested JSON). Malformed input is an error, never a crash;
// nesting is bounded.
class ChangeJson
{
public:
    enum class Type { Null, Bool, Number, String, Array, Object };

    static Result<ChangeJson, QString> parse(const QByteArray &utf8);

    Type type() const { return m_type; }
    bool isNull() const { return m_type == Type::Null; }
    // String: the decoded string; Number: its text; Bool: "true" / "false"; Null: empty.
    const QString &text() const { return m_text; }
    // The value's JSON text as received (UTF-8, without surrounding whitespace).
    const QByteArray &raw() const { return m_raw; }
    const QList<ChangeJson> &items() const { return m_items; }                         // Array
    const QList<std::pair<QString, ChangeJson>> &members() const { return m_members; } // Object
    const ChangeJson *member(const QString &name) const; // Object; nullptr when absent

private:
    friend class ChangeJsonReader;
    Type m_type = Type::Null;
    QString m_text;
    QByteArray m_raw;
    QList<ChangeJson> m_items;
    QList<std::pair<QString, ChangeJson>> m_members;
};
