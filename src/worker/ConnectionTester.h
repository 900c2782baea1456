#pragma once

#include "pg/ConnectionSettings.h"
#include "pg/DbError.h"
#include "pg/ServerInfo.h"

#include <QObject>

#include <optional>

// Tries a connection off the GUI thread (the connection dialog's Test button). Each test
// runs on a short-lived thread that connects, reads the server's identity and disconnects;
// the result arrives as a queued signal. A newer test supersedes an older one.
class ConnectionTester : public QObject
{
    Q_OBJECT

public:
    explicit ConnectionTester(QObject *parent = nullptr);
    ~ConnectionTester() override;

    void test(const ConnectionSettings &settings);
    bool isTesting() const { return m_running > 0; }

Q_SIGNALS:
    // Exactly one of `info` and `error` is set.
    void finished(const std::optional<ServerInfo> &info, const std::optional<DbError> &error);

private:
    quint64 m_generation = 0;
    int m_running = 0;
};
