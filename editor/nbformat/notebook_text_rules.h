#pragma once

#include "json.h"

#include <optional>
#include <string>
#include <string_view>

namespace quire::editor {

// nbformat's rules for multi-line text (v4/rwbase.py): on reading, a list of strings is joined
// into one string; on writing, some strings are split into lists of lines.

// application/json and application/*+json: values are JSON, never joined or split.
bool isJsonMimeType(std::string_view mime);
// The schema's "^application/(.*\+)?json$" key pattern (any JSON value allowed).
bool matchesJsonMimePattern(std::string_view mime);
// text/*, application/javascript and image/svg+xml strings are split into lines on writing.
bool mimeSplitsOnWrite(std::string_view mime);

bool isStringList(const Json& value);
// The concatenation of a list of strings; nullopt for anything else.
std::optional<std::string> joinStringList(const Json& value);
// Python's truth value of a JSON value.
bool pyTruthy(const Json& value);

} // namespace quire::editor
