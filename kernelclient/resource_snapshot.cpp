#include "kernelclient/resource_snapshot.h"

namespace quire::kernel {

namespace {

using Json = nlohmann::ordered_json;

template <typename T> Json orNull(const std::optional<T>& value) {
    return value ? Json(*value) : Json(nullptr);
}

Json orNull(const std::optional<QString>& value) {
    return value ? Json(value->toStdString()) : Json(nullptr);
}

Json gpuJson(const GpuDevice& gpu) {
    Json processes = nullptr;
    if (gpu.processes) {
        processes = Json::array();
        for (const GpuProcess& p : *gpu.processes)
            processes.push_back({{"pid", p.pid}, {"used_memory_bytes", orNull(p.usedMemoryBytes)}});
    }
    return {{"index", gpu.index},
            {"name", orNull(gpu.name)},
            {"uuid", orNull(gpu.uuid)},
            {"utilization_percent", orNull(gpu.utilizationPercent)},
            {"memory_used_bytes", orNull(gpu.memoryUsedBytes)},
            {"memory_total_bytes", orNull(gpu.memoryTotalBytes)},
            {"temperature_c", orNull(gpu.temperatureC)},
            {"power_w", orNull(gpu.powerW)},
            {"power_limit_w", orNull(gpu.powerLimitW)},
            {"sm_clock_mhz", orNull(gpu.smClockMhz)},
            {"processes", std::move(processes)}};
}

} // namespace

QStringList ResourceSnapshot::accelerators() const {
    QStringList names;
    if (!gpu.gpus.empty())
        names << QStringLiteral("GPU");
    if (!tpus.empty())
        names << QStringLiteral("TPU");
    return names;
}

nlohmann::ordered_json toJson(const ResourceSnapshot& s, const QString& runtime) {
    Json gpus = Json::array();
    for (const GpuDevice& gpu : s.gpu.gpus)
        gpus.push_back(gpuJson(gpu));
    Json tpus = Json::array();
    for (const TpuChip& tpu : s.tpus)
        tpus.push_back({{"index", tpu.index},
                        {"generation", tpu.generation.toStdString()},
                        {"device_path", orNull(tpu.devicePath)}});
    Json accelerators = Json::array();
    for (const QString& a : s.accelerators())
        accelerators.push_back(a.toStdString());
    Json notes = Json::array();
    for (const QString& note : s.notes)
        notes.push_back(note.toStdString());
    return {
        {"runtime", runtime.toStdString()},
        {"cpu", {{"count", orNull(s.cpuCount)}, {"percent", orNull(s.cpuPercent)}}},
        {"memory",
         {{"total_bytes", orNull(s.memoryTotalBytes)}, {"used_bytes", orNull(s.memoryUsedBytes)}}},
        {"disk",
         {{"path", s.diskPath.toStdString()},
          {"total_bytes", orNull(s.diskTotalBytes)},
          {"used_bytes", orNull(s.diskUsedBytes)}}},
        {"gpus", std::move(gpus)},
        {"tpus", std::move(tpus)},
        {"accelerators", std::move(accelerators)},
        {"notes", std::move(notes)}};
}

} // namespace quire::kernel
