#pragma once

#include <QMetaType>
#include <QString>

#include <libpq-fe.h>

// What kind of failure a database error is, decided by SQLSTATE (never by message text).
enum class ErrorClass {
    Retryable,    // 40001 serialization failure, 40P01 deadlock: run the transaction again
    Ambiguous,    // 40003, or the connection lost after COMMIT / RELEASE was sent
    Connection,   // could not connect, or the connection broke (08xxx, 57P01..57P03)
    Constraint,   // integrity constraint violation (23xxx)
    Permission,   // insufficient privilege (42501)
    InvalidInput, // rejected before anything was sent, or 22xxx data exceptions
    Canceled,     // 57014 query canceled (superseded or user canceled)
    Conflict,     // a row no longer holds the values an edit was based on (no SQLSTATE)
    Other,
};

// Why a connection could not be made (ConnectionDiagnosis); None for other errors.
enum class ConnectFailure {
    None,
    NameNotResolved,      // the host name does not resolve
    Refused,              // nothing listens on that host and port
    Timeout,              // no answer within connect_timeout
    AuthenticationFailed, // wrong password, unknown user, or client certificate not accepted
    CertificateRejected,  // the server's certificate failed verification (CA or host name)
    TlsRequired,          // TLS demanded by one side and not offered by the other
    DatabaseMissing,      // the server has no database of that name
    // Certificate authentication (`cockroach cert create-client`, PostgreSQL's `cert`):
    ClientCertificateRequired,  // the server wants a client certificate; none was sent
    ClientCertificateWrongUser, // the certificate's common name is another user
    ClientCertificateUnknownCa, // signed by a CA the server does not trust
    ClientCertificateExpired,   // the server refused it as expired
    ClientKeyMissing,           // the certificate's private key is missing or unreadable
    ClientKeyInsecure,          // the key file is readable by others; libpq refuses it
    NotPostgres,                // what answers there does not speak the PostgreSQL protocol
    Other,
};

// An error as a value: crosses threads, carries the server's fields.
struct DbError
{
    ErrorClass kind = ErrorClass::Other;
    QString sqlState; // five characters, or empty when the error did not come from the server
    QString message;  // the primary message, one line, never containing a password
    QString detail;
    QString hint;
    QString constraint; // the constraint name for 23xxx errors
    QString table;
    ConnectFailure connectFailure = ConnectFailure::None; // for failed connection attempts

    static ErrorClass classify(const QString &sqlState);
    static DbError make(ErrorClass kind, const QString &message, const QString &sqlState = {});
    static DbError fromResult(const PGresult *result, const PGconn *connection);
    static DbError fromConnection(const PGconn *connection);

    bool isRetryable() const { return kind == ErrorClass::Retryable; }
    // A connection refused for a reason that trying again does not mend (a wrong password,
    // a missing database, a rejected certificate, a TLS mismatch, a client certificate or key
    // not accepted, not a PostgreSQL server): the settings must change.
    bool isPermanentConnectFailure() const
    {
        switch (connectFailure) {
        case ConnectFailure::AuthenticationFailed:
        case ConnectFailure::DatabaseMissing:
        case ConnectFailure::CertificateRejected:
        case ConnectFailure::TlsRequired:
        case ConnectFailure::ClientCertificateRequired:
        case ConnectFailure::ClientCertificateWrongUser:
        case ConnectFailure::ClientCertificateUnknownCa:
        case ConnectFailure::ClientCertificateExpired:
        case ConnectFailure::ClientKeyMissing:
        case ConnectFailure::ClientKeyInsecure:
        case ConnectFailure::NotPostgres:
            return true;
        case ConnectFailure::None:
        case ConnectFailure::NameNotResolved:
        case ConnectFailure::Refused:
        case ConnectFailure::Timeout:
        case ConnectFailure::Other:
            break;
        }
        return false;
    }
    // One line for a status bar or stderr: "message (SQLSTATE 40001)".
    QString toString() const;
};

Q_DECLARE_METATYPE(DbError)
