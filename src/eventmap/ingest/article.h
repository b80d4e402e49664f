#pragma once
// One article as read from an input: the text every later stage works on, with its metadata.
#include <cstdint>
#include <optional>
#include <string>

#include "eventmap/events/event.h"

namespace eventmap::ingest {

/// An article: valid UTF-8 text plus what the input said about it. Copied by value.
struct Article {
    std::string id;                          ///< the input's id, else "<file>:<line>" (JSON Lines) or the path
    std::string title;                       ///< "" when unknown
    std::string url;                         ///< "" when unknown
    std::optional<events::Date> published;   ///< from metadata only; see text::infer_publication_date
    std::string lang;                        ///< "" when unknown
    std::string text;                        ///< UTF-8, valid (invalid bytes already replaced by U+FFFD)
    std::string source_path;                 ///< the file it came from ("-" for stdin)
    std::uint64_t source_line = 0;           ///< 1-based line for JSON Lines, 0 otherwise
    friend bool operator==(const Article&, const Article&) = default;
};

}  // namespace eventmap::ingest
