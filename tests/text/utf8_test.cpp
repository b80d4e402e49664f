#include <catch2/catch.hpp>

#include <string>

#include "eventmap/text/utf8.h"

using eventmap::text::CodePointIndex;
using eventmap::text::is_valid_utf8;
using eventmap::text::sanitize_utf8;

TEST_CASE("valid UTF-8 passes through unchanged", "[utf8]") {
    const std::string s = "Kyiv / Київ / Αθήνα / 北京 / 🚀";
    std::vector<std::int64_t> bad;
    CHECK(is_valid_utf8(s));
    CHECK(sanitize_utf8(s, &bad) == s);
    CHECK(bad.empty());
}

TEST_CASE("invalid bytes become U+FFFD and their offsets are reported", "[utf8]") {
    std::vector<std::int64_t> bad;
    CHECK(sanitize_utf8("Ruse\xff river", &bad) == "Ruse\xEF\xBF\xBD river");
    CHECK(bad == std::vector<std::int64_t>{4});

    bad.clear();  // a sequence cut off at the end is one replacement
    CHECK(sanitize_utf8("dash \xe2\x80", &bad) == "dash \xEF\xBF\xBD");
    CHECK(bad == std::vector<std::int64_t>{5});

    bad.clear();  // overlong encodings and surrogates: each maximal invalid part once (WHATWG)
    CHECK(sanitize_utf8("\xc0\xaf|\xed\xa0\x80", &bad) ==
          "\xEF\xBF\xBD\xEF\xBF\xBD|\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
    CHECK(bad == std::vector<std::int64_t>{0, 1, 3, 4, 5});
    CHECK(is_valid_utf8(sanitize_utf8("\xf5\x80 Latin-1 caf\xe9", nullptr)));
}

TEST_CASE("code point offsets count as Python slices do", "[utf8]") {
    const std::string s = "Київ is 🚀 far";
    CodePointIndex idx(s);
    CHECK(idx.size_cp() == 13);
    CHECK(idx.cp(0) == 0);
    CHECK(idx.cp(8) == 4);                 // after the four Cyrillic letters (2 bytes each)
    CHECK(idx.cp(s.find("far")) == 10);    // the rocket is one code point
    CHECK(idx.byte(4) == 8);
    CHECK(idx.byte(10) == s.find("far"));
    CHECK(idx.byte(13) == s.size());
}

TEST_CASE("code point index agrees with a naive count over long mixed text", "[utf8]") {
    std::string s;
    for (int i = 0; i < 200; ++i) s += i % 3 == 0 ? "Харків " : i % 3 == 1 ? "Ζάκυνθος " : "Lviv ";
    CodePointIndex idx(s);
    std::int64_t cp = 0;
    for (std::size_t b = 0; b <= s.size(); ++b) {
        const bool starts = b == s.size() || (static_cast<unsigned char>(s[b]) & 0xC0) != 0x80;
        if (starts) {
            REQUIRE(idx.cp(b) == cp);
            REQUIRE(idx.byte(cp) == b);
            ++cp;
        }
    }
    CHECK(idx.size_cp() == cp - 1);
}
