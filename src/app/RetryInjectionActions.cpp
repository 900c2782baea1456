#include "RetryInjectionActions.h"

#include "SqlPanel.h"
#include "worker/EditWorker.h"

#include <QAction>
#include <QMenu>
#include <QStatusBar>

RetryInjectionActions::RetryInjectionActions(QMenu *menu, QStatusBar *statusBar, SqlPanel *sqlPanel,
                                             QObject *parent)
    : QObject(parent), m_statusBar(statusBar), m_sqlPanel(sqlPanel)
{
    m_statements = menu->addAction(tr("Inject retry errors (&QA)"));
    m_statements->setCheckable(true);
    m_statements->setToolTip(tr("The first attempt of every edit fails with a retry error "
                                "(SQLSTATE 40001), so that the rollback and retry path runs. "
                                "On CockroachDB the server fails the first three attempts "
                                "(inject_retry_errors_enabled)."));
    m_onCommit = menu->addAction(tr("Inject retry errors at &commit (QA)"));
    m_onCommit->setCheckable(true);
    m_onCommit->setToolTip(
        tr("The commit step of every edit's first attempt fails with a retry error (SQLSTATE "
           "40001). On CockroachDB this sets inject_retry_errors_on_commit_enabled, which fails "
           "a COMMIT statement only: the edit commits at RELEASE SAVEPOINT cockroach_restart, "
           "and the COMMIT after it shows the error."));
    connect(m_statements, &QAction::toggled, this,
            [this](bool on) { send(&EditWorker::setInjectRetryErrors, on); });
    connect(m_onCommit, &QAction::toggled, this,
            [this](bool on) { send(&EditWorker::setInjectRetryErrorsOnCommit, on); });
}

void RetryInjectionActions::send(void (EditWorker::*slot)(bool), bool on)
{
    // Run on the worker's thread (the worker is the context object); checked by the compiler.
    if (EditWorker *worker = m_worker)
        QMetaObject::invokeMethod(
            worker, [worker, slot, on] { (worker->*slot)(on); }, Qt::QueuedConnection);
}

void RetryInjectionActions::attach(EditWorker *worker)
{
    m_worker = worker;
    auto failed = [this](QAction *action, bool enabled, const QString &error) {
        if (error.isEmpty())
            return;
        const QSignalBlocker blocker(action);
        action->setChecked(enabled);
        m_statusBar->showMessage(tr("Retry error injection: %1").arg(error), 10000);
    };
    connect(worker, &EditWorker::injectRetryErrorsChanged, this,
            [this, failed](bool enabled, const QString &error) {
                failed(m_statements, enabled, error);
            });
    connect(
        worker, &EditWorker::injectRetryErrorsOnCommitChanged, this,
        [this, failed](bool enabled, const QString &error) { failed(m_onCommit, enabled, error); });
    connect(worker, &EditWorker::statementTraced, m_sqlPanel,
            [this](const TraceEntry &entry) { m_sqlPanel->appendTrace({entry}); });
    if (m_statements->isChecked())
        send(&EditWorker::setInjectRetryErrors, true);
    if (m_onCommit->isChecked())
        send(&EditWorker::setInjectRetryErrorsOnCommit, true);
}

void RetryInjectionActions::applyTo(RetryPolicy &policy) const
{
    policy.injectRetryErrors = m_statements->isChecked();
    policy.injectRetryErrorsOnCommit = m_onCommit->isChecked();
}
