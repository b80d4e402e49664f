// `eventmap gazetteer build|lookup|info`: build the GeoNames index, query it, describe it.
#include <cstdio>
#include <iomanip>
#include <iostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "cli/args.h"
#include "cli/command.h"
#include "eventmap/core/error.h"
#include "eventmap/core/paths.h"
#include "eventmap/gazetteer/gazetteer.h"
#include "eventmap/gazetteer/normalize.h"

namespace eventmap::cli {
namespace {

namespace gz = eventmap::gazetteer;

constexpr const char* k_usage =
    "usage: eventmap gazetteer build [--geonames FILE]... [--alternate-names F] [--admin1 F]\n"
    "                                [--admin2 F] [--country-info F] [--supplement F] [--demonyms F]\n"
    "                                [--countries TOPOJSON] [-o PATH] [--strict]\n"
    "       eventmap gazetteer lookup NAME... [--json] [--limit N] [--index PATH]\n"
    "       eventmap gazetteer info [--index PATH] [--verify]\n"
    "\n"
    "build   reads GeoNames-format dumps (default: cities500 from data/npm), the companion files\n"
    "        found beside the first one (alternateNamesV2.txt, admin1CodesASCII.txt, countryInfo.txt),\n"
    "        the npm country/admin1 data, data/supplement.tsv and data/demonyms.tsv, and writes the\n"
    "        index (default: $EVENTMAP_INDEX or data/index/gazetteer.emx). Malformed rows are reported\n"
    "        as file:line: reason on stderr and skipped; --strict makes the first one fatal.\n"
    "lookup  ranked candidates for each NAME (best first); --json prints\n"
    "        [{\"query\": NAME, \"candidates\": [{geonameid, name, ...}]}].\n"
    "info    counts by kind, sources, build date and size; --verify checks the whole payload.\n";

std::string with_commas(std::uint64_t v) {
    const std::string digits = std::to_string(v);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
        out.push_back(digits[i]);
    }
    return out;
}

// std::setw counts bytes; names are UTF-8, so pad by code points.
std::string pad(std::string_view s, std::size_t width) {
    std::size_t cps = 0;
    for (unsigned char c : s)
        if ((c & 0xC0) != 0x80) ++cps;
    std::string out(s);
    if (cps < width) out.append(width - cps, ' ');
    else out.push_back(' ');
    return out;
}

std::string fixed(double v, int decimals) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

gz::Gazetteer open_index(const Args& args) {
    return gz::Gazetteer::open(args.value("--index") ? std::filesystem::path(*args.value("--index"))
                                                     : default_index_path());
}

int run_build(const std::vector<std::string>& argv) {
    Args args(argv,
              {"--geonames", "--alternate-names", "--admin1", "--admin2", "--country-info", "--supplement",
               "--demonyms", "--countries", "-o"},
              {"--strict"});
    if (!args.positional().empty()) throw UsageError("gazetteer build takes no positional arguments");
    gz::BuildOptions opt;
    for (const auto& g : args.values("--geonames")) opt.geonames_files.emplace_back(g);
    auto path_opt = [&](const char* name, std::optional<std::filesystem::path>& slot) {
        if (auto v = args.value(name)) slot = *v;
    };
    path_opt("--alternate-names", opt.alternate_names);
    path_opt("--admin1", opt.admin1_codes);
    path_opt("--admin2", opt.admin2_codes);
    path_opt("--country-info", opt.country_info);
    path_opt("--supplement", opt.supplement);
    path_opt("--demonyms", opt.demonyms);
    path_opt("--countries", opt.country_polygons);
    if (auto o = args.value("-o")) opt.output = *o;
    opt.strict = args.flag("--strict");
    const gz::BuildReport r = gz::build_index(opt, std::cerr);
    std::cout << "wrote " << r.output.string() << "\n"
              << "rows read:    " << with_commas(r.rows_read) << "\n"
              << "rows skipped: " << with_commas(r.rows_skipped) << (r.rows_skipped ? " (malformed; see above)" : "")
              << "\n"
              << "places:       " << with_commas(r.places) << " (";
    for (int k = 0; k < 5; ++k)
        std::cout << (k ? ", " : "") << gz::to_string(static_cast<gz::PlaceKind>(k)) << " " << with_commas(r.by_kind[k]);
    std::cout << ")\n"
              << "keys:         " << with_commas(r.keys) << "\n"
              << "size:         " << fixed(static_cast<double>(std::filesystem::file_size(r.output)) / 1e6, 1)
              << " MB\n"
              << "seconds:      " << fixed(r.seconds, 2) << "\n";
    return 0;
}

nlohmann::json to_json(const gz::Place& p, gz::NameMatch match) {
    return {{"geonameid", p.geonameid},
            {"name", p.name},
            {"ascii_name", p.ascii_name},
            {"country", p.country},
            {"admin1_code", p.admin1_code},
            {"admin1", p.admin1_name},
            {"feature_class", p.feature_class ? std::string(1, p.feature_class) : std::string()},
            {"feature_code", p.feature_code},
            {"lat", p.point.lat_deg},
            {"lon", p.point.lon_deg},
            {"population", p.population},
            {"kind", gz::to_string(p.kind)},
            {"match", gz::to_string(match)},
            {"derived_point", p.derived_point}};
}

int run_lookup(const std::vector<std::string>& argv) {
    Args args(argv, {"--index", "--limit"}, {"--json"});
    if (args.positional().empty()) throw UsageError("gazetteer lookup needs at least one NAME");
    const auto limit = static_cast<std::size_t>(args.int_or("--limit", 10, 1, 1'000'000));
    const gz::Gazetteer g = open_index(args);
    const bool json = args.flag("--json");
    nlohmann::json out = nlohmann::json::array();
    for (const auto& name : args.positional()) {
        const std::string key = gz::normalize_name(name);
        const auto cands = g.candidates(key);
        if (json) {
            nlohmann::json list = nlohmann::json::array();
            for (std::size_t i = 0; i < cands.size() && i < limit; ++i) {
                auto j = to_json(g.place(cands[i].place), cands[i].match);
                const auto p = g.place(cands[i].place);
                if (p.kind == gz::PlaceKind::demonym) j["demonym_of"] = g.place(p.demonym_of).name;
                list.push_back(std::move(j));
            }
            out.push_back({{"query", name}, {"key", key}, {"total", cands.size()}, {"candidates", std::move(list)}});
            continue;
        }
        std::cout << name << " (key \"" << key << "\"): " << cands.size() << " candidate"
                  << (cands.size() == 1 ? "" : "s") << "\n";
        if (cands.empty()) continue;
        std::cout << std::left << "  " << std::setw(4) << "#" << std::setw(13) << "geonameid" << std::setw(26) << "name"
                  << std::setw(4) << "cc" << std::setw(24) << "admin1" << std::setw(7) << "code" << std::right
                  << std::setw(10) << "lat" << std::setw(11) << "lon" << std::setw(13) << "population" << "  "
                  << std::left << std::setw(9) << "kind" << "match\n";
        for (std::size_t i = 0; i < cands.size() && i < limit; ++i) {
            const auto p = g.place(cands[i].place);
            std::string name_col(p.name);
            if (p.kind == gz::PlaceKind::demonym) name_col += " -> " + std::string(g.place(p.demonym_of).name);
            std::cout << "  " << std::left << std::setw(4) << (i + 1) << std::setw(13) << p.geonameid << pad(name_col, 26)
                      << std::setw(4) << p.country << pad(p.admin1_name, 24) << std::setw(7)
                      << p.feature_code << std::right << std::setw(10) << fixed(p.point.lat_deg, 5) << std::setw(11)
                      << fixed(p.point.lon_deg, 5) << std::setw(13) << with_commas(static_cast<std::uint64_t>(p.population))
                      << "  " << std::left << std::setw(9) << gz::to_string(p.kind) << gz::to_string(cands[i].match)
                      << (p.derived_point ? " (derived point)" : "") << "\n";
        }
        if (cands.size() > limit) std::cout << "  ... " << (cands.size() - limit) << " more (--limit)\n";
    }
    if (json) std::cout << out.dump(2) << "\n";
    return 0;  // an unknown name is an answer (0 candidates), not a failure
}

int run_info(const std::vector<std::string>& argv) {
    Args args(argv, {"--index"}, {"--verify"});
    if (!args.positional().empty()) throw UsageError("gazetteer info takes no positional arguments");
    const gz::Gazetteer g = open_index(args);
    const auto info = g.info();
    std::cout << "index:      " << info.path.string() << "\n"
              << "size:       " << fixed(static_cast<double>(info.file_size_bytes) / 1e6, 1) << " MB (format "
              << info.format_version << ")\n"
              << "built:      " << info.build_date << "\n"
              << "places:     " << with_commas(info.places) << "\n";
    for (int k = 0; k < 5; ++k)
        std::cout << "  " << std::left << std::setw(10) << gz::to_string(static_cast<gz::PlaceKind>(k))
                  << with_commas(info.by_kind[k]) << "\n";
    std::cout << "keys:       " << with_commas(info.keys) << " (" << with_commas(info.candidates) << " candidates)\n"
              << "polygons:   " << with_commas(info.polygons) << " countries\n"
              << "sources:\n";
    for (const auto& s : info.sources) std::cout << "  " << s.path << " (" << with_commas(s.rows) << " rows)\n";
    if (args.flag("--verify")) {
        g.verify();
        std::cout << "verify:     payload checksum OK\n";
    }
    return 0;
}

int run(const std::vector<std::string>& argv) {
    if (argv.empty() || argv[0] == "--help" || argv[0] == "-h") {
        std::cout << k_usage;
        return argv.empty() ? 2 : 0;
    }
    const std::vector<std::string> rest(argv.begin() + 1, argv.end());
    if (argv[0] == "build") return run_build(rest);
    if (argv[0] == "lookup") return run_lookup(rest);
    if (argv[0] == "info") return run_info(rest);
    throw UsageError("unknown gazetteer action '" + argv[0] + "' (build, lookup, info)");
}

const Registrar reg{{"gazetteer", "build, query and describe the GeoNames gazetteer index", k_usage, run}};

}  // namespace
}  // namespace eventmap::cli
