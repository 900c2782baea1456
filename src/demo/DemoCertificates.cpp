#include "DemoCertificates.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>

namespace {

DbError failure(const QString &message)
{
    return DbError::make(ErrorClass::Other, message);
}

// A new EC P-256 key and a certificate for it, in one openssl run. `-config /dev/null`:
// nothing from the machine's openssl.cnf (whose v3_ca section would mark every
// certificate as a CA); the extensions are exactly the ones given.
QStringList newKeyAndCertificate(const QString &subject, int days, const QString &key,
                                 const QString &certificate, const QStringList &extensions)
{
    QStringList arguments{QStringLiteral("req"),
                          QStringLiteral("-x509"),
                          QStringLiteral("-config"),
                          QStringLiteral("/dev/null"),
                          QStringLiteral("-newkey"),
                          QStringLiteral("ec"),
                          QStringLiteral("-pkeyopt"),
                          QStringLiteral("ec_paramgen_curve:prime256v1"),
                          QStringLiteral("-nodes"),
                          QStringLiteral("-subj"),
                          subject,
                          QStringLiteral("-days"),
                          QString::number(days),
                          QStringLiteral("-keyout"),
                          key,
                          QStringLiteral("-out"),
                          certificate};
    for (const QString &extension : extensions)
        arguments << QStringLiteral("-addext") << extension;
    return arguments;
}

} // namespace

DemoCertificates::DemoCertificates(QString certsDirectory, QString caKey)
    : m_certsDirectory(std::move(certsDirectory)), m_caKey(std::move(caKey))
{}

QString DemoCertificates::caCertificate() const
{
    return QDir(m_certsDirectory).filePath(QStringLiteral("ca.crt"));
}

QString DemoCertificates::nodeCertificate() const
{
    return QDir(m_certsDirectory).filePath(QStringLiteral("node.crt"));
}

QString DemoCertificates::nodeKey() const
{
    return QDir(m_certsDirectory).filePath(QStringLiteral("node.key"));
}

QString DemoCertificates::clientCertificate(const QString &user) const
{
    return QDir(m_certsDirectory).filePath(QStringLiteral("client.%1.crt").arg(user));
}

QString DemoCertificates::clientKey(const QString &user) const
{
    return QDir(m_certsDirectory).filePath(QStringLiteral("client.%1.key").arg(user));
}

Status DemoCertificates::openssl(const QStringList &arguments, const QString &workingDirectory)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    if (!workingDirectory.isEmpty())
        process.setWorkingDirectory(workingDirectory);
    process.start(QStringLiteral("openssl"), arguments);
    if (!process.waitForStarted(10000))
        return failure(tr("The openssl command could not be run (%1): install the Debian "
                          "package openssl to create certificates.")
                           .arg(process.errorString()));
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0) {
        const QString output = QString::fromLocal8Bit(process.readAll()).trimmed();
        return failure(tr("openssl %1 failed: %2")
                           .arg(arguments.value(0), output.section(QLatin1Char('\n'), -2)));
    }
    return Ok{};
}

Status DemoCertificates::createCa() const
{
    // Every certificate signed by an older CA would be refused now.
    QDir certs(m_certsDirectory);
    for (const QString &name :
         certs.entryList({QStringLiteral("node.*"), QStringLiteral("client.*")}, QDir::Files))
        certs.remove(name);
    return openssl(newKeyAndCertificate(QStringLiteral("/O=MovR Admin demo/CN=MovR Admin demo CA"),
                                        CaDays, m_caKey, caCertificate(),
                                        {QStringLiteral("basicConstraints=critical,CA:TRUE"),
                                         QStringLiteral("keyUsage=critical,keyCertSign,cRLSign")}));
}

Status DemoCertificates::createNode() const
{
    QStringList arguments = newKeyAndCertificate(
        QStringLiteral("/O=MovR Admin demo/CN=node"), ClientDays, nodeKey(), nodeCertificate(),
        {QStringLiteral("basicConstraints=critical,CA:FALSE"),
         QStringLiteral("keyUsage=critical,digitalSignature,keyEncipherment"),
         QStringLiteral("extendedKeyUsage=serverAuth,clientAuth"),
         QStringLiteral("subjectAltName=DNS:localhost,IP:127.0.0.1,IP:::1")});
    arguments << QStringLiteral("-CA") << caCertificate() << QStringLiteral("-CAkey") << m_caKey;
    return openssl(arguments);
}

Status DemoCertificates::createClient(const QString &user, int days) const
{
    // The user becomes the certificate's CN (and a file name): no characters that -subj
    // or a path would read differently.
    if (user.isEmpty() || user.contains(QLatin1Char('/')) || user.contains(QLatin1Char('\\')) ||
        user.contains(QLatin1Char('=')) || user.contains(QLatin1Char('+')))
        return failure(tr("Cannot make a client certificate for the user name \"%1\".").arg(user));
    // CockroachDB's client certificates: CN=<user>, for client authentication only.
    QStringList arguments =
        newKeyAndCertificate(QStringLiteral("/O=MovR Admin demo/CN=%1").arg(user), days,
                             clientKey(user), clientCertificate(user),
                             {QStringLiteral("basicConstraints=critical,CA:FALSE"),
                              QStringLiteral("keyUsage=critical,digitalSignature,keyEncipherment"),
                              QStringLiteral("extendedKeyUsage=clientAuth")});
    arguments << QStringLiteral("-CA") << caCertificate() << QStringLiteral("-CAkey") << m_caKey;
    return openssl(arguments);
}

Status DemoCertificates::ensure(const QString &user) const
{
    if (!QDir().mkpath(m_certsDirectory) || !QDir().mkpath(QFileInfo(m_caKey).absolutePath()))
        return failure(tr("Cannot create the certificates directory %1.").arg(m_certsDirectory));
    QFile::setPermissions(m_certsDirectory,
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    if (!QFileInfo::exists(caCertificate()) || !QFileInfo::exists(m_caKey)) {
        if (auto made = createCa(); !made)
            return made;
    }
    if (!QFileInfo::exists(nodeCertificate()) || !QFileInfo::exists(nodeKey())) {
        if (auto made = createNode(); !made)
            return made;
    }
    if (!QFileInfo::exists(clientCertificate(user)) || !QFileInfo::exists(clientKey(user))) {
        if (auto made = createClient(user); !made)
            return made;
    }
    // openssl writes keys 0600 already; a copy restored by hand may not be.
    for (const QString &key : {m_caKey, nodeKey(), clientKey(user)})
        QFile::setPermissions(key, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return Ok{};
}
