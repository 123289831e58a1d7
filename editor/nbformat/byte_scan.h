#pragma once

#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace quire::editor {

// Which bytes end a run of string content that can be copied as it is.
struct ByteStops {
    bool stop[256] = {};
    // controls, '"' and '\\' always; DEL and/or non-ASCII bytes on request
    constexpr ByteStops(bool del, bool nonAscii) {
        for (int c = 0; c < 0x20; ++c)
            stop[c] = true;
        stop[int('"')] = stop[int('\\')] = true;
        stop[0x7f] = del;
        for (int c = 0x80; c < 0x100; ++c)
            stop[c] = nonAscii;
    }
};

// Length of the run at [p, end) without stop bytes. Sixteen (or eight) bytes at a time:
// strings in notebooks are long (base64 images), and this is most of reading and writing them.
inline std::size_t plainRun(const char* p, const char* end, const ByteStops& stops) {
    const bool del = stops.stop[0x7f], nonAscii = stops.stop[0x80];
    const char* const start = p;
#if defined(__SSE2__)
    const __m128i quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\'),
                  lastControl = _mm_set1_epi8(0x1f), delete_ = _mm_set1_epi8(0x7f);
    while (end - p >= 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
        // v <= 0x1f as unsigned bytes: max(v, 0x1f) == 0x1f
        __m128i hit =
            _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)),
                         _mm_cmpeq_epi8(_mm_max_epu8(v, lastControl), lastControl));
        if (del)
            hit = _mm_or_si128(hit, _mm_cmpeq_epi8(v, delete_));
        int mask = _mm_movemask_epi8(hit);
        if (nonAscii)
            mask |= _mm_movemask_epi8(v); // the high bits
        if (mask)
            return std::size_t(p - start) + std::size_t(__builtin_ctz(unsigned(mask)));
        p += 16;
    }
#else
    constexpr std::uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
    const auto hasZero = [](std::uint64_t v) { return (v - ones) & ~v & highs; };
    while (end - p >= 8) {
        std::uint64_t w;
        std::memcpy(&w, p, 8);
        // a byte < 0x20 (hasless), '"', '\\' (haszero of the xor), DEL, a high bit
        std::uint64_t hit = ((w - ones * 0x20) & ~w & highs) | hasZero(w ^ (ones * '"')) |
                            hasZero(w ^ (ones * '\\'));
        if (del)
            hit |= hasZero(w ^ (ones * 0x7f));
        if (nonAscii)
            hit |= w & highs;
        if (hit) // maybe a false alarm: the byte loop below decides
            break;
        p += 8;
    }
#endif
    while (p < end && !stops.stop[static_cast<unsigned char>(*p)])
        ++p;
    return std::size_t(p - start);
}

} // namespace quire::editor
