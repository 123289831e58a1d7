#pragma once

#include "kernelclient/resource_probe.h"
#include "kernelclient/resource_snapshot.h"

#include <QObject>
#include <optional>

namespace quire::app {

// What accelerators the local runtime has, measured once on a worker thread (NVML and
// nvidia-smi may block) and kept: Change runtime type, the status-bar chip and the "this
// notebook wants a GPU" notice read it.
class RuntimeInventory : public QObject {
    Q_OBJECT
public:
    explicit RuntimeInventory(kernel::ResourceProbe::Options options = {},
                              QObject* parent = nullptr);
    ~RuntimeInventory() override; // waits for a measurement in progress

    // Where to look (tests point NVML at a stand-in library); takes effect at the next refresh.
    void setOptions(kernel::ResourceProbe::Options options) { m_options = std::move(options); }
    // Starts measuring (once at a time); ready() follows.
    void refresh();
    const std::optional<kernel::ResourceSnapshot>& snapshot() const { return m_snapshot; }
    bool hasGpu() const { return m_snapshot && !m_snapshot->gpu.gpus.empty(); }
    bool hasTpu() const { return m_snapshot && !m_snapshot->tpus.empty(); }
    // "H200" from "NVIDIA H200": the model as hosted notebooks name it (colab.gpuType).
    static QString gpuType(const QString& gpuName);

signals:
    void ready();

private:
    kernel::ResourceProbe::Options m_options;
    std::optional<kernel::ResourceSnapshot> m_snapshot;
    class QThread* m_thread = nullptr;
};

} // namespace quire::app
