#pragma once

#include <string>
#include <string_view>

namespace quire::editor {

// Appends a stream chunk to the text already stored for that stream, resolving what a
// terminal would overwrite: text before a carriage return on the same line is dropped (a
// progress bar keeps only its latest state) and a backspace removes the character before it.
// "\r\n" is a line break. A trailing "\r" is kept until the next chunk shows what follows it.
// Only the last line of `stored` can change, so appending costs the chunk, not the text.
void appendStreamText(std::string& stored, std::string_view chunk);

} // namespace quire::editor
