#include "kernelclient/nvml_library.h"

#include <QCoreApplication>
#include <QFile>
#include <QLoggingCategory>
#include <algorithm>
#include <dlfcn.h>
#include <initializer_list>

Q_LOGGING_CATEGORY(lcNvml, "quire.kernel.nvml", QtInfoMsg)

namespace quire::kernel {

namespace {

// nvml.h is not included: its macros rename the functions to their versioned names, and the
// loader must choose among versions itself. These are the few types Quire uses, declared from
// NVML's documented ABI.
enum NvmlReturn : int {
    kSuccess = 0,
    kUninitialized = 1,
    kNotSupported = 3,
    kNoPermission = 4,
    kInsufficientSize = 7,
    kDriverNotLoaded = 9,
    kLibraryNotFound = 12,
    kFunctionNotFound = 13,
    kGpuIsLost = 15,
    kLibRmVersionMismatch = 18,
};

using Device = struct NvmlDeviceOpaque*;

struct Utilization {
    unsigned gpu;
    unsigned memory;
};

struct MemoryV1 {
    unsigned long long total, free, used; // used includes what the driver reserves
};

struct MemoryV2 {
    unsigned version;
    unsigned long long total, reserved, free, used; // used as nvidia-smi shows it
};
static_assert(sizeof(MemoryV2) == 0x28);
// NVML's versioned-struct convention: the size in the low bits, the version in the top byte.
constexpr unsigned kMemoryV2Version = unsigned(sizeof(MemoryV2)) | (2u << 24);

struct ProcessV1 {
    unsigned pid;
    unsigned long long usedGpuMemory;
};

struct ProcessV2 { // the _v2 and _v3 functions take this one
    unsigned pid;
    unsigned long long usedGpuMemory;
    unsigned gpuInstanceId;
    unsigned computeInstanceId;
};

constexpr unsigned long long kValueNotAvailable = ~0ULL;
constexpr int kTemperatureGpu = 0; // NVML_TEMPERATURE_GPU
constexpr int kClockSm = 1;        // NVML_CLOCK_SM
constexpr unsigned kNameBufferSize = 96;

// The first of `names` the library exports.
template <typename Fn>
void resolve(void* handle, Fn& into, std::initializer_list<const char*> names) {
    for (const char* name : names) {
        if (void* symbol = dlsym(handle, name)) {
            into = reinterpret_cast<Fn>(symbol);
            return;
        }
    }
}

// The _v3/_v2/plain process queries share this: ask, grow to the size the driver says, ask
// again (a process may start between the calls, so that can repeat).
template <typename Info>
std::optional<std::vector<GpuProcess>> readProcesses(int (*query)(Device, unsigned*, Info*),
                                                     Device device) {
    std::vector<Info> infos;
    for (int attempt = 0; attempt < 5; ++attempt) {
        unsigned count = unsigned(infos.size());
        const int rc = query(device, &count, infos.empty() ? nullptr : infos.data());
        if (rc == kSuccess) {
            std::vector<GpuProcess> processes;
            for (size_t i = 0; i < std::min(size_t(count), infos.size()); ++i) {
                GpuProcess p;
                p.pid = qint64(infos[i].pid);
                if (infos[i].usedGpuMemory != kValueNotAvailable)
                    p.usedMemoryBytes = infos[i].usedGpuMemory;
                processes.push_back(p);
            }
            return processes;
        }
        if (rc != kInsufficientSize)
            return std::nullopt;
        infos.resize(count);
    }
    return std::nullopt;
}

} // namespace

struct NvmlLibrary::Api {
    int (*init)() = nullptr;
    int (*shutdown)() = nullptr;
    int (*getCount)(unsigned*) = nullptr;
    int (*getHandle)(unsigned, Device*) = nullptr;
    int (*getName)(Device, char*, unsigned) = nullptr;
    int (*getUuid)(Device, char*, unsigned) = nullptr;
    int (*getUtilization)(Device, Utilization*) = nullptr;
    int (*getMemoryV2)(Device, MemoryV2*) = nullptr;
    int (*getMemoryV1)(Device, MemoryV1*) = nullptr;
    int (*getTemperature)(Device, int, unsigned*) = nullptr;
    int (*getPower)(Device, unsigned*) = nullptr;
    int (*getPowerLimit)(Device, unsigned*) = nullptr;
    int (*getClock)(Device, int, unsigned*) = nullptr;
    int (*getProcessesV2)(Device, unsigned*, ProcessV2*) = nullptr; // _v3, else _v2
    int (*getProcessesV1)(Device, unsigned*, ProcessV1*) = nullptr;
};

QStringList NvmlLibrary::defaultNames() {
    return {QStringLiteral("libnvidia-ml.so.1"), QStringLiteral("libnvidia-ml.so")};
}

NvmlLibrary::NvmlLibrary(const QStringList& names) : m_api(std::make_unique<Api>()) {
    for (const QString& name : names) {
        m_handle = dlopen(QFile::encodeName(name).constData(), RTLD_NOW | RTLD_LOCAL);
        if (m_handle)
            break;
        qCDebug(lcNvml) << "dlopen:" << dlerror();
    }
    if (!m_handle) {
        m_error = describe(kLibraryNotFound);
        return;
    }
    Api& api = *m_api;
    resolve(m_handle, api.init, {"nvmlInit_v2", "nvmlInit"});
    resolve(m_handle, api.shutdown, {"nvmlShutdown"});
    resolve(m_handle, api.getCount, {"nvmlDeviceGetCount_v2", "nvmlDeviceGetCount"});
    resolve(m_handle, api.getHandle,
            {"nvmlDeviceGetHandleByIndex_v2", "nvmlDeviceGetHandleByIndex"});
    resolve(m_handle, api.getName, {"nvmlDeviceGetName"});
    resolve(m_handle, api.getUuid, {"nvmlDeviceGetUUID"});
    resolve(m_handle, api.getUtilization, {"nvmlDeviceGetUtilizationRates"});
    resolve(m_handle, api.getMemoryV2, {"nvmlDeviceGetMemoryInfo_v2"});
    resolve(m_handle, api.getMemoryV1, {"nvmlDeviceGetMemoryInfo"});
    resolve(m_handle, api.getTemperature, {"nvmlDeviceGetTemperature"});
    resolve(m_handle, api.getPower, {"nvmlDeviceGetPowerUsage"});
    resolve(m_handle, api.getPowerLimit, {"nvmlDeviceGetEnforcedPowerLimit"});
    resolve(m_handle, api.getClock, {"nvmlDeviceGetClockInfo"});
    resolve(m_handle, api.getProcessesV2,
            {"nvmlDeviceGetComputeRunningProcesses_v3", "nvmlDeviceGetComputeRunningProcesses_v2"});
    resolve(m_handle, api.getProcessesV1, {"nvmlDeviceGetComputeRunningProcesses"});
    if (!api.init || !api.getCount || !api.getHandle) {
        m_error = describe(kFunctionNotFound);
        return;
    }
    if (const int rc = api.init(); rc != kSuccess) {
        m_error = describe(rc);
        return;
    }
    m_initialized = true;
}

NvmlLibrary::~NvmlLibrary() {
    if (m_initialized && m_api->shutdown)
        m_api->shutdown();
    if (m_handle)
        dlclose(m_handle);
}

QString NvmlLibrary::describe(int code) {
    switch (code) {
    case kLibraryNotFound:
        return QCoreApplication::translate("Resources", "no NVIDIA driver found on this runtime");
    case kDriverNotLoaded:
        return QCoreApplication::translate("Resources", "the NVIDIA driver is not loaded");
    case kLibRmVersionMismatch:
        return QCoreApplication::translate("Resources",
                                           "the NVIDIA driver and library versions do not match");
    case kNoPermission:
        return QCoreApplication::translate("Resources", "no permission to use the NVIDIA driver");
    case kGpuIsLost:
        return QCoreApplication::translate("Resources",
                                           "a GPU is lost (it fell off the bus or needs a reset)");
    case kFunctionNotFound:
        return QCoreApplication::translate("Resources", "the NVIDIA management library is too old");
    case kNotSupported:
        return QCoreApplication::translate("Resources", "not supported by this GPU");
    case kUninitialized:
        return QCoreApplication::translate("Resources",
                                           "the NVIDIA management library is not initialized");
    default:
        return QCoreApplication::translate("Resources",
                                           "the NVIDIA management library failed (error %1)")
            .arg(code);
    }
}

std::optional<std::vector<GpuDevice>> NvmlLibrary::devices(QString* error) const {
    if (!m_initialized) {
        if (error)
            *error = m_error;
        return std::nullopt;
    }
    unsigned count = 0;
    if (const int rc = m_api->getCount(&count); rc != kSuccess) {
        if (error)
            *error = describe(rc);
        return std::nullopt;
    }
    std::vector<GpuDevice> gpus;
    gpus.reserve(count);
    for (unsigned i = 0; i < count; ++i)
        gpus.push_back(readDevice(i));
    return gpus;
}

GpuDevice NvmlLibrary::readDevice(unsigned index) const {
    const Api& api = *m_api;
    GpuDevice gpu;
    gpu.index = int(index);
    Device device = nullptr;
    if (const int rc = api.getHandle(index, &device); rc != kSuccess) {
        // A lost GPU or one this user may not see: listed, with nothing known about it.
        qCDebug(lcNvml) << "GPU" << index << ":" << describe(rc);
        return gpu;
    }
    auto text = [&](int (*get)(Device, char*, unsigned)) -> std::optional<QString> {
        char buffer[kNameBufferSize] = {};
        if (!get || get(device, buffer, sizeof buffer) != kSuccess)
            return std::nullopt;
        return QString::fromUtf8(buffer, qsizetype(qstrnlen(buffer, sizeof buffer)));
    };
    gpu.name = text(api.getName);
    gpu.uuid = text(api.getUuid);

    if (Utilization u{}; api.getUtilization && api.getUtilization(device, &u) == kSuccess)
        gpu.utilizationPercent = int(u.gpu);

    if (MemoryV2 m{kMemoryV2Version, 0, 0, 0, 0};
        api.getMemoryV2 && api.getMemoryV2(device, &m) == kSuccess) {
        gpu.memoryUsedBytes = m.used;
        gpu.memoryTotalBytes = m.total;
    } else if (MemoryV1 m1{}; api.getMemoryV1 && api.getMemoryV1(device, &m1) == kSuccess) {
        gpu.memoryUsedBytes = m1.used;
        gpu.memoryTotalBytes = m1.total;
    }

    unsigned value = 0;
    if (api.getTemperature && api.getTemperature(device, kTemperatureGpu, &value) == kSuccess)
        gpu.temperatureC = int(value);
    if (api.getPower && api.getPower(device, &value) == kSuccess)
        gpu.powerW = value / 1000.0;
    if (api.getPowerLimit && api.getPowerLimit(device, &value) == kSuccess)
        gpu.powerLimitW = value / 1000.0;
    if (api.getClock && api.getClock(device, kClockSm, &value) == kSuccess)
        gpu.smClockMhz = int(value);

    if (api.getProcessesV2)
        gpu.processes = readProcesses(api.getProcessesV2, device);
    else if (api.getProcessesV1)
        gpu.processes = readProcesses(api.getProcessesV1, device);
    return gpu;
}

} // namespace quire::kernel
