#pragma once
// Which of 16 bytes are ASCII letters, lower-case letters and digits, as bit masks (bit i for byte i),
// with SSE2: the text stage's tokenizer and the geoparser's scanner read words a chunk at a time.
#if defined(__SSE2__)
#include <emmintrin.h>

namespace eventmap {

struct AsciiMasks {
    unsigned letters = 0;  ///< A-Z and a-z
    unsigned lower = 0;    ///< a-z
    unsigned digits = 0;   ///< 0-9
};

inline AsciiMasks ascii_masks16(const unsigned char* p) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    // Signed compares: bytes >= 0x80 are negative and so never in an ASCII range; OR-ing 0x20 folds
    // A-Z onto a-z (and nothing else onto them).
    auto in_range = [](__m128i x, char lo, char hi) {
        return _mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8(static_cast<char>(lo - 1))),
                             _mm_cmplt_epi8(x, _mm_set1_epi8(static_cast<char>(hi + 1))));
    };
    const __m128i case_bit = _mm_set1_epi8(0x20);
    const auto letters = static_cast<unsigned>(_mm_movemask_epi8(in_range(_mm_or_si128(v, case_bit), 'a', 'z')));
    const auto case_set = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_and_si128(v, case_bit), case_bit)));
    return {letters, letters & case_set, static_cast<unsigned>(_mm_movemask_epi8(in_range(v, '0', '9')))};
}

}  // namespace eventmap
#endif
