#pragma once

#include <string>
#include <vector>

namespace quire::editor {

// One thing wrong with a notebook file, located by JSON pointer (RFC 6901, "" is the root)
// and, when the text is known, by 1-based line.
struct Problem {
    enum class Severity { Error, Warning };
    Severity severity = Severity::Error;
    std::string path;
    int line = 0; // 0 = unknown
    std::string message;
};

using Problems = std::vector<Problem>;

// "FILE:LINE: error: /cells/3/source: message" (the compiler-style line users and editors parse).
std::string describe(const Problem& problem, const std::string& fileName);

} // namespace quire::editor
