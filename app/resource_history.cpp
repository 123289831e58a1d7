#include "resource_history.h"

#include <algorithm>

namespace quire::app {

namespace {
std::optional<double> share(std::optional<quint64> used, std::optional<quint64> total) {
    if (!used || !total || *total == 0)
        return std::nullopt;
    return std::clamp(100.0 * double(*used) / double(*total), 0.0, 100.0);
}
} // namespace

ResourceHistory::ResourceHistory(int capacity) : m_capacity(std::max(1, capacity)) {}

QString ResourceHistory::cpu() {
    return QStringLiteral("cpu");
}

QString ResourceHistory::memory() {
    return QStringLiteral("memory");
}

QString ResourceHistory::gpuUtilization(int index) {
    return QStringLiteral("gpu%1/utilization").arg(index);
}

QString ResourceHistory::gpuMemory(int index) {
    return QStringLiteral("gpu%1/memory").arg(index);
}

void ResourceHistory::setCapacity(int capacity) {
    capacity = std::max(1, capacity);
    if (capacity == m_capacity)
        return;
    m_capacity = capacity;
    for (Ring& ring : m_rings)
        resize(ring);
}

ResourceHistory::Point ResourceHistory::at(const Ring& ring, size_t i) {
    return ring.buffer[(ring.head + i) % ring.buffer.size()];
}

void ResourceHistory::resize(Ring& ring) const {
    std::vector<Point> kept;
    const size_t keep = std::min(ring.count, size_t(m_capacity));
    kept.reserve(size_t(m_capacity));
    for (size_t i = ring.count - keep; i < ring.count; ++i)
        kept.push_back(at(ring, i));
    ring.count = kept.size();
    kept.resize(size_t(m_capacity));
    ring.buffer = std::move(kept);
    ring.head = 0;
}

void ResourceHistory::add(const QString& metric, qint64 msecs, double value) {
    Ring& ring = m_rings[metric];
    if (ring.buffer.size() != size_t(m_capacity))
        resize(ring);
    // Points from before the window (the dock was hidden for a while) go first.
    while (ring.count > 0 && at(ring, 0).msecs < msecs - kWindowMs) {
        ring.head = (ring.head + 1) % ring.buffer.size();
        --ring.count;
    }
    if (ring.count == ring.buffer.size()) { // full: overwrite the oldest
        ring.buffer[ring.head] = {msecs, value};
        ring.head = (ring.head + 1) % ring.buffer.size();
    } else {
        ring.buffer[(ring.head + ring.count) % ring.buffer.size()] = {msecs, value};
        ++ring.count;
    }
}

void ResourceHistory::append(const kernel::ResourceSnapshot& snapshot, qint64 msecs) {
    if (snapshot.cpuPercent)
        add(cpu(), msecs, std::clamp(*snapshot.cpuPercent, 0.0, 100.0));
    if (auto m = share(snapshot.memoryUsedBytes, snapshot.memoryTotalBytes))
        add(memory(), msecs, *m);
    for (const kernel::GpuDevice& gpu : snapshot.gpu.gpus) {
        if (gpu.utilizationPercent)
            add(gpuUtilization(gpu.index), msecs,
                std::clamp(double(*gpu.utilizationPercent), 0.0, 100.0));
        if (auto m = share(gpu.memoryUsedBytes, gpu.memoryTotalBytes))
            add(gpuMemory(gpu.index), msecs, *m);
    }
}

std::vector<ResourceHistory::Point> ResourceHistory::points(const QString& metric) const {
    std::vector<Point> out;
    const auto it = m_rings.constFind(metric);
    if (it == m_rings.cend())
        return out;
    out.reserve(it->count);
    for (size_t i = 0; i < it->count; ++i)
        out.push_back(at(*it, i));
    return out;
}

int ResourceHistory::size(const QString& metric) const {
    const auto it = m_rings.constFind(metric);
    return it == m_rings.cend() ? 0 : int(it->count);
}

} // namespace quire::app
