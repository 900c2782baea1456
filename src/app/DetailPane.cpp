#include "DetailPane.h"

#include "AsOfBar.h"
#include "LinkTableView.h"
#include "LocationTrailPlot.h"
#include "RelationLists.h"
#include "StatusBadgeDelegate.h"
#include "models/BrowseTableModel.h"
#include "worker/BrowseQuery.h"

#include <QApplication>
#include <QClipboard>
#include <QFormLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QStyle>
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

// The entity's columns its relation sections are found by (besides its own key): when one of
// them changes, the sections are built again.
QStringList relationColumns(BrowseTable table)
{
    switch (table) {
    case BrowseTable::Vehicles:
        return {QStringLiteral("owner_id")};
    case BrowseTable::Rides:
        return {QStringLiteral("rider_id"), QStringLiteral("vehicle_city"),
                QStringLiteral("vehicle_id")};
    default:
        return {};
    }
}

bool relationsDiffer(BrowseTable table, const RowData &before, const RowData &after)
{
    const TableSpec &spec = TableSpec::of(table);
    for (const QString &name : relationColumns(table)) {
        const int column = spec.columnIndex(name);
        if (column >= 0 && (before.isNull(column) != after.isNull(column) ||
                            before.text(column) != after.text(column)))
            return true;
    }
    return false;
}

} // namespace

DetailPane::DetailPane(QWidget *parent)
    : QWidget(parent), m_title(new QLabel(this)), m_back(new QPushButton(tr("← Back"), this)),
      m_fields(new QWidget(this)), m_fieldsLayout(new QFormLayout(m_fields)),
      m_sectionsHost(new QWidget(this)), m_plot(new LocationTrailPlot(this)),
      m_plotTitle(new QLabel(this)), m_asOf(new AsOfBar(this))
{
    setObjectName(QStringLiteral("detailPane"));
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    m_title->setFont(titleFont);
    m_title->setWordWrap(true);
    m_back->setEnabled(false);
    connect(m_back, &QPushButton::clicked, this, &DetailPane::back);
    m_fieldsLayout->setContentsMargins(0, 0, 0, 0);
    m_fieldsLayout->setLabelAlignment(Qt::AlignRight);

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

DetailPane::~DetailPane() = default;

void DetailPane::setWorker(BrowseWorker *worker)
{
    m_worker = worker;
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
    while (m_fieldsLayout->rowCount() > 0)
        m_fieldsLayout->removeRow(0);
    m_fieldList.clear();
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
    if (m_entityModel) {
        m_entityModel->setWorker(nullptr);
        m_entityModel->deleteLater();
        m_entityModel = nullptr;
    }
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

BrowseTableModel *DetailPane::sectionModel(const QString &name) const
{
    for (const Section &section : m_sections) {
        if (section.name == name)
            return section.model;
    }
    return nullptr;
}

QTableView *DetailPane::sectionView(const QString &name) const
{
    for (const Section &section : m_sections) {
        if (section.name == name)
            return section.view;
    }
    return nullptr;
}

const DetailPane::Field *DetailPane::field(const QString &column) const
{
    for (const Field &field : m_fieldList) {
        if (field.column == column)
            return &field;
    }
    return nullptr;
}

QLabel *DetailPane::fieldLabel(const QString &column) const
{
    const Field *shown = field(column);
    return shown ? shown->value : nullptr;
}

QString DetailPane::fieldCopyText(const QString &column) const
{
    const Field *shown = field(column);
    return shown ? shown->copyText : QString();
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
    const TableSpec &spec = TableSpec::of(previous.first);
    const QString key = keyString(previous.first, BrowseQuery::primaryKeyOf(spec, previous.second));
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
    BrowseTableModel *model = sectionModel(name);
    if (!model || row < 0 || row >= model->rowCount())
        return;
    if (model->table() == BrowseTable::LocationHistory ||
        model->table() == BrowseTable::UserPromoCodes)
        return; // leaves: nothing further to show
    show(model->table(), model->rowAt(row), true);
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

    fillFields(table, row);
    const TableSpec &spec = TableSpec::of(table);
    if (asOf().isValid()) {
        // The entity itself as it was then (its relations below use the same time).
        readEntity(tr("Details: as of"), [this, table](const RowData *read) {
            if (read)
                fillFields(table, *read);
        });
    }

    auto text = [&](const char *column) {
        return row.text(spec.columnIndex(QString::fromLatin1(column)));
    };
    using Equals = QList<QPair<QString, QString>>;
    m_plot->hide();
    m_plotTitle->hide();
    switch (table) {
    case BrowseTable::Users:
        addSection(tr("Rides"), BrowseTable::Rides,
                   Equals{{QStringLiteral("city"), text("city")},
                          {QStringLiteral("rider_id"), text("id")}},
                   6);
        addSection(tr("Vehicles"), BrowseTable::Vehicles,
                   Equals{{QStringLiteral("city"), text("city")},
                          {QStringLiteral("owner_id"), text("id")}},
                   4);
        addSection(
            tr("Promo codes"), BrowseTable::UserPromoCodes,
            Equals{{QStringLiteral("city"), text("city")}, {QStringLiteral("user_id"), text("id")}},
            4);
        break;
    case BrowseTable::Vehicles: {
        if (!row.isNull(spec.columnIndex(QStringLiteral("owner_id"))))
            addSection(tr("Owner"), BrowseTable::Users,
                       Equals{{QStringLiteral("city"), text("city")},
                              {QStringLiteral("id"), text("owner_id")}},
                       1);
        Section &rides = addSection(tr("Rides"), BrowseTable::Rides,
                                    Equals{{QStringLiteral("vehicle_city"), text("city")},
                                           {QStringLiteral("vehicle_id"), text("id")}},
                                    6);
        // The trail of the ride selected in the list (the first one until then).
        BrowseTableModel *ridesModel = rides.model;
        connect(rides.view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
                [this, ridesModel](const QModelIndex &current) {
                    if (current.isValid())
                        showTrailOf(ridesModel->cellText(current.row(), 0),
                                    ridesModel->cellText(current.row(), 1));
                });
        connect(ridesModel, &BrowseTableModel::firstRowsShown, this, [this, ridesModel] {
            if (!m_trailModel && ridesModel->rowCount() > 0)
                showTrailOf(ridesModel->cellText(0, 0), ridesModel->cellText(0, 1));
        });
        m_plotTitle->setText(tr("Location trail of the selected ride"));
        m_plotTitle->show();
        m_plot->show();
        break;
    }
    case BrowseTable::Rides:
        if (!row.isNull(spec.columnIndex(QStringLiteral("rider_id"))))
            addSection(tr("Rider"), BrowseTable::Users,
                       Equals{{QStringLiteral("city"), text("city")},
                              {QStringLiteral("id"), text("rider_id")}},
                       1);
        if (!row.isNull(spec.columnIndex(QStringLiteral("vehicle_id"))))
            addSection(tr("Vehicle"), BrowseTable::Vehicles,
                       Equals{{QStringLiteral("city"), text("vehicle_city")},
                              {QStringLiteral("id"), text("vehicle_id")}},
                       1);
        addSection(
            tr("Location history"), BrowseTable::LocationHistory,
            Equals{{QStringLiteral("city"), text("city")}, {QStringLiteral("ride_id"), text("id")}},
            5);
        showTrailOf(text("city"), text("id"));
        m_plotTitle->setText(tr("Location trail"));
        m_plotTitle->show();
        m_plot->show();
        break;
    default:
        break;
    }
    Q_EMIT entityShown(table);
}

void DetailPane::readEntity(const QString &action, std::function<void(const RowData *)> onRead)
{
    if (m_entityModel) {
        m_entityModel->setWorker(nullptr);
        m_entityModel->deleteLater();
        m_entityModel = nullptr;
    }
    if (!m_worker)
        return;
    const TableSpec &spec = TableSpec::of(m_table);
    m_entityModel = new BrowseTableModel(m_table, this);
    m_entityModel->setActionName(action);
    BrowseFilter key;
    for (int column : spec.keyColumns)
        key.equals.append({spec.columns.at(column).name, m_row.text(column)});
    m_entityModel->setFilter(key);
    m_entityModel->setAsOf(asOf());
    watchAsOfErrors(m_entityModel);
    BrowseTableModel *model = m_entityModel;
    // Answered once; a newer read or another entity replaces (and deletes) the model.
    connect(m_entityModel, &BrowseTableModel::firstRowsShown, this,
            [this, model, onRead = std::move(onRead)] {
                if (model != m_entityModel)
                    return;
                m_entityModel = nullptr;
                model->deleteLater();
                const RowData read = model->rowCount() > 0 ? model->rowAt(0) : RowData();
                onRead(model->rowCount() > 0 ? &read : nullptr);
            });
    m_entityModel->setWorker(m_worker);
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
    if (relationsDiffer(m_table, m_row, row)) {
        // Its relations are other rows now: build the sections again (history kept).
        show(m_table, row, false);
    } else {
        m_row = row;
        m_title->setText(describe(m_table, row));
        fillFields(m_table, row);
    }
    Q_EMIT entityRefreshed();
}

void DetailPane::fillFields(BrowseTable table, const RowData &row)
{
    const TableSpec &spec = TableSpec::of(table);
    // The same entity's table again (a refresh): the labels stay, their texts change, so
    // nothing in the pane moves.
    const bool reuse = m_fieldsTable == table && m_fieldList.size() == spec.columns.size();
    if (!reuse) {
        while (m_fieldsLayout->rowCount() > 0)
            m_fieldsLayout->removeRow(0);
        m_fieldList.clear();
        m_fieldsTable = table;
    }
    for (int c = 0; c < spec.columns.size(); ++c) {
        const ColumnSpec &column = spec.columns.at(c);
        QString text =
            row.isNull(c) ? tr("—") : BrowseTableModel::displayText(column, row.text(c), false);
        if (column.kind == ColumnKind::Uuid && !row.isNull(c))
            text = row.text(c); // the whole id here: there is room, and people copy it
        // What the tables copy: the value as stored, card numbers masked.
        const QString copyText =
            row.isNull(c) ? QString() : BrowseTableModel::copyText(column, row.text(c), false);
        if (reuse) {
            Field &field = m_fieldList[c];
            if (field.value->text() != text)
                field.value->setText(text);
            field.copyText = copyText;
            field.isNull = row.isNull(c);
            continue;
        }
        auto *value = new QLabel(text, m_fields);
        value->setObjectName(column.name);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
        value->setWordWrap(true);
        value->setContextMenuPolicy(Qt::CustomContextMenu);
        connect(value, &QWidget::customContextMenuRequested, this,
                [this, value](const QPoint &position) { showValueMenu(value, position); });
        m_fieldsLayout->addRow(column.title + QLatin1Char(':'), value);
        m_fieldList.append({column.name, value, copyText, row.isNull(c)});
    }
}

void DetailPane::showValueMenu(QLabel *value, const QPoint &position)
{
    const auto field = std::find_if(m_fieldList.cbegin(), m_fieldList.cend(),
                                    [value](const Field &f) { return f.value == value; });
    if (field == m_fieldList.cend())
        return;
    const QString copyText = field->copyText;
    // Not exec(): the worker's replies (and tests) keep running while it shows.
    auto *menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("valueMenu"));
    menu->setAttribute(Qt::WA_DeleteOnClose);
    QAction *copySelected = menu->addAction(tr("&Copy"));
    copySelected->setObjectName(QStringLiteral("copySelection"));
    copySelected->setEnabled(value->hasSelectedText());
    const QString selected = value->selectedText();
    connect(copySelected, &QAction::triggered, this,
            [selected] { QApplication::clipboard()->setText(selected); });
    QAction *copyValue = menu->addAction(tr("Copy &value"));
    copyValue->setObjectName(QStringLiteral("copyValue"));
    copyValue->setEnabled(!field->isNull);
    connect(copyValue, &QAction::triggered, this,
            [copyText] { QApplication::clipboard()->setText(copyText); });
    menu->popup(value->mapToGlobal(position));
}

DetailPane::Section &DetailPane::addSection(const QString &name, BrowseTable table,
                                            const QList<QPair<QString, QString>> &equals,
                                            int visibleRows)
{
    Section section;
    section.name = name;
    section.container = new QWidget(m_sectionsHost);
    auto *layout = new QVBoxLayout(section.container);
    layout->setContentsMargins(0, 4, 0, 0);
    auto *heading =
        new QLabel(QStringLiteral("<b>%1</b>").arg(name.toHtmlEscaped()), section.container);
    layout->addWidget(heading);
    section.model = new BrowseTableModel(table, section.container);
    section.model->setActionName(tr("Details: %1").arg(TableSpec::of(table).sqlName));
    BrowseFilter filter;
    filter.equals = equals;
    section.model->setFilter(filter);
    section.model->setAsOf(asOf());
    watchAsOfErrors(section.model);
    section.view = new LinkTableView(section.container);
    section.view->setObjectName(name);
    section.view->setModel(section.model);
    if (table == BrowseTable::Rides)
        RelationLists::arrangeRides(section.model, section.view);
    section.view->setItemDelegate(new StatusBadgeDelegate(section.view));
    section.view->setSelectionBehavior(QAbstractItemView::SelectRows);
    section.view->setSelectionMode(QAbstractItemView::SingleSelection);
    section.view->verticalHeader()->hide();
    section.view->verticalHeader()->setDefaultSectionSize(section.view->fontMetrics().height() + 6);
    section.view->horizontalHeader()->setStretchLastSection(true);
    const int rowHeight = section.view->verticalHeader()->defaultSectionSize();
    section.view->setFixedHeight(
        rowHeight * visibleRows + section.view->horizontalHeader()->sizeHint().height() +
        section.view->style()->pixelMetric(QStyle::PM_ScrollBarExtent) + 6);
    // Hide the columns that repeat the entity we came from.
    const TableSpec &spec = TableSpec::of(table);
    for (const auto &[column, value] : equals) {
        Q_UNUSED(value);
        const int index = spec.columnIndex(column);
        if (index >= 0 && equals.size() > 1 && visibleRows > 1)
            section.view->hideColumn(index);
    }
    const QString sectionName = name;
    connect(
        section.view, &QAbstractItemView::activated, this,
        [this, sectionName](const QModelIndex &index) { followLink(sectionName, index.row()); });
    layout->addWidget(section.view);
    m_sectionsLayout->addWidget(section.container);
    section.model->setWorker(m_worker);
    m_sections.append(section);
    return m_sections.last();
}

void DetailPane::showTrailOf(const QString &city, const QString &rideId)
{
    m_plot->setModel(nullptr);
    delete m_trailModel;
    m_trailModel = new BrowseTableModel(BrowseTable::LocationHistory, this);
    m_trailModel->setActionName(tr("Details: location trail"));
    m_trailModel->setFirstPageSize(1000);
    BrowseFilter filter;
    filter.equals = {{QStringLiteral("city"), city}, {QStringLiteral("ride_id"), rideId}};
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
