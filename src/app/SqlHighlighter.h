#pragma once

#include <QPointer>
#include <QRegularExpression>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

// SQL syntax highlighting for the SQL panel and previews: keywords, string literals
// (including E'...' and dollar quotes on one line), numbers, $n parameters, comments.
class SqlHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT

public:
    enum class Kind { Keyword, Number, Parameter, String, Comment };

    // Follows the palette of the widget owning `document` (an ancestor), if any, else the
    // application's palette at construction.
    explicit SqlHighlighter(QTextDocument *document);

    // The colour of `kind` on `palette` (a light and a dark variant), and the one in use.
    static QColor color(Kind kind, const QPalette &palette);
    QColor colorOf(Kind kind) const;

protected:
    void highlightBlock(const QString &text) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Rule
    {
        QRegularExpression pattern;
        QTextCharFormat format;
        Kind kind;
    };
    void updateColors();

    QPointer<QWidget> m_editor;
    QList<Rule> m_rules;
    QTextCharFormat m_stringFormat;
    QTextCharFormat m_commentFormat;
};
