#pragma once

#include "pg/Result.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

// The certificates of the secure demo, in the layout of `cockroach cert` (what
// `cockroach demo` makes in its own folder when it runs secure, its default):
//   <certs>/ca.crt                          the demo's CA
//   <certs>/node.crt, node.key              the server: localhost, 127.0.0.1, ::1
//   <certs>/client.<user>.crt, .key         a client certificate whose CN is the user
// and the CA's key outside the certificates directory, as `cockroach cert create-ca
// --ca-key` advises (a certs directory handed to a client never holds it).
//
// Made with the openssl command (Debian package openssl). Keys are EC P-256 (prime256v1):
// a key takes well under a millisecond where RSA 2048 takes ~100 ms, so the secure demo
// starts about as fast as the plain one. CockroachDB accepts ECDSA certificates as well as
// RSA (its `cockroach cert` makes RSA 2048 by default), and so does PostgreSQL.
//
// Blocking (runs openssl): not on the GUI thread.
class DemoCertificates
{
    Q_DECLARE_TR_FUNCTIONS(DemoCertificates)

public:
    DemoCertificates(QString certsDirectory, QString caKey);

    // Creates whatever of the above is missing; files present are kept (a kept --demo-dir
    // uses the same certificates next time). A new CA replaces every certificate.
    Status ensure(const QString &user) const;
    // client.<user>.crt and .key signed by the CA, valid `days` days from now.
    Status createClient(const QString &user, int days = ClientDays) const;

    QString certsDirectory() const { return m_certsDirectory; }
    QString caCertificate() const;
    QString caKey() const { return m_caKey; }
    QString nodeCertificate() const;
    QString nodeKey() const;
    QString clientCertificate(const QString &user) const;
    QString clientKey(const QString &user) const;

    // `openssl` with `arguments` in `workingDirectory`; the error names what failed. Tests
    // use it to make certificates of their own.
    static Status openssl(const QStringList &arguments, const QString &workingDirectory = {});

    // cockroach cert's defaults: a CA for 10 years, certificates for 5.
    static constexpr int CaDays = 3650;
    static constexpr int ClientDays = 1825;

private:
    Status createCa() const;
    Status createNode() const;

    QString m_certsDirectory;
    QString m_caKey;
};
