#include "CommitResolver.h"

#include <QCoreApplication>

using namespace std::chrono;

namespace {

// Far more polls than the bounds allow on a real clock: only a stuck test clock reaches it.
constexpr int pollGuard = 10000;

bool lost(const DbError &error)
{
    return error.kind == ErrorClass::Connection;
}

} // namespace

CommitResolver::CommitResolver(Exec exec, Clock clock, Sleeper sleeper)
    : m_exec(std::move(exec)), m_clock(std::move(clock)), m_sleeper(std::move(sleeper))
{
    if (!m_clock)
        m_clock = [] { return steady_clock::now(); };
}

QString CommitResolver::inFlightQuery()
{
    return QStringLiteral("SELECT wait_event IS DISTINCT FROM 'ClientRead' "
                          "FROM pg_stat_activity WHERE pid = $1::int");
}

QString CommitResolver::terminateQuery()
{
    return QStringLiteral("SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity "
                          "WHERE pid = $1::int");
}

QString CommitResolver::stillThereQuery()
{
    return QStringLiteral("SELECT 1 FROM pg_stat_activity WHERE pid = $1::int");
}

CommitResolver::Ended CommitResolver::letInFlightCommitFinish(const SqlParams &pid) const
{
    const auto started = m_clock();
    for (int poll = 0; poll < pollGuard; ++poll) {
        const Result<PgResult> busy =
            m_exec(TxnStatement{inFlightQuery(), pid, TxnStatement::Kind::Housekeeping});
        if (!busy)
            return lost(busy.error()) ? Ended::Lost : Ended::Done;
        if (busy->rowCount() == 0 || busy->text(0, 0) != u"t")
            return Ended::Done; // gone, or idle until the client speaks (which it never will)
        if (m_clock() - started >= inFlightBound || stopping())
            return Ended::Done;
        if (m_sleeper)
            m_sleeper(inFlightPoll);
    }
    return Ended::Done;
}

CommitResolver::Ended CommitResolver::endOldBackend(const SqlParams &pid, bool &gone,
                                                    QString &lostWhy) const
{
    gone = false;
    const Result<PgResult> terminated =
        m_exec(TxnStatement{terminateQuery(), pid, TxnStatement::Kind::Housekeeping});
    if (!terminated && lost(terminated.error())) {
        lostWhy = terminated.error().message;
        return Ended::Lost;
    }
    const auto started = m_clock();
    for (int poll = 0; poll < pollGuard; ++poll) {
        const Result<PgResult> still =
            m_exec(TxnStatement{stillThereQuery(), pid, TxnStatement::Kind::Housekeeping});
        if (!still) {
            if (lost(still.error())) {
                lostWhy = still.error().message;
                return Ended::Lost;
            }
            return Ended::Done;
        }
        gone = still->rowCount() == 0;
        if (gone || m_clock() - started >= goneBound || stopping())
            return Ended::Done;
        if (m_sleeper)
            m_sleeper(gonePoll);
    }
    return Ended::Done;
}

CommitResolver::Verdict CommitResolver::resolve(const Statement &verify, int oldBackendPid) const
{
    using State = Verdict::State;
    auto checkFailed = [](const DbError &error) {
        return QCoreApplication::translate("TransactionRunner", "the check failed: %1")
            .arg(error.message);
    };
    if (oldBackendPid > 0) {
        const SqlParams pid{QString::number(oldBackendPid)};
        if (letInFlightCommitFinish(pid) == Ended::Lost)
            return {State::ConnectionLost, QString()};
        bool gone = false;
        QString lostWhy;
        if (endOldBackend(pid, gone, lostWhy) == Ended::Lost)
            return {State::ConnectionLost, lostWhy};
        if (!gone)
            return {State::Unknown,
                    QCoreApplication::translate("TransactionRunner",
                                                "the old session is still running on the server")};
    }
    const Result<PgResult> verified =
        m_exec(TxnStatement{verify.sql, verify.params, TxnStatement::Kind::Verify});
    if (!verified)
        return {lost(verified.error()) ? State::ConnectionLost : State::Unknown,
                checkFailed(verified.error())};
    return {verified->rowCount() > 0 ? State::Committed : State::NotCommitted, QString()};
}
