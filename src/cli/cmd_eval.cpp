// `eventmap eval`: accuracy on annotated corpora (../shared/eval), as the literature scores it.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>

#include <nlohmann/json.hpp>

#include "cli/args.h"
#include "cli/command.h"
#include "cli/eval_events.h"
#include "eventmap/core/error.h"
#include "eventmap/core/paths.h"
#include "eventmap/eval/geoparse_score.h"
#include "eventmap/gazetteer/gazetteer.h"
#include "eventmap/geoparse/geoparser.h"
#include "eventmap/text/structure.h"

namespace eventmap::cli {
namespace {

constexpr const char* kUsage =
    "usage: eventmap eval geoparse|events|types|locations CORPUS.jsonl [--json] [--index PATH]\n"
    "\n"
    "Scores eventmap against an annotated corpus (JSON Lines: {\"id\", \"text\", \"toponyms\": [{\"start\",\n"
    "\"end\", \"name\", \"lat\", \"lon\", \"kind\"}]}, offsets in code points).\n"
    "geoparse: precision, recall and F1 of toponyms with coordinates (a prediction matches a gold\n"
    "toponym when the lower-cased names are equal and the span midpoints are < 10 characters apart),\n"
    "mean and median error (km), acc@161 (share of matches < 161 km off), AUC of ln(1+km)/ln(20039),\n"
    "the same by gold kind, and throughput (MB/s of text, recognition and resolution).\n"
    "events: ACLED notes, each run through extraction as one article, its most confident event\n"
    "counting: sub-event accuracy, macro-F1, location within 25/161 km, date exact match.\n"
    "types: CASE 2021 task 2 labels: weighted F1 on the ACLED-typed rows and on all 30 labels.\n"
    "locations: event-location linking precision and recall (Halterman 2019).\n";

std::optional<geo::LatLon> point_of(const nlohmann::json& t) {
    if (!t.contains("lat") || !t.contains("lon") || t["lat"].is_null() || t["lon"].is_null()) return std::nullopt;
    return geo::LatLon::from_degrees(t["lat"].get<double>(), t["lon"].get<double>());
}

int eval_geoparse(const std::string& corpus, const Args& args) {
    auto gaz = gazetteer::Gazetteer::open(args.value_or("--index", default_index_path().string()));
    geoparse::Geoparser parser(gaz);
    std::ifstream in(corpus);
    if (!in) throw IoError(corpus, "cannot open the corpus");
    eval::GeoparseScore score;
    std::string line;
    std::uint64_t line_no = 0, docs = 0, bytes = 0, bad = 0;
    double seconds = 0;
    while (std::getline(in, line)) {
        ++line_no;
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        nlohmann::json doc;
        try {
            doc = nlohmann::json::parse(line);
        } catch (const std::exception& e) {
            std::cerr << corpus << ":" << line_no << ": invalid JSON, skipped: " << e.what() << "\n";
            ++bad;
            continue;
        }
        if (!doc.contains("text") || !doc["text"].is_string()) {
            std::cerr << corpus << ":" << line_no << ": no \"text\" field, skipped\n";
            ++bad;
            continue;
        }
        ingest::Article article;
        article.text = doc["text"].get<std::string>();
        article.id = doc.contains("id") ? doc["id"].dump() : std::to_string(line_no);
        auto t0 = std::chrono::steady_clock::now();
        auto structure = text::analyse_structure(article);
        auto toponyms = parser.parse(article.text, parser.context_for(article, structure));
        seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        bytes += article.text.size();
        ++docs;
        std::vector<eval::ScoredToponym> gold, predicted;
        for (const auto& g : doc.value("toponyms", nlohmann::json::array())) {
            eval::ScoredToponym s;
            s.start_cp = g.value("start", 0);
            s.end_cp = g.value("end", 0);
            s.name = g.value("name", "");
            s.point = point_of(g);
            s.kind = g.contains("kind") && g["kind"].is_string() ? g["kind"].get<std::string>() : "(none)";
            gold.push_back(std::move(s));
        }
        for (const auto& t : toponyms) {
            if (t.derived) continue;  // "30 km north of X" spans are ours; corpora annotate only names
            eval::ScoredToponym s;
            s.start_cp = t.start_cp;
            s.end_cp = t.end_cp;
            s.name = t.text;
            if (t.point.is_valid()) s.point = t.point;
            s.kind = std::string(geoparse::to_string(t.kind));
            predicted.push_back(std::move(s));
        }
        eval::score_document(gold, predicted, score);
    }
    if (docs == 0) throw FormatError(corpus, 0, -1, "no document could be read");
    double mbps = seconds > 0 ? double(bytes) / 1e6 / seconds : 0.0;
    std::size_t within = 0;
    for (double e : score.errors_km) within += e < 161.0;
    double acc161_all = score.gold ? double(within) / double(score.gold) : 0.0;
    if (args.flag("--json")) {
        nlohmann::json j;
        j["corpus"] = corpus;
        j["documents"] = docs;
        j["skipped_lines"] = bad;
        j["gold"] = score.gold;
        j["predicted"] = score.predicted;
        j["matched"] = score.matched;
        j["precision"] = score.precision();
        j["recall"] = score.recall();
        j["f1"] = score.f1();
        j["mean_km"] = score.mean_km();
        j["median_km"] = score.median_km();
        j["acc161"] = score.acc161();
        j["acc161_of_gold"] = acc161_all;
        j["auc"] = score.auc();
        j["mb_per_s"] = mbps;
        for (const auto& [kind, k] : score.by_kind)
            j["by_kind"][kind] = {{"gold", k.gold}, {"matched", k.matched}, {"within_161", k.within_161}};
        std::cout << j.dump(2) << "\n";
        return 0;
    }
    std::printf("corpus      %s (%llu documents, %.2f MB)\n", corpus.c_str(), (unsigned long long)docs, double(bytes) / 1e6);
    std::printf("toponyms    gold %zu, predicted %zu, matched %zu\n", score.gold, score.predicted, score.matched);
    std::printf("precision   %.3f\nrecall      %.3f\nF1          %.3f\n", score.precision(), score.recall(), score.f1());
    std::printf("mean km     %.1f\nmedian km   %.1f\nacc@161     %.3f  (of all gold: %.3f)\nAUC         %.3f\n",
                score.mean_km(), score.median_km(), score.acc161(), acc161_all, score.auc());
    std::printf("throughput  %.1f MB/s (one thread, structure + recognition + resolution)\n", mbps);
    std::printf("\n%-34s %6s %8s %8s\n", "gold kind", "gold", "recall", "acc@161");
    for (const auto& [kind, k] : score.by_kind)
        std::printf("%-34s %6zu %8.3f %8.3f\n", kind.c_str(), k.gold, k.gold ? double(k.matched) / double(k.gold) : 0.0,
                    k.matched ? double(k.within_161) / double(k.matched) : 0.0);
    return 0;
}

int run(const std::vector<std::string>& argv) {
    Args args(argv, {"--index"}, {"--json"});
    const auto& pos = args.positional();
    if (pos.size() != 2) throw UsageError("expected: eval geoparse|events|types|locations CORPUS.jsonl (see --help)");
    if (pos[0] == "geoparse") return eval_geoparse(pos[1], args);
    if (pos[0] == "events" || pos[0] == "types" || pos[0] == "locations")
        return eval_events_main(pos[0], pos[1], args.flag("--json"), args.value_or("--index", default_index_path().string()));
    throw UsageError("unknown evaluation '" + pos[0] + "' (geoparse, events, types, locations)");
}

const Registrar reg{{"eval", "score eventmap against an annotated corpus", kUsage, run}};

}  // namespace
}  // namespace eventmap::cli
