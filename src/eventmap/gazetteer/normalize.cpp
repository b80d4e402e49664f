#include "eventmap/gazetteer/normalize.h"

#include <utf8proc.h>

#include <array>
#include <cstdlib>

namespace eventmap::gazetteer {
namespace {

enum class Fold { drop, space, keep };

// Apostrophes and periods join their neighbours ("Khar'kiv", "D.C."); everything else that is
// not a letter or digit separates words ("Chasiv-Yar", "Kyiv (Kiev)").
Fold classify(utf8proc_int32_t cp) {
    switch (cp) {
        case '\'': case '`': case '.': case 0x00B4: case 0x2018: case 0x2019: case 0x201B:
        case 0x02BC: case 0x02BB: case 0x02B9: case 0x02BE: case 0x02BF: case 0x2032: case 0xFF07:
            return Fold::drop;
        default: break;
    }
    if (cp < 0x80) {
        if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) return Fold::keep;
        if (cp >= 'A' && cp <= 'Z') return Fold::keep;
        return cp < 0x20 ? Fold::drop : Fold::space;
    }
    switch (utf8proc_category(cp)) {
        case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
        case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_ND:
        case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
            return Fold::keep;
        case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
        case UTF8PROC_CATEGORY_CF: case UTF8PROC_CATEGORY_CC:
            return Fold::drop;
        default:
            return Fold::space;
    }
}

// Letters that carry no combining mark to strip, yet readers type without it.
const char* latin_fallback(utf8proc_int32_t cp) {
    switch (cp) {
        case 0x0142: return "l";   // ł
        case 0x00F8: return "o";   // ø
        case 0x0111: return "d";   // đ
        case 0x0131: return "i";   // dotless i
        case 0x00E6: return "ae";  // æ
        case 0x0153: return "oe";  // œ
        case 0x00FE: return "th";  // þ
        case 0x00F0: return "d";   // ð
        case 0x0127: return "h";   // ħ
        default: return nullptr;
    }
}

void append_word_break(std::string& out) {
    if (!out.empty() && out.back() != ' ') out.push_back(' ');
}

void finish(std::string& out) {
    if (!out.empty() && out.back() == ' ') out.pop_back();
    // "St. Petersburg", "St Helens": only as the first word, so "Main St" stays a street.
    // (Byte tests first: every key of every lookup passes here, few start with "st".)
    if (out.size() < 3 || out[0] != 's' || out[1] != 't') return;
    if (out[2] == ' ') out.replace(0, 2, "saint");
    else if (out.size() > 3 && out[2] == 'e' && out[3] == ' ') out.replace(0, 3, "sainte");
}

// What each byte becomes on the ASCII path: an ASCII byte itself lower-cased (keep: always
// above ' '), ' ' (a word break) or 0 (dropped), built from classify() so it cannot disagree
// with the general path; kNonAscii for the bytes >= 0x80, which send a name to the general path.
constexpr char kNonAscii = 1;
const std::array<char, 256>& ascii_fold_table() {
    static const std::array<char, 256> table = [] {
        std::array<char, 256> t{};
        for (int c = 128; c < 256; ++c) t[c] = kNonAscii;
        for (int c = 0; c < 128; ++c) {
            switch (classify(c)) {
                case Fold::keep: t[c] = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c); break;
                case Fold::space: t[c] = ' '; break;
                case Fold::drop: t[c] = 0; break;
            }
        }
        return t;
    }();
    return table;
}

}  // namespace

void normalize_name_into(std::string_view utf8, std::string& out) {
    out.clear();
    {
        // Plain ASCII: one table lookup a byte, written through a pointer (the output is never
        // longer); the first non-ASCII byte sends the whole name to the general path below.
        static const auto& table = ascii_fold_table();
        out.resize(utf8.size());
        char* const begin = out.data();
        char* o = begin;
        bool ascii = true;
        for (unsigned char c : utf8) {
            const char t = table[c];
            if (t > ' ') {  // a letter or digit: most bytes
                *o++ = t;
            } else if (t == ' ') {
                if (o != begin && o[-1] != ' ') *o++ = ' ';
            } else if (t == kNonAscii) {
                ascii = false;
                break;
            }  // else dropped
        }
        if (ascii) {
            out.resize(static_cast<std::size_t>(o - begin));
            finish(out);
            return;
        }
        out.clear();
    }
    // Decompose + case fold + strip marks in one utf8proc pass; invalid sequences are skipped
    // code point by code point so one bad byte does not lose the whole name.
    const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(utf8.data());
    utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(utf8.size());
    const int options = UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK | UTF8PROC_COMPAT;
    utf8proc_int32_t decomposed[32];
    while (left > 0) {
        utf8proc_int32_t cp = 0;
        utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
        if (n <= 0) { ++p; --left; continue; }
        p += n;
        left -= n;
        int last_boundclass = 0;
        utf8proc_ssize_t count = utf8proc_decompose_char(cp, decomposed, 32, static_cast<utf8proc_option_t>(options),
                                                         &last_boundclass);
        if (count < 0 || count > 32) continue;
        for (utf8proc_ssize_t i = 0; i < count; ++i) {
            utf8proc_int32_t d = decomposed[i];
            switch (classify(d)) {
                case Fold::drop: break;
                case Fold::space: append_word_break(out); break;
                case Fold::keep: {
                    if (const char* f = latin_fallback(d)) { out += f; break; }
                    utf8proc_uint8_t buf[4];
                    utf8proc_ssize_t len = utf8proc_encode_char(d, buf);
                    if (d < 0x80 && d >= 'A' && d <= 'Z') buf[0] = static_cast<utf8proc_uint8_t>(d + 32);
                    out.append(reinterpret_cast<const char*>(buf), static_cast<std::size_t>(len));
                    break;
                }
            }
        }
    }
    finish(out);
}

std::string normalize_name(std::string_view utf8) {
    std::string out;
    normalize_name_into(utf8, out);
    return out;
}

bool is_junk_alternate(std::string_view s) {
    if (s.empty()) return true;
    if (s.find("http") != std::string_view::npos || s.find("www.") != std::string_view::npos ||
        s.find(".com") != std::string_view::npos || s.find("://") != std::string_view::npos ||
        s.find(".org") != std::string_view::npos)
        return true;
    std::size_t letters = 0, code_points = 0;
    bool other = false;
    const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
    utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(s.size());
    while (left > 0) {
        utf8proc_int32_t cp = 0;
        utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
        if (n <= 0) return true;  // invalid UTF-8 is never a usable name
        p += n;
        left -= n;
        ++code_points;
        auto cat = utf8proc_category(cp);
        bool letter = cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LL || cat == UTF8PROC_CATEGORY_LT ||
                      cat == UTF8PROC_CATEGORY_LM || cat == UTF8PROC_CATEGORY_LO;
        if (letter) ++letters;
        if (cp < 'A' || cp > 'Z') other = true;
    }
    if (letters == 0) return true;             // "12345", "--"
    if (code_points < 2) return true;          // one-letter names
    if (!other && (code_points == 3 || code_points == 4)) return true;  // IATA "GVA", ICAO "UKKK"
    return false;
}

}  // namespace eventmap::gazetteer
