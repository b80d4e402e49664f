// The geoparse CLI's hand-written JSON gives the bytes nlohmann::json's dump() gives.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "cli/geoparse_json.h"

using eventmap::cli::append_article_json;
using eventmap::cli::article_json;
using eventmap::geoparse::Toponym;
using eventmap::geoparse::ToponymKind;

namespace {

struct Random {
    std::uint64_t state = 0x2545F4914F6CDD1Dull;
    std::uint64_t next() {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        return state;
    }
    double unit() { return static_cast<double>(next() >> 11) / 9007199254740992.0; }
    std::string text() {
        static const std::vector<std::string> pieces = {
            "Kyiv", " ", "\"", "\\", "/", "\t", "\n", "\r", "\b", "\f", "\x01", "\x1f", "\x7f", "é", "Київ", "’",
            "\u2028", "😀", "a", "Z", "0", "<", "&", "'", "\u00A0"};
        std::string s;
        const int n = static_cast<int>(next() % 8);
        for (int k = 0; k < n; ++k) s += pieces[next() % pieces.size()];
        return s;
    }
    double coordinate(double limit) {
        switch (next() % 6) {
            case 0: return 0.0;
            case 1: return -0.0;
            case 2: return static_cast<double>(static_cast<int>(next() % 181) - 90);  // whole degrees
            case 3: return (unit() - 0.5) * 1e-4;                                   // near zero
            default: return (unit() * 2 - 1) * limit;
        }
    }
};

}  // namespace

TEST_CASE("geoparse JSON: written by hand, the same bytes as the json tree's dump()", "[cli]") {
    Random r;
    for (int round = 0; round < 2000; ++round) {
        std::vector<Toponym> toponyms(r.next() % 5);
        for (auto& t : toponyms) {
            t.start_cp = static_cast<std::int64_t>(r.next() % 100000);
            t.end_cp = t.start_cp + static_cast<std::int64_t>(r.next() % 40);
            t.text = r.text();
            t.name = r.text();
            t.kind = static_cast<ToponymKind>(r.next() % 4);
            t.geonameid = static_cast<std::int64_t>(r.next() % 3) == 0 ? -static_cast<std::int64_t>(r.next() % 3000000000ull)
                                                                       : static_cast<std::int64_t>(r.next() % 13000000);
            t.country = r.next() % 4 ? "UA" : r.text();
            t.admin1 = r.text();
            t.feature_code = r.next() % 2 ? "PPLA" : "";
            if (r.next() % 5 == 0) t.point = eventmap::geo::LatLon::invalid();
            else t.point = eventmap::geo::LatLon::from_degrees(r.coordinate(90), r.coordinate(180));
            t.confidence = r.next() % 7 == 0 ? 1.0 : r.unit();
            t.derived = r.next() % 4 == 0;
            if (t.derived) t.anchor = r.text();
            if (r.next() % 2) {
                t.runner_up_geonameid = static_cast<std::int64_t>(r.next() % 20000000) - 5000000;
                t.runner_up_name = r.text();
            }
        }
        const std::string id = r.text();
        std::string out;
        append_article_json(out, id, toponyms);
        REQUIRE(out == article_json(id, toponyms).dump());
    }
}

TEST_CASE("geoparse JSON: invalid UTF-8 is refused as dump() refuses it", "[cli]") {
    std::vector<Toponym> toponyms(1);
    toponyms[0].text = "Ky\xFFiv";
    std::string out;
    CHECK_THROWS_AS(append_article_json(out, "doc", toponyms), nlohmann::json::type_error);
    for (const char* bad : {"\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xE2\x82", "\x80"}) {
        toponyms[0].text = bad;
        CHECK_THROWS_AS(append_article_json(out, "doc", toponyms), nlohmann::json::type_error);
    }
}
