#include "eventmap/events/places.h"

#include "eventmap/events/unlisted.h"

#include <algorithm>
#include <functional>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>

#include "eventmap/gazetteer/normalize.h"
#include "eventmap/geo/geodesic.h"
#include "eventmap/geoparse/geoparser.h"

namespace eventmap::events {
namespace {

bool usable(const geoparse::Toponym& t) { return t.kind == geoparse::ToponymKind::literal && t.point.is_valid(); }

char lower_ascii(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

// Words a report puts between a place and its qualifier: "Ye-U township (Shwebo district, ...".
bool admin_word(std::string_view w) {
    static constexpr std::string_view k[] = {
        "village", "town", "city", "township", "district", "region", "province", "state", "county",
        "municipality", "governorate", "oblast", "raion", "rayon", "lga", "sub-district", "subdistrict",
        "locality", "area", "department", "prefecture", "commune", "division", "zone", "woreda", "tehsil",
        "upazila", "community", "territory", "sector", "neighborhood", "neighbourhood", "ward", "parish"};
    for (std::string_view x : k)
        if (w == x) return true;
    return false;
}

enum class Link { none, comma, paren };

// What joins two names: ", " or " (" (after optional admin words); anything else is no qualifier.
// Inside the parentheses, names the gazetteer does not know may stand between ("(Kramatorsk
// district, Donetsk)").
Link link_between(std::string_view gap, bool inside_paren) {
    std::string word;
    bool capitalised = false;
    int commas = 0, parens = 0;
    for (std::size_t i = 0; i <= gap.size(); ++i) {
        const char c = i < gap.size() ? gap[i] : ' ';
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-') {
            if (word.empty()) capitalised = c >= 'A' && c <= 'Z';
            word.push_back(lower_ascii(c));
            continue;
        }
        if (!word.empty()) {
            if (!admin_word(word) && !(capitalised && (inside_paren || parens > 0))) return Link::none;
            word.clear();
        }
        if (c == ',') ++commas;
        else if (c == '(') ++parens;
        else if (c != ' ') return Link::none;
    }
    if (parens == 1 && commas <= 2) return Link::paren;
    if (commas >= 1 && parens == 0 && (inside_paren || commas == 1)) return inside_paren ? Link::paren : Link::comma;
    return Link::none;
}

// The text after a chain's last name ends it: a sentence or clause end, a closing parenthesis,
// or an admin word ("Donetsk region.") - not " and", which makes a list of the names.
bool ends_chain(std::string_view after) {
    std::size_t i = 0;
    while (i < after.size() && after[i] == ' ') ++i;
    if (i == after.size()) return true;
    const char c = after[i];
    if (c == '.' || c == ',' || c == ';' || c == ':' || c == ')') return true;
    std::string word;
    while (i < after.size() && ((after[i] >= 'a' && after[i] <= 'z') || (after[i] >= 'A' && after[i] <= 'Z')))
        word.push_back(lower_ascii(after[i++]));
    return admin_word(word);
}

bool region_code(std::string_view f) { return f == "ADM1" || f == "ADM1H" || f == "RGN"; }

// `place` lies in (or, for a town, near) `qualifier`.
bool inside(const gazetteer::Place& place, const gazetteer::Place& qualifier) {
    if (place.country != qualifier.country || place.country.empty()) return false;
    if (region_code(qualifier.feature_code))
        return !place.admin1_code.empty() && place.admin1_code == qualifier.admin1_code;
    if (qualifier.feature_code.rfind("PCL", 0) == 0) return true;
    // A district is named after its seat: a qualifying town must be one ("Mansa town (Mansa district)").
    if (qualifier.feature_code.rfind("PPLA", 0) != 0 && qualifier.feature_code != "PPLC") return false;
    return place.admin1_code == qualifier.admin1_code && geo::distance_km(place.point, qualifier.point) < 150.0;
}

constexpr std::size_t k_max_candidates = 40;

}  // namespace

void resolve_with_qualifiers(std::string_view text, std::vector<geoparse::Toponym>& tops, const CandidateLookup& lookup) {
    std::size_t i = 0;
    while (i < tops.size()) {
        // The chain: a name, then qualifiers joined by ", " or " (" ... ", ".
        std::vector<std::size_t> chain{i};
        bool paren = false;
        for (std::size_t j = i + 1; j < tops.size(); ++j) {
            const auto& prev = tops[chain.back()];
            if (tops[j].start_byte < prev.end_byte) break;
            const Link link = link_between(text.substr(prev.end_byte, tops[j].start_byte - prev.end_byte), paren);
            if (link == Link::none) break;
            if (link == Link::paren) paren = true;
            chain.push_back(j);
        }
        const std::size_t next = i + chain.size();
        const bool all_usable = std::all_of(chain.begin(), chain.end(), [&](std::size_t k) { return usable(tops[k]); });
        if (chain.size() < 2 || !all_usable ||
            !(paren || ends_chain(text.substr(tops[chain.back()].end_byte)))) {
            i = next;
            continue;
        }
        // Resolve each name against the qualifiers after it, the broadest (last) first.
        for (std::size_t c = 0; c + 1 < chain.size(); ++c) {
            geoparse::Toponym& name = tops[chain[c]];
            std::vector<gazetteer::Place> own = lookup(name.text);
            if (own.size() > k_max_candidates) own.resize(k_max_candidates);
            // A name repeated as its own district ("Bururi (Bururi)") qualifies nothing.
            bool resolved = std::all_of(chain.begin() + static_cast<std::ptrdiff_t>(c) + 1, chain.end(),
                                        [&](std::size_t k) { return tops[k].text == name.text; });
            // The geoparser's choice stands when it lies in some reading of a qualifier.
            for (std::size_t q = c + 1; q < chain.size() && !resolved; ++q)
                for (const auto& p : lookup(tops[chain[q]].text))
                    if (own.size() > 0 && p.index != name.place &&
                        std::any_of(own.begin(), own.end(), [&](const gazetteer::Place& o) {
                            return o.index == name.place && inside(o, p);
                        })) {
                        resolved = true;
                        break;
                    }
            // A qualifier that names the admin1 region as the gazetteer spells it ("Magdalena" for
            // "Magdalena Department"), even where that region has no entry of its own.
            for (std::size_t q = chain.size() - 1; q > c && !resolved; --q) {
                const std::string key = gazetteer::normalize_name(tops[chain[q]].text);
                for (const auto& o : own) {
                    const std::string admin1 = gazetteer::normalize_name(o.admin1_name);
                    if (admin1.size() >= key.size() && admin1.compare(0, key.size(), key) == 0 &&
                        (admin1.size() == key.size() || admin1[key.size()] == ' ')) {
                        const bool current = std::any_of(own.begin(), own.end(), [&](const gazetteer::Place& x) {
                            return x.index == name.place && gazetteer::normalize_name(x.admin1_name) == admin1;
                        });
                        if (!current) geoparse::set_place(name, o);
                        resolved = true;
                        break;
                    }
                }
            }
            std::optional<gazetteer::Place> region;  // a region reading of the broadest qualifier
            for (std::size_t q = chain.size() - 1; q > c && !resolved; --q) {
                std::vector<gazetteer::Place> quals = lookup(tops[chain[q]].text);
                if (quals.size() > k_max_candidates) quals.resize(k_max_candidates);
                // The best pair by the two ranks: the most likely place inside the most likely reading.
                std::size_t best_sum = SIZE_MAX, best_own = 0, best_qual = 0;
                for (std::size_t a = 0; a < own.size(); ++a)
                    for (std::size_t b = 0; b < quals.size(); ++b)
                        if (a + b < best_sum && own[a].index != quals[b].index && inside(own[a], quals[b])) {
                            best_sum = a + b;
                            best_own = a;
                            best_qual = b;
                        }
                if (best_sum != SIZE_MAX) {
                    if (own[best_own].index != name.place) geoparse::set_place(name, own[best_own]);
                    if (q == chain.size() - 1 && quals[best_qual].index != tops[chain[q]].place)
                        geoparse::set_place(tops[chain[q]], quals[best_qual]);
                    resolved = true;
                } else if (q == chain.size() - 1 && !region) {
                    // The region the text names, in the name's country when it has one there, else in any
                    // ("Mala (Harib, Marib)" when the only Malas the gazetteer knows are abroad).
                    for (const auto& p : quals)
                        if (region_code(p.feature_code) && p.country == name.country) {
                            region = p;
                            break;
                        }
                    if (!region)
                        for (const auto& p : quals)
                            if (region_code(p.feature_code)) {
                                region = p;
                                break;
                            }
                }
            }
            // No namesake lies in the named region: the place is somewhere in that region.
            const bool in_list = name.start_byte >= 2 && text.substr(name.start_byte - 2, 2) == ", ";
            // Within a large region's reach of its centre the namesake may still be right (regions'
            // borders differ between sources): only a far namesake gives way.
            // A well-known town with no namesake keeps its place: the report's region is then the slip.
            const bool ambiguous = own.size() >= 2 || (own.size() == 1 && own[0].population < 50000);
            const bool abroad = region && region->country != name.country;
            if (!resolved && region && c == 0 && !in_list && (ambiguous || abroad) &&
                geo::distance_km(name.point, region->point) > 250.0) {
                // The nearest level the text gives: a district's seat named between the two ("Ceelasha
                // Biyaha (Afgooye, Lower Shabelle)": near Afgooye), else the region.
                const geoparse::Toponym* district = chain.size() >= 3 ? &tops[chain[c + 1]] : nullptr;
                if (district && usable(*district) && district->country == region->country &&
                    district->feature_code.rfind("PPL", 0) == 0 && district->admin1 == region->admin1_name) {
                    const geoparse::Toponym seat = *district;
                    name.point = seat.point;
                    name.country = seat.country;
                    name.admin1 = seat.admin1;
                    name.feature_code = seat.feature_code;
                    name.geonameid = 0;
                    name.place = seat.place;
                    name.name = name.text;
                    name.derived = true;
                    name.anchor = seat.name;
                } else {
                    const std::string anchor = std::string(region->name);
                    geoparse::set_place(name, *region);
                    name.derived = true;
                    name.anchor = anchor;
                }
            }
        }
        i = next;
    }
}

AdminSeats region_seats(const gazetteer::Gazetteer& gz) {
    AdminSeats seats;
    std::unordered_map<std::string, std::int64_t> population;
    std::string key;
    for (std::uint32_t i = 0; i < gz.size(); ++i) {
        const gazetteer::Place p = gz.place_without_names(i);
        if (p.country.empty()) continue;
        if (p.feature_code == "PPLC") key.assign(p.country);
        else if (p.feature_code == "PPLA" && !p.admin1_code.empty()) key.assign(p.country).append(".").append(p.admin1_code);
        else continue;
        auto [it, fresh] = population.try_emplace(key, p.population);
        if (!fresh && it->second >= p.population) continue;  // the largest seat when GeoNames lists two
        it->second = p.population;
        seats[key] = p.point;
    }
    return seats;
}

void place_regions_at_seats(std::vector<geoparse::Toponym>& toponyms, const gazetteer::Gazetteer& gz,
                            const AdminSeats& seats) {
    std::string key;
    for (auto& t : toponyms) {
        if (t.place == UINT32_MAX || t.derived) continue;
        const bool country = t.feature_code.rfind("PCL", 0) == 0;
        if (t.feature_code != "ADM1" && !country) continue;
        const gazetteer::Place p = gz.place_without_names(t.place);
        key.assign(p.country);
        if (!country) key.append(".").append(p.admin1_code);
        if (auto it = seats.find(key); it != seats.end()) t.point = it->second;
    }
}

PlaceFinder gazetteer_places(const gazetteer::Gazetteer& gz) {
    return gazetteer_places(gz, std::async(std::launch::deferred, region_seats, std::cref(gz)));
}

PlaceFinder gazetteer_places(const gazetteer::Gazetteer& gz, std::future<AdminSeats> admin_seats) {
    auto parser = std::make_shared<const geoparse::Geoparser>(gz);
    auto seats = std::make_shared<const AdminSeats>(admin_seats.get());
    return [parser, seats, &gz](const ingest::Article& article, const text::ArticleStructure& structure) {
        std::vector<geoparse::Toponym> tops = parser->parse(article, structure);
        resolve_with_qualifiers(article.text, tops,
                                [&gz](std::string_view name) { return gz.lookup(name); });
        place_regions_at_seats(tops, gz, *seats);
        add_unlisted_places(article.text, tops);
        return tops;
    };
}

}  // namespace eventmap::events
