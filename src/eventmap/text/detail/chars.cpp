#include "eventmap/text/detail/chars.h"

#include <utf8proc.h>

namespace eventmap::text::detail {

std::int32_t decode(std::string_view text, std::size_t i, std::size_t& len) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) { len = 1; return c; }
    utf8proc_int32_t cp = 0;
    const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(text.data() + i);
    const utf8proc_ssize_t n = utf8proc_iterate(p, static_cast<utf8proc_ssize_t>(text.size() - i), &cp);
    if (n <= 0) { len = 1; return c; }
    len = static_cast<std::size_t>(n);
    return cp;
}

std::int32_t decode_before(std::string_view text, std::size_t i, std::size_t& len) {
    std::size_t s = i - 1;
    while (s > 0 && i - s < 4 && (static_cast<unsigned char>(text[s]) & 0xC0) == 0x80) --s;
    std::size_t l = 0;
    const std::int32_t cp = decode(text, s, l);
    len = i - s;
    return cp;
}

bool is_upper_cp(std::int32_t cp) {
    if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
    return utf8proc_isupper(cp) != 0;
}

bool is_lower_cp(std::int32_t cp) {
    if (cp < 0x80) return cp >= 'a' && cp <= 'z';
    return utf8proc_islower(cp) != 0;
}

bool is_letter_cp(std::int32_t cp) {
    if (cp < 0x80) return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
    const auto cat = utf8proc_category(cp);
    return cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_MC;
}

bool is_space_cp(std::int32_t cp) {
    if (cp < 0x80) return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v';
    return cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F || cp == 0x205F || cp == 0x3000 ||
           cp == 0xFEFF || cp == 0x2028 || cp == 0x2029;
}

bool is_closer_cp(std::int32_t cp) {
    return cp == '"' || cp == '\'' || cp == ')' || cp == ']' || cp == 0x201D || cp == 0x2019 || cp == 0xBB;
}

bool is_opener_cp(std::int32_t cp) {
    return cp == '"' || cp == '\'' || cp == '(' || cp == '[' || cp == 0x201C || cp == 0x2018 || cp == 0xAB;
}

bool is_dash_cp(std::int32_t cp) { return cp == '-' || (cp >= 0x2012 && cp <= 0x2015); }

}  // namespace eventmap::text::detail
