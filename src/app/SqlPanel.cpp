#include "SqlPanel.h"

#include "SqlHighlighter.h"
#include "models/SemanticColors.h"
#include "models/TraceFilterModel.h"
#include "models/TraceModel.h"
#include "txn/TraceScript.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFileDialog>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSaveFile>
#include <QScrollBar>
#include <QSplitter>
#include <QToolBar>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

SqlPanel::SqlPanel(QWidget *parent) : QDockWidget(tr("SQL"), parent)
{
    setObjectName(QStringLiteral("sqlPanel"));
    m_model = new TraceModel(this);
    m_filter = new TraceFilterModel(this);
    m_filter->setSourceModel(m_model);

    auto *content = new QWidget(this);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    auto *toolbar = new QToolBar(content);
    toolbar->setIconSize(QSize(16, 16));
    m_filterBox = new QComboBox(toolbar);
    m_filterBox->addItem(tr("Everything"),
                         QVariant::fromValue(TraceFilterModel::Filter::Everything));
    m_filterBox->addItem(tr("Committed"),
                         QVariant::fromValue(TraceFilterModel::Filter::CommittedOnly));
    m_filterBox->addItem(tr("Refused"), QVariant::fromValue(TraceFilterModel::Filter::RefusedOnly));
    m_filterBox->addItem(tr("Failures"),
                         QVariant::fromValue(TraceFilterModel::Filter::FailuresOnly));
    m_filterBox->addItem(tr("Unknown outcome"),
                         QVariant::fromValue(TraceFilterModel::Filter::UnknownOnly));
    m_filterBox->addItem(tr("Not sent"),
                         QVariant::fromValue(TraceFilterModel::Filter::NotSentOnly));
    m_filterBox->addItem(tr("Retries"), QVariant::fromValue(TraceFilterModel::Filter::RetriesOnly));
    m_filterBox->setObjectName(QStringLiteral("outcomeFilter"));
    m_filterBox->setToolTip(tr("Which statements to show, by how their action ended"));
    toolbar->addWidget(m_filterBox);
    m_sourceBox = new QComboBox(toolbar);
    m_sourceBox->setObjectName(QStringLiteral("sourceFilter"));
    m_sourceBox->addItem(tr("All sources"),
                         QVariant::fromValue(TraceFilterModel::SourceFilter::AllSources));
    m_sourceBox->addItem(tr("My edits"),
                         QVariant::fromValue(TraceFilterModel::SourceFilter::MyEdits));
    m_sourceBox->addItem(tr("Workload"),
                         QVariant::fromValue(TraceFilterModel::SourceFilter::Workload));
    m_sourceBox->addItem(tr("Reads"), QVariant::fromValue(TraceFilterModel::SourceFilter::Reads));
    m_sourceBox->setToolTip(tr("Which statements to show, by who sent them: your own edits, "
                               "the workload, or the window's reads"));
    toolbar->addWidget(m_sourceBox);
    QAction *copy =
        toolbar->addAction(tr("Copy as script"), this, &SqlPanel::copySelectionAsScript);
    copy->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    copy->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    copy->setToolTip(tr("Copy the selected actions, attempts or statements as a runnable SQL "
                        "script, parameters inlined (Ctrl+Shift+C)"));
    QAction *save = toolbar->addAction(tr("Save log…"), this, &SqlPanel::saveLogInteractively);
    save->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    save->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    save->setToolTip(tr("Save every statement of this session as a .sql file (Ctrl+Shift+S)"));
    toolbar->addAction(tr("Clear"), this, &SqlPanel::clear);
    layout->addWidget(toolbar);

    // An inline message (a failed save): no modal box, no nested event loop.
    m_messageBar = new QWidget(content);
    auto *messageLayout = new QHBoxLayout(m_messageBar);
    messageLayout->setContentsMargins(6, 2, 2, 2);
    m_message = new QLabel(m_messageBar);
    m_message->setObjectName(QStringLiteral("sqlPanelMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    messageLayout->addWidget(m_message, 1);
    auto *dismiss = new QToolButton(m_messageBar);
    dismiss->setText(tr("Dismiss"));
    dismiss->setAutoRaise(true);
    connect(dismiss, &QToolButton::clicked, m_messageBar, &QWidget::hide);
    messageLayout->addWidget(dismiss);
    m_messageBar->hide();
    layout->addWidget(m_messageBar);

    auto *splitter = new QSplitter(Qt::Vertical, content);
    m_view = new QTreeView(splitter);
    m_view->setModel(m_filter);
    m_view->setUniformRowHeights(true);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setAlternatingRowColors(true);
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(TraceModel::StatementColumn, QHeaderView::Stretch);
    m_view->header()->setSectionResizeMode(TraceModel::ParametersColumn, QHeaderView::Interactive);
    m_view->setColumnWidth(TraceModel::ParametersColumn, 220);
    m_view->addAction(copy);
    m_view->addAction(save);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);

    m_preview = new QPlainTextEdit(splitter);
    m_preview->setReadOnly(true);
    m_preview->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_preview->setPlaceholderText(tr("Select an action, attempt or statement to see it as a "
                                     "runnable script."));
    new SqlHighlighter(m_preview->document());
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    layout->addWidget(splitter);
    setWidget(content);

    connect(m_filterBox, &QComboBox::currentIndexChanged, this, [this] {
        m_filter->setFilter(m_filterBox->currentData().value<TraceFilterModel::Filter>());
    });
    connect(m_sourceBox, &QComboBox::currentIndexChanged, this, [this] {
        m_filter->setSourceFilter(
            m_sourceBox->currentData().value<TraceFilterModel::SourceFilter>());
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &SqlPanel::updatePreview);
    // Follow the newest action unless the user scrolled up to read.
    connect(m_view->verticalScrollBar(), &QScrollBar::valueChanged, this, [this](int value) {
        m_followNewest = value >= m_view->verticalScrollBar()->maximum() - 2;
    });
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &parent) {
        if (!parent.isValid() && m_followNewest)
            m_view->scrollToBottom();
    });
}

void SqlPanel::appendTrace(const QList<TraceEntry> &entries)
{
    m_model->append(entries);
}

QString SqlPanel::selectedScript() const
{
    // Selected rows in view order; a row whose ancestor is also selected is covered by it.
    QModelIndexList rows = m_view->selectionModel()->selectedRows(0);
    std::sort(rows.begin(), rows.end(), [this](const QModelIndex &a, const QModelIndex &b) {
        return m_view->visualRect(a).top() < m_view->visualRect(b).top() ||
               (a.parent() != b.parent() && a.row() < b.row());
    });
    const auto selected = [&rows](const QModelIndex &index) {
        for (const QModelIndex &row : rows) {
            if (row == index)
                return true;
        }
        return false;
    };
    QList<TraceEntry> entries;
    for (const QModelIndex &row : rows) {
        bool covered = false;
        for (QModelIndex up = row.parent(); up.isValid(); up = up.parent())
            covered = covered || selected(up);
        if (!covered)
            entries += row.data(TraceModel::EntriesRole).value<QList<TraceEntry>>();
    }
    return entries.isEmpty() ? QString() : TraceScript::render(entries);
}

void SqlPanel::copySelectionAsScript()
{
    const QString script = selectedScript();
    if (!script.isEmpty())
        QApplication::clipboard()->setText(script);
}

bool SqlPanel::saveLog(const QString &path, QString *error) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text)) {
        *error = file.errorString();
        return false;
    }
    file.write(TraceScript::render(m_model->allEntries()).toUtf8());
    if (!file.commit()) {
        *error = file.errorString();
        return false;
    }
    return true;
}

void SqlPanel::saveLogInteractively()
{
    auto *dialog = new QFileDialog(this, tr("Save SQL log"), QString(), tr("SQL files (*.sql)"));
    dialog->setObjectName(QStringLiteral("saveSqlLogDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(QStringLiteral("sql"));
    dialog->selectFile(QStringLiteral("movr-admin-session.sql"));
    connect(dialog, &QFileDialog::fileSelected, this, &SqlPanel::saveLogTo);
    dialog->open();
}

void SqlPanel::saveLogTo(const QString &path)
{
    if (path.isEmpty())
        return;
    QString error;
    if (saveLog(path, &error))
        showMessage(tr("Saved the SQL log to %1.").arg(path), false);
    else
        showMessage(tr("Could not save the SQL log to %1: %2").arg(path, error), true);
}

QString SqlPanel::message() const
{
    return m_messageBar->isHidden() ? QString() : m_message->text();
}

void SqlPanel::showMessage(const QString &text, bool isError)
{
    m_message->setText(text);
    m_message->setProperty("isError", isError);
    QPalette palette = QPalette();
    if (isError) {
        const SemanticColors::Pair banner = SemanticColors::errorBanner(palette);
        palette.setColor(QPalette::Window, banner.background);
        palette.setColor(QPalette::WindowText, banner.foreground);
    }
    m_messageBar->setAutoFillBackground(isError);
    m_messageBar->setPalette(palette);
    m_messageBar->show();
}

void SqlPanel::clear()
{
    m_model->clear();
    m_preview->clear();
}

void SqlPanel::updatePreview()
{
    m_preview->setPlainText(selectedScript());
}
