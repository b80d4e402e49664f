#include "eventmap/events/triggers.h"

#include <algorithm>
#include <array>
#include <bit>
#include <charconv>
#include <fstream>
#include <sstream>

#include "eventmap/core/error.h"
#include "eventmap/core/paths.h"

namespace eventmap::events {
namespace {

// Letters, digits and every byte of a multi-byte UTF-8 character, as a table: one load a byte.
constexpr auto k_word_bytes = [] {
    std::array<bool, 256> t{};
    for (int c = 0; c < 256; ++c)
        t[static_cast<std::size_t>(c)] =
            (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
    return t;
}();

bool is_word_byte(unsigned char c) { return k_word_bytes[c]; }

constexpr auto k_ascii_letters = [] {
    std::array<bool, 256> t{};
    for (int c = 0; c < 256; ++c) t[static_cast<std::size_t>(c)] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    return t;
}();

struct NumberWord {
    std::string_view word;
    int value;
};
constexpr NumberWord k_number_words[] = {
    {"one", 1},      {"two", 2},        {"three", 3},     {"four", 4},      {"five", 5},
    {"six", 6},      {"seven", 7},      {"eight", 8},     {"nine", 9},      {"ten", 10},
    {"eleven", 11},  {"twelve", 12},    {"thirteen", 13}, {"fourteen", 14}, {"fifteen", 15},
    {"sixteen", 16}, {"seventeen", 17}, {"eighteen", 18}, {"nineteen", 19}, {"twenty", 20},
    {"thirty", 30},  {"forty", 40},     {"fifty", 50},    {"hundred", 100}, {"dozen", 12},
    {"single", 1},   {"a", 1},          {"an", 1},
};

// The number words of each first letter and length, as bits over k_number_words: most words of a
// sentence are ruled out without a comparison.
static_assert(std::size(k_number_words) <= 32);
constexpr auto k_number_shapes = [] {
    std::array<std::array<std::uint32_t, 10>, 26> t{};
    for (std::size_t i = 0; i < std::size(k_number_words); ++i) {
        const std::string_view nw = k_number_words[i].word;
        t[static_cast<std::size_t>(nw[0] - 'a')][nw.size()] |= 1u << i;
    }
    return t;
}();

// Whether number_value() can find a value: digits, or a letter and length some number word has.
bool may_be_number(std::string_view w) {
    const char c = w[0];
    if (c >= '0' && c <= '9') return true;
    return w.size() <= 9 && c >= 'a' && c <= 'z' && k_number_shapes[static_cast<std::size_t>(c - 'a')][w.size()] != 0;
}

std::vector<std::string_view> split(std::string_view s, char sep) {
    std::vector<std::string_view> out;
    std::size_t start = 0;
    for (;;) {
        const std::size_t p = s.find(sep, start);
        out.push_back(s.substr(start, p == std::string_view::npos ? std::string_view::npos : p - start));
        if (p == std::string_view::npos) break;
        start = p + 1;
    }
    return out;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\r' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\r' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

using CompiledPart = TriggerSet::CompiledPart;
using CompiledStep = TriggerSet::CompiledStep;

constexpr std::uint32_t k_no_word = UINT32_MAX;  // a sentence word no pattern names exactly

// The words of a sentence with their numbers in the patterns' vocabulary.
struct Numbered {
    const WordList& words;
    const std::vector<std::uint32_t>& ids;
    std::size_t size() const { return words.size(); }
    const Word& operator[](std::size_t i) const { return words[i]; }
};

bool part_accepts(const CompiledPart& part, const Numbered& words, std::size_t i) {
    if (part.prefix) {
        const std::string_view w = words[i].lower;
        return w.size() >= part.text.size() && w.compare(0, part.text.size(), part.text) == 0;
    }
    return words.ids[i] == part.word;
}

// Words consumed when an alternative ("shot_dead" = two words) matches at word i; 0 when not.
std::size_t alternative_match(const std::vector<CompiledPart>& parts, const Numbered& words, std::size_t i) {
    for (std::size_t used = 0; used < parts.size(); ++used) {
        if (i + used >= words.size() || !part_accepts(parts[used], words, i + used)) return 0;
        // A phrase is one unit of a clause: "police, tear gas" is not "police tear gas".
        if (used > 0 && words[i + used].boundary_before) return 0;
    }
    return parts.size();
}

// Backtracking match of steps[s..] starting at word i; returns the last word index or -1.
long match_from(const std::vector<CompiledStep>& steps, std::size_t s, const Numbered& words, std::size_t i) {
    if (s == steps.size()) return static_cast<long>(i) - 1;
    const CompiledStep& step = steps[s];
    if (step.kind == PatternStep::Kind::gap) {
        for (int g = 0; g <= step.max_gap; ++g) {
            const std::size_t j = i + static_cast<std::size_t>(g);
            if (j > words.size()) break;
            // A gap never crosses a clause boundary: "shelled ... ; ... town" is not one phrase.
            if (g > 0 && (words[j - 1].boundary_before || (j < words.size() && words[j].boundary_before))) break;
            const long r = match_from(steps, s + 1, words, j);
            if (r >= 0) return r;
        }
        return -1;
    }
    if (i >= words.size()) return -1;
    if (s > 0 && words[i].boundary_before && steps[s - 1].kind != PatternStep::Kind::gap) return -1;
    if (step.kind == PatternStep::Kind::number) {
        if (!words[i].number || words[i].lower == "a" || words[i].lower == "an") return -1;
        return match_from(steps, s + 1, words, i + 1);
    }
    for (const auto& alt : step.alternatives) {
        const std::size_t used = alternative_match(alt, words, i);
        if (used == 0) continue;
        const long r = match_from(steps, s + 1, words, i + used);
        if (r >= 0) return r;
    }
    return -1;
}

std::vector<CompiledPart> compile_alternative(std::string_view alt) {
    std::vector<CompiledPart> parts;
    for (;;) {
        const std::size_t us = alt.find('_');
        std::string_view part = alt.substr(0, us);
        CompiledPart c;
        if (!part.empty() && part.back() == '*') {
            part.remove_suffix(1);
            c.prefix = true;
        }
        c.text = std::string(part);
        parts.push_back(std::move(c));
        if (us == std::string_view::npos) return parts;
        alt.remove_prefix(us + 1);
    }
}

}  // namespace

void WordList::assign(std::string_view sentence) {
    m_words.clear();
    m_words.reserve(sentence.size() / 5 + 1);  // a word in five or six bytes of English: rarely grown
    m_lower.assign(sentence.size(), ' ');
    // The bytes read, and the lower-cased copy written, byte for byte at the same offsets.
    const auto* in = reinterpret_cast<const unsigned char*>(sentence.data());
    char* const out = m_lower.data();
    const std::string_view lower(m_lower);
    bool boundary = false;
    char boundary_char = 0;
    std::size_t i = 0;
    const std::size_t n = sentence.size();
    while (i < n) {
        const unsigned char c = in[i];
        if (!is_word_byte(c)) {
            if (c == ',' || c == ';' || c == ':' || c == '(' || c == ')' || c == '"' || c == '[' || c == ']' ||
                (c == '-' && i + 1 < n && in[i + 1] == ' ')) {
                boundary = true;
                if (boundary_char != ';') boundary_char = static_cast<char>(c);
            }
            ++i;
            continue;
        }
        // Curly quotes and dashes (U+2013/2014/2018/2019/201C/201D) separate words; the dashes and
        // double quotes also bound clauses.
        if (c == 0xE2 && i + 2 < n && in[i + 1] == 0x80) {
            const unsigned char e = in[i + 2];
            if ((e >= 0x98 && e <= 0x9D) || e == 0x93 || e == 0x94) {
                if (e != 0x98 && e != 0x99) {
                    boundary = true;
                    if (boundary_char != ';') boundary_char = ',';
                }
                i += 3;
                continue;
            }
        }
        const std::size_t start = i;
        bool digits = true;
        while (i < n) {
            // A run of ASCII letters, most of any word, lower-cased without the checks below.
            if (k_ascii_letters[in[i]]) {
                do {
                    out[i] = static_cast<char>(in[i] | 0x20);
                    ++i;
                } while (i < n && k_ascii_letters[in[i]]);
                digits = false;
                continue;
            }
            const unsigned char d = in[i];
            if (is_word_byte(d)) {
                // Curly quotes (U+2018/2019/201C/201D) start with E2 80; they separate words.
                if (d == 0xE2 && i + 2 < n && in[i + 1] == 0x80) {
                    const unsigned char e = in[i + 2];
                    if (e >= 0x98 && e <= 0x9D) break;
                    if (e == 0x93 || e == 0x94) break;  // en and em dashes
                }
                if (!(d >= '0' && d <= '9')) digits = false;
                out[i] = (d >= 'A' && d <= 'Z') ? static_cast<char>(d + 32) : static_cast<char>(d);
                ++i;
                continue;
            }
            // Inner apostrophe, hyphen, or digit grouping ("O'Brien", "S-300", "1,000", "1.5").
            if ((d == '\'' || d == '-') && i + 1 < n && is_word_byte(in[i + 1]) &&
                !(d == '\'' && i + 2 <= n && (in[i + 1] == 's' || in[i + 1] == 'S') &&
                  (i + 2 == n || !is_word_byte(in[i + 2])))) {
                out[i] = static_cast<char>(d);
                ++i;
                continue;
            }
            if ((d == ',' || d == '.') && digits && i + 1 < n && in[i + 1] >= '0' && in[i + 1] <= '9') {
                out[i] = static_cast<char>(d);
                ++i;
                continue;
            }
            break;
        }
        Word w;
        w.begin = static_cast<std::uint32_t>(start);
        w.end = static_cast<std::uint32_t>(i);
        w.lower = lower.substr(start, i - start);
        w.boundary_before = boundary;
        w.boundary = boundary_char;
        w.capitalised = in[start] >= 'A' && in[start] <= 'Z';
        w.number = may_be_number(w.lower) && number_value(w.lower) >= 0;
        boundary = false;
        boundary_char = 0;
        m_words.push_back(w);
    }
}

long long number_value(std::string_view w) {
    if (w.empty()) return -1;
    if (w[0] >= '0' && w[0] <= '9') {
        long long v = 0;
        for (char c : w) {
            if (c == ',') continue;
            if (c == '.') break;
            if (c < '0' || c > '9') return -1;
            v = v * 10 + (c - '0');
            if (v > 1'000'000'000) return -1;
        }
        return v;
    }
    if (w.size() > 9 || w[0] < 'a' || w[0] > 'z') return -1;
    for (std::uint32_t m = k_number_shapes[static_cast<std::size_t>(w[0] - 'a')][w.size()]; m != 0; m &= m - 1) {
        const NumberWord& nw = k_number_words[std::countr_zero(m)];
        if (nw.word == w) return nw.value;
    }
    return -1;
}

TriggerSet TriggerSet::parse(std::string_view tsv, const std::string& name) {
    TriggerSet set;
    std::uint32_t line_no = 0;
    std::size_t offset = 0;
    while (offset < tsv.size()) {
        std::size_t nl = tsv.find('\n', offset);
        if (nl == std::string_view::npos) nl = tsv.size();
        const std::string_view line = tsv.substr(offset, nl - offset);
        const std::size_t line_offset = offset;
        offset = nl + 1;
        ++line_no;
        const std::string_view t = trim(line);
        if (t.empty() || t.front() == '#') continue;
        const auto cols = split(line, '\t');
        if (cols.size() < 3)
            throw FormatError(name, line_no, static_cast<std::int64_t>(line_offset),
                              "expected type<TAB>weight<TAB>pattern");
        if (cols[0] == "type" && line_no == 1) continue;  // header
        TriggerPattern p;
        p.type = std::string(trim(cols[0]));
        const std::string_view weight = trim(cols[1]);
        auto [ptr, ec] = std::from_chars(weight.data(), weight.data() + weight.size(), p.weight);
        if (ec != std::errc() || ptr != weight.data() + weight.size())
            throw FormatError(name, line_no, static_cast<std::int64_t>(line_offset), "weight is not an integer");
        p.text = std::string(trim(cols[2]));
        p.line = line_no;
        std::istringstream in(p.text);
        std::string tok;
        while (in >> tok) {
            PatternStep step;
            if (tok == "#n") {
                step.kind = PatternStep::Kind::number;
            } else if (tok.size() >= 2 && tok[0] == '~') {
                step.kind = PatternStep::Kind::gap;
                step.max_gap = std::atoi(tok.c_str() + 1);
                if (step.max_gap <= 0 || step.max_gap > 8)
                    throw FormatError(name, line_no, static_cast<std::int64_t>(line_offset),
                                      "gap must be ~1 .. ~8: " + tok);
            } else {
                std::transform(tok.begin(), tok.end(), tok.begin(),
                               [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; });
                for (std::string_view alt : split(tok, '|'))
                    if (!alt.empty()) step.alternatives.emplace_back(alt);
            }
            p.steps.push_back(std::move(step));
        }
        if (p.steps.empty() || p.steps.front().kind == PatternStep::Kind::gap ||
            p.steps.back().kind == PatternStep::Kind::gap)
            throw FormatError(name, line_no, static_cast<std::int64_t>(line_offset),
                              "a pattern needs words and cannot start or end with a gap");
        set.m_patterns.push_back(std::move(p));
    }
    set.build_index();
    return set;
}

TriggerSet TriggerSet::load(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw IoError(path.string(), "cannot open the event trigger file");
    std::ostringstream ss;
    ss << in.rdbuf();
    return parse(ss.str(), path.string());
}

TriggerSet TriggerSet::load_default() { return load(data_dir() / "event_triggers.tsv"); }

void TriggerSet::build_index() {
    m_compiled.clear();
    m_vocabulary = {};
    m_vocabulary_size = 0;
    m_by_first.clear();
    m_other_first.clear();
    m_other_by_word.clear();
    m_other_any_word.clear();
    for (auto& list : m_other_prefixed_by_byte) list.clear();
    for (std::uint32_t i = 0; i < m_patterns.size(); ++i) {
        std::vector<CompiledStep> steps;
        for (const PatternStep& step : m_patterns[i].steps) {
            CompiledStep c;
            c.kind = step.kind;
            c.max_gap = step.max_gap;
            for (const std::string& alt : step.alternatives) {
                c.alternatives.push_back(compile_alternative(alt));
                for (CompiledPart& part : c.alternatives.back())
                    if (!part.prefix) {
                        std::uint32_t number = m_vocabulary.flags(part.text);
                        if (number == 0) m_vocabulary.add(part.text, number = ++m_vocabulary_size);
                        part.word = number - 1;
                    }
            }
            steps.push_back(std::move(c));
        }
        m_compiled.push_back(std::move(steps));

        const CompiledStep& first = m_compiled.back().front();
        bool exact = first.kind == PatternStep::Kind::words;
        if (exact)
            for (const auto& alt : first.alternatives)
                if (alt.front().prefix) exact = false;
        if (exact) {
            for (std::uint32_t a = 0; a < first.alternatives.size(); ++a) {
                const std::uint32_t word = first.alternatives[a].front().word;
                if (m_by_first.size() <= word) m_by_first.resize(word + 1);
                std::vector<FirstWord>& list = m_by_first[word];
                if (list.empty() || list.back().pattern != i) list.push_back(FirstWord{i, {}});
                list.back().alternatives.push_back(a);
            }
            continue;
        }
        const auto k = static_cast<std::uint32_t>(m_other_first.size());
        if (first.kind != PatternStep::Kind::words) m_other_any_word.push_back(k);  // a number first
        for (std::uint32_t a = 0; a < first.alternatives.size(); ++a) {
            const CompiledPart& part = first.alternatives[a].front();
            if (part.prefix) {
                if (part.text.empty())  // "*": every word
                    for (auto& list : m_other_prefixed_by_byte) list.emplace_back(k, a);
                else
                    m_other_prefixed_by_byte[static_cast<unsigned char>(part.text[0])].emplace_back(k, a);
                continue;
            }
            if (m_other_by_word.size() <= part.word) m_other_by_word.resize(part.word + 1);
            m_other_by_word[part.word].emplace_back(static_cast<std::uint32_t>(m_other_first.size()), a);
        }
        m_other_first.push_back(i);
    }
}

void TriggerSet::match(const WordList& words, std::vector<TriggerMatch>& out) const {
    out.clear();
    thread_local std::vector<std::uint32_t> ids;
    ids.assign(words.size(), k_no_word);
    for (std::size_t i = 0; i < words.size(); ++i)
        ids[i] = m_vocabulary.flags(words[i].lower) - 1;  // k_no_word when absent
    const Numbered numbered{words, ids};
    // The patterns whose first step is not one exact word, that can start at a word: (index in
    // m_other_first, alternative), k_no_word as the alternative of a number-initial pattern.
    thread_local std::vector<std::pair<std::uint32_t, std::uint32_t>> starts;
    thread_local std::vector<std::uint32_t> candidates;
    for (std::size_t i = 0; i < words.size(); ++i) {
        // The first step as match_from() takes it, over only the alternatives that start with this word.
        auto try_first = [&](std::uint32_t pi, const std::vector<std::uint32_t>& alternatives) {
            const std::vector<CompiledStep>& steps = m_compiled[pi];
            for (std::uint32_t a : alternatives) {
                const std::size_t used = alternative_match(steps.front().alternatives[a], numbered, i);
                if (used == 0) continue;
                const long last = match_from(steps, 1, numbered, i + used);
                if (last >= 0) {
                    out.push_back(TriggerMatch{&m_patterns[pi], static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(last)});
                    return;
                }
            }
        };
        if (ids[i] < m_by_first.size())
            for (const FirstWord& f : m_by_first[ids[i]]) try_first(f.pattern, f.alternatives);

        // The others, in the patterns' order: their exact-initial alternatives that are this word, their
        // "abc*" alternatives filed under the word's first byte that accept it, and number-initial
        // patterns when the word is a number (match_from() fails on any other word).
        starts.clear();
        if (ids[i] < m_other_by_word.size()) starts = m_other_by_word[ids[i]];
        if (!words[i].lower.empty())
            for (const auto& [k, a] : m_other_prefixed_by_byte[static_cast<unsigned char>(words[i].lower[0])])
                if (part_accepts(m_compiled[m_other_first[k]].front().alternatives[a].front(), numbered, i))
                    starts.emplace_back(k, a);
        if (words[i].number && words[i].lower != "a" && words[i].lower != "an")
            for (std::uint32_t k : m_other_any_word) starts.emplace_back(k, k_no_word);
        if (starts.empty()) continue;
        std::sort(starts.begin(), starts.end());
        for (std::size_t j = 0; j < starts.size();) {
            const std::uint32_t k = starts[j].first;
            const std::uint32_t pi = m_other_first[k];
            if (starts[j].second == k_no_word) {  // a number-initial pattern: match_from() takes it whole
                const long last = match_from(m_compiled[pi], 0, numbered, i);
                if (last >= 0)
                    out.push_back(TriggerMatch{&m_patterns[pi], static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(last)});
                ++j;
                continue;
            }
            candidates.clear();
            for (; j < starts.size() && starts[j].first == k; ++j) candidates.push_back(starts[j].second);
            try_first(pi, candidates);
        }
    }
    std::stable_sort(out.begin(), out.end(), [](const TriggerMatch& a, const TriggerMatch& b) {
        if (a.first_word != b.first_word) return a.first_word < b.first_word;
        return a.last_word > b.last_word;
    });
}

}  // namespace eventmap::events
