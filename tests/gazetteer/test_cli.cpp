// `eventmap gazetteer` run as a user runs it.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "support/support.h"

using eventmap::test::fixture;
using eventmap::test::run_cli;

namespace {

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

// One CLI build of the fixture per run, shared by the lookups below.
const std::string& cli_index() {
    static const std::string path = [] {
        const auto out = (eventmap::test::temp_dir("gazetteer_cli") / "cli.emx").string();
        const auto r = run_cli({"gazetteer", "build", "--geonames", fixture("gazetteer/geonames.txt").string(),
                                "--supplement", fixture("gazetteer/supplement.tsv").string(), "--demonyms",
                                fixture("gazetteer/demonyms.tsv").string(), "-o", out});
        REQUIRE(r.exit_code == 0);
        return out;
    }();
    return path;
}

}  // namespace

TEST_CASE("cli: build prints a summary and reports bad rows on stderr", "[gazetteer][cli]") {
    const auto out = (eventmap::test::temp_dir("gazetteer_cli_build") / "g.emx").string();
    const auto r = run_cli({"gazetteer", "build", "--geonames", fixture("gazetteer/geonames.txt").string(),
                            "--supplement", fixture("gazetteer/supplement.tsv").string(), "--demonyms",
                            fixture("gazetteer/demonyms.tsv").string(), "-o", out});
    REQUIRE(r.exit_code == 0);
    CHECK(contains(r.out, "rows read:    35"));
    CHECK(contains(r.out, "rows skipped: 6"));
    CHECK(contains(r.out, "demonym 5"));
    CHECK(contains(r.out, "seconds:"));
    CHECK(contains(r.err, "geonames.txt:7: expected 19 tab-separated columns, got 9"));
    CHECK(contains(r.err, "geonames.txt:25: invalid UTF-8"));
}

TEST_CASE("cli: build --strict exits 1 at the first bad row", "[gazetteer][cli]") {
    const auto out = (eventmap::test::temp_dir("gazetteer_cli_strict") / "g.emx").string();
    const auto r = run_cli({"gazetteer", "build", "--geonames", fixture("gazetteer/geonames.txt").string(), "-o", out,
                            "--strict"});
    CHECK(r.exit_code == 1);
    CHECK(contains(r.err, "geonames.txt:7"));
}

TEST_CASE("cli: lookup prints a ranked table", "[gazetteer][cli]") {
    const auto r = run_cli({"gazetteer", "lookup", "--index", cli_index(), "Avdiivka", "Russian", "Nowhere at all"});
    REQUIRE(r.exit_code == 0);
    const auto first = r.out.find("713122");
    const auto second = r.out.find("713120");
    REQUIRE(first != std::string::npos);
    REQUIRE(second != std::string::npos);
    CHECK(first < second);
    CHECK(contains(r.out, "35,826"));
    CHECK(contains(r.out, "Russian -> Russia"));
    CHECK(contains(r.out, "demonym"));
    CHECK(contains(r.out, "Nowhere at all (key \"nowhere at all\"): 0 candidates"));
}

TEST_CASE("cli: lookup --json gives one object per query", "[gazetteer][cli]") {
    const auto r = run_cli({"gazetteer", "lookup", "--json", "--index", cli_index(), "Geneva", "Artemivsk",
                            "Black Sea", "--limit", "2"});
    REQUIRE(r.exit_code == 0);
    const auto j = nlohmann::json::parse(r.out);
    REQUIRE(j.size() == 3);
    CHECK(j[0]["query"] == "Geneva");
    REQUIRE(j[0]["candidates"].size() == 2);
    const auto& geneve = j[0]["candidates"][0];
    CHECK(geneve["geonameid"] == 2660646);
    CHECK(geneve["country"] == "CH");
    for (const char* field : {"geonameid", "name", "country", "admin1", "lat", "lon", "population", "feature_code", "kind"})
        CHECK(geneve.contains(field));
    CHECK(j[1]["candidates"][0]["name"] == "Bakhmut");
    CHECK(j[2]["candidates"][0]["kind"] == "feature");
}

TEST_CASE("cli: info and --verify", "[gazetteer][cli]") {
    const auto r = run_cli({"gazetteer", "info", "--index", cli_index(), "--verify"});
    REQUIRE(r.exit_code == 0);
    CHECK(contains(r.out, "built:"));
    CHECK(contains(r.out, "geonames.txt (31 rows)"));
    CHECK(contains(r.out, "payload checksum OK"));
}

TEST_CASE("cli: a missing index says how to rebuild it, bad usage exits 2", "[gazetteer][cli]") {
    const auto missing = (eventmap::test::temp_dir("gazetteer_cli_missing") / "none.emx").string();
    const auto r = run_cli({"gazetteer", "lookup", "--index", missing, "Kyiv"});
    CHECK(r.exit_code == 1);
    CHECK(contains(r.err, "rebuild it with: eventmap gazetteer build"));
    CHECK(run_cli({"gazetteer", "lookup", "--index", cli_index()}).exit_code == 2);
    CHECK(run_cli({"gazetteer", "frobnicate"}).exit_code == 2);
    CHECK(run_cli({"gazetteer", "lookup", "--bogus", "Kyiv"}).exit_code == 2);
}
