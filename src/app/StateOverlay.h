#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

// Covers a table's viewport to say what is going on when there are no rows to show:
// loading, empty, or an error with a Retry button. Hidden when rows are shown.
class StateOverlay : public QWidget
{
    Q_OBJECT

public:
    explicit StateOverlay(QWidget *parent);

    void showLoading(const QString &what);
    void showEmpty(const QString &message);
    void showError(const QString &message);
    QString message() const;
    bool isRetryVisible() const;

Q_SIGNALS:
    void retryRequested();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void follow();
    QLabel *m_label;
    QPushButton *m_retry;
};
