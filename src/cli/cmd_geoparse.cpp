// `eventmap geoparse`: find and resolve the places articles name.
#include <cstdio>
#include <exception>
#include <utility>
#include <iostream>
#include <optional>

#include "cli/args.h"
#include "cli/command.h"
#include "cli/geoparse_json.h"
#include "eventmap/core/error.h"
#include "eventmap/core/parallel.h"
#include "eventmap/core/paths.h"
#include "eventmap/gazetteer/gazetteer.h"
#include "eventmap/geoparse/geoparser.h"
#include "eventmap/ingest/reader.h"
#include "article_batches.h"
#include "eventmap/text/structure.h"

namespace eventmap::cli {
namespace {

constexpr const char* kUsage =
    "usage: eventmap geoparse INPUT... [--format jsonl|json|table] [--jobs N] [--index PATH] [--strict]\n"
    "\n"
    "Finds the place names in articles and resolves each to a GeoNames place.\n"
    "INPUT: text files, HTML pages, JSON Lines (one article a line: \"text\", optional \"id\",\n"
    "\"title\", \"url\", \"published\"), directories (recursively), or - for standard input.\n"
    "\n"
    "  --format jsonl   one line per article: {\"id\": ..., \"toponyms\": [{\"start\", \"end\", \"text\",\n"
    "                   \"name\", \"kind\", \"geonameid\", \"country\", \"admin1\", \"feature_code\",\n"
    "                   \"lat\", \"lon\", \"confidence\", \"runner_up\"}]} (default; offsets in code points)\n"
    "  --format json    one JSON array of those objects\n"
    "  --format table   a readable table\n"
    "  --jobs N         worker threads (default 1)\n"
    "  --index PATH     gazetteer index (default: data/index/gazetteer.emx)\n"
    "  --strict         stop at the first bad input record instead of reporting and skipping it\n";

struct Parsed {
    ingest::Article article;
    std::vector<geoparse::Toponym> toponyms;
    std::string json;  ///< jsonl and json: the article's JSON object, written on the worker thread
};

int run(const std::vector<std::string>& argv) {
    Args args(argv, {"--format", "--jobs", "--index"}, {"--strict"});
    if (args.positional().empty()) throw UsageError("no input given (see --help)");
    std::string format = args.value_or("--format", "jsonl");
    if (format != "jsonl" && format != "json" && format != "table")
        throw UsageError("--format takes jsonl, json or table, not '" + format + "'");
    unsigned jobs = static_cast<unsigned>(args.int_or("--jobs", 1, 1, 256));
    auto gaz = gazetteer::Gazetteer::open(args.value_or("--index", default_index_path().string()));
    geoparse::Geoparser parser(gaz);

    ingest::ReadOptions read_options;
    read_options.strict = args.flag("--strict");
    ingest::ArticleReader reader(args.positional(), read_options);

    bool first = true;
    std::size_t articles = 0;
    if (format == "json") std::cout << "[";
    auto print = [&](Parsed& p) {
        ++articles;
        if (format == "table") {
            std::printf("%s\n", p.article.id.c_str());
            for (const auto& t : p.toponyms) {
                std::printf("  %6lld-%-6lld %-24s %-9s %-26s %-3s %9s %10s  %s\n", (long long)t.start_cp,
                            (long long)t.end_cp, t.text.substr(0, 24).c_str(),
                            std::string(geoparse::to_string(t.kind)).c_str(), t.name.substr(0, 26).c_str(),
                            t.country.c_str(),
                            t.point.is_valid() ? std::to_string(t.point.lat_deg).substr(0, 8).c_str() : "-",
                            t.point.is_valid() ? std::to_string(t.point.lon_deg).substr(0, 9).c_str() : "-",
                            t.derived ? ("derived from " + t.anchor).c_str() : "");
            }
            return;
        }
        if (format == "json") {
            std::cout << (first ? "\n" : ",\n") << p.json;
            first = false;
        } else {
            p.json.push_back('\n');
            std::cout << p.json;
        }
    };
    // Articles go to the workers in batches (article_batches.h); after a reading error (--strict) the
    // articles read before it are still parsed and printed, then the error is raised.
    ArticleBatches batches(reader);
    ordered_parallel<std::vector<ingest::Article>, std::vector<Parsed>>(
        [&] { return batches.next(); },
        [&](std::vector<ingest::Article>& batch) {
            std::vector<Parsed> out;
            out.reserve(batch.size());
            for (auto& a : batch) {
                auto structure = text::analyse_structure(a);
                auto toponyms = parser.parse(a.text, parser.context_for(a, structure));
                Parsed& p = out.emplace_back(Parsed{std::move(a), std::move(toponyms), {}});
                // Serialised here, so that the main thread (reading and writing) does not bound --jobs.
                if (format != "table") append_article_json(p.json, p.article.id, p.toponyms);
            }
            return out;
        },
        [&](std::vector<Parsed>& batch) {
            for (Parsed& p : batch) print(p);
        },
        jobs, 16);  // 16 batches in flight: at most about 4 MB of text
    if (format == "json") std::cout << "\n]\n";
    std::cout.flush();
    const auto& st = reader.stats();
    if (st.problems > 0)
        std::cerr << "eventmap geoparse: " << articles << " articles, " << st.problems
                  << " problems reported above\n";
    if (articles == 0) {
        std::cerr << "eventmap geoparse: no article could be read\n";
        return 1;
    }
    return 0;
}

const Registrar reg{{"geoparse", "find and resolve the place names in articles", kUsage, run}};

}  // namespace
}  // namespace eventmap::cli
