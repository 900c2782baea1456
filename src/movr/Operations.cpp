#include "Operations.h"

#include <QAtomicInteger>
#include <QDateTime>
#include <QUuid>

#include <algorithm>

QString newClientUuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString clientTimestamp()
{
    // Milliseconds from the clock plus a microsecond counter, so two calls within the same
    // millisecond still give different keys.
    static QAtomicInteger<qint64> last(0);
    qint64 micros = QDateTime::currentMSecsSinceEpoch() * 1000;
    for (int guard = 0; guard < 1000000; ++guard) {
        const qint64 previous = last.loadAcquire();
        const qint64 next = std::max(micros, previous + 1);
        if (last.testAndSetOrdered(previous, next)) {
            micros = next;
            break;
        }
    }
    const QDateTime time = QDateTime::fromMSecsSinceEpoch(micros / 1000, Qt::UTC);
    return time.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz")) +
           QStringLiteral("%1").arg(micros % 1000, 3, 10, QLatin1Char('0'));
}

// The operations themselves, one file per entity: RideOperations.cpp, VehicleOperations.cpp,
// UserOperations.cpp, PromoCodeOperations.cpp; what they share: OperationSupport.

QList<QStringList> Operations::chunks(const QStringList &ids, int chunkSize)
{
    QList<QStringList> result;
    const int size = std::max(1, chunkSize);
    for (qsizetype start = 0; start < ids.size(); start += size)
        result.append(ids.mid(start, size));
    return result;
}
