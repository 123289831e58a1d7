// libFuzzer target: any bytes through readNotebook; whatever is read must write back
// canonically (a fixed point), keep style must return unedited input byte for byte, and an
// edited notebook written in keep style must read back as the edit.
#include "editor/nbformat/json_fast_parser.h"
#include "editor/nbformat/json_parser.h"
#include "editor/nbformat/notebook_reader.h"
#include "editor/nbformat/notebook_writer.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

using namespace quire::editor;

namespace {
[[noreturn]] void failure(const char* what) {
    std::fprintf(stderr, "fuzz_notebook_reader: %s\n", what);
    std::abort();
}

// A small edit of the kind the editor makes: change the first cell's text, append a cell.
Json edited(Json nb) {
    auto cells = nb.find("cells");
    if (cells == nb.end() || !cells->is_array())
        return nb;
    if (!cells->empty() && (*cells)[0].is_object()) {
        Json& source = (*cells)[0]["source"];
        if (source.is_string())
            source = source.get<std::string>() + "\nedit";
        else if (source.is_array())
            source.push_back("edit");
    }
    cells->push_back(
        {{"cell_type", "markdown"}, {"metadata", Json::object()}, {"source", "new\ncell"}});
    return nb;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);

    // The fast parser may refuse valid text (the explaining parser then takes over), but what
    // it accepts must be exactly what nlohmann's parser makes of it.
    if (const auto fast = parseJsonFast(text)) {
        const auto slow = parseJsonExplained(text);
        if (!slow.value)
            failure("the fast parser accepted text nlohmann refuses");
        if (fast->dump() != slow.value->dump())
            failure("the fast parser read something else than nlohmann");
    }

    const ReadResult read = readNotebook(text);
    if (!read.notebook) {
        if (read.problems.empty() || read.problems.front().severity != Problem::Severity::Error)
            failure("an unreadable file must say why");
        return 0;
    }
    const std::string canonical = writeCanonical(*read.notebook);
    const ReadResult again = readNotebook(canonical);
    if (!again.notebook)
        failure("canonical output is unreadable");
    if (writeCanonical(*again.notebook) != canonical)
        failure("canonical output is not a fixed point");

    const KeepStyleWriter keep(text);
    if (!read.upgraded && keep.write(*read.notebook) != text)
        failure("keep style changed an unedited notebook");
    (void)keep.originalIsCanonical();

    const Json changed = edited(*read.notebook);
    const ReadResult back = readNotebook(keep.write(changed));
    if (!back.notebook)
        failure("keep style wrote an unreadable edit");
    if (writeCanonical(*back.notebook) != writeCanonical(changed))
        failure("keep style lost an edit");
    return 0;
}
