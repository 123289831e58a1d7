#pragma once

#include "json.h"

#include <memory>
#include <string>
#include <string_view>

namespace quire::editor {

// nbformat's own text, byte for byte: nbformat.writes(nb) + "\n" (split multi-line strings,
// strip transient metadata, indent 1, sorted keys, UTF-8, Python float repr, big integers kept).
// nbformat also gives 4.5 notebooks' cells without an id (or with a repeated one) a random id
// when it reads or writes them; that is repairCellIds() (cell_ids.h), left to the caller so
// that this stays a pure function.
std::string writeCanonical(const Json& notebook);

// Writes a notebook in the style of the text it was read from: indentation, key order,
// escaping and line endings of the original; parts of the JSON that did not change are
// copied from the original text, so an unedited notebook comes back byte-identical and an
// edit to one cell changes only that cell's lines.
class KeepStyleWriter {
public:
    explicit KeepStyleWriter(std::string originalText);
    ~KeepStyleWriter();
    KeepStyleWriter(KeepStyleWriter&&) noexcept;
    KeepStyleWriter& operator=(KeepStyleWriter&&) noexcept;

    std::string write(const Json& notebook) const;
    // True when the original text already is canonical nbformat output.
    bool originalIsCanonical() const;

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace quire::editor
