#pragma once

#include "editor/nbformat/json.h"

namespace quire::editor {

// Cells on the system clipboard: their JSON under a Quire MIME type, and their sources as
// plain text for other applications.
namespace CellClipboard {
void put(const Json& cells);
bool hasCells();
Json cells(); // an empty array when the clipboard holds no cells
} // namespace CellClipboard

} // namespace quire::editor
