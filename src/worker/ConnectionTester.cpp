#include "ConnectionTester.h"

#include "pg/PgConnection.h"

#include <QCoreApplication>
#include <QPointer>
#include <QThread>

ConnectionTester::ConnectionTester(QObject *parent) : QObject(parent) {}

ConnectionTester::~ConnectionTester() = default;

void ConnectionTester::test(const ConnectionSettings &settings)
{
    const quint64 generation = ++m_generation;
    ++m_running;
    QPointer<ConnectionTester> self(this);
    QThread *thread = QThread::create([self, settings, generation] {
        auto connection = PgConnection::open(settings);
        std::optional<ServerInfo> info;
        std::optional<DbError> error;
        if (connection)
            info = (*connection)->serverInfo();
        else
            error = connection.error();
        // Back to the GUI thread through the application object, which outlives the tester;
        // the QPointer is only read there, so a tester deleted meanwhile is simply skipped.
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [self, generation, info, error] {
                if (!self)
                    return;
                --self->m_running;
                if (generation == self->m_generation)
                    Q_EMIT self->finished(info, error);
            },
            Qt::QueuedConnection);
    });
    // The thread ends on its own (connect_timeout bounds it) and deletes itself.
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    thread->start();
}
