#include "RowPicker.h"

#include "models/BrowseTableModel.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <utility>

RowPicker::RowPicker(BrowseWorker *worker, BrowseTable table, const BrowseFilter &filter,
                     const QStringList &columns, const QString &label, QWidget *parent)
    : QDialog(parent), m_model(new BrowseTableModel(table, this)), m_search(new QLineEdit(this)),
      m_view(new QTableView(this)), m_delay(new QTimer(this)), m_filter(filter), m_label(label)
{
    auto *layout = new QVBoxLayout(this);
    m_search->setObjectName(QStringLiteral("search"));
    m_search->setPlaceholderText(tr("Name or the start of the id…"));
    m_search->setClearButtonEnabled(true);
    layout->addWidget(m_search);
    m_view->setObjectName(QStringLiteral("rows"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    // What a person recognizes; the other columns stay available.
    const TableSpec &spec = m_model->spec();
    for (int column = 0; column < spec.columns.size(); ++column)
        m_view->setColumnHidden(column, !columns.contains(spec.columns.at(column).name));
    layout->addWidget(m_view);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Choose"));
    layout->addWidget(buttons);

    m_delay->setSingleShot(true);
    m_delay->setInterval(250);
    connect(m_search, &QLineEdit::textChanged, m_delay, qOverload<>(&QTimer::start));
    connect(m_search, &QLineEdit::textChanged, this, [this] { m_chooseWhenShown = false; });
    connect(m_delay, &QTimer::timeout, this, [this] { setSearch(m_search->text()); });
    connect(m_view, &QTableView::activated, this,
            [this](const QModelIndex &index) { choose(index.row()); });
    connect(buttons, &QDialogButtonBox::accepted, this, &RowPicker::chooseFromSearch);
    connect(m_model, &BrowseTableModel::firstRowsShown, this, [this] {
        if (!std::exchange(m_chooseWhenShown, false))
            return;
        if (m_model->rowCount() > 0)
            choose(0);
    });
    connect(m_model, &BrowseTableModel::stateChanged, this, [this](BrowseTableModel::State state) {
        if (state == BrowseTableModel::State::Error)
            m_chooseWhenShown = false;
    });
    // Enter and the arrows are handled before the line edit, the view and the default button.
    m_search->installEventFilter(this);
    m_view->installEventFilter(this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    m_model->setWorker(worker);
    setSearch(QString());
    resize(560, 420);
}

void RowPicker::startWith(const QString &text)
{
    m_search->setText(text);
    m_delay->stop();
    setSearch(text);
}

void RowPicker::setSearch(const QString &text)
{
    BrowseFilter filter = m_filter;
    filter.search = text.trimmed();
    m_model->setFilter(filter);
}

bool RowPicker::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::KeyPress)
        return QDialog::eventFilter(watched, event);
    const int key = static_cast<QKeyEvent *>(event)->key();
    const bool enter = key == Qt::Key_Return || key == Qt::Key_Enter;
    if (watched == m_search) {
        if (enter) {
            chooseFromSearch();
            return true;
        }
        if (key == Qt::Key_Down || key == Qt::Key_PageDown) {
            enterList();
            return true;
        }
    } else if (watched == m_view) {
        if (enter) {
            chooseCurrentOrFirst();
            return true;
        }
        if (key == Qt::Key_Up && m_view->currentIndex().row() <= 0) {
            m_search->setFocus(Qt::OtherFocusReason);
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

void RowPicker::chooseFromSearch()
{
    m_delay->stop();
    if (m_model->filter().search != m_search->text().trimmed()) {
        setSearch(m_search->text());
        m_chooseWhenShown = true;
        return;
    }
    if (m_model->state() == BrowseTableModel::State::Ready)
        chooseCurrentOrFirst();
    else
        m_chooseWhenShown = true; // the first page of this search is on its way
}

void RowPicker::chooseCurrentOrFirst()
{
    const QModelIndex current = m_view->currentIndex();
    choose(current.isValid() ? current.row() : 0);
}

void RowPicker::enterList()
{
    if (m_model->rowCount() == 0)
        return;
    m_view->setFocus(Qt::OtherFocusReason);
    if (!m_view->currentIndex().isValid()) {
        m_view->setCurrentIndex(m_model->index(0, m_model->spec().columnIndex(m_label)));
    }
}

void RowPicker::choose(int row)
{
    if (row < 0 || row >= m_model->rowCount())
        return;
    const TableSpec &spec = m_model->spec();
    m_selectedId = m_model->cellText(row, spec.columnIndex(QStringLiteral("id")));
    m_selectedName = m_model->cellText(row, spec.columnIndex(m_label));
    m_selectedValues.clear();
    for (const ColumnSpec &column : spec.columns)
        m_selectedValues.insert(column.name, m_model->cellText(row, spec.columnIndex(column.name)));
    accept();
}
