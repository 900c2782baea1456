#include "PreviewDialog.h"

#include "SqlHighlighter.h"
#include "txn/TraceScript.h"
#include "txn/TransactionRunner.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

namespace {
const QString AlwaysPreviewKey = QStringLiteral("edit/alwaysPreview");
}

QString PreviewDialog::script(const TransactionBody &body, ServerFlavor flavor,
                              const RetryPolicy &policy)
{
    QStringList lines;
    lines << QStringLiteral("-- %1").arg(body.action)
          << QStringLiteral("-- ") + tr("%1, first attempt; a retry sends the same again.")
                                         .arg(flavor == ServerFlavor::CockroachDB
                                                  ? QStringLiteral("CockroachDB")
                                                  : QStringLiteral("PostgreSQL"));
    if (body.interactive && body.preview.isEmpty())
        lines << QStringLiteral("-- ") + tr("The statements depend on what is read first; they "
                                            "are shown in the SQL panel once sent.");
    for (const Statement &statement : TransactionRunner::plannedStatements(body, flavor, policy))
        lines << TraceScript::inlineParameters(statement.sql, statement.params) + QLatin1Char(';');
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

bool PreviewDialog::alwaysPreview()
{
    return QSettings().value(AlwaysPreviewKey, false).toBool();
}

void PreviewDialog::setAlwaysPreview(bool always)
{
    QSettings().setValue(AlwaysPreviewKey, always);
}

PreviewDialog::PreviewDialog(const TransactionBody &body, ServerFlavor flavor,
                             const RetryPolicy &policy, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Preview: %1").arg(body.action));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("These statements will be sent, in one retrying "
                                    "transaction:"),
                                 this));
    m_text = new QPlainTextEdit(this);
    m_text->setReadOnly(true);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    new SqlHighlighter(m_text->document());
    m_text->setPlainText(script(body, flavor, policy));
    layout->addWidget(m_text);
    m_always = new QCheckBox(tr("Al&ways preview before applying"), this);
    m_always->setChecked(alwaysPreview());
    connect(m_always, &QCheckBox::toggled, this, &PreviewDialog::setAlwaysPreview);
    layout->addWidget(m_always);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Apply"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(760, 420);
}

QString PreviewDialog::text() const
{
    return m_text->toPlainText();
}
