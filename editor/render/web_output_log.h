#pragma once

#include <QLoggingCategory>

namespace quire::editor {

// Output pages (QtWebEngine): blocked requests and navigations, script console messages.
Q_DECLARE_LOGGING_CATEGORY(lcWebOutput)

} // namespace quire::editor
