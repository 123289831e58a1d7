#pragma once

#include "kernelclient/resource_snapshot.h"

#include <QString>
#include <QStringList>
#include <memory>
#include <optional>
#include <vector>

namespace quire::kernel {

// NVIDIA's management library, opened with dlopen at run time: Quire has no link-time
// dependency on the driver, and a machine without it simply has no GPUs.
//
// The constructor loads the library and calls nvmlInit; the destructor calls nvmlShutdown.
// NVML calls can block for a while (a GPU that is waking up, a lost GPU), so a dock samples on
// a worker thread. Not thread-safe: use one object from one thread at a time, and keep it
// between samples (nvmlInit is the expensive part).
class NvmlLibrary {
public:
    // "libnvidia-ml.so.1", then "libnvidia-ml.so", looked up by the dynamic loader (so
    // LD_LIBRARY_PATH applies). A name with a '/' is a path.
    static QStringList defaultNames();

    explicit NvmlLibrary(const QStringList& names = defaultNames());
    ~NvmlLibrary();
    NvmlLibrary(const NvmlLibrary&) = delete;
    NvmlLibrary& operator=(const NvmlLibrary&) = delete;

    // True when the library was found and nvmlInit succeeded.
    bool isReady() const { return m_initialized; }
    // Why it is not ready, for the user ("no NVIDIA driver found on this runtime", ...).
    const QString& error() const { return m_error; }

    // Every GPU the driver sees. nullopt (and *error) when even the count failed.
    std::optional<std::vector<GpuDevice>> devices(QString* error = nullptr) const;

    // The user-facing text for an NVML return code.
    static QString describe(int code);

private:
    struct Api;
    GpuDevice readDevice(unsigned index) const;

    void* m_handle = nullptr;
    std::unique_ptr<Api> m_api;
    bool m_initialized = false;
    QString m_error;
};

} // namespace quire::kernel
