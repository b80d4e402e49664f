#pragma once
// A tiny place table for event tests: every sentence here is our own, every place is listed
// with its real coordinates, so the tests need no gazetteer index.
#include <string>
#include <vector>

#include "eventmap/events/detector.h"
#include "eventmap/events/extract.h"

namespace eventmap::test {

struct TestPlace {
    const char* name;
    double lat, lon;
    const char* country;
    const char* feature_code;
    geoparse::ToponymKind kind = geoparse::ToponymKind::literal;
};

inline const std::vector<TestPlace>& test_places() {
    static const std::vector<TestPlace> places{
        {"Avdiivka", 48.13989, 37.74255, "UA", "PPL"},       {"Bakhmut", 48.59441, 37.99983, "UA", "PPLA2"},
        {"Kherson", 46.63695, 32.61458, "UA", "PPLA"},       {"Kharkiv", 49.98081, 36.25272, "UA", "PPLA"},
        {"Kyiv", 50.45466, 30.5238, "UA", "PPLC"},           {"Donetsk region", 48.0, 37.8, "UA", "ADM1"},
        {"Donetsk", 48.023, 37.80224, "UA", "PPLA"},         {"Ukraine", 49.0, 32.0, "UA", "PCLI"},
        {"Moscow", 55.75222, 37.61556, "RU", "PPLC"},        {"Russia", 60.0, 100.0, "RU", "PCLI"},
        {"Beijing", 39.9075, 116.39723, "CN", "PPLC"},       {"Goma", -1.67409, 29.22845, "CD", "PPLA"},
        {"Kinshasa", -4.32758, 15.31357, "CD", "PPLC"},      {"Mogadishu", 2.03711, 45.34375, "SO", "PPLC"},
        {"Khartoum", 15.55177, 32.53241, "SD", "PPLC"},      {"Nairobi", -1.28333, 36.81667, "KE", "PPLC"},
        {"Lahore", 31.558, 74.35071, "PK", "PPLA"},          {"Gao", 16.27167, -0.04472, "ML", "PPLA"},
        {"Kidal", 18.44111, 1.40778, "ML", "PPLA"},          {"Bogota", 4.60971, -74.08175, "CO", "PPLC"},
        {"Paris", 48.85341, 2.3488, "FR", "PPLC"},           {"Brussels", 50.85045, 4.34878, "BE", "PPLC"},
        {"Tbilisi", 41.69411, 44.83368, "GE", "PPLC"},       {"Yerevan", 40.18111, 44.51361, "AM", "PPLC"},
        {"Black Sea", 43.0, 35.0, "", "SEA"},                {"Europe", 48.69096, 9.14062, "", "CONT"},                {"Dhaka", 23.7104, 90.40744, "BD", "PPLC"},
        {"Odesa region", 46.5, 30.5, "UA", "ADM1"},          {"Mykolaiv", 46.97625, 31.99296, "UA", "PPLA"},
        {"Mandalay", 21.97473, 96.08359, "MM", "PPLA"},      {"Sittwe", 20.14624, 92.89835, "MM", "PPLA"},
        {"Tripoli", 32.88743, 13.18733, "LY", "PPLC"},       {"Washington", 38.89511, -77.03637, "US", "PPLC"},
        {"Pakistan", 30.0, 70.0, "PK", "PCLI"},              {"Punjab", 30.5, 72.5, "PK", "ADM1"},
        // a town the gazetteer reads as its district (ADM2), as it does some real ones
        {"Pokrovsk", 48.28198, 37.17585, "UA", "ADM2"},
        {"Russian", 60.0, 100.0, "RU", "PCLI", geoparse::ToponymKind::demonym},
        {"Ukrainian", 49.0, 32.0, "UA", "PCLI", geoparse::ToponymKind::demonym},
        {"Chinese", 35.0, 105.0, "CN", "PCLI", geoparse::ToponymKind::demonym},
    };
    return places;
}

/// Finds the test places in an article (whole words, longest name first), like a geoparser would.
inline events::PlaceFinder test_place_finder() {
    return [](const ingest::Article& a, const text::ArticleStructure&) {
        std::vector<geoparse::Toponym> out;
        std::vector<bool> taken(a.text.size(), false);
        std::vector<const TestPlace*> order;
        for (const auto& p : test_places()) order.push_back(&p);
        std::sort(order.begin(), order.end(),
                  [](const TestPlace* x, const TestPlace* y) { return std::string(x->name).size() > std::string(y->name).size(); });
        auto is_word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; };
        for (const TestPlace* p : order)
          for (const bool upper : {false, true}) {
            std::string name = p->name;
            if (upper)  // datelines write the place in capitals
                for (char& c : name) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
            for (std::size_t at = a.text.find(name); at != std::string::npos; at = a.text.find(name, at + 1)) {
                const std::size_t end = at + name.size();
                if ((at > 0 && is_word(a.text[at - 1])) || (end < a.text.size() && is_word(a.text[end]))) continue;
                if (taken[at]) continue;
                for (std::size_t k = at; k < end; ++k) taken[k] = true;
                geoparse::Toponym t;
                t.start_byte = at;
                t.end_byte = end;
                t.start_cp = static_cast<std::int64_t>(at);  // the test texts are ASCII
                t.end_cp = static_cast<std::int64_t>(end);
                t.text = name;
                t.name = p->name;
                t.kind = p->kind;
                t.country = p->country;
                t.feature_code = p->feature_code;
                t.point = geo::LatLon::from_degrees(p->lat, p->lon);
                t.place = 0;
                t.confidence = 0.9;
                out.push_back(t);
            }
          }
        return out;
    };
}

inline const events::Detector& test_detector() {
    static const events::Detector d = events::Detector::load_default();
    return d;
}

/// Events of one article written for a test, published on `published` (ISO).
inline std::vector<events::Event> extract_text(const std::string& text, const std::string& published = "2024-03-08",
                                               bool require_place = true) {
    static const events::Extractor ex_place(test_detector(), test_place_finder());
    static const events::Extractor ex_any(test_detector(), test_place_finder(), events::ExtractOptions{std::nullopt, 0.0, false});
    ingest::Article a;
    a.id = "test";
    a.text = text;
    a.published = events::Date::parse_iso(published);
    return events::extract_events(a, require_place ? ex_place : ex_any);
}

/// The types of the events of `text`.
inline std::vector<std::string> types_of(const std::string& text) {
    std::vector<std::string> t;
    for (const auto& e : extract_text(text)) t.push_back(e.type);
    return t;
}


// The type of the most confident event extracted from `text`, "(none)" when there is none.
inline std::string main_type(const std::string& text) {
    const auto evs = extract_text(text);
    const events::Event* best = nullptr;
    for (const auto& e : evs)
        if (!best || e.confidence > best->confidence) best = &e;
    return best ? best->type : "(none)";
}

}  // namespace eventmap::test
