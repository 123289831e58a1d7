#pragma once

#include "json.h"

#include <string>

namespace quire::editor {

// A new cell id as nbformat makes them: 8 random lowercase hex digits.
std::string randomCellId();

// What nbformat does to a notebook of nbformat 4.5 or newer when it reads or writes it:
// every cell without an id gets a fresh one, and a repeated id is replaced by a fresh one.
// Older notebooks are left alone. Returns how many ids were set.
int repairCellIds(Json& notebook);

} // namespace quire::editor
