#pragma once

#include "worker/BrowseTypes.h"

#include <QFile>
#include <QObject>
#include <QPointer>

class BrowseWorker;
class QProgressDialog;
class QWidget;

// Exports every row matching a view's filter and sort (not just the loaded ones) to a CSV
// file: pages stream through the browse worker and are written as they arrive, with a
// progress dialog (against the catalog's estimate) and a cancel button. A cancelled or
// failed export removes its partial file. Deletes itself when done.
class CsvExporter : public QObject
{
    Q_OBJECT

public:
    // `request` comes from BrowseTableModel::exportRequest(); `estimate` may be -1.
    CsvExporter(BrowseWorker *worker, const PageRequest &request, const QString &path,
                qint64 estimate, QWidget *dialogParent);
    ~CsvExporter() override;

    // Opens the file and asks for the first page; false with `error` when the file cannot
    // be written.
    bool start(QString *error);
    void cancel();
    qint64 rowsWritten() const { return m_rows; }

    // One CSV field (RFC 4180: quoted when it holds a comma, quote or line break).
    static QString csvField(const QString &text);

Q_SIGNALS:
    void finished(bool ok, const QString &message);

private:
    void onPage(const Page &page);
    void finish(bool ok, const QString &message);

    QPointer<BrowseWorker> m_worker;
    PageRequest m_request;
    QFile m_file;
    qint64 m_estimate;
    qint64 m_rows = 0;
    bool m_done = false;
    QPointer<QProgressDialog> m_progress;
};
