#include "eventmap/geoparse/lexicon.h"

#include <algorithm>
#include <charconv>
#include <fstream>

#include "eventmap/core/error.h"

namespace eventmap::geoparse {

namespace {
std::string ascii_lower(std::string_view s) {
    std::string out(s);
    for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}
}  // namespace

namespace {
std::uint64_t length_bit(std::size_t bytes) { return std::uint64_t{1} << std::min<std::size_t>(bytes, 63); }
}  // namespace

const MetonymTarget* Lexicon::metonym(std::string_view phrase) const {
    if (!(m_metonym_lengths & length_bit(phrase.size()))) return nullptr;  // no phrase that long: skip hashing
    if (!phrase.empty()) {  // nor one starting with this byte
        const auto first = static_cast<unsigned char>(phrase[0]);
        if (!((m_metonym_first[first >> 6] >> (first & 63)) & 1)) return nullptr;
    }
    auto it = m_metonyms.find(phrase);
    return it == m_metonyms.end() ? nullptr : &it->second;
}

std::string_view Lexicon::state_abbreviation(std::string_view phrase) const {
    auto it = m_state_abbr.find(phrase);
    return it == m_state_abbr.end() ? std::string_view() : std::string_view(it->second);
}

Lexicon Lexicon::load(const std::filesystem::path& lexicon_tsv, const std::filesystem::path& word_list,
                      const std::filesystem::path& given_names) {
    Lexicon lex;
    std::ifstream in(lexicon_tsv);
    if (!in) throw IoError(lexicon_tsv.string(), "cannot open the geoparser lexicon");
    std::string line;
    std::uint64_t line_no = 0;
    while (std::getline(in, line)) {
        ++line_no;
        if (line.empty() || line[0] == '#') continue;
        auto tab = line.find('\t');
        if (tab == std::string::npos) throw FormatError(lexicon_tsv.string(), line_no, -1, "expected class<TAB>phrase");
        std::string cls = line.substr(0, tab);
        std::string rest = line.substr(tab + 1);
        std::string value;
        if (auto t2 = rest.find('\t'); t2 != std::string::npos) { value = rest.substr(t2 + 1); rest.resize(t2); }
        if (cls == "title") lex.m_classes.add(rest, k_title);
        else if (cls == "org_follower") lex.m_classes.add(ascii_lower(rest), k_org_follower);
        else if (cls == "org_word") lex.m_classes.add(rest, k_org_word);
        else if (cls == "speech_verb") lex.m_classes.add(ascii_lower(rest), k_speech_verb);
        else if (cls == "cue") lex.m_classes.add(ascii_lower(rest), k_cue);
        else if (cls == "not_place") lex.m_classes.add(rest, k_not_place);
        else if (cls == "state_abbr") {
            if (value.empty()) throw FormatError(lexicon_tsv.string(), line_no, -1, "a state abbreviation needs its admin1 code");
            lex.m_state_abbr.emplace(rest, value);
        } else if (cls == "metonym") {
            auto bar = value.find('|');
            MetonymTarget t;
            t.name = value.substr(0, bar);
            if (bar == std::string::npos ||
                std::from_chars(value.data() + bar + 1, value.data() + value.size(), t.geonameid).ec != std::errc())
                throw FormatError(lexicon_tsv.string(), line_no, -1, "a metonym needs name|geonameid");
            std::size_t words = 1;
            for (char c : rest) words += c == ' ';
            lex.m_metonym_max_words = std::max(lex.m_metonym_max_words, words);
            lex.m_metonym_lengths |= length_bit(rest.size());
            if (!rest.empty()) {
                const auto first = static_cast<unsigned char>(rest[0]);
                lex.m_metonym_first[first >> 6] |= std::uint64_t{1} << (first & 63);
            }
            lex.m_metonyms.emplace(rest, std::move(t));
        } else {
            throw FormatError(lexicon_tsv.string(), line_no, -1, "unknown class '" + cls + "'");
        }
    }
    if (!given_names.empty()) {
        std::ifstream names(given_names);
        if (!names) throw IoError(given_names.string(), "cannot open the given-names list");
        while (std::getline(names, line))
            if (!line.empty() && line[0] != '#') lex.m_classes.add(line, k_given_name);
    }
    std::ifstream words(word_list, std::ios::binary);
    if (words) {
        // The whole list at once, lines as views into it (one line a word, split at '\n').
        std::string all;
        words.seekg(0, std::ios::end);
        all.resize(static_cast<std::size_t>(std::max<std::streamoff>(0, words.tellg())));
        words.seekg(0, std::ios::beg);
        words.read(all.data(), static_cast<std::streamsize>(all.size()));
        all.resize(static_cast<std::size_t>(words.gcount()));
        const auto lines = static_cast<std::size_t>(std::count(all.begin(), all.end(), '\n')) + 1;
        detail::WordTable proper;  // capitalised entries, lower-cased
        proper.reserve(lines / 2, all.size() / 2);
        lex.m_words.reserve(lines, all.size());
        std::vector<std::string_view> lower;
        std::string lowered;
        for (std::size_t pos = 0; pos < all.size();) {
            std::size_t nl = all.find('\n', pos);
            if (nl == std::string::npos) nl = all.size();
            const std::string_view w(all.data() + pos, nl - pos);
            pos = nl + 1;
            if (w.empty() || w.find('\'') != std::string_view::npos) continue;
            unsigned char c = static_cast<unsigned char>(w[0]);
            if (c >= 'A' && c <= 'Z') {
                lowered = ascii_lower(w);
                proper.add(lowered, 1);
            } else if (c >= 'a' && c <= 'z') {
                lower.push_back(w);
            }
        }
        for (std::string_view w : lower) lex.m_words.add(w, proper.flags(w) ? k_common_and_proper : k_common);
    }
    return lex;
}

}  // namespace eventmap::geoparse
