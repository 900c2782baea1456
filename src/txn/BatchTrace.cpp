#include "BatchTrace.h"

#include "RestartStrategy.h"

#include <QCoreApplication>

#include <algorithm>

QList<TraceEntry> BatchTrace::entries(const QList<TxnStatement> &items,
                                      const PgPipeline::Batch &batch, const Context &context)
{
    using State = PgPipeline::ItemResult::State;
    QList<TraceEntry> traced;
    // Every statement handed to libpq (and the one that could not be).
    const int sent = std::min(int(items.size()), std::max(batch.queued + 1, 1));
    for (int i = 0; i < sent; ++i) {
        const PgPipeline::ItemResult &slot = batch.items.at(i);
        if (i >= batch.queued && slot.state != State::Failed)
            break;
        const qint64 received = batch.receivedUs[size_t(i)];
        TraceEntry entry;
        entry.actionId = context.actionId;
        entry.action = context.action;
        entry.attempt = context.attempt;
        entry.sql = items.at(i).sql;
        entry.params = items.at(i).params;
        entry.startedAt = context.startedAt;
        entry.durationUs = received >= 0 ? received : context.elapsedUs;
        entry.injected =
            items.at(i).kind == TxnStatement::Kind::Injected ||
            (slot.state == State::Failed && RestartStrategy::isInjectedByServer(slot.error));
        switch (slot.state) {
        case State::Ok:
            entry.rows = slot.result.affectedRows();
            break;
        case State::Failed:
            entry.sqlState = slot.error.sqlState;
            entry.error = slot.error.message;
            break;
        case State::Skipped:
            entry.notSent = true;
            entry.error = QCoreApplication::translate(
                "TransactionRunner", "not executed: an earlier statement in the pipeline failed");
            break;
        case State::NotReceived:
            entry.error =
                QCoreApplication::translate("TransactionRunner", "no reply: %1")
                    .arg(batch.lostError
                             ? batch.lostError->message
                             : QCoreApplication::translate("TransactionRunner", "connection lost"));
            break;
        }
        if (i == 0)
            entry.retryCause = context.retryCause;
        traced.append(entry);
    }
    return traced;
}
