#pragma once

#include "txn/Trace.h"

#include <QDockWidget>

class QComboBox;
class QPlainTextEdit;
class QTreeView;
class TraceFilterModel;
class TraceModel;

// The SQL panel: every statement the application sent, grouped by action and attempt,
// retries and their cause highlighted, SQLSTATE and timings; a selection copies as a
// runnable script (parameters inlined), the whole log saves as a .sql file.
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

public Q_SLOTS:
    void copySelectionAsScript();
    void saveLogInteractively();
    void clear();

private:
    void updatePreview();

    TraceModel *m_model = nullptr;
    TraceFilterModel *m_filter = nullptr;
    QTreeView *m_view = nullptr;
    QPlainTextEdit *m_preview = nullptr;
    QComboBox *m_filterBox = nullptr;
    bool m_followNewest = true;
};
