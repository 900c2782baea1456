#include "WindowFit.h"

#include <QDockWidget>
#include <QEvent>
#include <QMainWindow>
#include <QMetaObject>
#include <QScreen>

WindowFit::WindowFit(QMainWindow *window, QDockWidget *details)
    : QObject(window), m_window(window), m_details(details)
{
    m_window->installEventFilter(this);
}

int WindowFit::detailsWidth(int windowWidth, int minimum)
{
    const int maximum = int(windowWidth * MaxDetailsShare);
    return qMax(minimum, qMin(maximum, int(windowWidth * 0.32)));
}

QRect WindowFit::fitted(const QRect &frame, const QRect &available)
{
    if (available.isEmpty())
        return frame;
    QRect result = frame;
    result.setWidth(qMin(frame.width(), available.width()));
    result.setHeight(qMin(frame.height(), available.height()));
    result.moveLeft(
        qBound(available.left(), result.left(), available.right() - result.width() + 1));
    result.moveTop(qBound(available.top(), result.top(), available.bottom() - result.height() + 1));
    return result;
}

void WindowFit::fitToScreen()
{
    if (m_window->isMaximized() || m_window->isFullScreen())
        return; // the window system keeps those on the screen
    const QScreen *screen = m_window->screen();
    if (!screen)
        return;
    const QRect frame = m_window->frameGeometry();
    const QRect target = fitted(frame, screen->availableGeometry());
    if (target == frame)
        return;
    // The frame's margins stay: the client area shrinks by what the frame must lose.
    const QSize margins = frame.size() - m_window->size();
    m_window->resize(target.size() - margins);
    m_window->move(target.topLeft());
}

void WindowFit::fitDetails()
{
    if (!m_details || !m_details->isVisible() || m_details->isFloating())
        return;
    const int width = m_window->width();
    if (m_details->width() <= int(width * MaxDetailsShare))
        return;
    m_window->resizeDocks({m_details}, {detailsWidth(width, m_details->minimumWidth())},
                          Qt::Horizontal);
}

bool WindowFit::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_window) {
        switch (event->type()) {
        case QEvent::Show:
            fitToScreen();
            [[fallthrough]];
        case QEvent::Resize:
            // Once the layout has placed the docks at the new size.
            QMetaObject::invokeMethod(this, &WindowFit::fitDetails, Qt::QueuedConnection);
            break;
        default:
            break;
        }
    }
    return QObject::eventFilter(watched, event);
}
