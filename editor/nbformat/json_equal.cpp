#include "json_equal.h"

#include <bit>
#include <cstring>
#include <functional>
#include <string_view>

namespace quire::editor {

namespace {

enum class NumberKind { None, Integer, Float };

NumberKind numberKind(const Json& v) {
    if (v.is_number_float())
        return NumberKind::Float;
    if (isJsonInteger(v))
        return NumberKind::Integer;
    return NumberKind::None;
}

bool integersEqual(const Json& a, const Json& b) {
    if (isBigInteger(a) || isBigInteger(b)) // a big integer never equals a 64-bit one
        return isBigInteger(a) && isBigInteger(b) && bigIntegerText(a) == bigIntegerText(b);
    if (a.is_number_unsigned() && b.is_number_unsigned())
        return a.get<std::uint64_t>() == b.get<std::uint64_t>();
    if (a.is_number_unsigned() || b.is_number_unsigned()) {
        const Json& u = a.is_number_unsigned() ? a : b;
        const Json& s = a.is_number_unsigned() ? b : a;
        return s.get<std::int64_t>() >= 0 &&
               std::uint64_t(s.get<std::int64_t>()) == u.get<std::uint64_t>();
    }
    return a.get<std::int64_t>() == b.get<std::int64_t>();
}

bool objectsEqual(const Json::object_t& a, const Json::object_t& b) {
    if (a.size() != b.size())
        return false;
    // Fast path: the same key order.
    auto ia = a.begin();
    auto ib = b.begin();
    for (; ia != a.end(); ++ia, ++ib) {
        if (ia->first != ib->first)
            break;
        if (!jsonEqual(ia->second, ib->second))
            return false;
    }
    for (; ia != a.end(); ++ia) {
        const auto found = b.find(ia->first);
        if (found == b.end() || !jsonEqual(ia->second, found->second))
            return false;
    }
    return true;
}

std::size_t mix(std::size_t seed, std::size_t h) {
    return seed ^ (h + 0x9e3779b97f4a7c15ULL + (seed << 6) + (seed >> 2));
}

} // namespace

bool jsonEqual(const Json& a, const Json& b) {
    const NumberKind ka = numberKind(a);
    const NumberKind kb = numberKind(b);
    if (ka != NumberKind::None || kb != NumberKind::None) {
        if (ka != kb)
            return false;
        if (ka == NumberKind::Float)
            return std::bit_cast<std::uint64_t>(a.get<double>()) ==
                   std::bit_cast<std::uint64_t>(b.get<double>());
        return integersEqual(a, b);
    }
    if (a.type() != b.type())
        return false;
    switch (a.type()) {
    case Json::value_t::object:
        return objectsEqual(a.get_ref<const Json::object_t&>(), b.get_ref<const Json::object_t&>());
    case Json::value_t::array: {
        const auto& x = a.get_ref<const Json::array_t&>();
        const auto& y = b.get_ref<const Json::array_t&>();
        if (x.size() != y.size())
            return false;
        for (size_t i = 0; i < x.size(); ++i)
            if (!jsonEqual(x[i], y[i]))
                return false;
        return true;
    }
    case Json::value_t::string:
        return a.get_ref<const std::string&>() == b.get_ref<const std::string&>();
    case Json::value_t::boolean:
        return a.get<bool>() == b.get<bool>();
    case Json::value_t::binary:
        return a.get_binary() == b.get_binary();
    default:
        return true; // null, discarded
    }
}

std::size_t jsonHash(const Json& v) {
    const std::hash<std::string_view> hashText;
    switch (v.type()) {
    case Json::value_t::object: {
        std::size_t sum = 0x6f; // order-independent: a sum of member hashes
        for (const auto& [key, value] : v.get_ref<const Json::object_t&>())
            sum += mix(hashText(key), jsonHash(value));
        return mix(0x1, sum);
    }
    case Json::value_t::array: {
        std::size_t seed = 0x61;
        for (const auto& item : v.get_ref<const Json::array_t&>())
            seed = mix(seed, jsonHash(item));
        return seed;
    }
    case Json::value_t::string:
        return mix(0x73, hashText(v.get_ref<const std::string&>()));
    case Json::value_t::boolean:
        return v.get<bool>() ? 0x74 : 0x66;
    case Json::value_t::number_float:
        return mix(0x64, std::bit_cast<std::uint64_t>(v.get<double>()));
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
        // equal values of either kind must hash alike
        return mix(0x69, v.is_number_unsigned() ? std::size_t(v.get<std::uint64_t>())
                                                : std::size_t(v.get<std::int64_t>()));
    case Json::value_t::binary:
        return mix(0x62,
                   hashText(std::string_view(reinterpret_cast<const char*>(v.get_binary().data()),
                                             v.get_binary().size())));
    default:
        return 0x6e;
    }
}

} // namespace quire::editor
