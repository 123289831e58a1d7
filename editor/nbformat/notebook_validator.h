#pragma once

#include "json.h"
#include "problem.h"

#include <string_view>

namespace quire::editor {

// Checks a v4 notebook against the nbformat 4.x schema of its nbformat_minor (the schemas
// nbformat ships), plus the 4.5 cell-id rules. Problems name the JSON path; when `text` is
// the file the JSON came from, they also carry the line.
Problems validateNotebook(const Json& notebook, std::string_view text = {});

} // namespace quire::editor
