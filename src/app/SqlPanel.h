#pragma once

#include "txn/Trace.h"

#include <QDockWidget>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QTreeView;
class TraceFilterModel;
class TraceModel;

// The SQL panel: every statement the application sent, grouped by action and attempt,
// retries and their cause highlighted, SQLSTATE and timings; a selection copies as a
// runnable script (parameters inlined), the whole log saves as a .sql file. Two filters: by
// outcome and by source (my edits, the workload, reads). Nothing here opens a nested event
// loop: the save dialog is opened with open(), and a failed save shows an inline message.
class SqlPanel : public QDockWidget
{
    Q_OBJECT

public:
    explicit SqlPanel(QWidget *parent = nullptr);

    void appendTrace(const QList<TraceEntry> &entries);
    TraceModel *traceModel() const { return m_model; }
    // The script of the selected rows (what "Copy as script" puts on the clipboard).
    QString selectedScript() const;
    // Writes the whole log as a runnable script; false with `error` set on failure.
    bool saveLog(const QString &path, QString *error) const;
    // The inline message under the toolbar (a failed or done save); empty when hidden.
    QString message() const;

public Q_SLOTS:
    void copySelectionAsScript();
    // Opens the save dialog (non-blocking); saveLogTo() runs when a file is chosen.
    void saveLogInteractively();
    // Saves and tells how it went in the inline message.
    void saveLogTo(const QString &path);
    void clear();

private:
    void updatePreview();
    void showMessage(const QString &text, bool isError);

    TraceModel *m_model = nullptr;
    TraceFilterModel *m_filter = nullptr;
    QTreeView *m_view = nullptr;
    QPlainTextEdit *m_preview = nullptr;
    QComboBox *m_filterBox = nullptr;
    QComboBox *m_sourceBox = nullptr;
    QWidget *m_messageBar = nullptr;
    QLabel *m_message = nullptr;
    bool m_followNewest = true;
};
