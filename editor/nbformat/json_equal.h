#pragma once

#include "json.h"

#include <cstddef>

namespace quire::editor {

// Equality that means "writes the same JSON": objects compare as sets of members (key order is
// a matter of style), numbers keep their kind (1 != 1.0, 0.0 != -0.0), integers compare by
// value whether signed, unsigned or big.
bool jsonEqual(const Json& a, const Json& b);

// A hash consistent with jsonEqual.
std::size_t jsonHash(const Json& value);

} // namespace quire::editor
