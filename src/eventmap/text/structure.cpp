#include "eventmap/text/structure.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "eventmap/text/dates.h"
#include "eventmap/text/detail/chars.h"
#include "eventmap/text/sentences.h"

namespace eventmap::text {
namespace {

using detail::decode;

// Units longer than this are story text: boilerplate, captions and credits are short.
constexpr std::size_t max_short_unit = 700;

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    return out;
}

bool contains(std::string_view hay, std::string_view needle) { return hay.find(needle) != std::string_view::npos; }

bool ends_terminal(std::string_view s) {
    while (!s.empty()) {
        std::size_t len = 0;
        const std::int32_t cp = detail::decode_before(s, s.size(), len);
        if (detail::is_closer_cp(cp)) { s.remove_suffix(len); continue; }
        return cp == '.' || cp == '!' || cp == '?' || cp == 0x2026;
    }
    return false;
}

// Paragraphs, split further at line breaks that start a new block (a line break followed by
// a lower-case word is hard-wrapped prose and stays inside the unit).
std::vector<Span> split_units(std::string_view text) {
    std::vector<Span> out;
    for (const Span& p : split_paragraphs(text)) {
        std::size_t b = p.begin;
        std::size_t i = text.find('\n', b);
        while (i != std::string_view::npos && i < p.end) {
            std::size_t k = i + 1;
            while (k < p.end && (text[k] == ' ' || text[k] == '\t' || text[k] == '\r')) ++k;
            std::size_t len = 0;
            if (k < p.end && !detail::is_lower_cp(decode(text, k, len))) {
                std::size_t e = i;
                while (e > b && (text[e - 1] == ' ' || text[e - 1] == '\r' || text[e - 1] == '\t')) --e;
                if (e > b) out.push_back(Span{b, e});
                b = k;
            }
            i = text.find('\n', i + 1);
        }
        out.push_back(Span{b, p.end});
    }
    return out;
}

bool is_credit(std::string_view u, const std::string& low) {
    static constexpr std::array starts{"reporting by", "additional reporting", "writing by", "editing by",
                                       "compiled by", "translated by", "reporting and writing by",
                                       "written by", "edited by"};
    std::string_view l = low;
    if (!l.empty() && l.front() == '(') l.remove_prefix(1);
    for (const char* s : starts)
        if (l.substr(0, std::char_traits<char>::length(s)) == s) return true;
    return u.front() == '(' && (contains(low, "reporting by") || contains(low, "editing by") ||
                                contains(low, "writing by"));
}

bool is_byline(std::string_view u) {
    if (u.size() > 160 || ends_terminal(u)) return false;
    if (!(u.substr(0, 3) == "By " || u.substr(0, 3) == "BY ")) return false;
    std::size_t len = 0;
    return u.size() > 3 && detail::is_upper_cp(decode(u, 3, len));
}

// "Photo: ...", "Photo credit: ..." opening a paragraph.
bool opens_with_photo_credit(std::string_view u) {
    for (const char* m : {"Photo:", "PHOTO:", "Photo credit", "Photograph:", "Image:", "Image credit", "FILE PHOTO",
                          "File photo", "Pictured:", "(Photo"})
        if (u.starts_with(m)) return true;
    return false;
}

bool is_caption(std::string_view u, const std::string& low) {
    static constexpr std::array marks{"REUTERS/", "Reuters/", "EPA-EFE/", "EPA/", "AFP/", "AP Photo", "Getty Images",
                                      "(Photo by", "Photo by ", "Photo:", "PHOTO:", "Photograph:", "Photo credit",
                                      "Image:", "Image credit", "FILE PHOTO", "File photo:", "Pictured:", "/Shutterstock",
                                      "/Alamy", "/SPUTNIK", "/Sputnik", "/AFP", "/AP", "(L)", "(R)", "(C)"};
    for (const char* m : marks)
        if (contains(u, m)) return true;
    return contains(low, "photo by") && !contains(low, ". ");
}

// Phrases (none empty) to look for in a text: one pass over the text, trying at each byte only
// the phrases that start with it, instead of one search of the whole text a phrase.
class PhraseSet {
public:
    template <std::size_t N>
    explicit PhraseSet(const std::array<const char*, N>& phrases) {
        for (const char* p : phrases) {
            const auto a = static_cast<unsigned char>(p[0]), b = static_cast<unsigned char>(p[1]);
            m_by_first[a].emplace_back(p);
            m_pairs[a * 256u + b] = true;  // b is 0 for a one-byte phrase
        }
    }
    bool found_in(std::string_view hay) const {
        for (std::size_t i = 0; i < hay.size(); ++i) {
            const auto a = static_cast<unsigned char>(hay[i]);
            const auto b = i + 1 < hay.size() ? static_cast<unsigned char>(hay[i + 1]) : 0u;
            if (!m_pairs[a * 256u + b] && !m_pairs[a * 256u]) continue;  // no phrase starts with these two bytes
            const auto& candidates = m_by_first[a];
            const std::string_view rest = hay.substr(i);
            for (std::string_view p : candidates)
                if (rest.starts_with(p)) return true;
        }
        return false;
    }

private:
    std::array<std::vector<std::string_view>, 256> m_by_first;
    std::vector<bool> m_pairs = std::vector<bool>(256 * 256);  // the first two bytes of some phrase
};

// Phrases a news story itself hardly ever uses.
bool is_strong_boilerplate(const std::string& low) {
    static constexpr std::array phrases{
        "subscribe to", "subscribe now", "sign up for", "sign up to", "our newsletter", "become a member",
        "support our journalism", "support independent", "support us", "donate now", "make a donation",
        "read more", "read also", "related articles", "related stories", "related:", "more stories",
        "share this", "share on ", "follow us on", "all rights reserved", "leave a comment", "log in to comment", "sign in to comment",
        "community comments", "your comment", "our readers", "readers like you", "payment options",
        "click here", "our standards", "trust principles", "you might also like", "recommended for you",
        "most read", "skip to", "terms of use", "privacy policy", "cookie policy", "we use cookies",
        "accept cookies", "pre-order", "pre-ordering", "buy now", "free for all", "reader-funded",
        "call for action", "download our app", "get the app", "back to top", "advertisement"};
    static const PhraseSet set(phrases);
    return set.found_in(low);
}

// "Read more: ...", "Advertisement ...": a block that starts as boilerplate, however long.
bool opens_with_boilerplate(const std::string& low) {
    static constexpr std::array openers{"read more", "related:", "advertisement", "subscribe", "sign up",
                                        "share this", "follow us", "copyright", "(copyright", "all rights reserved"};
    for (const char* o : openers)
        if (low.starts_with(o)) return true;
    return false;
}

// Words that mark boilerplate only in a short block ("Comments", "Support The Daily Lantern").
bool is_weak_boilerplate(const std::string& low) {
    static constexpr std::array words{"subscribe", "newsletter", "donate", "donation", "membership", "member",
                                      "comments", "comment", "copyright", "sign in", "log in", "support",
                                      "related", "recommended", "share", "cookies", "sponsored"};
    for (const char* w : words)
        if (contains(low, w)) return true;
    return false;
}

// Appeals speak to the reader ("you", "our", "we"): weak evidence, used only next to boilerplate.
bool speaks_to_reader(const std::string& low) {
    return contains(low, " you") || contains(low, "you ") || contains(low, " our ") || contains(low, "we ") ||
           contains(low, "your ");
}

// A sentence ends inside the block: ". ", "! " or "? " before its last characters.
bool holds_sentence_end(std::string_view u) {
    for (std::size_t i = 0; i + 1 < u.size(); ++i)
        if ((u[i] == '.' || u[i] == '!' || u[i] == '?') && u[i + 1] == ' ') return true;
    return false;
}

bool is_short_label(std::string_view u) { return u.size() <= 60 && !ends_terminal(u); }

std::size_t skip_spaces(std::string_view t, std::size_t i, std::size_t end) {
    while (i < end) {
        std::size_t len = 0;
        if (!detail::is_space_cp(decode(t, i, len)) || t[i] == '\n') break;
        i += len;
    }
    return i;
}

// A dash separator (" - ", " — ", " – ", " -- ") at i; returns the position after it, or npos.
std::size_t dash_at(std::string_view t, std::size_t i, std::size_t end, bool& long_dash) {
    if (i >= end) return std::string_view::npos;
    std::size_t len = 0;
    const std::int32_t cp = decode(t, i, len);
    if (!detail::is_dash_cp(cp)) return std::string_view::npos;
    long_dash = cp != '-';
    std::size_t j = i + len;
    if (cp == '-' && j < end && t[j] == '-') ++j;
    if (j < end && !detail::is_space_cp(decode(t, j, len))) return std::string_view::npos;
    return j;
}

// Words of a place segment from i; all_caps: no lower-case letter allowed. Stops at , ( or a dash
// separator. Returns the end (trailing spaces trimmed), i when nothing matched.
std::size_t place_segment(std::string_view t, std::size_t i, std::size_t end, bool all_caps, int& upper_count) {
    upper_count = 0;
    std::size_t last_good = i;
    std::size_t j = i;
    bool word_start = true;
    int words = 0;
    while (j < end) {
        std::size_t len = 0;
        const std::int32_t cp = decode(t, j, len);
        if (cp == ',' || cp == '(' || cp == '\n' || cp == ':') break;
        if (cp == ' ') {
            bool long_dash = false;
            const std::size_t k = skip_spaces(t, j, end);
            if (dash_at(t, k, end, long_dash) != std::string_view::npos) break;
            word_start = true;
            j += len;
            continue;
        }
        if (detail::is_dash_cp(cp) && cp != '-') break;
        if (detail::is_upper_cp(cp)) {
            ++upper_count;
            if (word_start) ++words;
        } else if (detail::is_lower_cp(cp)) {
            if (all_caps || word_start) return last_good == i ? i : last_good;
        } else if (!(cp == '/' || cp == '-' || cp == '.' || cp == '\'' || cp == 0x2019)) {
            break;
        }
        if (cp == '/') word_start = true;
        else word_start = false;
        j += len;
        last_good = j;
        if (words > 6) return i;
    }
    return last_good;
}

void add_places(std::string_view t, std::size_t b, std::size_t e, std::vector<Span>& out) {
    std::size_t s = b;
    for (std::size_t i = b; i <= e; ++i) {
        if (i == e || t[i] == '/') {
            std::size_t x = s, y = i;
            while (x < y && t[x] == ' ') ++x;
            while (y > x && t[y - 1] == ' ') --y;
            if (y > x) out.push_back(Span{x, y});
            s = i + 1;
        }
    }
}

Span trim_span(std::string_view text, Span s) {
    while (s.begin < s.end && (text[s.begin] == ' ' || text[s.begin] == '\n')) ++s.begin;
    while (s.end > s.begin && (text[s.end - 1] == ' ' || text[s.end - 1] == '\n')) --s.end;
    return s;
}

}  // namespace

const char* to_string(ZoneKind kind) {
    switch (kind) {
        case ZoneKind::title: return "title";
        case ZoneKind::dateline: return "dateline";
        case ZoneKind::body: return "body";
        case ZoneKind::byline: return "byline";
        case ZoneKind::credit: return "credit";
        case ZoneKind::caption: return "caption";
        case ZoneKind::boilerplate: return "boilerplate";
    }
    return "body";
}

bool ArticleStructure::in(std::size_t offset, ZoneKind kind) const { return kind_at(offset) == kind; }

ZoneKind ArticleStructure::kind_at(std::size_t offset) const {
    auto it = std::upper_bound(zones.begin(), zones.end(), offset,
                               [](std::size_t o, const Zone& z) { return o < z.span.begin; });
    if (it == zones.begin()) return ZoneKind::body;
    --it;
    return offset < it->span.end ? it->kind : ZoneKind::body;
}

std::optional<Dateline> find_dateline(std::string_view text, Span paragraph) {
    // "By Jane Roe. BOSTON (Reuters) -": a byline run into the dateline.
    const std::string_view para = paragraph.of(text);
    if (para.starts_with("By ")) {
        const std::size_t stop = para.substr(0, 80).find(". ");
        if (stop == std::string_view::npos) return std::nullopt;
        std::size_t b = paragraph.begin + stop + 2;
        while (b < paragraph.end && text[b] == ' ') ++b;
        return find_dateline(text, Span{b, paragraph.end});
    }
    const std::size_t end = std::min(paragraph.end, paragraph.begin + 200);
    std::size_t i = paragraph.begin;
    Dateline d;
    int uppers = 0;
    std::size_t e = place_segment(text, i, end, true, uppers);
    bool caps = e > i && uppers >= 2;
    if (!caps) {
        e = place_segment(text, i, end, false, uppers);
        if (e == i || uppers == 0) return std::nullopt;
    }
    add_places(text, i, e, d.place_spans);
    i = skip_spaces(text, e, end);
    for (int guard = 0; guard < 4 && i < end && text[i] == ','; ++guard) {
        i = skip_spaces(text, i + 1, end);
        // Month and day: "March 17", "Feb. 3", "Feb 3, 2024".
        std::size_t k = i;
        while (k < end && ((text[k] | 0x20) >= 'a' && (text[k] | 0x20) <= 'z')) ++k;
        const int month = k > i ? month_from_name(text.substr(i, k - i)) : 0;
        if (month > 0 && detail::is_upper_cp(static_cast<unsigned char>(text[i]))) {
            std::size_t j = k;
            if (j < end && text[j] == '.') ++j;
            j = skip_spaces(text, j, end);
            std::size_t ds = j;
            while (j < end && text[j] >= '0' && text[j] <= '9') ++j;
            if (j > ds && j - ds <= 2) {
                d.month = month;
                d.day = std::stoi(std::string(text.substr(ds, j - ds)));
                i = j;
                std::size_t y = skip_spaces(text, i, end);
                if (y < end && text[y] == ',') {
                    y = skip_spaces(text, y + 1, end);
                    std::size_t ye = y;
                    while (ye < end && text[ye] >= '0' && text[ye] <= '9') ++ye;
                    if (ye - y == 4) {
                        d.year = std::stoi(std::string(text.substr(y, 4)));
                        i = ye;
                    }
                }
                i = skip_spaces(text, i, end);
                continue;
            }
        }
        const std::size_t pe = place_segment(text, i, end, false, uppers);
        if (pe == i || uppers == 0) return std::nullopt;
        add_places(text, i, pe, d.place_spans);
        i = skip_spaces(text, pe, end);
    }
    if (i < end && text[i] == '(') {
        const std::size_t close = text.find(')', i);
        if (close == std::string_view::npos || close >= end || close - i > 40) return std::nullopt;
        d.agency = std::string(text.substr(i + 1, close - i - 1));
        i = skip_spaces(text, close + 1, end);
    }
    bool long_dash = false;
    std::size_t after = dash_at(text, i, end, long_dash);
    if (after == std::string_view::npos && caps && i < end && text[i] == ':' && i + 1 < end && text[i + 1] == ' ')
        after = i + 1;
    if (after == std::string_view::npos) return std::nullopt;
    // Labels in capitals are not places: "BREAKING NEWS:", "UPDATE -", "UN:".
    if (!d.place_spans.empty()) {
        const std::string_view first = d.place_spans.front().of(text);
        for (const char* label : {"BREAKING", "UPDATE", "UPDATED", "WATCH", "EXCLUSIVE", "ANALYSIS", "OPINION",
                                  "EDITORIAL", "PHOTOS", "VIDEO", "LIVE", "FACTBOX", "EXPLAINER", "CORRECTED",
                                  "REFILE", "INSIGHT", "COLUMN", "REVIEW", "UN", "EU", "NATO"})
            if (first.starts_with(label) &&
                (first.size() == std::strlen(label) || first[std::strlen(label)] == ' '))
                return std::nullopt;
    }
    if (text[i] == ':' && uppers < 3) return std::nullopt;
    // Title-case places ("Kyiv, Ukraine —") are datelines only with an agency or a long dash.
    if (!caps && d.agency.empty() && !long_dash) return std::nullopt;
    if (d.month && !d.day) return std::nullopt;
    d.span = Span{paragraph.begin, after};
    return d;
}

ArticleStructure analyse_structure(const ingest::Article& article) {
    const std::string_view text = article.text;
    const std::vector<Span> units = split_units(text);
    std::vector<ZoneKind> kinds(units.size(), ZoneKind::body);
    std::vector<bool> weak(units.size(), false);

    std::string title_seen;
    for (std::size_t n = 0; n < units.size(); ++n) {
        const std::string_view u = units[n].of(text);
        if (u.size() > max_short_unit) continue;
        const std::string low = lower_ascii(u);
        if (is_credit(u, low)) kinds[n] = ZoneKind::credit;
        else if (is_byline(u)) kinds[n] = ZoneKind::byline;
        else if (is_caption(u, low)) kinds[n] = ZoneKind::caption;
        // (The cheap size tests first: the phrase searches cost a pass over the block each.)
        else if (((u.size() <= 300 || opens_with_boilerplate(low)) && is_strong_boilerplate(low)) ||
                 // A weak word in a short block: a label ("Comments") or an appeal to the reader,
                 // not a story sentence such as "The Kremlin declined to comment."
                 // A block that holds a whole sentence before an unterminated tail ("... in support of
                 // the movement. [size=no report]") is story too.
                 (u.size() <= 120 && is_weak_boilerplate(low) &&
                  ((!ends_terminal(u) && !holds_sentence_end(u)) || speaks_to_reader(low))))
            kinds[n] = ZoneKind::boilerplate;
        else if ((n == 0 && u.size() <= 250 && !ends_terminal(u) && !find_dateline(text, units[n])) ||
                 (!article.title.empty() && u == article.title) || (!title_seen.empty() && u == title_seen)) {
            kinds[n] = ZoneKind::title;
            if (title_seen.empty()) title_seen = std::string(u);
        } else {
            // Appeals to the reader are short; a long paragraph with "you" in a quote is story.
            weak[n] = is_short_label(u) || (u.size() <= 200 && speaks_to_reader(low));
        }
    }

    // The story ends at its credits (or a byline after the story): what follows is the page around it.
    std::size_t body_seen = 0;
    std::optional<std::size_t> story_end;
    for (std::size_t n = 0; n < units.size(); ++n) {
        if (kinds[n] == ZoneKind::body) ++body_seen;
        if ((kinds[n] == ZoneKind::credit && body_seen >= 1) || (kinds[n] == ZoneKind::byline && body_seen >= 3))
            story_end = n;
    }
    std::vector<bool> after_story(units.size(), false);
    if (story_end) {
        for (std::size_t n = *story_end + 1; n < units.size(); ++n) {
            after_story[n] = true;
            if (kinds[n] == ZoneKind::body || kinds[n] == ZoneKind::title) kinds[n] = ZoneKind::boilerplate;
        }
    }
    // Short labels and reader appeals next to boilerplate belong to it ("Payment options", "Be a member.").
    for (bool changed = true; changed;) {
        changed = false;
        for (std::size_t n = 0; n < units.size(); ++n) {
            if (kinds[n] != ZoneKind::body || !weak[n]) continue;
            const bool prev = n > 0 && kinds[n - 1] == ZoneKind::boilerplate;
            const bool next = n + 1 < units.size() && kinds[n + 1] == ZoneKind::boilerplate;
            if (prev || next) {
                kinds[n] = ZoneKind::boilerplate;
                changed = true;
            }
        }
    }

    ArticleStructure out;
    bool body_started = false;
    for (std::size_t n = 0; n < units.size(); ++n) {
        if (kinds[n] == ZoneKind::body && !body_started && !out.dateline) {
            if (auto d = find_dateline(text, units[n])) {
                if (d->span.begin > units[n].begin)
                    out.zones.push_back(Zone{trim_span(text, Span{units[n].begin, d->span.begin}), ZoneKind::byline});
                out.zones.push_back(Zone{d->span, ZoneKind::dateline});
                const std::size_t rest = skip_spaces(text, d->span.end, units[n].end);
                if (rest < units[n].end) out.zones.push_back(Zone{Span{rest, units[n].end}, ZoneKind::body});
                out.dateline = std::move(d);
                body_started = true;
                continue;
            }
        }
        if (kinds[n] == ZoneKind::caption && opens_with_photo_credit(units[n].of(text))) {
            // "Photo: <caption>. <story...>": pages run the caption into the first paragraph.
            const auto sentences = split_sentences(text, units[n]);
            if (sentences.size() >= 2) {
                out.zones.push_back(Zone{Span{units[n].begin, sentences[0].end}, ZoneKind::caption});
                out.zones.push_back(Zone{Span{sentences[1].begin, units[n].end}, ZoneKind::body});
                body_started = true;
                continue;
            }
        }
        if (kinds[n] == ZoneKind::boilerplate && !after_story[n]) {
            // Inside the story, a link prompt ("... next week. Read More:") or an appeal may share
            // a paragraph with story sentences: mark sentence by sentence.
            const auto sentences = split_sentences(text, units[n]);
            if (sentences.size() >= 2) {
                for (const Span& st : sentences) {
                    const std::string low = lower_ascii(st.of(text));
                    const bool bp = is_strong_boilerplate(low) || is_weak_boilerplate(low) || speaks_to_reader(low) ||
                                    st.size() <= 12;
                    const ZoneKind k = bp ? ZoneKind::boilerplate : ZoneKind::body;
                    if (!out.zones.empty() && out.zones.back().kind == k && out.zones.back().span.end >= units[n].begin)
                        out.zones.back().span.end = st.end;
                    else
                        out.zones.push_back(Zone{st, k});
                }
                continue;
            }
        }
        if (kinds[n] == ZoneKind::body) body_started = true;
        out.zones.push_back(Zone{units[n], kinds[n]});
    }
    return out;
}

std::optional<events::Date> infer_publication_date(const ingest::Article& article, const ArticleStructure& structure) {
    if (article.published && article.published->is_valid()) return article.published;
    if (!structure.dateline || !structure.dateline->month || !structure.dateline->day) return std::nullopt;
    const int month = *structure.dateline->month;
    const int day = *structure.dateline->day;
    if (structure.dateline->year) {
        const auto d = events::Date::from_ymd(*structure.dateline->year, month, day);
        return d.is_valid() ? std::optional(d) : std::nullopt;
    }
    // The reports' own dates bound the publication date from below: take the latest year the
    // story mentions, or the next one when the dateline would fall before a reported past date.
    std::optional<events::Date> latest;
    const events::Date placeholder = events::Date::from_ymd(2000, 1, 1);
    const std::string_view text = article.text;
    for (const Zone& z : structure.zones) {
        if (z.kind != ZoneKind::body && z.kind != ZoneKind::caption) continue;
        for (const Span& s : split_sentences(text, z.span)) {
            const std::string_view sentence = s.of(text);
            if (speaks_of_future(sentence)) continue;
            for (const DateMention& m : find_dates(sentence, placeholder))
                if (m.has_year && (!latest || m.start > *latest)) latest = m.start;
        }
    }
    if (!latest) return std::nullopt;
    auto candidate = events::Date::from_ymd(latest->year, month, day);
    if (!candidate.is_valid()) return std::nullopt;
    if (candidate < *latest) candidate = events::Date::from_ymd(latest->year + 1, month, day);
    return candidate.is_valid() ? std::optional(candidate) : std::nullopt;
}

}  // namespace eventmap::text
