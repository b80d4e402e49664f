#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <random>
#include <string>
#include <vector>

#include "eventmap/export/detail/fields.h"

using namespace eventmap;

namespace {

// What sources_to_json() wrote when it built an nlohmann tree: the bytes it must still write.
std::string tree_json(const std::vector<events::Source>& sources) {
    nlohmann::ordered_json arr = nlohmann::ordered_json::array();
    for (const auto& s : sources) {
        nlohmann::ordered_json o;
        o["article_id"] = s.article_id;
        o["title"] = s.title;
        o["url"] = s.url;
        o["published"] = s.published;
        o["sentence"] = s.sentence;
        o["trigger_start"] = s.trigger_start_cp;
        o["trigger_end"] = s.trigger_end_cp;
        o["place_start"] = s.place_start_cp;
        o["place_end"] = s.place_end_cp;
        arr.push_back(std::move(o));
    }
    return arr.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// Random text from pieces that need escaping (quotes, backslashes, every control character),
// plain ASCII, '/', DEL and multi-byte UTF-8; with `invalid`, also stray and truncated bytes.
std::string random_text(std::mt19937& rng, bool invalid) {
    static const std::vector<std::string> pieces = {
        "Kharkiv", " ", "\"", "\\", "/", "\x7f", "\t", "\n", "\r", "\b", "\f", std::string(1, '\0'), "\x01",
        "\x1f", "Dnipro\xe2\x80\x99s", "\xc3\xa9", "\xe4\xb8\xad", "\xf0\x9f\x98\x80", "{\"a\":[1]}"};
    static const std::vector<std::string> broken = {"\xff", "\xc3", "\xe2\x80", "\xed\xa0\x80", "\xc0\xaf"};
    std::string s;
    const int n = std::uniform_int_distribution<int>(0, 12)(rng);
    for (int i = 0; i < n; ++i) {
        if (invalid && std::uniform_int_distribution<int>(0, 9)(rng) == 0)
            s += broken[std::uniform_int_distribution<std::size_t>(0, broken.size() - 1)(rng)];
        else
            s += pieces[std::uniform_int_distribution<std::size_t>(0, pieces.size() - 1)(rng)];
    }
    return s;
}

}  // namespace

TEST_CASE("sources_to_json writes the bytes of the nlohmann tree it replaced", "[export]") {
    std::mt19937 rng(20261207);
    std::uniform_int_distribution<std::int64_t> offset(-1, 5'000'000'000);
    for (int round = 0; round < 3000; ++round) {
        const bool invalid = round % 4 == 3;
        std::vector<events::Source> sources(static_cast<std::size_t>(round % 4));
        for (auto& s : sources) {
            s.article_id = random_text(rng, invalid);
            s.title = random_text(rng, invalid);
            s.url = random_text(rng, false);
            s.published = round % 2 ? "2024-03-30" : "";
            s.sentence = random_text(rng, invalid);
            s.trigger_start_cp = offset(rng);
            s.trigger_end_cp = offset(rng);
            s.place_start_cp = round % 3 ? offset(rng) : -1;
            s.place_end_cp = round % 3 ? offset(rng) : -1;
        }
        INFO("round " << round);
        REQUIRE(exporter::detail::sources_to_json(sources) == tree_json(sources));
    }
}

TEST_CASE("sources_to_json reads back with sources_from_json", "[export]") {
    events::Source s;
    s.article_id = "UKR154668";
    s.title = "Strike on \"Mykolaivka\"\n";
    s.sentence = "Russian forces launched 2 'S-300' missiles at Mykolaivka, Donetsk.\\";
    s.trigger_start_cp = 17;
    s.trigger_end_cp = 25;
    std::vector<events::Source> back;
    REQUIRE(exporter::detail::sources_from_json(exporter::detail::sources_to_json({s, s}), back));
    REQUIRE(back == std::vector<events::Source>{s, s});
}
