#pragma once

#include <QString>

namespace quire::editor {

// Where output pages get their scripts: the one place that knows the asset folders.
// Third-party libraries are copied from Debian packages into share/quire/web at build time
// (next to the binary's ../share in the build and the install tree; QUIRE_WEB_ASSETS
// overrides); Quire's own scripts are Qt resources under :/quire/web.
namespace web_assets {

// The folder with the bundled third-party scripts ("" when none is found).
QString directory();
// The text of asset `relativePath` ("" and `error` set when it cannot be read).
QString read(const QString& relativePath, QString* error = nullptr);

// The scripts of a widget output page, in order: Qt's qwebchannel.js, the AMD shim, the
// jupyter-js-widgets bundle, Quire's manager. Read once; "" (and `error`) when one is missing.
const QString& widgetPageScript(QString* error = nullptr);

} // namespace web_assets
} // namespace quire::editor
