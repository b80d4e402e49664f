#include "eventmap/eval/linking_score.h"

#include <algorithm>
#include <array>
#include <set>
#include <string>

namespace eventmap::eval {
namespace {

std::u32string decode(std::string_view s) {
    std::u32string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        const std::size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
        char32_t cp = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
        for (std::size_t k = 1; k < n && i + k < s.size(); ++k)
            cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
        out.push_back(cp);
        i += n;
    }
    return out;
}

bool is_space(char32_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0; }
bool is_quote_or_dash(char32_t c) {
    return c == 0x2018 || c == 0x2019 || c == 0x201C || c == 0x201D || c == 0x2013 || c == 0x2014 || c == 0xAB ||
           c == 0xBB || c == 0xA3;
}
// Letters and digits: ASCII ones, and any other code point that is not a space or a quote/dash.
bool is_alnum(char32_t c) {
    if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    return !is_space(c) && !is_quote_or_dash(c);
}
bool is_upper_or_digit(char32_t c) {
    if (c < 0x80) return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    return is_alnum(c);  // no case table here: a non-ASCII letter may start a name
}
bool is_prefix_punct(char32_t c) {
    return c == '"' || c == '\'' || c == '(' || c == '[' || c == '{' || c == '$' || c == 0xA3 || c == 0x201C ||
           c == 0x2018 || c == 0xAB;
}
bool is_suffix_punct(char32_t c) {
    return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == ')' || c == ']' || c == '}' ||
           c == '"' || c == '\'' || c == 0x201D || c == 0x2019 || c == '%' || c == 0xBB;
}

// A final period that belongs to the word: "U.S.", "Gen.", "Feb.".
bool keeps_period(std::u32string_view w) {
    bool initials = w.size() >= 2;
    for (std::size_t i = 0; i < w.size(); ++i)
        if ((i % 2 == 0 && !(w[i] < 0x80 && is_alnum(w[i]))) || (i % 2 == 1 && w[i] != '.')) initials = false;
    if (initials) return true;
    static const std::array<std::u32string_view, 41> abbreviations = {
        U"Mr.",  U"Mrs.",  U"Ms.",   U"Dr.",   U"Gen.", U"Lt.",  U"Col.",  U"Brig.", U"St.",   U"Sgt.", U"Capt.",
        U"Maj.", U"Rep.",  U"Sen.",  U"Gov.",  U"Jan.", U"Feb.", U"Mar.",  U"Apr.",  U"Aug.",  U"Sep.", U"Sept.",
        U"Oct.", U"Nov.",  U"Dec.",  U"Jr.",   U"Sr.",  U"No.",  U"Co.",   U"Corp.", U"Inc.",  U"Ltd.", U"vs.",
        U"Mt.",  U"Ft.",   U"Adm.",  U"Cmdr.", U"Pvt.", U"Cpl.", U"Prof.", U"Rev."};
    return std::find(abbreviations.begin(), abbreviations.end(), w) != abbreviations.end();
}

void split_word(std::u32string_view w, std::int64_t off, std::vector<CpSpan>& out) {
    while (w.size() > 1 && is_prefix_punct(w.front())) {
        out.push_back({off, off + 1});
        w.remove_prefix(1);
        ++off;
    }
    std::vector<CpSpan> suffixes;
    while (w.size() > 1) {
        const std::size_t n = w.size();
        if (n > 2 && (w[n - 1] == 's' || w[n - 1] == 'S') && (w[n - 2] == '\'' || w[n - 2] == 0x2019)) {
            suffixes.push_back({off + static_cast<std::int64_t>(n) - 2, off + static_cast<std::int64_t>(n)});
            w.remove_suffix(2);
            continue;
        }
        if (is_suffix_punct(w[n - 1]) && !(w[n - 1] == '.' && keeps_period(w))) {
            suffixes.push_back({off + static_cast<std::int64_t>(n) - 1, off + static_cast<std::int64_t>(n)});
            w.remove_suffix(1);
            continue;
        }
        break;
    }
    // Hyphens (and slashes) between a letter or digit and a letter are tokens of their own.
    std::size_t from = 0;
    for (std::size_t i = 1; i + 1 < w.size(); ++i) {
        const bool dash = w[i] == '-' || w[i] == '/' || w[i] == 0x2013 || w[i] == 0x2014;
        if (!dash || !is_alnum(w[i - 1])) continue;
        std::size_t j = i + 1;
        if (w[i] == '-' && j < w.size() && w[j] == '-') ++j;  // "--"
        if (j >= w.size() || !is_alnum(w[j]) || (w[j] >= '0' && w[j] <= '9')) continue;
        out.push_back({off + static_cast<std::int64_t>(from), off + static_cast<std::int64_t>(i)});
        out.push_back({off + static_cast<std::int64_t>(i), off + static_cast<std::int64_t>(j)});
        from = j;
        i = j - 1;
    }
    out.push_back({off + static_cast<std::int64_t>(from), off + static_cast<std::int64_t>(w.size())});
    out.insert(out.end(), suffixes.rbegin(), suffixes.rend());
}

std::vector<CpSpan> tokens_of(const std::u32string& t) {
    std::vector<CpSpan> out;
    const std::int64_t n = static_cast<std::int64_t>(t.size());
    for (std::int64_t i = 0; i < n;) {
        std::int64_t j = i;
        if (is_space(t[static_cast<std::size_t>(i)])) {
            while (j < n && is_space(t[static_cast<std::size_t>(j)])) ++j;
            // One space between words is no token; any other run of whitespace is one, less the
            // last space before the next word.
            if (i == 0) out.push_back({i, j});
            else if (!(j - i == 1 && t[static_cast<std::size_t>(i)] == ' '))
                out.push_back({i, t[static_cast<std::size_t>(j - 1)] == ' ' ? j - 1 : j});
        } else {
            while (j < n && !is_space(t[static_cast<std::size_t>(j)])) ++j;
            split_word(std::u32string_view(t).substr(static_cast<std::size_t>(i), static_cast<std::size_t>(j - i)), i,
                       out);
        }
        i = j;
    }
    return out;
}

bool plausible(const std::u32string& t, CpSpan s) {
    const auto n = static_cast<std::int64_t>(t.size());
    if (s.first < 0 || s.second > n || s.first >= s.second) return false;
    if (!is_upper_or_digit(t[static_cast<std::size_t>(s.first)]) || !is_alnum(t[static_cast<std::size_t>(s.second - 1)]))
        return false;
    const bool left = s.first == 0 || !is_alnum(t[static_cast<std::size_t>(s.first - 1)]);
    const bool right = s.second == n || !is_alnum(t[static_cast<std::size_t>(s.second)]);
    return left && right;
}

}  // namespace

std::vector<CpSpan> linking_tokens(std::string_view text) { return tokens_of(decode(text)); }

CpSpan repair_gold_span(std::string_view text, CpSpan given, bool* as_tokens) {
    if (as_tokens) *as_tokens = false;
    const std::u32string t = decode(text);
    if (plausible(t, given)) return given;
    const std::vector<CpSpan> tokens = tokens_of(t);
    if (given.first < 0 || given.second < given.first || given.second >= static_cast<std::int64_t>(tokens.size()))
        return given;
    const CpSpan read{tokens[static_cast<std::size_t>(given.first)].first,
                      tokens[static_cast<std::size_t>(given.second)].second};
    if (!plausible(t, read)) return given;
    if (as_tokens) *as_tokens = true;
    return read;
}

void score_linking(const std::vector<CpSpan>& gold, const std::vector<CpSpan>& predicted, LinkingScore& into) {
    const std::set<CpSpan> pred(predicted.begin(), predicted.end());
    auto overlaps = [](CpSpan a, CpSpan b) { return a.first < b.second && b.first < a.second; };
    into.gold += gold.size();
    into.predicted += pred.size();
    for (const auto& p : pred)
        if (std::any_of(gold.begin(), gold.end(), [&](CpSpan g) { return overlaps(p, g); })) ++into.correct;
    for (const auto& g : gold)
        if (std::any_of(pred.begin(), pred.end(), [&](CpSpan p) { return overlaps(p, g); })) ++into.gold_found;
}

}  // namespace eventmap::eval
