#pragma once

#include <QComboBox>
#include <QStringList>

// All cities, one region, or one city (MOVR.md). cities() is the filter: empty = all.
class ScopeSelector : public QComboBox
{
    Q_OBJECT

public:
    explicit ScopeSelector(QWidget *parent = nullptr);

    QStringList cities() const;
    // Selects the entry for a region name ("us-west1"), a city ("rome") or "" for all.
    bool selectScope(const QString &regionOrCity);

Q_SIGNALS:
    void scopeChanged(const QStringList &cities);
};
