#pragma once

#include <QStringList>

// The vehicle kinds of MovR, in one place: the data generator draws from these lists (in this
// order: the generated data depends on it), the vehicle dialogs offer them.
namespace VehicleCatalog {

// skateboard, bike, scooter (the generator's order; the database stores these names).
const QStringList &types();
// The colors of the `color` key of a vehicle's ext.
const QStringList &colors();
// The brands of the `brand` key of a bike's ext (only bikes have a brand).
const QStringList &bikeBrands();

} // namespace VehicleCatalog
