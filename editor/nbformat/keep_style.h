#pragma once

#include "json.h"
#include "json_spans.h"
#include "json_text.h"

#include <string_view>

namespace quire::editor {

// The layout of an existing notebook file, as far as keep-style writing needs it to write
// changed values the way the rest of the file looks.
struct KeepStyle {
    JsonStyle json;
    // Multi-line text of new cells and outputs as lists of lines (nbformat's way) rather
    // than as single strings (what some other tools write).
    bool linesAsLists = true;
};

// `spans` must come from `text`; `value` is the JSON parsed from it.
KeepStyle detectKeepStyle(std::string_view text, const JsonSpans& spans, const Json& value);

} // namespace quire::editor
