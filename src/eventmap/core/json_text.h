#pragma once
// JSON text written by hand, byte for byte as nlohmann::json's dump() writes it (ensure_ascii off),
// for the hot paths that would otherwise build a tree only to print it: the geoparse CLI's lines and
// the export's `sources` field.
#include <charconv>
#include <cstdint>
#include <string>
#include <string_view>

namespace eventmap::core {

/// `s` (valid UTF-8) as a JSON string: " and \ escaped, \b \t \n \f \r, the other control
/// characters as \u00xx, every other byte as it is.
inline void append_json_string(std::string& out, std::string_view s) {
    out.push_back('"');
    std::size_t run = 0;  // bytes of s copied so far
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c != '"' && c != '\\') continue;
        out.append(s.data() + run, i - run);
        run = i + 1;
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case 0x08: out += "\\b"; break;
            case 0x09: out += "\\t"; break;
            case 0x0A: out += "\\n"; break;
            case 0x0C: out += "\\f"; break;
            case 0x0D: out += "\\r"; break;
            default: {
                static constexpr char hex[] = "0123456789abcdef";
                const char esc[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
                out.append(esc, 6);
            }
        }
    }
    out.append(s.data() + run, s.size() - run);
    out.push_back('"');
}

/// An integer as JSON.
inline void append_json_int(std::string& out, std::int64_t v) {
    char buf[24];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, r.ptr);
}

}  // namespace eventmap::core
