#pragma once

#include "message.h"

#include <optional>

namespace quire::kernel {

// The nbformat v4 output an IOPub message stands for, as nbformat's output_from_msg makes it:
// stream, display_data, execute_result and error; nullopt for every other message type.
// `transient` (display ids) is protocol-only and never part of the output.
std::optional<Json> nbformatOutput(const Message& message);

// The display id of a display_data / execute_result / update_display_data message, or "".
std::string displayId(const Message& message);

} // namespace quire::kernel
