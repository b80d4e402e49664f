#include "eventmap/events/extract.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>

#include <xxhash.h>

#include "eventmap/events/dedup.h"
#include "eventmap/events/taxonomy.h"
#include "eventmap/text/sentences.h"
#include "eventmap/text/utf8.h"

namespace eventmap::events {

Extractor::Extractor(const Detector& detector, PlaceFinder places, ExtractOptions options)
    : m_detector(&detector), m_places(std::move(places)), m_options(options) {}

std::string event_id(const std::string& article_id, std::int64_t start_cp, std::int64_t end_cp) {
    std::string key = article_id;
    key += '\x1f';
    key += std::to_string(start_cp);
    key += ':';
    key += std::to_string(end_cp);
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(XXH3_64bits(key.data(), key.size())));
    return buf;
}

std::optional<Date> reference_date(const ingest::Article& article, const text::ArticleStructure& structure,
                                   const ExtractOptions& options) {
    if (auto d = text::infer_publication_date(article, structure)) return d;
    if (options.default_date) return options.default_date;
    // A note or report without a publication date: its latest full date ("On 9 March 2022, ...").
    std::optional<Date> latest;
    const Date far_future = Date::from_ymd(2100, 1, 1);
    // A date with its year needs a four-digit year: sentences without four digits in a row are skipped.
    auto has_four_digits = [](std::string_view s) {
        int run = 0;
        for (char c : s) {
            run = (c >= '0' && c <= '9') ? run + 1 : 0;
            if (run == 4) return true;
        }
        return false;
    };
    for (const text::Span& sentence : text::split_sentences(article.text)) {
        if (!has_four_digits(sentence.of(article.text))) continue;
        for (const auto& m : text::find_dates(sentence.of(article.text), far_future))
            if (m.has_year && !m.relative && (!latest || m.start > *latest)) latest = m.start;
    }
    return latest;
}

namespace {

bool usable(const geoparse::Toponym& t) { return t.kind == geoparse::ToponymKind::literal && t.point.is_valid(); }

// A country, continent, ocean or sea, or a region without borders: wider than any event's place.
bool broad(const geoparse::Toponym& t) {
    const std::string& f = t.feature_code;
    return f.rfind("PCL", 0) == 0 || f == "CONT" || f == "OCN" || f == "SEA" || f == "RGN";
}

// Place k is a region written after the place before it as its qualifier: "Philadelphia
// (Pennsylvania)", "Kharan city (Balochistan)", "Novoselivka, Donetsk".
bool qualifies_previous(std::string_view text, const std::vector<geoparse::Toponym>& places, std::size_t k) {
    if (k == 0 || !usable(places[k - 1]) || places[k].start_byte < places[k - 1].end_byte) return false;
    const std::string& f = places[k].feature_code;
    if (!(f.rfind("PCL", 0) == 0 || f == "ADM1" || f == "ADM2" || f == "ADM3" || f == "RGN")) return false;
    std::string_view gap = text.substr(places[k - 1].end_byte, places[k].start_byte - places[k - 1].end_byte);
    for (std::string_view kind : {" city", " town", " village", " district", " township", " refugee camp", " camp"})
        if (gap.starts_with(kind)) {
            gap.remove_prefix(kind.size());
            break;
        }
    if (gap == " (" || gap == ", " || gap == "(" || gap == ",") return true;
    // "the Jenin refugee camp in the occupied West Bank", "Kupiansk, in the Kharkiv region": the region
    // the town lies in.
    for (std::string_view in : {", in ", " in "})
        if (gap.starts_with(in)) {
            gap.remove_prefix(in.size());
            if (gap.starts_with("the ")) gap.remove_prefix(4);
            for (std::string_view adjective : {"occupied ", "northern ", "southern ", "eastern ", "western ", "central "})
                if (gap == adjective) gap = {};
            return gap.empty();
        }
    return false;
}

bool is_protest(const std::string& t) {
    return t == "peaceful_protest" || t == "protest_with_intervention" || t == "excessive_force_against_protesters" ||
           t == "violent_demonstration";
}

bool upgrade_protest(std::vector<Event>& events, std::size_t paragraph_first, const Detection& d) {
    Event* protest = nullptr;
    for (std::size_t i = paragraph_first; i < events.size(); ++i)
        if (is_protest(events[i].type)) protest = &events[i];
    if (!protest || d.status != protest->status) return false;
    // "Protests in Hamburg and Luebeck": a protest in each listed place, not one told twice.
    if (d.listed && is_protest(d.type)) return false;
    std::string to;
    if (d.type == "arrests" || d.type == "protest_with_intervention") to = "protest_with_intervention";
    else if (d.type == "excessive_force_against_protesters" || (d.type == "attack" && d.fatalities.value_or(0) > 0))
        to = "excessive_force_against_protesters";
    else if (d.type == "violent_demonstration" || d.type == "looting_property_destruction" || d.type == "armed_clash" ||
             d.type == "mob_violence")
        to = "violent_demonstration";
    else if (d.type == "peaceful_protest" || d.type == "attack")
        return d.type == "peaceful_protest";  // the same protest told again
    else
        return false;
    // Excessive force outranks intervention, which outranks a peaceful protest; violence by the crowd
    // outranks both intervention and peace.
    auto rank = [](const std::string& t) {
        if (t == "excessive_force_against_protesters") return 3;
        if (t == "violent_demonstration") return 2;
        if (t == "protest_with_intervention") return 1;
        return 0;
    };
    if (rank(to) > rank(protest->type)) {
        const EventTypeInfo* info = find_type(to);
        protest->type = std::string(info->slug);
        protest->event_type = std::string(info->event_type);
        protest->sub_event_type = std::string(info->sub_event_type);
    }
    if (d.fatalities && (!protest->fatalities || *d.fatalities > *protest->fatalities)) protest->fatalities = d.fatalities;
    return true;
}

// "... were arrested by the Taliban. Their whereabouts remain unknown.": an arrest after which no one
// knows where the detainees are is a forced disappearance, told over two sentences.
bool upgrade_arrest(std::vector<Event>& events, std::size_t paragraph_first, const Detection& d, std::string_view text) {
    if (d.type != "abduction_forced_disappearance" || d.trigger.end <= d.trigger.begin) return false;
    std::string trigger(text.substr(d.trigger.begin, d.trigger.end - d.trigger.begin));
    for (char& c : trigger) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
    if (!trigger.starts_with("whereabouts")) return false;
    Event* arrest = nullptr;
    for (std::size_t i = paragraph_first; i < events.size(); ++i)
        if (events[i].type == "arrests") arrest = &events[i];
    if (!arrest) return false;
    const EventTypeInfo* info = find_type(d.type);
    if (!info) return false;
    arrest->type = std::string(info->slug);
    arrest->event_type = std::string(info->event_type);
    arrest->sub_event_type = std::string(info->sub_event_type);
    return true;
}

Date today() {
    const auto now = std::chrono::system_clock::now();
    const auto days = std::chrono::duration_cast<std::chrono::hours>(now.time_since_epoch()).count() / 24;
    return Date::from_days_since_epoch(days);
}

}  // namespace

std::vector<Event> extract_events(const ingest::Article& article, const Extractor& ex) {
    const std::string& text = article.text;
    const text::ArticleStructure structure = text::analyse_structure(article);
    const std::optional<Date> ref = reference_date(article, structure, ex.options());
    const Date reference = ref ? *ref : today();

    std::vector<geoparse::Toponym> places = ex.places() ? ex.places()(article, structure) : std::vector<geoparse::Toponym>{};
    std::sort(places.begin(), places.end(),
              [](const geoparse::Toponym& a, const geoparse::Toponym& b) { return a.start_byte < b.start_byte; });

    // The dateline's place: a fallback location only, never an event place of its sentence.
    const geoparse::Toponym* dateline_place = nullptr;
    text::Span dateline_span;
    if (structure.dateline) {
        dateline_span = structure.dateline->span;
        for (const auto& t : places)
            if (t.start_byte >= dateline_span.begin && t.end_byte <= dateline_span.end && usable(t)) {
                dateline_place = &t;
                break;  // the first dateline place is where the story was filed
            }
    }

    const text::CodePointIndex cps(text);
    const std::string published = ref ? ref->iso() : std::string();
    std::vector<Event> events;
    std::vector<Detection> found;
    std::vector<geoparse::Toponym> sentence_places;
    const geoparse::Toponym* previous_place = nullptr;
    std::size_t place_cursor = 0;
    bool lead_checked = false;  // the article's first sentence was read for its opening date
    std::optional<Date> lead_date;

    // The day the story last named before the current paragraph, for a paragraph that names none:
    // "Militants attacked Djibo on Sunday. // Soldiers fought the attackers for hours." The earlier
    // paragraphs' sentences not read yet wait in `story_undated`, in order, and are read only on demand.
    std::optional<text::DateMention> story_date;
    std::vector<text::Span> story_undated;
    auto read_story_date = [&]() -> std::optional<text::DateMention> {
        while (!story_undated.empty()) {
            const text::Span last = story_undated.back();
            story_undated.pop_back();
            const auto dates = text::find_dates(last.of(text), reference);
            if (dates.empty()) continue;
            story_date = dates.back();
            for (const auto& dm : dates)
                if (!dm.relative && dm.time_precision == text::precision_day) story_date = dm;
            story_undated.clear();
        }
        // Only a day within the week before publication carries over: an older one is history the report
        // recalls ("In 2014, ..."), not the day of what it tells next.
        if (story_date && story_date->time_precision == text::precision_day && !story_date->end &&
            story_date->start <= reference && reference.days_since_epoch() - story_date->start.days_since_epoch() <= 7)
            return story_date;
        return std::nullopt;
    };

    for (const text::Span& paragraph : text::split_paragraphs(text)) {
        const text::ZoneKind zone = structure.kind_at(paragraph.begin);
        if (zone == text::ZoneKind::byline || zone == text::ZoneKind::credit || zone == text::ZoneKind::boilerplate)
            continue;
        // The paragraph's date: that of the latest sentence before with a date. Most sentences report
        // nothing, so a sentence's dates are read only when a later event of the paragraph needs them
        // (`undated` holds the sentences not read yet, in order).
        std::optional<text::DateMention> paragraph_date;
        std::vector<text::Span> undated;
        auto take_dates = [&](const std::vector<text::DateMention>& dates) {
            // "On 6 March 2024, overnight ...": the sentence's full date, not the relative word beside
            // it, dates the sentences that follow.
            paragraph_date = dates.back();
            for (const auto& dm : dates)
                if (!dm.relative && dm.time_precision == text::precision_day) paragraph_date = dm;
        };
        auto read_paragraph_date = [&]() -> std::optional<text::DateMention> {
            while (!undated.empty()) {
                const text::Span last = undated.back();
                undated.pop_back();
                const auto dates = text::find_dates(last.of(text), reference);
                if (!dates.empty()) {
                    take_dates(dates);
                    undated.clear();  // older sentences no longer matter
                }
            }
            return paragraph_date ? paragraph_date : read_story_date();
        };
        std::size_t paragraph_first_event = events.size();
        for (const text::Span& sentence : text::split_sentences(text, paragraph)) {
            if (structure.kind_at(sentence.begin) == text::ZoneKind::boilerplate) continue;
            text::Span body = sentence;
            if (structure.dateline && sentence.begin < dateline_span.end && sentence.end > dateline_span.end)
            {
                body.begin = dateline_span.end;  // the dateline is not part of the sentence's story
                while (body.begin < body.end && (text[body.begin] == ' ' || text[body.begin] == '\t')) ++body.begin;
            }
            else if (structure.dateline && sentence.end <= dateline_span.end && sentence.begin >= dateline_span.begin)
                continue;
            sentence_places.clear();
            while (place_cursor < places.size() && places[place_cursor].start_byte < body.begin) ++place_cursor;
            // The sentence's last place, for the sentences after it: "the city" means a town, not the country,
            // continent or sea the sentence also names ("in Gdansk, shipping oil from Russia to Europe").
            std::size_t last_usable = places.size(), last_broad = places.size();
            for (std::size_t k = place_cursor; k < places.size() && places[k].start_byte < body.end; ++k)
                if (places[k].end_byte <= body.end) {
                    sentence_places.push_back(places[k]);
                    if (!usable(places[k])) continue;
                    // "in Philadelphia (Pennsylvania)": the qualifier is not the place carried on.
                    if (qualifies_previous(text, places, k)) continue;
                    (broad(places[k]) ? last_broad : last_usable) = k;
                }
            if (last_usable == places.size() && !previous_place) last_usable = last_broad;

            SentenceContext ctx;
            ctx.text = text;
            ctx.sentence = body;
            ctx.reference = reference;
            ctx.reference_exact = ref.has_value();
            ctx.places = sentence_places;
            ctx.previous_place = previous_place;
            ctx.dateline_place = dateline_place;
            ctx.paragraph_date = std::ref(read_paragraph_date);
            // The article's first sentence: its dates are read now, for its opening date (the lead).
            std::vector<text::DateMention> dates;
            bool dated = false;
            if (!lead_checked) {
                lead_checked = true;
                dates = text::find_dates(body.of(text), reference);
                dated = true;
                ctx.dates = &dates;
                if (const auto lead = opening_date(body.of(text), dates)) lead_date = lead->start;
            }
            ctx.lead_date = lead_date;
            ctx.require_place = ex.options().require_place;
            found.clear();
            ex.detector().detect(ctx, found);

            for (Detection& d : found) {
                if (d.confidence < ex.options().min_confidence) continue;
                // A protest told over several sentences is one event: what the police or the crowd
                // did later in the paragraph (arrests, dispersal, fire, riots) changes its type.
                if (upgrade_protest(events, paragraph_first_event, d)) continue;
                if (upgrade_arrest(events, paragraph_first_event, d, text)) continue;
                Event e;
                const EventTypeInfo* info = find_type(d.type);
                if (!info) continue;  // a slug the taxonomy does not know: a data error, not an event
                e.type = std::string(info->slug);
                e.event_type = std::string(info->event_type);
                e.sub_event_type = std::string(info->sub_event_type);
                e.event_date = d.date;
                e.date_end = d.date_end && *d.date_end != d.date ? d.date_end : std::nullopt;
                e.time_precision = d.time_precision;
                e.status = d.status;
                if (d.place) {
                    const geoparse::Toponym& p = *d.place;
                    e.location = p.name.empty() ? p.text : p.name;
                    e.geonameid = p.geonameid;
                    e.country = p.country;
                    e.country_name = e.country.empty() ? "" : ex.detector().actors().country_name(e.country);
                    e.admin1 = p.admin1;
                    e.point = p.point;
                }
                e.geo_precision = d.geo_precision;
                e.actor1 = d.actor1;
                e.actor2 = d.actor2;
                e.count = d.count;
                e.fatalities = d.fatalities;
                e.confidence = d.confidence;
                Source src;
                src.article_id = article.id;
                src.title = article.title;
                src.url = article.url;
                src.published = published;
                src.sentence = std::string(body.of(text));
                src.trigger_start_cp = cps.cp(d.trigger.begin);
                src.trigger_end_cp = cps.cp(d.trigger.end);
                if (d.place) {
                    src.place_start_cp = cps.cp(d.place->start_byte);
                    src.place_end_cp = cps.cp(d.place->end_byte);
                }
                e.id = event_id(article.id, src.trigger_start_cp, src.trigger_end_cp);
                e.sources.push_back(std::move(src));
                events.push_back(std::move(e));
            }

            // Context for the next sentences.
            if (last_usable < places.size()) previous_place = &places[last_usable];
            if (!dated) undated.push_back(body);
            else if (!dates.empty()) {
                take_dates(dates);
                undated.clear();
            }
        }
        // The story's date for the next paragraphs: this paragraph's latest, read now or later.
        if (paragraph_date) {
            story_date = paragraph_date;
            story_undated = std::move(undated);
        } else {
            story_undated.insert(story_undated.end(), undated.begin(), undated.end());
        }
    }
    // The same event told twice in one article (headline and body, or two sentences) is one event.
    return merge_duplicates(std::move(events), 25.0);
}

}  // namespace eventmap::events
