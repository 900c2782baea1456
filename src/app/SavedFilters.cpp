#include "SavedFilters.h"

#include <QCryptographicHash>
#include <QSettings>

namespace {

// A settings key for the identity: it holds '/', ':' and '@', which QSettings treats as
// separators or escapes differently per platform.
QString settingsKey(const QString &databaseIdentity, const QString &table)
{
    const QByteArray hash =
        QCryptographicHash::hash(databaseIdentity.toUtf8(), QCryptographicHash::Sha1).toHex();
    return QStringLiteral("filters/%1/%2").arg(QString::fromLatin1(hash), table);
}

} // namespace

QString SavedFilters::databaseIdentity(const ConnectionSettings &settings,
                                       const QString &journalKey)
{
    if (!journalKey.isEmpty())
        return journalKey;
    QString identity = QStringLiteral("%1@%2:%3/%4")
                           .arg(settings.user(), settings.host())
                           .arg(settings.port())
                           .arg(settings.database());
    const QString options = settings.value(QStringLiteral("options"));
    if (!options.isEmpty())
        identity += QStringLiteral("?options=") + options;
    return identity;
}

QVariantMap SavedFilters::load(const QString &databaseIdentity, const QString &table)
{
    return QSettings().value(settingsKey(databaseIdentity, table)).toMap();
}

void SavedFilters::save(const QString &databaseIdentity, const QString &table,
                        const QVariantMap &state)
{
    QSettings().setValue(settingsKey(databaseIdentity, table), state);
}
