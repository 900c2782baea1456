#include "ConfirmQuestion.h"

#include <QMessageBox>
#include <QPushButton>

void ConfirmQuestion::ask(QWidget *parent, const QString &title, const QString &question,
                          std::function<void()> yes)
{
    auto *box = new QMessageBox(QMessageBox::Question, title, question,
                                QMessageBox::Yes | QMessageBox::No, parent);
    box->setObjectName(QStringLiteral("confirmAction"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setDefaultButton(QMessageBox::No);
    QAbstractButton *yesButton = box->button(QMessageBox::Yes);
    QObject::connect(box, &QMessageBox::buttonClicked, box,
                     [yesButton, yes = std::move(yes)](QAbstractButton *clicked) {
                         if (clicked == yesButton)
                             yes();
                     });
    box->open();
}
