#include "AsOfBar.h"

#include "worker/AsOfTime.h"
#include "worker/BrowseWorker.h"

#include <QCheckBox>
#include <QDateTimeEdit>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

AsOfBar::AsOfBar(QWidget *parent)
    : QWidget(parent), m_check(new QCheckBox(tr("As of"), this)), m_edit(new QDateTimeEdit(this)),
      m_message(new QLabel(this)), m_clock([] { return QDateTime::currentDateTime(); })
{
    setObjectName(QStringLiteral("asOfBar"));
    m_check->setObjectName(QStringLiteral("asOfCheck"));
    m_check->setToolTip(tr("Show this row and its relations as they were at this time "
                           "(AS OF SYSTEM TIME)"));
    m_edit->setObjectName(QStringLiteral("asOfTime"));
    m_edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    m_edit->setCalendarPopup(true);
    m_edit->setEnabled(false);
    m_message->setObjectName(QStringLiteral("asOfMessage"));
    m_message->setWordWrap(true);
    m_message->hide();

    auto *row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_check);
    row->addWidget(m_edit, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(row);
    layout->addWidget(m_message);
    hide();

    connect(m_check, &QCheckBox::toggled, this, &AsOfBar::onToggled);
    connect(m_edit, &QDateTimeEdit::editingFinished, this, &AsOfBar::onEdited);
}

AsOfBar::~AsOfBar()
{
    if (m_worker && m_client)
        m_worker->forgetClient(m_client);
}

void AsOfBar::setAvailable(bool available)
{
    m_available = available;
    setVisible(available);
    if (!available)
        m_check->setChecked(false);
}

void AsOfBar::setWorker(BrowseWorker *worker)
{
    if (m_worker == worker)
        return;
    if (m_worker) {
        disconnect(m_worker, nullptr, this, nullptr);
        if (m_client)
            m_worker->forgetClient(m_client);
    }
    m_worker = worker;
    m_client = 0;
    m_gcWindowSeconds = -1; // another connection, perhaps another cluster
    if (!m_worker)
        return;
    m_client = m_worker->newClientId();
    connect(m_worker, &BrowseWorker::pageReady, this, &AsOfBar::onPage);
    if (m_check->isChecked())
        requestGcWindow();
}

void AsOfBar::setTable(BrowseTable table)
{
    if (m_table == table)
        return;
    m_table = table;
    if (m_check->isChecked())
        requestGcWindow();
}

QDateTime AsOfBar::time() const
{
    if (!m_available || !m_check->isChecked())
        return {};
    return m_edit->dateTime();
}

QDateTime AsOfBar::earliest() const
{
    return m_edit->minimumDateTime();
}

QDateTime AsOfBar::latest() const
{
    return m_edit->maximumDateTime();
}

QString AsOfBar::message() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

bool AsOfBar::showRefusal(const DbError &error)
{
    const std::optional<QString> sentence = AsOfTime::refusal(error, m_gcWindowSeconds);
    if (!sentence)
        return false;
    m_message->setText(*sentence);
    m_message->show();
    return true;
}

void AsOfBar::onToggled(bool on)
{
    m_edit->setEnabled(on);
    m_message->hide();
    if (on) {
        // A minute ago, every time: a time picked hours ago may be past the GC window now.
        applyBounds(true);
        requestGcWindow();
    }
    m_shown = time();
    Q_EMIT timeChanged();
}

void AsOfBar::onEdited()
{
    if (!m_check->isChecked())
        return;
    applyBounds(false); // "now" has moved on since the bounds were set
    if (m_edit->dateTime() == m_shown)
        return;
    m_message->hide();
    m_shown = m_edit->dateTime();
    Q_EMIT timeChanged();
}

void AsOfBar::applyBounds(bool resetToDefault)
{
    const QDateTime now = m_clock();
    const AsOfTime::Bounds bounds = AsOfTime::bounds(now, m_gcWindowSeconds);
    const QDateTime chosen = resetToDefault ? AsOfTime::defaultTime(now, bounds)
                                            : AsOfTime::clamp(m_edit->dateTime(), bounds);
    const QSignalBlocker quiet(m_edit);
    m_edit->setDateTimeRange(bounds.earliest, bounds.latest);
    m_edit->setDateTime(chosen);
}

void AsOfBar::requestGcWindow()
{
    if (!m_worker || !m_available)
        return;
    PageRequest request;
    request.kind = PageRequest::Kind::GcWindow;
    request.client = m_client;
    request.generation = ++m_generation;
    request.table = m_table;
    request.action = tr("Details: as of (GC window)");
    m_worker->submit(request);
}

void AsOfBar::onPage(const Page &page)
{
    if (page.client != m_client || page.generation != m_generation ||
        page.kind != PageRequest::Kind::GcWindow || page.error || page.estimate <= 0)
        return;
    m_gcWindowSeconds = page.estimate;
    if (!m_check->isChecked())
        return;
    applyBounds(false);
    if (m_edit->dateTime() != m_shown) {
        m_shown = m_edit->dateTime();
        Q_EMIT timeChanged();
    }
}
