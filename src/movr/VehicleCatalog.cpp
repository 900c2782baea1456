#include "VehicleCatalog.h"

namespace VehicleCatalog {

const QStringList &types()
{
    static const QStringList list{QStringLiteral("skateboard"), QStringLiteral("bike"),
                                  QStringLiteral("scooter")};
    return list;
}

const QStringList &colors()
{
    static const QStringList list{QStringLiteral("red"), QStringLiteral("yellow"),
                                  QStringLiteral("blue"), QStringLiteral("green"),
                                  QStringLiteral("black")};
    return list;
}

const QStringList &bikeBrands()
{
    static const QStringList list{QStringLiteral("Merida"),     QStringLiteral("Fuji"),
                                  QStringLiteral("Cervelo"),    QStringLiteral("Pinarello"),
                                  QStringLiteral("Santa Cruz"), QStringLiteral("Kona"),
                                  QStringLiteral("Schwinn")};
    return list;
}

} // namespace VehicleCatalog
