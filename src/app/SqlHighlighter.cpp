#include "SqlHighlighter.h"

#include "models/SemanticColors.h"

#include <QEvent>
#include <QTextDocument>
#include <QWidget>

namespace {

enum BlockState { Normal = 0, InBlockComment = 1 };

// The widget the document belongs to: QPlainTextEdit and QTextEdit parent their document to
// their text control, which is a child of the editor.
QWidget *editorOf(QTextDocument *document)
{
    QObject *owner = document ? document->parent() : nullptr;
    while (owner && !owner->isWidgetType())
        owner = owner->parent();
    return static_cast<QWidget *>(owner);
}

} // namespace

SqlHighlighter::SqlHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document), m_editor(editorOf(document))
{
    // The editor that owns the document (QPlainTextEdit, QTextEdit) tells of palette changes.
    if (m_editor)
        m_editor->installEventFilter(this);
    QTextCharFormat keyword;
    keyword.setFontWeight(QFont::Bold);
    QTextCharFormat number;
    QTextCharFormat parameter;
    parameter.setFontWeight(QFont::Bold);
    m_commentFormat.setFontItalic(true);

    static const char *const keywords[] = {
        "ABORT",   "ALL",       "AND",     "AS",           "ASC",         "BEGIN",     "BETWEEN",
        "BY",      "CASE",      "CAST",    "COMMIT",       "CONFLICT",    "COPY",      "CREATE",
        "CROSS",   "DEFAULT",   "DELETE",  "DESC",         "DISTINCT",    "DO",        "DROP",
        "ELSE",    "END",       "ESCAPE",  "EXISTS",       "FALSE",       "FETCH",     "FIRST",
        "FOR",     "FROM",      "FULL",    "GROUP",        "HAVING",      "ILIKE",     "IN",
        "INDEX",   "INNER",     "INSERT",  "INTO",         "IS",          "ISOLATION", "JOIN",
        "KEY",     "LAST",      "LEFT",    "LEVEL",        "LIKE",        "LIMIT",     "NOT",
        "NOTHING", "NULL",      "NULLS",   "OF",           "OFFSET",      "ON",        "OR",
        "ORDER",   "OUTER",     "PRIMARY", "RELEASE",      "RETURNING",   "RIGHT",     "ROLLBACK",
        "ROW",     "SAVEPOINT", "SELECT",  "SERIALIZABLE", "SET",         "SHOW",      "SYSTEM",
        "TABLE",   "THEN",      "TIME",    "TO",           "TRANSACTION", "TRUE",      "UNION",
        "UPDATE",  "USING",     "VALUES",  "WHEN",         "WHERE",       "WITH",      "DISTINCT",
    };
    QStringList words;
    for (const char *word : keywords)
        words << QString::fromLatin1(word);
    m_rules.append(
        {QRegularExpression(QStringLiteral("\\b(%1)\\b").arg(words.join(QLatin1Char('|'))),
                            QRegularExpression::CaseInsensitiveOption),
         keyword, Kind::Keyword});
    m_rules.append(
        {QRegularExpression(QStringLiteral("\\b\\d+(\\.\\d+)?\\b")), number, Kind::Number});
    m_rules.append({QRegularExpression(QStringLiteral("\\$\\d+")), parameter, Kind::Parameter});
    updateColors();
}

QColor SqlHighlighter::color(Kind kind, const QPalette &palette)
{
    // Each at least 4.5:1 on the palette's base (tst_theme checks).
    const bool dark = SemanticColors::isDark(palette);
    switch (kind) {
    case Kind::Keyword:
        return dark ? QColor(0x82, 0xaa, 0xff) : QColor(0x1a, 0x4f, 0xb5);
    case Kind::Number:
        return dark ? QColor(0xf7, 0x8c, 0x6c) : QColor(0xa0, 0x4a, 0x00);
    case Kind::Parameter:
        return dark ? QColor(0xc7, 0x92, 0xea) : QColor(0x8e, 0x24, 0xaa);
    case Kind::String:
        return dark ? QColor(0xc3, 0xe8, 0x8d) : QColor(0x2e, 0x7d, 0x32);
    case Kind::Comment:
        return dark ? QColor(0x9e, 0x9e, 0x9e) : QColor(0x6b, 0x6b, 0x6b);
    }
    return palette.color(QPalette::Text);
}

QColor SqlHighlighter::colorOf(Kind kind) const
{
    switch (kind) {
    case Kind::String:
        return m_stringFormat.foreground().color();
    case Kind::Comment:
        return m_commentFormat.foreground().color();
    default:
        break;
    }
    for (const Rule &rule : m_rules) {
        if (rule.kind == kind)
            return rule.format.foreground().color();
    }
    return {};
}

void SqlHighlighter::updateColors()
{
    const QPalette palette = m_editor ? m_editor->palette() : SemanticColors::applicationPalette();
    for (Rule &rule : m_rules)
        rule.format.setForeground(color(rule.kind, palette));
    m_stringFormat.setForeground(color(Kind::String, palette));
    m_commentFormat.setForeground(color(Kind::Comment, palette));
}

bool SqlHighlighter::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_editor && event->type() == QEvent::PaletteChange) {
        updateColors();
        rehighlight();
    }
    return QSyntaxHighlighter::eventFilter(watched, event);
}

void SqlHighlighter::highlightBlock(const QString &text)
{
    for (const Rule &rule : m_rules) {
        auto matches = rule.pattern.globalMatch(text);
        while (matches.hasNext()) {
            const auto match = matches.next();
            setFormat(int(match.capturedStart()), int(match.capturedLength()), rule.format);
        }
    }
    // Strings and comments last, so that keywords inside them are not highlighted. A small
    // scanner: '...' with '' escapes (E'..' also honours backslashes), "identifiers",
    // -- line comments, /* block comments */ across lines.
    int i = 0;
    const int n = int(text.size());
    if (previousBlockState() == InBlockComment) {
        const int end = int(text.indexOf(QLatin1String("*/")));
        if (end < 0) {
            setFormat(0, n, m_commentFormat);
            setCurrentBlockState(InBlockComment);
            return;
        }
        setFormat(0, end + 2, m_commentFormat);
        i = end + 2;
    }
    setCurrentBlockState(Normal);
    while (i < n) {
        const QChar c = text.at(i);
        if (c == u'-' && i + 1 < n && text.at(i + 1) == u'-') {
            setFormat(i, n - i, m_commentFormat);
            return;
        }
        if (c == u'/' && i + 1 < n && text.at(i + 1) == u'*') {
            const int end = int(text.indexOf(QLatin1String("*/"), i + 2));
            if (end < 0) {
                setFormat(i, n - i, m_commentFormat);
                setCurrentBlockState(InBlockComment);
                return;
            }
            setFormat(i, end + 2 - i, m_commentFormat);
            i = end + 2;
            continue;
        }
        if (c == u'\'') {
            const bool escapes = i > 0 && (text.at(i - 1) == u'E' || text.at(i - 1) == u'e');
            int j = i + 1;
            while (j < n) {
                if (escapes && text.at(j) == u'\\') {
                    j += 2;
                    continue;
                }
                if (text.at(j) == u'\'') {
                    if (j + 1 < n && text.at(j + 1) == u'\'') {
                        j += 2;
                        continue;
                    }
                    break;
                }
                ++j;
            }
            const int start = escapes ? i - 1 : i;
            setFormat(start, std::min(j, n - 1) - start + 1, m_stringFormat);
            i = j + 1;
            continue;
        }
        ++i;
    }
}
