#include "notebook_text_rules.h"

namespace quire::editor {

bool isJsonMimeType(std::string_view mime) {
    return mime == "application/json" ||
           (mime.starts_with("application/") && mime.ends_with("+json"));
}

bool matchesJsonMimePattern(std::string_view mime) {
    // The schema's '$' (Python re.search) also matches before one final line break.
    if (mime.ends_with('\n'))
        mime.remove_suffix(1);
    constexpr std::string_view prefix = "application/";
    constexpr std::string_view suffix = "json";
    if (mime.size() < prefix.size() + suffix.size() || !mime.starts_with(prefix) ||
        !mime.ends_with(suffix))
        return false;
    const std::string_view middle =
        mime.substr(prefix.size(), mime.size() - prefix.size() - suffix.size());
    return middle.empty() || (middle.ends_with('+') && middle.find('\n') == std::string_view::npos);
}

bool mimeSplitsOnWrite(std::string_view mime) {
    return mime.starts_with("text/") || mime == "application/javascript" || mime == "image/svg+xml";
}

bool isStringList(const Json& value) {
    if (!value.is_array())
        return false;
    for (const auto& item : value)
        if (!item.is_string())
            return false;
    return true;
}

std::optional<std::string> joinStringList(const Json& value) {
    if (!isStringList(value))
        return std::nullopt;
    std::size_t size = 0;
    for (const auto& item : value)
        size += item.get_ref<const std::string&>().size();
    std::string joined;
    joined.reserve(size);
    for (const auto& item : value)
        joined += item.get_ref<const std::string&>();
    return joined;
}

bool pyTruthy(const Json& value) {
    switch (value.type()) {
    case Json::value_t::null:
        return false;
    case Json::value_t::boolean:
        return value.get<bool>();
    case Json::value_t::number_integer:
        return value.get<std::int64_t>() != 0;
    case Json::value_t::number_unsigned:
        return value.get<std::uint64_t>() != 0;
    case Json::value_t::number_float:
        return value.get<double>() != 0.0;
    case Json::value_t::string:
        return !value.get_ref<const std::string&>().empty();
    case Json::value_t::array:
    case Json::value_t::object:
        return !value.empty();
    default:
        return true; // big integers are never zero
    }
}

} // namespace quire::editor
