#include "OpChooser.h"

OpChooser::OpChooser(WorkloadMix mix, quint64 seed, QStringList cities, QString hotCity,
                     double hotFraction)
    : m_mix(mix), m_random(seed), m_cities(std::move(cities)), m_hotCity(std::move(hotCity)),
      m_hotFraction(hotFraction), m_weights(writeWeights(mix))
{
    for (const QString &city : std::as_const(m_cities)) {
        if (city != m_hotCity)
            m_otherCities.append(city);
    }
}

double OpChooser::readFraction(WorkloadMix mix)
{
    return mix == WorkloadMix::Writes ? 0.0 : 0.95;
}

std::array<double, kWorkloadOpCount> OpChooser::writeWeights(WorkloadMix mix)
{
    std::array<double, kWorkloadOpCount> weights{};
    auto set = [&weights](WorkloadOp op, double weight) { weights[size_t(op)] = weight; };
    if (mix == WorkloadMix::Canonical) {
        set(WorkloadOp::StartRide, 0.40);
        set(WorkloadOp::AddUser, 0.30);
        set(WorkloadOp::ApplyPromoCode, 0.10);
        set(WorkloadOp::AddVehicle, 0.10);
        set(WorkloadOp::EndRide, 0.07);
        set(WorkloadOp::CreatePromoCode, 0.03);
    } else {
        set(WorkloadOp::StartRide, 0.30);
        set(WorkloadOp::EndRide, 0.30);
        set(WorkloadOp::AddUser, 0.20);
        set(WorkloadOp::ApplyPromoCode, 0.10);
        set(WorkloadOp::AddVehicle, 0.05);
        set(WorkloadOp::CreatePromoCode, 0.05);
    }
    return weights;
}

double OpChooser::uniform()
{
    return std::uniform_real_distribution<double>(0.0, 1.0)(m_random);
}

int OpChooser::below(int n)
{
    if (n <= 1)
        return 0;
    return std::uniform_int_distribution<int>(0, n - 1)(m_random);
}

QString OpChooser::randomCity()
{
    if (m_cities.isEmpty())
        return {};
    return m_cities.at(below(int(m_cities.size())));
}

QString OpChooser::writeCity()
{
    if (m_hotCity.isEmpty())
        return randomCity();
    if (m_otherCities.isEmpty() || uniform() < m_hotFraction)
        return m_hotCity;
    return m_otherCities.at(below(int(m_otherCities.size())));
}

WorkloadOp OpChooser::chooseWrite()
{
    const double pick = uniform();
    double sum = 0;
    WorkloadOp last = WorkloadOp::StartRide;
    for (WorkloadOp op : kWorkloadOps) {
        const double weight = m_weights[size_t(op)];
        if (weight <= 0)
            continue;
        sum += weight;
        last = op;
        if (pick < sum)
            return op;
    }
    return last; // rounding: the weights sum to 1 within a few ulps
}

OpChooser::Call OpChooser::next()
{
    Call call;
    // The city is drawn first, as the workload does; a write then goes to the hot city
    // when one is set.
    call.city = randomCity();
    if (uniform() < readFraction(m_mix)) {
        call.ops = {WorkloadOp::ReadVehicles};
        return call;
    }
    if (!m_hotCity.isEmpty())
        call.city = writeCity();
    call.ops = {WorkloadOp::UpdateActiveRides, chooseWrite()};
    return call;
}
