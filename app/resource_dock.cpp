#include "resource_dock.h"

#include "app/app_settings.h"
#include "app/gpu_card.h"
#include "app/history_chart.h"
#include "app/remote_resource_sampler.h"
#include "app/resource_sampler.h"

#include <QDateTime>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QScrollArea>
#include <QVBoxLayout>

namespace quire::app {

namespace {
std::optional<double> share(std::optional<quint64> used, std::optional<quint64> total) {
    if (!used || !total || *total == 0)
        return std::nullopt;
    return 100.0 * double(*used) / double(*total);
}
} // namespace

QString ResourceDock::notAvailable() {
    return tr("N/A");
}

QString ResourceDock::usedOfTotal(std::optional<quint64> used, std::optional<quint64> total) {
    const QLocale locale;
    auto size = [&](std::optional<quint64> bytes) {
        return bytes ? locale.formattedDataSize(qint64(*bytes), 1) : notAvailable();
    };
    if (!used && !total)
        return notAvailable();
    return tr("%1 of %2").arg(size(used), size(total));
}

QProgressBar* ResourceDock::newBar(const QString& accessibleName, QWidget* parent) {
    auto* bar = new QProgressBar(parent);
    bar->setRange(0, 1000);
    bar->setTextVisible(true);
    bar->setAccessibleName(accessibleName);
    return bar;
}

void ResourceDock::setBar(QProgressBar* bar, std::optional<double> percent, const QString& text) {
    bar->setValue(percent ? int(std::clamp(*percent, 0.0, 100.0) * 10.0) : 0);
    bar->setFormat(text); // holds no %p/%v/%m, so it shows as it is
    bar->setAccessibleDescription(text);
}

ResourceDock::ResourceDock(const QString& diskPath, QWidget* parent)
    : QDockWidget(tr("Resource Monitor"), parent), m_sampler(new ResourceSampler(diskPath, this)) {
    setObjectName(QStringLiteral("resources"));
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setAccessibleName(tr("Resource monitor"));
    auto* content = new QWidget(scroll);
    auto* column = new QVBoxLayout(content);

    m_note = new QLabel(content);
    m_note->setObjectName(QStringLiteral("resources.note"));
    m_note->setWordWrap(true);
    m_note->hide();
    column->addWidget(m_note);

    auto* host = m_host = new QGroupBox(tr("This computer"), content);
    auto* form = new QFormLayout(host);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_cpu = newBar(tr("CPU usage"), host);
    m_cpu->setObjectName(QStringLiteral("resources.cpu"));
    form->addRow(tr("CPU:"), m_cpu);
    m_memory = newBar(tr("Memory usage"), host);
    m_memory->setObjectName(QStringLiteral("resources.memory"));
    form->addRow(tr("Memory:"), m_memory);
    m_disk = newBar(tr("Disk usage"), host);
    m_disk->setObjectName(QStringLiteral("resources.disk"));
    form->addRow(tr("Disk:"), m_disk);
    m_diskPath = new QLabel(host);
    m_diskPath->setObjectName(QStringLiteral("resources.diskPath"));
    m_diskPath->setWordWrap(true);
    m_diskPath->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(QString(), m_diskPath);
    m_chart = new HistoryChart({tr("CPU"), tr("Memory")}, host);
    m_chart->setAccessibleName(tr("CPU and memory, last 5 minutes"));
    form->addRow(m_chart);
    column->addWidget(host);

    m_gpuLayout = new QVBoxLayout;
    m_gpuReason = new QLabel(content);
    m_gpuReason->setObjectName(QStringLiteral("resources.gpuReason"));
    m_gpuReason->setWordWrap(true);
    m_gpuLayout->addWidget(m_gpuReason);
    column->addLayout(m_gpuLayout);

    m_tpuBox = new QGroupBox(tr("TPUs"), content);
    auto* tpus = new QVBoxLayout(m_tpuBox);
    m_tpuList = new QLabel(m_tpuBox);
    m_tpuList->setObjectName(QStringLiteral("resources.tpus"));
    m_tpuList->setWordWrap(true);
    tpus->addWidget(m_tpuList);
    auto* note =
        new QLabel(tr("Live TPU metrics are not available; only the chips are listed."), m_tpuBox);
    note->setWordWrap(true);
    tpus->addWidget(note);
    m_tpuBox->hide();
    column->addWidget(m_tpuBox);
    column->addStretch(1);

    scroll->setWidget(content);
    setWidget(scroll);
    setMinimumWidth(300);
    render({});

    connect(m_sampler, &ResourceSampler::sampled, this, &ResourceDock::render);
    // Sampling costs nothing while neither the dock nor the indicator shows it.
    connect(this, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        m_visible = visible;
        updateActive();
    });
    auto& settings = AppSettings::instance();
    m_sampler->setIntervalMs(settings.resourceIntervalMs());
    connect(&settings, &AppSettings::resourceIntervalMsChanged, m_sampler,
            &ResourceSampler::setIntervalMs);
}

void ResourceDock::setDiskPath(const QString& path) {
    m_sampler->setDiskPath(path);
}

void ResourceDock::setRemoteSampler(RemoteResourceSampler* remote) {
    m_remote = remote;
    connect(remote, &RemoteResourceSampler::targetChanged, this, &ResourceDock::followRuntime);
    connect(remote, &RemoteResourceSampler::sampled, this,
            [this](const kernel::ResourceSnapshot& snapshot) {
                if (showsRemoteRuntime())
                    m_sampler->record(snapshot, QDateTime::currentMSecsSinceEpoch());
            });
    connect(remote, &RemoteResourceSampler::failed, this, [this](const QString& error) {
        if (!showsRemoteRuntime())
            return;
        m_note->setText(tr("Cannot measure %1: %2").arg(m_remote->runtimeName(), error));
        m_note->show();
    });
    followRuntime();
}

bool ResourceDock::showsRemoteRuntime() const {
    return m_remote && !m_remote->runtimeId().isEmpty();
}

QString ResourceDock::runtimeTitle() const {
    return m_host->title();
}

void ResourceDock::followRuntime() {
    const bool remote = showsRemoteRuntime();
    const QString name = remote ? m_remote->runtimeName() : QString();
    m_host->setTitle(remote ? (name.isEmpty() ? tr("Remote runtime") : name) : tr("This computer"));
    m_sampler->clearHistory(); // the chart shows one runtime
    render({});
    if (remote && m_remote->latest())
        m_sampler->record(*m_remote->latest(), QDateTime::currentMSecsSinceEpoch());
    updateActive();
}

void ResourceDock::setIndicatorShown(bool shown) {
    m_indicatorShown = shown;
    updateActive();
}

void ResourceDock::updateActive() {
    const bool remote = showsRemoteRuntime();
    const bool wanted = m_visible || m_indicatorShown;
    m_sampler->setActive(wanted && !remote);
    if (m_remote)
        m_remote->setActive(wanted && remote);
}

void ResourceDock::showSnapshot(const kernel::ResourceSnapshot& snapshot, qint64 msecs) {
    m_sampler->record(snapshot, msecs);
}

void ResourceDock::render(const kernel::ResourceSnapshot& s) {
    const QLocale locale;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const ResourceHistory& history = m_sampler->history();

    QString cpuText = notAvailable();
    if (s.cpuPercent) {
        const QString percent = locale.toString(*s.cpuPercent, 'f', 0);
        cpuText = s.cpuCount ? tr("%1 % of %2 CPUs").arg(percent).arg(*s.cpuCount)
                             : tr("%1 %").arg(percent);
    }
    setBar(m_cpu, s.cpuPercent, cpuText);
    setBar(m_memory, share(s.memoryUsedBytes, s.memoryTotalBytes),
           usedOfTotal(s.memoryUsedBytes, s.memoryTotalBytes));
    setBar(m_disk, share(s.diskUsedBytes, s.diskTotalBytes),
           usedOfTotal(s.diskUsedBytes, s.diskTotalBytes));
    m_diskPath->setText(s.diskPath.isEmpty() ? QString() : tr("Disk holding %1").arg(s.diskPath));
    m_chart->setPoints(0, history.points(ResourceHistory::cpu()), now);
    m_chart->setPoints(1, history.points(ResourceHistory::memory()), now);

    const auto& gpus = s.gpu.gpus;
    while (m_cards.size() > qsizetype(gpus.size()))
        delete m_cards.takeLast();
    while (m_cards.size() < qsizetype(gpus.size())) {
        auto* card = new GpuCard(m_gpuReason->parentWidget());
        m_gpuLayout->addWidget(card);
        m_cards << card;
    }
    for (size_t i = 0; i < gpus.size(); ++i)
        m_cards[qsizetype(i)]->update(gpus[i], history, now, m_kernelPid);
    m_gpuReason->setVisible(gpus.empty());
    const QString reason =
        s.gpu.unavailableReason.isEmpty() ? tr("No GPU information yet.") : s.gpu.unavailableReason;
    m_gpuReason->setText(tr("No GPUs: %1").arg(reason));

    QStringList tpus;
    for (const kernel::TpuChip& tpu : s.tpus)
        tpus << tr("TPU %1: %2, %3")
                    .arg(tpu.index)
                    .arg(tpu.generation.isEmpty() ? notAvailable() : tpu.generation,
                         tpu.devicePath.value_or(tpu.pciAddress));
    m_tpuList->setText(tpus.join(QLatin1Char('\n')));
    // How the values were measured ("sampled through the kernel"), when that matters.
    m_note->setText(s.notes.join(QLatin1Char('\n')));
    m_note->setVisible(!s.notes.isEmpty());
    m_tpuBox->setVisible(!tpus.isEmpty());
}

} // namespace quire::app
