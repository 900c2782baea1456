#include "StateOverlay.h"

#include <QEvent>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

StateOverlay::StateOverlay(QWidget *parent)
    : QWidget(parent), m_label(new QLabel(this)), m_retry(new QPushButton(tr("Retry"), this))
{
    setAutoFillBackground(true);
    auto *layout = new QVBoxLayout(this);
    layout->addStretch();
    m_label->setAlignment(Qt::AlignCenter);
    m_label->setWordWrap(true);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_label);
    layout->addWidget(m_retry, 0, Qt::AlignHCenter);
    layout->addStretch();
    m_retry->hide();
    connect(m_retry, &QPushButton::clicked, this, &StateOverlay::retryRequested);
    parent->installEventFilter(this);
    follow();
    hide();
}

void StateOverlay::showLoading(const QString &what)
{
    m_label->setText(what);
    m_retry->hide();
    show();
    raise();
}

void StateOverlay::showEmpty(const QString &message)
{
    m_label->setText(message);
    m_retry->hide();
    show();
    raise();
}

void StateOverlay::showError(const QString &message)
{
    m_label->setText(tr("Could not load the rows:\n%1").arg(message));
    m_retry->show();
    show();
    raise();
}

QString StateOverlay::message() const
{
    return m_label->text();
}

bool StateOverlay::isRetryVisible() const
{
    return !m_retry->isHidden();
}

bool StateOverlay::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == parentWidget() && event->type() == QEvent::Resize)
        follow();
    return QWidget::eventFilter(watched, event);
}

void StateOverlay::follow()
{
    setGeometry(parentWidget()->rect());
}
