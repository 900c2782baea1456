#pragma once

#include <QLayout>
#include <QList>

// Lays its items out left to right, starting a new line when the next one does not fit, each
// line's items centred vertically. A filter bar in it fits a narrow window on two lines
// instead of forcing the window to be as wide as all its fields together.
class FlowLayout : public QLayout
{
public:
    explicit FlowLayout(QWidget *parent = nullptr);
    ~FlowLayout() override;

    void addItem(QLayoutItem *item) override;
    int count() const override;
    QLayoutItem *itemAt(int index) const override;
    QLayoutItem *takeAt(int index) override;

    Qt::Orientations expandingDirections() const override;
    bool hasHeightForWidth() const override;
    int heightForWidth(int width) const override;
    QSize minimumSize() const override; // the widest item: everything may wrap
    QSize sizeHint() const override;    // everything on one line
    void setGeometry(const QRect &rect) override;

private:
    // Places the items in `rect` (when `apply`); returns the height used.
    int arrange(const QRect &rect, bool apply) const;
    int gap() const;

    QList<QLayoutItem *> m_items;
};
