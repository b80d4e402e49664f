// Scoring of event detection on the evaluation corpora (see docs/accuracy.md, section Events).
#include "cli/eval_events.h"

#include <algorithm>
#include <cstdlib>
#include <cmath>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <sstream>

#include <nlohmann/json.hpp>

#include "eventmap/core/error.h"
#include "eventmap/core/parallel.h"
#include "eventmap/core/paths.h"
#include "eventmap/eval/linking_score.h"
#include "eventmap/events/extract.h"
#include "eventmap/events/places.h"
#include "eventmap/events/taxonomy.h"
#include "eventmap/geo/geodesic.h"
#include "eventmap/text/structure.h"

namespace eventmap::cli {
namespace {

using nlohmann::json;

std::vector<json> read_corpus(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw IoError(path, "cannot open the corpus");
    std::vector<json> rows;
    std::string line;
    std::uint64_t n = 0;
    while (std::getline(in, line)) {
        ++n;
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        try {
            rows.push_back(json::parse(line));
        } catch (const json::exception& e) {
            throw FormatError(path, n, -1, std::string("invalid JSON: ") + e.what());
        }
    }
    return rows;
}

struct Scores {
    double accuracy = 0, macro_f1 = 0, weighted_f1 = 0;
    std::map<std::string, std::array<double, 3>> per_label;  // precision, recall, f1
};

// Accuracy, macro-F1 over gold labels, support-weighted F1.
Scores classification(const std::vector<std::pair<std::string, std::string>>& gold_pred) {
    Scores s;
    std::map<std::string, int> tp, fp, fn, support;
    int correct = 0;
    for (const auto& [g, p] : gold_pred) {
        ++support[g];
        if (g == p) {
            ++tp[g];
            ++correct;
        } else {
            ++fn[g];
            ++fp[p];
        }
    }
    s.accuracy = gold_pred.empty() ? 0 : static_cast<double>(correct) / static_cast<double>(gold_pred.size());
    double total = 0;
    for (const auto& [label, n] : support) {
        const double prec = tp[label] + fp[label] ? static_cast<double>(tp[label]) / (tp[label] + fp[label]) : 0;
        const double rec = static_cast<double>(tp[label]) / n;
        const double f1 = prec + rec > 0 ? 2 * prec * rec / (prec + rec) : 0;
        s.per_label[label] = {prec, rec, f1};
        s.macro_f1 += f1;
        s.weighted_f1 += f1 * n;
        total += n;
    }
    if (!support.empty()) s.macro_f1 /= static_cast<double>(support.size());
    if (total > 0) s.weighted_f1 /= total;
    return s;
}

std::string fmt(double v, int digits = 3) {
    std::ostringstream o;
    o << std::fixed << std::setprecision(digits) << v;
    return o.str();
}

void print_confusion(const std::vector<std::pair<std::string, std::string>>& gold_pred, std::size_t top) {
    std::map<std::pair<std::string, std::string>, int> conf;
    for (const auto& gp : gold_pred)
        if (gp.first != gp.second) ++conf[gp];
    std::vector<std::pair<int, std::pair<std::string, std::string>>> v;
    for (const auto& [k, n] : conf) v.push_back({n, k});
    std::sort(v.rbegin(), v.rend());
    std::cout << "\nmost frequent confusions (gold -> predicted):\n";
    for (std::size_t i = 0; i < std::min(top, v.size()); ++i)
        std::cout << "  " << std::setw(4) << v[i].first << "  " << v[i].second.first << " -> " << v[i].second.second << "\n";
}

void print_labels(const Scores& s, const std::map<std::string, int>& support) {
    std::cout << "\n" << std::left << std::setw(38) << "label" << std::right << std::setw(8) << "support" << std::setw(8)
              << "P" << std::setw(8) << "R" << std::setw(8) << "F1" << "\n";
    for (const auto& [label, prf] : s.per_label)
        std::cout << std::left << std::setw(38) << label << std::right << std::setw(8) << support.at(label) << std::setw(8)
                  << fmt(prf[0], 2) << std::setw(8) << fmt(prf[1], 2) << std::setw(8) << fmt(prf[2], 2) << "\n";
}

struct Pipeline {
    gazetteer::Gazetteer gz;
    events::Detector detector;
    events::Extractor extractor;
    Pipeline(const std::string& index, bool require_place)
        : gz(gazetteer::Gazetteer::open(index.empty() ? default_index_path() : std::filesystem::path(index))),
          detector(events::Detector::load_default()),
          extractor(detector, events::gazetteer_places(gz), events::ExtractOptions{std::nullopt, 0.0, require_place}) {}
};

// Runs extraction on every row's text on all cores, in order.
std::vector<std::vector<events::Event>> extract_all(const Pipeline& p, const std::vector<json>& rows) {
    std::vector<std::vector<events::Event>> out;
    out.reserve(rows.size());
    std::size_t next = 0;
    ordered_parallel<ingest::Article, std::vector<events::Event>>(
        [&]() -> std::optional<ingest::Article> {
            if (next >= rows.size()) return std::nullopt;
            const json& r = rows[next++];
            ingest::Article a;
            a.id = r.contains("id") ? (r["id"].is_string() ? r["id"].get<std::string>() : r["id"].dump()) : std::to_string(next);
            a.text = r.value("text", "");
            return a;
        },
        [&](ingest::Article& a) { return events::extract_events(a, p.extractor); },
        [&](std::vector<events::Event>& evs) { out.push_back(std::move(evs)); },
        std::max(1u, std::thread::hardware_concurrency()));
    return out;
}

// With EVENTMAP_EVAL_DUMP=FILE set, every row's events are written to FILE as JSON Lines
// (the row's id and, per event, type, place, point, date and confidence) for error analysis.
void dump_predictions(const std::vector<json>& rows, const std::vector<std::vector<events::Event>>& results) {
    const char* path = std::getenv("EVENTMAP_EVAL_DUMP");
    if (!path || !*path) return;
    std::ofstream out(path);
    if (!out) throw IoError(path, "cannot write the prediction dump");
    for (std::size_t i = 0; i < rows.size(); ++i) {
        json evs = json::array();
        for (const auto& e : results[i]) {
            json j{{"type", e.type}, {"location", e.location}, {"geo_precision", e.geo_precision},
                   {"date", e.event_date.iso()}, {"confidence", e.confidence}};
            if (e.point.is_valid()) j["lat"] = e.point.lat_deg, j["lon"] = e.point.lon_deg;
            if (!e.sources.empty()) {
                const auto& src = e.sources.front();
                j["trigger"] = {src.trigger_start_cp, src.trigger_end_cp};
                j["place"] = {src.place_start_cp, src.place_end_cp};
            }
            evs.push_back(std::move(j));
        }
        out << json{{"row", i}, {"events", evs}}.dump() << "\n";
    }
}

const events::Event* most_confident(const std::vector<events::Event>& evs) {
    const events::Event* best = nullptr;
    for (const auto& e : evs)
        if (!best || e.confidence > best->confidence) best = &e;
    return best;
}

int eval_acled(const std::string& corpus, bool as_json, const std::string& index) {
    const auto rows = read_corpus(corpus);
    const Pipeline p(index, true);
    const auto results = extract_all(p, rows);
    dump_predictions(rows, results);
    std::vector<std::pair<std::string, std::string>> gp;
    std::vector<double> errors_km;
    std::size_t within25 = 0, within161 = 0, located = 0, date_exact = 0, none = 0;
    std::map<std::string, int> support;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const std::string gold = events::slug_for(rows[i].value("sub_event_type", ""));
        ++support[gold];
        const events::Event* e = most_confident(results[i]);
        if (!e) {
            ++none;
            gp.push_back({gold, "(none)"});
            continue;
        }
        gp.push_back({gold, e->type});
        if (e->point.is_valid() && rows[i].contains("lat") && rows[i]["lat"].is_number()) {
            const double km = geo::distance_km(e->point, geo::LatLon::from_degrees(rows[i]["lat"].get<double>(),
                                                                                 rows[i]["lon"].get<double>()));
            errors_km.push_back(km);
            ++located;
            if (km <= 25) ++within25;
            if (km <= 161) ++within161;
        }
        if (e->event_date.iso() == rows[i].value("event_date", "")) ++date_exact;
    }
    const Scores s = classification(gp);
    std::sort(errors_km.begin(), errors_km.end());
    const double n = static_cast<double>(rows.size());
    const double median = errors_km.empty() ? NAN : errors_km[errors_km.size() / 2];
    if (as_json) {
        json j{{"corpus", corpus}, {"notes", rows.size()}, {"no_event", none}, {"sub_event_accuracy", s.accuracy},
               {"macro_f1", s.macro_f1}, {"weighted_f1", s.weighted_f1}, {"within_25km", within25 / n},
               {"within_161km", within161 / n}, {"median_km", median}, {"date_exact", date_exact / n}};
        std::cout << j.dump(2) << "\n";
        return 0;
    }
    std::cout << "ACLED notes: " << rows.size() << " notes (" << corpus << "), the most confident event of each\n"
              << "  sub-event accuracy   " << fmt(s.accuracy) << "\n"
              << "  macro-F1             " << fmt(s.macro_f1) << "\n"
              << "  weighted F1          " << fmt(s.weighted_f1) << "\n"
              << "  no event found       " << none << "\n"
              << "  location within 25 km  " << fmt(within25 / n) << "   within 161 km " << fmt(within161 / n)
              << "   median error " << fmt(median, 1) << " km (" << located << " located)\n"
              << "  date exact           " << fmt(date_exact / n) << "\n";
    print_labels(s, support);
    print_confusion(gp, 15);
    return 0;
}

// CASE's codes for our types beyond ACLED (the diplomacy types all count as DIPLO).
const std::map<std::string, std::string, std::less<>> k_case_beyond_acled{
    {"natural_disaster", "NATURAL_DISASTER"},
    {"man_made_disaster", "MAN_MADE_DISASTER"},
    {"organized_crime", "ORG_CRIME"},
    {"claim_of_responsibility", "ATTRIB"},
};

int eval_case(const std::string& corpus, bool as_json, const std::string& index) {
    const auto rows = read_corpus(corpus);
    const Pipeline p(index, false);
    const auto results = extract_all(p, rows);
    dump_predictions(rows, results);
    // CASE codes by ACLED sub-event name, read from the corpus itself.
    std::map<std::string, std::string> code_of_slug;
    for (const auto& r : rows)
        if (r.contains("acled_sub_event_type") && r["acled_sub_event_type"].is_string())
            code_of_slug[events::slug_for(r["acled_sub_event_type"].get<std::string>())] = r.value("label", "");
    std::vector<std::pair<std::string, std::string>> all, acled;
    std::map<std::string, int> support;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const std::string gold = rows[i].value("label", "");
        ++support[gold];
        const events::Event* e = most_confident(results[i]);
        std::string pred = "(none)";
        if (e) {
            if (e->event_type == "Diplomacy") pred = "DIPLO";
            else if (auto beyond = k_case_beyond_acled.find(e->type); beyond != k_case_beyond_acled.end()) pred = beyond->second;
            else if (auto it = code_of_slug.find(e->type); it != code_of_slug.end()) pred = it->second;
            else pred = e->type;
        }
        all.push_back({gold, pred});
        if (rows[i].contains("acled_sub_event_type") && rows[i]["acled_sub_event_type"].is_string()) acled.push_back({gold, pred});
    }
    const Scores sa = classification(acled), s = classification(all);
    if (as_json) {
        std::cout << json{{"corpus", corpus}, {"rows", rows.size()}, {"acled_rows", acled.size()},
                          {"weighted_f1_acled", sa.weighted_f1}, {"macro_f1_acled", sa.macro_f1},
                          {"weighted_f1_all", s.weighted_f1}, {"macro_f1_all", s.macro_f1}, {"accuracy_all", s.accuracy}}
                         .dump(2)
                  << "\n";
        return 0;
    }
    std::cout << "CASE 2021 task 2: " << rows.size() << " snippets (" << corpus << ")\n"
              << "  ACLED-typed rows (" << acled.size() << "): weighted F1 " << fmt(sa.weighted_f1) << ", macro-F1 "
              << fmt(sa.macro_f1) << ", accuracy " << fmt(sa.accuracy) << "\n"
              << "  all 30 labels (" << all.size() << "):   weighted F1 " << fmt(s.weighted_f1) << ", macro-F1 "
              << fmt(s.macro_f1) << ", accuracy " << fmt(s.accuracy) << "\n";
    print_labels(s, support);
    print_confusion(all, 15);
    return 0;
}

int eval_locations(const std::string& corpus, bool as_json, const std::string& index) {
    // The task gives each sentence's event verbs: the system links each verb to its place (as
    // the detector places its own triggers), each sentence on its own.
    const auto rows = read_corpus(corpus);
    const Pipeline p(index, true);
    std::vector<std::vector<events::Event>> results(rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
        ingest::Article a;
        a.id = std::to_string(i);
        a.text = rows[i].value("text", "");
        const text::ArticleStructure structure = text::analyse_structure(a);
        const std::vector<geoparse::Toponym> places = p.extractor.places()(a, structure);
        events::SentenceContext ctx;
        ctx.text = a.text;
        ctx.sentence = text::Span{0, a.text.size()};
        ctx.places = places;
        // Code points -> bytes.
        std::vector<std::size_t> byte_of;
        for (std::size_t b = 0; b < a.text.size(); ++b)
            if ((static_cast<unsigned char>(a.text[b]) & 0xC0) != 0x80) byte_of.push_back(b);
        byte_of.push_back(a.text.size());
        for (const auto& v : rows[i].value("verbs", json::array())) {
            const auto s_cp = static_cast<std::size_t>(v.value("start", 0)), e_cp = static_cast<std::size_t>(v.value("end", 0));
            if (s_cp >= e_cp || e_cp >= byte_of.size()) continue;
            for (const geoparse::Toponym* place : p.detector.places_of(ctx, text::Span{byte_of[s_cp], byte_of[e_cp]})) {
                events::Event e;
                e.location = place->name;
                e.point = place->point;
                events::Source src;
                src.trigger_start_cp = static_cast<std::int64_t>(s_cp);
                src.trigger_end_cp = static_cast<std::int64_t>(e_cp);
                src.place_start_cp = place->start_cp;
                src.place_end_cp = place->end_cp;
                e.sources.push_back(std::move(src));
                results[i].push_back(std::move(e));
            }
        }
    }
    dump_predictions(rows, results);
    // Scored twice: with the gold spans as the corpus gives them, and with the spans that part of
    // the corpus gives as token indices read as such (eval::repair_gold_span); the second counts.
    eval::LinkingScore as_given, repaired;
    std::size_t rows_with_event = 0, token_spans = 0;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const std::string text = rows[i].value("text", "");
        std::vector<eval::CpSpan> gold, gold_repaired, pred;
        for (const auto& l : rows[i].value("event_locations", json::array())) {
            const eval::CpSpan g{l.value("start", 0), l.value("end", 0)};
            bool as_tokens = false;
            gold.push_back(g);
            gold_repaired.push_back(eval::repair_gold_span(text, g, &as_tokens));
            token_spans += as_tokens ? 1 : 0;
        }
        for (const auto& e : results[i])
            for (const auto& src : e.sources)
                if (src.place_start_cp >= 0) pred.push_back({src.place_start_cp, src.place_end_cp});
        if (!results[i].empty()) ++rows_with_event;
        eval::score_linking(gold, pred, as_given);
        eval::score_linking(gold_repaired, pred, repaired);
    }
    if (as_json) {
        std::cout << json{{"corpus", corpus},
                          {"sentences", rows.size()},
                          {"precision", repaired.precision()},
                          {"recall", repaired.recall()},
                          {"predicted", repaired.predicted},
                          {"gold", repaired.gold},
                          {"gold_token_spans", token_spans},
                          {"precision_as_given", as_given.precision()},
                          {"recall_as_given", as_given.recall()},
                          {"sentences_with_event", rows_with_event}}
                         .dump(2)
                  << "\n";
        return 0;
    }
    std::cout << "Event-location linking: " << rows.size() << " sentences (" << corpus << ")\n"
              << "  sentences with an event  " << rows_with_event << "\n"
              << "  precision " << fmt(repaired.precision()) << " (" << repaired.correct << " of " << repaired.predicted
              << " predicted places)\n"
              << "  recall    " << fmt(repaired.recall()) << " (" << repaired.gold_found << " of " << repaired.gold
              << " gold event places)\n"
              << "  " << token_spans << " gold spans are token indices in the corpus (empty or word-cutting as code points)"
              << " and were read as tokens;\n  with every span as given: precision " << fmt(as_given.precision())
              << ", recall " << fmt(as_given.recall()) << "\n";
    return 0;
}

}  // namespace

int eval_events_main(const std::string& kind, const std::string& corpus, bool json, const std::string& index) {
    if (kind == "events") return eval_acled(corpus, json, index);
    if (kind == "types") return eval_case(corpus, json, index);
    if (kind == "locations") return eval_locations(corpus, json, index);
    throw UsageError("unknown evaluation '" + kind + "' (events, types, locations)");
}

}  // namespace eventmap::cli
