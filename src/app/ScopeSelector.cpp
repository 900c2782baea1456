#include "ScopeSelector.h"

#include "movr/Cities.h"

namespace {

enum { ScopeRole = Qt::UserRole + 1 }; // "" = all, "region:<name>", "city:<name>"

QString titleCase(const QString &text)
{
    QStringList words = text.split(QLatin1Char(' '));
    for (QString &word : words) {
        if (word.size() <= 2) // "dc"
            word = word.toUpper();
        else if (!word.isEmpty())
            word[0] = word.at(0).toUpper();
    }
    return words.join(QLatin1Char(' '));
}

} // namespace

ScopeSelector::ScopeSelector(QWidget *parent) : QComboBox(parent)
{
    setToolTip(tr("Which cities to show"));
    addItem(tr("All cities"), QString());
    for (const QString &region : Cities::regions()) {
        addItem(tr("Region %1").arg(region), QStringLiteral("region:") + region);
        for (const QString &city : Cities::namesInRegion(region))
            addItem(QStringLiteral("    ") + titleCase(city), QStringLiteral("city:") + city);
    }
    setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connect(this, &QComboBox::currentIndexChanged, this, [this] { Q_EMIT scopeChanged(cities()); });
}

QStringList ScopeSelector::cities() const
{
    const QString scope = currentData().toString();
    if (scope.startsWith(QLatin1String("region:")))
        return Cities::namesInRegion(scope.mid(7));
    if (scope.startsWith(QLatin1String("city:")))
        return {scope.mid(5)};
    return {};
}

bool ScopeSelector::selectScope(const QString &regionOrCity)
{
    for (int i = 0; i < count(); ++i) {
        const QString scope = itemData(i).toString();
        if (scope == regionOrCity || scope == QStringLiteral("region:") + regionOrCity ||
            scope == QStringLiteral("city:") + regionOrCity) {
            setCurrentIndex(i);
            return true;
        }
    }
    return false;
}
