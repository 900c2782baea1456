#include "UserPicker.h"

#include "models/BrowseTableModel.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

UserPicker::UserPicker(BrowseWorker *worker, const QString &city, QWidget *parent)
    : QDialog(parent), m_model(new BrowseTableModel(BrowseTable::Users, this)),
      m_search(new QLineEdit(this)), m_view(new QTableView(this)), m_delay(new QTimer(this)),
      m_city(city)
{
    setWindowTitle(tr("Find a user in %1").arg(city));
    auto *layout = new QVBoxLayout(this);
    m_search->setObjectName(QStringLiteral("search"));
    m_search->setPlaceholderText(tr("Name…"));
    m_search->setClearButtonEnabled(true);
    layout->addWidget(m_search);
    m_view->setObjectName(QStringLiteral("users"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    // Name and address are what a person recognizes; the key columns stay available.
    const TableSpec &spec = m_model->spec();
    for (int column = 0; column < spec.columns.size(); ++column) {
        const QString &name = spec.columns.at(column).name;
        m_view->setColumnHidden(column, name != u"name" && name != u"address" && name != u"id");
    }
    layout->addWidget(m_view);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Choose"));
    layout->addWidget(buttons);

    m_delay->setSingleShot(true);
    m_delay->setInterval(250);
    connect(m_search, &QLineEdit::textChanged, m_delay, qOverload<>(&QTimer::start));
    connect(m_delay, &QTimer::timeout, this, [this] { setSearch(m_search->text()); });
    connect(m_view, &QTableView::activated, this,
            [this](const QModelIndex &index) { choose(index.row()); });
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        const QModelIndex current = m_view->currentIndex();
        if (current.isValid())
            choose(current.row());
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    m_model->setWorker(worker);
    setSearch(QString());
    resize(560, 420);
}

void UserPicker::setSearch(const QString &text)
{
    BrowseFilter filter;
    filter.cities = {m_city};
    filter.search = text.trimmed();
    m_model->setFilter(filter);
}

void UserPicker::choose(int row)
{
    if (row < 0 || row >= m_model->rowCount())
        return;
    const TableSpec &spec = m_model->spec();
    m_selectedId = m_model->cellText(row, spec.columnIndex(QStringLiteral("id")));
    m_selectedName = m_model->cellText(row, spec.columnIndex(QStringLiteral("name")));
    accept();
}
