#pragma once

#include "kernelclient/resource_snapshot.h"

#include <QStringList>
#include <QStringView>
#include <optional>
#include <vector>

namespace quire::kernel {

// The GPU inventory from the `nvidia-smi` command, for machines where the management library
// cannot be loaded by Quire itself (and, later, for remote runtimes, which only have a shell).
// nvidia-smi's CSV is not promised to be stable across driver versions, so parsing is lenient:
// a line with the wrong number of fields is skipped, a value that is not a number is unknown.
namespace nvidia_smi {

// The arguments of the two queries (`--format=csv,noheader,nounits`).
QStringList gpuQueryArguments();
QStringList processQueryArguments();

// One GpuDevice per line of the GPU query. Processes stay unknown.
std::vector<GpuDevice> parseGpus(QStringView csv);
// Gives every GPU its list of processes from the process query (matched by UUID).
void attachProcesses(QStringView csv, std::vector<GpuDevice>& gpus);

// Runs both queries with `program` (a name looked up in PATH, or a path), each limited to
// `timeoutMs`. nullopt and *error when nvidia-smi is missing or fails; a failed process query
// only leaves the process lists unknown. Blocks: call it on a worker thread.
std::optional<std::vector<GpuDevice>> query(const QString& program, int timeoutMs,
                                            QString* error = nullptr);

} // namespace nvidia_smi

} // namespace quire::kernel
