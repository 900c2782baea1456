#pragma once

#include <QtGlobal>

#include <vector>

// Latencies in microseconds, log-bucketed (Debian packages no C/C++ HdrHistogram, only the Go
// and Java ones). Values below 2^kSubBucketBits are counted exactly; above, every power of
// two is split into 2^kSubBucketBits equal sub-buckets, so a reported value is at most
// relativeError() (1/128 = 0.78%) above the true one, and never below it: quantile() answers
// the highest value of its bucket, clamped to the largest value recorded. Values above
// 2^kMaxBits - 1 (about 12.7 days) count as that value; negative ones as 0.
// Not thread-safe: each session records into its own, and snapshots merge them.
class LatencyHistogram
{
public:
    static constexpr int kSubBucketBits = 7;
    static constexpr int kMaxBits = 40;
    static constexpr double relativeError() { return 1.0 / (1 << kSubBucketBits); }

    LatencyHistogram();

    void record(qint64 us);
    void merge(const LatencyHistogram &other);
    void reset();

    qint64 count() const { return m_count; }
    qint64 min() const { return m_count ? m_min : 0; }
    qint64 max() const { return m_count ? m_max : 0; }
    double mean() const { return m_count ? double(m_sum) / double(m_count) : 0.0; }
    // The value at quantile q (0..1; 0.5 = p50): the smallest recorded bucket's upper bound
    // such that at least q of the values are at or below it. 0 when empty.
    qint64 quantile(double q) const;

    // Bucket arithmetic, public for the tests.
    static int bucketOf(qint64 us);
    static qint64 bucketHighest(int bucket);
    static qint64 bucketLowest(int bucket);
    static int bucketCount();

private:
    std::vector<qint64> m_counts;
    qint64 m_count = 0;
    qint64 m_sum = 0;
    qint64 m_min = 0;
    qint64 m_max = 0;
};
