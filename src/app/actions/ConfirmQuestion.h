#pragma once

#include <QString>

#include <functional>

class QWidget;

// A Yes / No question before an action that cannot be taken back (retire, delete), opened
// window-modal without blocking; `yes` runs when Yes is clicked. Its object name is
// "confirmAction".
class ConfirmQuestion
{
public:
    static void ask(QWidget *parent, const QString &title, const QString &question,
                    std::function<void()> yes);
};
