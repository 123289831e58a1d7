#pragma once

#include <QStringList>

namespace quire::app {

// `quire kernels [--json]` and `quire run NOTEBOOK ...` (see the usage texts in cli_kernel.cpp).
int runKernelsCommand(const QStringList& args);
int runRunCommand(const QStringList& args);
// Where the window keeps the certificates the user accepted (TlsTrust::saveFile); the
// commands that reach a server load it.
QString trustedCertificatesFile();

extern const char* const kKernelsSummary;
extern const char* const kKernelsUsage;
extern const char* const kRunSummary;
extern const char* const kRunUsage;

} // namespace quire::app
