#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "eventmap/core/error.h"
#include "eventmap/ingest/reader.h"
#include "support/support.h"

namespace fs = std::filesystem;
using eventmap::events::Date;
using namespace eventmap::ingest;
using eventmap::test::fixture;
using eventmap::test::temp_dir;

namespace {

void write(const fs::path& p, const std::string& bytes) {
    fs::create_directories(p.parent_path());
    std::ofstream f(p, std::ios::binary);
    f << bytes;
}

struct Run {
    std::vector<Article> articles;
    std::vector<Problem> problems;
    ReadStats stats;
};

Run read_all(std::vector<std::string> inputs, ReadOptions opt = {}) {
    Run r;
    opt.on_problem = [&](const Problem& p) { r.problems.push_back(p); };
    ArticleReader reader(std::move(inputs), opt);
    Article a;
    while (reader.next(a)) r.articles.push_back(a);
    r.stats = reader.stats();
    return r;
}

}  // namespace

TEST_CASE("a text file is one article, its first short line is the title", "[ingest]") {
    const Run r = read_all({fixture("ingest/lantern.txt").string()});
    REQUIRE(r.articles.size() == 1);
    const Article& a = r.articles[0];
    CHECK(a.id == "lantern.txt");
    CHECK(a.title == "Flood barriers hold as river peaks near Ruse");
    CHECK(a.text.starts_with("Flood barriers hold"));
    CHECK(a.text.find("RUSE, Bulgaria, April 3 (Reuters)") != std::string::npos);
    CHECK(a.source_line == 0);
    CHECK(r.problems.empty());
    CHECK(r.stats.files == 1);
    CHECK(r.stats.bytes == fs::file_size(fixture("ingest/lantern.txt")));
}

TEST_CASE("HTML: story text without scripts and navigation, metadata from the head", "[ingest]") {
    const Run r = read_all({fixture("ingest/page.html").string()});
    REQUIRE(r.articles.size() == 1);
    const Article& a = r.articles[0];
    CHECK(a.title == "Harbour fire contained after two days");
    CHECK(a.url == "https://lantern.example/2024/05/harbour-fire");
    CHECK(a.published == Date::from_ymd(2024, 5, 6));
    CHECK(a.lang == "en");
    CHECK(a.text.find("VARNA, Bulgaria (AP) \u2014 Firefighters in Varna said on Sunday that a blaze at a grain "
                      "warehouse in the harbour was under control.") != std::string::npos);
    // Paragraphs are separated by blank lines, <br> is a line break.
    CHECK(a.text.find("under control.\n\nNo one was hurt, the fire service said.\nTwo ships") != std::string::npos);
    for (const char* gone : {"script text", "color: red", "World", "Menu", "Read more", "Sign up", "All rights",
                             "Enable JavaScript"}) {
        INFO(gone);
        CHECK(a.text.find(gone) == std::string::npos);
    }
}

TEST_CASE("HTML without metadata: title from <title> or <h1>, date from <time>", "[ingest]") {
    const fs::path d = temp_dir("ingest_html_plain");
    write(d / "a.htm", "<html><body><h1>Quay closed</h1><p>By noon the quay was shut.</p>"
                       "<time datetime=\"2022-11-05\">5 Nov</time></body></html>");
    const Run r = read_all({(d / "a.htm").string()});
    REQUIRE(r.articles.size() == 1);
    CHECK(r.articles[0].title == "Quay closed");
    CHECK(r.articles[0].published == Date::from_ymd(2022, 11, 5));
    CHECK(r.articles[0].text.find("By noon the quay was shut.") != std::string::npos);
}

TEST_CASE("JSON Lines: fields, number ids and default ids", "[ingest]") {
    const fs::path d = temp_dir("ingest_jsonl");
    write(d / "news.jsonl",
          "{\"id\": \"a1\", \"title\": \"Ferry\", \"url\": \"https://x.example/1\", \"published\": \"2024-03-02\", "
          "\"lang\": \"en\", \"text\": \"The ferry \\u201cSofia\\u201d docked.\"}\n"
          "{\"id\": 42, \"text\": \"Second.\", \"published\": \"2024-03-02T07:30:00Z\", \"extra\": [1, {\"x\": 2}]}\n"
          "\n"
          "{\"text\": \"No id here.\"}\n");
    const Run r = read_all({(d / "news.jsonl").string()});
    REQUIRE(r.articles.size() == 3);
    CHECK(r.problems.empty());
    CHECK(r.articles[0].id == "a1");
    CHECK(r.articles[0].title == "Ferry");
    CHECK(r.articles[0].url == "https://x.example/1");
    CHECK(r.articles[0].lang == "en");
    CHECK(r.articles[0].published == Date::from_ymd(2024, 3, 2));
    CHECK(r.articles[0].text == "The ferry \u201cSofia\u201d docked.");
    CHECK(r.articles[0].source_line == 1);
    CHECK(r.articles[1].id == "42");
    CHECK(r.articles[1].published == Date::from_ymd(2024, 3, 2));
    CHECK(r.articles[2].id == "news.jsonl:4");
    CHECK(r.articles[2].source_line == 4);
}

TEST_CASE("directories are read recursively in name order, only known kinds", "[ingest]") {
    const fs::path d = temp_dir("ingest_dir");
    write(d / "b.txt", "Second file body.");
    write(d / "a" / "one.txt", "First file body.");
    write(d / "c.jsonl", "{\"text\": \"line one\"}\n");
    write(d / "d.html", "<p>Page body.</p>");
    write(d / "notes.md", "not an article");
    write(d / ".hidden" / "x.txt", "hidden");
    const Run r = read_all({d.string()});
    std::vector<std::string> ids;
    for (const auto& a : r.articles) ids.push_back(a.id);
    CHECK(ids == std::vector<std::string>{"a/one.txt", "b.txt", "c.jsonl:1", "d.html"});
    CHECK(r.problems.empty());
}

TEST_CASE("bad input: each problem is reported with its place, good records still come out", "[ingest]") {
    const fs::path d = temp_dir("ingest_bad");
    write(d / "empty.txt", "");
    write(d / "blank.txt", "  \n\n ");
    write(d / "image.txt", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
    write(d / "latin1.txt", "Caf\xe9 owners in Pl\xf6vdiv protested.");
    write(d / "mixed.jsonl",
          "{\"id\": \"ok1\", \"text\": \"Good before.\"}\n"
          "{\"id\": \"broken\", \"text\": \"unterminated}\n"
          "{\"id\": \"notext\", \"title\": \"no body\"}\n"
          "[1, 2, 3]\n"
          "{\"id\": \"num\", \"text\": 5}\n"
          "{\"id\": \"baddate\", \"text\": \"x\", \"published\": \"last Tuesday\"}\n"
          "{\"id\": \"ok2\", \"text\": \"Good after \xff\xfe bytes.\"}\n");
    const Run r = read_all({(d / "empty.txt").string(), (d / "blank.txt").string(), (d / "image.txt").string(),
                            (d / "latin1.txt").string(), (d / "mixed.jsonl").string(), (d / "nowhere.txt").string()});
    std::vector<std::string> ids;
    for (const auto& a : r.articles) ids.push_back(a.id);
    CHECK(ids == std::vector<std::string>{"latin1.txt", "ok1", "ok2"});

    std::vector<std::string> messages;
    for (const auto& p : r.problems) messages.push_back(p.message());
    const std::string m = (d / "mixed.jsonl").string();
    const std::vector<std::string> expected{
        (d / "empty.txt").string() + ": file is empty",
        (d / "blank.txt").string() + ": file is empty",
        (d / "image.txt").string() + ": looks binary, skipped",
        (d / "latin1.txt").string() + ": byte 3: invalid UTF-8 (2 sequences replaced by U+FFFD)",
        m + ":2: invalid JSON: A string is opened, but never closed.",
        m + ":3: no \"text\" field",
        m + ":4: not a JSON object",
        m + ":5: \"text\" is not a string",
        m + ":6: \"published\" is not an ISO date: \"last Tuesday\"",
        m + ":7 (byte 34): invalid UTF-8 (2 sequences replaced by U+FFFD)",
        (d / "nowhere.txt").string() + ": no such file"};
    CHECK(messages == expected);
    CHECK(r.stats.problems == expected.size());
    CHECK(r.articles[0].text == "Caf\uFFFD owners in Pl\uFFFDvdiv protested.");
    CHECK(r.articles[2].text == "Good after \uFFFD\uFFFD bytes.");
}

TEST_CASE("strict mode stops at the first problem with file and line", "[ingest]") {
    const fs::path d = temp_dir("ingest_strict");
    write(d / "x.jsonl", "{\"text\": \"fine\"}\n{\"text\": \n");
    ReadOptions opt;
    opt.strict = true;
    ArticleReader reader({(d / "x.jsonl").string()}, opt);
    Article a;
    CHECK(reader.next(a));
    try {
        reader.next(a);
        FAIL("expected a FormatError");
    } catch (const eventmap::FormatError& e) {
        CHECK(e.line() == 2);
        CHECK(std::string(e.what()).find("x.jsonl:2: invalid JSON") != std::string::npos);
    }
    ArticleReader missing({(d / "none.jsonl").string()}, opt);
    CHECK_THROWS_AS(missing.next(a), eventmap::IoError);
}

TEST_CASE("lines over the limit are skipped and reported, the next line is read", "[ingest]") {
    const fs::path d = temp_dir("ingest_long");
    write(d / "x.jsonl", "{\"text\": \"" + std::string(5000, 'a') + "\"}\n{\"text\": \"short\"}\n");
    ReadOptions opt;
    opt.max_line_bytes = 1000;
    const Run r = read_all({(d / "x.jsonl").string()}, opt);
    REQUIRE(r.articles.size() == 1);
    CHECK(r.articles[0].text == "short");
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].message() == (d / "x.jsonl").string() + ":1: line longer than 1000 bytes, skipped");
}

TEST_CASE("a 200 MB single JSON line is read whole", "[ingest][big]") {
    const fs::path d = temp_dir("ingest_huge");
    const std::size_t n = 200u << 20;
    {
        std::ofstream f(d / "huge.jsonl", std::ios::binary);
        f << "{\"id\": \"big\", \"text\": \"";
        const std::string block = std::string(1023, 'x') + ' ';
        for (std::size_t i = 0; i < n / block.size(); ++i) f << block;
        f << "\"}\n{\"id\": \"after\", \"text\": \"still read\"}\n";
    }
    const Run r = read_all({(d / "huge.jsonl").string()});
    REQUIRE(r.articles.size() == 2);
    CHECK(r.articles[0].id == "big");
    CHECK(r.articles[0].text.size() == n);
    CHECK(r.articles[1].text == "still read");
    fs::remove_all(d);
}

TEST_CASE("standard input: JSON Lines when it starts with {, else one plain article", "[ingest]") {
    const fs::path d = temp_dir("ingest_stdin");
    write(d / "in.jsonl", "  {\"text\": \"from a pipe\"}\n{\"text\": \"two\"}\n");
    write(d / "in.txt", "Plain words from a pipe.\n");
    REQUIRE(std::freopen((d / "in.jsonl").c_str(), "rb", stdin));
    Run r = read_all({"-"});
    REQUIRE(r.articles.size() == 2);
    CHECK(r.articles[0].text == "from a pipe");
    CHECK(r.articles[0].source_path == "-");
    CHECK(r.articles[1].id == "stdin:2");
    REQUIRE(std::freopen((d / "in.txt").c_str(), "rb", stdin));
    r = read_all({"-"});
    REQUIRE(r.articles.size() == 1);
    CHECK(r.articles[0].text == "Plain words from a pipe.\n");
    CHECK(r.articles[0].id == "stdin");
}

TEST_CASE("a .json file holds one article or an array of them", "[ingest]") {
    const fs::path d = temp_dir("ingest_json");
    write(d / "one.json", "{\n  \"id\": \"solo\",\n  \"text\": \"Pretty printed.\"\n}\n");
    write(d / "many.json", "[{\"text\": \"first\"}, {\"title\": \"no text\"}, {\"id\": 9, \"text\": \"third\"}]");
    const Run r = read_all({(d / "one.json").string(), (d / "many.json").string()});
    std::vector<std::string> ids;
    for (const auto& a : r.articles) ids.push_back(a.id);
    CHECK(ids == std::vector<std::string>{"solo", "many.json#1", "9"});
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].message() == (d / "many.json").string() + ": record 2: no \"text\" field");
}

TEST_CASE("published dates: ISO dates and date-times", "[ingest]") {
    CHECK(parse_published("2023-03-17") == Date::from_ymd(2023, 3, 17));
    CHECK(parse_published("2023-03-17T09:00:00+01:00") == Date::from_ymd(2023, 3, 17));
    CHECK(parse_published("2023-03-17 09:00") == Date::from_ymd(2023, 3, 17));
    CHECK_FALSE(parse_published("2023-02-30"));
    CHECK_FALSE(parse_published("17/03/2023"));
    CHECK_FALSE(parse_published("2023-03-17junk"));
}

TEST_CASE("a page in a declared legacy charset is decoded, not reported as broken UTF-8", "[ingest]") {
    const fs::path d = temp_dir("ingest_charset");
    // "Київ" in windows-1251, "Plövdiv" in the same page's Latin letters.
    write(d / "cp.html", "<html><head><meta charset=\"windows-1251\"><title>News</title></head>"
                         "<body><p>\xca\xe8\xbf\xe2 and Ruse</p></body></html>");
    write(d / "utf8.html", "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=UTF-8\">"
                           "</head><body><p>\xd0\x9a\xd0\xb8\xd1\x97\xd0\xb2 and Ruse</p></body></html>");
    const Run r = read_all({(d / "cp.html").string(), (d / "utf8.html").string()});
    REQUIRE(r.articles.size() == 2);
    CHECK(r.articles[0].text == "Київ and Ruse");
    CHECK(r.articles[1].text == "Київ and Ruse");
    CHECK(r.problems.empty());
}

TEST_CASE("a byte-order mark is dropped, not read as text or broken JSON", "[ingest]") {
    const fs::path d = temp_dir("ingest_bom");
    write(d / "a.jsonl", "\xEF\xBB\xBF{\"text\": \"first\"}\r\n{\"text\": \"second\"}\r\n");
    write(d / "b.txt", "\xEF\xBB\xBFHeadline\n\nBody.");
    const Run r = read_all({(d / "a.jsonl").string(), (d / "b.txt").string()});
    REQUIRE(r.articles.size() == 3);
    CHECK(r.problems.empty());
    CHECK(r.articles[0].text == "first");
    CHECK(r.articles[1].text == "second");
    CHECK(r.articles[2].title == "Headline");
    CHECK(r.articles[2].text == "Headline\n\nBody.");
}
