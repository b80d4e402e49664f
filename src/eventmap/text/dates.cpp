#include "eventmap/text/dates.h"

#include <array>
#include <charconv>
#include <cstdint>

#include "eventmap/core/word_table.h"
#include "eventmap/text/detail/chars.h"
#include "eventmap/text/tokens.h"

namespace eventmap::text {
namespace {

using detail::iequals;
using events::Date;

constexpr std::array<std::string_view, 7> weekday_names{"monday", "tuesday", "wednesday", "thursday",
                                                   "friday", "saturday", "sunday"};

int weekday_from_name(std::string_view w) {
    for (int i = 0; i < 7; ++i)
        if (iequals(w, weekday_names[static_cast<std::size_t>(i)])) return i;
    return -1;
}

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
    static constexpr std::array<int, 12> days{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : days[static_cast<std::size_t>(m - 1)];
}

std::optional<Date> make_date(int y, int m, int d) {
    if (m < 1 || m > 12 || d < 1 || y < 1 || d > days_in_month(y, m)) return std::nullopt;
    return Date::from_ymd(y, m, d);
}

Date month_end(int y, int m) { return Date::from_ymd(y, m, days_in_month(y, m)); }

Date monday_of(Date d) { return d.plus_days(-weekday(d)); }

std::optional<int> parse_int(std::string_view s) {
    int v = 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
    return v;
}

// "17", "17th", "1st", "2nd", "3rd": a day of the month.
std::optional<int> parse_day(std::string_view s) {
    std::size_t digits = 0;
    while (digits < s.size() && s[digits] >= '0' && s[digits] <= '9') ++digits;
    if (digits == 0 || digits > 2) return std::nullopt;
    const std::string_view suffix = s.substr(digits);
    if (!suffix.empty() && !iequals(suffix, "st") && !iequals(suffix, "nd") && !iequals(suffix, "rd") &&
        !iequals(suffix, "th"))
        return std::nullopt;
    const auto v = parse_int(s.substr(0, digits));
    if (!v || *v < 1 || *v > 31) return std::nullopt;
    return v;
}

std::optional<int> parse_year(std::string_view s) {
    if (s.size() != 4) return std::nullopt;
    const auto v = parse_int(s);
    if (!v || *v < 1900 || *v > 2100) return std::nullopt;
    return v;
}

std::optional<int> count_word(std::string_view w) {
    static constexpr std::array<std::string_view, 13> words{"zero", "one", "two", "three", "four", "five", "six",
                                                       "seven", "eight", "nine", "ten", "eleven", "twelve"};
    for (std::size_t i = 1; i < words.size(); ++i)
        if (iequals(w, words[i])) return static_cast<int>(i);
    if (iequals(w, "a") || iequals(w, "an")) return 1;
    if (auto v = parse_int(w); v && *v > 0 && *v < 1000) return v;
    return std::nullopt;
}

// Words before a bare month name that make it a date ("in March"), not a verb or a name.
bool month_cue(std::string_view w) {
    static constexpr std::array<std::string_view, 19> cues{
        "in", "during", "since", "until", "till", "through", "throughout", "by", "from", "before",
        "after", "last", "this", "next", "early", "late", "mid", "between", "to"};
    for (std::string_view c : cues)
        if (iequals(w, c)) return true;
    return false;
}

// Nearest year for a month/day without one: on or before the reference (a week's grace for
// dates just ahead, which news mentions as coming), or on or after it for the future.
std::optional<Date> resolve_month_day(int m, int d, Date ref, bool future) {
    auto date = make_date(ref.year, m, d);
    if (!date && m == 2 && d == 29) date = make_date(ref.year - 1, m, d);
    if (!date) return std::nullopt;
    const auto delta = date->days_since_epoch() - ref.days_since_epoch();
    int year = date->year;
    if (future && delta < -7) ++year;
    if (!future && delta > 7) --year;
    return make_date(year, m, d);
}

// Year for a month without a day (the same rule, at month granularity).
int resolve_month_year(int m, Date ref, bool future, int shift) {
    int year = ref.year;
    if (shift < 0) return m < ref.month ? year : year - 1;   // "last March"
    if (shift > 0) return m > ref.month ? year : year + 1;   // "next March"
    if (future && m < ref.month) return year + 1;
    if (!future && m > ref.month) return year - 1;
    return year;
}

class Matcher {
public:
    Matcher(std::string_view s, Date ref) : m_s(s), m_ref(ref), m_ref_valid(ref.is_valid()) {
        tokenize(s, Span{0, s.size()}, m_toks);
    }

    std::vector<DateMention> run() {
        std::size_t t = 0;
        while (t < m_toks.size()) {
            const std::size_t used = may_start(t) ? match_at(t) : 0;
            t += used > 0 ? used : 1;
        }
        return std::move(m_out);
    }

private:
    // Cheap test before the patterns: dates start with a number, a month or weekday name, or one
    // of a few words ("mid", "last", "yesterday", "three" ...). Most tokens fail it at once.
    bool may_start(std::size_t t) const {
        const Token& k = m_toks[t];
        if (k.kind == TokenKind::number) return true;
        if (k.kind != TokenKind::word || k.span.size() > 9) return false;
        static constexpr std::array<std::string_view, 36> starters{
            "mid", "early", "late", "end", "beginning", "start", "the", "today", "tonight", "yesterday",
            "tomorrow", "last", "this", "next", "past", "coming", "earlier", "later", "over", "at", "on",
            "overnight", "a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
            "ten", "eleven", "twelve"};
        static const auto starter_set = [] {
            BasicWordTable<std::uint8_t> t;
            for (std::string_view s : starters) t.add(s, 1);
            return t;
        }();
        const std::string_view w = k.span.of(m_s);
        if (w[0] >= '0' && w[0] <= '9') return true;  // "9th"
        if (k.is(capitalised) && (month_from_name(w) > 0 || weekday_from_name(w) >= 0)) return true;
        // One look-up of the lower-cased word (ASCII folded, as iequals() compares).
        char lower[9];
        for (std::size_t i = 0; i < w.size(); ++i) {
            const char c = w[i];
            lower[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
        }
        return starter_set.flags(std::string_view(lower, w.size())) != 0;
    }

    bool future() {
        if (!m_future) m_future = speaks_of_future(m_s);
        return *m_future;
    }

    std::string_view w(std::size_t t) const {
        return t < m_toks.size() ? m_toks[t].span.of(m_s) : std::string_view{};
    }
    template <std::size_t N>
    bool is(std::size_t t, const char (&lower)[N]) const {
        return t < m_toks.size() && iequals(w(t), std::string_view(lower, N - 1));
    }
    bool cap(std::size_t t) const { return t < m_toks.size() && m_toks[t].is(capitalised); }
    bool glued(std::size_t t) const { return t < m_toks.size() && m_toks[t].is(no_space_before); }
    // Capitalised month name at t (its optional abbreviation dot consumed); tokens used, 0 when none.
    std::size_t month_at(std::size_t t, int& month) const {
        if (!cap(t)) return 0;
        month = month_from_name(w(t));
        if (month == 0) return 0;
        // The dot of an abbreviation belongs to the date only before its day ("Feb. 24", not "in May.").
        const bool dot = is(t + 1, ".") && glued(t + 1) && t + 2 < m_toks.size() &&
                         m_toks[t + 2].kind == TokenKind::number;
        return dot ? 2 : 1;
    }

    void add(std::size_t first, std::size_t last_incl, Date start, std::optional<Date> end, int precision,
             bool relative, bool has_year = false) {
        DateMention m;
        m.span = Span{m_toks[first].span.begin, m_toks[last_incl].span.end};
        m.start = start;
        m.end = end;
        m.time_precision = precision;
        m.relative = relative;
        m.has_year = has_year;
        m_out.push_back(m);
    }

    std::size_t match_at(std::size_t t) {
        if (std::size_t n = match_numeric(t)) return n;
        if (std::size_t n = match_part_of_month(t)) return n;
        if (std::size_t n = match_month_first(t)) return n;
        if (std::size_t n = match_day_first(t)) return n;
        if (!m_ref_valid) return 0;
        if (std::size_t n = match_weekday(t)) return n;
        if (std::size_t n = match_relative(t)) return n;
        return 0;
    }

    // 2022-02-24; 24/02/2022 or 02/24/2022 when the day is unambiguous.
    std::size_t match_numeric(std::size_t t) {
        if (t + 4 >= m_toks.size() || m_toks[t].kind != TokenKind::number) return 0;
        for (std::size_t k = t + 1; k <= t + 4; ++k)
            if (!glued(k)) return 0;
        const std::string_view sep = w(t + 1);
        if (sep != w(t + 3) || (sep != "-" && sep != "/")) return 0;
        const auto a = parse_int(w(t)), b = parse_int(w(t + 2)), c = parse_int(w(t + 4));
        if (!a || !b || !c) return 0;
        std::optional<Date> date;
        if (sep == "-" && w(t).size() == 4) date = make_date(*a, *b, *c);
        else if (sep == "/" && w(t + 4).size() == 4) {
            if (*a > 12 && *b <= 12) date = make_date(*c, *b, *a);
            else if (*b > 12 && *a <= 12) date = make_date(*c, *a, *b);
            else if (*a == *b) date = make_date(*c, *a, *a);
        }
        if (!date) return 0;
        add(t, t + 4, *date, std::nullopt, precision_day, false, true);
        return 5;
    }

    // "mid-March", "early March 2023", "late March", "the end of March".
    std::size_t match_part_of_month(std::size_t t) {
        int part = -1;  // 0 early, 1 mid, 2 late
        std::size_t m_t = 0;
        if (is(t, "early")) { part = 0; m_t = t + 1; }
        else if (is(t, "late")) { part = 2; m_t = t + 1; }
        else if (is(t, "mid")) { part = 1; m_t = is(t + 1, "-") ? t + 2 : t + 1; }
        else if (is(t, "end") && is(t + 1, "of")) { part = 2; m_t = t + 2; }
        else if ((is(t, "beginning") || is(t, "start")) && is(t + 1, "of")) { part = 0; m_t = t + 2; }
        if (part < 0) return 0;
        int month = 0;
        const std::size_t mn = month_at(m_t, month);
        if (mn == 0) return 0;
        std::size_t last = m_t + mn - 1;
        int year = resolve_month_year(month, m_ref_valid ? m_ref : Date::from_ymd(2000, 1, 1), future(), 0);
        bool has_year = false;
        if (auto y = parse_year(w(last + 1))) { year = *y; ++last; has_year = true; }
        if (!has_year && !m_ref_valid) return 0;
        Date start, end;
        if (part == 0) { start = Date::from_ymd(year, month, 1); end = Date::from_ymd(year, month, 10); }
        else if (part == 1) { start = Date::from_ymd(year, month, 15); end = Date::from_ymd(year, month, 20); }
        else { start = Date::from_ymd(year, month, 21); end = month_end(year, month); }
        add(t, last, start, end, precision_week, false, has_year);
        return last - t + 1;
    }

    // "March 17", "Feb. 24, 2022", "March 17th", "March 2023", "in March".
    std::size_t match_month_first(std::size_t t) {
        int month = 0;
        const std::size_t mn = month_at(t, month);
        if (mn == 0) return 0;
        std::size_t k = t + mn;
        if (auto d = parse_day(w(k)); d && !glued(k)) {
            std::size_t last = k;
            std::optional<int> year;
            std::size_t y_t = is(k + 1, ",") ? k + 2 : k + 1;
            if (auto y = parse_year(w(y_t))) { year = y; last = y_t; }
            // "the July 26 Movement", "the March 8 Alliance": a yearless month-day that runs
            // into a capitalised word, with no date word before it, is part of a name.
            if (!year && cap(k + 1) && month_from_name(w(k + 1)) == 0 && weekday_from_name(w(k + 1)) < 0 &&
                (t > 0 && !(month_cue(w(t - 1)) || is(t - 1, "on") || is(t - 1, "of") || is(t - 1, "and") ||
                             is(t - 1, ",") || is(t - 1, "("))))
                return 0;
            std::optional<Date> date;
            if (year) date = make_date(*year, month, *d);
            else if (m_ref_valid) date = resolve_month_day(month, *d, m_ref, future());
            if (!date) return 0;
            add(t, last, *date, std::nullopt, precision_day, false, year.has_value());
            return last - t + 1;
        }
        if (auto y = parse_year(w(k))) {
            add(t, k, Date::from_ymd(*y, month, 1), month_end(*y, month), precision_month, false, true);
            return k - t + 1;
        }
        if (!m_ref_valid || t == 0 || !month_cue(w(t - 1))) return 0;
        int shift = is(t - 1, "last") ? -1 : is(t - 1, "next") ? 1 : 0;
        const int year = resolve_month_year(month, m_ref, future(), shift);
        add(shift != 0 ? t - 1 : t, t + mn - 1, Date::from_ymd(year, month, 1), month_end(year, month),
            precision_month, false);
        return mn;
    }

    // "17 March", "16 September 2022", "9th March".
    std::size_t match_day_first(std::size_t t) {
        const auto d = parse_day(w(t));
        if (!d) return 0;
        std::size_t m_t = is(t + 1, "of") ? t + 2 : t + 1;
        int month = 0;
        const std::size_t mn = month_at(m_t, month);
        if (mn == 0) return 0;
        std::size_t last = m_t + mn - 1;
        std::optional<Date> date;
        bool has_year = false;
        if (auto y = parse_year(w(last + 1))) {
            date = make_date(*y, month, *d);
            ++last;
            has_year = true;
        } else if (m_ref_valid) {
            date = resolve_month_day(month, *d, m_ref, future());
        }
        if (!date) return 0;
        add(t, last, *date, std::nullopt, precision_day, false, has_year);
        return last - t + 1;
    }

    // "on Friday", "Friday", "last Friday", "next Friday", "on Thursday night".
    std::size_t match_weekday(std::size_t t) {
        std::size_t first = t;
        int shift = 0;
        std::size_t wd_t = t;
        if (is(t, "last") || is(t, "next") || is(t, "this") || is(t, "on")) {
            shift = is(t, "last") ? -1 : is(t, "next") ? 1 : 0;
            wd_t = t + 1;
        }
        if (!cap(wd_t)) return 0;
        const int wd = weekday_from_name(w(wd_t));
        if (wd < 0) return 0;
        std::size_t last = wd_t;
        if (is(last + 1, "night") || is(last + 1, "morning") || is(last + 1, "evening") ||
            is(last + 1, "afternoon"))
            ++last;
        const int ref_wd = weekday(m_ref);
        Date date;
        if (shift < 0) date = m_ref.plus_days(-(((ref_wd - wd) + 6) % 7 + 1));
        else if (shift > 0 || (!is(t, "last") && future())) {
            const int ahead = ((wd - ref_wd) + 7) % 7;
            date = m_ref.plus_days(shift > 0 && ahead == 0 ? 7 : ahead);
        } else {
            date = m_ref.plus_days(-(((ref_wd - wd) % 7 + 7) % 7));
        }
        add(first, last, date, std::nullopt, precision_day, true);
        return last - first + 1;
    }

    // Every relative date below names one of these words in its first four tokens ("the day before
    // yesterday", "earlier this month", "three days ago", "over the weekend"). Most calls come for "the",
    // "a", "on" or "at" with none of them near: one look-up a token instead of every pattern.
    bool relative_anchor_near(std::size_t t) const {
        static const auto anchors = [] {
            BasicWordTable<std::uint8_t> a;
            for (std::string_view x : {"today", "tonight", "yesterday", "tomorrow", "night", "morning", "afternoon",
                                       "evening", "overnight", "week", "month", "weekend", "ago"})
                a.add(x, 1);
            return a;
        }();
        for (std::size_t k = t; k < t + 4 && k < m_toks.size(); ++k) {
            const std::string_view word = w(k);
            if (word.size() > 9) continue;
            char lower[9];
            for (std::size_t i = 0; i < word.size(); ++i)
                lower[i] = (word[i] >= 'A' && word[i] <= 'Z') ? static_cast<char>(word[i] + 32) : word[i];
            if (anchors.flags(std::string_view(lower, word.size())) != 0) return true;
        }
        return false;
    }

    std::size_t match_relative(std::size_t t) {
        if (!relative_anchor_near(t)) return 0;
        const Date r = m_ref;
        // Single words and "earlier today" / "yesterday morning".
        auto is_sv = [&](std::size_t k, std::string_view lower) { return k < m_toks.size() && iequals(w(k), lower); };
        auto day_word = [&](std::string_view word, std::int64_t offset) -> std::size_t {
            std::size_t first = t;
            if ((is(t, "earlier") || is(t, "later")) && is_sv(t + 1, word)) ++t;
            if (!is_sv(t, word)) { t = first; return 0; }
            std::size_t last = t;
            if (is(t + 1, "morning") || is(t + 1, "afternoon") || is(t + 1, "evening") || is(t + 1, "night")) ++last;
            add(first, last, r.plus_days(offset), std::nullopt, precision_day, true);
            const std::size_t used = last - first + 1;
            t = first;
            return used;
        };
        if (is(t, "the") && is(t + 1, "day") && is(t + 2, "before") && is(t + 3, "yesterday")) {
            add(t, t + 3, r.plus_days(-2), std::nullopt, precision_day, true);
            return 4;
        }
        if (std::size_t n = day_word("today", 0)) return n;
        if (std::size_t n = day_word("tonight", 0)) return n;
        if (std::size_t n = day_word("yesterday", -1)) return n;
        if (std::size_t n = day_word("tomorrow", 1)) return n;
        if (is(t, "last") && is(t + 1, "night")) {
            add(t, t + 1, r.plus_days(-1), std::nullopt, precision_day, true);
            return 2;
        }
        if (is(t, "this") && (is(t + 1, "morning") || is(t + 1, "afternoon") || is(t + 1, "evening"))) {
            add(t, t + 1, r, std::nullopt, precision_day, true);
            return 2;
        }
        if (is(t, "overnight")) {
            add(t, t, r.plus_days(-1), r, precision_day, true);
            return 1;
        }
        // Weeks and months: "last week", "earlier this month", "later this week".
        std::size_t first = t;
        int edge = 0;  // -1 earlier (up to the reference), +1 later (from the reference)
        if (is(t, "earlier")) { edge = -1; ++t; }
        else if (is(t, "later")) { edge = 1; ++t; }
        int shift = 2;  // 2 = not matched
        if (is(t, "last") || is(t, "past")) shift = -1;
        else if (is(t, "this")) shift = 0;
        else if (is(t, "next") || is(t, "coming")) shift = 1;
        if (shift != 2 && (is(t + 1, "week") || is(t + 1, "month"))) {
            const bool week = is(t + 1, "week");
            const std::size_t last = t + 1;
            Date start, end;
            if (week) {
                start = monday_of(r).plus_days(7 * shift);
                end = start.plus_days(6);
            } else {
                int y = r.year, m = r.month + shift;
                if (m < 1) { m = 12; --y; }
                if (m > 12) { m = 1; ++y; }
                start = Date::from_ymd(y, m, 1);
                end = month_end(y, m);
            }
            if (shift == 0 && edge < 0) end = r;
            if (shift == 0 && edge > 0) start = r;
            add(first, last, start, end, week ? precision_week : precision_month, true);
            return last - first + 1;
        }
        // Weekends: "over the weekend", "this weekend", "last weekend", "at the weekend".
        if ((is(t, "over") || is(t, "at") || is(t, "on")) && is(t + 1, "the") && is(t + 2, "weekend")) shift = 0;
        if (shift != 2 && (is(t + 1, "weekend") || is(t + 2, "weekend"))) {
            const std::size_t last = is(t + 1, "weekend") ? t + 1 : t + 2;
            const int wd = weekday(r);
            Date sat;
            if (shift > 0 || (shift == 0 && future())) sat = r.plus_days(wd == 6 ? 6 : 5 - wd);
            else if (wd >= 5) sat = r.plus_days(5 - wd - (shift < 0 ? 7 : 0));
            else sat = r.plus_days(-(wd + 2));
            add(first, last, sat, sat.plus_days(1), precision_week, true);
            return last - first + 1;
        }
        t = first;
        // "three days ago", "two weeks ago", "a month ago".
        if (auto n = count_word(w(t))) {
            const std::size_t unit = t + 1;
            if (is(unit + 1, "ago")) {
                const std::string_view u = w(unit);
                int precision = 0;
                std::int64_t days = 0;
                if (iequals(u, "day") || iequals(u, "days")) { precision = precision_day; days = *n; }
                else if (iequals(u, "week") || iequals(u, "weeks")) { precision = precision_week; days = 7 * *n; }
                else if (iequals(u, "month") || iequals(u, "months")) precision = precision_month;
                if (precision == precision_month) {
                    int y = r.year, m = r.month - *n;
                    while (m < 1) { m += 12; --y; }
                    const int d = std::min(r.day, days_in_month(y, m));
                    add(t, unit + 1, Date::from_ymd(y, m, d), std::nullopt, precision, true);
                    return 3;
                }
                if (precision != 0) {
                    add(t, unit + 1, r.plus_days(-days), std::nullopt, precision, true);
                    return 3;
                }
            }
        }
        return 0;
    }

    std::string_view m_s;
    Date m_ref;
    bool m_ref_valid;
    std::optional<bool> m_future;  // computed when a pattern needs the tense
    std::vector<Token> m_toks;
    std::vector<DateMention> m_out;
};

}  // namespace

int weekday(events::Date date) {
    // 1970-01-01 was a Thursday (3 when Monday is 0).
    const std::int64_t d = date.days_since_epoch() + 3;
    return static_cast<int>(((d % 7) + 7) % 7);
}

int month_from_name(std::string_view word) {
    static constexpr std::array<std::string_view, 12> full{"january", "february", "march", "april", "may", "june",
                                                      "july", "august", "september", "october", "november",
                                                      "december"};
    static constexpr std::array<std::string_view, 12> abbr{"jan", "feb", "mar", "apr", "may", "jun",
                                                      "jul", "aug", "sep", "oct", "nov", "dec"};
    for (std::size_t i = 0; i < 12; ++i)
        if (iequals(word, full[i]) || iequals(word, abbr[i])) return static_cast<int>(i + 1);
    if (iequals(word, "sept")) return 9;
    return 0;
}

bool speaks_of_future(std::string_view sentence) {
    std::vector<Token> toks;
    tokenize(sentence, Span{0, sentence.size()}, toks);
    for (std::size_t i = 0; i < toks.size(); ++i) {
        const std::string_view w = toks[i].span.of(sentence);
        const auto next_is = [&](const char* x) {
            return i + 1 < toks.size() && iequals(toks[i + 1].span.of(sentence), x);
        };
        if (iequals(w, "will") || iequals(w, "shall") || iequals(w, "tomorrow") || iequals(w, "upcoming") ||
            iequals(w, "scheduled") || iequals(w, "expires") || iequals(w, "plans") || iequals(w, "intends"))
            return true;
        if ((iequals(w, "due") || iequals(w, "expected") || iequals(w, "set") || iequals(w, "going") ||
             iequals(w, "planning") || iequals(w, "poised")) && next_is("to"))
            return true;
    }
    return false;
}

std::vector<DateMention> find_dates(std::string_view sentence, events::Date reference) {
    return Matcher(sentence, reference).run();
}

}  // namespace eventmap::text
