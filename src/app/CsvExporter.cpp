#include "CsvExporter.h"

#include "worker/BrowseWorker.h"

#include <QProgressDialog>

CsvExporter::CsvExporter(BrowseWorker *worker, const PageRequest &request, const QString &path,
                         qint64 estimate, QWidget *dialogParent)
    : m_worker(worker), m_request(request), m_file(path), m_estimate(estimate)
{
    m_request.client = worker->newClientId();
    m_request.generation = 1;
    m_request.after.reset();
    m_progress = new QProgressDialog(tr("Exporting %1…").arg(TableSpec::of(request.table).title),
                                     tr("Cancel"), 0, estimate > 0 ? 1000 : 0, dialogParent);
    m_progress->setObjectName(QStringLiteral("exportProgress"));
    m_progress->setWindowModality(Qt::WindowModal);
    m_progress->setMinimumDuration(300);
    m_progress->setAutoClose(false);
    m_progress->setAutoReset(false);
    connect(m_progress, &QProgressDialog::canceled, this, &CsvExporter::cancel);
    connect(worker, &BrowseWorker::pageReady, this, &CsvExporter::onPage, Qt::QueuedConnection);
}

CsvExporter::~CsvExporter()
{
    if (m_progress)
        m_progress->deleteLater();
}

QString CsvExporter::csvField(const QString &text)
{
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')) &&
        !text.contains(QLatin1Char('\n')) && !text.contains(QLatin1Char('\r')))
        return text;
    QString quoted = text;
    quoted.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

bool CsvExporter::start(QString *error)
{
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        if (error)
            *error = tr("Cannot write %1: %2").arg(m_file.fileName(), m_file.errorString());
        return false;
    }
    QStringList header;
    for (const ColumnSpec &column : TableSpec::of(m_request.table).columns)
        header.append(csvField(column.name));
    m_file.write(header.join(QLatin1Char(',')).toUtf8() + '\n');
    m_worker->submit(m_request);
    return true;
}

void CsvExporter::cancel()
{
    if (m_done)
        return;
    if (m_worker)
        m_worker->forgetClient(m_request.client);
    finish(false, tr("Export cancelled."));
}

void CsvExporter::onPage(const Page &page)
{
    if (m_done || page.client != m_request.client || page.generation != m_request.generation)
        return;
    if (page.error) {
        finish(false, tr("Export failed: %1").arg(page.error->toString()));
        return;
    }
    // The server's text (full UUIDs, UTC timestamps, exact decimals); card numbers masked
    // to their last four digits, as on screen.
    QByteArray chunk;
    const TableSpec &spec = TableSpec::of(m_request.table);
    const int columns = int(spec.columns.size());
    for (const RowData &row : page.rows) {
        for (int c = 0; c < columns; ++c) {
            if (c > 0)
                chunk.append(',');
            if (row.isNull(c))
                continue;
            QString text = row.text(c);
            if (spec.columns.at(c).kind == ColumnKind::CreditCard)
                text = QStringLiteral("****") + text.right(4);
            chunk.append(csvField(text).toUtf8());
        }
        chunk.append('\n');
    }
    if (m_file.write(chunk) != chunk.size()) {
        finish(false, tr("Cannot write %1: %2").arg(m_file.fileName(), m_file.errorString()));
        return;
    }
    m_rows += page.rows.size();
    if (m_progress) {
        if (m_estimate > 0)
            m_progress->setValue(int(qMin<qint64>(999, m_rows * 1000 / m_estimate)));
        m_progress->setLabelText(tr("Exported %L1 rows…").arg(m_rows));
    }
    if (page.atEnd) {
        finish(true, tr("Exported %L1 rows to %2.").arg(m_rows).arg(m_file.fileName()));
        return;
    }
    m_request.after = page.nextKey;
    m_worker->submit(m_request);
}

void CsvExporter::finish(bool ok, const QString &message)
{
    m_done = true;
    if (ok) {
        m_file.close();
    } else {
        m_file.close();
        m_file.remove();
    }
    if (m_progress) {
        m_progress->hide();
        m_progress->deleteLater();
    }
    Q_EMIT finished(ok, message);
    deleteLater();
}
