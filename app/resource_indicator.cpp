#include "resource_indicator.h"

#include "resource_dock.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QMouseEvent>
#include <QProgressBar>

namespace quire::app {

namespace {

std::optional<double> percentOf(std::optional<quint64> used, std::optional<quint64> total) {
    if (!used || !total || *total == 0)
        return std::nullopt;
    return 100.0 * double(*used) / double(*total);
}

QProgressBar* smallBar(QWidget* parent) {
    auto* bar = new QProgressBar(parent);
    bar->setRange(0, 1000); // tenths of a percent, as ResourceDock::setBar fills it
    bar->setTextVisible(false);
    bar->setFixedSize(48, 8);
    return bar;
}

} // namespace

ResourceIndicator::ResourceIndicator(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("resources.indicator"));
    setCursor(Qt::PointingHandCursor);
    auto* row = new QHBoxLayout(this);
    row->setContentsMargins(8, 0, 8, 0);
    row->setSpacing(4);
    auto* labels = new QVBoxLayout;
    labels->setSpacing(1);
    auto* bars = new QVBoxLayout;
    bars->setSpacing(5);
    auto* ram = new QLabel(QStringLiteral("RAM"), this);
    auto* disk = new QLabel(tr("Disk"), this);
    disk->setObjectName(QStringLiteral("resources.indicator.diskLabel"));
    for (QLabel* l : {ram, disk}) {
        QFont f = l->font();
        f.setPointSizeF(f.pointSizeF() * 0.75);
        l->setFont(f);
        labels->addWidget(l);
    }
    m_memory = smallBar(this);
    m_disk = smallBar(this);
    bars->addWidget(m_memory);
    bars->addWidget(m_disk);
    row->addLayout(labels);
    row->addLayout(bars);
    retranslate();
    showSnapshot({});
}

void ResourceIndicator::retranslate() {
    setAccessibleName(tr("Memory and disk of the runtime"));
    if (auto* disk = findChild<QLabel*>(QStringLiteral("resources.indicator.diskLabel")))
        disk->setText(tr("Disk"));
    showSnapshot(m_last);
}

void ResourceIndicator::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void ResourceIndicator::showSnapshot(const kernel::ResourceSnapshot& s) {
    m_last = s;
    const QString memory = ResourceDock::usedOfTotal(s.memoryUsedBytes, s.memoryTotalBytes);
    const QString disk = ResourceDock::usedOfTotal(s.diskUsedBytes, s.diskTotalBytes);
    ResourceDock::setBar(m_memory, percentOf(s.memoryUsedBytes, s.memoryTotalBytes), memory);
    ResourceDock::setBar(m_disk, percentOf(s.diskUsedBytes, s.diskTotalBytes), disk);
    setToolTip(tr("RAM: %1\nDisk: %2\nClick for the Resource Monitor").arg(memory, disk));
}

void ResourceIndicator::mousePressEvent(QMouseEvent* event) {
    if (event->button() == Qt::LeftButton)
        emit clicked();
    QWidget::mousePressEvent(event);
}

} // namespace quire::app
