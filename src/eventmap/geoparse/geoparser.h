#pragma once
// Recognition and resolution of place names in one article's text.
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "eventmap/gazetteer/gazetteer.h"
#include "eventmap/geoparse/lexicon.h"
#include "eventmap/geoparse/toponym.h"
#include "eventmap/ingest/article.h"
#include "eventmap/text/span.h"
#include "eventmap/text/structure.h"

namespace eventmap::geoparse {

struct GeoparseOptions {
    std::filesystem::path lexicon;    ///< default: data/geoparse_lexicon.tsv
    std::filesystem::path word_list;  ///< default: /usr/share/dict/american-english (Debian's wamerican)
    std::filesystem::path given_names;  ///< default: data/given_names.txt
    bool relative_locations = true;   ///< add derived points for "30 km north of X"
};

/// What the reader of the article knows before reading the body.
struct DocumentContext {
    std::vector<text::Span> excluded;    ///< bylines, credits, boilerplate: never a place
    std::vector<text::Span> dateline;    ///< the dateline's place names (all-caps allowed)
    std::string country_hint;            ///< ISO2 of the dateline's country, "" when none
};

class Geoparser {
public:
    /// Keeps a reference to the gazetteer (which must outlive the geoparser); loads the lexicon.
    explicit Geoparser(const gazetteer::Gazetteer& gazetteer, GeoparseOptions options = {});

    /// Every toponym in the text, in text order. Thread-safe (const, no shared mutable state).
    std::vector<Toponym> parse(std::string_view text, const DocumentContext& context = {}) const;

    /// The context an article's structure gives: byline, credits and boilerplate excluded,
    /// the dateline's places, and the dateline's country as a hint.
    DocumentContext context_for(const ingest::Article& article, const text::ArticleStructure& structure) const;

    /// parse() over an article's text with the context of its structure.
    std::vector<Toponym> parse(const ingest::Article& article, const text::ArticleStructure& structure) const {
        return parse(article.text, context_for(article, structure));
    }

    const gazetteer::Gazetteer& gazetteer() const { return m_gaz; }
    const Lexicon& lexicon() const { return m_lex; }

private:
    const gazetteer::Gazetteer& m_gaz;
    GeoparseOptions m_options;
    Lexicon m_lex;
};

}  // namespace eventmap::geoparse
