#include "ChangeJson.h"

#include <QObject>

#include <cctype>

namespace {
constexpr int MaxDepth = 200;
}

// The recursive-descent reader behind ChangeJson::parse (RFC 8259).
class ChangeJsonReader
{
public:
    explicit ChangeJsonReader(const QByteArray &input) : m_in(input) {}

    Result<ChangeJson, QString> document()
    {
        ChangeJson value;
        if (!readValue(value, 0))
            return m_error;
        skipSpace();
        if (m_pos != m_in.size()) {
            fail(QObject::tr("Unexpected text after the JSON value at byte %1.").arg(m_pos));
            return m_error;
        }
        return value;
    }

private:
    bool fail(const QString &message)
    {
        if (m_error.isEmpty())
            m_error = message;
        return false;
    }
    bool failAt(const char *what)
    {
        return fail(QObject::tr("Malformed JSON at byte %1: %2.")
                        .arg(m_pos)
                        .arg(QString::fromLatin1(what)));
    }
    void skipSpace()
    {
        while (m_pos < m_in.size() && (m_in[m_pos] == ' ' || m_in[m_pos] == '\t' ||
                                       m_in[m_pos] == '\n' || m_in[m_pos] == '\r'))
            ++m_pos;
    }
    bool literal(const char *word)
    {
        const QByteArray w(word);
        if (m_in.mid(m_pos, w.size()) != w)
            return failAt("unknown literal");
        m_pos += w.size();
        return true;
    }

    bool readValue(ChangeJson &out, int depth)
    {
        if (depth > MaxDepth)
            return fail(QObject::tr("The JSON value is nested too deeply."));
        skipSpace();
        if (m_pos >= m_in.size())
            return failAt("unexpected end");
        const qsizetype start = m_pos;
        const char c = m_in[m_pos];
        bool ok = false;
        if (c == '{') {
            out.m_type = ChangeJson::Type::Object;
            ok = readObject(out, depth);
        } else if (c == '[') {
            out.m_type = ChangeJson::Type::Array;
            ok = readArray(out, depth);
        } else if (c == '"') {
            out.m_type = ChangeJson::Type::String;
            ok = readString(out.m_text);
        } else if (c == 't' || c == 'f') {
            out.m_type = ChangeJson::Type::Bool;
            ok = literal(c == 't' ? "true" : "false");
            out.m_text = c == 't' ? QStringLiteral("true") : QStringLiteral("false");
        } else if (c == 'n') {
            out.m_type = ChangeJson::Type::Null;
            ok = literal("null");
        } else if (c == '-' || (c >= '0' && c <= '9')) {
            out.m_type = ChangeJson::Type::Number;
            ok = readNumber();
            if (ok)
                out.m_text = QString::fromLatin1(m_in.mid(start, m_pos - start));
        } else {
            return failAt("unexpected character");
        }
        if (ok)
            out.m_raw = m_in.mid(start, m_pos - start);
        return ok;
    }

    bool readObject(ChangeJson &out, int depth)
    {
        ++m_pos; // {
        skipSpace();
        if (m_pos < m_in.size() && m_in[m_pos] == '}') {
            ++m_pos;
            return true;
        }
        for (;;) {
            skipSpace();
            if (m_pos >= m_in.size() || m_in[m_pos] != '"')
                return failAt("expected a member name");
            QString name;
            if (!readString(name))
                return false;
            skipSpace();
            if (m_pos >= m_in.size() || m_in[m_pos] != ':')
                return failAt("expected ':'");
            ++m_pos;
            ChangeJson value;
            if (!readValue(value, depth + 1))
                return false;
            out.m_members.append({name, std::move(value)});
            skipSpace();
            if (m_pos < m_in.size() && m_in[m_pos] == ',') {
                ++m_pos;
                continue;
            }
            if (m_pos < m_in.size() && m_in[m_pos] == '}') {
                ++m_pos;
                return true;
            }
            return failAt("expected ',' or '}'");
        }
    }

    bool readArray(ChangeJson &out, int depth)
    {
        ++m_pos; // [
        skipSpace();
        if (m_pos < m_in.size() && m_in[m_pos] == ']') {
            ++m_pos;
            return true;
        }
        for (;;) {
            ChangeJson value;
            if (!readValue(value, depth + 1))
                return false;
            out.m_items.append(std::move(value));
            skipSpace();
            if (m_pos < m_in.size() && m_in[m_pos] == ',') {
                ++m_pos;
                continue;
            }
            if (m_pos < m_in.size() && m_in[m_pos] == ']') {
                ++m_pos;
                return true;
            }
            return failAt("expected ',' or ']'");
        }
    }

    bool readDigits()
    {
        const qsizetype start = m_pos;
        while (m_pos < m_in.size() && m_in[m_pos] >= '0' && m_in[m_pos] <= '9')
            ++m_pos;
        return m_pos > start || failAt("expected a digit");
    }

    bool readNumber()
    {
        if (m_in[m_pos] == '-')
            ++m_pos;
        if (m_pos < m_in.size() && m_in[m_pos] == '0') {
            ++m_pos;
        } else if (!readDigits()) {
            return false;
        }
        if (m_pos < m_in.size() && m_in[m_pos] == '.') {
            ++m_pos;
            if (!readDigits())
                return false;
        }
        if (m_pos < m_in.size() && (m_in[m_pos] == 'e' || m_in[m_pos] == 'E')) {
            ++m_pos;
            if (m_pos < m_in.size() && (m_in[m_pos] == '+' || m_in[m_pos] == '-'))
                ++m_pos;
            if (!readDigits())
                return false;
        }
        return true;
    }

    bool readHex4(char16_t &unit)
    {
        if (m_pos + 4 > m_in.size())
            return failAt("short \\u escape");
        bool ok = false;
        const uint value = m_in.mid(m_pos, 4).toUInt(&ok, 16);
        const QByteArray digits = m_in.mid(m_pos, 4);
        for (char d : digits) {
            if (!std::isxdigit(static_cast<unsigned char>(d)))
                ok = false;
        }
        if (!ok)
            return failAt("bad \\u escape");
        m_pos += 4;
        unit = char16_t(value);
        return true;
    }

    bool readString(QString &out)
    {
        ++m_pos; // "
        QByteArray utf8;
        for (;;) {
            if (m_pos >= m_in.size())
                return failAt("unterminated string");
            const char c = m_in[m_pos];
            if (c == '"') {
                ++m_pos;
                out += QString::fromUtf8(utf8);
                return true;
            }
            if (static_cast<unsigned char>(c) < 0x20)
                return failAt("control character in a string");
            if (c != '\\') {
                utf8 += c;
                ++m_pos;
                continue;
            }
            if (++m_pos >= m_in.size())
                return failAt("unterminated escape");
            const char e = m_in[m_pos++];
            switch (e) {
            case '"':
                utf8 += '"';
                break;
            case '\\':
                utf8 += '\\';
                break;
            case '/':
                utf8 += '/';
                break;
            case 'b':
                utf8 += '\b';
                break;
            case 'f':
                utf8 += '\f';
                break;
            case 'n':
                utf8 += '\n';
                break;
            case 'r':
                utf8 += '\r';
                break;
            case 't':
                utf8 += '\t';
                break;
            case 'u': {
                char16_t unit = 0;
                if (!readHex4(unit))
                    return false;
                QString decoded{QChar(unit)};
                if (QChar::isHighSurrogate(unit) && m_in.mid(m_pos, 2) == "\\u") {
                    m_pos += 2;
                    char16_t low = 0;
                    if (!readHex4(low))
                        return false;
                    if (!QChar::isLowSurrogate(low))
                        return failAt("unpaired surrogate");
                    decoded += QChar(low);
                } else if (QChar::isSurrogate(unit)) {
                    return failAt("unpaired surrogate");
                }
                utf8 += decoded.toUtf8();
                break;
            }
            default:
                return failAt("unknown escape");
            }
        }
    }

    const QByteArray &m_in;
    qsizetype m_pos = 0;
    QString m_error;
};

Result<ChangeJson, QString> ChangeJson::parse(const QByteArray &utf8)
{
    return ChangeJsonReader(utf8).document();
}

const ChangeJson *ChangeJson::member(const QString &name) const
{
    for (const auto &[key, value] : m_members) {
        if (key == name)
            return &value;
    }
    return nullptr;
}
