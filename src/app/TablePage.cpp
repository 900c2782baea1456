#include "TablePage.h"

#include "FlowLayout.h"
#include "LinkTableView.h"
#include "NewRowsBar.h"
#include "VisibleRowsTracker.h"
#include "models/PendingChanges.h"

#include "ScopeSelector.h"
#include "StateOverlay.h"
#include "StatusBadgeDelegate.h"
#include "models/BrowseTableModel.h"
#include "models/SemanticColors.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSignalBlocker>
#include <QTableView>
#include <QTimeZone>
#include <QTimer>
#include <QVBoxLayout>

namespace {

QString searchHint(BrowseTable table)
{
    switch (table) {
    case BrowseTable::Rides:
        return TablePage::tr("Ride id or the start of it…");
    case BrowseTable::Users:
        return TablePage::tr("Name…");
    case BrowseTable::Vehicles:
        return TablePage::tr("Vehicle id or location…");
    case BrowseTable::PromoCodes:
        return TablePage::tr("Code…");
    default:
        return TablePage::tr("Search…");
    }
}

} // namespace

TablePage::TablePage(BrowseTable table, QWidget *parent)
    : QWidget(parent), m_model(new BrowseTableModel(table, this)), m_view(new LinkTableView(this)),
      m_overlay(nullptr), m_scope(new ScopeSelector(this)), m_search(new QLineEdit(this)),
      m_summary(new QLabel(this)), m_errorBar(new QWidget(this)),
      m_errorLabel(new QLabel(m_errorBar)), m_searchDelay(new QTimer(this))
{
    setObjectName(m_model->spec().sqlName + QStringLiteral("Page"));
    m_view->setObjectName(QStringLiteral("tableView"));
    // Pending inline edits sit between the model and the view (shown in place, marked).
    m_editsProxy = new PendingEditsProxy(m_model, this);
    m_view->setModel(m_editsProxy);
    // F2 edits a cell (double-click and Enter follow links).
    m_view->setEditTriggers(QAbstractItemView::EditKeyPressed);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSortIndicatorShown(true);
    m_view->horizontalHeader()->setSectionsClickable(true);
    m_view->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_view->setItemDelegate(new StatusBadgeDelegate(m_view));
    // Live updates: which rows show and which one the user is on; new rows wait in a bar.
    new VisibleRowsTracker(m_model, m_view);
    m_newRows = new NewRowsBar(m_model, m_view, this);
    // Header clicks sort on the server (the model's sort()); no sort until the user asks.
    connect(m_view->horizontalHeader(), &QHeaderView::sortIndicatorChanged, m_model,
            [this](int column, Qt::SortOrder order) { m_model->sort(column, order); });
    const QList<ColumnSpec> &columns = m_model->spec().columns;
    for (int c = 0; c < columns.size(); ++c) {
        int width = 120;
        switch (columns.at(c).kind) {
        case ColumnKind::Uuid:
            width = 90;
            break;
        case ColumnKind::Timestamp:
            width = 150;
            break;
        case ColumnKind::Money:
        case ColumnKind::Number:
        case ColumnKind::Integer:
            width = 90;
            break;
        case ColumnKind::Json:
            width = 170;
            break;
        default:
            width = columns.at(c).name.contains(QLatin1String("address")) ||
                            columns.at(c).name.contains(QLatin1String("location")) ||
                            columns.at(c).name == QLatin1String("name") ||
                            columns.at(c).name == QLatin1String("code") ||
                            columns.at(c).name == QLatin1String("description")
                        ? 190
                        : 110;
        }
        m_view->setColumnWidth(c, width);
    }

    m_overlay = new StateOverlay(m_view->viewport());
    connect(m_overlay, &StateOverlay::retryRequested, m_model, &BrowseTableModel::retry);

    m_search->setObjectName(QStringLiteral("searchField"));
    m_search->setPlaceholderText(searchHint(table));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(180);
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(250);
    connect(m_search, &QLineEdit::textEdited, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_search, &QLineEdit::returnPressed, this, &TablePage::applyFilter);
    connect(m_searchDelay, &QTimer::timeout, this, &TablePage::applyFilter);
    connect(m_scope, &ScopeSelector::scopeChanged, this, &TablePage::applyFilter);
    // A search, a filter or a sort in all cities that no index answers: say so beside the
    // search, and offer the statement that makes it instant (copied, for whoever may create
    // indexes), or a city.
    m_searchIndexHint = new QLabel(this);
    m_searchIndexHint->setObjectName(QStringLiteral("searchIndexHint"));
    m_searchIndexHint->setTextFormat(Qt::RichText);
    m_searchIndexHint->setWordWrap(true);
    m_searchIndexHint->setMaximumWidth(420);
    m_searchIndexHint->hide();
    connect(m_searchIndexHint, &QLabel::linkActivated, this,
            [this] { QApplication::clipboard()->setText(m_model->searchIndexScript()); });
    connect(m_model, &BrowseTableModel::indexHintChanged, this, &TablePage::updateIndexHint);

    m_summary->setObjectName(QStringLiteral("summary"));
    m_summary->setContentsMargins(2, 0, 2, 0);
    auto *errorLayout = new QHBoxLayout(m_errorBar);
    errorLayout->setContentsMargins(6, 2, 6, 2);
    auto *retry = new QPushButton(tr("Retry"), m_errorBar);
    errorLayout->addWidget(m_errorLabel, 1);
    errorLayout->addWidget(retry);
    connect(retry, &QPushButton::clicked, m_model, &BrowseTableModel::retry);
    m_errorBar->setAutoFillBackground(true);
    updateColors();
    m_errorBar->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(makeFilterBar());
    layout->addWidget(m_newRows);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_errorBar);
    layout->addWidget(m_summary);

    connect(m_model, &BrowseTableModel::stateChanged, this, &TablePage::updateState);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &TablePage::updateState);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &TablePage::updateState);
    connect(m_model, &QAbstractItemModel::modelReset, this, &TablePage::updateState);
    connect(m_model, &BrowseTableModel::estimateChanged, this, &TablePage::updateSummary);
    connect(m_model, &BrowseTableModel::firstRowsShown, this, &TablePage::firstRowsShown);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                Q_EMIT currentRowChanged(this->table(), current.isValid() ? current.row() : -1);
            });
    connect(m_view, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        if (index.isValid())
            Q_EMIT rowActivated(this->table(), index.row());
    });
    connect(m_view, &QWidget::customContextMenuRequested, this, &TablePage::showContextMenu);
    updateState();
}

TablePage::~TablePage() = default;

BrowseTable TablePage::table() const
{
    return m_model->table();
}

QWidget *TablePage::makeFilterBar()
{
    // The fields wrap onto a second line in a narrow window; a label stays with its field.
    auto *bar = new QWidget(this);
    bar->setObjectName(QStringLiteral("filterBar"));
    auto *layout = new FlowLayout(bar);
    layout->setContentsMargins(0, 0, 0, 0);
    const auto group = [bar](std::initializer_list<QWidget *> widgets) {
        auto *box = new QWidget(bar);
        auto *row = new QHBoxLayout(box);
        row->setContentsMargins(0, 0, 0, 0);
        for (QWidget *widget : widgets) {
            widget->setParent(box);
            row->addWidget(widget);
        }
        return box;
    };
    const TableSpec &spec = m_model->spec();
    if (spec.cityColumn >= 0) {
        auto *label = new QLabel(tr("Scope:"), bar);
        label->setBuddy(m_scope);
        layout->addWidget(group({label, m_scope}));
    } else {
        m_scope->hide();
    }
    layout->addWidget(group({m_search, m_searchIndexHint}));
    if (spec.statusColumn >= 0) {
        m_status = new QComboBox(bar);
        m_status->setObjectName(QStringLiteral("statusFilter"));
        m_status->addItem(tr("Any status"), QString());
        m_status->addItem(tr("Available"), QStringLiteral("available"));
        m_status->addItem(tr("In use"), QStringLiteral("in_use"));
        m_status->addItem(tr("Lost"), QStringLiteral("lost"));
        connect(m_status, &QComboBox::currentIndexChanged, this, &TablePage::applyFilter);
        layout->addWidget(m_status);
    }
    if (spec.typeColumn >= 0) {
        m_type = new QComboBox(bar);
        m_type->setObjectName(QStringLiteral("typeFilter"));
        m_type->addItem(tr("Any type"), QString());
        m_type->addItem(tr("Bike"), QStringLiteral("bike"));
        m_type->addItem(tr("Scooter"), QStringLiteral("scooter"));
        m_type->addItem(tr("Skateboard"), QStringLiteral("skateboard"));
        connect(m_type, &QComboBox::currentIndexChanged, this, &TablePage::applyFilter);
        layout->addWidget(m_type);
    }
    if (spec.activeColumn >= 0) {
        m_activeOnly = new QCheckBox(tr("Active only"), bar);
        m_activeOnly->setObjectName(QStringLiteral("activeOnly"));
        connect(m_activeOnly, &QCheckBox::toggled, this, &TablePage::applyFilter);
        layout->addWidget(m_activeOnly);
    }
    if (spec.timeColumn >= 0 && spec.table != BrowseTable::PromoCodes) {
        m_timeRange = new QCheckBox(tr("From"), bar);
        m_timeRange->setObjectName(QStringLiteral("timeRange"));
        m_timeRange->setToolTip(tr("Only rows whose %1 is in this range (local time)")
                                    .arg(spec.columns.at(spec.timeColumn).title.toLower()));
        // The last week by default (the data is a present-day snapshot, and staff look at
        // recent rides first).
        m_from = new QDateTimeEdit(QDateTime(QDate::currentDate().addDays(-7), QTime(0, 0)), bar);
        m_from->setObjectName(QStringLiteral("timeFrom"));
        // "to" is now unless a time is ticked: a bound fixed when the window opened would hide
        // every ride started since.
        m_toBound = new QCheckBox(tr("to"), bar);
        m_toBound->setObjectName(QStringLiteral("timeToBound"));
        m_toBound->setToolTip(tr("Tick to end the range at a time; unticked, the range ends now "
                                 "and includes rows added later"));
        m_to = new QDateTimeEdit(bar);
        m_to->setObjectName(QStringLiteral("timeTo"));
        m_to->setMinimumDateTime(QDateTime(QDate(2000, 1, 1), QTime(0, 0)));
        m_to->setSpecialValueText(tr("now"));
        m_to->setDateTime(m_to->minimumDateTime()); // shows "now"
        for (QDateTimeEdit *edit : {m_from, m_to}) {
            edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
            edit->setCalendarPopup(true);
            edit->setEnabled(false);
            connect(edit, &QDateTimeEdit::dateTimeChanged, this, [this] {
                if (m_timeRange->isChecked())
                    applyFilter();
            });
        }
        m_toBound->setEnabled(false);
        connect(m_timeRange, &QCheckBox::toggled, this, [this] {
            updateTimeRangeWidgets();
            applyFilter();
        });
        connect(m_toBound, &QCheckBox::toggled, this, [this](bool on) {
            const QSignalBlocker quiet(m_to);
            m_to->setDateTime(on ? QDateTime::currentDateTime() : m_to->minimumDateTime());
            updateTimeRangeWidgets();
            applyFilter();
        });
        layout->addWidget(group({m_timeRange, m_from, m_toBound, m_to}));
    }
    return bar;
}

void TablePage::updateTimeRangeWidgets()
{
    const bool on = m_timeRange->isChecked();
    m_from->setEnabled(on);
    m_toBound->setEnabled(on);
    m_to->setEnabled(on && m_toBound->isChecked());
    // "now" only while the range is open: a ticked "to" stepped down to the minimum shows
    // that date, which is what the filter then uses.
    m_to->setSpecialValueText(m_toBound->isChecked() ? QString() : tr("now"));
}

void TablePage::setWorker(BrowseWorker *worker)
{
    m_model->setWorker(worker);
}

void TablePage::setFollowerReads(bool enabled)
{
    m_model->setFollowerReads(enabled);
}

void TablePage::applyFilter()
{
    m_searchDelay->stop();
    BrowseFilter filter = m_model->filter();
    filter.cities = m_scope->cities();
    filter.search = m_search->text();
    filter.status = m_status ? m_status->currentData().toString() : QString();
    filter.vehicleType = m_type ? m_type->currentData().toString() : QString();
    filter.activeOnly = m_activeOnly && m_activeOnly->isChecked();
    if (m_timeRange && m_timeRange->isChecked()) {
        filter.from = m_from->dateTime();
        filter.to = m_toBound->isChecked() ? m_to->dateTime() : QDateTime(); // open: now
    } else {
        filter.from = {};
        filter.to = {};
    }
    m_model->setFilter(filter);
}

QVariantMap TablePage::filterState() const
{
    QVariantMap state;
    state.insert(QStringLiteral("scope"), m_scope->currentData());
    state.insert(QStringLiteral("search"), m_search->text());
    if (m_status)
        state.insert(QStringLiteral("status"), m_status->currentData());
    if (m_type)
        state.insert(QStringLiteral("type"), m_type->currentData());
    if (m_activeOnly)
        state.insert(QStringLiteral("activeOnly"), m_activeOnly->isChecked());
    if (m_timeRange && m_timeRange->isChecked()) {
        state.insert(QStringLiteral("from"), m_from->dateTime());
        if (m_toBound->isChecked()) {
            state.insert(QStringLiteral("to"), m_to->dateTime());
            state.insert(QStringLiteral("toBound"), true);
        }
    }
    return state;
}

void TablePage::restoreFilterState(const QVariantMap &state)
{
    // The widgets are set quietly and the filter applied once: one query, not one per field.
    const auto select = [&state](QComboBox *box, const QString &key) {
        if (!box)
            return;
        const QSignalBlocker quiet(box);
        const int index = box->findData(state.value(key).toString());
        box->setCurrentIndex(index >= 0 ? index : 0);
    };
    select(m_scope, QStringLiteral("scope"));
    select(m_status, QStringLiteral("status"));
    select(m_type, QStringLiteral("type"));
    {
        const QSignalBlocker quiet(m_search);
        m_search->setText(state.value(QStringLiteral("search")).toString());
    }
    if (m_activeOnly) {
        const QSignalBlocker quiet(m_activeOnly);
        m_activeOnly->setChecked(state.value(QStringLiteral("activeOnly")).toBool());
    }
    if (m_timeRange) {
        const QDateTime from = state.value(QStringLiteral("from")).toDateTime();
        // Only a "to" ticked as a bound; one saved before (the time the window opened) is now.
        const QDateTime to = state.value(QStringLiteral("toBound")).toBool()
                                 ? state.value(QStringLiteral("to")).toDateTime()
                                 : QDateTime();
        const QSignalBlocker quiet(m_timeRange), quietFrom(m_from), quietTo(m_to),
            quietBound(m_toBound);
        if (from.isValid())
            m_from->setDateTime(from);
        m_timeRange->setChecked(from.isValid());
        m_toBound->setChecked(to.isValid());
        m_to->setDateTime(to.isValid() ? to : m_to->minimumDateTime());
        updateTimeRangeWidgets();
    }
    applyFilter();
}

QByteArray TablePage::columnState() const
{
    return m_view->horizontalHeader()->saveState();
}

void TablePage::restoreColumnState(const QByteArray &state)
{
    QHeaderView *header = m_view->horizontalHeader();
    if (state.isEmpty() || !header->restoreState(state))
        return;
    // restoreState() sets the sort indicator without signalling it: sort the model to match.
    if (header->sortIndicatorSection() >= 0 &&
        header->sortIndicatorSection() < m_model->columnCount())
        m_model->sort(header->sortIndicatorSection(), header->sortIndicatorOrder());
}

void TablePage::reload()
{
    m_model->reload();
}

void TablePage::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void TablePage::updateState()
{
    const int rows = m_model->rowCount();
    switch (m_model->state()) {
    case BrowseTableModel::State::Idle:
        m_overlay->showEmpty(tr("Not connected."));
        m_errorBar->hide();
        break;
    case BrowseTableModel::State::Loading:
        m_overlay->showLoading(tr("Loading %1…").arg(m_model->spec().title.toLower()));
        m_errorBar->hide();
        break;
    case BrowseTableModel::State::Ready:
        m_errorBar->hide();
        if (rows == 0)
            m_overlay->showEmpty(m_model->filter() == BrowseFilter{}
                                     ? tr("This table is empty.")
                                     : tr("No rows match the filter."));
        else
            m_overlay->hide();
        break;
    case BrowseTableModel::State::Error:
        if (rows == 0) {
            m_overlay->showError(m_model->errorText());
            m_errorBar->hide();
        } else {
            m_overlay->hide();
            m_errorLabel->setText(tr("Could not load more rows: %1").arg(m_model->errorText()));
            m_errorBar->show();
        }
        break;
    }
    updateSummary();
}

QString TablePage::summaryText() const
{
    return m_summary->text();
}

void TablePage::updateSummary()
{
    m_summary->setText(summaryFor(m_model->rowCount(), m_model->atEnd(), m_model->estimatedRows()));
}

QString TablePage::summaryFor(int loaded, bool atEnd, qint64 estimate)
{
    if (atEnd)
        return tr("%n row(s)", nullptr, loaded);
    if (estimate > loaded)
        return tr("%n loaded of about %1 in the table", nullptr, loaded)
            .arg(QLocale().toString(estimate));
    return tr("%n loaded, more as you scroll", nullptr, loaded);
}

int TablePage::currentRow() const
{
    const QModelIndex index = m_view->currentIndex();
    return index.isValid() ? index.row() : -1;
}

QString TablePage::selectionAsTsv() const
{
    return m_view->selectionAsTsv();
}

void TablePage::updateIndexHint()
{
    const QString script = m_model->searchIndexScript();
    QString text;
    switch (m_model->wholeTableRead()) {
    case WholeTableReason::None:
        break;
    case WholeTableReason::Search:
        text = tr("Searching this text in all cities reads every row: no index covers it. "
                  "<a href=\"copy\">Copy the statement</a> that makes it instant, for an "
                  "admin to run.");
        break;
    case WholeTableReason::Filter:
        text = tr("This filter reads every row in all cities: no index covers it. Choose a "
                  "city, or <a href=\"copy\">copy the statement</a> that makes it instant, for "
                  "an admin to run.");
        break;
    case WholeTableReason::Sort:
        text = tr("Sorting by this column in all cities reads every row: MovR's indexes start "
                  "with the city. Choose a city to sort it quickly.");
        break;
    }
    m_searchIndexHint->setVisible(!text.isEmpty());
    m_searchIndexHint->setToolTip(script);
    m_searchIndexHint->setText(text);
}

void TablePage::copySelection()
{
    m_view->copySelection();
}

void TablePage::showContextMenu(const QPoint &position)
{
    // Not exec(): the menu must not hold up the event loop while pages arrive, so the row is
    // held as a persistent index (rows may be added or removed while the menu is open).
    const QPersistentModelIndex index(m_view->indexAt(position));
    auto *menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    QAction *copy = menu->addAction(tr("Copy"), QKeySequence::Copy);
    connect(copy, &QAction::triggered, this, &TablePage::copySelection);
    QAction *details = menu->addAction(tr("Show details"));
    details->setEnabled(index.isValid());
    connect(details, &QAction::triggered, this, [this, index] {
        if (index.isValid())
            Q_EMIT rowActivated(table(), index.row());
    });
    const int cardColumn = m_model->spec().columnIndex(QStringLiteral("credit_card"));
    if (index.isValid() && cardColumn >= 0) {
        const bool revealed = m_model->isCardRevealed(index.row());
        QAction *reveal =
            menu->addAction(revealed ? tr("Hide card number") : tr("Reveal card number"));
        connect(reveal, &QAction::triggered, this, [this, index, revealed] {
            if (index.isValid())
                m_model->setCardRevealed(index.row(), !revealed);
        });
    }
    menu->addSeparator();
    QAction *exportCsv = menu->addAction(tr("Export to CSV…"));
    connect(exportCsv, &QAction::triggered, this, &TablePage::exportRequested);
    QAction *reload = menu->addAction(tr("Reload"));
    connect(reload, &QAction::triggered, this, &TablePage::reload);
    menu->popup(m_view->viewport()->mapToGlobal(position));
}

void TablePage::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        updateColors();
}

// The error bar's colours follow the palette (light or dark).
void TablePage::updateColors()
{
    const SemanticColors::Pair colors = SemanticColors::errorBanner(palette());
    QPalette bar = m_errorBar->palette();
    bar.setResolveMask(0);
    bar.setColor(QPalette::Window, colors.background);
    bar.setColor(QPalette::WindowText, colors.foreground);
    m_errorBar->setPalette(bar);
}
