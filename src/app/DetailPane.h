#pragma once

#include "models/EntityRelations.h"
#include "worker/BrowseTypes.h"
#include "worker/BrowseWorker.h"

#include <QPointer>
#include <QSet>
#include <QWidget>

#include <functional>

class AsOfBar;
class EntityFields;
class BrowseTableModel;
class LocationTrailPlot;
class QLabel;
class QPushButton;
class QTableView;
class QVBoxLayout;

// The relations of the selected row: a user's rides, vehicles and promo codes; a vehicle's
// owner, rides and the location trail of a selected ride; a ride's rider, vehicle and
// location history (the table of them is EntityRelations). Each relation is a small table
// fed by the browse worker; Enter or a double-click on one of its rows follows the link
// (Back returns). The entity itself is read again by its key through the browse worker
// (RowRequest) after an edit and as of a time.
//
// The entity's values are selectable text: Ctrl+C copies the selection, and the context menu
// of a value offers "Copy value" (the whole value: full ids, timestamps as stored). After a
// committed edit, refreshAfterEdit() re-reads what the edit touched, keeping the history.
class DetailPane : public QWidget
{
    Q_OBJECT

public:
    explicit DetailPane(QWidget *parent = nullptr);
    ~DetailPane() override;

    void setWorker(BrowseWorker *worker);
    // CockroachDB: offers "as of a time" (AS OF SYSTEM TIME) for the entity and its
    // relations; hidden on PostgreSQL.
    void setTimeTravelAvailable(bool available);
    bool isTimeTravelAvailable() const;
    // The time the pane shows the data as of; invalid = now.
    QDateTime asOf() const;
    AsOfBar *asOfBar() const { return m_asOf; }
    // Shows this row of this table and loads its relations.
    void showEntity(BrowseTable table, const RowData &row);
    void clear();

    bool hasEntity() const { return m_hasEntity; }
    BrowseTable entityTable() const { return m_table; }
    const RowData &entityRow() const { return m_row; }
    // The primary key of the entity shown (TableSpec::keyColumns' values); empty when none.
    // With entityTable(): what actions read to fill in "the ride in the details pane".
    KeyValues entityKey() const;
    QString titleText() const;
    QStringList sectionNames() const;
    BrowseTableModel *sectionModel(const QString &name) const;
    QTableView *sectionView(const QString &name) const;
    LocationTrailPlot *trailPlot() const { return m_plot; }
    // Follows the link of a row in a section (what Enter / double-click do).
    void followLink(const QString &section, int row);
    // The value label of one of the entity's columns (by column name), and what "Copy value"
    // puts on the clipboard for it; null / empty when not shown.
    QLabel *fieldLabel(const QString &column) const;
    QString fieldCopyText(const QString &column) const;

    // An edit committed (EditController's touched rows and reloaded tables): re-reads the
    // entity through the browse worker when it is among `rows`, refreshes the sections' rows
    // in place and reloads the sections of `reload` tables (current row and scroll kept).
    // The rows in the Back history are read again when returned to.
    void refreshAfterEdit(const QList<QPair<BrowseTable, KeyValues>> &rows,
                          const QList<BrowseTable> &reload);

    // Reads the entity again by its key (live updates, and after edits); a row no longer in
    // the database says so in the title. Nothing while showing a past time.
    void reReadEntity();

public Q_SLOTS:
    void back();

Q_SIGNALS:
    void entityShown(BrowseTable table);
    // The entity shown was re-read after an edit (its fields show the new values).
    void entityRefreshed();

private:
    struct Section
    {
        QString name;
        EntityRelation relation;
        BrowseTableModel *model = nullptr;
        QTableView *view = nullptr;
        QWidget *container = nullptr;
    };
    void show(BrowseTable table, RowData row, bool remember); // a copy: models reset
    Section &addSection(const EntityRelation &relation,
                        const QList<QPair<QString, QString>> &equals);
    void showTrailOf(const RowData &ride);
    const Section *section(const QString &name) const;
    void clearSections();
    // Reads the entity again by its key (as of asOf() when set); `onRead` gets the row, or
    // nullptr when it no longer exists.
    void readEntity(const QString &action, std::function<void(const RowData *)> onRead);
    void onRowRead(const RowReply &reply);
    void updateEntity(const RowData &row);
    void reloadSection(const Section &section);
    // A read as of a time failed: the as-of bar says why, when the server refused the time.
    void watchAsOfErrors(BrowseTableModel *model);
    // The table and the key as one string (BrowseTableModel::keyString with the table).
    static QString keyString(BrowseTable table, const KeyValues &key);

    QPointer<BrowseWorker> m_worker;
    // Reads of the entity by key: this pane's client of the worker, the newest read's
    // generation and time, and what to do with its answer (empty: none awaited).
    quint64 m_rowClient = 0;
    quint64 m_rowGeneration = 0;
    QDateTime m_readAsOf;
    std::function<void(const RowData *)> m_onRead;
    bool m_hasEntity = false;
    BrowseTable m_table = BrowseTable::Rides;
    RowData m_row;
    QList<QPair<BrowseTable, RowData>> m_history;
    // History entries touched by an edit since they were shown (keyString()).
    QSet<QString> m_staleHistory;

    QLabel *m_title;
    QPushButton *m_back;
    EntityFields *m_fields;
    QVBoxLayout *m_sectionsLayout;
    QWidget *m_sectionsHost;
    QList<Section> m_sections;
    LocationTrailPlot *m_plot;
    QLabel *m_plotTitle;
    BrowseTableModel *m_trailModel = nullptr;
    // As of a time (CockroachDB): the entity re-read at that time.
    AsOfBar *m_asOf;
};
