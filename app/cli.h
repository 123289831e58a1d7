#pragma once

#include <optional>

namespace quire::app {

// Headless subcommands (`quire format`, `quire check`, ...). Returns the exit code when argv
// names a subcommand, std::nullopt when Quire should start its window instead.
std::optional<int> runCommandLine(int argc, char** argv);

} // namespace quire::app
