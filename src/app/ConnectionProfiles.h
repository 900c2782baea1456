#pragma once

#include "pg/ConnectionSettings.h"

#include <QList>
#include <QString>

// A saved connection. Never holds a password: that lives in the OS keychain (PasswordStore)
// or is asked for each time.
struct ConnectionProfile
{
    QString name;
    QString url;            // postgresql://... without the password
    QString certsDirectory; // cockroach-style certificates directory, optional
    bool rememberPassword = false;

    bool operator==(const ConnectionProfile &other) const = default;
};

Q_DECLARE_METATYPE(ConnectionProfile)

// Saved profiles and recent connections in QSettings.
class ConnectionProfiles
{
public:
    static constexpr int MaximumRecent = 8;

    static QList<ConnectionProfile> saved();
    // Adds or replaces the profile of that name; the URL is stored without a password.
    // False (and nothing written) when the profile's URL does not parse.
    static bool save(ConnectionProfile profile);
    static void remove(const QString &name);
    static QList<ConnectionProfile> recent();
    // Moves (or adds) to the front of the recent list, without a password.
    static void addRecent(const ConnectionSettings &settings, const QString &certsDirectory = {});
    // The URL of `settings` as profiles store it: no password, ever.
    static QString storableUrl(const ConnectionSettings &settings);
};
