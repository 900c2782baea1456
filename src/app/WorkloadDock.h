#pragma once

#include "WorkloadController.h"

#include <QDockWidget>

class MainWindow;
class QChart;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineSeries;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QValueAxis;

// View › Workload: runs the MovR workload (src/workload) against the window's connection,
// through the project's own retrying transactions, so staff see the fleet move and QA sees
// real retries. Start / stop, rate (live), concurrency, mix and hot city; a table per
// operation (ops/s, p50, p95, p99, retries, refused, errors) and a chart of ops/s, p99 and
// retries over the last five minutes. The workload's statements go to the SQL panel under
// the source "Workload". Closing the window (or quitting) stops a run within a second.
class WorkloadDock : public QDockWidget
{
    Q_OBJECT

public:
    enum Column {
        OperationColumn,
        RateColumn, // ops/s over the last second
        DoneColumn, // operations done since the start
        P50Column,
        P95Column,
        P99Column,
        RetriesColumn,
        RefusedColumn,
        ErrorsColumn,
        ColumnCount
    };
    static constexpr int ChartSeconds = 300; // the chart's window: the last five minutes

    explicit WorkloadDock(MainWindow *window);
    ~WorkloadDock() override;

    WorkloadController *controller() const { return m_controller; }
    QTableWidget *table() const { return m_table; }
    QChart *chart() const { return m_chart; }
    // The status line under the controls: running, stopped, or why it could not start.
    QString statusText() const;

    // `--demo --with-load[=RATE]`: the steady mix at `rate` ops/s, started as soon as the
    // window has a connection (now if it has one). Shows the dock.
    void startWithLoad(double rate);

    bool eventFilter(QObject *watched, QEvent *event) override;

public Q_SLOTS:
    // Starts a run with the form's settings on the window's current connection.
    void startRun();
    void stopRun();

private:
    void buildControls(QWidget *content);
    void buildTable(QWidget *content);
    void buildChart(QWidget *content);
    void onStateChanged(WorkloadController::State state);
    void onTicked(const WorkloadSnapshot &snapshot);
    void onFinished(const QString &fatalError);
    void showStatus(const QString &text, bool isError = false);
    // The pending startWithLoad(): starts once the window's session is established.
    void startWhenConnected();
    void updateChart(const WorkloadSnapshot &snapshot);

    MainWindow *m_window;
    WorkloadController *m_controller;
    QComboBox *m_mix = nullptr;
    QDoubleSpinBox *m_rate = nullptr;
    QSpinBox *m_concurrency = nullptr;
    QComboBox *m_hotCity = nullptr;
    QPushButton *m_start = nullptr;
    QPushButton *m_stop = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_errors = nullptr;
    QTableWidget *m_table = nullptr;
    QChart *m_chart = nullptr;
    QLineSeries *m_opsSeries = nullptr;
    QLineSeries *m_p99Series = nullptr;
    QLineSeries *m_retriesSeries = nullptr;
    QValueAxis *m_timeAxis = nullptr;
    QValueAxis *m_rateAxis = nullptr;
    QValueAxis *m_latencyAxis = nullptr;
    bool m_loadWhenConnected = false;
};
