#pragma once

#include <QStringList>

namespace quire::app {

// Starts the GUI: single instance (a second `quire FILE` hands its files to the running
// one), translations, theme, the main window. Returns the exit code.
int runGui(int argc, char** argv);

} // namespace quire::app
