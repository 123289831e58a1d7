// A stand-in for NVIDIA's libnvidia-ml.so.1, for tests on machines without a GPU. It behaves as
// the documented NVML ABI does, for two "NVIDIA H200" GPUs with fixed readings:
//   GPU 0: everything known; its compute processes grow from 2 to 3 between the first two
//          queries, so a reader must follow INSUFFICIENT_SIZE more than once; one process
//          has no memory figure (NVML_VALUE_NOT_AVAILABLE).
//   GPU 1: power, power limit and SM clock NOT_SUPPORTED; no processes.
// Built twice: the modern library (nvmlInit_v2, ..._v2, GetMemoryInfo_v2, processes _v3), and
// with FAKE_NVML_LEGACY an old driver's library that has only the unversioned functions.
// To show which function a reader used, the unversioned GetMemoryInfo counts reserved memory
// as used (as the real one does), and in the modern library only _v3 lists processes.
// FAKE_NVML_INIT_RESULT=<code> makes nvmlInit fail with that code. FAKE_NVML_LOST_GPU=<index>
// makes that GPU lost from then on (GPU_IS_LOST), as when it falls off the bus mid-run.
#include <cstdlib>
#include <cstring>

// NVML's structs as the ABI defines them (named namespace: the exported functions use them).
namespace fake_nvml {

struct ProcessV1 {
    unsigned pid;
    unsigned long long usedGpuMemory;
};

struct ProcessV2 {
    unsigned pid;
    unsigned long long usedGpuMemory;
    unsigned gpuInstanceId;
    unsigned computeInstanceId;
};

struct MemoryV1 {
    unsigned long long total, free, used;
};

struct MemoryV2 {
    unsigned version;
    unsigned long long total, reserved, free, used;
};

} // namespace fake_nvml

using namespace fake_nvml;

namespace {

constexpr int kSuccess = 0;
constexpr int kUninitialized = 1;
constexpr int kInvalidArgument = 2;
constexpr int kNotSupported = 3;
constexpr int kInsufficientSize = 7;
constexpr int kGpuIsLost = 15;
constexpr int kArgumentVersionMismatch = 25;
constexpr unsigned long long kMiB = 1024ULL * 1024ULL;
constexpr unsigned long long kValueNotAvailable = ~0ULL;

struct FakeProcess {
    unsigned pid;
    unsigned long long usedBytes;
};

struct FakeGpu {
    const char* uuid;
    unsigned utilization;
    unsigned long long totalBytes, usedBytes, reservedBytes;
    unsigned temperature;
    int powerMilliwatts, powerLimitMilliwatts, smClockMhz; // < 0: not supported
    const FakeProcess* processes;
    unsigned processesFirst, processesLater; // how many the first query sees, and later ones
    unsigned queries;
};

const FakeProcess kGpu0Processes[] = {
    {4242, 1024 * kMiB}, {4343, kValueNotAvailable}, {4444, 128 * kMiB}};

FakeGpu g_gpus[] = {
    {"GPU-1f0c6a2e-8d3b-4c71-9a52-6e0b3d7c9f10", 37, 143771 * kMiB, 1177 * kMiB, 568 * kMiB, 45,
     123450, 700000, 1980, kGpu0Processes, 2, 3, 0},
    {"GPU-7b2d9e41-0c5a-4f83-b6e7-2a9c1d8f4e35", 0, 143771 * kMiB, 0, 568 * kMiB, 38, -1, -1, -1,
     nullptr, 0, 0, 0},
};
constexpr unsigned kGpuCount = sizeof g_gpus / sizeof g_gpus[0];

int g_inits = 0;

FakeGpu* gpu(void* device) {
    for (FakeGpu& g : g_gpus)
        if (device == &g)
            return &g;
    return nullptr;
}

int init() {
    if (const char* forced = std::getenv("FAKE_NVML_INIT_RESULT"); forced && *forced)
        return std::atoi(forced);
    ++g_inits;
    return kSuccess;
}

int count(unsigned* n) {
    if (!g_inits)
        return kUninitialized;
    if (!n)
        return kInvalidArgument;
    *n = kGpuCount;
    return kSuccess;
}

int handle(unsigned index, void** device) {
    if (!g_inits)
        return kUninitialized;
    if (index >= kGpuCount || !device)
        return kInvalidArgument;
    if (const char* lost = std::getenv("FAKE_NVML_LOST_GPU");
        lost && *lost && unsigned(std::atoi(lost)) == index)
        return kGpuIsLost;
    *device = &g_gpus[index];
    return kSuccess;
}

// A reading that this GPU may not support (< 0).
int reading(int value, unsigned* into) {
    if (value < 0)
        return kNotSupported;
    *into = unsigned(value);
    return kSuccess;
}

int copyText(const char* text, char* buffer, unsigned length) {
    if (!buffer || std::strlen(text) + 1 > length)
        return kInsufficientSize;
    std::strcpy(buffer, text);
    return kSuccess;
}

// The process query of every version: `Info` is the struct of that version.
template <typename Info> int processes(void* device, unsigned* infoCount, Info* infos) {
    FakeGpu* g = gpu(device);
    if (!g_inits)
        return kUninitialized;
    if (!g || !infoCount)
        return kInvalidArgument;
    const unsigned running = g->queries++ == 0 ? g->processesFirst : g->processesLater;
    if (*infoCount < running) {
        *infoCount = running;
        return kInsufficientSize;
    }
    for (unsigned i = 0; i < running; ++i) {
        Info info{};
        info.pid = g->processes[i].pid;
        info.usedGpuMemory = g->processes[i].usedBytes;
        infos[i] = info;
    }
    *infoCount = running;
    return kSuccess;
}

} // namespace

extern "C" {

// For tests: how many nvmlInit calls have not been matched by nvmlShutdown.
int fake_nvml_active_inits() {
    return g_inits;
}

int nvmlInit() {
    return init();
}

int nvmlShutdown() {
    if (!g_inits)
        return kUninitialized;
    --g_inits;
    return kSuccess;
}

const char* nvmlErrorString(int) {
    return "fake NVML error";
}

int nvmlDeviceGetCount(unsigned* n) {
    return count(n);
}

int nvmlDeviceGetHandleByIndex(unsigned index, void** device) {
    return handle(index, device);
}

int nvmlDeviceGetName(void* device, char* name, unsigned length) {
    return gpu(device) ? copyText("NVIDIA H200", name, length) : kInvalidArgument;
}

int nvmlDeviceGetUUID(void* device, char* uuid, unsigned length) {
    const FakeGpu* g = gpu(device);
    return g ? copyText(g->uuid, uuid, length) : kInvalidArgument;
}

int nvmlDeviceGetUtilizationRates(void* device, unsigned* rates) {
    const FakeGpu* g = gpu(device);
    if (!g || !rates)
        return kInvalidArgument;
    rates[0] = g->utilization;
    rates[1] = g->utilization / 3;
    return kSuccess;
}

int nvmlDeviceGetMemoryInfo(void* device, MemoryV1* memory) {
    const FakeGpu* g = gpu(device);
    if (!g || !memory)
        return kInvalidArgument;
    memory->total = g->totalBytes;
    memory->used = g->usedBytes + g->reservedBytes;
    memory->free = g->totalBytes - memory->used;
    return kSuccess;
}

int nvmlDeviceGetTemperature(void* device, int sensor, unsigned* celsius) {
    const FakeGpu* g = gpu(device);
    if (!g || sensor != 0 || !celsius)
        return kInvalidArgument;
    *celsius = g->temperature;
    return kSuccess;
}

int nvmlDeviceGetPowerUsage(void* device, unsigned* mW) {
    const FakeGpu* g = gpu(device);
    return g && mW ? reading(g->powerMilliwatts, mW) : kInvalidArgument;
}

int nvmlDeviceGetEnforcedPowerLimit(void* device, unsigned* mW) {
    const FakeGpu* g = gpu(device);
    return g && mW ? reading(g->powerLimitMilliwatts, mW) : kInvalidArgument;
}

int nvmlDeviceGetClockInfo(void* device, int type, unsigned* mhz) {
    const FakeGpu* g = gpu(device);
    if (!g || !mhz)
        return kInvalidArgument;
    if (type != 1) // only the SM clock is faked
        return kNotSupported;
    return reading(g->smClockMhz, mhz);
}

#ifdef FAKE_NVML_LEGACY

int nvmlDeviceGetComputeRunningProcesses(void* device, unsigned* n, ProcessV1* infos) {
    return processes(device, n, infos);
}

#else

int nvmlInit_v2() {
    return init();
}

int nvmlDeviceGetCount_v2(unsigned* n) {
    return count(n);
}

int nvmlDeviceGetHandleByIndex_v2(unsigned index, void** device) {
    return handle(index, device);
}

int nvmlDeviceGetMemoryInfo_v2(void* device, MemoryV2* memory) {
    const FakeGpu* g = gpu(device);
    if (!g || !memory)
        return kInvalidArgument;
    if (memory->version != (unsigned(sizeof(MemoryV2)) | (2u << 24)))
        return kArgumentVersionMismatch;
    memory->total = g->totalBytes;
    memory->reserved = g->reservedBytes;
    memory->used = g->usedBytes;
    memory->free = g->totalBytes - g->usedBytes - g->reservedBytes;
    return kSuccess;
}

int nvmlDeviceGetComputeRunningProcesses_v3(void* device, unsigned* n, ProcessV2* infos) {
    return processes(device, n, infos);
}

int nvmlDeviceGetComputeRunningProcesses_v2(void*, unsigned*, ProcessV2*) {
    return kNotSupported;
}

int nvmlDeviceGetComputeRunningProcesses(void*, unsigned*, ProcessV1*) {
    return kNotSupported;
}

#endif

} // extern "C"
