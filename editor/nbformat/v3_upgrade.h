#pragma once

#include "json.h"

#include <optional>
#include <string>

namespace quire::editor {

struct V3UpgradeResult {
    std::optional<Json> notebook; // nbformat 4.5 on success
    std::string errorPath;        // JSON pointer into the v3 notebook when it failed
    std::string error;
};

// Converts an nbformat 3 notebook the way nbformat.read(..., as_version=4) does: v3's
// rejoin_lines, then v4/convert.py's upgrade (worksheets flattened, heading cells to markdown,
// input/prompt_number/pyout/pyerr renamed, short output keys to MIME types, fresh cell ids).
// Fails where nbformat fails (a missing key it needs, a value of the wrong type).
V3UpgradeResult upgradeV3(Json notebook);

} // namespace quire::editor
