#include "wire_codec.h"

#include <QLoggingCategory>
#include <QMessageAuthenticationCode>

Q_LOGGING_CATEGORY(lcWire, "quire.kernel.wire")

namespace quire::kernel {

namespace {

constexpr size_t kHexSignatureLength = 64; // SHA-256 in hex

// Deepest bracket nesting of a JSON text (strings skipped); stops counting past `limit`.
int jsonDepth(std::string_view text, int limit) {
    int depth = 0, deepest = 0;
    bool inString = false, escaped = false;
    for (const char c : text) {
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
            if (++depth > deepest && (deepest = depth) > limit)
                return deepest;
        } else if (c == '}' || c == ']') {
            --depth;
        }
    }
    return deepest;
}

std::optional<Json> parseObject(std::string_view text, int maxDepth) {
    if (jsonDepth(text, maxDepth) > maxDepth)
        return std::nullopt;
    Json value = Json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
    if (!value.is_object())
        return std::nullopt;
    return value;
}

std::string dumpJson(const Json& value) {
    // Strings we did not parse ourselves may hold invalid UTF-8: never throw on the send path.
    return value.dump(-1, ' ', false, Json::error_handler_t::replace);
}

} // namespace

const char* decodeErrorName(DecodeError error) {
    switch (error) {
    case DecodeError::None:
        return "none";
    case DecodeError::Malformed:
        return "malformed";
    case DecodeError::Oversized:
        return "oversized";
    case DecodeError::BadSignature:
        return "bad signature";
    case DecodeError::BadJson:
        return "bad JSON";
    }
    return "?";
}

WireCodec::WireCodec(QByteArray key, CodecLimits limits)
    : m_key(std::move(key)), m_limits(limits) {}

QByteArray WireCodec::sign(std::span<const std::string_view> parts) const {
    if (m_key.isEmpty())
        return {};
    QMessageAuthenticationCode mac(QCryptographicHash::Sha256, m_key);
    for (const auto part : parts)
        mac.addData(part.data(), qsizetype(part.size()));
    return mac.result().toHex();
}

bool WireCodec::signatureMatches(std::string_view signature,
                                 std::span<const std::string_view> parts) const {
    if (m_key.isEmpty())
        return true; // unsigned session, as jupyter_client treats an empty key
    if (signature.size() != kHexSignatureLength)
        return false;
    const QByteArray expected = sign(parts);
    if (size_t(expected.size()) != kHexSignatureLength)
        return false;
    unsigned char diff = 0; // every byte compared: no early exit that leaks the match length
    for (size_t i = 0; i < kHexSignatureLength; ++i)
        diff |= static_cast<unsigned char>(signature[i] ^ expected[qsizetype(i)]);
    return diff == 0;
}

std::vector<std::string> WireCodec::encode(const Message& message) const {
    std::vector<std::string> frames;
    frames.reserve(message.identities.size() + 6 + message.buffers.size());
    for (const auto& id : message.identities)
        frames.push_back(id);
    frames.emplace_back(kDelimiter);
    frames.emplace_back(); // signature, filled below
    const size_t first = frames.size();
    frames.push_back(dumpJson(message.header));
    frames.push_back(dumpJson(message.parentHeader));
    frames.push_back(dumpJson(message.metadata));
    frames.push_back(dumpJson(message.content));
    const std::string_view parts[] = {frames[first], frames[first + 1], frames[first + 2],
                                      frames[first + 3]};
    const QByteArray signature = sign(parts);
    frames[first - 1].assign(signature.constData(), size_t(signature.size()));
    for (const auto& buffer : message.buffers)
        frames.emplace_back(buffer.constData(), size_t(buffer.size()));
    return frames;
}

DecodeResult WireCodec::fail(DecodeError error, const char* detail) {
    switch (error) {
    case DecodeError::Malformed:
        ++m_stats.malformed;
        break;
    case DecodeError::Oversized:
        ++m_stats.oversized;
        break;
    case DecodeError::BadSignature:
        ++m_stats.badSignature;
        break;
    case DecodeError::BadJson:
        ++m_stats.badJson;
        break;
    case DecodeError::None:
        break;
    }
    // A peer that floods us with garbage must not flood the log too.
    const auto dropped = m_stats.dropped();
    if (dropped <= 10 || dropped % 1000 == 0)
        qCWarning(lcWire).nospace() << "dropped a message (" << decodeErrorName(error) << ": "
                                    << detail << "); " << dropped << " dropped so far";
    return {std::nullopt, error};
}

DecodeResult WireCodec::decode(std::span<const std::string_view> frames) {
    if (frames.size() > m_limits.maxFrames)
        return fail(DecodeError::Oversized, "too many frames");
    size_t delimiter = 0;
    while (delimiter < frames.size() && frames[delimiter] != kDelimiter)
        ++delimiter;
    if (delimiter == frames.size())
        return fail(DecodeError::Malformed, "no <IDS|MSG> delimiter");
    if (frames.size() - delimiter - 1 < 5)
        return fail(DecodeError::Malformed, "fewer than 5 frames after the delimiter");

    size_t total = 0;
    for (size_t i = delimiter + 1; i < frames.size(); ++i) {
        total += frames[i].size();
        if (total > m_limits.maxMessageBytes)
            return fail(DecodeError::Oversized, "message larger than the limit");
    }

    const auto parts = frames.subspan(delimiter + 2, 4);
    if (!signatureMatches(frames[delimiter + 1], parts))
        return fail(DecodeError::BadSignature, "HMAC does not match");

    Message message;
    Json* const fields[] = {&message.header, &message.parentHeader, &message.metadata,
                            &message.content};
    for (size_t i = 0; i < 4; ++i) {
        auto parsed = parseObject(parts[i], m_limits.maxJsonDepth);
        if (!parsed)
            return fail(DecodeError::BadJson, "a JSON frame is not an object");
        *fields[i] = std::move(*parsed);
    }
    if (message.msgType().empty())
        return fail(DecodeError::BadJson, "header without msg_type");

    message.identities.reserve(delimiter);
    for (size_t i = 0; i < delimiter; ++i)
        message.identities.emplace_back(frames[i]);
    for (size_t i = delimiter + 6; i < frames.size(); ++i)
        message.buffers.emplace_back(frames[i].data(), qsizetype(frames[i].size()));
    ++m_stats.decoded;
    return {std::move(message), DecodeError::None};
}

} // namespace quire::kernel
