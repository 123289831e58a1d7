#pragma once

#include <QByteArray>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace quire::kernel {

// Kernel JSON keeps key order, like the notebook JSON the editor stores outputs in
// (both are nlohmann::ordered_json), so outputs move into a notebook without conversion.
using Json = nlohmann::ordered_json;

enum class Channel { Shell, Control, Stdin, IOPub, Heartbeat };
const char* channelName(Channel channel);

// One Jupyter message. Move-only: contents and buffers can be large, copies must be explicit.
struct Message {
    Json header = Json::object();
    Json parentHeader = Json::object();
    Json metadata = Json::object();
    Json content = Json::object();
    std::vector<QByteArray> buffers;
    // ZeroMQ routing prefix (frames before <IDS|MSG>); empty for a DEALER client.
    std::vector<std::string> identities;

    Message() = default;
    Message(Message&&) noexcept = default;
    Message& operator=(Message&&) noexcept = default;
    Message(const Message&) = delete;
    Message& operator=(const Message&) = delete;
    ~Message() = default;

    Message clone() const;

    // Fields of the headers, "" when absent or not a string.
    std::string_view msgType() const { return field(header, "msg_type"); }
    std::string_view msgId() const { return field(header, "msg_id"); }
    std::string_view session() const { return field(header, "session"); }
    std::string_view date() const { return field(header, "date"); }
    std::string_view parentMsgId() const { return field(parentHeader, "msg_id"); }
    std::string_view parentSession() const { return field(parentHeader, "session"); }

    static std::string_view field(const Json& object, const char* key);
};

// A new message from this client: fresh msg_id, `session`, the date now (UTC), version 5.3.
Message makeMessage(std::string_view msgType, Json content, std::string_view session,
                    const Json& parentHeader = Json::object());

std::string newMessageId(); // 32 hex digits, random
std::string isoDateNow();   // 2024-05-01T12:34:56.123456Z
// A header date as nbclient records it (%Y-%m-%dT%H:%M:%S.%fZ), read leniently: fraction
// padded or cut to 6 digits, "+00:00" and a missing zone read as UTC. "" when unreadable.
std::string normalizedDate(std::string_view date);

} // namespace quire::kernel
