#include "eventmap/events/unlisted.h"

#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>

#include "eventmap/core/word_table.h"
#include "eventmap/events/triggers.h"
#include "eventmap/geo/geodesic.h"
#include "eventmap/text/utf8.h"

namespace eventmap::events {
namespace {

bool one_of(std::string_view w, std::initializer_list<std::string_view> list) {
    return std::find(list.begin(), list.end(), w) != list.end();
}

bool usable(const geoparse::Toponym& t) {
    return t.kind == geoparse::ToponymKind::literal && t.point.is_valid() && !t.unlisted;
}







// Every word class above, and the few small ones the scan below reads, looked up once per word.
enum WordClass : std::uint16_t {
    c_before_of = 1, c_after = 2, c_facility = 4, c_cue = 8, c_not_name = 16, c_particle = 32,
    c_preposition = 64,  // before a name put in a known place: "to Khrew in ..."
    c_apposition = 128,  // what "X, a small ..." calls X
    c_in_skip = 256,     // between "in" and a known place: "in southern", "in the"
    c_approx = 512,      // "some 50 km"
    c_unit = 1024,       // "50 km"
};

std::uint16_t word_class(std::string_view w) {
    static const auto table = [] {
        BasicWordTable<std::uint16_t> t;
        auto add = [&](std::initializer_list<std::string_view> words, std::uint16_t c) {
            for (std::string_view x : words) t.add(x, c);
        };
        add({"village", "villages", "town", "towns", "hamlet", "hamlets", "neighborhood", "neighborhoods",
             "neighbourhood", "neighbourhoods", "district", "districts", "suburb", "suburbs", "settlement", "settlements",
             "locality", "localities", "quarter", "camp", "area", "commune", "subdistrict", "sub-district", "township",
             "city", "cities", "outskirts", "resort", "resorts"},
            c_before_of);
        add({"village", "villages", "neighborhood", "neighborhoods", "neighbourhood", "neighbourhoods", "district",
             "districts", "area", "camp", "suburb", "suburbs", "quarter", "sector", "commune", "subdistrict",
             "sub-district", "township", "checkpoint", "crossing", "locality", "hamlet", "ward", "vereda",
             "corregimiento", "barrio", "colonia", "comuna"},
            c_after);
        add({"checkpoint", "hospital", "airport", "airbase", "camp", "mosque", "market", "bridge", "crossing", "prison",
             "roundabout", "square", "village", "district", "neighborhood", "neighbourhood", "quarter", "dam", "hills",
             "hill", "mountain", "mount", "base", "street", "avenue", "road", "highway", "ward", "station", "stadium",
             "barracks", "compound"},
            c_facility);
        add({"in", "at", "near", "the", "of", "outside", "into", "from", "on", "around", "inside", "toward", "towards",
             "s", "targeting", "stormed", "captured", "hit", "struck", "entered", "shelled", "attacked", "besieged",
             "seized"},
            c_cue);
        add({"the", "a", "an", "in", "at", "on", "of", "and", "or", "but", "this", "that", "these", "those", "it", "he",
             "she", "they", "we", "his", "her", "their", "its", "monday", "tuesday", "wednesday", "thursday", "friday",
             "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july", "august",
             "september", "october", "november", "december", "president", "minister", "gen", "general", "col", "lt",
             "mr", "mrs", "dr", "police", "army", "islamic", "state", "government", "forces", "troops", "rebels",
             "militants", "according", "meanwhile", "also", "earlier", "later", "after", "before", "when", "while",
             "there", "here", "north", "south", "east", "west", "northern", "southern", "eastern", "western",
             "central", "i", "u", "s", "un", "nato", "isis", "isil", "is", "sdf", "ypg", "pkk", "saa", "fsa", "hts",
             "al-qaeda", "al-qaida", "al-shabaab", "taliban", "hezbollah", "hamas"},
            c_not_name);
        add({"al", "el", "ad", "ar", "as", "ash", "an", "at", "az", "bin", "ibn", "de", "del", "la", "da", "do", "dos",
             "du", "des"},
            c_particle);
        add({"in", "at", "near", "to", "into", "toward", "towards", "outside", "around"}, c_preposition);
        add({"village", "town", "hamlet", "settlement", "city", "district", "neighbourhood", "neighborhood", "camp",
             "suburb", "locality", "township", "market", "border"},
            c_apposition);
        add({"the", "northern", "southern", "eastern", "western", "central", "northeastern", "northwestern",
             "southeastern", "southwestern", "north", "south", "east", "west", "nearby", "neighbouring", "neighboring"},
            c_in_skip);
        add({"some", "about", "around", "roughly", "nearly", "approximately"}, c_approx);
        add({"km", "kms", "kilometers", "kilometres", "miles", "mi"}, c_unit);
        return t;
    }();
    return table.flags(w);
}

class Scanner {
public:
    Scanner(std::string_view text, const std::vector<geoparse::Toponym>& known) : m_text(text), m_known(known) {
        m_words.assign(text);
        m_sentence.resize(m_words.size(), 0);
        m_class.resize(m_words.size(), 0);
        for (std::size_t i = 0; i < m_words.size(); ++i)
            if (m_words[i].lower.size() <= 14) m_class[i] = word_class(m_words[i].lower);
        for (std::size_t i = 1; i < m_words.size(); ++i) {
            // A new sentence after a full stop, "!" or "?" before a capital, or after a blank line. One
            // pass over the gap, which is mostly a single space.
            bool stop = false, blank_line = false;
            for (std::size_t b = m_words[i - 1].end; b < m_words[i].begin; ++b) {
                const char c = text[b];
                if (c == '.' || c == '!' || c == '?') stop = true;
                else if (c == '\n' && b + 1 < m_words[i].begin && text[b + 1] == '\n') blank_line = true;
            }
            m_sentence[i] = m_sentence[i - 1] + (((stop && m_words[i].capitalised) || blank_line) ? 1 : 0);
        }
    }

    std::size_t size() const { return m_words.size(); }
    const Word& operator[](std::size_t i) const { return m_words[i]; }
    // The first word that starts at or after `byte` (size() when none).
    std::size_t first_word_from(std::size_t byte) const {
        return static_cast<std::size_t>(
            std::partition_point(m_words.words().begin(), m_words.words().end(),
                                 [&](const Word& w) { return w.begin < byte; }) -
            m_words.words().begin());
    }
    bool is(std::size_t i, WordClass c) const { return (m_class[i] & c) != 0; }

    // A word that can be part of a place's name: capitalised ("Tal", "Bira"), "al-Bab" (a particle,
    // then a capital), or a word that starts with a letter outside ASCII ("Śląsk"), or "‘Ayn".
    bool name_word(std::size_t i) const {
        const Word& w = m_words[i];
        if (is(i, c_not_name) || w.number) return false;
        if (w.capitalised) return true;
        const std::string_view s = m_text.substr(w.begin, w.end - w.begin);
        if (const auto dash = s.find('-'); dash != std::string_view::npos && dash <= 3 && dash + 1 < s.size() &&
                                           (word_class(w.lower.substr(0, dash)) & c_particle))
            return s[dash + 1] >= 'A' && s[dash + 1] <= 'Z';
        const auto c = static_cast<unsigned char>(s[0]);
        if (s.starts_with("\u2018") && s.size() > 3) return s[3] >= 'A' && s[3] <= 'Z';
        // "Sa\u2019eed": the part after an apostrophe inside a capitalised name.
        if (i > 0 && m_words[i - 1].capitalised && glued_by_apostrophe(i)) return true;
        return c >= 0xC3 && c != 0xE2;  // a letter of another script; 0xE2 starts punctuation
    }

    // Word i follows word i - 1 across an apostrophe and nothing else ("Sa\u2019eed", "Ma'arrat").
    bool glued_by_apostrophe(std::size_t i) const {
        const std::size_t gap_begin = m_words[i - 1].end, gap_end = m_words[i].begin;
        const std::string_view gap = m_text.substr(gap_begin, gap_end - gap_begin);
        return gap == "\u2019" || gap == "'";
    }

    // A name introduced as a place: after a cue word, or after "the" and one adjective ("the strategic
    // Sheikh Sa'eed District", "the small village").
    bool cued(std::size_t a) const {
        if (a == 0) return false;
        if (is(a - 1, c_cue)) return true;
        return a >= 2 && m_words[a - 2].lower == "the" && !m_words[a - 1].capitalised && !m_words[a - 1].number &&
               !m_words[a - 1].boundary_before;
    }

    // The name that starts at word i: name words, joined by particles ("Khan al Sheikh"), in one
    // stretch of the sentence; {i, i} when none.
    std::pair<std::size_t, std::size_t> run_at(std::size_t i) const {
        if (i >= m_words.size() || !name_word(i)) return {i, i};
        std::size_t j = i + 1;
        while (j < m_words.size() && j - i < 6 && (!m_words[j].boundary_before || glued_by_apostrophe(j)) &&
               m_sentence[j] == m_sentence[i]) {
            if (name_word(j)) {
                ++j;
                continue;
            }
            if (is(j, c_particle) && j + 1 < m_words.size() && !m_words[j + 1].boundary_before &&
                name_word(j + 1)) {
                j += 2;
                continue;
            }
            break;
        }
        return {i, j};
    }

    // The name that ends just before word `end` (exclusive).
    std::size_t run_start_before(std::size_t end) const {
        std::size_t i = end;
        while (i > 0 && end - i < 6 && name_word(i - 1) &&
               (i == end || !m_words[i].boundary_before || glued_by_apostrophe(i)))
            --i;
        return i;
    }

    // A usable known place starts at word i.
    bool known_at(std::size_t i) const {
        return std::any_of(m_known.begin(), m_known.end(),
                           [&](const geoparse::Toponym& t) { return usable(t) && t.start_byte == m_words[i].begin; });
    }

    bool overlaps_known(std::size_t a, std::size_t b) const {
        const std::size_t begin = m_words[a].begin, end = m_words[b - 1].end;
        return std::any_of(m_known.begin(), m_known.end(),
                           [&](const geoparse::Toponym& t) { return t.start_byte < end && begin < t.end_byte; });
    }

    // The town the sentence names before word a ("in Lajedo (Pernambuco), ..."), past qualifiers; nullptr
    // when none.
    const geoparse::Toponym* town_before(std::size_t a) const {
        const std::size_t begin = m_words[a].begin;
        std::size_t first = a;
        while (first > 0 && m_sentence[first - 1] == m_sentence[a]) --first;
        const std::size_t s_begin = m_words[first].begin;
        const geoparse::Toponym* best = nullptr;
        for (const geoparse::Toponym& t : m_known) {
            if (!usable(t) || t.start_byte < s_begin || t.end_byte > begin || !t.feature_code.starts_with("PPL")) continue;
            bool qualifier = false;
            for (const geoparse::Toponym& q : m_known)
                if (&q != &t && usable(q) && q.end_byte <= t.start_byte && t.start_byte - q.end_byte <= 2) {
                    const std::string_view g = m_text.substr(q.end_byte, t.start_byte - q.end_byte);
                    qualifier = qualifier || g == " (" || g == ", " || g == "(";
                }
            if (!qualifier) best = &t;  // the nearest before wins (text order)
        }
        return best;
    }

    // The known place the name at words [a, b) lies in or by.
    const geoparse::Toponym* anchor(std::size_t a, std::size_t b) const {
        const std::size_t begin = m_words[a].begin, end = m_words[b - 1].end;
        const std::size_t sentence = m_sentence[a];
        std::size_t first = a, last = b - 1;
        while (first > 0 && m_sentence[first - 1] == sentence) --first;
        while (last + 1 < m_words.size() && m_sentence[last + 1] == sentence) ++last;
        const std::size_t s_begin = m_words[first].begin, s_end = m_words[last].end;
        const geoparse::Toponym* best = nullptr;
        std::size_t best_gap = SIZE_MAX;
        for (const geoparse::Toponym& t : m_known) {
            if (!usable(t) || t.start_byte < s_begin || t.end_byte > s_end) continue;
            std::size_t gap = 0;
            if (t.start_byte >= end) gap = t.start_byte - end;
            else if (t.end_byte <= begin) {
                gap = begin - t.end_byte;
                const std::string_view between = m_text.substr(t.end_byte, gap);
                // "Baghdad's Kamaliya neighbourhood": the owner is the anchor.
                if (between.starts_with("'s ") || between.starts_with("\u2019s ")) gap = 0;
                else gap += 40;  // a place before is an anchor only when none follows near
            } else continue;
            // A town holds a neighbourhood or a village better than the region or country around both.
            if (t.feature_code.starts_with("PCL") || t.feature_code == "ADM1") gap += 60;
            // Nor does a qualifier: "in Sao Carlos (Sao Paulo), ... in the Jardim Real neighbourhood".
            for (const geoparse::Toponym& q : m_known)
                if (&q != &t && usable(q) && q.end_byte <= t.start_byte && t.start_byte - q.end_byte <= 2) {
                    const std::string_view g = m_text.substr(q.end_byte, t.start_byte - q.end_byte);
                    if (g == " (" || g == ", " || g == "(") gap += 60;
                }
            if (gap < best_gap) best_gap = gap, best = &t;
        }
        return best;
    }

    std::string_view text_of(std::size_t a, std::size_t b) const {
        return m_text.substr(m_words[a].begin, m_words[b - 1].end - m_words[a].begin);
    }

private:
    std::string_view m_text;
    const std::vector<geoparse::Toponym>& m_known;
    WordList m_words;
    std::vector<std::uint32_t> m_sentence;
    std::vector<std::uint16_t> m_class;  // WordClass flags of each word
};

// Code-point offsets of an article, indexed only once a place is added (most articles add none).
class CodePoints {
public:
    explicit CodePoints(std::string_view text) : m_text(text) {}
    std::int64_t at(std::size_t byte) {
        if (!m_index) m_index.emplace(m_text);
        return m_index->cp(byte);
    }

private:
    std::string_view m_text;
    std::optional<text::CodePointIndex> m_index;
};

// The last word of a named facility that lies at the town its name starts with: "Deir Ezzor
// Airport", "the Maputo International Conference Center".
bool facility_name_end(std::string_view w) {
    return one_of(w, {"airport", "airbase", "base", "center", "centre", "hospital", "stadium", "square", "market",
                      "prison", "bridge", "port", "station", "camp", "checkpoint", "mosque", "church", "hotel",
                      "palace", "barracks", "compound", "complex", "hall", "building", "tower", "towers", "mall"});
}

// A town's name embedded in a facility's ("Deir Ezzor Airport") becomes the facility, placed at the
// town: the facility is where things happen, and it is no organisation.
void facilities_at_their_towns(std::string_view text, const Scanner& words, CodePoints& cps,
                               std::vector<geoparse::Toponym>& toponyms) {
    for (geoparse::Toponym& t : toponyms) {
        // A town, confidently resolved: not "Town Square", not a doubtful namesake.
        if (t.kind != geoparse::ToponymKind::embedded || !t.point.is_valid() || !t.feature_code.starts_with("PPL") ||
            t.confidence < 0.7)
            continue;
        const std::size_t k = words.first_word_from(t.end_byte);
        std::size_t last = SIZE_MAX;
        for (std::size_t j = k; j < words.size() && j < k + 4 && words[j].capitalised &&
                                (j == k ? words[j].begin - t.end_byte <= 1 : !words[j].boundary_before);
             ++j)
            if (facility_name_end(words[j].lower)) last = j;
        if (last == SIZE_MAX) continue;
        const std::string town = t.name.empty() ? t.text : t.name;
        t.end_byte = words[last].end;
        t.end_cp = cps.at(t.end_byte);
        t.text = std::string(text.substr(t.start_byte, t.end_byte - t.start_byte));
        t.name = t.text;
        t.kind = geoparse::ToponymKind::literal;
        t.derived = true;
        t.unlisted = true;
        t.anchor = town;
        t.geonameid = 0;
    }
}

// Makes `t` (its text set) an unlisted place at `anchor`: its own name as written, the anchor's point,
// country, admin1 and feature code, no geonameid.
void place_at_anchor(geoparse::Toponym& t, const geoparse::Toponym& anchor) {
    t.name = t.text;
    t.country = anchor.country;
    t.admin1 = anchor.admin1;
    t.feature_code = anchor.feature_code;
    t.point = anchor.point;
    t.geonameid = 0;
    t.derived = true;
    t.unlisted = true;
    t.anchor = anchor.name.empty() ? anchor.text : anchor.name;
}

// A part of a town the text names ("the Bom Jesus neighbourhood"), which the geoparser resolved to a
// namesake far from the town the sentence puts it in ("in Lajedo (Pernambuco), ... in the Bom Jesus
// neighbourhood"): the namesake is wrong, the part lies in that town. Relocated to its anchor, as an
// unlisted place.
void parts_of_towns_at_their_towns(const Scanner& s, std::vector<geoparse::Toponym>& toponyms) {
    for (geoparse::Toponym& t : toponyms) {
        if (!usable(t) || t.derived) continue;
        const std::size_t k = s.first_word_from(t.end_byte);
        if (k >= s.size() || s[k].capitalised || s[k].boundary_before || s[k].begin - t.end_byte != 1 ||
            !one_of(s[k].lower, {"neighborhood", "neighbourhood", "neighborhoods", "neighbourhoods", "area", "quarter",
                                 "suburb", "sector", "camp", "ward", "commune", "locality", "village", "vereda",
                                 "corregimiento", "barrio", "colonia", "comuna", "district"}))
            continue;
        std::size_t a = k;
        while (a > 0 && s[a - 1].end > t.start_byte) --a;
        const geoparse::Toponym* anchor = s.town_before(a);
        // A district is a town's only when the sentence named the town first ("in Araruama (Rio de
        // Janeiro), ... in the Morro Grande district"); "Haradh district (Hajjah)" is the district itself.
        if (!anchor && s[k].lower != "district") anchor = s.anchor(a, k);
        if (!anchor || geo::distance_km(anchor->point, t.point) <= 25.0) continue;
        place_at_anchor(t, *anchor);
    }
}

}  // namespace

void add_unlisted_places(std::string_view text, std::vector<geoparse::Toponym>& toponyms) {
    CodePoints cps(text);
    // One scan of the words serves every pass (it reads the places only when asked, after they change).
    const Scanner s(text, toponyms);
    facilities_at_their_towns(text, s, cps, toponyms);
    parts_of_towns_at_their_towns(s, toponyms);
    std::vector<std::pair<std::size_t, std::size_t>> runs;
    auto add = [&](std::pair<std::size_t, std::size_t> r) {
        if (r.first >= r.second || s.overlaps_known(r.first, r.second)) return;
        if (std::find(runs.begin(), runs.end(), r) == runs.end()) runs.push_back(r);
    };
    for (std::size_t i = 0; i < s.size(); ++i) {
        // "the village of X", "the villages of X, Y and Z"
        if (s[i].lower == "of" && i >= 1 && s.is(i - 1, c_before_of) && i + 1 < s.size() &&
            !s[i + 1].boundary_before) {
            std::size_t k = i + 1;
            for (int names = 0; names < 8 && k < s.size(); ++names) {
                const auto r = s.run_at(k);
                if (r.first == r.second) break;
                add(r);
                k = r.second;
                if (k < s.size() && s[k].lower == "and" && !s[k].boundary_before) ++k;
                else if (!(k < s.size() && s[k].boundary == ',')) break;
            }
        }
        // "in the Karimiya district", "Baghdad's Kamaliya neighbourhood", "the Hamidiyeh and Bab Qubli
        // neighbourhoods"
        if (s.is(i, c_after) && !s[i].capitalised && i >= 1 && !s[i].boundary_before) {
            std::vector<std::pair<std::size_t, std::size_t>> chain;
            std::size_t end = i;
            while (chain.size() < 4) {
                const std::size_t a = s.run_start_before(end);
                if (a == end) break;
                chain.push_back({a, end});
                if (a >= 2 && s[a - 1].lower == "and") end = a - 1;
                else if (a >= 1 && s[a].boundary == ',') end = a;
                else break;
            }
            if (!chain.empty() && s.cued(chain.back().first) && !s[chain.back().first].boundary_before)
                for (const auto& r : chain) add(r);
        }
        // "at the Al-Rahma Checkpoint", "near the Heart Hospital"
        if (s[i].capitalised && s.is(i, c_facility) && i >= 2) {
            const std::size_t a = s.run_start_before(i + 1);
            if (a < i && s.cued(a)) add({a, i + 1});
        }
        // "invaded Gidan Sule, a small village near Kadarko": a name, then what it is.
        if (s[i].lower == "a" || s[i].lower == "an") {
            if (i >= 1 && s[i].boundary == ',') {
                std::size_t k = i + 1;
                while (k < s.size() && k <= i + 3 && !s[k].capitalised && !s.is(k, c_before_of) &&
                       !s.is(k, c_after) && !s[k].boundary_before)
                    ++k;
                if (k < s.size() && !s[k].boundary_before && s.is(k, c_apposition)) {
                    const std::size_t a = s.run_start_before(i);
                    if (a < i) add({a, i});
                }
            }
        }
        // "marched to Khrew in southern Pulwama district", "in Suwayrah, some 50 km south of Baghdad": a
        // name after a preposition, put in a known place or at a distance from one.
        if (s.is(i, c_preposition) && i + 1 < s.size() && !s[i + 1].boundary_before) {
            const auto r = s.run_at(i + 1);
            if (r.first < r.second && r.second < s.size()) {
                const std::size_t k = r.second;
                bool put = false;
                if (s[k].lower == "in" && !s[k].boundary_before && k + 1 < s.size()) {
                    std::size_t j = k + 1;
                    while (j < s.size() && j <= k + 2 && s.is(j, c_in_skip)) ++j;  // "in southern", "in the"
                    put = j < s.size() && s.known_at(j);
                } else if (s[k].boundary == ',') {
                    std::size_t j = k;
                    if (s.is(j, c_approx)) ++j;
                    put = j + 1 < s.size() && s[j].number && s.is(j + 1, c_unit);
                }
                if (put) add(r);
            }
        }
    }
    if (runs.empty()) return;
    std::vector<geoparse::Toponym> found;
    for (const auto& [a, b] : runs) {
        const geoparse::Toponym* anchor = s.anchor(a, b);
        if (!anchor) continue;
        geoparse::Toponym t;
        t.start_byte = s[a].begin;
        t.end_byte = s[b - 1].end;
        // "Ma\u2019ardes": an apostrophe inside a name (not a possessive "'s") does not end it.
        for (std::string_view q : {"\u2019", "'"})
            if (text.substr(t.end_byte).starts_with(q) && t.end_byte + q.size() < text.size() &&
                text[t.end_byte + q.size()] >= 'a' && text[t.end_byte + q.size()] <= 'z' &&
                !(text[t.end_byte + q.size()] == 's' &&
                  (t.end_byte + q.size() + 1 >= text.size() || text[t.end_byte + q.size() + 1] == ' '))) {
                t.end_byte += q.size();
                while (t.end_byte < text.size() && ((text[t.end_byte] >= 'a' && text[t.end_byte] <= 'z') ||
                                                    (text[t.end_byte] >= 'A' && text[t.end_byte] <= 'Z')))
                    ++t.end_byte;
            }
        t.start_cp = cps.at(t.start_byte);
        t.end_cp = cps.at(t.end_byte);
        t.text = std::string(text.substr(t.start_byte, t.end_byte - t.start_byte));
        t.kind = geoparse::ToponymKind::literal;
        t.confidence = 0.5;
        place_at_anchor(t, *anchor);
        found.push_back(std::move(t));
    }
    toponyms.insert(toponyms.end(), found.begin(), found.end());
    std::stable_sort(toponyms.begin(), toponyms.end(),
                     [](const geoparse::Toponym& x, const geoparse::Toponym& y) { return x.start_byte < y.start_byte; });
}

}  // namespace eventmap::events
