#pragma once

#include "worker/BrowseTypes.h"

#include <QDateTime>
#include <QPointer>
#include <QWidget>

#include <functional>

class BrowseWorker;
class QCheckBox;
class QDateTimeEdit;
class QLabel;

// "As of [time]" above the details pane (CockroachDB's AS OF SYSTEM TIME). Ticking it sets the
// time to a minute ago, every time, and bounds the picker to what the server can answer now
// (AsOfTime::bounds: the table's GC window, read from the server when ticked, to now); a
// refusal of the server shows as a sentence below it.
class AsOfBar : public QWidget
{
    Q_OBJECT

public:
    explicit AsOfBar(QWidget *parent = nullptr);
    ~AsOfBar() override;

    // Shown only where the server has time travel; unticked when hidden.
    void setAvailable(bool available);
    bool isAvailable() const { return m_available; }
    void setWorker(BrowseWorker *worker);
    // The table whose GC window bounds the picker (the entity shown).
    void setTable(BrowseTable table);
    // The time chosen; invalid = now (unticked or unavailable).
    QDateTime time() const;
    QDateTime earliest() const;
    QDateTime latest() const;
    qint64 gcWindowSeconds() const { return m_gcWindowSeconds; }
    // Shows the sentence for an as-of refusal (AsOfTime::refusal); false when `error` is not
    // one (then nothing is shown).
    bool showRefusal(const DbError &error);
    QString message() const;

    QCheckBox *checkBox() const { return m_check; }
    QDateTimeEdit *editor() const { return m_edit; }
    // Tests: the clock the bounds and the default time are taken from.
    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }

Q_SIGNALS:
    // Ticked, unticked, or another time chosen.
    void timeChanged();

private:
    void onToggled(bool on);
    void onEdited();
    void applyBounds(bool resetToDefault);
    void requestGcWindow();
    void onPage(const Page &page);

    QCheckBox *m_check;
    QDateTimeEdit *m_edit;
    QLabel *m_message;
    bool m_available = false;
    QPointer<BrowseWorker> m_worker;
    quint64 m_client = 0;
    quint64 m_generation = 0;
    BrowseTable m_table = BrowseTable::Rides;
    qint64 m_gcWindowSeconds = -1; // -1: not read (the default window is assumed)
    QDateTime m_shown;             // the time last announced by timeChanged()
    std::function<QDateTime()> m_clock;
};
