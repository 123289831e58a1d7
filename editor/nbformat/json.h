#pragma once

#include <nlohmann/json.hpp>

namespace quire::editor {

// Notebook JSON keeps the key order it was read with (keep-style writing needs it); the
// canonical writer sorts keys itself.
using Json = nlohmann::ordered_json;

} // namespace quire::editor
