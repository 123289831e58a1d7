#pragma once

#include <QString>

namespace quire::app {

// Applies "system", "light" or "dark" to the whole application (palette + Fusion style).
void applyTheme(const QString& theme);

} // namespace quire::app
