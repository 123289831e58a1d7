#pragma once

#include "json.h"
#include "problem.h"

#include <optional>
#include <string_view>

namespace quire::editor {

// Reads .ipynb bytes (nbformat 4.0-4.5; v3 is upgraded by nbformat's rules).
struct ReadResult {
    // Empty when the bytes cannot be read as a notebook at all (then problems holds the
    // reason, with Severity::Error). Otherwise the notebook as v4 JSON in file key order,
    // multi-line strings left as they were in the file (list or string).
    std::optional<Json> notebook;
    // Schema violations of a readable notebook are Warnings (it can still be opened and saved
    // as it is, like nbformat does); fatal reasons are Errors.
    Problems problems;
    int fileMajor = 0; // nbformat / nbformat_minor found in the file (before any upgrade)
    int fileMinor = 0;
    bool upgraded = false; // v3 was converted to v4
};

ReadResult readNotebook(std::string_view bytes);

} // namespace quire::editor
