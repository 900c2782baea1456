#include "BrowseWorker.h"

#include "AsOfTime.h"

#include "txn/TransactionRunner.h"

#include "BrowseQuery.h"
#include "WholeTableRead.h"
#include "movr/BrowseIndexes.h"
#include "movr/SearchIndexes.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QMetaObject>
#include <QMutexLocker>

#include <algorithm>
#include <vector>

BrowseWorker::BrowseWorker(ConnectionSettings settings, QObject *parent)
    : WorkerBase(std::move(settings), parent)
{
    registerMetaTypes();
}

BrowseWorker::~BrowseWorker() = default;

void BrowseWorker::registerMetaTypes()
{
    WorkerBase::registerMetaTypes();
    qRegisterMetaType<PageRequest>();
    qRegisterMetaType<Page>();
    qRegisterMetaType<RowData>();
    qRegisterMetaType<TraceEntry>();
    qRegisterMetaType<ConnectionHealth>();
    qRegisterMetaType<RowRequest>();
    qRegisterMetaType<RowReply>();
}

QString BrowseWorker::boundReachedMessage(WholeTableReason reason) const
{
    // Outside the translate() calls: lupdate's parser hangs on a template argument list among
    // their arguments (tst_translations would time out).
    const int seconds = int(std::max<qint64>(1, (m_searchBound.count() + 999) / 1000));
    switch (reason) {
    case WholeTableReason::Sort:
        return QCoreApplication::translate(
            "BrowseWorker",
            "The sort stopped after %n seconds without reading every row: in all cities, this "
            "column is sorted by reading the whole table. Choose a city to sort it quickly.",
            nullptr, seconds);
    case WholeTableReason::Filter:
        return QCoreApplication::translate(
            "BrowseWorker",
            "The filter stopped after %n seconds without reading every row: in all cities, no "
            "index answers it. Choose a city, or create the index named beside the search.",
            nullptr, seconds);
    case WholeTableReason::Search:
    case WholeTableReason::None:
        break;
    }
    return QCoreApplication::translate("BrowseWorker",
                                       "The search stopped after %n seconds without reading "
                                       "every row: this text is searched in all cities without "
                                       "an index. Choose a city, or create the index named "
                                       "beside the search.",
                                       nullptr, seconds);
}

quint64 BrowseWorker::newClientId()
{
    return m_nextClient.fetch_add(1);
}

void BrowseWorker::submit(const PageRequest &request)
{
    const quint64 jobId = trackJob(request.client, request.generation);
    QMetaObject::invokeMethod(
        this, [this, request, jobId] { enqueueRequest(request, jobId); }, Qt::QueuedConnection);
}

void BrowseWorker::forgetClient(quint64 client)
{
    QList<Outstanding> jobs;
    {
        QMutexLocker locker(&m_mutex);
        jobs = m_outstanding.take(client);
    }
    for (const Outstanding &job : jobs)
        cancelCurrent(job.jobId);
}

void BrowseWorker::ping()
{
    const quint64 jobId = m_nextJob.fetch_add(1);
    QMetaObject::invokeMethod(
        this, [this, jobId] { enqueuePing(jobId); }, Qt::QueuedConnection);
}

void BrowseWorker::enqueuePing(quint64 jobId)
{
    WorkerJob job;
    job.generation = jobId;
    job.run = [this](PgConnection &connection) {
        QElapsedTimer timer;
        timer.start();
        auto result = connection.exec(QStringLiteral("SELECT 1"));
        if (!result && result.error().kind == ErrorClass::Connection)
            return JobStatus::RunAgainAfterReconnect;
        if (result)
            Q_EMIT roundTrip(timer.nsecsElapsed() / 1000);
        return JobStatus::Done;
    };
    enqueue(std::move(job));
}

void BrowseWorker::enqueueRequest(const PageRequest &request, quint64 jobId)
{
    WorkerJob job;
    job.generation = jobId;
    job.run = [this, request, jobId](PgConnection &connection) {
        const JobStatus status = runRequest(connection, request);
        if (status == JobStatus::Done)
            untrackJob(request.client, jobId);
        return status;
    };
    job.abandon = [this, request](const DbError &reason) {
        Page page;
        page.kind = request.kind;
        page.client = request.client;
        page.generation = request.generation;
        page.table = request.table;
        page.refreshKeys = request.refreshKeys;
        page.error = reason;
        Q_EMIT pageReady(page);
    };
    enqueue(std::move(job));
}

Status BrowseWorker::prepareConnection(PgConnection &connection)
{
    if (auto prepared = WorkerBase::prepareConnection(connection); !prepared)
        return prepared;
    m_timeoutMayBeSet = false; // a new session has the server's default
    Status status = Ok{};
    // Traced like every statement, so that QA sees what the window learned at connect.
    TraceEntry entry;
    entry.actionId = TransactionRunner::nextActionId();
    entry.action = QCoreApplication::translate("BrowseWorker", "Read the MovR schema");
    entry.sql = MovrSchemaShape::catalogQuery();
    entry.isRead = true;
    entry.source = TraceSource::Read;
    entry.startedAt = QDateTime::currentDateTimeUtc();
    QElapsedTimer timer;
    timer.start();
    auto shape = MovrSchemaShape::read(connection);
    entry.durationUs = timer.nsecsElapsed() / 1000;
    if (!shape) {
        entry.sqlState = shape.error().sqlState;
        entry.error = shape.error().message;
    }
    Q_EMIT statementTraced(entry);
    if (!shape) {
        if (shape.error().kind == ErrorClass::Connection || connection.isBroken())
            return shape.error();
        // A server that cannot answer the catalog query: browse as the canonical shape, as
        // before the shape was read (the pages' own errors then say what is wrong).
        m_shape = MovrSchemaShape::canonical();
        status = shape.error();
    } else {
        m_shape = *shape;
    }
    // Read once per connection. When it cannot be read (no MovR tables yet, a catalog the
    // user may not read), searches and filters are treated as unindexed: the hint and the
    // bound apply.
    auto trigram = SearchIndexes::detect(connection);
    if (!trigram && (trigram.error().kind == ErrorClass::Connection || connection.isBroken()))
        return trigram.error();
    auto browse = BrowseIndexes::detect(connection);
    if (!browse && (browse.error().kind == ErrorClass::Connection || connection.isBroken()))
        return browse.error();
    m_indexes.trigramColumns = trigram ? *trigram : QSet<QString>();
    m_indexes.browseIndexes = browse ? *browse : QSet<QString>();
    return status;
}

JobStatus BrowseWorker::runRequest(PgConnection &connection, const PageRequest &request)
{
    const TableSpec spec = TableSpec::of(request.table, m_shape);
    Page page;
    page.kind = request.kind;
    page.client = request.client;
    page.generation = request.generation;
    page.table = request.table;
    page.refreshKeys = request.refreshKeys;

    if (!m_shape.isSupported()) {
        page.error = DbError::make(ErrorClass::InvalidInput, m_shape.problem());
        Q_EMIT pageReady(page);
        return JobStatus::Done;
    }

    if (const auto problem = BrowseQuery::validate(request)) {
        page.error = DbError::make(ErrorClass::InvalidInput, *problem);
        Q_EMIT pageReady(page);
        return JobStatus::Done;
    }

    Statement statement;
    switch (request.kind) {
    case PageRequest::Kind::Page:
        statement = BrowseQuery::page(spec, request, connection.serverInfo());
        break;
    case PageRequest::Kind::Refresh:
        statement = BrowseQuery::refresh(request, connection.serverInfo());
        break;
    case PageRequest::Kind::Estimate:
        statement = BrowseQuery::estimate(request.table, connection.serverInfo());
        break;
    case PageRequest::Kind::GcWindow:
        if (!connection.serverInfo().hasFollowerReads()) {
            Q_EMIT pageReady(page); // no time travel, no window
            return JobStatus::Done;
        }
        statement = AsOfTime::gcWindowStatement(request.table);
        break;
    }

    TraceEntry entry;
    entry.actionId = TransactionRunner::nextActionId(); // one id space with the edits
    entry.action = request.action.isEmpty()
                       ? QCoreApplication::translate("BrowseWorker", "Browse %1").arg(spec.sqlName)
                       : request.action;
    entry.sql = statement.sql;
    entry.params = statement.params;
    entry.isRead = true;
    entry.source = TraceSource::Read;
    entry.startedAt = QDateTime::currentDateTimeUtc();
    // A query that reads the whole table is bounded in time (statement_timeout, in
    // milliseconds: the same setting on both servers), set around this statement only. A
    // time, not a LIMIT: a LIMIT bounds the rows returned, not the rows read, and a rare
    // text would still read every row.
    const WholeTableRead::Verdict verdict =
        WholeTableRead::of(spec, request, m_indexes, connection.serverInfo().flavor);
    page.wholeTableRead = verdict.reason;
    page.searchIndexScript = verdict.script;
    const bool bounded = verdict.reason != WholeTableReason::None;
    if (!bounded && m_timeoutMayBeSet) {
        // The RESET after the last bounded query did not run (a cancel aimed at a superseded
        // page can land on it): no other read may inherit the bound.
        auto reset = connection.exec(QStringLiteral("RESET statement_timeout"));
        if (!reset && (reset.error().kind == ErrorClass::Connection || connection.isBroken()))
            return JobStatus::RunAgainAfterReconnect;
        m_timeoutMayBeSet = !reset;
    }
    if (bounded) {
        m_timeoutMayBeSet = true;
        auto set = connection.exec(
            QStringLiteral("SET statement_timeout = %1").arg(m_searchBound.count()));
        if (!set && (set.error().kind == ErrorClass::Connection || connection.isBroken()))
            return JobStatus::RunAgainAfterReconnect;
    }
    QElapsedTimer timer;
    timer.start();
    auto result = connection.exec(statement.sql, statement.params);
    entry.durationUs = timer.nsecsElapsed() / 1000;
    page.durationUs = entry.durationUs;
    if (bounded && !connection.isBroken())
        m_timeoutMayBeSet = !connection.exec(QStringLiteral("RESET statement_timeout"));
    if (bounded && !result && result.error().sqlState == QLatin1String("57014") &&
        result.error().message.contains(QLatin1String("statement timeout"))) {
        // Not a cancel (the model asks again after those): the bound, in a sentence.
        page.searchStoppedEarly = true;
        entry.sqlState = result.error().sqlState;
        entry.error = result.error().message;
        Q_EMIT statementTraced(entry);
        page.trace.append(entry);
        page.error = DbError::make(ErrorClass::Other, boundReachedMessage(verdict.reason));
        Q_EMIT pageReady(page);
        return JobStatus::Done;
    }

    if (!result) {
        const DbError &error = result.error();
        entry.sqlState = error.sqlState;
        entry.error = error.message;
        Q_EMIT statementTraced(entry);
        // A read is always safe to repeat once the connection is back.
        if (error.kind == ErrorClass::Connection || connection.isBroken())
            return JobStatus::RunAgainAfterReconnect;
        page.trace.append(entry);
        page.error = error;
        Q_EMIT pageReady(page);
        return JobStatus::Done;
    }

    const PgResult &rows = *result;
    entry.rows = rows.rowCount();
    Q_EMIT statementTraced(entry);
    page.trace.append(entry);

    if (request.kind == PageRequest::Kind::GcWindow) {
        QString config; // the row's text, whatever the columns are called in this version
        for (int c = 0; rows.rowCount() > 0 && c < rows.columnCount(); ++c)
            config += rows.text(0, c) + QLatin1Char('\n');
        page.estimate = AsOfTime::parseGcTtlSeconds(config).value_or(-1);
        Q_EMIT pageReady(page);
        return JobStatus::Done;
    }
    if (request.kind == PageRequest::Kind::Estimate) {
        page.estimate = BrowseQuery::estimateFrom(rows);
        Q_EMIT pageReady(page);
        return JobStatus::Done;
    }

    const int rowCount = rows.rowCount();
    page.rows.reserve(rowCount);
    for (int r = 0; r < rowCount; ++r)
        page.rows.append(RowData::fromResult(rows, r));
    if (request.kind == PageRequest::Kind::Page) {
        page.atEnd = rowCount < request.pageSize;
        if (!page.rows.isEmpty())
            page.nextKey = BrowseQuery::keyOf(spec, request.sort, page.rows.constLast());
        else
            page.nextKey = request.after;
    }
    Q_EMIT pageReady(page);
    return JobStatus::Done;
}
