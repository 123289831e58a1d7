#include "websocket_codec.h"

#include <QtEndian>

namespace quire::kernel::websocket_codec {

namespace {

constexpr int kMaxDepth = 256;
constexpr quint64 kMaxParts = 4096;

std::optional<Json> parseObject(const char* begin, const char* end) {
    int depth = 0;
    bool tooDeep = false;
    Json json = Json::parse(
        begin, end,
        [&](int d, Json::parse_event_t, Json&) {
            depth = std::max(depth, d);
            tooDeep = tooDeep || d > kMaxDepth;
            return !tooDeep;
        },
        false);
    if (tooDeep || json.is_discarded() || !json.is_object())
        return std::nullopt;
    return json;
}

Json objectOrEmpty(Json value) {
    return value.is_object() ? std::move(value) : Json::object();
}

// Fills a message from the four JSON parts (strings of serialized JSON).
bool fillFromParts(Message& m, const std::array<std::pair<const char*, const char*>, 4>& parts) {
    std::array<Json*, 4> targets = {&m.header, &m.parentHeader, &m.metadata, &m.content};
    for (size_t i = 0; i < 4; ++i) {
        auto json = parseObject(parts[i].first, parts[i].second);
        if (!json)
            return false;
        *targets[i] = std::move(*json);
    }
    return true;
}

} // namespace

std::optional<Channel> channelFromName(std::string_view name) {
    for (Channel c : {Channel::Shell, Channel::Control, Channel::Stdin, Channel::IOPub})
        if (name == channelName(c))
            return c;
    return std::nullopt;
}

QByteArray encodeV1(Channel channel, const Message& message) {
    std::vector<QByteArray> parts;
    parts.reserve(5 + message.buffers.size());
    parts.push_back(QByteArray(channelName(channel)));
    for (const Json* j :
         {&message.header, &message.parentHeader, &message.metadata, &message.content})
        parts.push_back(QByteArray::fromStdString(j->dump()));
    for (const QByteArray& b : message.buffers)
        parts.push_back(b);
    const quint64 n = parts.size() + 1; // offsets: one per part plus the end
    QByteArray frame;
    qsizetype total = qsizetype(8 * (n + 1));
    for (const auto& p : parts)
        total += p.size();
    frame.reserve(total);
    auto putU64 = [&frame](quint64 v) {
        char bytes[8];
        qToLittleEndian(v, bytes);
        frame.append(bytes, 8);
    };
    putU64(n);
    quint64 offset = 8 * (n + 1);
    for (const auto& p : parts) {
        putU64(offset);
        offset += quint64(p.size());
    }
    putU64(offset);
    for (const auto& p : parts)
        frame.append(p);
    return frame;
}

std::optional<Decoded> decodeV1(const QByteArray& frame) {
    const auto size = quint64(frame.size());
    if (size < 8)
        return std::nullopt;
    const char* data = frame.constData();
    const quint64 n = qFromLittleEndian<quint64>(data);
    if (n < 6 || n > kMaxParts || 8 * (n + 1) > size) // channel + 4 JSON parts + end
        return std::nullopt;
    std::vector<quint64> offsets(n);
    for (quint64 i = 0; i < n; ++i) {
        offsets[i] = qFromLittleEndian<quint64>(data + 8 * (i + 1));
        if (offsets[i] > size || (i > 0 && offsets[i] < offsets[i - 1]))
            return std::nullopt;
    }
    auto part = [&](quint64 i) { return std::pair{data + offsets[i], data + offsets[i + 1]}; };
    const auto [cb, ce] = part(0);
    const auto channel = channelFromName(std::string_view(cb, size_t(ce - cb)));
    if (!channel)
        return std::nullopt;
    Decoded d;
    d.channel = *channel;
    if (!fillFromParts(d.message, {part(1), part(2), part(3), part(4)}))
        return std::nullopt;
    for (quint64 i = 5; i + 1 < n; ++i) {
        const auto [b, e] = part(i);
        d.message.buffers.emplace_back(b, qsizetype(e - b));
    }
    return d;
}

namespace {

Json legacyJson(Channel channel, const Message& message) {
    return Json{{"channel", channelName(channel)},
                {"header", message.header},
                {"parent_header", message.parentHeader},
                {"metadata", message.metadata},
                {"content", message.content},
                {"buffers", Json::array()}};
}

std::optional<Decoded> fromLegacyJson(Json json) {
    if (!json.is_object())
        return std::nullopt;
    const auto channel = channelFromName(json.value("channel", ""));
    if (!channel)
        return std::nullopt;
    Decoded d;
    d.channel = *channel;
    d.message.header = objectOrEmpty(std::move(json["header"]));
    d.message.parentHeader = objectOrEmpty(std::move(json["parent_header"]));
    d.message.metadata = objectOrEmpty(std::move(json["metadata"]));
    d.message.content = objectOrEmpty(std::move(json["content"]));
    return d;
}

} // namespace

QByteArray encodeLegacy(Channel channel, const Message& message, bool* binary) {
    const QByteArray json = QByteArray::fromStdString(legacyJson(channel, message).dump());
    *binary = !message.buffers.empty();
    if (!*binary)
        return json;
    std::vector<const QByteArray*> parts = {&json};
    for (const auto& b : message.buffers)
        parts.push_back(&b);
    const auto n = quint32(parts.size());
    QByteArray frame;
    auto putU32 = [&frame](quint32 v) {
        char bytes[4];
        qToBigEndian(v, bytes);
        frame.append(bytes, 4);
    };
    putU32(n);
    quint32 offset = 4 * (n + 1);
    for (const auto* p : parts) {
        putU32(offset);
        offset += quint32(p->size());
    }
    for (const auto* p : parts)
        frame.append(*p);
    return frame;
}

std::optional<Decoded> decodeLegacyText(const QByteArray& text) {
    auto json = parseObject(text.constData(), text.constData() + text.size());
    if (!json)
        return std::nullopt;
    return fromLegacyJson(std::move(*json));
}

std::optional<Decoded> decodeLegacyBinary(const QByteArray& frame) {
    const auto size = quint64(frame.size());
    if (size < 4)
        return std::nullopt;
    const char* data = frame.constData();
    const quint32 n = qFromBigEndian<quint32>(data);
    if (n < 1 || n > kMaxParts || 4 * quint64(n + 1) > size)
        return std::nullopt;
    std::vector<quint64> offsets(n + 1);
    for (quint32 i = 0; i < n; ++i) {
        offsets[i] = qFromBigEndian<quint32>(data + 4 * (i + 1));
        if (offsets[i] > size || (i > 0 && offsets[i] < offsets[i - 1]))
            return std::nullopt;
    }
    offsets[n] = size;
    auto json = parseObject(data + offsets[0], data + offsets[1]);
    if (!json)
        return std::nullopt;
    auto d = fromLegacyJson(std::move(*json));
    if (!d)
        return std::nullopt;
    for (quint32 i = 1; i < n; ++i)
        d->message.buffers.emplace_back(data + offsets[i], qsizetype(offsets[i + 1] - offsets[i]));
    return d;
}

} // namespace quire::kernel::websocket_codec
