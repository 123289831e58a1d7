#include "message.h"

#include <QRandomGenerator>
#include <chrono>
#include <cstdio>
#include <ctime>

namespace quire::kernel {

const char* channelName(Channel channel) {
    switch (channel) {
    case Channel::Shell:
        return "shell";
    case Channel::Control:
        return "control";
    case Channel::Stdin:
        return "stdin";
    case Channel::IOPub:
        return "iopub";
    case Channel::Heartbeat:
        return "hb";
    }
    return "?";
}

std::string_view Message::field(const Json& object, const char* key) {
    if (!object.is_object())
        return {};
    const auto it = object.find(key);
    if (it == object.end() || !it->is_string())
        return {};
    return it->get_ref<const std::string&>();
}

Message Message::clone() const {
    Message copy;
    copy.header = header;
    copy.parentHeader = parentHeader;
    copy.metadata = metadata;
    copy.content = content;
    copy.buffers = buffers;
    copy.identities = identities;
    return copy;
}

std::string newMessageId() {
    quint64 words[2];
    QRandomGenerator::system()->fillRange(words);
    char text[33];
    std::snprintf(text, sizeof text, "%016llx%016llx", static_cast<unsigned long long>(words[0]),
                  static_cast<unsigned long long>(words[1]));
    return text;
}

std::string isoDateNow() {
    using namespace std::chrono;
    const auto now = system_clock::now();
    const auto secs = time_point_cast<seconds>(now);
    const auto micros = duration_cast<microseconds>(now - secs).count();
    const std::time_t t = system_clock::to_time_t(secs);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char text[96]; // roomy enough for any int the compiler imagines in tm
    std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d.%06lldZ", tm.tm_year + 1900,
                  tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                  static_cast<long long>(micros));
    return text;
}

std::string normalizedDate(std::string_view date) {
    // YYYY-MM-DDTHH:MM:SS is 19 characters; everything must be digits where digits belong.
    if (date.size() < 19)
        return {};
    for (size_t i = 0; i < 19; ++i) {
        const bool digit = date[i] >= '0' && date[i] <= '9';
        const bool sep = i == 4 || i == 7 || i == 10 || i == 13 || i == 16;
        if (sep ? digit : !digit)
            return {};
    }
    std::string out(date.substr(0, 19));
    out[10] = 'T';
    size_t i = 19;
    std::string fraction;
    if (i < date.size() && date[i] == '.') {
        for (++i; i < date.size() && date[i] >= '0' && date[i] <= '9'; ++i)
            if (fraction.size() < 6)
                fraction += date[i];
    }
    fraction.resize(6, '0');
    const std::string_view zone = date.substr(i);
    if (!zone.empty() && zone != "Z" && zone != "z" && zone != "+00:00" && zone != "-00:00")
        return {}; // other offsets never come from kernels; not worth converting
    return out + '.' + fraction + 'Z';
}

Message makeMessage(std::string_view msgType, Json content, std::string_view session,
                    const Json& parentHeader) {
    Message m;
    m.header =
        Json{{"msg_id", newMessageId()}, {"session", std::string(session)},  {"username", "quire"},
             {"date", isoDateNow()},     {"msg_type", std::string(msgType)}, {"version", "5.3"}};
    m.parentHeader = parentHeader.is_object() ? parentHeader : Json::object();
    m.content = std::move(content);
    return m;
}

} // namespace quire::kernel
