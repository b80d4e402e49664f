#include "eventmap/events/detector.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "eventmap/core/error.h"
#include "eventmap/core/paths.h"

namespace eventmap::events {
namespace {

enum class Cue : std::uint8_t {
    none, negation, possibility, conditional, planned, background, anaphora, near, no_casualties,
    protest, violent, lethal, civilian_victim, armed_party, crowd, noncombatant, mob_subject, topic, armed_means, disaster, separate,
    other_sense, count_
};

Cue cue_of(std::string_view type) {
    if (type.substr(0, 4) != "cue:") return Cue::none;
    const std::string_view n = type.substr(4);
    static constexpr std::array<std::pair<std::string_view, Cue>, 21> k{{
        {"disaster", Cue::disaster},     {"separate", Cue::separate},
        {"crowd", Cue::crowd},         {"noncombatant", Cue::noncombatant}, {"mob_subject", Cue::mob_subject},
        {"topic", Cue::topic},         {"armed_means", Cue::armed_means},
        {"negation", Cue::negation},       {"possibility", Cue::possibility}, {"conditional", Cue::conditional},
        {"planned", Cue::planned},         {"background", Cue::background},   {"anaphora", Cue::anaphora},
        {"near", Cue::near},               {"no_casualties", Cue::no_casualties}, {"protest", Cue::protest},
        {"violent", Cue::violent},         {"lethal", Cue::lethal},           {"civilian_victim", Cue::civilian_victim},
        {"armed_party", Cue::armed_party}, {"other_sense", Cue::other_sense},
    }};
    for (const auto& [name, cue] : k)
        if (name == n) return cue;
    return Cue::none;
}

bool one_of(std::string_view w, std::initializer_list<std::string_view> list) {
    for (std::string_view x : list)
        if (w == x) return true;
    return false;
}

bool is_protest_type(std::string_view t) {
    return t == "peaceful_protest" || t == "protest_with_intervention" || t == "excessive_force_against_protesters";
}

struct CueHit {
    Cue cue;
    std::uint32_t first, last;
};

// Words that start a new clause after a comma (or on their own for the strongest ones).
bool opens_sentence(const text::DateMention& dm, const WordList& words) {
    return !dm.relative && dm.has_year && dm.time_precision == text::precision_day && words.size() > 1 &&
           dm.span.begin <= words[1].begin;
}

bool starts_clause(const Word& w) {
    if (w.boundary == ';') return true;
    // Every word of a sentence with a trigger comes here: the words below start with one of seven letters.
    const char c = w.lower.empty() ? '\0' : w.lower[0];
    if (c != 'b' && c != 'w' && c != 'a' && c != 't' && c != 'm' && c != 'd' && c != 's') return false;
    if (one_of(w.lower, {"but", "while", "whereas", "although", "though", "meanwhile"})) return true;
    if (w.boundary == ',' &&
        one_of(w.lower, {"as", "after", "when", "which", "where", "and", "despite", "before", "saying", "adding"}))
        return true;
    return false;
}

bool person_word(std::string_view w) {
    return one_of(w, {"people", "person", "persons", "civilians", "civilian", "soldiers", "soldier", "troops",
                      "men", "women", "children", "militants", "fighters", "residents", "villagers", "protesters",
                      "others", "policemen", "officers", "members", "killed", "dead", "injured", "wounded",
                      "km", "kilometres", "kilometers", "miles", "years", "year", "days", "hours", "times",
                      "am", "pm", "percent", "per", "houses", "homes", "buildings", "metres", "meters"});
}

std::string title_case_country_kind(const std::string& kind, const std::string& country) {
    return kind + " (" + country + ")";
}

bool region_level(const geoparse::Toponym& t) {
    const std::string& f = t.feature_code;
    return f.rfind("PCL", 0) == 0 || f == "ADM1" || f == "ADM2" || f == "RGN" || f == "TERR" || f == "ADMD" ||
           f == "ADM1H" || f == "ADM2H" || f == "CONT" || f == "SEA" || f == "BAY" || f == "GULF" || f == "OCN" ||
           f == "STRT" || f == "ZN" || f == "PRSH";
}

// A word after "on" that makes it a date or a noun phrase's start, not the subject of talks ("on
// Monday", "on 5 March", "on the ...").
bool on_date_word(std::string_view w) {
    return one_of(w, {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
                      "february", "march", "april", "may", "june", "july", "august", "september", "october",
                      "november", "december", "the"});
}

bool country_level(const geoparse::Toponym& t) { return t.feature_code.rfind("PCL", 0) == 0 || t.feature_code == "TERR"; }

bool usable(const geoparse::Toponym& t) { return t.kind == geoparse::ToponymKind::literal && t.point.is_valid(); }

// Two places are of one level when both are countries, both first-level regions, both districts or
// other regions, or both towns ("Gubio, Borno State" is a town and its state, no list).
int level_of(const geoparse::Toponym& t) {
    if (t.unlisted) return 3;
    if (country_level(t)) return 0;
    if (t.feature_code == "ADM1" || t.feature_code == "ADM1H") return 1;
    if (region_level(t)) return 2;
    return 3;
}

// A passive verb at word `i`: "was shot", "was severely beaten", "were abducted and shot" (was/were/been/being
// up to three words before, in the same stretch of the clause).
bool passive_at(const WordList& words, std::size_t i) {
    for (std::size_t back = 1; back <= 3 && back <= i; ++back) {
        if (one_of(words[i - back].lower, {"was", "were", "been", "being", "be", "is", "are"})) return true;
        if (words[i - back + 1].boundary_before) break;
    }
    return false;
}

}  // namespace

// ---------------------------------------------------------------------------------------------------
// Actors

ActorTable ActorTable::load(const std::filesystem::path& demonyms, const std::filesystem::path& actors,
                            const std::filesystem::path& country_names_json) {
    ActorTable table;
    auto read_lines = [](const std::filesystem::path& path, auto&& each) {
        std::ifstream in(path);
        if (!in) return;
        std::string line;
        std::uint64_t n = 0;
        while (std::getline(in, line)) {
            ++n;
            if (!line.empty() && line.back() == '\r') line.pop_back();
            if (line.empty() || line[0] == '#') continue;
            std::vector<std::string> cols;
            std::size_t start = 0;
            for (;;) {
                const std::size_t tab = line.find('\t', start);
                cols.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
                if (tab == std::string::npos) break;
                start = tab + 1;
            }
            each(cols, n);
        }
    };
    auto lower = [](std::string s) {
        for (char& c : s)
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
        return s;
    };
    read_lines(demonyms, [&](const std::vector<std::string>& cols, std::uint64_t) {
        if (cols.size() < 2 || cols[0] == "country") return;
        const std::string w = lower(cols[1]);
        // The file lists the more common country first for shared words: keep the first.
        if (!table.m_demonyms.count(w)) table.m_demonyms.emplace(w, cols[0]);
    });
    read_lines(actors, [&](const std::vector<std::string>& cols, std::uint64_t) {
        if (cols.size() < 2 || cols[0] == "pattern") return;
        Named named;
        std::istringstream in(lower(cols[0]));
        std::string w;
        while (in >> w) named.words.push_back(w);
        if (named.words.empty()) return;
        named.actor = cols[1];
        named.kind = cols.size() > 2 ? cols[2] : "";
        named.country = cols.size() > 3 ? cols[3] : "";
        table.m_named.push_back(std::move(named));
    });
    std::ifstream in(country_names_json);
    if (in) {
        try {
            const nlohmann::json j = nlohmann::json::parse(in);
            for (const auto& [code, value] : j.at("countries").items()) {
                if (value.is_string()) table.m_names[code] = value.get<std::string>();
                else if (value.is_array() && !value.empty()) table.m_names[code] = value[0].get<std::string>();
            }
        } catch (const nlohmann::json::exception& e) {
            throw FormatError(country_names_json.string(), 0, -1, e.what());
        }
    }
    // Short forms news and ACLED use, where the ISO name is long.
    for (const auto& [code, name] : std::initializer_list<std::pair<const char*, const char*>>{
             {"RU", "Russia"}, {"US", "United States"}, {"GB", "United Kingdom"}, {"IR", "Iran"},
             {"SY", "Syria"}, {"KR", "South Korea"}, {"KP", "North Korea"}, {"CD", "Democratic Republic of Congo"},
             {"TZ", "Tanzania"}, {"VE", "Venezuela"}, {"BO", "Bolivia"}, {"MD", "Moldova"}, {"PS", "Palestine"}})
        table.m_names[code] = name;
    table.index_named();
    return table;
}

ActorTable ActorTable::load_default() {
    const auto d = data_dir();
    return load(d / "demonyms.tsv", d / "actors.tsv", npm_data_dir() / "i18n-iso-countries/package/langs/en.json");
}

void ActorTable::index_named() {
    m_named_by_first.clear();
    for (const Named& n : m_named) m_named_by_first[n.words.front()].push_back(&n);
}

const std::vector<const ActorTable::Named*>& ActorTable::named_starting_with(std::string_view lower_word) const {
    static const std::vector<const Named*> none;
    auto it = m_named_by_first.find(lower_word);
    return it == m_named_by_first.end() ? none : it->second;
}

std::string_view ActorTable::country_of_demonym(std::string_view w) const {
    auto it = m_demonyms.find(w);
    return it == m_demonyms.end() ? std::string_view{} : std::string_view(it->second);
}

std::string ActorTable::country_name(std::string_view iso2) const {
    auto it = m_names.find(std::string(iso2));
    return it == m_names.end() ? std::string(iso2) : it->second;
}

// ---------------------------------------------------------------------------------------------------
// Detector

Detector::Detector(TriggerSet triggers, ActorTable actors) : m_triggers(std::move(triggers)), m_actors(std::move(actors)) {}

Detector Detector::load_default() { return Detector(TriggerSet::load_default(), ActorTable::load_default()); }

std::vector<text::DateMention> Detector::dates_of(std::string_view sentence, Date reference) {
    return text::find_dates(sentence, reference);
}

namespace {

struct ActorFound {
    std::string name;
    std::uint32_t word = 0;
    bool state = false;        // state forces (military, police)
    std::string country;       // ISO2 when known
    bool armed_group = false;  // a named rebel group or militia (data/actors.tsv)
};

const std::array<std::string_view, 14> k_force_words{"forces", "force", "troops", "military", "army", "soldiers",
                                                     "army's", "servicemen", "units", "jets", "warplanes",
                                                     "artillery", "navy", "defence"};

// Actors named in words[from, to): demonym + force word, police, protesters, named groups.
std::vector<ActorFound> find_actors(const WordList& words, std::size_t from, std::size_t to, const ActorTable& table,
                                    std::string_view place_country) {
    std::vector<ActorFound> out;
    // The place's country name, looked up once (and only when a generic actor needs it).
    std::optional<std::string> place_country_name;
    for (std::size_t i = from; i < to; ++i) {
        const std::string_view w = words[i].lower;
        // Named groups (longest patterns are listed by the data; first match wins).
        bool named = false;
        for (const ActorTable::Named* np : table.named_starting_with(w)) {
            const ActorTable::Named& n = *np;
            if (i + n.words.size() > to) continue;
            bool ok = true;
            for (std::size_t k = 0; k < n.words.size() && ok; ++k) ok = words[i + k].lower == n.words[k];
            if (!ok) continue;
            out.push_back({n.actor, static_cast<std::uint32_t>(i), n.kind == "state" || n.kind == "state_forces",
                           n.country,
                           n.kind == "rebel_group" || n.kind == "political_militia" || n.kind == "identity_militia"});
            i += n.words.size() - 1;
            named = true;
            break;
        }
        if (named) continue;
        const std::string_view iso = table.country_of_demonym(w);
        if (!iso.empty() && words[i].capitalised) {
            for (std::size_t k = i + 1; k < std::min(to, i + 3); ++k) {
                const std::string_view f = words[k].lower;
                if (std::find(k_force_words.begin(), k_force_words.end(), f) != k_force_words.end()) {
                    out.push_back({"Military Forces of " + table.country_name(iso), static_cast<std::uint32_t>(i), true,
                                   std::string(iso)});
                    i = k;
                    break;
                }
                if (one_of(f, {"police", "policemen"})) {
                    out.push_back({"Police Forces of " + table.country_name(iso), static_cast<std::uint32_t>(i), true,
                                   std::string(iso)});
                    i = k;
                    break;
                }
            }
            continue;
        }
        auto country_of_place = [&]() -> const std::string& {
            if (!place_country_name) place_country_name = place_country.empty() ? "" : table.country_name(place_country);
            return *place_country_name;
        };
        if (!one_of(w, {"police", "policemen", "gendarmes", "gendarmerie", "protesters", "protestors", "demonstrators",
                        "marchers", "rioters", "gunmen", "assailants", "attackers", "bandits", "military", "army",
                        "troops", "soldiers"}))
            continue;
        const std::string& country = country_of_place();
        if (one_of(w, {"police", "policemen", "gendarmes", "gendarmerie"})) {
            out.push_back({country.empty() ? "Police Forces" : "Police Forces of " + country,
                           static_cast<std::uint32_t>(i), true, std::string(place_country)});
        } else if (one_of(w, {"protesters", "protestors", "demonstrators", "marchers"})) {
            out.push_back({country.empty() ? "Protesters" : title_case_country_kind("Protesters", country),
                           static_cast<std::uint32_t>(i), false, std::string(place_country)});
        } else if (one_of(w, {"rioters"})) {
            out.push_back({country.empty() ? "Rioters" : title_case_country_kind("Rioters", country),
                           static_cast<std::uint32_t>(i), false, std::string(place_country)});
        } else if (one_of(w, {"gunmen", "assailants", "attackers", "bandits"})) {
            out.push_back({"Unidentified Armed Group" + (country.empty() ? std::string() : " (" + country + ")"),
                           static_cast<std::uint32_t>(i), false, ""});
        } else if (one_of(w, {"military", "army", "troops", "soldiers"}) && (i == from || words[i - 1].lower == "the")) {
            out.push_back({country.empty() ? "Military Forces" : "Military Forces of " + country,
                           static_cast<std::uint32_t>(i), true, std::string(place_country)});
        }
    }
    return out;
}

// Fatalities stated in the sentence: "killing three", "3 people were killed", "no casualties" -> 0.
std::optional<int> find_fatalities(const WordList& words, const std::vector<CueHit>& cues) {
    for (const CueHit& c : cues)
        if (c.cue == Cue::no_casualties) return 0;
    for (std::size_t i = 0; i < words.size(); ++i) {
        const std::string_view w = words[i].lower;
        if (!one_of(w, {"killed", "killing", "kill", "kills", "dead", "died", "deaths", "death", "fatalities", "lives"}))
            continue;
        // "killing two civilians", "killing at least 12"
        if (one_of(w, {"killing", "killed", "kill", "kills"})) {
            std::size_t j = i + 1;
            while (j < words.size() && j < i + 4 && one_of(words[j].lower, {"at", "least", "about", "around", "some", "more", "than", "nearly", "almost", "up", "to"}))
                ++j;
            if (j < words.size() && words[j].number && words[j].lower != "a" && words[j].lower != "an" &&
                !words[j].boundary_before) {
                const long long v = number_value(words[j].lower);
                if (v >= 0 && v < 100000) return static_cast<int>(v);
            }
            if (j < words.size() && one_of(words[j].lower, {"a", "an", "one"}) && !words[j].boundary_before) return 1;
        }
        // "3 people were killed", "two civilians died", "five dead"
        for (std::size_t back = 1; back <= 5 && back <= i; ++back) {
            const Word& p = words[i - back];
            if (p.number && p.lower != "a" && p.lower != "an") {
                const long long v = number_value(p.lower);
                if (v >= 0 && v < 100000 && !(v >= 1900 && v <= 2100)) return static_cast<int>(v);
                break;
            }
            if (words[i - back + 1].boundary_before && back > 1) break;
        }
    }
    return std::nullopt;
}

struct PlaceChoice {
    const geoparse::Toponym* place = nullptr;
    bool near = false;   // "near X", "outside X": geo_precision 2
    bool topic = false;  // what a protest is about ("against the invasion of Ukraine"), not where it is
    // The best place the sentence names only as a side, an actor, an origin or destination, a war's scope
    // or a distance's reference point: never `place`, but where an event would otherwise have no place at
    // all, it is the nearest thing the text gives.
    const geoparse::Toponym* aside = nullptr;
};

// The event place of the trigger starting at byte `trigger_begin` in clause `cl`: the clause's
// grammar (in/at/near X), distance to the trigger, and how specific the place is decide.
// `verb_own_place`: the place of the verb itself is asked for (place_of), not the place a coder
// would give the sentence's event.
PlaceChoice choose_place(const SentenceContext& ctx, const WordList& words, const std::vector<std::uint32_t>& clause,
                         std::uint32_t cl, std::size_t trigger_begin, std::string_view type,
                         const std::vector<CueHit>& cues, bool verb_own_place = false) {
    const std::size_t sent_begin = ctx.sentence.begin;
    PlaceChoice out;
    double best_score = -1e9, best_aside = -1e9;
    std::size_t trigger_word = 0;
    while (trigger_word < words.size() && words[trigger_word].end <= trigger_begin - sent_begin) ++trigger_word;
    const bool protest = is_protest_type(type);
    for (std::size_t k = 0; k < ctx.places.size(); ++k) {
        const geoparse::Toponym& t = ctx.places[k];
        if (!usable(t)) continue;
        if (t.start_byte < ctx.sentence.begin || t.end_byte > ctx.sentence.end) continue;
        const std::size_t rel = t.start_byte - sent_begin;
        // The word index of the toponym.
        std::size_t wi = 0;
        while (wi < words.size() && words[wi].end <= rel) ++wi;
        double score = 0;
        bool aside = false;  // named, but not as where the event happened (see below)
        if (wi < words.size() && clause[wi] == cl) score += 3;
        // The word before the name, past a compass adjective and a country's possessive: "in Iraq's northern
        // Nineveh province" is "in Nineveh".
        std::size_t before = wi;
        for (int step = 0; step < 3 && before > 0; ++step) {
            const std::string_view w = words[before - 1].lower;
            // "Iraq's" is two words here, "iraq" and "s": skip both.
            if (w == "s" && before >= 2) {
                before -= 2;
                continue;
            }
            if (!one_of(w, {"northern", "southern", "eastern", "western", "central", "northeastern",
                                           "northwestern", "southeastern", "southwestern", "restive", "embattled",
                                           "besieged", "frontline", "front-line", "occupied", "rebel-held",
                                           "government-held", "strategic", "key", "nearby", "the"}))
                break;
            --before;
            // "in the Radhwaniyah area", "in the northern Hama countryside", "on the strategic Bustan
            // Al-Basha District": the preposition before "the" counts.
            if (w == "the") break;
        }
        const std::string_view prev = before > 0 ? words[before - 1].lower : std::string_view{};
        const std::string_view prev2 = before > 1 ? words[before - 2].lower : std::string_view{};
        if (one_of(prev, {"in", "at", "near", "outside", "on", "over", "into", "around", "across", "inside",
                          "of", "targeting", "hit", "struck", "shelled", "attacked", "toward", "towards", "village",
                          "town", "city", "settlement", "to"}))
            score += 2;
        // By or with whom, what for: "was bombed by Israel", "clashes with Turkey", "the battle for Mosul",
        // "protests against France", "killed since the war in Syria" name a side, a partner, a goal or a time,
        // not where the event happened. ("From" and "towards" stay: "abducted from", "advanced towards".)
        if (one_of(prev, {"by", "with", "against", "for", "since", "via"})) aside = true;
        if (one_of(prev, {"from"}) && !one_of(prev2, {"km", "kilometres", "kilometers", "miles"})) score -= 2.5;
        // A country is where the event happened only when a preposition of place introduces it ("in Iraq",
        // "over northern Iraq", "in neighbouring Kenya", "off Yemen") or it is the verb's object ("invaded
        // Kuwait"). Otherwise it is the actor or the subject ("Israel bombed", "Syria's war has killed"), a
        // nationality ("a U.S. soldier was shot") or one end of a relation ("between Iran and Iraq"). The
        // same for a continent or a union of countries ("waving European Union flags").
        if (country_level(t) || t.feature_code == "CONT") {
            auto place_preposition = [](std::string_view w) {
                return one_of(w, {"in", "at", "near", "outside", "on", "over", "into", "around", "across", "inside",
                                  "of", "off", "throughout", "through", "within", "along", "to", "from"});
            };
            const bool object = before >= 1 && (before - 1 == trigger_word ||
                                                (before >= 2 && before - 2 == trigger_word && prev == "the"));
            if (!place_preposition(prev) && !object && !(before >= 2 && place_preposition(prev2)))
                aside = true;
        }
        // A country after "to" or "from" is a destination or an origin ("handed over to the United States",
        // "fighters from Syria"); a town there may be the place ACLED codes ("abducted from the village",
        // "deployed to Kramatorsk"), and a visit's or an arms delivery's place is where it goes.
        if (country_level(t) && type != "diplomatic_visit" && type != "arms_transfer" &&
            (prev == "to" || (prev == "from" && !one_of(prev2, {"km", "kilometres", "kilometers", "miles"}))))
            aside = true;
        // "The president of Syria was ...", "the people of Lebanon": a country after "of", before the trigger,
        // says whose, unless the word before "of" is a part of it ("the capital of Iraq", "the north of Mali").
        if (country_level(t) && wi < trigger_word && prev == "of" &&
            !one_of(prev2, {"capital", "city", "north", "south", "east", "west", "northeast", "northwest", "southeast",
                            "southwest", "parts", "part", "rest", "coast", "border", "borders", "outskirts", "center",
                            "centre", "heart", "region", "regions", "province", "provinces", "area", "areas",
                            "territory", "side", "edge", "interior", "countryside"}))
            aside = true;
        // Another event's place: "The bombardment of Idlib followed a drone attack on an academy in Homs". A
        // place after "of" and an event noun, before the trigger, is where that other event happened. (Not when
        // a verb's place is asked: "the bombardment of Timin has left six dead" tells the bombardment's result.)
        if (!verb_own_place && wi < trigger_word && prev == "of" &&
            one_of(prev2, {"bombardment", "bombardments", "shelling", "siege", "capture", "fall", "liberation",
                           "bombing", "blockade", "storming", "recapture", "evacuation", "occupation", "destruction"}))
            aside = true;
        // The trigger's object: "patrolled Kakata", "shelled the Karimiya district".
        std::size_t after = wi;
        while (after < words.size() && words[after].end <= t.end_byte - sent_begin) ++after;
        // Where a statement came from: "the military government in Ouagadougou said", "officials in Kyiv
        // told reporters". An institution's seat before a verb of saying is where it spoke, not where the
        // event happened. (Residents or witnesses "in X said" are at the event: only institutions count. The
        // saying itself, when it is the verb asked about, is at the seat.)
        if (prev == "in" && after < words.size() && after != trigger_word && !words[after].boundary_before &&
            one_of(words[after].lower, {"said", "says", "told", "announced", "stated", "reported", "confirmed"}) &&
            one_of(prev2, {"government", "ministry", "officials", "authorities", "military", "army", "command",
                           "headquarters", "spokesman", "spokeswoman", "spokesperson", "embassy", "office",
                           "presidency", "junta", "administration"}))
            aside = true;
        // A place named as a reference: the scope of a war ("since the war in Syria began", "Syria's civil
        // war has killed", "the 2008 Georgia war") or the point a distance is measured from ("20 km south of
        // Baghdad") says where something else is.
        {
            auto war = [](std::string_view w) {
                return one_of(w, {"war", "wars", "conflict", "crisis", "uprising", "revolution", "insurgency",
                                  "invasion", "occupation"});
            };
            std::size_t a = after;
            if (a < words.size() && words[a].lower == "s") ++a;  // "Syria's"
            while (a < words.size() &&
                   one_of(words[a].lower, {"civil", "long", "bloody", "ongoing", "brutal", "bitter"}))
                ++a;
            const bool war_after = a < words.size() && war(words[a].lower) && !words[a].boundary_before;
            // A war is a country's or a region's ("protested against the war in Moscow" is in Moscow).
            const bool war_before = one_of(prev, {"in", "of", "over", "on"}) && war(prev2) && region_level(t);
            const std::string_view prev3 = before > 2 ? words[before - 3].lower : std::string_view{};
            const bool distance_from = prev == "of" &&
                                       one_of(prev2, {"north", "south", "east", "west", "northeast", "northwest",
                                                      "southeast", "southwest", "north-east", "north-west",
                                                      "south-east", "south-west"}) &&
                                       one_of(prev3, {"km", "kilometres", "kilometers", "miles", "mi"});
            if (war_after || war_before || distance_from) aside = true;
        }
        // (not "shelled DPR positions": there the name only says whose)
        const bool object_ends = after >= words.size() || words[after].boundary_before || words[after].capitalised ||
                                 one_of(words[after].lower, {"in", "on", "at", "near", "and", "with", "from", "for", "by",
                                                             "during", "after", "before", "overnight", "last", "this",
                                                             "early", "late", "again", "twice"});
        if (before >= 1 && (before - 1 == trigger_word || (before >= 2 && before - 2 == trigger_word && prev == "the")) &&
            object_ends &&
            !one_of(prev, {"in", "at", "near", "outside", "on", "over", "into", "around", "across", "inside", "of"}))
            score += 2;
        if (prev == "to" && (type == "diplomatic_visit")) score += 1.5;
        if (one_of(prev, {"with", "and", "between", "by", "against"})) score -= 1;
        {
            // A person, not a place: "Millan, 41, was shot", "identified only as Hamid".
            const std::string_view rest = ctx.text.substr(t.end_byte, std::min<std::size_t>(6, ctx.text.size() - t.end_byte));
            if (rest.size() >= 4 && rest[0] == ',' && rest[1] == ' ' && rest[2] >= '1' && rest[2] <= '9' &&
                rest[3] >= '0' && rest[3] <= '9' && (rest.size() < 5 || rest[4] == ',' || rest[4] == ' '))
                continue;
            if (prev == "as" && (prev2 == "identified" || prev2 == "only" || prev2 == "named")) continue;
            // "Adams was shot", "Montesinos was captured": a one-word village's name as the subject of what
            // only people undergo is a surname.
            if (after + 1 < words.size() && after == wi + 1 && !t.unlisted && !country_level(t) &&
                (t.feature_code == "PPL" || t.feature_code == "PPLL" || t.feature_code == "PPLX" ||
                 t.feature_code == "ADM2" || t.feature_code == "ADM3") &&
                one_of(words[after].lower, {"was", "were", "is", "has", "had"})) {
                std::size_t v = after + 1;
                if (v < words.size() && one_of(words[v].lower, {"been", "later", "allegedly", "reportedly"})) ++v;
                if (v < words.size() &&
                    one_of(words[v].lower, {"shot", "killed", "arrested", "wounded", "injured", "stabbed", "abducted",
                                            "kidnapped", "detained", "executed", "beaten", "murdered", "assassinated",
                                            "sentenced", "hanged", "jailed", "captured", "released", "freed",
                                            "charged", "convicted", "extradited", "tortured"}))
                    continue;
            }
        }
        // "the Wagner group", "Wagner private army": a name of an organisation, not a place.
        if (after < words.size() &&
            one_of(words[after].lower, {"group", "private", "mercenary", "mercenaries", "company", "movement",
                                        "party", "militia", "brigade", "battalion", "network"}))
            continue;
        // A town that opens the sentence, after its date at most ("In Kharkiv, ...", "On 5 May 2022, in
        // Kharkiv (Kharkiv region), ..."), sets the scene of all the sentence tells: its distance from the
        // trigger does not count. A place named later far from it is more often a namesake the gazetteer
        // misread than another scene.
        // So does one after "in the rural area of", "in the outskirts of".
        bool scene = false;
        std::size_t preposition = before;  // one past the preposition's word
        if (prev == "of")
            for (preposition = before - 1; preposition > 0 && words[preposition - 1].lower != "in" &&
                                           one_of(words[preposition - 1].lower, {"the", "rural", "area", "outskirts",
                                                                                 "vicinity", "municipality", "countryside"});
                 --preposition) {
            }
        if (preposition >= 1 && one_of(words[preposition - 1].lower, {"in", "near", "at"}) && level_of(t) == 3) {
            scene = preposition == 1 || words[preposition - 1].boundary_before;
            for (std::size_t w = 0; scene && w + 1 < preposition; ++w)
                scene = words[w].number || on_date_word(words[w].lower) ||
                        one_of(words[w].lower, {"on", "around", "between", "and", "as", "reported", "of", "week",
                                                "weekend", "night", "overnight", "evening", "morning", "afternoon"});
        }
        const double dist = std::abs(static_cast<double>(t.start_byte) - static_cast<double>(trigger_begin));
        if (!scene) score -= std::min(3.0, dist / 60.0);
        // A verb's own place mostly follows it ("soldiers shot ... near the border crossing"); one before it
        // often sets the scene for the whole sentence ("In Kharkiv on Monday, ...") or belongs to the subject. Not
        // past a word that opens another clause ("officials in Kyiv said that shelling hit Kherson"). Only
        // when the verb's own place is asked for: an ACLED note's opening "in X" is the event's place by its
        // coders' convention, and the neighbourhood named after the verb is not where they put the point.
        if (verb_own_place && wi > trigger_word) {
            bool other_clause = false;
            for (std::size_t w = trigger_word + 1; w < wi && w < words.size(); ++w)
                other_clause = other_clause || one_of(words[w].lower, {"that", "which", "who", "whom", "whose", "where",
                                                                       "when", "while", "after", "before", "because"});
            if (!other_clause) score += 0.5;
        }
        // Whose, not where: "Iran's elite forces", "US-led coalition", "U.S. soldiers", "Katsina militiamen" name the place
        // as an owner or a side; the event's place is usually another.
        {
            constexpr double w_own = 2.0;
            const std::string_view rest = ctx.text.substr(t.end_byte, std::min<std::size_t>(12, ctx.text.size() - t.end_byte));
            const bool possessive = rest.starts_with("'s ") || rest.starts_with("\u2019s ");
            const bool side = rest.starts_with("-led") || rest.starts_with("-backed") || rest.starts_with("-based") ||
                              rest.starts_with("-allied") || rest.starts_with("-supported");
            const bool modifier = after < words.size() && after > wi &&
                                  one_of(words[after].lower, {"forces", "troops", "soldiers", "soldier", "military", "army",
                                                              "officials", "government", "authorities", "coalition",
                                                              "embassy", "consulate", "envoy", "warplanes", "jets", "positions",
                                                              "navy", "marines", "peacekeepers", "militants",
                                                              "militiamen", "insurgents", "separatists"});
            // "representatives of the Karabakh Armenians", "Kosovo Serbs": the name of a people's home.
            const bool people = std::any_of(ctx.places.begin(), ctx.places.end(), [&](const geoparse::Toponym& o) {
                return o.kind == geoparse::ToponymKind::demonym && o.start_byte == t.end_byte + 1;
            });
            if (possessive || side || modifier || people) score -= w_own;
        }
        if (t.unlisted) score += 0.5;  // a village or neighbourhood the text names: more precise than its anchor
        else if (country_level(t)) score -= 2.5;
        else if (t.feature_code == "CONT" || t.feature_code == "OCN") score -= 3;
        else if (region_level(t)) score -= 0.5;
        // "Azamiyah in Baghdad", "Nwonko village in Wukari", "Al Bab city in Aleppo countryside": the place
        // after "in" holds the one before.
        if (k > 0 && usable(ctx.places[k - 1]) && t.start_byte > ctx.places[k - 1].end_byte &&
            t.start_byte - ctx.places[k - 1].end_byte <= 30) {
            std::string gap(ctx.text.substr(ctx.places[k - 1].end_byte, t.start_byte - ctx.places[k - 1].end_byte));
            for (char& c : gap) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
            for (std::string_view kind : {"refugee camp", "village", "neighborhood", "neighbourhood", "district",
                                          "area", "camp", "suburb", "quarter", "town", "city"})
                if (gap.starts_with(" ") && gap.substr(1).starts_with(kind) && gap.size() > kind.size() + 1 &&
                    gap[kind.size() + 1] == ' ') {
                    gap.erase(1, kind.size() + 1);
                    break;
                }
            // "... in the occupied West Bank", "... in northern Iraq"
            for (std::string_view adjective : {"occupied ", "northern ", "southern ", "eastern ", "western ", "central ",
                                               "northeastern ", "northwestern ", "southeastern ", "southwestern "})
                if (gap.ends_with(adjective)) {
                    gap.erase(gap.size() - adjective.size());
                    break;
                }
            // Not when the place before is the broader one: a country does not lie in its town ("forces of
            // Pakistan in Kharan").
            if ((gap == " in " || gap == ", in " || gap == " in the " || gap == ", in the ") &&
                level_of(ctx.places[k - 1]) >= level_of(t))
                score -= 1.5;
            // "Gradiska, northeast of Banja Luka", "Abu Ghraib, on the western edge of Baghdad", "Kakata, 60
            // kilometers northeast of Monrovia": the second place only says where the first is.
            if (gap.starts_with(", ") && gap.ends_with(" of ") && gap.find(',', 1) == std::string::npos &&
                (gap.find("north") != std::string::npos || gap.find("south") != std::string::npos ||
                 gap.find("east") != std::string::npos || gap.find("west") != std::string::npos ||
                 gap.find("edge") != std::string::npos || gap.find("outskirts") != std::string::npos))
                score -= 2.5;
        }
        // "Mykolaivka, Donetsk", "Spanish Town, Saint Catherine", "Beni (Nord-Kivu)": the name right
        // after a comma or parenthesis qualifies the one before (in a list the first is as good as any).
        // The same past the kind word of the name before: "Tarim city (Hadramawt)", "Funtua LGA (Katsina)".
        if (k > 0 && usable(ctx.places[k - 1]) && t.start_byte >= ctx.places[k - 1].end_byte &&
            t.start_byte - ctx.places[k - 1].end_byte <= 16) {
            std::string_view gap = ctx.text.substr(ctx.places[k - 1].end_byte, t.start_byte - ctx.places[k - 1].end_byte);
            bool kind_word = false;
            for (std::string_view kind : {" city", " town", " village", " district", " township", " municipality",
                                          " province", " county", " LGA", " governorate", " subdistrict", " sub-district"})
                if (gap.starts_with(kind) && gap.size() > kind.size() && (gap[kind.size()] == ' ' || gap[kind.size()] == ',')) {
                    gap.remove_prefix(kind.size());
                    kind_word = true;
                    break;
                }
            if (gap.size() <= 3 && ((region_level(t) && !kind_word) || gap == ", " || gap == " (" || gap == ","))
                score -= 3;
        }
        // "The Donetsk region city of Pokrovsk", "the Texas town of X": a country or a region before
        // "city/town/village of" only says where the settlement named next lies.
        if (k + 1 < ctx.places.size() && usable(ctx.places[k + 1]) &&
            (country_level(t) || t.feature_code == "ADM1" || t.feature_code == "ADM1H" || t.feature_code == "RGN") &&
            ctx.places[k + 1].start_byte > t.end_byte && ctx.places[k + 1].start_byte - t.end_byte <= 32) {
            std::string gap(ctx.text.substr(t.end_byte, ctx.places[k + 1].start_byte - t.end_byte));
            for (char& c : gap) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
            for (std::string_view kind : {" city of ", " town of ", " village of ", " suburb of ", " neighborhood of ",
                                          " neighbourhood of ", " borough of ", " port of ", " capital of ", " camp of ",
                                          " settlement of ", " hamlet of "})
                if (gap.ends_with(kind) && std::count(gap.begin(), gap.end(), ' ') <= 4 &&
                    gap.find(',') == std::string::npos) {
                    score -= 3;
                    break;
                }
        }
        // "Kupiansk, in the Kharkiv region, was occupied": a region set off after a town says where the town is.
        if (k > 0 && usable(ctx.places[k - 1]) && region_level(t) && !region_level(ctx.places[k - 1]) &&
            t.start_byte > ctx.places[k - 1].end_byte && t.start_byte - ctx.places[k - 1].end_byte <= 12) {
            const std::string_view gap = ctx.text.substr(ctx.places[k - 1].end_byte, t.start_byte - ctx.places[k - 1].end_byte);
            if (gap == ", in the " || gap == ", in " || gap == " in the " || gap == ", in northern " ||
                gap == ", in southern " || gap == ", in eastern " || gap == ", in western ")
                score -= 3;
        }
        // "the Gebze district of Kocaeli", "Avasin area of Erbil": the name before "district of" is the place,
        // the region after it is where it lies (when the first lies in the second's country at all). "The
        // West Bank city of Nablus" is the other way round: there the town comes after.
        if (k > 0 && usable(ctx.places[k - 1]) && t.start_byte > ctx.places[k - 1].end_byte &&
            ctx.places[k - 1].country == t.country && region_level(t) && !region_level(ctx.places[k - 1]) &&
            t.start_byte - ctx.places[k - 1].end_byte <= 20 && prev == "of" &&
            one_of(prev2, {"district", "province", "region", "governorate", "county", "municipality", "area", "city",
                           "town", "village", "subdistrict", "sub-district", "neighbourhood", "neighborhood", "suburb",
                           "districts", "neighbourhoods", "neighborhoods", "villages", "suburbs"}) &&
            before >= 2 && words[before - 2].begin >= ctx.places[k - 1].end_byte - sent_begin)
            score -= 3;
        // A protest's topic ("to denounce the invasion of Ukraine", "against the dependence of Europe on
        // oil"): a topic word between the trigger and the place, the place not introduced by "in", "at"...
        bool topic = false;
        if (protest && !one_of(prev, {"in", "at", "near", "outside", "inside", "on"}))
            for (const CueHit& h : cues)
                if (h.cue == Cue::topic && h.first > trigger_word && h.last < wi &&
                    (wi - h.last <= 6 || (wi - h.last <= 16 && (country_level(t) || t.feature_code == "CONT"))))
                    topic = true;
        // The subject of talks ("talks ... on restoring calm to the Idlib area", "a call about Gaza"),
        // not where they are held, unless the place comes with in/at.
        if ((type == "diplomatic_meeting" || type == "diplomatic_call") && wi > trigger_word &&
            !one_of(prev, {"in", "at", "inside"}))
            for (std::size_t w = trigger_word + 1; w < before && w < words.size(); ++w)
                if (one_of(words[w].lower, {"on", "about", "over", "regarding", "concerning"}) &&
                    !(w + 1 < words.size() && (words[w + 1].number || on_date_word(words[w + 1].lower))))
                    topic = true;
        if (topic) score -= 3;
        score += t.confidence * 0.5;
        if (aside) {
            if (score > best_aside) {
                best_aside = score;
                out.aside = &t;
            }
            continue;
        }
        if (score > best_score) {
            best_score = score;
            out.place = &t;
            out.topic = topic;
            bool near = false;
            for (const CueHit& h : cues)
                if (h.cue == Cue::near && h.last < wi && wi - h.last <= 3) near = true;
            out.near = near;
        }
    }
    return out;
}

}  // namespace

const geoparse::Toponym* Detector::place_of(const SentenceContext& ctx, text::Span trigger) const {
    const std::string_view s = ctx.sentence.of(ctx.text);
    WordList words;
    words.assign(s);
    if (words.size() == 0 || trigger.begin < ctx.sentence.begin) return nullptr;
    std::vector<TriggerMatch> matches;
    m_triggers.match(words, matches);
    std::vector<std::uint32_t> clause(words.size(), 0);
    for (std::size_t i = 1; i < words.size(); ++i) clause[i] = clause[i - 1] + (starts_clause(words[i]) ? 1 : 0);
    std::vector<CueHit> cues;
    for (const TriggerMatch& m : matches)
        if (const Cue c = cue_of(m.pattern->type); c != Cue::none) cues.push_back({c, m.first_word, m.last_word});
    std::size_t wi = 0;
    while (wi + 1 < words.size() && words[wi].end <= trigger.begin - ctx.sentence.begin) ++wi;
    for (const CueHit& h : cues)
        if (h.cue == Cue::other_sense && h.first == wi) return nullptr;  // "captured the title in Paris"
    return choose_place(ctx, words, clause, clause[wi], trigger.begin, "", cues, true).place;
}

namespace {

// What may stand between two members of a list of places: ", ", " and ", ", and ", " or ", " and in ",
// " and the ", after an optional kind word ("Akida village and Mbuta village").
bool list_gap(std::string_view gap) {
    // Lower case, and any run of spaces or line breaks as one space ("Kharkiv and  Kherson").
    std::string g;
    for (const char c : gap) {
        const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
        if (space && !g.empty() && g.back() == ' ') continue;
        g.push_back(space ? ' ' : (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c);
    }
    for (std::string_view kind : {" villages", " village", " towns", " town", " districts", " district", " cities",
                                  " city", " neighbourhoods", " neighbourhood", " neighborhoods", " neighborhood",
                                  " governorates", " provinces", " regions"})
        if (g.starts_with(kind)) {
            g.erase(0, kind.size());
            break;
        }
    for (std::string_view sep : {", ", " and ", ", and ", " or ", ", or ", " and in ", ", and in ", ", in ", " and the ",
                                 " and at ", " and also in ", ", as well as ", " as well as ", " and both in "})
        if (g == sep) return true;
    // "Kharkiv and the city of Kherson", "Gao, and the town of Kidal": the second named with its kind.
    for (std::string_view sep : {" and the ", ", and the ", " and in the "})
        if (g.starts_with(sep))
            for (std::string_view kind : {"city of ", "town of ", "village of ", "port of ", "towns of ", "cities of "})
                if (g.size() == sep.size() + kind.size() && g.compare(sep.size(), kind.size(), kind) == 0) return true;
    return false;
}

// The places listed beside `first` (itself not included), in the order they are reached.
std::vector<const geoparse::Toponym*> listed_with(const SentenceContext& ctx, const geoparse::Toponym* first) {
    std::vector<const geoparse::Toponym*> out;
    const auto& ps = ctx.places;
    std::size_t k = static_cast<std::size_t>(first - ps.data());
    if (k >= ps.size()) return out;
    const int level = level_of(*first);
    auto member = [&](std::size_t a, std::size_t b) {  // places a < b adjacent in a list
        const geoparse::Toponym& x = ps[a];
        const geoparse::Toponym& y = ps[b];
        if (!usable(y) || !usable(x) || y.start_byte < x.end_byte || y.end_byte > ctx.sentence.end ||
            x.start_byte < ctx.sentence.begin)
            return false;
        const std::string_view gap = ctx.text.substr(x.end_byte, y.start_byte - x.end_byte);
        // Places of one level; or, joined by "and"/"or", any two below a country: a town the gazetteer
        // reads as its namesake province ("Kharkiv and Donetsk", Donetsk read as its region) is still one
        // of the towns listed. A comma alone keeps "Gubio, Borno State" a town and its state.
        const bool same_level = level_of(y) == level && level_of(x) == level;
        const bool joined = gap.find(" and ") != std::string_view::npos || gap.find(" or ") != std::string_view::npos;
        if (!same_level && !(joined && level > 0 && level_of(x) > 0 && level_of(y) > 0)) return false;
        return list_gap(gap);
    };
    std::size_t last = k, first_member = k;
    while (last + 1 < ps.size() && member(last, last + 1)) ++last;
    while (first_member > 0 && member(first_member - 1, first_member)) --first_member;
    if (first_member == last) return out;
    // A list ends in "and" or "or" ("Kharkiv, Izium and Kupiansk"); commas alone are a place and its
    // qualifiers. "Between Fallujah and Baghdad" names two ends, not two places of the event.
    bool conjunction = false;
    for (std::size_t j = first_member; j < last; ++j) {
        const std::string_view gap = ctx.text.substr(ps[j].end_byte, ps[j + 1].start_byte - ps[j].end_byte);
        if (gap.find(" and ") != std::string_view::npos || gap.find(" or ") != std::string_view::npos) conjunction = true;
    }
    const std::string_view before = ctx.text.substr(ctx.sentence.begin, ps[first_member].start_byte - ctx.sentence.begin);
    if (!conjunction || before.ends_with("between ") || before.ends_with("Between ") || before.ends_with("between the "))
        return out;
    for (std::size_t j = first_member; j <= last; ++j)
        if (j != k) out.push_back(&ps[j]);
    return out;
}

}  // namespace

std::vector<const geoparse::Toponym*> Detector::places_of(const SentenceContext& ctx, text::Span trigger) const {
    std::vector<const geoparse::Toponym*> out;
    const geoparse::Toponym* first = place_of(ctx, trigger);
    if (!first) return out;
    out.push_back(first);
    for (const geoparse::Toponym* t : listed_with(ctx, first)) out.push_back(t);
    return out;
}

std::optional<text::DateMention> opening_date(std::string_view sentence, Date reference) {
    return opening_date(sentence, text::find_dates(sentence, reference));
}

std::optional<text::DateMention> opening_date(std::string_view sentence, const std::vector<text::DateMention>& dates) {
    if (dates.empty()) return std::nullopt;
    const text::DateMention& first = dates.front();
    if (first.relative || !first.has_year || first.time_precision != text::precision_day) return std::nullopt;
    // Only the second word's start matters: split a short head of the sentence. Words that start
    // two bytes or more before the cut are the sentence's own (a word's end looks at most two bytes
    // ahead); otherwise split the whole sentence.
    WordList words;
    const std::size_t cut = std::min(sentence.size(), first.span.begin + 24);
    words.assign(sentence.substr(0, cut));
    if (cut < sentence.size() && !(words.size() > 1 && words[1].begin + 2 <= cut)) words.assign(sentence);
    if (!opens_sentence(first, words)) return std::nullopt;
    return first;
}

void Detector::detect(const SentenceContext& ctx, std::vector<Detection>& out) const {
    const std::string_view s = ctx.sentence.of(ctx.text);
    {
        std::string_view t = s;
        while (!t.empty() && (t.back() == ' ' || t.back() == '"' || t.back() == '\'' || t.back() == ')')) t.remove_suffix(1);
        if (!t.empty() && t.back() == '?') return;  // questions report nothing
    }
    // Every sentence comes here, most to leave at the next lines: the word list and the matches keep
    // their memory from one sentence to the next (one set a thread; detect() does not call itself).
    thread_local WordList words;
    thread_local std::vector<TriggerMatch> matches;
    words.assign(s);
    if (words.size() == 0) return;
    m_triggers.match(words, matches);
    if (matches.empty()) return;

    // Clauses.
    std::vector<std::uint32_t> clause(words.size(), 0);
    for (std::size_t i = 1; i < words.size(); ++i) clause[i] = clause[i - 1] + (starts_clause(words[i]) ? 1 : 0);
    const std::uint32_t clauses = clause.back() + 1;

    std::vector<CueHit> cues;
    std::vector<TriggerMatch> triggers;
    for (const TriggerMatch& m : matches) {
        const Cue c = cue_of(m.pattern->type);
        if (c != Cue::none) {
            // "May" is a month, not a possibility.
            if (c == Cue::possibility && words[m.first_word].capitalised && words[m.first_word].lower == "may" &&
                m.first_word > 0)
                continue;
            cues.push_back({c, m.first_word, m.last_word});
        } else if (m.pattern->type.substr(0, 4) != "cue:") {
            triggers.push_back(m);
        }
    }
    // "captured the title", "shot a film", "shot up by 4 percent": not the conflict sense.
    std::erase_if(triggers, [&](const TriggerMatch& m) {
        return std::any_of(cues.begin(), cues.end(), [&](const CueHit& h) {
            return h.cue == Cue::other_sense && h.first <= m.first_word && m.first_word <= h.last;
        });
    });
    auto has_cue = [&](Cue c, std::uint32_t cl) {
        for (const CueHit& h : cues)
            if (h.cue == c && clause[h.first] == cl) return true;
        return false;
    };
    auto has_cue_anywhere = [&](Cue c) {
        for (const CueHit& h : cues)
            if (h.cue == c) return true;
        return false;
    };
    // A cue before the trigger in its clause, within `window` words (0 = anywhere before).
    auto cue_before = [&](Cue c, const TriggerMatch& m, std::uint32_t window) {
        for (const CueHit& h : cues) {
            if (h.cue != c || clause[h.first] != clause[m.first_word]) continue;
            if (h.last >= m.first_word) continue;
            if (h.first >= m.first_word) continue;
            if (window == 0 || m.first_word - h.last <= window) return true;
        }
        return false;
    };

    // In a protest, what the protesters protest against ("against the killing of", "demanding a deal")
    // is their topic, not an event of its own; nor is a protest's "sign" or "memorandum" an agreement.
    bool protest_trigger = false;
    for (const TriggerMatch& m : triggers)
        if (is_protest_type(m.pattern->type)) protest_trigger = true;
    const bool protest_cue = has_cue_anywhere(Cue::protest);
    const bool protest_context = protest_trigger || protest_cue;
    auto protest_topic = [&](const TriggerMatch& m) {
        if (!protest_context || is_protest_type(m.pattern->type)) return false;
        if (m.pattern->type == "agreement") return true;
        // A summit or visit beside a protest is what the protest is at, not the event reported; a new
        // policy (recruitment, an appointment, a ban) or a disaster beside one is what it is about.
        if (protest_trigger && (m.pattern->type == "diplomatic_meeting" || m.pattern->type == "diplomatic_visit" ||
                                m.pattern->type == "change_to_group_activity"))
            return true;
        if (protest_cue && (m.pattern->type == "natural_disaster" || m.pattern->type == "man_made_disaster")) return true;
        for (const CueHit& h : cues)
            if (h.cue == Cue::topic && h.last < m.first_word && m.first_word - h.last <= 4 &&
                clause[h.first] == clause[m.first_word])
                return true;
        return false;
    };

    const bool disaster = has_cue_anywhere(Cue::disaster);
    // The event just before "coded/reported separately" (and one it happened in a few words before:
    // "kidnapped during a clash ... (coded separately)"). After a name ("in X and Y (coded separately)") the
    // remark is about the other places of the same event.
    auto separately_told = [&](const TriggerMatch& m) {
        for (const CueHit& h : cues) {
            if (h.cue != Cue::separate || h.first <= m.last_word) continue;
            if (words[h.first - 1].capitalised) return false;
            const TriggerMatch* nearest = nullptr;
            for (const TriggerMatch& o : triggers)
                if (o.last_word < h.first && (!nearest || o.first_word > nearest->first_word)) nearest = &o;
            if (!nearest) return false;
            return nearest->first_word == m.first_word ||
                   (m.last_word < nearest->first_word && nearest->first_word - m.last_word <= 4 &&
                    clause[m.first_word] == clause[nearest->first_word]);
        }
        return false;
    };

    // Best trigger per clause, after dropping negated, hypothetical and conditional ones.
    std::vector<const TriggerMatch*> best(clauses, nullptr);
    bool harm_to_people = false;  // someone was killed, beaten or tortured in this sentence
    std::vector<std::string> why_dropped;
    for (const TriggerMatch& m : triggers) {
        if (cue_before(Cue::negation, m, 3)) continue;
        if (cue_before(Cue::possibility, m, 0)) continue;
        // A named event as the subject of "may", "might" or "could": "talks could resume in Doha", "protests
        // may spread to Kisumu" say what is possible, not what happened.
        if (m.last_word + 1 < words.size() && !words[m.last_word + 1].boundary_before &&
            one_of(words[m.last_word + 1].lower, {"may", "might", "could"}))
            continue;
        if (cue_before(Cue::conditional, m, 0)) continue;
        if (protest_topic(m)) continue;
        // "one of the wounded", "the dead were buried": casualties named as a group, not an event.
        if (m.first_word == m.last_word && m.first_word > 0 && words[m.first_word - 1].lower == "the" &&
            one_of(words[m.first_word].lower, {"wounded", "injured", "dead", "killed"}))
            continue;
        // A disaster's toll ("killed 40", "an explosion") is no attack; a specific trigger still counts.
        if (disaster && m.pattern->weight < 80 && !is_protest_type(m.pattern->type)) continue;
        const std::uint32_t cl = clause[m.first_word];
        if (m.pattern->type == "attack") harm_to_people = true;
        if (!best[cl] || m.pattern->weight > best[cl]->pattern->weight) best[cl] = &m;
    }

    const bool protest_in_sentence = has_cue_anywhere(Cue::protest);
    bool explicit_fighting = false;  // "clashes", "fighting", "exchanged fire"
    for (const TriggerMatch& m : triggers)
        if (m.pattern->type == "armed_clash" && m.pattern->weight >= 70) explicit_fighting = true;
    std::vector<text::DateMention> own_dates;
    const std::vector<text::DateMention>* sentence_dates = ctx.dates;
    std::vector<ActorFound> actors;
    bool actors_done = false;
    std::string last_type;
    for (std::uint32_t cl = 0; cl < clauses; ++cl) {
        const TriggerMatch* m = best[cl];
        if (!m) continue;
        Detection d;
        d.type = m->pattern->type;
        d.why = "trigger \"" + m->pattern->text + "\" (line " + std::to_string(m->pattern->line) + ")";
        double confidence = std::min(1.0, 0.35 + m->pattern->weight / 200.0);
        // A claim of (or blame for) an attack refers to that attack: when the report tells the attack
        // too, the attack is its main event.
        if (d.type == "claim_of_responsibility") confidence = 0.45;

        // Protests: the sentence decides between peaceful, intervention and force.
        if (protest_in_sentence || is_protest_type(d.type)) {
            bool intervention = false, lethal = false, violent = false;
            for (const TriggerMatch& t : triggers) {
                // What the protest is about ("demanding the release of those arrested") is no intervention.
                if ((t.pattern->type == "protest_with_intervention" || t.pattern->type == "arrests") && !protest_topic(t))
                    intervention = true;
                if (t.pattern->type == "excessive_force_against_protesters") lethal = true;
                if (t.pattern->type == "violent_demonstration") violent = true;
            }
            if (has_cue_anywhere(Cue::lethal) && intervention) lethal = true;
            const bool protest_family = is_protest_type(d.type) || d.type == "arrests" || d.type == "attack" ||
                                        d.type == "violent_demonstration" || d.type == "looting_property_destruction" ||
                                        d.type == "armed_clash";
            if (protest_family) {
                if (lethal) d.type = "excessive_force_against_protesters";
                else if (violent || (has_cue_anywhere(Cue::violent) && d.type != "peaceful_protest" && !intervention))
                    d.type = "violent_demonstration";
                else if (intervention) d.type = "protest_with_intervention";
                else if (is_protest_type(d.type) || d.type == "arrests") d.type = d.type == "arrests" ? "protest_with_intervention" : d.type;
                if (d.type != m->pattern->type) d.why += "; protest rule -> " + d.type;
            }
        }
        // Harm to people outranks the property taken or the arrest that came with it (as ACLED codes).
        if ((d.type == "looting_property_destruction" || d.type == "arrests" ||
             d.type == "abduction_forced_disappearance") && harm_to_people) {
            d.type = "attack";
            d.why += "; people harmed -> attack";
        }
        // An attack on armed men, not civilians, is a clash.
        // The victim decides: the object after the trigger, or the subject of a passive ("was shot").
        Cue victim = Cue::none;
        if (d.type == "attack") {
            const bool passive = passive_at(words, m->first_word);
            std::uint32_t best_gap = UINT32_MAX;
            for (const CueHit& h : cues) {
                if ((h.cue != Cue::civilian_victim && h.cue != Cue::armed_party) || clause[h.first] != cl) continue;
                std::uint32_t gap = UINT32_MAX;
                if (!passive && h.first > m->last_word && h.first - m->last_word <= 8) gap = h.first - m->last_word;
                if (passive && h.last < m->first_word && m->first_word - h.last <= 6) gap = m->first_word - h.last;
                if (gap < best_gap) {
                    best_gap = gap;
                    victim = h.cue;
                }
            }
        }
        // An off-duty, former or captive fighter is a civilian victim (as ACLED codes it).
        if (d.type == "attack" && victim != Cue::civilian_victim && has_cue(Cue::noncombatant, cl)) {
            victim = Cue::civilian_victim;
            d.why += "; victim not in combat";
        }
        if (d.type == "attack" && (victim == Cue::armed_party ||
                                   (victim == Cue::none && !has_cue(Cue::civilian_victim, cl) && !has_cue(Cue::noncombatant, cl) &&
                                    has_cue(Cue::armed_party, cl) && m->pattern->weight < 70))) {
            d.type = "armed_clash";
            d.why += "; armed parties, no civilian victim -> armed_clash";
        }
        // Residents or a crowd who beat or kill someone: the subject before the trigger, or the agent
        // of a passive ("was beaten by residents"), with no armed party among them.
        // An armed party elsewhere in the clause (the victim, "took him to the police station") leaves
        // the crowd a crowd; one among the doers makes it no mob.
        if (d.type == "attack") {
            const bool passive = passive_at(words, m->first_word);
            auto doer = [&](const CueHit& h) {
                if (!passive) return h.last < m->first_word && m->first_word - h.last <= 6;
                if (!(h.first > m->first_word && h.first - m->first_word <= 5)) return false;
                for (std::uint32_t w = m->first_word + 1; w < h.first; ++w)
                    if (words[w].lower == "by") return true;
                return false;
            };
            bool mob = false, armed_doer = false;
            for (const CueHit& h : cues) {
                if (clause[h.first] != cl) continue;
                if (h.cue == Cue::mob_subject && doer(h)) mob = true;
                // Armed men before the verb, or named as its agent, are among the doers.
                if (h.cue == Cue::armed_party && (passive ? doer(h) : h.last < m->first_word)) armed_doer = true;
            }
            if (mob && !armed_doer) {
                d.type = "mob_violence";
                d.why += "; a crowd, not an armed group -> mob_violence";
            }
        }
        // Unorganised crowds fighting each other or attacking: mob violence, not a battle or a demonstration.
        // A crowd that fights or assaults police or soldiers ("locals assaulted two police officers") is one
        // too: the armed party is its opponent, after the verb, not among its subjects.
        bool crowd_subject = false, armed_subject = false;
        if (d.type == "armed_clash") {
            for (const CueHit& h : cues) {
                if (clause[h.first] != cl || h.first >= m->first_word) continue;
                if (h.cue == Cue::armed_party) armed_subject = true;
                // A capital mid-sentence is a name ("People's Defense Force"), not a crowd.
                if (h.cue == Cue::mob_subject && m->first_word - h.last <= 6 && (h.first == 0 || !words[h.first].capitalised))
                    crowd_subject = true;
            }
        }
        if (!protest_in_sentence && ((d.type == "armed_clash" && !has_cue_anywhere(Cue::armed_means) &&
                                      ((has_cue_anywhere(Cue::crowd) && !has_cue(Cue::armed_party, cl)) ||
                                       (crowd_subject && !armed_subject))) ||
                                     d.type == "violent_demonstration")) {
            d.type = "mob_violence";
            d.why += "; crowd without arms or demonstration -> mob_violence";
        }
        // Killing in a sentence that reports fighting is most likely the fighting's toll: the clash
        // is the better-attested event of the sentence.
        if (d.type == "attack" && explicit_fighting) confidence *= 0.9;
        // "... after clashes near the market (coded separately)": the event the remark follows is told
        // elsewhere as its own report; here it is background to the sentence's main event.
        if (separately_told(*m)) {
            confidence *= 0.8;
            d.why += "; told separately";
        }
        if (d.type == last_type) continue;  // one event per type and sentence
        last_type = d.type;

        const std::size_t sent_begin = ctx.sentence.begin;
        d.trigger = text::Span{sent_begin + words[m->first_word].begin, sent_begin + words[m->last_word].end};

        // ---------------- location ----------------
        const PlaceChoice choice = choose_place(ctx, words, clause, cl, d.trigger.begin, d.type, cues);
        // The subject of talks is not where they were held: the talks then have no place of their own here.
        const bool talks_topic = choice.topic && (d.type == "diplomatic_meeting" || d.type == "diplomatic_call");
        const geoparse::Toponym* chosen = talks_topic ? nullptr : choice.place;
        const bool chosen_near = choice.near;
        if (chosen && choice.topic && ctx.previous_place) {
            // Only the protest's topic is named here: the paragraph said where it was.
            d.place = ctx.previous_place;
            d.geo_precision = region_level(*ctx.previous_place) ? 3 : 1;
            d.why += "; " + chosen->text + " is the topic, place from the paragraph -> " + ctx.previous_place->text;
        } else if (chosen) {
            d.place = chosen;
            d.geo_precision = (chosen->derived || chosen_near) ? 2 : 1;
            if (region_level(*chosen)) d.geo_precision = 3;
        } else if (ctx.previous_place && (has_cue(Cue::anaphora, cl) || has_cue_anywhere(Cue::anaphora))) {
            d.place = ctx.previous_place;
            d.geo_precision = region_level(*ctx.previous_place) ? 3 : 1;
            d.why += "; place from \"the city/town\" -> " + ctx.previous_place->text;
        } else if (ctx.previous_place) {
            d.place = ctx.previous_place;
            d.geo_precision = region_level(*ctx.previous_place) ? 3 : 2;
            confidence *= 0.85;
            d.why += "; place from the paragraph -> " + ctx.previous_place->text;
        } else if (ctx.dateline_place) {
            d.place = ctx.dateline_place;
            d.geo_precision = region_level(*ctx.dateline_place) ? 3 : 2;
            confidence *= 0.7;
            d.why += "; place from the dateline";
        } else if (choice.aside) {
            d.place = choice.aside;
            d.geo_precision = region_level(*choice.aside) ? 3 : 2;
            d.why += "; only place named is not where it happened -> " + choice.aside->text;
        } else if (ctx.require_place) {
            continue;  // an event we cannot put on a map is not reported
        }

        // ---------------- date ----------------
        if (!sentence_dates) {
            own_dates = text::find_dates(s, ctx.reference);
            sentence_dates = &own_dates;
        }
        const std::vector<text::DateMention>& dates = *sentence_dates;
        const text::DateMention* date = nullptr;
        // "On 18 April 2022, overnight ...": a full date outranks a relative word beside it.
        const bool has_absolute = std::any_of(dates.begin(), dates.end(), [](const text::DateMention& dm) {
            return !dm.relative && dm.time_precision == text::precision_day;
        });
        // "On 9 March 2022, ..." / "Around 7 June 2022 (between 3 - 10 June), ...": a full date that opens
        // the sentence dates everything the sentence reports; later dates in it are asides.
        if (!dates.empty() && opens_sentence(dates.front(), words)) date = &dates.front();
        const bool opening_date = date != nullptr;
        for (const auto& dm : dates) {
            if (opening_date) break;
            if (has_absolute && dm.relative) continue;
            std::size_t wi = 0;
            while (wi < words.size() && words[wi].end <= dm.span.begin) ++wi;
            const bool same = wi < words.size() && clause[wi] == cl;
            if (same && (!date || std::abs(static_cast<long>(dm.span.begin) - static_cast<long>(words[m->first_word].begin)) <
                                     std::abs(static_cast<long>(date->span.begin) - static_cast<long>(words[m->first_word].begin))))
                date = &dm;
        }
        if (!date && !dates.empty()) {
            // Another clause's date counts unless that clause is background history.
            for (const auto& dm : dates) {
                std::size_t wi = 0;
                while (wi < words.size() && words[wi].end <= dm.span.begin) ++wi;
                if (wi < words.size() && has_cue(Cue::background, clause[wi])) continue;
                date = &dm;
                break;
            }
        }
        // "Drones struck the column, the army said in a statement on Wednesday": a day the saying clause
        // after the event names is when it was said. The day the story named before, when earlier and
        // within the week, is the event's ("Militants attacked Djibo on Sunday. ...").
        std::optional<text::DateMention> story_day;
        if (date && !opening_date && ctx.paragraph_date) {
            std::size_t wi = 0;
            while (wi < words.size() && words[wi].end <= date->span.begin) ++wi;
            bool said = false, comma = false;
            for (std::size_t w = wi; w > m->last_word + 1 && w + 7 > wi && !said; --w) {
                said = one_of(words[w - 1].lower, {"said", "told", "announced", "stated", "reported", "confirmed", "added",
                                                   "claimed"});
                if (said)
                    for (std::size_t b = m->last_word + 1; b < w && !comma; ++b) comma = words[b].boundary == ',';
            }
            if (said && comma)
                if (const auto before = ctx.paragraph_date(); before && before->start < date->start &&
                                                              before->start.days_since_epoch() + 7 >= date->start.days_since_epoch()) {
                    story_day = before;
                    date = &*story_day;
                    d.why += "; the statement's day is not the event's";
                }
        }
        // A report that opens with the full date ("On 9 March 2022, in X, ...") states its main event
        // there: that sentence's events are better attested than the details that follow.
        if (opening_date) confidence = std::min(1.0, confidence + 0.05);
        // A later sentence's event on that same day ("On 22 March, police detained ...") is the main
        // event too, ahead of the earlier days the report goes through.
        else if (date && ctx.lead_date && !date->relative && date->time_precision == text::precision_day &&
                 date->start == *ctx.lead_date)
            confidence = std::min(1.0, confidence + 0.05);
        // One its own date puts before that day ("he had planted a bomb there on 2 March") is recalled.
        else if (date && ctx.lead_date && !date->relative && date->start < *ctx.lead_date)
            confidence *= 0.9;
        if (date) {
            d.date = date->start;
            d.date_end = date->end;
            d.time_precision = date->time_precision;
        } else if (const auto paragraph_date = ctx.paragraph_date ? ctx.paragraph_date() : std::nullopt) {
            d.date = paragraph_date->start;
            d.date_end = paragraph_date->end;
            d.time_precision = paragraph_date->time_precision;
            d.why += "; date from the paragraph";
        } else {
            d.date = ctx.reference;
            d.time_precision = ctx.reference_exact ? 1 : 2;
            // With no date at all, a news report speaks of the day it went out or the day before.
            if (ctx.reference_exact) d.time_precision = 2, d.date = ctx.reference.plus_days(-1), d.date_end = ctx.reference;
            d.why += "; date from publication";
        }

        // ---------------- status ----------------
        bool planned = false;
        for (const CueHit& h : cues)
            if (h.cue == Cue::planned && clause[h.first] == cl && h.first < m->first_word) planned = true;
        if (!planned && date && date->start > ctx.reference) planned = true;
        if (planned) {
            d.status = EventStatus::planned;
            confidence *= 0.85;
            if (!date || date->start <= ctx.reference) {
                // "will visit" without a date: some time after publication.
                d.date = ctx.reference.plus_days(1);
                d.date_end = ctx.reference.plus_days(7);
                d.time_precision = 2;
            }
        } else if ((date && date->start.days_since_epoch() < ctx.reference.days_since_epoch() - 45) ||
                   (has_cue(Cue::background, cl) &&
                    (!date || date->start.days_since_epoch() < ctx.reference.days_since_epoch() - 7))) {
            d.status = EventStatus::background;
            confidence *= 0.6;
        }

        // ---------------- actors, count, fatalities ----------------
        const std::string place_country = d.place ? d.place->country : std::string();
        if (!actors_done) {
            actors = find_actors(words, 0, words.size(), m_actors, place_country);
            actors_done = true;
        }
        const ActorFound* a1 = nullptr;
        const ActorFound* a2 = nullptr;
        for (const ActorFound& a : actors) {
            if (a.word < m->first_word && clause[a.word] <= cl) a1 = &a;  // the latest subject before the trigger
        }
        for (const ActorFound& a : actors)
            if (a.word > m->last_word && clause[a.word] == cl && (!a1 || a.name != a1->name)) {
                a2 = &a;
                break;
            }
        if (!a1)
            for (const ActorFound& a : actors)
                if (&a != a2) {
                    a1 = &a;
                    break;
                }
        if (a1) d.actor1 = a1->name;
        if (a2) d.actor2 = a2->name;
        // Only authorities arrest: an armed group that detains people abducts them (as ACLED codes it).
        if (d.type == "arrests" && a1 && a1->armed_group && a1->word < m->first_word) {
            d.type = "abduction_forced_disappearance";
            d.why += "; detained by " + a1->name + " -> abduction_forced_disappearance";
        }
        // Taking ground: state forces in their own country regain it; others overtake it.
        // Only the subject takes ground: state forces named after the trigger are what was taken.
        if ((d.type == "non_state_actor_overtakes_territory" || d.type == "government_regains_territory") && a1 &&
            a1->state && a1->word < m->first_word) {
            // State forces in their own country (or where the text gives no other country) regain ground.
            const bool own_state = a1->country.empty() || place_country.empty() || a1->country == place_country;
            const std::string t = own_state ? "government_regains_territory" : "non_state_actor_overtakes_territory";
            if (t != d.type) d.why += "; actor " + a1->name + " -> " + t;
            d.type = t;
        } else if (d.type == "government_regains_territory" && a1 && a1->armed_group && a1->word < m->first_word &&
                   std::none_of(actors.begin(), actors.end(),
                                [&](const ActorFound& a) { return a.state && a.word < m->first_word; })) {
            // A rebel group or militia (and no state force) before "retook": the group overtakes the town.
            d.type = "non_state_actor_overtakes_territory";
            d.why += "; actor " + a1->name + " -> " + d.type;
        }

        if (d.type == "air_drone_strike" || d.type == "shelling_artillery_missile_attack" ||
            d.type == "disrupted_weapons_use" || d.type == "remote_explosive_landmine_ied" || d.type == "grenade") {
            auto count_at = [&](std::size_t j) -> std::optional<int> {
                if (j >= words.size() || !words[j].number || words[j].lower == "a" || words[j].lower == "an") return {};
                if (j + 1 < words.size() && person_word(words[j + 1].lower)) return {};
                const long long v = number_value(words[j].lower);
                if (v <= 0 || v > 10000 || (v >= 1900 && v <= 2100)) return {};
                return static_cast<int>(v);
            };
            for (std::size_t back = 1; back <= 3 && back <= m->first_word && !d.count; ++back) {
                d.count = count_at(m->first_word - back);
                if (words[m->first_word - back + 1].boundary_before) break;
            }
            for (std::size_t j = m->last_word + 1; j <= m->last_word + 3 && j < words.size() && !d.count; ++j) {
                if (words[j].boundary_before) break;
                d.count = count_at(j);
            }
        }
        d.fatalities = find_fatalities(words, cues);
        d.confidence = confidence;
        // "Protesters marched in Hamburg and Luebeck": one event in each place, as ACLED codes them.
        // The sentence's toll and count belong to the whole, so the other places' are unknown.
        std::vector<const geoparse::Toponym*> also;
        if (chosen && d.place == chosen) also = listed_with(ctx, chosen);
        out.push_back(d);
        for (const geoparse::Toponym* t : also) {
            Detection other = out.back();
            other.place = t;
            other.geo_precision = region_level(*t) ? 3 : (t->derived ? 2 : 1);
            other.count.reset();
            other.fatalities.reset();
            other.confidence = confidence * 0.95;
            other.why += "; listed with " + chosen->text;
            other.listed = true;
            out.push_back(std::move(other));
        }
    }
}

}  // namespace eventmap::events
