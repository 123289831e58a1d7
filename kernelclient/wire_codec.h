#pragma once

#include "message.h"

#include <QByteArray>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace quire::kernel {

// What a peer may send us at most; larger messages are dropped before anything is parsed.
struct CodecLimits {
    size_t maxMessageBytes = size_t(256) << 20; // all frames after the delimiter together
    size_t maxFrames = 4096;                    // routing prefix + parts + buffers
    int maxJsonDepth = 256;
};

// Why an incoming message was dropped.
enum class DecodeError { None, Malformed, Oversized, BadSignature, BadJson };
const char* decodeErrorName(DecodeError error);

struct CodecStats {
    std::uint64_t decoded = 0;
    std::uint64_t malformed = 0; // no <IDS|MSG>, fewer than 5 frames after it
    std::uint64_t oversized = 0;
    std::uint64_t badSignature = 0; // wrong value or wrong length
    std::uint64_t badJson = 0;      // signed correctly, but not the four JSON objects
    std::uint64_t dropped() const { return malformed + oversized + badSignature + badJson; }
};

struct DecodeResult {
    std::optional<Message> message;
    DecodeError error = DecodeError::None;
};

// Frames <-> Message for the ZeroMQ wire format:
//   [identities...] <IDS|MSG> signature header parent_header metadata content [buffers...]
// Pure code (no sockets). The signature is HMAC-SHA256 in lowercase hex over the four JSON
// frames exactly as received; it is checked, with its length and in constant time, before any
// JSON is parsed. An empty key means unsigned messages (empty signature frame).
class WireCodec {
public:
    explicit WireCodec(QByteArray key = {}, CodecLimits limits = {});

    std::vector<std::string> encode(const Message& message) const;
    // Frames are only read during the call. Drops are counted in stats() and logged.
    DecodeResult decode(std::span<const std::string_view> frames);

    // Lowercase hex HMAC-SHA256 of `parts` (empty when the key is empty).
    QByteArray sign(std::span<const std::string_view> parts) const;
    const CodecStats& stats() const { return m_stats; }
    const QByteArray& key() const { return m_key; }

    static constexpr std::string_view kDelimiter = "<IDS|MSG>";

private:
    DecodeResult fail(DecodeError error, const char* detail);
    bool signatureMatches(std::string_view signature,
                          std::span<const std::string_view> parts) const;

    QByteArray m_key;
    CodecLimits m_limits;
    CodecStats m_stats;
};

} // namespace quire::kernel
