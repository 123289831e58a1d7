#include "nbformat_output.h"

namespace quire::kernel {

namespace {
Json objectOr(const Json& content, const char* key) {
    const auto it = content.find(key);
    return it != content.end() && it->is_object() ? *it : Json::object();
}
} // namespace

std::optional<Json> nbformatOutput(const Message& message) {
    const auto type = message.msgType();
    const Json& c = message.content;
    if (type == "stream") {
        return Json{{"output_type", "stream"},
                    {"name", c.value("name", std::string("stdout"))},
                    {"text", c.value("text", std::string())}};
    }
    if (type == "display_data") {
        return Json{{"output_type", "display_data"},
                    {"data", objectOr(c, "data")},
                    {"metadata", objectOr(c, "metadata")}};
    }
    if (type == "execute_result") {
        Json out = {{"output_type", "execute_result"},
                    {"data", objectOr(c, "data")},
                    {"metadata", objectOr(c, "metadata")}};
        const auto count = c.find("execution_count");
        out["execution_count"] = count != c.end() && count->is_number_integer() ? *count : Json();
        return out;
    }
    if (type == "error") {
        const auto tb = c.find("traceback");
        return Json{{"output_type", "error"},
                    {"ename", c.value("ename", std::string())},
                    {"evalue", c.value("evalue", std::string())},
                    {"traceback", tb != c.end() && tb->is_array() ? *tb : Json::array()}};
    }
    return std::nullopt;
}

std::string displayId(const Message& message) {
    const auto transient = message.content.find("transient");
    if (transient == message.content.end() || !transient->is_object())
        return {};
    return std::string(Message::field(*transient, "display_id"));
}

} // namespace quire::kernel
