#pragma once

#include "ConnectionProfiles.h"
#include "models/SemanticColors.h"
#include "pg/ConnectionSettings.h"
#include "pg/DbError.h"
#include "pg/ServerInfo.h"

#include <QDialog>

#include <optional>

class ConnectionTester;
class PasswordStore;
class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTabWidget;

// Connect to a cluster: a URL, or fields (host, port, database, user, password, sslmode,
// CA / client certificate / key files, or a cockroach-style certificates directory).
// Input is checked as it is typed (Connect stays disabled while it is malformed); Test tries
// the connection in the background and shows the server or the precise reason it failed.
// Saved profiles and recent connections never contain the password.
class ConnectionDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ConnectionDialog(QWidget *parent = nullptr);
    ~ConnectionDialog() override;

    // What the user entered, or why it is not usable yet.
    Result<ConnectionSettings> currentSettings() const;
    void setSettings(const ConnectionSettings &settings, const QString &certsDirectory = {});
    // Shows this saved or recent profile as if picked in the Profile box (its remembered
    // password is read from the keychain); one no longer listed fills the fields only.
    void selectProfile(const ConnectionProfile &profile);
    QString certsDirectory() const;
    // The running demo, offered first in the Profile box (its settings, password included,
    // stay in memory: the demo's port and password change at each start).
    void setRunningDemo(const ConnectionSettings &settings);
    // A connection made with these settings failed: the reason is shown, and after a failed
    // authentication the (emptied) password field has the focus.
    void showFailure(const DbError &error);

    void accept() override;

Q_SIGNALS:
    void testFinished(bool ok);

protected:
    void changeEvent(QEvent *event) override;

private:
    // The message line's colour: a role, or nullopt for the ordinary text colour.
    void setMessageColor(std::optional<SemanticColors::Role> color);
    QWidget *createUrlTab();
    QWidget *createFieldsTab();
    void validate();
    void startTest();
    void showTestResult(const std::optional<ServerInfo> &info, const std::optional<DbError> &error);
    void loadProfiles();
    void applyProfile(int index);
    void saveProfile();
    void storeProfile(const QString &name);
    void deleteProfile();
    void browseFile(QLineEdit *target, const QString &title, bool directory);

    QComboBox *m_profiles = nullptr;
    std::optional<ConnectionSettings> m_demo;
    QTabWidget *m_tabs = nullptr;
    QLineEdit *m_url = nullptr;
    QLineEdit *m_host = nullptr;
    QSpinBox *m_port = nullptr;
    QLineEdit *m_database = nullptr;
    QLineEdit *m_user = nullptr;
    QComboBox *m_sslMode = nullptr;
    QLineEdit *m_caFile = nullptr;
    QLineEdit *m_certFile = nullptr;
    QLineEdit *m_keyFile = nullptr;
    QLineEdit *m_certsDirectory = nullptr;
    QLineEdit *m_password = nullptr;
    QCheckBox *m_remember = nullptr;
    QLabel *m_message = nullptr;
    std::optional<SemanticColors::Role> m_messageColor;
    QPushButton *m_test = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    ConnectionTester *m_tester = nullptr;
    PasswordStore *m_passwords = nullptr;
    QList<ConnectionProfile> m_profileList;
    // Counts profile choices: a keychain answer for an earlier choice is dropped.
    quint64 m_profileChoice = 0;
};
