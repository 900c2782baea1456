// The runner's ambiguous-commit handling: reconnect when needed, then the CommitResolver on
// this runner's connection (traced), clock and sleeper.

#include "TransactionRunner.h"

#include "CommitResolver.h"
#include "TraceScript.h"

#include <QCoreApplication>

using namespace std::chrono;

namespace {

// The ambiguous-commit check has its own time budget (the run's may be spent).
constexpr milliseconds resolveBudget{15000};

} // namespace

void TransactionRunner::resolveAmbiguous(const TransactionBody &body, const DbError &cause,
                                         Outcome &outcome)
{
    outcome.wasAmbiguous = true;
    m_statementDeadline = steady_clock::now() + resolveBudget;
    DbError ambiguous = cause;
    ambiguous.kind = ErrorClass::Ambiguous;
    const QString howToCheck = body.verify.sql.isEmpty() ? QString() : TraceScript::statement([&] {
        TraceEntry entry;
        entry.sql = body.verify.sql;
        entry.params = body.verify.params;
        return entry;
    }());
    auto unknown = [&](const QString &why) {
        outcome.state = Outcome::State::Unknown;
        ambiguous.message = why.isEmpty() ? ambiguous.message
                                          : QStringLiteral("%1; %2").arg(ambiguous.message, why);
        outcome.error = ambiguous;
        outcome.howToCheck = howToCheck;
        outcome.results.clear();
    };
    if (body.verify.sql.isEmpty()) {
        unknown(QCoreApplication::translate("TransactionRunner",
                                            "no way to check whether it committed"));
        return;
    }

    const bool wasPostgres = m_connection && !m_connection->serverInfo().isCockroach();
    const int oldPid = m_connection ? m_connection->serverInfo().backendPid : 0;
    int waitFor = 0; // the old backend to let finish and end (PostgreSQL, after a reconnect)
    if (connectionUsable()) {
        rollbackIfNeeded();
    } else {
        std::optional<DbError> error;
        bool connected = false;
        for (int i = 0; i < 3 && !connected; ++i) {
            if (i > 0)
                sleep(backoffCeiling(m_policy, i));
            connected = ensureConnection(error);
        }
        if (!connected) {
            unknown(
                QCoreApplication::translate("TransactionRunner", "cannot reconnect to check: %1")
                    .arg(error ? error->message : QString()));
            return;
        }
        if (wasPostgres && !m_connection->serverInfo().isCockroach())
            waitFor = oldPid;
    }
    const CommitResolver::Verdict verdict = resolver().resolve(body.verify, waitFor);
    switch (verdict.state) {
    case CommitResolver::Verdict::State::Committed:
        outcome.state = Outcome::State::Committed;
        outcome.error.reset();
        break;
    case CommitResolver::Verdict::State::NotCommitted:
        outcome.state = Outcome::State::NotCommitted;
        outcome.error = ambiguous;
        break;
    case CommitResolver::Verdict::State::ConnectionLost:
        unknown(verdict.why.isEmpty()
                    ? QCoreApplication::translate("TransactionRunner",
                                                  "the connection was lost during the check")
                    : verdict.why);
        return;
    case CommitResolver::Verdict::State::Unknown:
        unknown(verdict.why);
        return;
    }
    outcome.results.clear();
}

CommitResolver TransactionRunner::resolver()
{
    return CommitResolver(
        [this](const TxnStatement &statement) -> Result<PgResult> {
            const Batch batch = send({statement});
            if (batch.connectionLost)
                return batch.lostError.value_or(DbError::make(
                    ErrorClass::Connection,
                    QCoreApplication::translate("TransactionRunner", "connection lost")));
            const ItemResult &item = batch.items.at(0);
            if (item.state != ItemResult::State::Ok)
                return item.error;
            return item.result;
        },
        [this] { return now(); }, [this](microseconds delay) { sleep(delay); });
}
