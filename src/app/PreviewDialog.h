#pragma once

#include "txn/Transaction.h"

#include <QDialog>

class QCheckBox;
class QPlainTextEdit;

// Preview before Apply: the exact statements the edit will send on its first attempt,
// protocol included, parameters inlined as the SQL panel's scripts are. "Always preview"
// is remembered (QSettings "edit/alwaysPreview").
class PreviewDialog : public QDialog
{
    Q_OBJECT

public:
    PreviewDialog(const TransactionBody &body, ServerFlavor flavor, const RetryPolicy &policy,
                  QWidget *parent = nullptr);

    static QString script(const TransactionBody &body, ServerFlavor flavor,
                          const RetryPolicy &policy);
    static bool alwaysPreview();
    static void setAlwaysPreview(bool always);
    QString text() const;

private:
    QPlainTextEdit *m_text = nullptr;
    QCheckBox *m_always = nullptr;
};
