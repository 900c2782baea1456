#include "PasswordStore.h"

#include <qt6keychain/keychain.h>

namespace {
const QString Service = QStringLiteral("movr-admin");

bool meansNoKeychain(QKeychain::Error error)
{
    return error == QKeychain::NoBackendAvailable || error == QKeychain::NotImplemented ||
           error == QKeychain::AccessDeniedByUser || error == QKeychain::OtherError;
}
QString noKeychain()
{
    return PasswordStore::tr("No keychain is available; the password will be asked for each time.");
}

// What the user reads: the backend's own text ("Failed to execute child process
// "dbus-launch"…") means nothing to most, so it is only added to a specific failure.
QString describe(QKeychain::Error error, const QString &backendText)
{
    if (meansNoKeychain(error))
        return noKeychain();
    if (error == QKeychain::EntryNotFound)
        return PasswordStore::tr("No password is stored for this connection.");
    return PasswordStore::tr("The keychain failed: %1").arg(backendText);
}

} // namespace

PasswordStore::PasswordStore(QObject *parent) : QObject(parent) {}

void PasswordStore::read(const QString &profile, std::function<void(QString, QString)> done)
{
    if (!m_available) {
        done({}, tr("No keychain is available."));
        return;
    }
    auto *job = new QKeychain::ReadPasswordJob(Service, this);
    job->setAutoDelete(true);
    job->setKey(profile);
    connect(job, &QKeychain::Job::finished, this, [this, job, done](QKeychain::Job *) {
        if (job->error() == QKeychain::NoError) {
            done(job->textData(), {});
            return;
        }
        if (meansNoKeychain(job->error()))
            m_available = false;
        done({}, describe(job->error(), job->errorString()));
    });
    job->start();
}

void PasswordStore::write(const QString &profile, const QString &password,
                          std::function<void(QString)> done)
{
    if (!m_available) {
        if (done)
            done(noKeychain());
        return;
    }
    auto *job = new QKeychain::WritePasswordJob(Service, this);
    job->setAutoDelete(true);
    job->setKey(profile);
    job->setTextData(password);
    connect(job, &QKeychain::Job::finished, this, [this, job, done](QKeychain::Job *) {
        if (job->error() != QKeychain::NoError && meansNoKeychain(job->error()))
            m_available = false;
        if (done)
            done(job->error() == QKeychain::NoError ? QString()
                                                    : describe(job->error(), job->errorString()));
    });
    job->start();
}

void PasswordStore::remove(const QString &profile)
{
    if (!m_available)
        return;
    auto *job = new QKeychain::DeletePasswordJob(Service, this);
    job->setAutoDelete(true);
    job->setKey(profile);
    job->start();
}
