// libFuzzer target: any frames through WireCodec::decode. Half of the inputs get a correct
// signature so the fuzzer reaches the JSON checks behind the HMAC; whatever decodes must encode
// and decode again to the same message.
#include "kernelclient/wire_codec.h"

#include <QLoggingCategory>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

using namespace quire::kernel;

namespace {

[[noreturn]] void failure(const char* what) {
    std::fprintf(stderr, "fuzz_wire_codec: %s\n", what);
    std::abort();
}

const QByteArray kKey =
    QByteArrayLiteral("5f0c6e1a2b3d4c5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6");

// Frames are separated by "|#|" in the input.
std::vector<std::string> splitFrames(std::string_view data) {
    std::vector<std::string> frames;
    size_t start = 0;
    for (;;) {
        const size_t at = data.find("|#|", start);
        if (at == std::string_view::npos) {
            frames.emplace_back(data.substr(start));
            return frames;
        }
        frames.emplace_back(data.substr(start, at - start));
        start = at + 3;
    }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    // Every dropped message is logged; at fuzzing speed that would be all the fuzzer does.
    QLoggingCategory::setFilterRules(QStringLiteral("quire.kernel.wire.warning=false"));
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size == 0)
        return 0;
    const bool signIt = data[0] & 1;
    const bool emptyKey = data[0] & 2;
    CodecLimits limits;
    limits.maxMessageBytes = 1 << 20;
    limits.maxFrames = 64;
    limits.maxJsonDepth = 64;
    WireCodec codec(emptyKey ? QByteArray() : kKey, limits);

    auto frames = splitFrames({reinterpret_cast<const char*>(data + 1), size - 1});
    size_t delimiter = 0;
    while (delimiter < frames.size() && frames[delimiter] != WireCodec::kDelimiter)
        ++delimiter;
    if (signIt && delimiter < frames.size() && frames.size() - delimiter - 1 >= 5) {
        const std::string_view parts[] = {frames[delimiter + 2], frames[delimiter + 3],
                                          frames[delimiter + 4], frames[delimiter + 5]};
        frames[delimiter + 1] = codec.sign(parts).toStdString();
    }
    const std::vector<std::string_view> views(frames.begin(), frames.end());
    auto result = codec.decode(views);
    if (result.message.has_value() != (result.error == DecodeError::None))
        failure("result and error disagree");
    if (codec.stats().decoded + codec.stats().dropped() != 1)
        failure("every message is counted once");
    if (!result.message)
        return 0;

    const Message& m = *result.message;
    const auto again = codec.encode(m);
    const std::vector<std::string_view> againViews(again.begin(), again.end());
    auto second = codec.decode(againViews);
    if (!second.message)
        failure("an encoded message does not decode");
    if (second.message->header != m.header || second.message->parentHeader != m.parentHeader ||
        second.message->metadata != m.metadata || second.message->content != m.content ||
        second.message->buffers != m.buffers || second.message->identities != m.identities)
        failure("decode(encode(m)) != m");
    return 0;
}
