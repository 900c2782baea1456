#pragma once

#include <QObject>
#include <QString>

#include <functional>

// Passwords in the OS keychain (Secret Service, KWallet, ...) through QtKeychain. When no
// keychain answers, available() turns false and the application asks for the password each
// time instead. Asynchronous: callbacks run on the GUI thread.
class PasswordStore : public QObject
{
    Q_OBJECT

public:
    explicit PasswordStore(QObject *parent = nullptr);

    bool available() const { return m_available; }
    // `done(password, error)`: password empty and error set when none is stored or on failure.
    void read(const QString &profile, std::function<void(QString, QString)> done);
    void write(const QString &profile, const QString &password,
               std::function<void(QString)> done = {});
    void remove(const QString &profile);

private:
    bool m_available = true;
};
