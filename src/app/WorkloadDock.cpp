#include "WorkloadDock.h"

#include "ConnectionSession.h"
#include "MainWindow.h"
#include "SqlPanel.h"
#include "models/SemanticColors.h"
#include "movr/Cities.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QCoreApplication>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>

namespace {

QString milliseconds(qint64 microseconds)
{
    return QLocale().toString(double(microseconds) / 1000.0, 'f', 1);
}

// The largest y of the points of `series`, at least `floor`.
double largestY(const QLineSeries *series, double floor)
{
    double top = floor;
    for (const QPointF &point : series->points())
        top = std::max(top, point.y());
    return top;
}

} // namespace

WorkloadDock::WorkloadDock(MainWindow *window)
    : QDockWidget(tr("Workload"), window), m_window(window),
      m_controller(new WorkloadController(this))
{
    setObjectName(QStringLiteral("workloadDock"));
    auto *content = new QWidget(this);
    auto *layout = new QVBoxLayout(content);
    buildControls(content);
    auto *splitter = new QSplitter(Qt::Vertical, content);
    splitter->setChildrenCollapsible(false);
    buildTable(splitter);
    buildChart(splitter);
    layout->addWidget(splitter, 1);
    // In a short dock (a small screen, the SQL panel open below) the content scrolls instead
    // of squeezing the table to a row and the chart's labels to "…"; the dock itself keeps a
    // small minimum size, so the window still fits a small screen.
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("workloadScroll"));
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setWidget(content);
    setWidget(scroll);

    connect(m_controller, &WorkloadController::stateChanged, this, &WorkloadDock::onStateChanged);
    connect(m_controller, &WorkloadController::ticked, this, &WorkloadDock::onTicked);
    connect(m_controller, &WorkloadController::finished, this, &WorkloadDock::onFinished);
    connect(m_controller, &WorkloadController::startFailed, this,
            [this](const QString &error) { showStatus(error, true); });
    connect(m_controller, &WorkloadController::started, this, [this](quint64 seed) {
        showStatus(tr("Running the %1 mix (seed %2).")
                       .arg(workloadMixName(m_controller->config().mix))
                       .arg(seed));
    });
    // The workload's statements in the SQL panel, batched by the controller.
    connect(m_controller, &WorkloadController::traced, window->sqlPanel(), &SqlPanel::appendTrace);
    // Quitting (the window closed, Ctrl+C) stops the run; the engine is joined at exit.
    connect(qApp, &QCoreApplication::aboutToQuit, m_controller, &WorkloadController::stop);
    // Closing the window stops the run at once (not only when the application quits).
    window->installEventFilter(this);
    connect(window, &MainWindow::sessionChanged, this, [this] {
        if (m_loadWhenConnected)
            startWhenConnected();
    });
    onStateChanged(WorkloadController::State::Idle);
    showStatus(tr("Not running."));
}

WorkloadDock::~WorkloadDock() = default;

bool WorkloadDock::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_window && event->type() == QEvent::Close) {
        // The window may refuse to close (pending changes ask first): look once it is handled.
        QTimer::singleShot(0, this, [this] {
            if (!m_window->isVisible())
                stopRun();
        });
    }
    return QDockWidget::eventFilter(watched, event);
}

void WorkloadDock::buildControls(QWidget *content)
{
    auto *form = new QFormLayout;
    m_mix = new QComboBox(content);
    m_mix->setObjectName(QStringLiteral("workloadMix"));
    m_mix->addItem(tr("Canonical (95% reads, like cockroach workload)"),
                   QVariant::fromValue(int(WorkloadMix::Canonical)));
    m_mix->addItem(tr("Steady (starts and ends balanced)"),
                   QVariant::fromValue(int(WorkloadMix::Steady)));
    m_mix->addItem(tr("Writes only"), QVariant::fromValue(int(WorkloadMix::Writes)));
    m_mix->setCurrentIndex(1);
    form->addRow(tr("&Mix:"), m_mix);

    m_rate = new QDoubleSpinBox(content);
    m_rate->setObjectName(QStringLiteral("workloadRate"));
    m_rate->setRange(0.5, 10000);
    m_rate->setDecimals(1);
    m_rate->setValue(25);
    m_rate->setSuffix(tr(" ops/s"));
    m_rate->setToolTip(tr("The operations per second over all sessions; it can change while "
                          "the workload runs."));
    form->addRow(tr("&Rate:"), m_rate);
    connect(m_rate, &QDoubleSpinBox::valueChanged, this, [this](double rate) {
        if (m_controller->isActive())
            m_controller->setMaxRate(rate);
    });

    m_concurrency = new QSpinBox(content);
    m_concurrency->setObjectName(QStringLiteral("workloadConcurrency"));
    m_concurrency->setRange(1, 256);
    m_concurrency->setValue(2);
    m_concurrency->setToolTip(tr("Sessions, each with its own connection to the server."));
    form->addRow(tr("&Concurrency:"), m_concurrency);

    m_hotCity = new QComboBox(content);
    m_hotCity->setObjectName(QStringLiteral("workloadHotCity"));
    m_hotCity->addItem(tr("None: writes spread over all cities"), QString());
    for (const QString &city : Cities::names())
        m_hotCity->addItem(city, city);
    m_hotCity->setToolTip(tr("Concentrates most writes on a few vehicles of one city, so that "
                             "transactions conflict and retry."));
    form->addRow(tr("&Hot city:"), m_hotCity);

    auto *buttons = new QHBoxLayout;
    m_start = new QPushButton(tr("&Start"), content);
    m_start->setObjectName(QStringLiteral("workloadStart"));
    m_stop = new QPushButton(tr("S&top"), content);
    m_stop->setObjectName(QStringLiteral("workloadStop"));
    connect(m_start, &QPushButton::clicked, this, &WorkloadDock::startRun);
    connect(m_stop, &QPushButton::clicked, this, &WorkloadDock::stopRun);
    buttons->addWidget(m_start);
    buttons->addWidget(m_stop);
    buttons->addStretch();

    m_status = new QLabel(content);
    m_status->setObjectName(QStringLiteral("workloadStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_errors = new QLabel(content);
    m_errors->setObjectName(QStringLiteral("workloadErrors"));
    m_errors->setWordWrap(true);
    m_errors->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_errors->hide();

    auto *layout = static_cast<QVBoxLayout *>(content->layout());
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addWidget(m_status);
    layout->addWidget(m_errors);
}

void WorkloadDock::buildTable(QWidget *parent)
{
    m_table = new QTableWidget(kWorkloadOpCount + 1, ColumnCount, parent);
    m_table->setObjectName(QStringLiteral("workloadTable"));
    m_table->setHorizontalHeaderLabels({tr("Operation"), tr("ops/s"), tr("Done"), tr("p50 (ms)"),
                                        tr("p95 (ms)"), tr("p99 (ms)"), tr("Retries"),
                                        tr("Refused"), tr("Errors")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    // Compact rows, and columns as wide as their contents: the whole table (every operation,
    // every column) fits a dock of about 600 pixels without scrolling.
    const int rowHeight = m_table->fontMetrics().height() + 6;
    m_table->verticalHeader()->setMinimumSectionSize(rowHeight);
    m_table->verticalHeader()->setDefaultSectionSize(rowHeight);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(false);
    for (int row = 0; row <= kWorkloadOpCount; ++row) {
        const QString name = row < kWorkloadOpCount ? workloadOpName(kWorkloadOps[size_t(row)])
                                                    : tr("All operations");
        m_table->setItem(row, OperationColumn, new QTableWidgetItem(name));
        for (int column = RateColumn; column < ColumnCount; ++column) {
            auto *item = new QTableWidgetItem;
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_table->setItem(row, column, item);
        }
    }
    QFont bold = m_table->item(kWorkloadOpCount, OperationColumn)->font();
    bold.setBold(true);
    for (int column = 0; column < ColumnCount; ++column)
        m_table->item(kWorkloadOpCount, column)->setFont(bold);
    // Every row shows (the splitter cannot squeeze the table below them; the dock scrolls).
    m_table->setMinimumHeight(m_table->horizontalHeader()->sizeHint().height() +
                              (kWorkloadOpCount + 1) * rowHeight + 2 * m_table->frameWidth() +
                              m_table->horizontalScrollBar()->sizeHint().height());
}

void WorkloadDock::buildChart(QWidget *parent)
{
    m_chart = new QChart;
    m_chart->setObjectName(QStringLiteral("workloadChart"));
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_chart->setMargins(QMargins(2, 2, 2, 2));
    m_opsSeries = new QLineSeries(m_chart);
    m_opsSeries->setName(tr("ops/s"));
    m_retriesSeries = new QLineSeries(m_chart);
    m_retriesSeries->setName(tr("retries/s"));
    m_p99Series = new QLineSeries(m_chart);
    m_p99Series->setName(tr("p99 (ms)"));
    m_chart->addSeries(m_opsSeries);
    m_chart->addSeries(m_retriesSeries);
    m_chart->addSeries(m_p99Series);

    m_timeAxis = new QValueAxis(m_chart);
    m_timeAxis->setTitleText(tr("seconds"));
    m_timeAxis->setLabelFormat(QStringLiteral("%d"));
    m_timeAxis->setRange(0, 60);
    m_rateAxis = new QValueAxis(m_chart);
    m_rateAxis->setTitleText(tr("per second"));
    m_rateAxis->setLabelFormat(QStringLiteral("%d"));
    m_rateAxis->setRange(0, 10);
    m_latencyAxis = new QValueAxis(m_chart);
    m_latencyAxis->setTitleText(tr("p99 (ms)"));
    m_latencyAxis->setLabelFormat(QStringLiteral("%.0f"));
    m_latencyAxis->setRange(0, 10);
    m_chart->addAxis(m_timeAxis, Qt::AlignBottom);
    m_chart->addAxis(m_rateAxis, Qt::AlignLeft);
    m_chart->addAxis(m_latencyAxis, Qt::AlignRight);
    for (QLineSeries *series : {m_opsSeries, m_retriesSeries, m_p99Series}) {
        series->attachAxis(m_timeAxis);
        series->attachAxis(series == m_p99Series ? m_latencyAxis : m_rateAxis);
    }
    auto *view = new QChartView(m_chart, parent);
    view->setObjectName(QStringLiteral("workloadChartView"));
    view->setRenderHint(QPainter::Antialiasing);
    // Tall enough for the axes' labels and titles (a shorter chart elides them to "…").
    view->setMinimumHeight(240);
}

QString WorkloadDock::statusText() const
{
    return m_status->text();
}

void WorkloadDock::showStatus(const QString &text, bool isError)
{
    m_status->setText(text);
    m_status->setProperty("isError", isError);
    QPalette palette;
    if (isError)
        palette.setColor(QPalette::WindowText,
                         SemanticColors::foreground(SemanticColors::Role::Error, palette));
    m_status->setPalette(palette);
}

void WorkloadDock::startWithLoad(double rate)
{
    m_mix->setCurrentIndex(m_mix->findData(int(WorkloadMix::Steady)));
    m_rate->setValue(rate);
    show();
    raise();
    m_loadWhenConnected = true;
    startWhenConnected();
}

void WorkloadDock::startWhenConnected()
{
    ConnectionSession *session = m_window->session();
    if (!session)
        return; // sessionChanged() calls again
    if (!session->isEstablished()) {
        connect(
            session, &ConnectionSession::established, this,
            [this, session] {
                if (m_loadWhenConnected && m_window->session() == session)
                    startWhenConnected();
            },
            Qt::SingleShotConnection);
        return;
    }
    m_loadWhenConnected = false;
    if (!m_controller->isActive())
        startRun();
}

void WorkloadDock::startRun()
{
    if (m_controller->isActive())
        return;
    ConnectionSession *session = m_window->session();
    if (!session || !session->isEstablished()) {
        showStatus(tr("Connect to a database first."), true);
        return;
    }
    WorkloadConfig config;
    config.settings = session->settings();
    config.mix = WorkloadMix(m_mix->currentData().toInt());
    config.maxRate = m_rate->value();
    config.concurrency = m_concurrency->value();
    config.hotCity = m_hotCity->currentData().toString();
    // Watched, not scripted: an unexpected error is shown and counted, the run goes on.
    config.tolerateErrors = true;
    config.trace = true;
    m_opsSeries->clear();
    m_retriesSeries->clear();
    m_p99Series->clear();
    m_errors->clear();
    m_errors->hide();
    showStatus(tr("Checking the database…"));
    m_controller->start(config);
}

void WorkloadDock::stopRun()
{
    m_loadWhenConnected = false;
    m_controller->stop();
}

void WorkloadDock::onStateChanged(WorkloadController::State state)
{
    const bool idle = state == WorkloadController::State::Idle;
    m_start->setEnabled(idle);
    m_stop->setEnabled(state == WorkloadController::State::Checking ||
                       state == WorkloadController::State::Running);
    for (QWidget *setting : {static_cast<QWidget *>(m_mix), static_cast<QWidget *>(m_concurrency),
                             static_cast<QWidget *>(m_hotCity)})
        setting->setEnabled(idle);
    if (state == WorkloadController::State::Stopping)
        showStatus(tr("Stopping…"));
}

void WorkloadDock::onFinished(const QString &fatalError)
{
    if (fatalError.isEmpty())
        showStatus(tr("Stopped."));
    else
        showStatus(tr("Stopped by an unexpected error: %1").arg(fatalError), true);
}

void WorkloadDock::onTicked(const WorkloadSnapshot &snapshot)
{
    const double seconds = snapshot.intervalSeconds > 0 ? snapshot.intervalSeconds : 1.0;
    for (int row = 0; row <= kWorkloadOpCount; ++row) {
        const bool total = row == kWorkloadOpCount;
        const OpStats interval = total ? snapshot.intervalTotal() : snapshot.interval[size_t(row)];
        const OpStats cumulative =
            total ? snapshot.cumulativeTotal() : snapshot.cumulative[size_t(row)];
        const QLocale locale;
        const auto set = [this, row](int column, const QString &text) {
            m_table->item(row, column)->setText(text);
        };
        set(RateColumn, locale.toString(double(interval.ops) / seconds, 'f', 1));
        set(DoneColumn, locale.toString(cumulative.ops));
        const bool timed = interval.latency.count() > 0;
        set(P50Column, timed ? milliseconds(interval.latency.quantile(0.50)) : QString());
        set(P95Column, timed ? milliseconds(interval.latency.quantile(0.95)) : QString());
        set(P99Column, timed ? milliseconds(interval.latency.quantile(0.99)) : QString());
        set(RetriesColumn, locale.toString(cumulative.retries));
        set(RefusedColumn, locale.toString(cumulative.refused));
        set(ErrorsColumn, locale.toString(cumulative.errors));
        QStringList causes;
        for (auto it = cumulative.retriesBySqlState.cbegin();
             it != cumulative.retriesBySqlState.cend(); ++it)
            causes << tr("%1: %2 retries").arg(it.key()).arg(it.value());
        m_table->item(row, RetriesColumn)->setToolTip(causes.join(QLatin1Char('\n')));
    }
    if (!snapshot.newErrors.isEmpty()) {
        m_errors->setText(tr("Latest unexpected error: %1").arg(snapshot.newErrors.last()));
        m_errors->show();
    }
    updateChart(snapshot);
}

void WorkloadDock::updateChart(const WorkloadSnapshot &snapshot)
{
    const double seconds = snapshot.intervalSeconds > 0 ? snapshot.intervalSeconds : 1.0;
    const OpStats total = snapshot.intervalTotal();
    const double at = snapshot.elapsedSeconds;
    m_opsSeries->append(at, double(total.ops) / seconds);
    m_retriesSeries->append(at, double(total.retries) / seconds);
    m_p99Series->append(at, double(total.latency.quantile(0.99)) / 1000.0);
    // Keep the last ChartSeconds: the oldest points go.
    for (QLineSeries *series : {m_opsSeries, m_retriesSeries, m_p99Series}) {
        int old = 0;
        while (old < series->count() && series->at(old).x() < at - ChartSeconds)
            ++old;
        if (old > 0)
            series->removePoints(0, old);
    }
    m_timeAxis->setRange(std::max(0.0, at - ChartSeconds), std::max(60.0, at));
    m_rateAxis->setRange(0,
                         std::max(largestY(m_opsSeries, 10), largestY(m_retriesSeries, 10)) * 1.1);
    m_latencyAxis->setRange(0, largestY(m_p99Series, 10) * 1.1);
    // Round ticks (0, 5, 10, …), not fractions of the largest point.
    m_rateAxis->applyNiceNumbers();
    m_latencyAxis->applyNiceNumbers();
}
