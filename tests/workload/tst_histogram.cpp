#include "workload/LatencyHistogram.h"

#include <QRandomGenerator>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

// The log-bucketed latency histogram of the workload statistics: exact below 2^kSubBucketBits,
// above that a reported quantile never below the true value and at most relativeError() above
// it (checked against a sorted vector), merging, clamping and the bucket arithmetic.
class TestHistogram : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void empty();
    void exactSmallValues();
    void errorBound_data();
    void errorBound();
    void merge();
    void clamping();
    void bucketRoundTrips();
    void reset();
};

namespace {

constexpr qint64 kLargest = (qint64(1) << LatencyHistogram::kMaxBits) - 1;
constexpr qint64 kExactBelow = qint64(1) << LatencyHistogram::kSubBucketBits;

const double Quantiles[] = {0.0, 0.001, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999, 1.0};

// The value of rank ceil(q * n) (at least 1) in sorted `values`: what quantile(q) describes.
qint64 referenceQuantile(const std::vector<qint64> &sorted, double q)
{
    const auto n = qint64(sorted.size());
    const qint64 rank = std::max<qint64>(1, qint64(std::ceil(q * double(n))));
    return sorted[size_t(std::min(rank, n) - 1)];
}

} // namespace

void TestHistogram::empty()
{
    const LatencyHistogram histogram;
    QCOMPARE(histogram.count(), 0);
    QCOMPARE(histogram.min(), 0);
    QCOMPARE(histogram.max(), 0);
    QCOMPARE(histogram.mean(), 0.0);
    for (double q : Quantiles)
        QCOMPARE(histogram.quantile(q), 0);
}

void TestHistogram::exactSmallValues()
{
    // Every value below 2^kSubBucketBits has its own bucket: each quantile is exact.
    LatencyHistogram histogram;
    std::vector<qint64> values;
    for (qint64 v = kExactBelow - 1; v >= 0; --v) { // out of order on purpose
        histogram.record(v);
        histogram.record(v);
        values.push_back(v);
        values.push_back(v);
    }
    std::sort(values.begin(), values.end());
    QCOMPARE(histogram.count(), qint64(values.size()));
    QCOMPARE(histogram.min(), 0);
    QCOMPARE(histogram.max(), kExactBelow - 1);
    QCOMPARE(histogram.mean(), double(kExactBelow - 1) / 2.0);
    for (double q : Quantiles)
        QCOMPARE(histogram.quantile(q), referenceQuantile(values, q));
    for (qint64 i = 1; i <= qint64(values.size()); ++i) {
        const double q = double(i) / double(values.size());
        QCOMPARE(histogram.quantile(q), values[size_t(i - 1)]);
    }

    LatencyHistogram single;
    single.record(42);
    for (double q : Quantiles)
        QCOMPARE(single.quantile(q), 42);
    QCOMPARE(single.mean(), 42.0);
}

void TestHistogram::errorBound_data()
{
    QTest::addColumn<quint32>("seed");
    QTest::addColumn<int>("count");
    QTest::addColumn<double>("maxLog2"); // values spread log-uniformly over [1, 2^maxLog2)
    QTest::newRow("milliseconds") << 1u << 20000 << 17.0;
    QTest::newRow("seconds to hours") << 2u << 20000 << 32.0;
    QTest::newRow("whole range") << 3u << 50000 << double(LatencyHistogram::kMaxBits);
    QTest::newRow("few values") << 4u << 7 << 24.0;
    QTest::newRow("tight cluster") << 5u << 10000 << 10.5;
}

void TestHistogram::errorBound()
{
    QFETCH(quint32, seed);
    QFETCH(int, count);
    QFETCH(double, maxLog2);
    QRandomGenerator random(seed);
    LatencyHistogram histogram;
    std::vector<qint64> values;
    values.reserve(size_t(count));
    for (int i = 0; i < count; ++i) {
        const qint64 v =
            std::min<qint64>(kLargest, qint64(std::exp2(random.generateDouble() * maxLog2)));
        values.push_back(v);
        histogram.record(v);
    }
    std::sort(values.begin(), values.end());
    QCOMPARE(histogram.count(), qint64(count));
    QCOMPARE(histogram.min(), values.front());
    QCOMPARE(histogram.max(), values.back());
    double sum = 0;
    for (qint64 v : values)
        sum += double(v);
    QVERIFY(std::abs(histogram.mean() - sum / count) <= 1e-9 * sum / count + 1e-9);

    std::vector<double> quantiles(std::begin(Quantiles), std::end(Quantiles));
    for (int i = 0; i < 200; ++i)
        quantiles.push_back(random.generateDouble());
    for (double q : quantiles) {
        const qint64 truth = referenceQuantile(values, q);
        const qint64 reported = histogram.quantile(q);
        QVERIFY2(reported >= truth,
                 qPrintable(QStringLiteral("q %1: %2 < true %3").arg(q).arg(reported).arg(truth)));
        QVERIFY2(double(reported) <= double(truth) * (1.0 + LatencyHistogram::relativeError()),
                 qPrintable(QStringLiteral("q %1: %2 above true %3 by more than the bound")
                                .arg(q)
                                .arg(reported)
                                .arg(truth)));
    }
    QCOMPARE(histogram.quantile(1.0), values.back()); // pMax is the exact maximum
}

void TestHistogram::merge()
{
    QRandomGenerator random(7);
    LatencyHistogram first, second, all;
    for (int i = 0; i < 5000; ++i) {
        const qint64 v = qint64(std::exp2(random.generateDouble() * 30));
        (i % 3 ? first : second).record(v);
        all.record(v);
    }
    second.record(0);
    all.record(0);
    second.record(kLargest);
    all.record(kLargest);

    LatencyHistogram merged;
    merged.merge(first); // into an empty one
    QCOMPARE(merged.count(), first.count());
    QCOMPARE(merged.min(), first.min());
    QCOMPARE(merged.max(), first.max());
    merged.merge(second);
    merged.merge(LatencyHistogram()); // an empty one changes nothing
    QCOMPARE(merged.count(), all.count());
    QCOMPARE(merged.min(), 0);
    QCOMPARE(merged.max(), kLargest);
    QCOMPARE(merged.mean(), all.mean());
    for (double q : Quantiles)
        QCOMPARE(merged.quantile(q), all.quantile(q));
    for (int i = 0; i < 100; ++i) {
        const double q = random.generateDouble();
        QCOMPARE(merged.quantile(q), all.quantile(q));
    }

    // Merging is order-independent.
    LatencyHistogram other;
    other.merge(second);
    other.merge(first);
    for (double q : Quantiles)
        QCOMPARE(other.quantile(q), merged.quantile(q));
    QCOMPARE(other.min(), merged.min());
    QCOMPARE(other.max(), merged.max());
}

void TestHistogram::clamping()
{
    LatencyHistogram histogram;
    histogram.record(-5); // counts as 0
    QCOMPARE(histogram.count(), 1);
    QCOMPARE(histogram.min(), 0);
    QCOMPARE(histogram.max(), 0);
    QCOMPARE(histogram.quantile(0.5), 0);

    histogram.record(std::numeric_limits<qint64>::max()); // counts as the largest value
    histogram.record(kLargest + 1);
    QCOMPARE(histogram.count(), 3);
    QCOMPARE(histogram.max(), kLargest);
    QCOMPARE(histogram.quantile(1.0), kLargest);
    QCOMPARE(histogram.quantile(0.0), 0);
    // Quantiles outside 0..1 are clamped.
    QCOMPARE(histogram.quantile(-1.0), 0);
    QCOMPARE(histogram.quantile(7.0), kLargest);

    QCOMPARE(LatencyHistogram::bucketOf(-1), 0);
    QCOMPARE(LatencyHistogram::bucketOf(std::numeric_limits<qint64>::max()),
             LatencyHistogram::bucketCount() - 1);

    // The answer never exceeds the largest value recorded, even inside a wide bucket.
    LatencyHistogram wide;
    wide.record(1000001);
    QCOMPARE(wide.quantile(0.5), 1000001);
    QVERIFY(LatencyHistogram::bucketHighest(LatencyHistogram::bucketOf(1000001)) > 1000001);
}

void TestHistogram::bucketRoundTrips()
{
    const int buckets = LatencyHistogram::bucketCount();
    QCOMPARE(buckets, LatencyHistogram::bucketOf(kLargest) + 1);
    QCOMPARE(LatencyHistogram::bucketLowest(0), 0);
    QCOMPARE(LatencyHistogram::bucketHighest(buckets - 1), kLargest);
    for (int b = 0; b < buckets; ++b) {
        const qint64 lowest = LatencyHistogram::bucketLowest(b);
        const qint64 highest = LatencyHistogram::bucketHighest(b);
        QVERIFY(lowest <= highest);
        QCOMPARE(LatencyHistogram::bucketOf(lowest), b);
        QCOMPARE(LatencyHistogram::bucketOf(highest), b);
        QCOMPARE(LatencyHistogram::bucketOf((lowest + highest) / 2), b);
        if (b + 1 < buckets)
            QCOMPARE(LatencyHistogram::bucketLowest(b + 1), highest + 1); // no gap, no overlap
        if (lowest < kExactBelow) {
            QCOMPARE(highest, lowest); // exact
        } else {
            // A bucket's width is at most relativeError() of its lowest value.
            QVERIFY(double(highest - lowest + 1) <=
                    double(lowest) * LatencyHistogram::relativeError());
        }
    }
    // Every power of two starts a bucket; the value just below it ends one.
    for (int bit = 1; bit < LatencyHistogram::kMaxBits; ++bit) {
        const qint64 power = qint64(1) << bit;
        const int b = LatencyHistogram::bucketOf(power);
        QCOMPARE(LatencyHistogram::bucketLowest(b), power);
        QCOMPARE(LatencyHistogram::bucketHighest(LatencyHistogram::bucketOf(power - 1)), power - 1);
    }
}

void TestHistogram::reset()
{
    LatencyHistogram histogram;
    for (qint64 v : {3, 300, 30000, 3000000})
        histogram.record(v);
    histogram.reset();
    QCOMPARE(histogram.count(), 0);
    QCOMPARE(histogram.max(), 0);
    QCOMPARE(histogram.quantile(0.99), 0);
    histogram.record(77);
    QCOMPARE(histogram.min(), 77);
    QCOMPARE(histogram.max(), 77);
    QCOMPARE(histogram.quantile(0.5), 77);
}

QTEST_GUILESS_MAIN(TestHistogram)
#include "tst_histogram.moc"
