#pragma once

#include <QStringList>

namespace quire::app {

// `quire resources [--json]`: one snapshot of what the local runtime has.
int runResourcesCommand(const QStringList& args);

extern const char* const kResourcesSummary;
extern const char* const kResourcesUsage;

} // namespace quire::app
