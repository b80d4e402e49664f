#include "eventmap/events/places.h"

#include <algorithm>
#include <memory>
#include <string>

// The project's geoparser when this tree has it; a plain name matcher otherwise, so the events
// stage builds and runs on its own.
#if __has_include("eventmap/geoparse/geoparser.h")
#include "eventmap/geoparse/geoparser.h"
#define EVENTMAP_EVENTS_HAVE_GEOPARSER 1
#endif

#include "eventmap/gazetteer/normalize.h"
#include "eventmap/text/sentences.h"
#include "eventmap/text/tokens.h"
#include "eventmap/text/utf8.h"

namespace eventmap::events {
#ifndef EVENTMAP_EVENTS_HAVE_GEOPARSER
namespace {

bool one_of(std::string_view w, std::initializer_list<std::string_view> list) {
    for (std::string_view x : list)
        if (w == x) return true;
    return false;
}

// Capitalised words that start sentences or name months/days, never places on their own.
bool common_word(std::string_view w) {
    return one_of(w, {"The", "A", "An", "On", "In", "At", "He", "She", "It", "They", "We", "I", "This", "That",
                      "There", "But", "And", "As", "After", "Before", "During", "While", "When", "Police",
                      "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
                      "February", "March", "April", "May", "June", "July", "August", "September", "October",
                      "November", "December", "Around", "Casualties", "No", "One", "Two", "Three", "Russian",
                      "President", "Minister", "Prime", "General", "Army", "Forces", "Military", "Some", "Many",
                      "His", "Her", "Their", "Our", "Its", "If", "Also", "According", "Reuters", "Photo", "Editing",
                      "Reporting", "By", "Mr", "Ms", "Mrs", "Dr", "State", "Republic", "Ministry", "Defence",
                      "Defense", "Council", "Security", "National", "Sea"});
}

}  // namespace
#endif

#ifdef EVENTMAP_EVENTS_HAVE_GEOPARSER
PlaceFinder gazetteer_places(const gazetteer::Gazetteer& gz) {
    auto parser = std::make_shared<const geoparse::Geoparser>(gz);
    return [parser](const ingest::Article& article, const text::ArticleStructure& structure) {
        return parser->parse(article, structure);
    };
}
#else
PlaceFinder gazetteer_places(const gazetteer::Gazetteer& gz) {
    return [&gz](const ingest::Article& article, const text::ArticleStructure&) {
        std::vector<geoparse::Toponym> out;
        const std::string& txt = article.text;
        const text::CodePointIndex cps(txt);
        std::vector<text::Token> toks;
        std::string key;
        for (const text::Span& para : text::split_paragraphs(txt)) {
            text::tokenize(txt, para, toks);
            for (std::size_t i = 0; i < toks.size();) {
                if (toks[i].kind != text::TokenKind::word || !toks[i].is(text::capitalised)) {
                    ++i;
                    continue;
                }
                // Longest run of up to 4 capitalised words (with inner hyphens) the index knows.
                std::size_t best_end = 0;
                std::uint32_t best_place = UINT32_MAX;
                for (std::size_t n = std::min<std::size_t>(toks.size() - i, 6); n >= 1; --n) {
                    const auto& last = toks[i + n - 1];
                    if (last.kind != text::TokenKind::word || !last.is(text::capitalised)) continue;
                    bool ok = true;
                    for (std::size_t k = i; k < i + n && ok; ++k)
                        ok = toks[k].kind == text::TokenKind::word ? toks[k].is(text::capitalised)
                                                                    : (txt[toks[k].span.begin] == '-' && toks[k].is(text::no_space_before));
                    if (!ok) continue;
                    const std::string_view name(txt.data() + toks[i].span.begin, last.span.end - toks[i].span.begin);
                    if (n == 1 && common_word(name)) continue;
                    gazetteer::normalize_name_into(name, key);
                    const auto cands = gz.candidates(key);
                    if (cands.empty()) continue;
                    best_end = i + n;
                    best_place = cands.front().place;
                    break;
                }
                if (best_place == UINT32_MAX) {
                    ++i;
                    continue;
                }
                const gazetteer::Place p = gz.place(best_place);
                geoparse::Toponym t;
                t.start_byte = toks[i].span.begin;
                t.end_byte = toks[best_end - 1].span.end;
                t.start_cp = cps.cp(t.start_byte);
                t.end_cp = cps.cp(t.end_byte);
                t.text = txt.substr(t.start_byte, t.end_byte - t.start_byte);
                t.name = std::string(p.name);
                t.place = best_place;
                t.geonameid = p.geonameid;
                t.country = std::string(p.country);
                t.admin1 = std::string(p.admin1_name);
                t.feature_code = std::string(p.feature_code);
                t.point = p.point;
                t.confidence = 0.5;
                if (p.kind == gazetteer::PlaceKind::demonym) {
                    t.kind = geoparse::ToponymKind::demonym;
                } else {
                    // "Moscow said", "Kyiv's allies": the capital speaking for its government.
                    const std::size_t after = best_end;
                    if (after < toks.size()) {
                        const std::string_view nx = toks[after].span.of(txt);
                        if (one_of(nx, {"said", "says", "told", "denied", "denies", "announced", "accused", "'s",
                                        "warned", "has", "have", "wants", "claimed", "insists"}))
                            t.kind = geoparse::ToponymKind::metonym;
                    }
                    // A capitalised word after the name makes it part of a longer name ("Moscow Times").
                    if (after < toks.size() && toks[after].kind == text::TokenKind::word &&
                        toks[after].is(text::capitalised) && !toks[after].is(text::sentence_initial))
                        t.kind = geoparse::ToponymKind::embedded;
                }
                out.push_back(std::move(t));
                i = best_end;
            }
        }
        return out;
    };
}
#endif

}  // namespace eventmap::events
