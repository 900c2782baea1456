#pragma once

#include "txn/Transaction.h"

#include <QObject>
#include <QPointer>

class EditWorker;
class QAction;
class QMenu;
class QStatusBar;
class SqlPanel;

// The QA menu entries that make edits fail with retry errors, so that the rollback and retry
// path runs: "Inject retry errors" (after the first statement of every first attempt) and
// "Inject retry errors at commit". They follow the edit worker: on CockroachDB it sets
// inject_retry_errors_enabled / inject_retry_errors_on_commit_enabled on its session (the
// SETs show in the SQL panel), on PostgreSQL the runner raises a synthetic 40001 itself.
class RetryInjectionActions : public QObject
{
    Q_OBJECT

public:
    RetryInjectionActions(QMenu *menu, QStatusBar *statusBar, SqlPanel *sqlPanel,
                          QObject *parent = nullptr);

    QAction *statementsAction() const { return m_statements; }
    QAction *onCommitAction() const { return m_onCommit; }
    // A new worker: it starts with both off on the server, so what is checked is sent again.
    void attach(EditWorker *worker);
    // The flags of a request's policy.
    void applyTo(RetryPolicy &policy) const;

private:
    void send(void (EditWorker::*slot)(bool), bool on);

    QAction *m_statements = nullptr;
    QAction *m_onCommit = nullptr;
    QStatusBar *m_statusBar = nullptr;
    SqlPanel *m_sqlPanel = nullptr;
    QPointer<EditWorker> m_worker;
};
