#include "ConnectionProfiles.h"

#include <QSettings>

namespace {

QList<ConnectionProfile> readArray(const QString &name)
{
    QSettings settings;
    QList<ConnectionProfile> profiles;
    const int count = settings.beginReadArray(name);
    for (int i = 0; i < count; ++i) {
        settings.setArrayIndex(i);
        ConnectionProfile profile;
        profile.name = settings.value(QStringLiteral("name")).toString();
        profile.url = settings.value(QStringLiteral("url")).toString();
        profile.certsDirectory = settings.value(QStringLiteral("certsDirectory")).toString();
        profile.rememberPassword = settings.value(QStringLiteral("rememberPassword")).toBool();
        profiles.append(profile);
    }
    settings.endArray();
    return profiles;
}

void writeArray(const QString &name, const QList<ConnectionProfile> &profiles)
{
    QSettings settings;
    settings.remove(name);
    settings.beginWriteArray(name, int(profiles.size()));
    for (int i = 0; i < profiles.size(); ++i) {
        settings.setArrayIndex(i);
        const ConnectionProfile &profile = profiles.at(i);
        settings.setValue(QStringLiteral("name"), profile.name);
        settings.setValue(QStringLiteral("url"), profile.url);
        settings.setValue(QStringLiteral("certsDirectory"), profile.certsDirectory);
        settings.setValue(QStringLiteral("rememberPassword"), profile.rememberPassword);
    }
    settings.endArray();
}

// Whatever the caller passed, what is written has no password in it.
QString withoutPassword(const QString &url)
{
    auto parsed = ConnectionSettings::parse(url);
    return parsed ? ConnectionProfiles::storableUrl(*parsed) : QString();
}

} // namespace

QString ConnectionProfiles::storableUrl(const ConnectionSettings &settings)
{
    // toUrl() without the password leaves out every secret (password, sslpassword).
    // Certificates directory files are stored separately; explicit paths stay in the URL.
    return settings.toUrl(ConnectionSettings::Password::Omit);
}

QList<ConnectionProfile> ConnectionProfiles::saved()
{
    return readArray(QStringLiteral("connections/profiles"));
}

bool ConnectionProfiles::save(ConnectionProfile profile)
{
    profile.url = withoutPassword(profile.url);
    if (profile.url.isEmpty())
        return false;
    QList<ConnectionProfile> profiles = saved();
    profiles.removeIf([&](const ConnectionProfile &p) { return p.name == profile.name; });
    profiles.append(profile);
    std::sort(profiles.begin(), profiles.end(),
              [](const ConnectionProfile &a, const ConnectionProfile &b) {
                  return a.name.localeAwareCompare(b.name) < 0;
              });
    writeArray(QStringLiteral("connections/profiles"), profiles);
    return true;
}

void ConnectionProfiles::remove(const QString &name)
{
    QList<ConnectionProfile> profiles = saved();
    profiles.removeIf([&](const ConnectionProfile &p) { return p.name == name; });
    writeArray(QStringLiteral("connections/profiles"), profiles);
}

QList<ConnectionProfile> ConnectionProfiles::recent()
{
    return readArray(QStringLiteral("connections/recent"));
}

void ConnectionProfiles::addRecent(const ConnectionSettings &settings,
                                   const QString &certsDirectory)
{
    ConnectionProfile profile;
    profile.url = storableUrl(settings);
    profile.name = settings.displayName();
    profile.certsDirectory = certsDirectory;
    QList<ConnectionProfile> profiles = recent();
    profiles.removeIf([&](const ConnectionProfile &p) { return p.url == profile.url; });
    profiles.prepend(profile);
    while (profiles.size() > MaximumRecent)
        profiles.removeLast();
    writeArray(QStringLiteral("connections/recent"), profiles);
}
