#pragma once
// Rule-based event detection: sentence and clause -> typed, dated, located candidate events.
// Triggers come from data (TriggerSet); the rules that read them (negation, modality, plans,
// location and date choice, actors, counts, fatalities) are documented in docs/events.md.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "eventmap/events/event.h"
#include "eventmap/events/triggers.h"
#include "eventmap/geoparse/toponym.h"
#include "eventmap/text/dates.h"
#include "eventmap/text/span.h"

namespace eventmap::events {

/// Who did something: demonyms ("Russian forces" -> "Military Forces of Russia"), named groups
/// from data/actors.tsv, and generic actors (police, protesters, rioters) named after the country.
class ActorTable {
public:
    ActorTable() = default;
    ActorTable(const ActorTable& other)
        : m_demonyms(other.m_demonyms), m_names(other.m_names), m_named(other.m_named) {
        index_named();  // the index points into m_named: rebuild it for the copy
    }
    ActorTable& operator=(const ActorTable& other) {
        if (this != &other) {
            m_demonyms = other.m_demonyms;
            m_names = other.m_names;
            m_named = other.m_named;
            index_named();
        }
        return *this;
    }
    ActorTable(ActorTable&&) noexcept = default;
    ActorTable& operator=(ActorTable&&) noexcept = default;
    /// Loads data/demonyms.tsv, data/actors.tsv (when present) and English country names.
    static ActorTable load_default();
    /// From explicit files; a missing optional file is skipped. Throws IoError/FormatError.
    static ActorTable load(const std::filesystem::path& demonyms, const std::filesystem::path& actors,
                           const std::filesystem::path& country_names_json);
    /// ISO2 for a lower-case demonym word ("russian" -> "RU"); "" when unknown.
    std::string_view country_of_demonym(std::string_view lower_word) const;
    /// English short name for ISO2 ("RU" -> "Russia"); the code itself when unknown.
    std::string country_name(std::string_view iso2) const;

    struct Named {
        std::vector<std::string> words;  ///< lower-case words of the pattern
        std::string actor;
        std::string kind;                ///< "state", "rebel", "militia", ...
        std::string country;
    };
    const std::vector<Named>& named() const { return m_named; }
    /// Named actors whose pattern starts with `lower_word`, in file order (longest first).
    const std::vector<const Named*>& named_starting_with(std::string_view lower_word) const;
    void add_named(Named named) {
        m_named.push_back(std::move(named));
        index_named();
    }
    void add_demonym(std::string lower_word, std::string iso2) { m_demonyms[std::move(lower_word)] = std::move(iso2); }
    void add_country_name(std::string iso2, std::string name) { m_names[std::move(iso2)] = std::move(name); }

private:
    struct StringHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    template <class T>
    using ByWord = std::unordered_map<std::string, T, StringHash, std::equal_to<>>;  // looked up by string_view
    ByWord<std::string> m_demonyms;
    std::unordered_map<std::string, std::string> m_names;
    std::vector<Named> m_named;
    ByWord<std::vector<const Named*>> m_named_by_first;
    void index_named();
};

/// What the detector sees of one sentence.
struct SentenceContext {
    std::string_view text;       ///< the whole article text
    text::Span sentence;         ///< the sentence, bytes of `text`
    Date reference;              ///< publication date (valid)
    bool reference_exact = true; ///< false when the publication date was guessed (coarser fallback dates)
    /// Toponyms of the sentence (bytes of `text`), in order; any kind (non-literal ones are skipped).
    std::span<const geoparse::Toponym> places;
    /// The latest literal, resolved place before this sentence in the same paragraph (or the one
    /// before): what "the city" / "the town" refers to. nullptr when none.
    const geoparse::Toponym* previous_place = nullptr;
    /// The dateline's resolved place, a fallback only. nullptr when none.
    const geoparse::Toponym* dateline_place = nullptr;
    /// The latest date mentioned earlier in the paragraph, if any (the paragraph's date). A function,
    /// so that the earlier sentences' dates are read only when an event needs them; empty: none.
    std::function<std::optional<text::DateMention>()> paragraph_date;
    /// The full date the article's first sentence opens with ("On 9 March 2022, ..."), if any: the day
    /// of the report's main event.
    std::optional<Date> lead_date;
    /// When false, an event with no place at all is still reported (place nullptr): type-only evaluation.
    bool require_place = true;
    /// text::find_dates(sentence, reference) when the caller has it already; nullptr: detect() finds them.
    const std::vector<text::DateMention>* dates = nullptr;
};

/// The full date (day, month and year) a sentence opens with: "On 9 March 2022, ...", "Around 7 June
/// 2022 (between 3 - 10 June), ..."; nullopt when the sentence opens otherwise.
std::optional<text::DateMention> opening_date(std::string_view sentence, Date reference);
/// The same from the sentence's dates (text::find_dates of it).
std::optional<text::DateMention> opening_date(std::string_view sentence, const std::vector<text::DateMention>& dates);

/// One event found in a sentence, before it becomes an Event record.
struct Detection {
    std::string type;                    ///< slug
    EventStatus status = EventStatus::occurred;
    text::Span trigger;                  ///< bytes of the article text
    const geoparse::Toponym* place = nullptr;  ///< the event's place (never a demonym, metonym or embedded name)
    int geo_precision = 1;
    Date date;
    std::optional<Date> date_end;
    int time_precision = 1;
    std::string actor1, actor2;
    std::optional<int> count;
    std::optional<int> fatalities;
    double confidence = 0;               ///< 0..1
    std::string why;                     ///< the trigger pattern and the rules that applied (for --explain and tests)
    bool listed = false;                 ///< one of several places listed for one trigger ("in Hamburg and Luebeck"), not the first
};

class Detector {
public:
    Detector(TriggerSet triggers, ActorTable actors);
    /// Loads data/event_triggers.tsv and the default actor table.
    static Detector load_default();

    /// Appends the events of one sentence to `out` (usually zero or one; one per clause at most).
    /// Thread-safe: a Detector is read-only after construction.
    void detect(const SentenceContext& sentence, std::vector<Detection>& out) const;

    /// The place of the event a caller marks in the sentence (`trigger`, bytes of ctx.text: a verb
    /// as event-location linking gives it), chosen as detect() chooses for its own triggers;
    /// nullptr when the sentence names no usable place. Only ctx.text, sentence and places are read.
    const geoparse::Toponym* place_of(const SentenceContext& ctx, text::Span trigger) const;

    /// place_of(), with the places listed beside it as the same event's places: "marched in Hamburg
    /// and Luebeck", "the villages of Soran and Maharda", "in Sydney, Brisbane and Ipswich". A list's
    /// members are of one level (towns with towns, regions with regions), so "Avdiivka, Donetsk
    /// region" is one place and its qualifier. Empty when place_of() finds none; the first is place_of()'s.
    std::vector<const geoparse::Toponym*> places_of(const SentenceContext& ctx, text::Span trigger) const;

    /// The dates of a sentence as the detector reads them (exposed for the paragraph context).
    static std::vector<text::DateMention> dates_of(std::string_view sentence, Date reference);

    const TriggerSet& triggers() const { return m_triggers; }
    const ActorTable& actors() const { return m_actors; }

private:
    TriggerSet m_triggers;
    ActorTable m_actors;
};

}  // namespace eventmap::events
