#include "eventmap/geoparse/geoparser.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstring>
#include <forward_list>
#include <stdexcept>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include <xxhash.h>

#include "eventmap/core/paths.h"
#include "eventmap/gazetteer/normalize.h"
#include "eventmap/geo/geodesic.h"
#include "eventmap/geoparse/detail/scan.h"

namespace eventmap::geoparse {

namespace {

using detail::Word;
using gazetteer::Candidate;
using gazetteer::Place;
using gazetteer::PlaceKind;

// A fixed set of short words: a bit per (length, first byte) rules most words out, the few
// members of that length are compared one by one, as integers for words of up to 8 bytes. No
// hashing and no memcmp calls: these sets are asked about most words of a run.
class SmallWordSet {
public:
    SmallWordSet(std::initializer_list<std::string_view> words) {
        for (std::string_view w : words)
            if (w.empty() || w.size() >= 32) throw std::logic_error("SmallWordSet: words of 1 to 31 bytes");
            else {
                m_first[w.size()] |= bit(w[0]);
                if (w.size() <= 8) m_packed[w.size()].push_back(pack(w));
                else m_by_size[w.size()].push_back(w);
            }
    }
    bool contains(std::string_view w) const {
        if (w.empty() || w.size() >= 32 || !(m_first[w.size()] & bit(w[0]))) return false;
        if (w.size() <= 8) {
            const std::uint64_t x = pack(w);
            for (std::uint64_t y : m_packed[w.size()])
                if (x == y) return true;
            return false;
        }
        for (std::string_view x : m_by_size[w.size()])
            if (std::memcmp(x.data(), w.data(), w.size()) == 0) return true;
        return false;
    }

private:
    static std::uint64_t bit(char c) { return std::uint64_t{1} << (static_cast<unsigned char>(c) & 63); }
    // The bytes of a word of 1 to 8 bytes as an integer, one-to-one for words of one length:
    // two 4-byte loads that cover it (overlapping below 8 bytes), or its first, middle and last
    // byte below 4.
    static std::uint64_t pack(std::string_view w) {
        const std::size_t n = w.size();
        if (n >= 4) {
            std::uint32_t lo, hi;
            std::memcpy(&lo, w.data(), 4);
            std::memcpy(&hi, w.data() + n - 4, 4);
            return lo | std::uint64_t{hi} << 32;
        }
        const auto b = [&](std::size_t k) { return std::uint64_t{static_cast<unsigned char>(w[k])}; };
        return b(0) | b(n / 2) << 8 | b(n - 1) << 16;
    }
    std::vector<std::uint64_t> m_packed[9];        // words of 1 to 8 bytes, by length
    std::vector<std::string_view> m_by_size[32];  // longer words, by length
    std::uint64_t m_first[32] = {};
};

constexpr std::size_t kMaxWordsPerName = 7;
constexpr std::size_t kMaxCandidates = 60;

bool is_connector(std::string_view w) {
    if (w.size() > 5) return false;  // the longest is "della"
    static const SmallWordSet connectors = {
        "of", "de", "del", "della", "da", "do", "dos", "das", "la", "le", "les", "the", "and", "upon", "on",
        "al", "el", "y", "di", "du", "van", "von", "der", "den", "am", "im", "sur", "en", "des", "an", "bin", "ibn"};
    return connectors.contains(w);
}

// Lower-case particles inside persons' names ("Mike de Kock", "Ludwig van Beethoven").
bool is_surname_particle(std::string_view lw) {
    return lw == "de" || lw == "van" || lw == "von" || lw == "der" || lw == "den" || lw == "da" || lw == "di" ||
           lw == "du" || lw == "le" || lw == "la" || lw == "dos" || lw == "bin" || lw == "ibn";
}

// Verbs of an inverted attribution ("..., said Keith."), which a speaker's name follows.
bool is_attribution_verb(std::string_view lw) {
    return lw == "said" || lw == "says" || lw == "added" || lw == "explained" || lw == "recalled" || lw == "asked" ||
           lw == "noted" || lw == "wrote" || lw == "continued" || lw == "replied";
}

// "Republic of X", "Kingdom of X": the head of a country's official form.
bool is_state_form(std::string_view w) { return w == "Republic" || w == "Kingdom"; }

// Words before "Republic" in official forms ("Democratic People's Republic", "Islamic Republic").
bool is_state_form_qualifier(std::string_view w) {
    static const SmallWordSet words = {
        "Democratic", "People's", "People\u2019s", "Islamic", "Federal", "Federative", "Socialist",
        "Arab", "Bolivarian", "Plurinational", "Hashemite", "Cooperative", "Oriental"};
    return words.contains(w);
}

// The first word of an official form whose head word ("Republic") is words[head]: back over the
// qualifiers before it, "People's" included (the scanner splits its possessive off).
std::size_t official_form_start(std::string_view text, const std::vector<Word>& words, std::size_t head) {
    std::size_t k = head;
    while (k > 0) {
        const Word& prev = words[k - 1];
        if (prev.is_word && is_state_form_qualifier(text.substr(prev.start, prev.end - prev.start))) { --k; continue; }
        bool possessive = false;
        for (std::string_view form : {std::string_view("People's "), std::string_view("People\u2019s ")}) {
            const std::size_t s = words[k].start;
            if (s >= form.size() && text.substr(s - form.size(), form.size()) == form) {
                while (k > 0 && words[k - 1].start >= s - form.size()) --k;
                possessive = true;
                break;
            }
        }
        if (!possessive) break;
    }
    return k;
}

// The lower-case part of "Kyiv-based", "Gainesville-area", "Iran-backed", "Russia-occupied".
bool is_place_suffix(std::string_view suffix) {
    static const SmallWordSet suffixes = {
        "based", "area", "born", "backed", "led", "occupied", "controlled", "held", "run", "bound", "owned",
        "headquartered", "registered", "flagged", "made", "area's", "region", "wide", "allied", "aligned",
        "bred", "raised", "listed", "linked", "supported", "funded", "sponsored", "annexed", "administered"};
    return suffixes.contains(suffix);
}

// Single words that name first-level regions somewhere (Cameroon's Centre, South and East) but in
// a longer name are only its part.
bool is_generic_region_word(std::string_view lw) {
    static const SmallWordSet words = {
        "north", "south", "east", "west", "centre", "center", "central", "northern", "southern", "eastern",
        "western", "littoral", "coast", "capital", "north-west", "south-west", "north-east", "south-east",
        "northwest", "southwest", "northeast", "southeast"};
    return words.contains(lw);
}

// Words that qualify a place name without making it a person's ("northern" is lower-case and never in a run).
bool is_place_qualifier(std::string_view w) {
    static const SmallWordSet q = {
        "North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Central", "Upper",
        "Lower", "Greater", "Northeast", "Northwest", "Southeast", "Southwest", "Northeastern", "Northwestern",
        "Southeastern", "Southwestern", "Mid", "Inner", "Outer", "Old", "Downtown", "Occupied", "Coastal"};
    return q.contains(w);
}

// Nouns after a town's name that name a part or the surroundings of the town itself ("the Idlib
// countryside", "the Rafah area"), not something the town's name only labels.
bool is_area_of_place(std::string_view lw) {
    static const SmallWordSet words = {
        "countryside", "area", "areas", "region", "border", "outskirts", "suburbs", "environs", "front",
        "frontline", "district", "districts", "city", "town", "province", "governorate", "valley", "plain",
        "plains", "coast", "hills", "desert", "port", "harbour", "harbor", "airport", "pocket", "enclave", "strip",
        "refugee", "camp"};
    // Not "neighbourhood": "the Lagoa neighbourhood" of a Brazilian city is no town named Lagoa.
    return words.contains(lw);
}

bool is_admin_word(std::string_view lw) {
    static const SmallWordSet w = {"region", "oblast", "province", "district", "governorate",
                                                           "state", "county", "prefecture", "krai", "raion",
                                                           "municipality", "department", "parish", "territory",
                                                           "lga", "township", "upazila", "tehsil", "woreda", "rayon"};
    return w.contains(lw);
}

bool is_month_like(std::string_view w) { return w == "March" || w == "May" || w == "MARCH" || w == "MAY"; }

// A weekday or month after a name ("in Nablus Saturday", AP style) dates the sentence; it is no part of the name.
bool is_date_word(std::string_view lw) {
    static const SmallWordSet d = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                                   "january", "february", "march", "april", "june", "july", "august",
                                   "september", "october", "november", "december"};
    return d.contains(lw);
}

bool is_date_preposition(std::string_view lw) {
    static const SmallWordSet p = {"in", "since", "until", "till", "by", "early", "late",
                                                           "mid", "last", "next", "this", "of", "from", "through",
                                                           "throughout", "before", "after", "during", "on"};
    return p.contains(lw);
}

bool is_demonym_noun_follower(std::string_view lw) {
    static const SmallWordSet f = {"who", "whom", "and", "or", "are", "were", "have", "had",
                                                           "has", "say", "said", "is", "was", "will", "would",
                                                           "say", "living", "live", "in", "at", "of", "from"};
    return f.contains(lw);
}

// Direction words to azimuths (degrees clockwise from north).
double direction_azimuth(std::string_view lw) {
    static const std::unordered_map<std::string_view, double> d = {
        {"north", 0},          {"northeast", 45},  {"north-east", 45}, {"east", 90},        {"southeast", 135},
        {"south-east", 135},   {"south", 180},     {"southwest", 225}, {"south-west", 225}, {"west", 270},
        {"northwest", 315},    {"north-west", 315}, {"north-northeast", 22.5}, {"east-northeast", 67.5},
        {"east-southeast", 112.5}, {"south-southeast", 157.5}, {"south-southwest", 202.5},
        {"west-southwest", 247.5}, {"west-northwest", 292.5}, {"north-northwest", 337.5}};
    auto it = d.find(lw);
    return it == d.end() ? -1.0 : it->second;
}

double unit_metres(std::string_view lw) {
    if (lw == "km" || lw == "kms" || lw == "kilometres" || lw == "kilometers" || lw == "kilometre" || lw == "kilometer")
        return 1000.0;
    if (lw == "miles" || lw == "mile" || lw == "mi") return 1609.344;
    if (lw == "m" || lw == "metres" || lw == "meters") return 1.0;
    return 0.0;
}

// Equirectangular distance: good to a few percent below 1,000 km, which is all the scoring
// thresholds ask, and ~50x cheaper than a geodesic in this inner loop.
double approx_km(const geo::LatLon& a, const geo::LatLon& b) {
    constexpr double kDeg = 3.14159265358979323846 / 180.0;
    double dlon = std::fabs(a.lon_deg - b.lon_deg);
    if (dlon > 180) dlon = 360 - dlon;
    double x = dlon * kDeg * std::cos((a.lat_deg + b.lat_deg) * 0.5 * kDeg);
    double y = (a.lat_deg - b.lat_deg) * kDeg;
    return 6371.0 * std::sqrt(x * x + y * y);
}

// A lower bound of cos(latitude) over [0, lat_deg] degrees from the equator (0 near or past the
// pole), without calling cos (nor ceil, a call on baseline x86-64): the cosine of the whole
// degree above lat_deg, from a table.
double cos_floor(double lat_deg) {
    static const auto table = [] {
        std::array<double, 91> t{};
        for (int d = 0; d <= 90; ++d) t[d] = std::cos(d * (3.14159265358979323846 / 180.0));
        t[90] = 0.0;
        return t;
    }();
    if (!(lat_deg < 89.0)) return 0.0;  // NaN too
    return table[static_cast<std::size_t>(std::max(lat_deg, 0.0)) + 1];
}

struct Mention {
    std::size_t wa = 0, wb = 0;        // word range [wa, wb)
    std::size_t run_start = 0, run_end = 0;
    std::size_t start = 0, end = 0;    // bytes
    std::string_view key;              // normalised name (in parse()'s key buffers, or the lexicon)
    std::span<const Candidate> cands;
    ToponymKind kind = ToponymKind::literal;
    bool noun_demonym = false;
    const MetonymTarget* metonym = nullptr;
    std::uint32_t fixed_place = UINT32_MAX;  // resolved by its form ("La." after a town)
    bool drop = false;
    bool after_the = false;            // "the Atlantic", "the eastern Pacific": a sea's way of being named
    // resolution
    std::uint32_t chosen = UINT32_MAX;
    double best = 0, second = 0;
    std::uint32_t runner_up = UINT32_MAX;
    bool chosen_alternate = false;     // the chosen place has the name only as an alternate
    std::string_view qualifier_country;  // from "X, Country" (in the index)
    std::vector<std::string> qualifier_admin1;  // admin1 codes from "X, Region" (every region of that name)
    std::vector<std::string_view> qualifier_countries_any;
    const Mention* qualifier = nullptr;  // the name of "X, Region" / "X town in Region" after X
    bool facility_in = false;            // "X police station in Y": Y is a town that holds X's namesake
};

// score_candidate reads these fields of a mention, and nothing else of it: two mentions of a
// name that agree on them get the same scores (resolve() computes them once). A scoring term
// that reads another field of Mention must be compared here too.
bool same_scoring_inputs(const Mention& a, const Mention& b) {
    return a.key == b.key && a.cands.data() == b.cands.data() && a.cands.size() == b.cands.size() &&
           a.qualifier_country == b.qualifier_country && a.qualifier_admin1 == b.qualifier_admin1 &&
           a.qualifier_countries_any == b.qualifier_countries_any && a.after_the == b.after_the;
}

// The spatial score takes the nearest anchor, so repeated (name, point) anchors change nothing.
void dedupe_anchors(std::vector<std::pair<std::string_view, geo::LatLon>>& anchors) {
    // Bit patterns order every double (NaN too); equal bits are the same point.
    auto key = [](const std::pair<std::string_view, geo::LatLon>& a) {
        return std::make_tuple(a.first, std::bit_cast<std::uint64_t>(a.second.lat_deg),
                               std::bit_cast<std::uint64_t>(a.second.lon_deg));
    };
    std::sort(anchors.begin(), anchors.end(), [&](const auto& x, const auto& y) { return key(x) < key(y); });
    anchors.erase(std::unique(anchors.begin(), anchors.end(), [&](const auto& x, const auto& y) { return key(x) == key(y); }),
                  anchors.end());
}

// Code points in UTF-8 bytes: the bytes that are not continuation bytes (10xxxxxx), eight at a time.
std::int64_t count_code_points(std::string_view bytes) {
    std::int64_t count = 0;
    std::size_t i = 0;
    for (; i + 8 <= bytes.size(); i += 8) {
        std::uint64_t x;
        std::memcpy(&x, bytes.data() + i, sizeof x);
        if ((x & 0x8080808080808080ull) == 0) { count += 8; continue; }  // eight ASCII bytes, as in most news text
        const std::uint64_t continuation = x & ~(x << 1) & 0x8080808080808080ull;  // bit 7 set, bit 6 clear
        // One 0/1 a byte; the multiply sums the eight bytes into the top one (std::popcount is a
        // library call on the baseline x86-64 this builds for).
        count += 8 - static_cast<std::int64_t>(((continuation >> 7) * 0x0101010101010101ull) >> 56);
    }
    for (; i < bytes.size(); ++i)
        if ((static_cast<unsigned char>(bytes[i]) & 0xC0) != 0x80) ++count;
    return count;
}

// A run of capitalised words: the word range [i, j).
struct Run {
    std::size_t i, j;
};

// A phrase [a, b) of a run the lookups may ask about: a metonym, or its normalised key.
struct Phrase {
    std::uint32_t a = 0, b = 0;
    const MetonymTarget* metonym = nullptr;
    std::uint32_t key_begin = 0, key_size = 0;  // in parse()'s key buffer
    std::uint64_t hash = 0;
    std::uint32_t first = UINT32_MAX;  // an earlier phrase of the same text, whose results this one shares
    std::uint32_t lookup = 0;  // its place in parse()'s list of lookups (for a phrase not in it: the next one's)
    bool absent = false;     // the key filter rules the key out (asked at prefetch stage 1)
    bool looked_up = false;  // `cands` holds the index's answer
    std::span<const Candidate> cands;
};

// The phrases seen so far in an article, by their text: open addressing over phrase indices.
class PhraseTable {
public:
    // Empties the table, with room for `phrases` phrases at a load of at most one half.
    void reset(std::size_t phrases) {
        std::size_t size = 64;
        while (size < 2 * phrases) size *= 2;
        m_slots.assign(size, Slot{});
    }
    // The index of the earlier phrase whose text is `text` (hash `h`), or UINT32_MAX after
    // recording `index` as the first of that text. `text_of` gives an earlier phrase's text.
    template <class TextOf>
    std::uint32_t first_or_add(std::string_view text, std::uint64_t h, std::uint32_t index, TextOf&& text_of) {
        const std::size_t mask = m_slots.size() - 1;
        const auto tag = static_cast<std::uint32_t>(h >> 32);
        for (std::size_t i = h & mask;; i = (i + 1) & mask) {
            Slot& s = m_slots[i];
            if (s.index_plus_1 == 0) {
                s = {index + 1, tag};
                return UINT32_MAX;
            }
            if (s.tag == tag && text_of(s.index_plus_1 - 1) == text) return s.index_plus_1 - 1;
        }
    }

private:
    struct Slot {
        std::uint32_t index_plus_1 = 0;  // 0: empty
        std::uint32_t tag = 0;           // the hash's top half: most other texts differ here
    };
    std::vector<Slot> m_slots;
};

// Country codes (ISO2, "" for none) compared inline: the rules and the scores compare them
// for every candidate, and std::string_view's == calls memcmp.
bool same_country(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    if (a.size() > 2) return a == b;
    return a.empty() || (a[0] == b[0] && (a.size() == 1 || a[1] == b[1]));
}

bool strong_place(const Place& p) {
    return p.kind == PlaceKind::country || p.kind == PlaceKind::admin1 || p.kind == PlaceKind::demonym ||
           p.feature_code == "PPLC" || p.population >= 500000 ||
           (p.kind == PlaceKind::feature && p.feature_class != 'P');
}

}  // namespace

Geoparser::Geoparser(const gazetteer::Gazetteer& gazetteer, GeoparseOptions options)
    : m_gaz(gazetteer), m_options(std::move(options)) {
    if (m_options.lexicon.empty()) m_options.lexicon = data_dir() / "geoparse_lexicon.tsv";
    if (m_options.word_list.empty()) m_options.word_list = "/usr/share/dict/american-english";
    if (m_options.given_names.empty()) m_options.given_names = data_dir() / "given_names.txt";
    m_lex = Lexicon::load(m_options.lexicon, m_options.word_list, m_options.given_names);
    m_gaz.prepare_lookups();
}

DocumentContext Geoparser::context_for(const ingest::Article& article, const text::ArticleStructure& structure) const {
    DocumentContext ctx;
    for (const auto& z : structure.zones)
        if (z.kind == text::ZoneKind::byline || z.kind == text::ZoneKind::credit || z.kind == text::ZoneKind::boilerplate)
            ctx.excluded.push_back(z.span);
    if (structure.dateline) {
        ctx.dateline = structure.dateline->place_spans;
        // The dateline's last place that is a country ("..., Ukraine, March 17") hints the article's country.
        for (auto it = ctx.dateline.rbegin(); it != ctx.dateline.rend() && ctx.country_hint.empty(); ++it) {
            auto cands = m_gaz.candidates(gazetteer::normalize_name(it->of(article.text)));
            if (!cands.empty()) {
                Place p = m_gaz.place(cands[0].place);
                if (p.kind == PlaceKind::country) ctx.country_hint = std::string(p.country);
            }
        }
    }
    return ctx;
}

std::vector<Toponym> Geoparser::parse(std::string_view text, const DocumentContext& context) const {
    // Per-thread buffers, reused from article to article (their size follows the largest article).
    struct Buffers {
        std::vector<Word> words;
        std::string lowered;
        std::vector<int> mention_of_word;
        std::vector<std::int8_t> bounds;
        std::vector<Run> runs;
        std::vector<Phrase> phrases;
        std::vector<std::uint32_t> lookups;  // the phrases the index is asked about
        PhraseTable phrase_table;
        std::string keys;
        std::vector<Mention> mentions;
        std::vector<Mention*> live, by_name;
        std::vector<Place> name_places;  // the candidates of every name, name after name
        std::vector<double> name_base;
        std::vector<char> name_final;
    };
    thread_local Buffers buffers;
    detail::scan_words(text, buffers.words);
    const std::vector<Word>& words = buffers.words;
    const std::size_t n = words.size();
    auto wtext = [&](std::size_t i) { return text.substr(words[i].start, words[i].end - words[i].start); };
    auto span_text = [&](std::size_t a, std::size_t b) {
        return text.substr(words[a].start, words[b - 1].end - words[a].start);
    };
    auto in_spans = [](const std::vector<text::Span>& spans, std::size_t pos) {
        for (const auto& s : spans)
            if (pos >= s.begin && pos < s.end) return true;
        return false;
    };
    // "eThekwini", "uMgungundlovu", "iLembe": Nguni names keep a lower-case prefix letter.
    // So do Arabic names after their article: "Deir ez-Zor", "Ras al-Ain", "Tell as-Sultan".
    auto is_prefixed_name = [&](const Word& w) {
        if (w.end - w.start >= 5 && text[w.start] >= 'a' && text[w.start] <= 'z' && text[w.start + 1] >= 'A' &&
            text[w.start + 1] <= 'Z' && text[w.start + 2] >= 'a' && text[w.start + 2] <= 'z')
            return true;
        for (std::size_t k = 2; k <= 3 && w.start + k + 2 < w.end; ++k) {
            if (text[w.start + k] != '-') continue;
            const std::string_view article(text.data() + w.start, k);
            return (article == "al" || article == "el" || article == "ez" || article == "az" || article == "as" ||
                    article == "es" || article == "ad" || article == "ed" || article == "ar" || article == "er" ||
                    article == "at" || article == "et" || article == "an" || article == "en" || article == "ash" ||
                    article == "esh" || article == "adh" || article == "ath") &&
                   text[w.start + k + 1] >= 'A' && text[w.start + k + 1] <= 'Z';
        }
        return false;
    };
    // Asked of every word: inlined (as a call it cost more than its test).
    auto is_cap_word = [&](std::size_t i) __attribute__((always_inline)) {
        const Word& w = words[i];
        return w.is_word && !w.has_digit && (w.capitalised || w.all_caps || is_prefixed_name(w));
    };
    // Words in lower case are views of one lower-cased copy of the text (no string per word).
    detail::ascii_lowered(text, buffers.lowered);
    const std::string& lowered = buffers.lowered;
    auto lower_word = [&](std::size_t i) {
        return std::string_view(lowered).substr(words[i].start, words[i].end - words[i].start);
    };

    // "the Atlantic", "the tropical Atlantic", "the eastern Pacific": "the", then at most two
    // lower-case words of direction or extent, then the name.
    auto follows_the = [&](std::size_t a) {
        static const SmallWordSet k_extent = {
            "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
            "northeastern", "northwestern", "southeastern", "southwestern", "tropical", "equatorial",
            "upper", "lower", "far", "wider", "whole", "entire", "open"};
        for (std::size_t back = 0; back <= 2 && a > back; ++back) {
            const Word& w = words[a - back - 1];
            if (!w.is_word || w.capitalised) return false;
            const std::string_view lw = lower_word(a - back - 1);
            if (lw == "the") return true;
            if (!k_extent.contains(lw)) return false;
        }
        return false;
    };

    // 1. Candidate names: longest gazetteer match inside each run of capitalised words.
    std::vector<Mention>& mentions = buffers.mentions;
    mentions.clear();
    std::vector<int>& mention_of_word = buffers.mention_of_word;
    mention_of_word.assign(n, -1);
    // 1a. The runs of capitalised words [i, j) (what the gazetteer knows does not change them).
    std::vector<Run>& runs = buffers.runs;
    runs.clear();
    for (std::size_t i = 0; i < n; ++i) {
        if (!is_cap_word(i)) continue;
        // A capitalised common word opening a sentence ("In", "After") is not a name.
        if (words[i].sentence_start && !words[i].all_caps && m_lex.is_common_word(lower_word(i))) continue;
        std::size_t j = i + 1;
        while (j < n) {
            if (is_cap_word(j)) { ++j; continue; }
            if (words[j].is_word && j + 1 < n && is_cap_word(j + 1) && is_connector(lower_word(j)) &&
                !words[j].capitalised) { j += 2; continue; }
            // "Michael J. Fox": a middle initial keeps the run going.
            if (words[j].punct == '.' && j + 1 < n && is_cap_word(j + 1) && words[j - 1].is_word &&
                words[j - 1].end - words[j - 1].start == 1 && words[j - 1].capitalised) { j += 2; continue; }
            // "St. Petersburg", "Ft. Worth"
            if (words[j].punct == '.' && j + 1 < n && is_cap_word(j + 1) && words[j - 1].is_word &&
                (wtext(j - 1) == "St" || wtext(j - 1) == "Ft" || wtext(j - 1) == "Mt")) { j += 2; continue; }
            break;
        }
        // "Donetsk region", "Kharkiv oblast": a lower-case administrative word may end the name.
        if (j < n && words[j].is_word && !words[j].capitalised && is_admin_word(lower_word(j))) ++j;
        runs.push_back({i, j});
        i = j - 1;
    }
    // A phrase [a, b) of a run can be a name when it starts and ends with a word that is not a
    // lower-case connector.
    std::vector<std::int8_t>& bounds = buffers.bounds;  // can_bound(k), worked out once
    bounds.assign(n, -1);
    auto can_bound = [&](std::size_t k) {
        if (bounds[k] < 0) bounds[k] = words[k].is_word && !(is_connector(lower_word(k)) && !words[k].capitalised);
        return bounds[k] != 0;
    };
    // 1b. Every phrase the lookups below may ask about, in the order they ask (by run, then a up,
    //     then b down): a metonym, or the normalised key and its hash. Articles repeat their
    //     names: only the first phrase of each text is normalised, hashed and looked up; a
    //     repeat shares its results (`first`).
    std::vector<Phrase>& phrases = buffers.phrases;
    phrases.clear();
    // The phrases the index is asked about: the first of each text that is no metonym and has a key.
    std::vector<std::uint32_t>& lookups = buffers.lookups;
    lookups.clear();
    PhraseTable& phrase_table = buffers.phrase_table;
    {
        std::size_t most = 0;  // phrases at most: a run of k words has fewer than k * kMaxWordsPerName
        for (const Run& r : runs) most += (r.j - r.i) * std::min(r.j - r.i, kMaxWordsPerName);
        phrase_table.reset(most);
    }
    auto phrase_text = [&](std::uint32_t k) { return span_text(phrases[k].a, phrases[k].b); };
    std::string& keys = buffers.keys;
    keys.clear();
    std::string key_buffer;
    std::forward_list<std::string> owned_keys;  // the Mention keys that are not in `keys`
    for (const Run& r : runs)
        for (std::size_t a = r.i; a < r.j; ++a) {
            if (!can_bound(a)) continue;
            for (std::size_t b = std::min(r.j, a + kMaxWordsPerName); b > a; --b) {
                if (!can_bound(b - 1)) continue;
                const std::string_view phrase = span_text(a, b);
                const auto index = static_cast<std::uint32_t>(phrases.size());
                Phrase ph;
                ph.a = static_cast<std::uint32_t>(a);
                ph.b = static_cast<std::uint32_t>(b);
                ph.first = phrase_table.first_or_add(phrase, XXH3_64bits(phrase.data(), phrase.size()), index, phrase_text);
                if (ph.first != UINT32_MAX) {
                    const Phrase& f = phrases[ph.first];
                    ph.metonym = f.metonym;
                    ph.key_begin = f.key_begin;
                    ph.key_size = f.key_size;
                    ph.hash = f.hash;
                } else if (!(ph.metonym = m_lex.metonym(phrase))) {
                    gazetteer::normalize_name_into(phrase, key_buffer);
                    ph.key_begin = static_cast<std::uint32_t>(keys.size());
                    ph.key_size = static_cast<std::uint32_t>(key_buffer.size());
                    ph.hash = gazetteer::Gazetteer::key_hash(key_buffer);
                    keys += key_buffer;
                }
                ph.lookup = static_cast<std::uint32_t>(lookups.size());
                if (ph.first == UINT32_MAX && !ph.metonym && ph.key_size != 0) lookups.push_back(index);
                phrases.push_back(ph);
            }
        }
    // 1c. The longest name inside each run, left to right. The lookups run ahead of themselves:
    //     stage s of the gazetteer's prefetch for the lookup (5 - s) * 16 lookups ahead, so the
    //     cache misses of several lookups overlap. The stages walk the list of lookups, so
    //     repeats and metonyms cost them nothing.
    constexpr std::size_t kPrefetchStep = 16;
    std::size_t staged[gazetteer::Gazetteer::prefetch_stages] = {};
    std::size_t prefetched_for = SIZE_MAX;  // the last `current`: repeats and metonyms ask for it again
    auto prefetch_upto = [&](std::size_t current) {  // current: a position in `lookups`
        if (current == prefetched_for) return;
        prefetched_for = current;
        for (int st = 0; st < gazetteer::Gazetteer::prefetch_stages; ++st) {
            const std::size_t upto = std::min(lookups.size(), current + 1 + (gazetteer::Gazetteer::prefetch_stages - st) * kPrefetchStep);
            for (std::size_t& k = staged[st]; k < upto; ++k) {
                Phrase& ph = phrases[lookups[k]];
                // Stage 0 loaded the filter's word: a key it rules out needs no later stage and no lookup.
                if (st == 1) {
                    if (!m_gaz.maybe_key(ph.hash)) ph.absent = true;
                    else m_gaz.prefetch(ph.hash, st);
                } else if (!ph.absent) {
                    m_gaz.prefetch(ph.hash, st);
                }
            }
        }
    };
    std::size_t cur = 0;  // phrases before it are behind the lookups
    for (const Run& r : runs) {
        const std::size_t i = r.i, j = r.j;
        std::size_t a = i;
        while (a < j) {
            if (!can_bound(a)) { ++a; continue; }
            bool found = false;
            for (std::size_t b = std::min(j, a + kMaxWordsPerName); b > a; --b) {
                if (!can_bound(b - 1)) continue;
                while (cur < phrases.size() && (phrases[cur].a < a || (phrases[cur].a == a && phrases[cur].b > b))) ++cur;
                if (cur == phrases.size() || phrases[cur].a != a || phrases[cur].b != b)
                    throw std::logic_error("geoparser: phrase not listed");  // 1b lists every (a, b) asked here
                Phrase& ph = phrases[cur];
                prefetch_upto(ph.lookup);  // through this phrase's own lookup, or its first's
                // The phrase's candidates, and the Mention only for a name (most phrases are none).
                std::span<const Candidate> cands;
                std::string_view key;
                std::size_t end = words[b - 1].end;
                if (!ph.metonym) {
                    if (ph.key_size == 0) continue;
                    key = std::string_view(keys.data() + ph.key_begin, ph.key_size);
                    Phrase& f = ph.first != UINT32_MAX ? phrases[ph.first] : ph;  // who holds the answer
                    if (!f.absent) {
                        if (!f.looked_up) {
                            f.cands = m_gaz.candidates(key, ph.hash);
                            f.looked_up = true;
                        }
                        cands = f.cands;
                    }
                    // "Kyiv-based", "Gainesville-area", "Iran-backed": the name before a hyphen and a
                    // lower-case suffix of place.
                    if (cands.empty() && b == a + 1) {
                        const std::string_view phrase = span_text(a, b);
                        const std::size_t h = phrase.find('-');
                        if (h != std::string_view::npos && h > 0 && is_place_suffix(phrase.substr(h + 1))) {
                            gazetteer::normalize_name_into(phrase.substr(0, h), key_buffer);
                            if (!key_buffer.empty()) cands = m_gaz.candidates(key_buffer);
                            if (!cands.empty()) {
                                end = words[a].start + h;
                                key = owned_keys.emplace_front(key_buffer);
                            }
                        }
                    }
                    if (cands.empty()) continue;
                }
                Mention m;
                m.wa = a; m.wb = b; m.run_start = i; m.run_end = j;
                m.start = words[a].start; m.end = end;
                // "the Kremlin": the article before it is lower case and outside the run.
                if (const MetonymTarget* t = ph.metonym) {
                    m.metonym = t;
                    m.kind = ToponymKind::metonym;
                } else {
                    m.cands = cands;
                    m.key = key;
                    if (m.cands.size() > kMaxCandidates) m.cands = m.cands.first(kMaxCandidates);
                    // "the Republic of Armenia", "the Democratic People's Republic of Korea": a
                    // country's official form is one name for the country.
                    auto is_country = [&](std::span<const Candidate> cs) {
                        return !cs.empty() && m_gaz.place(cs[0].place).kind == PlaceKind::country;
                    };
                    std::size_t head = a;
                    if (a >= 2 && words[a - 1].is_word && lower_word(a - 1) == "of" && words[a - 2].is_word &&
                        is_state_form(wtext(a - 2)) && is_country(m.cands))
                        head = a - 2;
                    if (is_state_form(wtext(head))) {
                        std::size_t na = official_form_start(text, words, head);
                        if (na < head) {
                            std::string longer = gazetteer::normalize_name(span_text(na, b));
                            auto cs = m_gaz.candidates(longer);
                            if (is_country(cs)) {
                                m.key = owned_keys.emplace_front(std::move(longer));
                                m.cands = cs.size() > kMaxCandidates ? cs.first(kMaxCandidates) : cs;
                            } else if (head == a) {
                                na = head;  // "Republic of Korea" is a country; a longer form we cannot place is not
                            }
                        }
                        if (na < a) {
                            while (!mentions.empty() && mentions.back().wb > na) {
                                for (std::size_t k = mentions.back().wa; k < mentions.back().wb; ++k) mention_of_word[k] = -1;
                                mentions.pop_back();
                            }
                            m.wa = na;
                            m.run_start = std::min(m.run_start, na);
                            m.start = words[na].start;
                            for (std::size_t k = na; k < a; ++k) mention_of_word[k] = static_cast<int>(mentions.size());
                        }
                    }
                }
                m.after_the = b == j && follows_the(a);  // not "the Mississippi State team"
                for (std::size_t k = a; k < b; ++k) mention_of_word[k] = static_cast<int>(mentions.size());
                mentions.push_back(std::move(m));
                a = b;
                found = true;
                break;
            }
            if (!found) ++a;
        }
    }

    // US state abbreviations after a town, AP style: "Alexandria, La.", "Charleston, W.Va.".
    {
        std::vector<Mention> added;
        for (std::size_t mi = 0; mi < mentions.size(); ++mi) {
            Mention& m = mentions[mi];
            if (m.wb + 1 >= n || words[m.wb].punct != ',' || !words[m.wb + 1].is_word) continue;
            std::size_t begin = words[m.wb + 1].start;
            std::string_view rest = text.substr(begin, std::min<std::size_t>(8, text.size() - begin));
            for (std::size_t dot = rest.rfind('.'); dot != std::string_view::npos && dot > 0; dot = rest.rfind('.', dot - 1)) {
                std::string_view code = m_lex.state_abbreviation(rest.substr(0, dot + 1));
                if (code.empty()) continue;
                auto region = m_gaz.admin1(code.substr(0, 2), code.substr(3));
                if (!region) break;
                // "Washington, D.C.": the District's abbreviation is part of its city's name, one
                // toponym for the city (the District has no other town to qualify).
                if (code == "US.DC" && !m.metonym) {
                    std::uint32_t city = UINT32_MAX;
                    for (const auto& c : m.cands) {
                        const Place p = m_gaz.place(c.place);
                        if (p.country == "US" && p.admin1_code == "DC" && p.kind == PlaceKind::city) { city = c.place; break; }
                    }
                    if (city == UINT32_MAX) break;
                    m.fixed_place = city;
                    m.end = begin + dot + 1;
                    while (m.wb < n && words[m.wb].start < m.end) mention_of_word[m.wb++] = static_cast<int>(mi);
                    m.run_end = std::max(m.run_end, m.wb);
                    break;
                }
                Mention a;
                a.start = begin;
                a.end = begin + dot + 1;
                a.wa = m.wb + 1;
                a.wb = a.wa;
                while (a.wb < n && words[a.wb].start < a.end) ++a.wb;
                a.run_start = a.wa;
                a.run_end = a.wb;
                a.fixed_place = *region;
                a.key = code;
                added.push_back(std::move(a));
                break;
            }
        }
        if (!added.empty()) {
            for (const auto& a : added)
                std::erase_if(mentions, [&](const Mention& m) { return m.fixed_place == UINT32_MAX && m.start < a.end && a.start < m.end; });
            for (auto& a : added) mentions.push_back(std::move(a));
            std::sort(mentions.begin(), mentions.end(), [](const Mention& x, const Mention& y) { return x.start < y.start; });
            std::fill(mention_of_word.begin(), mention_of_word.end(), -1);
            for (std::size_t k = 0; k < mentions.size(); ++k)
                for (std::size_t w = mentions[k].wa; w < mentions[k].wb; ++w) mention_of_word[w] = static_cast<int>(k);
        }
    }

    // 2. Which of them are places, and how they are used.
    std::unordered_set<std::string_view> surnames;  // views of `lowered`
    auto prev_word = [&](std::size_t i) -> std::ptrdiff_t { return i == 0 ? -1 : static_cast<std::ptrdiff_t>(i - 1); };
    for (auto& m : mentions) {
        if (m.drop || m.fixed_place != UINT32_MAX) continue;
        std::string_view phrase = span_text(m.wa, m.wb);
        if (in_spans(context.excluded, m.start)) { m.drop = true; continue; }
        // "Niña" in "La Niña": the whole run may be a name that is never a place.
        if (m_lex.is_not_place(phrase) || (m.run_end - m.run_start > m.wb - m.wa &&
                                           m_lex.is_not_place(span_text(m.run_start, m.run_end)))) {
            m.drop = true;
            continue;
        }
        const bool in_dateline = in_spans(context.dateline, m.start);
        if (m_lex.is_title(phrase)) { m.drop = true; continue; }
        // Contractions the scanner keeps whole: "We're", "I've", "They’ll".
        if (m.wb - m.wa == 1) {
            std::size_t cut = std::string_view::npos;
            if (auto q = phrase.rfind('\''); q != std::string_view::npos) cut = q + 1;
            if (auto q = phrase.rfind("\u2019"); q != std::string_view::npos && (cut == std::string_view::npos || q + 3 > cut))
                cut = q + 3;
            if (cut != std::string_view::npos) {
                std::string_view tail = phrase.substr(cut);
                if (tail == "re" || tail == "ve" || tail == "ll" || tail == "d" || tail == "m" || tail == "t") {
                    m.drop = true;
                    continue;
                }
            }
        }
        // "Paris Hilton", "Austin Jones": a given name before another capitalised word is a person.
        if (!m.metonym && m.wb - m.wa == 1 && m.wb < m.run_end && words[m.wb].is_word && words[m.wb].capitalised &&
            !words[m.wa].all_caps && m_lex.is_given_name(phrase)) {
            m.drop = true;
            surnames.insert(lower_word(m.run_end - 1));
            for (auto& o : mentions)
                if (o.wa >= m.wb && o.wb <= m.run_end) o.drop = true;
            continue;
        }
        // Titles: "President Xi", "Gen. Gerasimov", "Prime Minister Li".
        bool titled = false;
        for (std::size_t back = 1; back <= 3 && back <= m.wa; ++back) {
            std::size_t s = m.wa - back;
            std::string_view t = text.substr(words[s].start, words[m.wa - 1].end - words[s].start);
            if (m_lex.is_title(t)) {
                titled = true;
                break;
            }
        }
        if (titled && !m.metonym) {
            m.drop = true;
            // Every word of the titled name: "President Park Geun-hye", "lawyer Wang Quanzhang" put
            // the family name first.
            for (std::size_t k = m.wa; k < m.run_end; ++k)
                if (words[k].is_word && words[k].capitalised) surnames.insert(lower_word(k));
            continue;
        }
        // "South Ingleside Avenue", "the Rogers Centre": a compass or generic word that names a
        // region somewhere is part of the longer name it stands in, not that region.
        if (!m.metonym && m.wb - m.wa == 1 && m.run_end - m.run_start > 1 && is_generic_region_word(lower_word(m.wa))) {
            m.drop = true;
            continue;
        }
        // A non-place capitalised word right before, in the same run: a person's surname ("Gareth Jones").
        if (m.wa > m.run_start && !m.metonym) {
            std::size_t p = m.wa - 1;
            // A name already found to be a person's ("Octavio Mendez Pereira": Mendez) is no place.
            bool prev_is_place = mention_of_word[p] >= 0 && !(mentions[static_cast<std::size_t>(mention_of_word[p])].drop &&
                                                              surnames.count(lower_word(p)));
            // All-caps words (datelines: "NEAR BAKHMUT", headlines) say nothing about persons.
            // "A Gainesville-area dealer": an article or common word opening the sentence is no given name.
            const bool opener = words[p].sentence_start &&
                                (words[p].end - words[p].start == 1 || m_lex.is_common_word(lower_word(p)));
            if (words[p].is_word && !prev_is_place && !words[p].all_caps && !in_dateline && !opener &&
                !is_place_qualifier(wtext(p)) && !is_connector(lower_word(p)) && !m_lex.is_org_word(wtext(p))) {
                m.drop = true;
                surnames.insert(lower_word(m.wb - 1));
                continue;
            }
        }
        // "Gino D. Bassett", "Mike de Kock": a middle initial, or a given name and a surname
        // particle, before the name make it a person's surname.
        if (m.wa >= m.run_start + 2 && !m.metonym && !in_dateline) {
            const std::size_t p = m.wa - 1, q = m.wa - 2;
            const std::string_view qw = wtext(q);
            const bool initial = words[p].punct == '.' && words[q].is_word && qw.size() == 1 && words[q].capitalised &&
                                 qw != "N" && qw != "S" && qw != "E" && qw != "W";
            const bool particle = words[p].is_word && !words[p].capitalised && is_surname_particle(lower_word(p)) &&
                                  words[q].is_word && m_lex.is_given_name(qw);
            if (initial || particle) {
                m.drop = true;
                // The person stands for the name in the whole article only when the name has not
                // been a place before ("Florence is a city ... named after A. B. Florence").
                const std::string_view lw = lower_word(m.wb - 1);
                bool place_before = false;
                for (const auto& o : mentions) {
                    if (&o == &m) break;
                    if (!o.drop && !o.metonym && o.wb > o.wa && lower_word(o.wb - 1) == lw) place_before = true;
                }
                if (!place_before) surnames.insert(lw);
                continue;
            }
        }
        const Place top = m.metonym ? Place{} : m_gaz.place_without_names(m.cands[0].place);  // the rules read no names
        // "..., said Keith." / "“...,” explained Keith, who": the speaker after an attribution verb,
        // with nothing after the name but punctuation, is a person (a small place does not speak).
        if (!m.metonym && m.wb - m.wa == 1 && m.wa >= 1 && words[m.wa - 1].is_word && !words[m.wa - 1].capitalised &&
            is_attribution_verb(lower_word(m.wa - 1)) && (m.wb >= n || !words[m.wb].is_word) && !strong_place(top)) {
            m.drop = true;
            surnames.insert(lower_word(m.wa));
            continue;
        }
        // Dates: "March 17", "in May", "May 2023"; the modal "may" at a sentence start.
        if (!m.metonym && is_month_like(phrase)) {
            std::ptrdiff_t pw = prev_word(m.wa);
            bool number_next = m.wb < n && words[m.wb].has_digit;
            bool number_before = pw >= 0 && words[pw].has_digit;
            bool date_prep = pw >= 0 && words[pw].is_word && is_date_preposition(lower_word(pw));
            bool modal = phrase == "May" && m.wb < n && words[m.wb].is_word && !words[m.wb].capitalised;
            bool qualified = m.wb + 1 < n && words[m.wb].punct == ',' && mention_of_word[m.wb + 1] >= 0;
            if (!qualified && (number_next || number_before || date_prep || modal || words[m.wa].sentence_start)) {
                m.drop = true;
                continue;
            }
        }
        // Very short names ("La", "Al", "IoT") are abbreviations or name parts unless they are a
        // country's or region's code-like name written in capitals ("US", "UK").
        if (!m.metonym && m.wb - m.wa == 1) {
            std::string_view w = wtext(m.wa);
            bool inner_capital = false;
            for (std::size_t k = 1; k < w.size(); ++k)
                if (std::isupper(static_cast<unsigned char>(w[k])) && std::islower(static_cast<unsigned char>(w[k - 1])))
                    inner_capital = true;
            const bool region_code = top.kind == PlaceKind::country || top.kind == PlaceKind::admin1 ||
                                     (top.kind == PlaceKind::feature && top.feature_class == 'L');  // "EU"
            if ((w.size() <= 2 && !(words[m.wa].all_caps && region_code)) ||
                (inner_capital && w.size() <= 4)) {
                m.drop = true;
                continue;
            }
        }
        // All-caps words outside the dateline: acronyms and photo credits, unless a strong place ("UKRAINE").
        if (!m.metonym && words[m.wa].all_caps && !in_dateline && !strong_place(top)) {
            // A dateline the structure did not mark: "CHARLESTON, W.Va. --", "KHERSON (Reuters) -".
            bool dateline_shape = words[m.wa].paragraph_start && m.wb < n &&
                                  (words[m.wb].punct == ',' || words[m.wb].punct == '-' || words[m.wb].punct == '(' ||
                                   words[m.wb].punct == '~');
            if (!dateline_shape) { m.drop = true; continue; }
        }
        // A capitalised word after the name in the same run: the name is part of another name.
        bool embedded = m.wb < m.run_end && words[m.wb].is_word && words[m.wb].capitalised && mention_of_word[m.wb] < 0 &&
                        !is_connector(lower_word(m.wb)) && !is_date_word(lower_word(m.wb));
        // "Ihiala LGA", "Kale Township", "Shwebo District": the division's word after the name
        // names the place itself, not an organisation.
        if (embedded && m.wb + 1 == m.run_end && is_admin_word(lower_word(m.wb))) embedded = false;
        // ("Kyiv and Kharkiv" stay two places; after the Arabic article, "Wadi al Hinnayah", the name goes on.)
        if (!embedded && m.wb + 1 < m.run_end && is_connector(lower_word(m.wb)) && mention_of_word[m.wb + 1] < 0)
            embedded = m.wa > m.run_start || m_lex.is_org_word(wtext(m.wb + 1)) || lower_word(m.wb) == "al" ||
                       lower_word(m.wb) == "el";
        // Two towns' names side by side with nothing between them are a person's ("Paris Hilton",
        // "Washington Irving"): places in a list have commas, places in a name form one key.
        if (!m.metonym && m.wb < m.run_end && mention_of_word[m.wb] >= 0 && top.kind == PlaceKind::city &&
            !m_lex.is_org_word(wtext(m.wb))) {
            Mention& next = mentions[static_cast<std::size_t>(mention_of_word[m.wb])];
            if (!next.metonym && next.fixed_place == UINT32_MAX && next.wa == m.wb &&
                m_gaz.place_without_names(next.cands[0].place).kind == PlaceKind::city) {
                m.drop = next.drop = true;
                surnames.insert(lower_word(next.wb - 1));
                continue;
            }
        }
        // "the Washington Post", "Mississippi State": an organisation word right after the name,
        // even one that is itself a place's name ("Post", Texas).
        if (m.wb < m.run_end && words[m.wb].is_word && m_lex.is_org_word(wtext(m.wb))) {
            embedded = true;
            if (mention_of_word[m.wb] >= 0) mentions[static_cast<std::size_t>(mention_of_word[m.wb])].drop = true;
        }
        if (embedded && !m.metonym) {
            // "David Smith", "Li Keqiang": a small place's name opening a run of names that no
            // organisation word follows is a given name.
            bool org_follows = false;
            for (std::size_t k = m.wb; k < m.run_end; ++k)
                if (m_lex.is_org_word(wtext(k)) || is_admin_word(lower_word(k))) org_follows = true;
            if (!org_follows && !strong_place(top) && top.kind != PlaceKind::demonym) {
                m.drop = true;
                surnames.insert(lower_word(m.run_end - 1));
                continue;
            }
            m.kind = ToponymKind::embedded;
        }
        const std::string_view next_lower = m.wb < n && words[m.wb].is_word ? lower_word(m.wb) : std::string_view();
        // "the Wagner group", "Telegram channel": an organisation named after a place.
        if (!m.metonym && !next_lower.empty() && !words[m.wb].capitalised && m_lex.is_org_follower(next_lower)) {
            if (!strong_place(top)) { m.drop = true; continue; }
            m.kind = ToponymKind::embedded;
        }
        // "the Wagner private army", "the Moscow government": a town name after "the" and before a
        // noun modifies that noun; a small town used so is an organisation's or person's name.
        // But "the Idlib countryside", "the Rafah area", "the Gaza border" are parts of the place itself.
        if (!m.metonym && m.wb - m.wa == 1 && m.wa > 0 && words[m.wa - 1].is_word && lower_word(m.wa - 1) == "the" &&
            top.kind == PlaceKind::city && !next_lower.empty() && !words[m.wb].capitalised &&
            !(top.population >= 10000 && is_area_of_place(next_lower))) {
            if (top.population < 100000) { m.drop = true; continue; }
            m.kind = ToponymKind::embedded;
        }
        // Common words that are also places ("Police", "Reading", "Split") need a cue word before them.
        if (!m.metonym && m.wb - m.wa == 1 && top.kind != PlaceKind::demonym && top.kind != PlaceKind::country) {
            std::string_view lw = lower_word(m.wa);
            bool common = m_lex.is_common_word(lw) || (words[m.wa].sentence_start && m_lex.is_dictionary_word(lw)) ||
                          (m_lex.is_dictionary_word(lw) && top.population < 1000000 && top.kind != PlaceKind::feature);
            if (common) {
                std::ptrdiff_t pw = prev_word(m.wa);
                bool cued = pw >= 0 && words[pw].is_word && m_lex.is_cue(lower_word(pw)) && !words[m.wa].sentence_start;
                // "Commissioner of Police", "Ministry of Justice": after a capitalised word and "of", a
                // common word ends an organisation's name.
                if (cued && pw >= 1 && lower_word(pw) == "of" && words[pw - 1].is_word && words[pw - 1].capitalised)
                    cued = false;
                bool qualified = m.wb + 1 < n && words[m.wb].punct == ',' && mention_of_word[m.wb + 1] >= 0;
                if (!(cued && top.population >= 1000) && !qualified) { m.drop = true; continue; }
            }
        }
        // Demonyms and adjectivals: "Russian forces" (adjective) versus "the Russians" (people).
        if (!m.metonym && top.kind == PlaceKind::demonym) {
            m.kind = ToponymKind::demonym;
            bool plural = phrase.size() > 1 && (phrase.back() == 's' || phrase.back() == 'S');
            bool next_is_word = m.wb < n && words[m.wb].is_word && !is_demonym_noun_follower(next_lower);
            m.noun_demonym = plural || !next_is_word;
            continue;
        }
        // "Moscow said", "Washington has warned": a capital or country standing for its government.
        // (past a lower-case compass word: "captured in eastern Ethiopia have been released")
        std::size_t cue_at = m.wa;
        if (cue_at > 1 && words[cue_at - 1].is_word && !words[cue_at - 1].capitalised &&
            is_generic_region_word(lower_word(cue_at - 1)))
            --cue_at;
        const bool after_preposition = cue_at > 0 && words[cue_at - 1].is_word && !words[cue_at - 1].capitalised &&
                                       m_lex.is_cue(lower_word(cue_at - 1));
        if (!m.metonym && !after_preposition && m_lex.is_speech_verb(next_lower) && m.kind == ToponymKind::literal) {
            if (m.wb - m.wa == 1 && surnames.count(lower_word(m.wa))) { m.drop = true; continue; }
            if (top.kind == PlaceKind::country || top.feature_code == "PPLC" || top.population >= 500000)
                m.kind = ToponymKind::metonym;
            else if (top.kind != PlaceKind::admin1 && top.kind != PlaceKind::feature &&
                     (next_lower == "said" || next_lower == "told" || next_lower == "says" || next_lower == "added")) {
                m.drop = true;
                surnames.insert(lower_word(m.wb - 1));
                continue;
            }
        }
    }
    // A surname seen once as a person is a person everywhere in the article ("Jones said").
    for (auto& m : mentions)
        if (!m.drop && !m.metonym && m.fixed_place == UINT32_MAX && m.wb - m.wa == 1 && surnames.count(lower_word(m.wa)) &&
            m.kind != ToponymKind::demonym && !strong_place(m_gaz.place_without_names(m.cands[0].place)))
            m.drop = true;

    std::vector<Mention*>& live = buffers.live;
    live.clear();
    for (auto& m : mentions)
        if (!m.drop) live.push_back(&m);

    // 3. Context for resolution: countries and regions the article names, qualifiers ("X, Country").
    // The weight of each country (views of the index's country codes and the hint): an article
    // names few, so a list (no map to search for every candidate scored).
    std::vector<std::pair<std::string_view, double>> country_weight;
    auto add_country_weight = [&](std::string_view country, double w) {
        for (auto& [c, weight] : country_weight)
            if (same_country(c, country)) { weight += w; return; }
        country_weight.emplace_back(country, w);
    };
    // The first-level regions the article names, as (country, admin1 code) views of the index:
    // an article names few, and every candidate scored asks (no key string to build and hash).
    // A pair stands for its key "UA.05": the index's country codes (ISO2, at most two bytes) have
    // no '.', so equal pairs are equal keys and the other way round.
    std::vector<std::pair<std::string_view, std::string_view>> admin1_context;
    auto in_admin1_context = [&](std::string_view country, std::string_view code) {
        for (const auto& [c, a] : admin1_context)
            if (same_country(c, country) && a == code) return true;
        return false;
    };
    double total_weight = 0;
    // What each name gave the context itself: a name is not its own context ("Georgia" three
    // times in news from Atlanta says nothing for the country).
    using OwnWeight = std::pair<std::string_view, double>;  // (country, weight)
    std::unordered_map<std::string_view, OwnWeight> own_weight;  // by key
    if (!context.country_hint.empty()) { add_country_weight(context.country_hint, 2.0); total_weight += 2.0; }
    for (auto* m : live) {
        if (m->metonym) continue;
        const Place top = m_gaz.place_without_names(m->fixed_place != UINT32_MAX ? m->fixed_place : m->cands[0].place);
        std::string_view c;
        double w = 0;
        if (top.kind == PlaceKind::country || top.kind == PlaceKind::demonym) {
            c = top.country;
            if (top.kind == PlaceKind::demonym && top.demonym_of != UINT32_MAX) c = m_gaz.place_without_names(top.demonym_of).country;
            w = 1.0;
        } else if (top.kind == PlaceKind::admin1) {
            if (!in_admin1_context(top.country, top.admin1_code)) admin1_context.emplace_back(top.country, top.admin1_code);
            c = top.country;
            w = 0.7;
        } else if (!top.country.empty()) {
            // A town whose every namesake is in one country ("Gainesville") says that country.
            bool one_country = true;
            for (std::size_t k = 1; k < m->cands.size() && one_country; ++k)
                one_country = same_country(m_gaz.country_of(m->cands[k].place), top.country);
            if (one_country) {
                c = top.country;
                w = 0.5;
            }
        }
        if (c.empty()) continue;
        add_country_weight(c, w);
        total_weight += w;
        auto& own = own_weight[m->key];
        own.first = c;
        own.second += w;
    }
    for (std::size_t k = 0; k + 1 < live.size(); ++k) {
        Mention* m = live[k];
        // An aside in parentheses that opens in lower case ("Hays (coded to district level) (Al
        // Hudaydah)", "Ramliyah (coded to Al Fulayhah) (Al Jubah, Marib)") stands between a name and
        // its qualifier: the qualifier comes after it.
        std::size_t after = m->wb;
        if (after + 1 < words.size() && words[after].punct == '(' && words[after + 1].is_word &&
            !words[after + 1].capitalised) {
            std::size_t close = after + 1;
            while (close < words.size() && close < after + 12 && words[close].punct != '(' && words[close].punct != ')') ++close;
            if (close < words.size() && words[close].punct == ')') after = close + 1;
        }
        Mention* q = live[k + 1];
        if (after != m->wb)
            for (std::size_t r = k + 1; r < live.size() && live[r]->wa <= after + 1; ++r) q = live[r];
        if (m->metonym || q->metonym) continue;
        // "Samarkand, Uzbekistan", "Mykolaivka, Donetsk", "Alexandria (Louisiana)"
        bool comma = after < words.size() && q->wa == after + 1 && (words[after].punct == ',' || words[after].punct == '(');
        // "Sayda town in Dara countryside", "Azaz city in Aleppo countryside": the place after the
        // town's kind word and "in" is where the town lies, as after a comma.
        // So after a name's closing 'ayn ("Izra' town in Dara countryside") and for the front's
        // words ("Mare' axis in Aleppo countryside").
        std::size_t kind_at = m->wb;
        if (kind_at < words.size() && words[kind_at].punct == '\'' && words[kind_at].start == words[kind_at - 1].end) ++kind_at;
        if (!comma && after == m->wb && q->wa == kind_at + 2 && words[kind_at].is_word && words[kind_at + 1].is_word) {
            const std::string_view kind = lower_word(kind_at);
            comma = (kind == "town" || kind == "village" || kind == "city" || kind == "axis" || kind == "area") &&
                    lower_word(kind_at + 1) == "in";
        }
        // "Henderson police station in Honiara", "Heathrow airport in Hillingdon": a facility that
        // bears the name lies in the place after "in", and so does the name's town.
        if (!comma && after == m->wb && q->wa >= kind_at + 2 && q->wa <= kind_at + 3 && lower_word(q->wa - 1) == "in" &&
            words[q->wa - 2].is_word && !words[q->wa - 2].capitalised && (q->wa == kind_at + 2 || (words[kind_at].is_word && !words[kind_at].capitalised))) {
            const std::string_view kind = lower_word(q->wa - 2);
            m->facility_in = kind == "station" || kind == "airport" || kind == "camp" || kind == "market" ||
                             kind == "prison" || kind == "hospital" || kind == "base" || kind == "checkpoint";
            comma = m->facility_in;
        }
        if (!comma || m->fixed_place != UINT32_MAX) continue;
        m->qualifier = q;
        if (q->fixed_place != UINT32_MAX) {
            Place p = m_gaz.place_without_names(q->fixed_place);
            m->qualifier_admin1 = {std::string(p.country) + "." + std::string(p.admin1_code)};
            m->qualifier_country = p.country;
            continue;
        }
        for (const auto& c : q->cands) {
            Place p = m_gaz.place_without_names(c.place);
            if (p.kind == PlaceKind::country) {
                if (m->qualifier_country.empty()) m->qualifier_country = p.country;
            } else if (p.kind == PlaceKind::admin1) {
                // "San Salvador, San Salvador": El Salvador's department or the Bahamas' district; the
                // town's candidates decide between them.
                m->qualifier_admin1.push_back(std::string(p.country) + "." + std::string(p.admin1_code));
            }
            if (!p.country.empty()) m->qualifier_countries_any.push_back(p.country);
        }
    }

    // 4. Resolution: prior + country and region context + qualifiers, then spatial coherence,
    //    one sense per name per article.
    //
    // A candidate's score is a sum taken in a fixed order: the terms that depend only on the name
    // and the candidate (prior, kind, the article's country and region context) first, then the
    // mention's qualifiers, then (second pass) the nearest anchor. The first part is computed
    // once per name for both passes (`base`); the rest per distinct qualifiers. The additions
    // happen in the same order as one sum would, so the scores are the same doubles.
    auto same_admin1 = [](std::string_view key, std::string_view country, std::string_view code) {
        return key.size() == country.size() + 1 + code.size() && key.substr(0, country.size()) == country &&
               key[country.size()] == '.' && key.substr(country.size() + 1) == code;
    };
    // What a name's candidates say of the name, worked out once per name: whether some candidate
    // bears it as its own name, and whether a town of 10,000+ does.
    struct NameFacts {
        bool any_preferred = false, town_owns = false;
        const OwnWeight* own = nullptr;  // what the name gave the article's context
    };
    auto name_facts = [&](std::span<const Candidate> cands, const Place* places) {
        NameFacts f;
        for (std::size_t r = 0; r < cands.size(); ++r) {
            if (cands[r].match != gazetteer::NameMatch::preferred) continue;
            f.any_preferred = true;
            if (places[r].kind == PlaceKind::city && places[r].population >= 10000) f.town_owns = true;
        }
        return f;
    };
    // The article's country context for a name's candidate in `country`: the weight of the other
    // names in that country and in all, the name's own contribution taken out (a name is not its
    // own context).
    struct CountryContext {
        double here = 0, total = 0;
    };
    // What the name of `key` itself gave the context, or null.
    auto own_weight_of = [&](std::string_view key) -> const OwnWeight* {
        const auto it = own_weight.find(key);
        return it == own_weight.end() ? nullptr : &it->second;
    };
    auto country_context = [&](const OwnWeight* own, std::string_view country) {
        CountryContext c{0, total_weight};
        for (const auto& [cw, weight] : country_weight)
            if (same_country(cw, country)) { c.here = weight; break; }
        if (own) {
            c.total -= own->second;
            if (same_country(own->first, country)) c.here -= own->second;
        }
        return c;
    };
    // The name- and candidate-only part; `final` when nothing more is added (demonyms).
    auto base_score = [&](std::span<const Candidate> cands, const NameFacts& facts,
                          std::size_t rank, const Place& p, const Place& first, bool& final) {
        // log10(1) is exactly 0: most candidates (features, hamlets) have no population, and
        // the call is the dearest part of the base score.
        const double log_population = p.population == 0 ? 0.0 : std::log10(double(p.population) + 1.0);
        double s = 3.0 / (1.0 + double(rank)) + 0.25 * log_population;
        final = false;
        if (p.kind == PlaceKind::demonym) { final = true; return s + 5.0; }
        // A name that is only an alternate of a place (Venice for Dayton, Ohio) yields to the
        // places it is the own name of.
        constexpr double alt_pen = 2.0;  // was 0.5: "Valence" in English news is the French town, not Valencia
        // An ocean's or sea's short name ("Atlantic" for the Atlantic Ocean) is English, not another
        // language's: it keeps its place beside the towns named after it. So do a continent's ("EU" is
        // not Eu, Normandy).
        const bool water = (p.kind == PlaceKind::feature && p.feature_class == 'H') || p.feature_code == "CONT";
        if (cands[rank].match == gazetteer::NameMatch::alternate && facts.any_preferred && !water) s -= alt_pen;
        const std::string_view country = p.country;
        // The context the article's other names give.
        const CountryContext others = country_context(facts.own, country);
        const double others_total = others.total, others_here = others.here;
        // A country's name means the country ("China", "Greece"), unless the name is only another
        // language's or a short form of it and a town of some size bears it as its own ("Norfolk"
        // for Norfolk Island), or the article's other names are strongly in a country where the
        // name is a first-level region ("Georgia" in news from Atlanta): that region's own name then wins.
        if (p.kind == PlaceKind::country && (cands[rank].match != gazetteer::NameMatch::alternate || !facts.town_owns))
            s += 4.0;
        if (p.kind == PlaceKind::admin1 && rank > 0 && cands[rank].match != gazetteer::NameMatch::derived &&
            others_here >= 1.0 && others_here >= 0.5 * others_total && first.kind == PlaceKind::country)
            s += 3.0;
        if (others_total > 0 && !country.empty() && others_here > 0) {
            s += 2.5 * std::min(1.0, others_here / std::max(1.0, others_total * 0.5));
            // An article whose other places are nearly all in one country keeps its towns there
            // (Athens, Paris, Lebanon in local US news).
            if (others_here >= 2.0 && others_here >= 0.7 * others_total && p.kind != PlaceKind::country) s += 1.0;
        }
        if (!p.admin1_code.empty() && !admin1_context.empty() && p.kind != PlaceKind::admin1) {
            if (in_admin1_context(country, p.admin1_code)) s += 2.0;
        }
        return s;
    };
    // The mention's own terms after the base: its qualifiers ("X, Country", "X, Region").
    auto qualified_score = [&](const Mention& m, double s, const Place& p) {
        const std::string_view country = p.country;
        // "the Atlantic" is the ocean, not Atlantic, Iowa: a water body named with "the" wins.
        if (m.after_the && p.kind == PlaceKind::feature && p.feature_class == 'H') s += 4.0;
        if (!m.qualifier_country.empty() && same_country(m.qualifier_country, country)) s += 6.0;
        const bool in_region = std::any_of(m.qualifier_admin1.begin(), m.qualifier_admin1.end(), [&](const std::string& a) {
            return same_admin1(a, country, p.admin1_code);
        });
        if (in_region) s += 8.0;
        else if (!m.qualifier_countries_any.empty() &&
                 std::find(m.qualifier_countries_any.begin(), m.qualifier_countries_any.end(), country) !=
                     m.qualifier_countries_any.end())
            s += 1.0;
        return s;
    };
    // Spatial coherence, the last term.
    auto spatial_score = [](double s, double best_km) {
        if (best_km < 30) s += 3.75;  // a namesake beside the article's other places (was 2.5)
        else if (best_km < 100) s += 1.6;
        else if (best_km < 300) s += 0.8;
        return s;
    };
    // The mentions to resolve, grouped by name; in text order within a name (a name's scores
    // are summed over its mentions in that order).
    std::vector<Mention*>& by_name = buffers.by_name;
    by_name.clear();
    for (auto* m : live) {
        if (m->fixed_place != UINT32_MAX) { m->chosen = m->fixed_place; m->best = 10; m->second = 0; continue; }
        if (!m->metonym) by_name.push_back(m);
    }
    std::stable_sort(by_name.begin(), by_name.end(), [](const Mention* x, const Mention* y) { return x->key < y->key; });
    // Each name's candidates as Place views (without their names: scoring reads none) and their
    // base scores, built once for both passes.
    // (The per-candidate arrays of all names are one each, in the per-thread buffers.)
    std::vector<Place>& name_places = buffers.name_places;
    std::vector<double>& name_base = buffers.name_base;
    std::vector<char>& name_final = buffers.name_final;
    name_places.clear();
    struct KeyScores {
        std::string_view key;
        std::span<Mention* const> group;
        std::size_t first;  // of its candidates in name_places, name_base, name_final
        const Place* places;
        const double* base;
        const char* final;
    };
    std::vector<KeyScores> names;
    for (std::size_t g = 0, next; g < by_name.size(); g = next) {
        for (next = g + 1; next < by_name.size() && by_name[next]->key == by_name[g]->key;) ++next;
        names.push_back({by_name[g]->key, std::span<Mention* const>(by_name).subspan(g, next - g), name_places.size(),
                         nullptr, nullptr, nullptr});
        m_gaz.places_without_names(by_name[g]->cands, name_places);
    }
    name_base.resize(name_places.size());
    name_final.resize(name_places.size());
    for (KeyScores& ks : names) {
        ks.places = name_places.data() + ks.first;
        ks.base = name_base.data() + ks.first;
        ks.final = name_final.data() + ks.first;
        const auto& cands = ks.group.front()->cands;
        NameFacts facts = name_facts(cands, ks.places);
        facts.own = own_weight_of(ks.key);
        for (std::size_t r = 0; r < cands.size(); ++r) {
            bool final = false;
            name_base[ks.first + r] = base_score(cands, facts, r, ks.places[r], ks.places[0], final);
            name_final[ks.first + r] = final;
        }
    }
    std::vector<double> score_buffer, total;
    // Anchors of the second pass: (latitude, point, key), sorted by latitude so that a
    // candidate's search stops where the latitude difference alone reaches the horizon.
    struct Anchor {
        geo::LatLon point;
        std::string_view key;
    };
    std::vector<Anchor> anchors_by_lat;
    // The distance from p to the nearest anchor not of `key` as approx_km gives it, exact when
    // at least `near_km` and below `horizon_km`; below near_km, some value below near_km; at or
    // beyond the horizon, some value >= horizon_km. The latitude difference alone is a lower
    // bound of approx_km (computed with the same operations, so also in floating point) and
    // grows as the walk goes out from p's latitude: each direction stops where it reaches the
    // horizon or the best distance so far.
    //
    // An anchor whose longitude difference alone puts it at or beyond min(horizon, best) is
    // passed over without approx_km's cosine: it could not lower a best below the horizon, and
    // a best at or beyond the horizon means only that. The walk stays within the horizon's
    // latitude band, so the cosine of the mean latitude is at least cos_floor of p's distance
    // from the equator plus the band's width (rounding up to a whole degree and the 0.999 leave
    // room for rounding).
    auto nearest_km = [&](std::string_view key, const geo::LatLon& p, double near_km, double horizon_km) {
        constexpr double kDeg = 3.14159265358979323846 / 180.0;
        const double lon_km_floor = 0.999 * 6371.0 * kDeg * cos_floor(std::fabs(p.lat_deg) + horizon_km / (6371.0 * kDeg));
        double best = 1e9;
        auto visit = [&](const Anchor& a) {
            if (a.key == key) return;
            double dlon = std::fabs(a.point.lon_deg - p.lon_deg);
            if (dlon > 180) dlon = 360 - dlon;
            if (dlon * lon_km_floor >= std::min(horizon_km, best)) return;
            best = std::min(best, approx_km(a.point, p));
        };
        const auto mid = std::lower_bound(anchors_by_lat.begin(), anchors_by_lat.end(), p.lat_deg,
                                          [](const Anchor& a, double lat) { return a.point.lat_deg < lat; });
        for (auto it = mid; it != anchors_by_lat.end(); ++it) {
            const double y = (it->point.lat_deg - p.lat_deg) * kDeg;
            if (6371.0 * std::sqrt(y * y) >= std::min(horizon_km, best)) break;
            visit(*it);
            if (best < near_km) return best;
        }
        for (auto it = mid; it != anchors_by_lat.begin();) {
            --it;
            const double y = (it->point.lat_deg - p.lat_deg) * kDeg;
            if (6371.0 * std::sqrt(y * y) >= std::min(horizon_km, best)) break;
            visit(*it);
            if (best < near_km) return best;
        }
        return best;
    };
    auto resolve = [&](bool with_space) {
        // Confident places of the first pass anchor the second: (key, point).
        if (with_space) {
            std::vector<std::pair<std::string_view, geo::LatLon>> all_anchors;
            for (auto* o : live) {
                if (o->metonym || o->chosen == UINT32_MAX) continue;
                if (o->best - o->second < 1.0 && o->cands.size() > 1) continue;
                Place op = m_gaz.place_without_names(o->chosen);
                if (op.kind == PlaceKind::country || op.kind == PlaceKind::demonym) continue;
                all_anchors.emplace_back(o->key, op.point);
            }
            dedupe_anchors(all_anchors);
            anchors_by_lat.clear();
            for (const auto& [k, pt] : all_anchors) anchors_by_lat.push_back({pt, k});
            std::sort(anchors_by_lat.begin(), anchors_by_lat.end(),
                      [](const Anchor& x, const Anchor& y) { return x.point.lat_deg < y.point.lat_deg; });
        }
        for (const KeyScores& ks : names) {
            const std::string_view key = ks.key;
            const std::span<Mention* const> group = ks.group;
            const auto& cands = group.front()->cands;
            total.assign(cands.size(), 0.0);
            // Mentions of a name with the same qualifiers score the same: reuse the scores.
            std::vector<double>& scores = score_buffer;
            scores.resize(cands.size());
            const Mention* scored = nullptr;
            for (auto* m : group) {
                if (!scored || !same_scoring_inputs(*scored, *m)) {
                    for (std::size_t r = 0; r < cands.size(); ++r) {
                        double s = ks.base[r];
                        if (!ks.final[r]) {
                            const Place& p = ks.places[r];
                            s = qualified_score(*m, s, p);
                            if (with_space && !anchors_by_lat.empty() && p.kind != PlaceKind::country)
                                s = spatial_score(s, nearest_km(key, p.point, 30.0, 300.0));  // spatial_score's thresholds
                        }
                        scores[r] = s;
                    }
                    scored = m;
                }
                for (std::size_t r = 0; r < cands.size(); ++r) total[r] += scores[r];
            }
            std::size_t best = 0, second = SIZE_MAX;
            for (std::size_t r = 1; r < total.size(); ++r) {
                if (total[r] > total[best]) { second = best; best = r; }
                else if (second == SIZE_MAX || total[r] > total[second]) second = r;
            }
            for (auto* m : group) {
                m->chosen = cands[best].place;
                m->best = total[best] / double(group.size());
                m->second = second == SIZE_MAX ? m->best - 5.0 : total[second] / double(group.size());
                m->runner_up = second == SIZE_MAX ? UINT32_MAX : cands[second].place;
                m->chosen_alternate = cands[best].match == gazetteer::NameMatch::alternate;
            }
        }
    };
    resolve(false);
    resolve(true);

    // A town reached only by an alternate spelling (or a lone hamlet by its name), in a country none
    // of the article's other names points to while they point somewhere ("Kale" for Calais, "Shane"
    // for Chaniers in a report from Myanmar or Ethiopia), is a local name the gazetteer lacks, not
    // that foreign town.
    constexpr double k_foreign_min = 1.5;  // context weight: a country name 1, a region 0.7, a one-country town 0.5
    // An acronym in capitals reached only by an alternate ("SNA" for Sanaa, "CHU" for Chuzhou beside
    // the names of a Somali or Myanmar report) is an organisation's: a region or one-country town of
    // the article's own country is context enough.
    constexpr double k_acronym_foreign_min = 0.5;
    if (total_weight >= k_acronym_foreign_min) {
        std::erase_if(live, [&](const Mention* m) {
            if (m->fixed_place != UINT32_MAX || m->metonym) return false;
            const Place p = m_gaz.place_without_names(m->chosen);
            if (p.kind != PlaceKind::city || p.country.empty()) return false;
            // So is a hamlet (under 10,000, the name's only place) reached by its own name: "tambon
            // Lahan" in a report from Pattani is not Lahan, Nepal. A capital is no hamlet: "marched in
            // Longyearbyen" (Svalbard's, 2,400 people) against the war in Ukraine is that town.
            const bool capital = p.feature_code == "PPLC" || p.feature_code == "PPLA";
            // So is a one-word name that is also a given name ("David" in news from Boston is a person,
            // not David, Panama, a provincial capital); a national capital ("Victoria") stays.
            const bool given = p.feature_code != "PPLC" && m->wb - m->wa == 1 &&
                               m_lex.is_given_name(span_text(m->wa, m->wb));
            if (!m->chosen_alternate && !given && !(p.population < 10000 && m->cands.size() == 1 && !capital)) return false;
            const bool acronym = m->chosen_alternate && m->wb - m->wa == 1 && words[m->wa].all_caps;
            const CountryContext others = country_context(own_weight_of(m->key), p.country);
            if (others.here > 0.0 || others.total < (acronym ? k_acronym_foreign_min : k_foreign_min)) return false;
            // The town's own name without its article ("Fallujah" for Al Fallujah) is that town.
            const std::string own_name = gazetteer::normalize_name(m_gaz.place(m->chosen).ascii_name);
            const std::size_t space = own_name.find(' ');
            const bool article_form = space != std::string::npos && space <= 3 &&
                                      std::string_view(own_name).substr(space + 1) == m->key;
            return !article_form;
        });
    }

    // A place all of whose readings lie in one country: that country, or "" (a qualifier that might
    // be elsewhere does not judge the town: "Atlanta (Georgia)" may be the state, "Lapai (Niger)" the
    // Nigerian state).
    auto sole_country = [&](const Mention* n) -> std::string_view {
        if (n->metonym || n->fixed_place != UINT32_MAX || n->chosen == UINT32_MAX) return {};
        const std::string_view c = m_gaz.country_of(n->chosen);
        for (const auto& cand : n->cands)
            if (!same_country(m_gaz.country_of(cand.place), c)) return {};
        return c;
    };
    // The country a town's qualifier puts it in, or "".
    auto qualifier_country_of = [&](const Mention* m) -> std::string_view {
        if (const Mention* q = m->qualifier) {
            // Not after a state's abbreviation ("VILLANOVA, Pa.": the dateline names the town) nor
            // before a possessive ("Lubumbashi, Zaire's second city": an apposition, no qualifier).
            const std::string_view rest = text.substr(words[q->wb - 1].end, 4);
            if (rest.starts_with("'s") || rest.starts_with("\u2019s")) return {};
            // Nor in a list ("the Gulf, Dubai, Saudi Arabia, Kuwait"): a name right after the qualifier's comma.
            if (q->wb + 1 < words.size() && words[q->wb].punct == ',' &&
                std::any_of(live.begin(), live.end(), [&](const Mention* n) { return n->wa == q->wb + 1; }))
                return {};
            if (q->chosen != UINT32_MAX && q->fixed_place == UINT32_MAX) {
                const Place region = m_gaz.place_without_names(q->chosen);
                // A district counts as a region: "Bane, Boulgou" (Boulgou province, Burkina Faso).
                if (region.kind == PlaceKind::admin1 || region.kind == PlaceKind::country || region.feature_code == "ADM2" ||
                    m->facility_in)
                    return sole_country(q);
            }
        }
        // "Basma (Barsalogho, Sanmatenga)": the places in the parenthesis after the town, where the
        // ones of a single country agree.
        if (m->wb >= words.size() || words[m->wb].punct != '(') return {};
        std::size_t close = m->wb + 1;
        while (close < words.size() && close < m->wb + 16 && words[close].punct != ')' && words[close].punct != '(') ++close;
        if (close >= words.size() || words[close].punct != ')') return {};
        // Only names and commas inside, and a list of them ("District, Region") or a region alone:
        // "Fortaleza (Portuguese pronunciation: ...)", "Ortona (Iona)" are no qualifiers.
        bool list = false;
        for (std::size_t w = m->wb + 1; w < close; ++w) {
            if (words[w].punct == ',') list = true;
            else if (!words[w].is_word || !words[w].capitalised) return {};
        }
        std::string_view country;
        for (const Mention* n : live) {
            if (n->wa <= m->wb || n->wb > close) continue;
            const PlaceKind kind = n->chosen == UINT32_MAX ? PlaceKind::city : m_gaz.place_without_names(n->chosen).kind;
            if (kind == PlaceKind::demonym) return {};
            // Alone, a name in parentheses qualifies when it can be a region or district ("Barh
            // (Maqbanah)"), not when it is only another town's.
            if (!list && std::none_of(n->cands.begin(), n->cands.end(), [&](const Candidate& c) {
                    const Place p = m_gaz.place_without_names(c.place);
                    return p.kind == PlaceKind::admin1 || p.kind == PlaceKind::country || p.feature_code == "ADM2";
                }))
                continue;
            const std::string_view c = sole_country(n);
            if (c.empty()) continue;
            if (!country.empty() && !same_country(country, c)) return {};
            country = c;
        }
        return country;
    };
    // A town whose qualifier puts it in another country than every reading of the town ("Sayda town
    // in Dara countryside": the gazetteer has Sayda in Palestine and Germany, not in Syria) is a
    // local name the gazetteer lacks; the region stands for it.
    std::vector<const Mention*> unlisted;
    for (const Mention* m : live) {
        if (m->metonym || m->fixed_place != UINT32_MAX || m->chosen == UINT32_MAX) continue;
        // A national capital is no local name ("Islamabad (FCT)", "Saipan, U.S."): its qualifier is
        // the odd one.
        const Place town = m_gaz.place_without_names(m->chosen);
        if (town.kind != PlaceKind::city || town.feature_code == "PPLC") continue;
        const std::string_view country = qualifier_country_of(m);
        if (country.empty()) continue;
        if (std::none_of(m->cands.begin(), m->cands.end(), [&](const Candidate& c) {
                return same_country(m_gaz.country_of(c.place), country);
            }))
            unlisted.push_back(m);
    }
    std::erase_if(live, [&](const Mention* m) { return std::find(unlisted.begin(), unlisted.end(), m) != unlisted.end(); });

    // 5. Output, with code-point offsets.
    std::vector<Toponym> out;
    out.reserve(live.size());
    std::size_t cp_byte = 0;
    std::int64_t cp_count = 0;
    auto to_cp = [&](std::size_t byte) {
        // Offsets come in increasing order; count UTF-8 lead bytes from where we left off.
        if (byte < cp_byte) { cp_byte = 0; cp_count = 0; }
        cp_count += count_code_points(text.substr(cp_byte, byte - cp_byte));
        cp_byte = byte;
        return cp_count;
    };
    for (auto* m : live) {
        Toponym& t = out.emplace_back();  // built in place (a Toponym holds eight strings)
        t.start_byte = m->start;
        t.end_byte = m->end;
        t.start_cp = to_cp(m->start);
        t.end_cp = to_cp(m->end);
        t.text.assign(text.substr(m->start, m->end - m->start));
        t.kind = m->kind;
        if (m->metonym) {
            for (const auto& c : m_gaz.candidates(gazetteer::normalize_name(m->metonym->name))) {
                Place p = m_gaz.place(c.place);
                if (p.geonameid == m->metonym->geonameid) { set_place(t, p); break; }
            }
            t.confidence = 0.9;
            if (t.place == UINT32_MAX) {
                out.pop_back();
                continue;
            }
            // A building standing for a government ("the Kremlin") is resolved to its city but is
            // not itself a location to map.
            t.point = geo::LatLon::invalid();
            continue;
        }
        Place p = m_gaz.place(m->chosen);
        if (p.kind == PlaceKind::demonym && p.demonym_of != UINT32_MAX) {
            set_place(t, m_gaz.place(p.demonym_of));
        } else {
            set_place(t, p);
        }
        if (m->noun_demonym) t.point = geo::LatLon::invalid();
        double margin = m->best - m->second;
        t.confidence = std::clamp(1.0 / (1.0 + std::exp(-margin)), 0.0, 1.0);
        if (m->runner_up != UINT32_MAX) {
            Place r = m_gaz.place(m->runner_up);
            t.runner_up_geonameid = r.geonameid;
            t.runner_up_name.assign(r.name);
            t.runner_up_score = m->second;
        }
    }

    // 6. Relative locations: "30 km north of Kharkiv", "12 miles (19 km) southeast of Avdiivka".
    if (m_options.relative_locations) {
        std::vector<Toponym> derived;
        for (std::size_t k = 0; k < live.size(); ++k) {
            const Mention* m = live[k];
            const Toponym& anchor = out[k];
            if (m->kind != ToponymKind::literal || !anchor.point.is_valid() || m->wa < 4) continue;
            std::size_t w = m->wa - 1;
            if (lower_word(w) != "of") continue;
            double az = direction_azimuth(lower_word(w - 1));
            if (az < 0) continue;
            std::size_t u = w - 2;
            if (words[u].punct == ')') {  // skip a parenthetical conversion
                while (u > 0 && words[u].punct != '(') --u;
                if (u == 0) continue;
                --u;
            }
            double unit = 0, value = 0;
            std::size_t phrase_start = u;
            std::string uw(lower_word(u));
            // "30km" as one word, or "30 km"
            if (words[u].has_digit) {
                std::size_t pos = 0;
                while (pos < uw.size() && (std::isdigit(static_cast<unsigned char>(uw[pos])) || uw[pos] == '.')) ++pos;
                unit = unit_metres(uw.substr(pos));
                value = std::atof(uw.substr(0, pos).c_str());
            } else if ((unit = unit_metres(uw)) > 0 && u > 0 && words[u - 1].has_digit) {
                std::string num(lower_word(u - 1));
                num.erase(std::remove(num.begin(), num.end(), ','), num.end());
                value = std::atof(num.c_str());
                phrase_start = u - 1;
            }
            if (unit <= 0 || value <= 0 || value * unit > 2.0e6) continue;
            Toponym t = anchor;
            t.start_byte = words[phrase_start].start;
            t.start_cp = anchor.start_cp - count_code_points(text.substr(t.start_byte, anchor.start_byte - t.start_byte));
            t.text = std::string(text.substr(t.start_byte, t.end_byte - t.start_byte));
            t.point = geo::direct(anchor.point, az, value * unit);
            t.derived = true;
            t.anchor = anchor.name;
            t.confidence = anchor.confidence * 0.9;
            derived.push_back(std::move(t));
        }
        auto by_start = [](const Toponym& a, const Toponym& b) { return a.start_cp < b.start_cp; };
        const auto found = static_cast<std::ptrdiff_t>(out.size());
        for (auto& d : derived) out.push_back(std::move(d));
        // A stable sort by start. The found toponyms and the derived ones are each in order as a
        // rule: then merging the two (the found first on a tie) is that sort, moving far fewer
        // toponyms.
        const auto middle = out.begin() + found;
        if (!std::is_sorted(out.begin(), middle, by_start) || !std::is_sorted(middle, out.end(), by_start))
            std::stable_sort(out.begin(), out.end(), by_start);
        else if (!derived.empty())
            std::inplace_merge(out.begin(), middle, out.end(), by_start);
    }
    return out;
}

}  // namespace eventmap::geoparse
