#pragma once

#include "message.h"

#include <QByteArray>
#include <optional>

namespace quire::kernel {

// Jupyter Server's kernel WebSocket framings, as pure functions (no sockets):
//  - v1 (subprotocol "v1.kernel.websocket.jupyter.org"): a binary frame of u64 LE n, n u64 LE
//    offsets, then channel name, header, parent_header, metadata, content, buffers...
//  - legacy: a text frame of JSON {channel, header, parent_header, metadata, content}, or, when
//    there are buffers, a binary frame of u32 BE count, u32 BE offsets, that JSON, buffers.
// No signatures: the server signs towards the kernel.
namespace websocket_codec {

struct Decoded {
    Channel channel = Channel::Shell;
    Message message;
};

QByteArray encodeV1(Channel channel, const Message& message);
std::optional<Decoded> decodeV1(const QByteArray& frame);

// Text when the message has no buffers (`binary` false), else the legacy binary layout.
QByteArray encodeLegacy(Channel channel, const Message& message, bool* binary);
std::optional<Decoded> decodeLegacyText(const QByteArray& text);
std::optional<Decoded> decodeLegacyBinary(const QByteArray& frame);

std::optional<Channel> channelFromName(std::string_view name);

} // namespace websocket_codec
} // namespace quire::kernel
