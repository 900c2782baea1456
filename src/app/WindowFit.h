#pragma once

#include <QObject>
#include <QPointer>
#include <QRect>

class QDockWidget;
class QMainWindow;

// Keeps the main window usable on the screen it is on, whatever was saved on another one:
// - the window lies within the screen's available area (a geometry saved on a larger screen
//   is shrunk and moved inside it when the window is shown);
// - the details dock is a proportion of the window (detailsWidth), never most of it: a dock
//   width restored from a wider window, or left after the window was made narrower, is
//   brought back to the proportion, so the tables and their filter bars keep their room.
// Lives as a child of the window and watches its Show and Resize events.
class WindowFit : public QObject
{
    Q_OBJECT

public:
    WindowFit(QMainWindow *window, QDockWidget *details);

    // The largest share of the window's width the details dock may take.
    static constexpr double MaxDetailsShare = 0.45;
    // The details dock's width in a window this wide: about a third, at least `minimum` (the
    // dock's minimum width), at most MaxDetailsShare.
    static int detailsWidth(int windowWidth, int minimum);
    // `frame` (a window's frame geometry) moved and shrunk to lie within `available`.
    static QRect fitted(const QRect &frame, const QRect &available);

    // Applies both rules now (also done on show and on resize).
    void fitToScreen();
    void fitDetails();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QMainWindow *m_window;
    QPointer<QDockWidget> m_details;
};
