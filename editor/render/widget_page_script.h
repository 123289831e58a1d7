#pragma once

#include <QString>

namespace quire::editor {

// The script of a widget output page, injected whole (nothing is fetched): Qt's
// qwebchannel.js, the AMD shim (resources/web), the jupyter-js-widgets bundle (copied from
// Debian into WebAssets::directory() at build time) and Quire's manager (resources/web).
// Read once; "" (and `error`) when a part is missing.
const QString& widgetPageScript(QString* error = nullptr);

} // namespace quire::editor
