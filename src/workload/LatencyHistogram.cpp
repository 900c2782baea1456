#include "LatencyHistogram.h"

#include <algorithm>
#include <bit>
#include <cmath>

namespace {

constexpr qint64 kSubBuckets = qint64(1) << LatencyHistogram::kSubBucketBits;
constexpr qint64 kLargest = (qint64(1) << LatencyHistogram::kMaxBits) - 1;

qint64 clampValue(qint64 us)
{
    return std::clamp<qint64>(us, 0, kLargest);
}

} // namespace

// Layout: buckets [0, kSubBuckets) hold the values 0..kSubBuckets-1 exactly. For a larger
// value v with bit width w (w > kSubBucketBits), shift = w - 1 - kSubBucketBits and its top
// kSubBucketBits + 1 bits t = v >> shift (kSubBuckets <= t < 2 * kSubBuckets): bucket
// kSubBuckets + shift * kSubBuckets + (t - kSubBuckets), covering [t << shift, (t+1) << shift).
int LatencyHistogram::bucketOf(qint64 us)
{
    const quint64 v = quint64(clampValue(us));
    if (v < quint64(kSubBuckets))
        return int(v);
    const int width = std::bit_width(v);
    const int shift = width - 1 - kSubBucketBits;
    const qint64 top = qint64(v >> shift);
    return int(kSubBuckets + shift * kSubBuckets + (top - kSubBuckets));
}

qint64 LatencyHistogram::bucketLowest(int bucket)
{
    if (bucket < kSubBuckets)
        return bucket;
    const int shift = int((bucket - kSubBuckets) / kSubBuckets);
    const qint64 top = kSubBuckets + (bucket - kSubBuckets) % kSubBuckets;
    return top << shift;
}

qint64 LatencyHistogram::bucketHighest(int bucket)
{
    if (bucket < kSubBuckets)
        return bucket;
    const int shift = int((bucket - kSubBuckets) / kSubBuckets);
    return bucketLowest(bucket) + (qint64(1) << shift) - 1;
}

int LatencyHistogram::bucketCount()
{
    return bucketOf(kLargest) + 1;
}

LatencyHistogram::LatencyHistogram() : m_counts(size_t(bucketCount()), 0) {}

void LatencyHistogram::record(qint64 us)
{
    const qint64 v = clampValue(us);
    ++m_counts[size_t(bucketOf(v))];
    m_min = m_count ? std::min(m_min, v) : v;
    m_max = m_count ? std::max(m_max, v) : v;
    ++m_count;
    m_sum += v;
}

void LatencyHistogram::merge(const LatencyHistogram &other)
{
    if (!other.m_count)
        return;
    for (size_t i = 0; i < m_counts.size(); ++i)
        m_counts[i] += other.m_counts[i];
    m_min = m_count ? std::min(m_min, other.m_min) : other.m_min;
    m_max = m_count ? std::max(m_max, other.m_max) : other.m_max;
    m_count += other.m_count;
    m_sum += other.m_sum;
}

void LatencyHistogram::reset()
{
    std::fill(m_counts.begin(), m_counts.end(), 0);
    m_count = m_sum = m_min = m_max = 0;
}

qint64 LatencyHistogram::quantile(double q) const
{
    if (!m_count)
        return 0;
    q = std::clamp(q, 0.0, 1.0);
    // The rank of the value asked for, 1-based: at least one value.
    const qint64 rank = std::max<qint64>(1, qint64(std::ceil(q * double(m_count))));
    qint64 seen = 0;
    for (size_t i = 0; i < m_counts.size(); ++i) {
        seen += m_counts[i];
        if (seen >= rank)
            return std::clamp(bucketHighest(int(i)), m_min, m_max);
    }
    return m_max;
}
