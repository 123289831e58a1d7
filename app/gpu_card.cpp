#include "gpu_card.h"

#include "app/history_chart.h"
#include "app/resource_dock.h"

#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QTableWidget>

namespace quire::app {

GpuCard::GpuCard(QWidget* parent) : QGroupBox(parent) {
    auto* form = new QFormLayout(this);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_utilization = ResourceDock::newBar(tr("GPU utilization"), this);
    form->addRow(tr("Utilization:"), m_utilization);
    m_memory = ResourceDock::newBar(tr("GPU memory"), this);
    form->addRow(tr("Memory:"), m_memory);
    m_temperature = new QLabel(this);
    form->addRow(tr("Temperature:"), m_temperature);
    m_power = new QLabel(this);
    form->addRow(tr("Power:"), m_power);
    m_clock = new QLabel(this);
    form->addRow(tr("SM clock:"), m_clock);
    m_chart = new HistoryChart({tr("Utilization"), tr("Memory")}, this);
    m_chart->setAccessibleName(tr("GPU utilization and memory, last 5 minutes"));
    form->addRow(m_chart);
    m_processes = new QTableWidget(0, 2, this);
    m_processes->setHorizontalHeaderLabels({tr("PID"), tr("GPU memory")});
    m_processes->setAccessibleName(tr("Processes on this GPU"));
    m_processes->verticalHeader()->hide();
    m_processes->horizontalHeader()->setStretchLastSection(true);
    m_processes->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_processes->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_processes->setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    form->addRow(m_processes);
    m_noProcesses = new QLabel(this);
    m_noProcesses->setWordWrap(true);
    form->addRow(m_noProcesses);
}

void GpuCard::update(const kernel::GpuDevice& gpu, const ResourceHistory& history, qint64 now,
                     qint64 ownKernelPid) {
    const QLocale locale;
    const QString name = gpu.name.value_or(ResourceDock::notAvailable());
    setTitle(tr("GPU %1: %2").arg(gpu.index).arg(name));
    setAccessibleName(title());
    m_utilization->setAccessibleName(tr("GPU %1 utilization").arg(gpu.index));
    m_memory->setAccessibleName(tr("GPU %1 memory").arg(gpu.index));

    std::optional<double> util;
    if (gpu.utilizationPercent)
        util = *gpu.utilizationPercent;
    ResourceDock::setBar(m_utilization, util,
                         util ? tr("%1 %").arg(*gpu.utilizationPercent)
                              : ResourceDock::notAvailable());
    std::optional<double> mem;
    if (gpu.memoryUsedBytes && gpu.memoryTotalBytes && *gpu.memoryTotalBytes > 0)
        mem = 100.0 * double(*gpu.memoryUsedBytes) / double(*gpu.memoryTotalBytes);
    ResourceDock::setBar(m_memory, mem,
                         ResourceDock::usedOfTotal(gpu.memoryUsedBytes, gpu.memoryTotalBytes));

    m_temperature->setText(gpu.temperatureC ? tr("%1 °C").arg(*gpu.temperatureC)
                                            : ResourceDock::notAvailable());
    auto watts = [&](std::optional<double> w) {
        return w ? tr("%1 W").arg(locale.toString(*w, 'f', 0)) : ResourceDock::notAvailable();
    };
    if (!gpu.powerW && !gpu.powerLimitW)
        m_power->setText(ResourceDock::notAvailable());
    else
        m_power->setText(tr("%1 of %2").arg(watts(gpu.powerW), watts(gpu.powerLimitW)));
    m_clock->setText(gpu.smClockMhz ? tr("%1 MHz").arg(*gpu.smClockMhz)
                                    : ResourceDock::notAvailable());

    m_chart->setPoints(0, history.points(ResourceHistory::gpuUtilization(gpu.index)), now);
    m_chart->setPoints(1, history.points(ResourceHistory::gpuMemory(gpu.index)), now);

    const bool known = gpu.processes.has_value();
    m_processes->setVisible(known && !gpu.processes->empty());
    if (!known)
        m_noProcesses->setText(tr("The process list is not available."));
    else if (gpu.processes->empty())
        m_noProcesses->setText(tr("No processes are using this GPU."));
    m_noProcesses->setVisible(!known || gpu.processes->empty());
    if (known) {
        m_processes->setRowCount(int(gpu.processes->size()));
        int row = 0;
        for (const kernel::GpuProcess& p : *gpu.processes) {
            const bool own = ownKernelPid > 0 && qint64(p.pid) == ownKernelPid;
            auto* pid = new QTableWidgetItem(own ? tr("%1 (this notebook)").arg(p.pid)
                                                 : QString::number(p.pid));
            auto* used = new QTableWidgetItem(
                p.usedMemoryBytes ? locale.formattedDataSize(qint64(*p.usedMemoryBytes), 1)
                                  : ResourceDock::notAvailable());
            used->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            if (own) {
                QFont bold = m_processes->font();
                bold.setBold(true);
                pid->setFont(bold);
                used->setFont(bold);
            }
            m_processes->setItem(row, 0, pid);
            m_processes->setItem(row, 1, used);
            ++row;
        }
        // As tall as its rows, up to five; more scroll.
        m_processes->resizeRowsToContents();
        int height = m_processes->horizontalHeader()->height() + 2 * m_processes->frameWidth();
        for (int r = 0; r < std::min(5, m_processes->rowCount()); ++r)
            height += m_processes->rowHeight(r);
        m_processes->setFixedHeight(height);
    }
}

} // namespace quire::app
