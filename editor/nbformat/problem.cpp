#include "problem.h"

namespace quire::editor {

std::string describe(const Problem& problem, const std::string& fileName) {
    std::string out = fileName;
    if (problem.line > 0) {
        out += ':';
        out += std::to_string(problem.line);
    }
    out += problem.severity == Problem::Severity::Error ? ": error: " : ": warning: ";
    if (!problem.path.empty()) {
        out += problem.path;
        out += ": ";
    }
    out += problem.message;
    return out;
}

} // namespace quire::editor
