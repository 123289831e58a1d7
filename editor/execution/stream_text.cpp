#include "stream_text.h"

namespace quire::editor {

namespace {

bool isContinuationByte(char c) {
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

// Resolves \r and \b in `line` (no '\n' inside) and appends the result to `out`.
void appendResolvedLine(std::string& out, std::string_view line, bool lineEnds) {
    const size_t lineStart = out.size();
    for (size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (c == '\r') {
            size_t j = i;
            while (j < line.size() && line[j] == '\r')
                ++j;
            if (j == line.size()) { // "\r" before the line break, or still open at the end
                if (!lineEnds)
                    out.append(line.substr(i));
                return;
            }
            out.resize(lineStart);
            i = j - 1;
        } else if (c == '\b') {
            if (out.size() > lineStart) {
                size_t end = out.size() - 1;
                while (end > lineStart && isContinuationByte(out[end]))
                    --end;
                out.resize(end);
            }
        } else {
            out.push_back(c);
        }
    }
}

} // namespace

void appendStreamText(std::string& stored, std::string_view chunk) {
    if (chunk.find_first_of("\r\b") == std::string_view::npos &&
        (stored.empty() || stored.back() != '\r')) {
        stored.append(chunk);
        return;
    }
    // Re-resolve the open last line together with the chunk.
    const size_t lastBreak = stored.rfind('\n');
    const size_t openStart = lastBreak == std::string::npos ? 0 : lastBreak + 1;
    std::string tail = stored.substr(openStart);
    tail.append(chunk);
    stored.resize(openStart);
    std::string_view rest(tail);
    while (true) {
        const size_t nl = rest.find('\n');
        if (nl == std::string_view::npos) {
            appendResolvedLine(stored, rest, false);
            break;
        }
        appendResolvedLine(stored, rest.substr(0, nl), true);
        stored.push_back('\n');
        rest.remove_prefix(nl + 1);
    }
}

} // namespace quire::editor
