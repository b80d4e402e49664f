#include "eventmap/ingest/reader.h"

#include <simdjson.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <deque>
#include <filesystem>
#include <iostream>

#include "eventmap/core/error.h"
#include "eventmap/text/utf8.h"

namespace fs = std::filesystem;

namespace eventmap::ingest {
namespace {

constexpr std::size_t chunk_bytes = 1 << 20;
constexpr std::size_t sniff_bytes = 8192;

enum class Kind { text, html, jsonl, json, stdin_auto };

struct FileCloser {
    void operator()(std::FILE* f) const {
        if (f && f != stdin) std::fclose(f);
    }
};
using FilePtr = std::unique_ptr<std::FILE, FileCloser>;

std::string lower_ext(const fs::path& p) {
    std::string e = p.extension().string();
    for (char& c : e) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return e;
}

std::optional<Kind> kind_of(const fs::path& p, bool from_directory) {
    const std::string e = lower_ext(p);
    if (e == ".jsonl" || e == ".ndjson") return Kind::jsonl;
    if (e == ".json") return Kind::json;
    if (e == ".html" || e == ".htm" || e == ".xhtml") return Kind::html;
    if (e == ".txt" || e == ".text") return Kind::text;
    if (from_directory) return std::nullopt;  // a directory may hold anything: read only what we know
    return Kind::text;
}

// NUL bytes, or many control bytes or broken UTF-8 in the first few KiB: not text.
bool looks_binary(std::string_view sample, bool expect_utf8 = true) {
    if (sample.find('\0') != std::string_view::npos) return true;
    std::size_t control = 0;
    for (char ch : sample) {
        const auto c = static_cast<unsigned char>(ch);
        if (c < 32 && c != '\n' && c != '\r' && c != '\t' && c != '\f') ++control;
    }
    if (control * 20 > sample.size()) return true;
    if (!expect_utf8) return false;
    std::vector<std::int64_t> bad;
    // A cut multi-byte sequence at the end of the sample is not evidence.
    const std::string_view head = sample.size() > 4 ? sample.substr(0, sample.size() - 4) : sample;
    (void)text::sanitize_utf8(head, &bad);
    return bad.size() * 10 > head.size() && bad.size() > 8;
}

bool all_space(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f'; });
}

bool ends_sentence(std::string_view s) {
    while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
    return !s.empty() && (s.back() == '.' || s.back() == '!' || s.back() == '?' || s.back() == ':' || s.back() == ';');
}

// Line-by-line reading with bounded memory (one line at a time, any length).
class LineReader {
public:
    explicit LineReader(std::FILE* f) : m_file(f), m_buf(chunk_bytes) {}

    // Reads the next line (without '\n') into `line`, keeping at most `max_bytes` of it;
    // `too_long` tells whether it was cut. False at the end of the input.
    bool next(std::string& line, std::uint64_t max_bytes, bool& too_long, std::uint64_t& bytes_read) {
        line.clear();
        too_long = false;
        bool any = false;
        for (;;) {
            if (m_pos == m_len) {
                if (m_eof) return any;
                m_len = std::fread(m_buf.data(), 1, m_buf.size(), m_file);
                m_pos = 0;
                bytes_read += m_len;
                if (m_len == 0) { m_eof = true; return any; }
            }
            any = true;
            const char* start = m_buf.data() + m_pos;
            const auto* nl = static_cast<const char*>(std::memchr(start, '\n', m_len - m_pos));
            const std::size_t n = nl ? static_cast<std::size_t>(nl - start) : m_len - m_pos;
            if (line.size() + n > max_bytes) {
                too_long = true;
                if (line.size() < max_bytes) line.append(start, max_bytes - line.size());
            } else {
                line.append(start, n);
            }
            m_pos += n;
            if (nl) {
                ++m_pos;
                return true;
            }
        }
    }

    // The first non-space byte, without consuming anything; -1 at the end.
    int peek_first_visible(std::uint64_t& bytes_read) {
        for (;;) {
            for (std::size_t i = m_pos; i < m_len; ++i) {
                const char c = m_buf[i];
                if (c != ' ' && c != '\n' && c != '\r' && c != '\t') return static_cast<unsigned char>(c);
            }
            if (m_eof) return -1;
            // Keep what we have: compact and read more.
            std::memmove(m_buf.data(), m_buf.data() + m_pos, m_len - m_pos);
            m_len -= m_pos;
            m_pos = 0;
            if (m_len == m_buf.size()) m_buf.resize(m_buf.size() * 2);
            const std::size_t got = std::fread(m_buf.data() + m_len, 1, m_buf.size() - m_len, m_file);
            bytes_read += got;
            if (got == 0) m_eof = true;
            m_len += got;
        }
    }

    // Everything left.
    std::string rest(std::uint64_t& bytes_read) {
        std::string out(m_buf.data() + m_pos, m_len - m_pos);
        m_pos = m_len;
        std::vector<char> tmp(chunk_bytes);
        while (!m_eof) {
            const std::size_t got = std::fread(tmp.data(), 1, tmp.size(), m_file);
            bytes_read += got;
            if (got == 0) m_eof = true;
            out.append(tmp.data(), got);
        }
        return out;
    }

private:
    std::FILE* m_file;
    std::vector<char> m_buf;
    std::size_t m_pos = 0;
    std::size_t m_len = 0;
    bool m_eof = false;
};

struct Input {
    fs::path path;        // what to open ("-" for stdin)
    std::string display;  // the path as the user gave it (or under the directory they gave)
    std::string rel;      // id base: relative to the argument
    Kind kind;
};

std::string json_error(simdjson::error_code e) {
    std::string_view what = simdjson::error_message(e);
    while (!what.empty() && what.front() == ' ') what.remove_prefix(1);
    return "invalid JSON: " + std::string(what);
}

}  // namespace

std::string Problem::message() const { return format_location(path, line, byte_offset) + ": " + reason; }

std::optional<events::Date> parse_published(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    if (s.size() < 10) return std::nullopt;
    if (s.size() > 10 && s[10] != 'T' && s[10] != ' ' && s[10] != 't' && s[10] != 'Z' && s[10] != '+')
        return std::nullopt;
    return events::Date::parse_iso(std::string(s.substr(0, 10)));
}

struct ArticleReader::Impl {
    ReadOptions opt;
    ReadStats stats;
    std::deque<std::string> args;   // arguments not yet expanded
    std::deque<Input> files;        // files of the current argument
    // The JSON Lines file being read, if any.
    FilePtr file;
    std::unique_ptr<LineReader> lines;
    Input current;
    std::uint64_t line_no = 0;
    std::string line;
    simdjson::dom::parser parser;
    // A whole-file JSON array being handed out element by element.
    std::vector<Article> pending;

    void problem(const std::string& path, std::uint64_t ln, std::int64_t byte, const std::string& reason,
                 bool io = false) {
        ++stats.problems;
        Problem p{path, ln, byte, reason};
        if (opt.strict) {
            if (io) throw IoError(path, reason);
            throw FormatError(path, ln, byte, reason);
        }
        if (opt.on_problem) opt.on_problem(p);
        else std::cerr << p.message() << '\n';
    }

    // Replaces invalid UTF-8, reporting where it was (offsets relative to `base`).
    std::string repaired(std::string_view s, const std::string& path, std::uint64_t ln, std::int64_t base) {
        std::vector<std::int64_t> bad;
        std::string out = text::sanitize_utf8(s, &bad);
        if (!bad.empty()) {
            problem(path, ln, base + bad.front(),
                    "invalid UTF-8 (" + std::to_string(bad.size()) + " sequence" + (bad.size() > 1 ? "s" : "") +
                        " replaced by U+FFFD)");
        }
        return out;
    }

    void expand(const std::string& arg) {
        if (arg == "-") {
            files.push_back(Input{"-", "-", "stdin", Kind::stdin_auto});
            return;
        }
        std::error_code ec;
        const fs::path p(arg);
        const auto st = fs::status(p, ec);
        if (ec || !fs::exists(st)) {
            problem(arg, 0, -1, "no such file", true);
            return;
        }
        if (fs::is_directory(st)) {
            std::vector<Input> found;
            for (auto it = fs::recursive_directory_iterator(p, fs::directory_options::skip_permission_denied, ec);
                 !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
                const fs::path& f = it->path();
                if (f.filename().string().starts_with(".")) {
                    if (it->is_directory()) it.disable_recursion_pending();
                    continue;
                }
                if (!it->is_regular_file()) continue;
                if (auto k = kind_of(f, true)) {
                    const std::string rel = f.lexically_relative(p).generic_string();
                    found.push_back(Input{f, f.generic_string(), rel, *k});
                }
            }
            if (ec) problem(arg, 0, -1, "cannot list directory: " + ec.message(), true);
            std::sort(found.begin(), found.end(), [](const Input& a, const Input& b) { return a.rel < b.rel; });
            if (found.empty()) problem(arg, 0, -1, "no .txt, .html, .jsonl or .json files in this directory");
            for (auto& f : found) files.push_back(std::move(f));
            return;
        }
        files.push_back(Input{p, arg, p.filename().string(), *kind_of(p, false)});
    }

    std::string read_all(std::FILE* f) {
        LineReader r(f);
        return r.rest(stats.bytes);
    }

    // One whole-file article (text or HTML); false when it was skipped.
    bool read_whole(const Input& in, Article& out) {
        FilePtr f(std::fopen(in.path.c_str(), "rb"));
        if (!f) {
            problem(in.display, 0, -1, std::string("cannot open: ") + std::strerror(errno), true);
            return false;
        }
        ++stats.files;
        std::string data = read_all(f.get());
        return make_whole(in, std::move(data), out);
    }

    bool make_whole(const Input& in, std::string data, Article& out) {
        // A byte-order mark is not text: offsets count from after it.
        if (std::string_view(data).starts_with("\xEF\xBB\xBF")) data.erase(0, 3);
        if (all_space(data)) {
            problem(in.display, 0, -1, "file is empty");
            return false;
        }
        // A page that declares a legacy charset is decoded by libxml2: its bytes are not UTF-8.
        const bool legacy_html = in.kind == Kind::html && html_declares_legacy_charset(data);
        if (looks_binary(std::string_view(data).substr(0, sniff_bytes), !legacy_html)) {
            problem(in.display, 0, -1, "looks binary, skipped");
            return false;
        }
        Article a;
        if (in.kind == Kind::html) {
            std::vector<std::int64_t> bad;
            if (!legacy_html) (void)text::sanitize_utf8(data, &bad);
            a = article_from_html(data);
            if (!bad.empty())
                problem(in.display, 0, bad.front(), "invalid UTF-8 (" + std::to_string(bad.size()) +
                                                        " sequences replaced by U+FFFD)");
            if (all_space(a.text)) {
                problem(in.display, 0, -1, "no article text in this page");
                return false;
            }
        } else {
            a.text = repaired(data, in.display, 0, 0);
            // A short first line without a full stop, followed by more text, is the headline.
            const std::size_t nl = a.text.find('\n');
            if (nl != std::string::npos && nl > 0 && nl <= 200) {
                const std::string_view first(a.text.data(), nl);
                if (!ends_sentence(first) && !all_space(std::string_view(a.text).substr(nl))) {
                    std::string_view t = first;
                    while (!t.empty() && (t.back() == '\r' || t.back() == ' ')) t.remove_suffix(1);
                    a.title = std::string(t);
                }
            }
        }
        a.id = in.rel;
        a.source_path = in.display;
        a.source_line = 0;
        out = std::move(a);
        ++stats.articles;
        return true;
    }

    // Parses one JSON object into an article; a reason when it is not one. `buf` gets padded.
    // (The DOM parser picks the best SIMD kernel at run time; On Demand would use the build's.)
    std::optional<std::string> parse_record(std::string& buf, std::size_t len, Article& a) {
        buf.append(simdjson::SIMDJSON_PADDING, '\0');
        simdjson::dom::element root;
        if (auto e = parser.parse(buf.data(), len, false).get(root)) return json_error(e);
        simdjson::dom::object obj;
        if (root.get(obj) != simdjson::SUCCESS) return std::string("not a JSON object");
        bool has_text = false;
        for (auto [key, v] : obj) {
            auto get_str = [&](std::string& dst, const char* name) -> std::optional<std::string> {
                if (v.is_null()) return std::nullopt;
                std::string_view sv;
                if (v.get(sv) != simdjson::SUCCESS) return "\"" + std::string(name) + "\" is not a string";
                dst.assign(sv);
                return std::nullopt;
            };
            std::optional<std::string> err;
            if (key == "text") {
                err = get_str(a.text, "text");
                has_text = !err && !v.is_null();
            } else if (key == "id") {
                if (v.is_int64()) a.id = std::to_string(v.get_int64().value_unsafe());
                else if (v.is_uint64()) a.id = std::to_string(v.get_uint64().value_unsafe());
                else if (v.is_double()) a.id = simdjson::minify(v);
                else err = get_str(a.id, "id");
            } else if (key == "title") {
                err = get_str(a.title, "title");
            } else if (key == "url") {
                err = get_str(a.url, "url");
            } else if (key == "lang") {
                err = get_str(a.lang, "lang");
            } else if (key == "published") {
                std::string s;
                err = get_str(s, "published");
                if (!err && !s.empty()) {
                    a.published = parse_published(s);
                    if (!a.published) return "\"published\" is not an ISO date: \"" + s.substr(0, 40) + "\"";
                }
            }
            if (err) return err;
        }
        if (!has_text) return std::string("no \"text\" field");
        return std::nullopt;
    }

    bool open_lines(const Input& in) {
        FilePtr f;
        if (in.path == "-") f.reset(stdin);
        else f.reset(std::fopen(in.path.c_str(), "rb"));
        if (!f) {
            problem(in.display, 0, -1, std::string("cannot open: ") + std::strerror(errno), true);
            return false;
        }
        ++stats.files;
        lines = std::make_unique<LineReader>(f.get());
        file = std::move(f);
        current = in;
        line_no = 0;
        const int first = lines->peek_first_visible(stats.bytes);
        if (first < 0) {
            problem(in.display, 0, -1, "file is empty");
            close_lines();
            return false;
        }
        return true;
    }

    void close_lines() {
        lines.reset();
        file.reset();
    }

    // Next article of the open JSON Lines input; false at its end.
    bool next_line(Article& out) {
        bool too_long = false;
        std::size_t binary_lines = 0;
        while (lines->next(line, opt.max_line_bytes, too_long, stats.bytes)) {
            ++line_no;
            if (too_long) {
                problem(current.display, line_no, -1,
                        "line longer than " + std::to_string(opt.max_line_bytes) + " bytes, skipped");
                continue;
            }
            if (all_space(line)) continue;
            if (line_no == 1 || binary_lines > 0) {
                if (looks_binary(std::string_view(line).substr(0, sniff_bytes))) {
                    problem(current.display, line_no, -1, "looks binary, skipped");
                    if (++binary_lines >= 3 || line_no == 1) {
                        close_lines();
                        return false;
                    }
                    continue;
                }
            }
            if (line_no == 1 && line.starts_with("\xEF\xBB\xBF")) line.erase(0, 3);  // a byte-order mark
            if (!text::is_valid_utf8(line)) line = repaired(line, current.display, line_no, 0);
            const std::size_t len = line.size();
            Article a;
            if (auto reason = parse_record(line, len, a)) {
                problem(current.display, line_no, -1, *reason);
                continue;
            }
            if (a.id.empty()) a.id = current.rel + ":" + std::to_string(line_no);
            a.source_path = current.display;
            a.source_line = line_no;
            out = std::move(a);
            ++stats.articles;
            return true;
        }
        close_lines();
        return false;
    }

    // A .json file: one object, or an array of objects.
    void read_json_file(const Input& in) {
        FilePtr f(std::fopen(in.path.c_str(), "rb"));
        if (!f) {
            problem(in.display, 0, -1, std::string("cannot open: ") + std::strerror(errno), true);
            return;
        }
        ++stats.files;
        std::string data = read_all(f.get());
        if (all_space(data)) { problem(in.display, 0, -1, "file is empty"); return; }
        if (looks_binary(std::string_view(data).substr(0, sniff_bytes))) {
            problem(in.display, 0, -1, "looks binary, skipped");
            return;
        }
        if (!text::is_valid_utf8(data)) data = repaired(data, in.display, 0, 0);
        std::size_t first = data.find_first_not_of(" \t\r\n");
        if (data[first] != '[') {
            Article a;
            const std::size_t len = data.size();
            if (auto reason = parse_record(data, len, a)) { problem(in.display, 0, -1, *reason); return; }
            if (a.id.empty()) a.id = in.rel;
            a.source_path = in.display;
            pending.push_back(std::move(a));
            return;
        }
        // Arrays are small enough to parse as a DOM; each element is a record of its own.
        simdjson::dom::parser dom;
        simdjson::dom::array arr;
        if (auto e = dom.parse(data).get(arr)) { problem(in.display, 0, -1, json_error(e)); return; }
        std::uint64_t n = 0;
        for (simdjson::dom::element el : arr) {
            ++n;
            std::string one = simdjson::minify(el);
            const std::size_t len = one.size();
            Article a;
            if (auto reason = parse_record(one, len, a)) {
                problem(in.display, 0, -1, "record " + std::to_string(n) + ": " + *reason);
                continue;
            }
            if (a.id.empty()) a.id = in.rel + "#" + std::to_string(n);
            a.source_path = in.display;
            pending.push_back(std::move(a));
        }
        std::reverse(pending.begin(), pending.end());
    }

    bool next(Article& out) {
        for (;;) {
            if (!pending.empty()) {
                out = std::move(pending.back());
                pending.pop_back();
                ++stats.articles;
                return true;
            }
            if (lines) {
                if (next_line(out)) return true;
                continue;
            }
            if (files.empty()) {
                if (args.empty()) return false;
                const std::string a = std::move(args.front());
                args.pop_front();
                expand(a);
                continue;
            }
            Input in = std::move(files.front());
            files.pop_front();
            switch (in.kind) {
                case Kind::jsonl:
                    open_lines(in);
                    break;
                case Kind::json:
                    read_json_file(in);
                    break;
                case Kind::stdin_auto: {
                    if (!open_lines(in)) break;
                    if (lines->peek_first_visible(stats.bytes) == '{') break;  // JSON Lines
                    std::string data = lines->rest(stats.bytes);
                    close_lines();
                    in.kind = Kind::text;
                    if (make_whole(in, std::move(data), out)) return true;
                    break;
                }
                case Kind::text:
                case Kind::html:
                    if (read_whole(in, out)) return true;
                    break;
            }
        }
    }
};

ArticleReader::ArticleReader(std::vector<std::string> inputs, ReadOptions options) : m_impl(std::make_unique<Impl>()) {
    m_impl->opt = std::move(options);
    for (auto& s : inputs) m_impl->args.push_back(std::move(s));
}

ArticleReader::~ArticleReader() = default;
ArticleReader::ArticleReader(ArticleReader&&) noexcept = default;
ArticleReader& ArticleReader::operator=(ArticleReader&&) noexcept = default;

bool ArticleReader::next(Article& out) { return m_impl->next(out); }

const ReadStats& ArticleReader::stats() const { return m_impl->stats; }

}  // namespace eventmap::ingest
