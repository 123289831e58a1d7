#pragma once

#include "kernelclient/resource_snapshot.h"

#include <QGroupBox>

class QLabel;
class QProgressBar;
class QTableWidget;

namespace quire::app {

class HistoryChart;
class ResourceHistory;

// One GPU in the resource monitor: utilization and memory bars, temperature, power, SM clock,
// a plot of utilization and memory over the last five minutes, and the processes on it.
class GpuCard : public QGroupBox {
    Q_OBJECT
public:
    explicit GpuCard(QWidget* parent = nullptr);

    // `ownKernelPid`: the current notebook's kernel, highlighted in the process table (0: none).
    void update(const kernel::GpuDevice& gpu, const ResourceHistory& history, qint64 now,
                qint64 ownKernelPid = 0);

    QProgressBar* utilizationBar() const { return m_utilization; }
    QProgressBar* memoryBar() const { return m_memory; }
    QLabel* temperatureLabel() const { return m_temperature; }
    QLabel* powerLabel() const { return m_power; }
    QLabel* clockLabel() const { return m_clock; }
    HistoryChart* chart() const { return m_chart; }
    QTableWidget* processTable() const { return m_processes; }

private:
    QProgressBar* m_utilization;
    QProgressBar* m_memory;
    QLabel* m_temperature;
    QLabel* m_power;
    QLabel* m_clock;
    HistoryChart* m_chart;
    QTableWidget* m_processes;
    QLabel* m_noProcesses;
};

} // namespace quire::app
