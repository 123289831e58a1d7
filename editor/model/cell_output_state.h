#pragma once

#include "editor/nbformat/json.h"

namespace quire::editor {

// How a code cell's outputs are shown, kept in the cell's metadata so it saves with the
// notebook. Hidden outputs: nbformat's `jupyter.outputs_hidden`; JupyterLab and the classic
// notebook read and write the older `collapsed` key instead, so both are read and written.
// Scrolled outputs: `scrolled` true; false, "auto" or absent show outputs at full height (as
// JupyterLab does).
bool outputsHidden(const Json& cellMetadata);
Json withOutputsHidden(Json cellMetadata, bool hidden);

bool outputsScrolled(const Json& cellMetadata);
// Turning scrolling off removes the key: the default shows outputs at full height.
Json withOutputsScrolled(Json cellMetadata, bool scrolled);

} // namespace quire::editor
