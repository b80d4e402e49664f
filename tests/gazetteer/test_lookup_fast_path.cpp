// The lookup fast paths (key filter, per-thread memo of lookups, name-less place views) must
// give exactly the answers of the index itself, on our own GeoNames fixture.
#include <catch2/catch.hpp>

#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "eventmap/gazetteer/gazetteer.h"
#include "eventmap/gazetteer/normalize.h"
#include "support/support.h"

namespace gz = eventmap::gazetteer;
using eventmap::test::fixture;

namespace {

// Two different indexes from the fixture: with and without our supplement and demonyms.
std::filesystem::path build(const std::string& name, bool with_supplement) {
    const auto dir = eventmap::test::temp_dir("lookup_fast_path_" + name);
    gz::BuildOptions opt;
    opt.geonames_files = {fixture("gazetteer/geonames.txt")};
    if (with_supplement) {
        opt.supplement = fixture("gazetteer/supplement.tsv");
        opt.demonyms = fixture("gazetteer/demonyms.tsv");
    } else {  // files with no rows
        std::ofstream(dir / "supplement.tsv")
            << "id\tname\talternate_names\tfeature_class\tfeature_code\tcountry\tadmin1_code\tlat\tlon\tgeonameid\tpopulation\n";
        std::ofstream(dir / "demonyms.tsv") << "";
        opt.supplement = dir / "supplement.tsv";
        opt.demonyms = dir / "demonyms.tsv";
    }
    opt.output = dir / (name + ".emx");
    std::ostringstream log;
    gz::build_index(opt, log);
    return opt.output;
}

const std::filesystem::path& full_index() {
    static const auto p = build("full", true);
    return p;
}

// Every key of `g`, looked up by name, reaches the candidates stored for it.
void check_all_keys(const gz::Gazetteer& g) {
    for (std::size_t i = 0; i < g.key_count(); ++i) {
        const auto by_key = g.candidates(g.key(i));
        REQUIRE(by_key.data() == g.key_candidates(i).data());
        REQUIRE(by_key.size() == g.key_candidates(i).size());
    }
}

}  // namespace

TEST_CASE("lookups repeated in one thread give the index's answer every time", "[gazetteer][lookup]") {
    const auto g = gz::Gazetteer::open(full_index());
    for (int round = 0; round < 3; ++round) check_all_keys(g);  // cold, then from the memo
    for (int round = 0; round < 3; ++round) {
        CHECK(g.candidates("no such place anywhere").empty());
        CHECK(g.candidates("").empty());
        CHECK(g.candidates(std::string(200, 'k')).empty());  // longer than the memo keeps
    }
}

TEST_CASE("two indexes open in one thread never answer for each other", "[gazetteer][lookup]") {
    const auto full = gz::Gazetteer::open(full_index());
    const auto plain = gz::Gazetteer::open(build("plain", false));
    plain.prepare_lookups();  // built up front here, on first lookup for the others
    const auto again = gz::Gazetteer::open(full_index());  // the same file opened twice
    // Our supplement adds "kharkiv region" as a key; without it the key is absent or different.
    const auto in_full = full.candidates(gz::normalize_name("Slobozhanshchyna"));
    REQUIRE_FALSE(in_full.empty());
    for (int round = 0; round < 3; ++round) {
        CHECK(plain.candidates(gz::normalize_name("Slobozhanshchyna")).empty());
        CHECK(full.candidates(gz::normalize_name("Slobozhanshchyna")).data() == in_full.data());
        CHECK(again.candidates(gz::normalize_name("Slobozhanshchyna")).size() == in_full.size());
        CHECK(again.candidates(gz::normalize_name("Slobozhanshchyna")).data() != in_full.data());
    }
    check_all_keys(plain);
    check_all_keys(full);
    check_all_keys(again);
}

TEST_CASE("lookups from several threads at once give the index's answers", "[gazetteer][lookup]") {
    const auto g = gz::Gazetteer::open(full_index());
    std::vector<std::thread> threads;
    std::vector<int> wrong(4, 0);
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&, t] {
            for (int round = 0; round < 5; ++round)
                for (std::size_t i = 0; i < g.key_count(); ++i)
                    if (g.candidates(g.key(i)).data() != g.key_candidates(i).data()) ++wrong[t];
        });
    for (auto& th : threads) th.join();
    CHECK(wrong == std::vector<int>(4, 0));
}

TEST_CASE("place views without names agree with place() on every other field", "[gazetteer][lookup]") {
    const auto g = gz::Gazetteer::open(full_index());
    std::vector<gz::Place> batch;
    for (std::size_t i = 0; i < g.key_count(); ++i) {
        const auto cands = g.key_candidates(i);
        batch.clear();
        g.places_without_names(cands, batch);
        REQUIRE(batch.size() == cands.size());
        for (std::size_t r = 0; r < cands.size(); ++r) {
            const gz::Place full = g.place(cands[r].place);
            const gz::Place& lean = batch[r];
            CHECK(lean.name.empty());
            CHECK(lean.ascii_name.empty());
            CHECK(lean.admin1_name.empty());
            CHECK(lean.index == full.index);
            CHECK(lean.geonameid == full.geonameid);
            CHECK(lean.country == full.country);
            CHECK(lean.admin1_code == full.admin1_code);
            CHECK(lean.feature_class == full.feature_class);
            CHECK(lean.feature_code == full.feature_code);
            CHECK(lean.point == full.point);
            CHECK(lean.population == full.population);
            CHECK(lean.kind == full.kind);
            CHECK(lean.derived_point == full.derived_point);
            CHECK(lean.demonym_of == full.demonym_of);
            CHECK(g.country_of(cands[r].place) == full.country);
        }
    }
}

TEST_CASE("normalising plain ASCII agrees with the Unicode path", "[gazetteer][normalize]") {
    // A combining accent at the end sends a name through utf8proc and is itself dropped, so both
    // spellings must fold the same; random strings over every ASCII byte, spaces and dots likely.
    std::mt19937 rng(20261202);
    std::uniform_int_distribution<int> byte(0, 127), len(0, 24), pick(0, 3);
    const std::string accent = "\u0301";
    for (int i = 0; i < 20000; ++i) {
        std::string s;
        for (int k = len(rng); k > 0; --k) {
            switch (pick(rng)) {
                case 0: s += ' '; break;
                case 1: s += "St."[k % 3]; break;
                default: s += static_cast<char>(byte(rng)); break;
            }
        }
        INFO("name bytes: " << s);
        REQUIRE(gz::normalize_name(s) == gz::normalize_name(s + accent));
    }
    CHECK(gz::normalize_name("St. Petersburg") == gz::normalize_name("St. Petersburg" + accent));
    CHECK(gz::normalize_name("  Port-au-Prince  ") == "port au prince");
}

TEST_CASE("prefetching lookups, in any stage and order, changes no answer", "[gazetteer][lookup]") {
    const auto g = gz::Gazetteer::open(full_index());
    std::vector<std::string> keys;
    for (std::size_t i = 0; i < g.key_count(); ++i) keys.emplace_back(g.key(i));
    for (const char* absent : {"no such place anywhere", "", "zzzz", "kharkiv oblast region town"}) keys.emplace_back(absent);
    keys.emplace_back(200, 'k');
    // Before the key filter exists, prefetch() does nothing (and must not build it or crash).
    const auto cold = gz::Gazetteer::open(full_index());
    for (const auto& k : keys)
        for (int s = 0; s < gz::Gazetteer::prefetch_stages; ++s) cold.prefetch(gz::Gazetteer::key_hash(k), s);
    g.prepare_lookups();
    std::mt19937 rng(7);
    for (int round = 0; round < 3; ++round) {
        for (std::size_t n = 0; n < keys.size(); ++n)
            for (int s = 0; s < gz::Gazetteer::prefetch_stages; ++s) g.prefetch(gz::Gazetteer::key_hash(keys[rng() % keys.size()]), s);
        for (std::size_t i = 0; i < keys.size(); ++i) {
            const std::uint64_t h = gz::Gazetteer::key_hash(keys[i]);
            for (int s = gz::Gazetteer::prefetch_stages - 1; s >= 0; --s) g.prefetch(h, s);
            const auto with_hash = g.candidates(keys[i], h);
            const auto plain = g.candidates(keys[i]);
            if (!g.maybe_key(h)) REQUIRE(plain.empty());  // the filter never rules out a key
            if (i < g.key_count()) REQUIRE(g.maybe_key(h));
            REQUIRE(with_hash.data() == plain.data());
            REQUIRE(with_hash.size() == plain.size());
            if (i < g.key_count()) REQUIRE(with_hash.data() == g.key_candidates(i).data());
        }
    }
}
