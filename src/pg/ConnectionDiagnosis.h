#pragma once

#include "ConnectionSettings.h"
#include "DbError.h"

#include <QCoreApplication>

// Turns a failed connection attempt into a ConnectFailure and a translated one-line
// message. libpq reports connection failures without a SQLSTATE (there is no result
// object before a session exists), so unlike statement errors these can only be told
// apart by what libpq says and by probing the network ourselves: the host name is
// resolved and the TCP port tried here, the rest is read from libpq's text.
class ConnectionDiagnosis
{
    Q_DECLARE_TR_FUNCTIONS(ConnectionDiagnosis)

public:
    static ConnectFailure classify(const QString &libpqMessage);
    // Blocking (DNS, a TCP probe): worker threads only. `libpqMessage` is PQerrorMessage.
    static ConnectFailure diagnose(const ConnectionSettings &settings, const QString &libpqMessage);
    static QString describe(ConnectFailure failure, const ConnectionSettings &settings);
};
