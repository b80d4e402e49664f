#pragma once
// Streaming article reader: files, directories (recursive), JSON Lines, HTML, stdin.
// Memory stays flat in the input size: one file (or one JSON line) at a time.
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "eventmap/ingest/article.h"

namespace eventmap::ingest {

/// A record-level problem: the reader reports it and goes on (unless strict).
struct Problem {
    std::string path;
    std::uint64_t line = 0;         ///< 1-based, 0 when not line-based
    std::int64_t byte_offset = -1;  ///< byte in the file (or line for JSON Lines), -1 when unknown
    std::string reason;             ///< "file is empty", "invalid JSON: ...", "no \"text\" field", ...
    /// "path:line: reason" / "path: byte N: reason" / "path: reason".
    std::string message() const;
};

struct ReadOptions {
    bool strict = false;                               ///< throw FormatError/IoError on the first problem
    std::function<void(const Problem&)> on_problem;    ///< default (empty): print message() to stderr
    std::uint64_t max_line_bytes = 256ull << 20;       ///< longer JSON lines are skipped with a problem
};

struct ReadStats {
    std::uint64_t articles = 0;  ///< articles returned by next()
    std::uint64_t problems = 0;  ///< problems reported (including invalid UTF-8 that was repaired)
    std::uint64_t bytes = 0;     ///< input bytes read
    std::uint64_t files = 0;     ///< files opened (stdin counts as one)
};

/// Reads articles from inputs one by one. Not thread-safe itself: call next() from one thread
/// and hand the (self-contained, movable) Article values to worker threads.
class ArticleReader {
public:
    /// inputs: files; directories (recursive, sorted: .txt .text .html .htm .jsonl .ndjson);
    /// "-" = stdin (JSON Lines if the first non-space byte is '{', else one plain-text article).
    /// A file's kind comes from its extension; unknown extensions are read as plain text.
    explicit ArticleReader(std::vector<std::string> inputs, ReadOptions options = {});
    ~ArticleReader();
    ArticleReader(ArticleReader&&) noexcept;
    ArticleReader& operator=(ArticleReader&&) noexcept;
    ArticleReader(const ArticleReader&) = delete;
    ArticleReader& operator=(const ArticleReader&) = delete;

    /// Fills `out` with the next good article; false at the end of all inputs.
    /// Bad records are reported through on_problem and skipped (strict: throws).
    bool next(Article& out);
    const ReadStats& stats() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

/// Parses a publication date: "YYYY-MM-DD" optionally followed by "T..." / " ..." time; nullopt otherwise.
std::optional<events::Date> parse_published(std::string_view s);

/// True when an HTML page declares a charset other than UTF-8 in its first 4 KiB (`charset=...`).
bool html_declares_legacy_charset(std::string_view html);

/// Extracts an article from an HTML page (libxml2's HTML parser): text without scripts, styles
/// and navigation, paragraphs separated by blank lines; title, url and published from metadata.
/// `id` and `source_path` are left to the caller.
Article article_from_html(std::string_view html);

}  // namespace eventmap::ingest
