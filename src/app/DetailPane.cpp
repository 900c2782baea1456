#include "DetailPane.h"

#include "AsOfBar.h"
#include "EntityFields.h"
#include "LinkTableView.h"
#include "LocationTrailPlot.h"
#include "RelationLists.h"
#include "VisibleRowsTracker.h"
#include "models/BrowseTableModel.h"
#include "models/EntityRelations.h"
#include "worker/BrowseQuery.h"
#include "worker/BrowseWorker.h"

#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QTableView>
#include <QVBoxLayout>

namespace {

QString describe(BrowseTable table, const RowData &row)
{
    const TableSpec &spec = TableSpec::of(table);
    auto text = [&](const char *column) {
        return row.text(spec.columnIndex(QString::fromLatin1(column)));
    };
    switch (table) {
    case BrowseTable::Users:
        return DetailPane::tr("User %1 (%2)").arg(text("name"), text("city"));
    case BrowseTable::Vehicles:
        return DetailPane::tr("Vehicle %1… (%2, %3)")
            .arg(text("id").left(8), text("type"), text("city"));
    case BrowseTable::Rides:
        return DetailPane::tr("Ride %1… (%2)").arg(text("id").left(8), text("city"));
    case BrowseTable::PromoCodes:
        return DetailPane::tr("Promo code %1").arg(text("code"));
    default:
        return spec.title;
    }
}

} // namespace

DetailPane::DetailPane(QWidget *parent)
    : QWidget(parent), m_title(new QLabel(this)), m_back(new QPushButton(tr("← Back"), this)),
      m_fields(new EntityFields(this)), m_sectionsHost(new QWidget(this)),
      m_plot(new LocationTrailPlot(this)), m_plotTitle(new QLabel(this)), m_asOf(new AsOfBar(this))
{
    setObjectName(QStringLiteral("detailPane"));
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    m_title->setFont(titleFont);
    m_title->setWordWrap(true);
    m_back->setEnabled(false);
    connect(m_back, &QPushButton::clicked, this, &DetailPane::back);

    // As of a time: CockroachDB's AS OF SYSTEM TIME, for looking at a ride or a vehicle
    // as it was.
    connect(m_asOf, &AsOfBar::timeChanged, this, [this] {
        if (m_hasEntity)
            show(m_table, m_row, false);
    });

    auto *top = new QHBoxLayout;
    top->addWidget(m_title, 1);
    top->addWidget(m_back);

    m_sectionsLayout = new QVBoxLayout(m_sectionsHost);
    m_sectionsLayout->setContentsMargins(0, 0, 0, 0);

    auto *content = new QWidget(this);
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->addLayout(top);
    contentLayout->addWidget(m_asOf);
    contentLayout->addWidget(m_fields);
    contentLayout->addWidget(m_sectionsHost);
    contentLayout->addWidget(m_plotTitle);
    contentLayout->addWidget(m_plot);
    contentLayout->addStretch();

    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setWidget(content);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll);
    clear();
}

DetailPane::~DetailPane()
{
    if (m_worker)
        m_worker->forgetClient(m_rowClient);
}

void DetailPane::setWorker(BrowseWorker *worker)
{
    if (m_worker == worker)
        return;
    if (m_worker) {
        disconnect(m_worker, &BrowseWorker::rowReady, this, nullptr);
        m_worker->forgetClient(m_rowClient);
    }
    m_worker = worker;
    m_onRead = nullptr; // a read on its way is not answered by another worker
    if (m_worker) {
        m_rowClient = m_worker->newClientId();
        connect(m_worker, &BrowseWorker::rowReady, this, &DetailPane::onRowRead,
                Qt::QueuedConnection);
    }
    m_asOf->setWorker(worker);
    for (Section &section : m_sections)
        section.model->setWorker(worker);
    if (m_trailModel)
        m_trailModel->setWorker(worker);
}

void DetailPane::setTimeTravelAvailable(bool available)
{
    m_asOf->setAvailable(available);
}

bool DetailPane::isTimeTravelAvailable() const
{
    return m_asOf->isAvailable();
}

QDateTime DetailPane::asOf() const
{
    return m_asOf->time();
}

void DetailPane::watchAsOfErrors(BrowseTableModel *model)
{
    connect(model, &BrowseTableModel::stateChanged, this,
            [this, model](BrowseTableModel::State state) {
                // The time the failed read was for, not the bar's time now (unticked or
                // changed meanwhile).
                if (state == BrowseTableModel::State::Error && model->asOf().isValid())
                    m_asOf->showRefusal(model->error());
            });
}

void DetailPane::clear()
{
    clearSections();
    m_hasEntity = false;
    m_history.clear();
    m_staleHistory.clear();
    m_back->setEnabled(false);
    m_title->setText(tr("Select a row to see its relations."));
    m_fields->clear();
    m_plot->hide();
    m_plotTitle->hide();
}

void DetailPane::clearSections()
{
    // Later: a link is often followed from inside one of these views' event handlers.
    for (Section &section : m_sections) {
        section.model->setWorker(nullptr);
        section.container->hide();
        m_sectionsLayout->removeWidget(section.container);
        section.container->deleteLater(); // the view and the model are its children
    }
    m_sections.clear();
    m_plot->setModel(nullptr);
    delete m_trailModel;
    m_trailModel = nullptr;
    m_onRead = nullptr; // a read on its way was for the entity shown before
}

QString DetailPane::titleText() const
{
    return m_title->text();
}

QStringList DetailPane::sectionNames() const
{
    QStringList names;
    for (const Section &section : m_sections)
        names.append(section.name);
    return names;
}

const DetailPane::Section *DetailPane::section(const QString &name) const
{
    const auto found = std::find_if(m_sections.cbegin(), m_sections.cend(),
                                    [&name](const Section &s) { return s.name == name; });
    return found == m_sections.cend() ? nullptr : &*found;
}

BrowseTableModel *DetailPane::sectionModel(const QString &name) const
{
    const Section *shown = section(name);
    return shown ? shown->model : nullptr;
}

QTableView *DetailPane::sectionView(const QString &name) const
{
    const Section *shown = section(name);
    return shown ? shown->view : nullptr;
}

QLabel *DetailPane::fieldLabel(const QString &column) const
{
    return m_fields->label(column);
}

QString DetailPane::fieldCopyText(const QString &column) const
{
    return m_fields->copyText(column);
}

void DetailPane::showEntity(BrowseTable table, const RowData &row)
{
    show(table, row, true);
}

void DetailPane::back()
{
    if (m_history.isEmpty())
        return;
    const auto previous = m_history.takeLast();
    const QString key = keyString(
        previous.first, BrowseQuery::primaryKeyOf(TableSpec::of(previous.first), previous.second));
    // Changed by an edit since it was shown: the row kept here is stale.
    const bool stale = m_staleHistory.remove(key);
    show(previous.first, previous.second, false);
    if (stale)
        reReadEntity();
}

QString DetailPane::keyString(BrowseTable table, const KeyValues &key)
{
    return QString::number(int(table)) + QChar(0x1f) + BrowseTableModel::keyString(key);
}

void DetailPane::refreshAfterEdit(const QList<QPair<BrowseTable, KeyValues>> &rows,
                                  const QList<BrowseTable> &reload)
{
    if (!m_hasEntity || asOf().isValid())
        return; // the past does not change
    QSet<QString> touched;
    for (const auto &[table, key] : rows)
        touched.insert(keyString(table, key));
    // The rows kept for Back may be stale now (the edit's own rows, or rows whose relations
    // it changed, as ending a ride changes its vehicle): each is read again when returned to.
    for (const auto &[table, row] : std::as_const(m_history))
        m_staleHistory.insert(
            keyString(table, BrowseQuery::primaryKeyOf(TableSpec::of(table), row)));
    bool relatedTouched = false;
    for (const Section &section : std::as_const(m_sections)) {
        const BrowseTable table = section.model->table();
        if (reload.contains(table)) {
            reloadSection(section);
            continue;
        }
        QList<KeyValues> shown;
        bool missing = false;
        for (const auto &[rowTable, key] : rows) {
            if (rowTable != table)
                continue;
            if (section.model->rowForKey(key) >= 0)
                shown.append(key);
            else
                missing = true;
        }
        // A list (not a link by id) may have gained the row, e.g. a vehicle given to this
        // owner: read it again. Otherwise the shown rows update in place.
        const auto &equals = section.model->filter().equals;
        const bool byId = std::any_of(equals.begin(), equals.end(), [](const auto &pair) {
            return pair.first == QLatin1String("id");
        });
        if (missing && !byId)
            reloadSection(section);
        else if (!shown.isEmpty())
            section.model->refreshRows(shown);
        relatedTouched = relatedTouched || !shown.isEmpty();
    }
    // A change to a related row may change the entity too: ending one of a vehicle's rides
    // makes the vehicle available, whether or not the edit named the vehicle.
    const TableSpec &spec = TableSpec::of(m_table);
    if (relatedTouched ||
        touched.contains(keyString(m_table, BrowseQuery::primaryKeyOf(spec, m_row))))
        reReadEntity();
}

void DetailPane::reloadSection(const Section &section)
{
    BrowseTableModel *model = section.model;
    QTableView *view = section.view;
    const QModelIndex current = view->currentIndex();
    const std::optional<KeyValues> key =
        current.isValid() ? std::optional<KeyValues>(model->keyAt(current.row())) : std::nullopt;
    const int column = current.isValid() ? current.column() : 0;
    const int scroll = view->verticalScrollBar()->value();
    // Once the first page is back: the same row current again, the same scroll position.
    connect(
        model, &BrowseTableModel::firstRowsShown, view,
        [model, view, key, column, scroll] {
            const int row = key ? model->rowForKey(*key) : -1;
            if (row >= 0)
                view->setCurrentIndex(model->index(row, column));
            view->verticalScrollBar()->setValue(scroll);
        },
        Qt::SingleShotConnection);
    model->reload();
}

void DetailPane::followLink(const QString &name, int row)
{
    const Section *link = section(name);
    // Leaves (the location history, promo codes held) have nothing further to show.
    if (!link || !link->relation.isFollowable() || row < 0 || row >= link->model->rowCount())
        return;
    show(link->model->table(), link->model->rowAt(row), true);
}

void DetailPane::show(BrowseTable table, RowData row, bool remember)
{
    if (remember && m_hasEntity)
        m_history.append({m_table, m_row});
    clearSections();
    m_hasEntity = true;
    m_table = table;
    m_row = row;
    m_back->setEnabled(!m_history.isEmpty());
    m_title->setText(describe(table, row));
    m_asOf->setTable(table);

    m_fields->setRow(table, row);
    if (asOf().isValid()) {
        // The entity itself as it was then (its relations below use the same time).
        readEntity(tr("Details: as of"), [this, table](const RowData *read) {
            if (read)
                m_fields->setRow(table, *read);
        });
    }

    for (const EntityRelation &relation : EntityRelations::of(table)) {
        const auto equals = relation.equals(row);
        if (!equals.isEmpty())
            addSection(relation, equals);
    }
    switch (EntityRelations::trail(table)) {
    case EntityRelations::Trail::OfEntity:
        showTrailOf(row);
        m_plotTitle->setText(tr("Location trail"));
        break;
    case EntityRelations::Trail::OfSelectedRow:
        m_plotTitle->setText(tr("Location trail of the selected ride"));
        break;
    case EntityRelations::Trail::None:
        break;
    }
    const bool trail = EntityRelations::trail(table) != EntityRelations::Trail::None;
    m_plotTitle->setVisible(trail);
    m_plot->setVisible(trail);
    Q_EMIT entityShown(table);
}

void DetailPane::readEntity(const QString &action, std::function<void(const RowData *)> onRead)
{
    m_onRead = nullptr;
    if (!m_worker)
        return;
    RowRequest request;
    request.client = m_rowClient;
    request.generation = ++m_rowGeneration; // a newer read supersedes this one
    request.table = m_table;
    request.key = entityKey();
    request.asOf = asOf();
    request.action = action;
    m_readAsOf = request.asOf;
    m_onRead = std::move(onRead);
    m_worker->readRow(request);
}

void DetailPane::onRowRead(const RowReply &reply)
{
    if (reply.client != m_rowClient || reply.generation != m_rowGeneration || !m_onRead)
        return; // another client's, or a read superseded since
    const auto onRead = std::exchange(m_onRead, nullptr);
    if (reply.error) {
        // Not answered: a read as of a time the server refused says so in the as-of bar;
        // other errors leave the fields as they are.
        if (m_readAsOf.isValid())
            m_asOf->showRefusal(*reply.error);
        return;
    }
    onRead(reply.row ? &*reply.row : nullptr);
}

KeyValues DetailPane::entityKey() const
{
    return m_hasEntity ? BrowseQuery::primaryKeyOf(TableSpec::of(m_table), m_row) : KeyValues();
}

void DetailPane::reReadEntity()
{
    if (!m_hasEntity || asOf().isValid())
        return;
    readEntity(tr("Details: refresh"), [this](const RowData *read) {
        if (read) {
            updateEntity(*read);
        } else {
            m_title->setText(tr("%1: no longer in the database").arg(describe(m_table, m_row)));
            Q_EMIT entityRefreshed();
        }
    });
}

void DetailPane::updateEntity(const RowData &row)
{
    if (EntityRelations::relationsDiffer(m_table, m_row, row)) {
        // Its relations are other rows now: build the sections again (history kept).
        show(m_table, row, false);
    } else {
        m_row = row;
        m_title->setText(describe(m_table, row));
        m_fields->setRow(m_table, row);
    }
    Q_EMIT entityRefreshed();
}

DetailPane::Section &DetailPane::addSection(const EntityRelation &relation,
                                            const QList<QPair<QString, QString>> &equals)
{
    const BrowseTable table = relation.to;
    Section section;
    section.name = relation.title();
    section.relation = relation;
    section.container = new QWidget(m_sectionsHost);
    auto *layout = new QVBoxLayout(section.container);
    layout->setContentsMargins(0, 4, 0, 0);
    auto *heading = new QLabel(QStringLiteral("<b>%1</b>").arg(section.name.toHtmlEscaped()),
                               section.container);
    layout->addWidget(heading);
    section.model = new BrowseTableModel(table, section.container);
    section.model->setActionName(tr("Details: %1").arg(TableSpec::of(table).sqlName));
    BrowseFilter filter;
    filter.equals = equals;
    section.model->setFilter(filter);
    section.model->setAsOf(asOf());
    watchAsOfErrors(section.model);
    section.view = new LinkTableView(section.container);
    section.view->setObjectName(section.name);
    section.view->setModel(section.model);
    if (table == BrowseTable::Rides)
        RelationLists::arrangeRides(section.model, section.view);
    RelationLists::arrangeView(section.view, relation.visibleRows);
    new VisibleRowsTracker(section.model, section.view); // live updates: the rows shown
    // Hide the columns that repeat the entity we came from.
    const TableSpec &spec = TableSpec::of(table);
    for (const auto &[column, value] : equals) {
        Q_UNUSED(value);
        const int index = spec.columnIndex(column);
        if (index >= 0 && equals.size() > 1 && !relation.single)
            section.view->hideColumn(index);
    }
    const QString sectionName = section.name;
    connect(
        section.view, &QAbstractItemView::activated, this,
        [this, sectionName](const QModelIndex &index) { followLink(sectionName, index.row()); });
    if (relation.trailOfSelected) {
        // The trail of the ride selected in the list (the first one until then).
        BrowseTableModel *model = section.model;
        connect(section.view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
                [this, model](const QModelIndex &current) {
                    if (current.isValid())
                        showTrailOf(model->rowAt(current.row()));
                });
        connect(model, &BrowseTableModel::firstRowsShown, this, [this, model] {
            if (!m_trailModel && model->rowCount() > 0)
                showTrailOf(model->rowAt(0));
        });
    }
    layout->addWidget(section.view);
    m_sectionsLayout->addWidget(section.container);
    section.model->setWorker(m_worker);
    m_sections.append(section);
    return m_sections.last();
}

void DetailPane::showTrailOf(const RowData &ride)
{
    m_plot->setModel(nullptr);
    delete m_trailModel;
    m_trailModel = new BrowseTableModel(BrowseTable::LocationHistory, this);
    m_trailModel->setActionName(tr("Details: location trail"));
    m_trailModel->setFirstPageSize(1000);
    BrowseFilter filter;
    filter.equals = EntityRelations::trailOfRide(ride);
    m_trailModel->setFilter(filter);
    watchAsOfErrors(m_trailModel);
    m_trailModel->setAsOf(asOf());
    BrowseTableModel *model = m_trailModel;
    // The whole trail: keep fetching while there is more (bounded by the ride's points).
    connect(m_trailModel, &BrowseTableModel::pageLoaded, this, [model] {
        if (model->canFetchMore())
            model->fetchMore();
    });
    m_plot->setModel(m_trailModel);
    m_trailModel->setWorker(m_worker);
}
