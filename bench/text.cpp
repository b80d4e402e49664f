// Reading and text throughput: JSON Lines reading, UTF-8 repair, sentences, tokens, code-point
// offsets, structure and dates. Input: the eval corpora's texts (../shared/eval/geoparse/*.jsonl)
// when present, else generated news-like text.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "eventmap/ingest/reader.h"
#include "eventmap/text/dates.h"
#include "eventmap/text/sentences.h"
#include "eventmap/text/structure.h"
#include "eventmap/text/tokens.h"
#include "eventmap/text/utf8.h"

#include "support.h"

namespace fs = std::filesystem;
using namespace eventmap;

namespace {

using bench::shared_dir;

std::vector<fs::path> corpus_files() {
    std::vector<fs::path> out;
    const fs::path dir = shared_dir() / "eval" / "geoparse";
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir, ec))
        if (e.path().extension() == ".jsonl") out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

// Our own generated paragraphs, used when the corpora are absent.
std::vector<std::string> generated_texts() {
    const char* parts[] = {
        "SOFIA, Feb. 3 (Reuters) - Gen. Ivan Petrov said on Friday that troops had moved 1.5 km east of Ruse. ",
        "The U.S. and the U.N. called for talks in Varna, Bulgaria, on March 17, 2023. ",
        "\u201cWe will rebuild the port,\u201d the mayor of Plovdiv told reporters in mid-March. ",
        "Floods hit the villages of Kostinbrod and Elin Pelin three days ago, officials said.\n\n",
        "Residents of Київ and Αθήνα followed the news; Lt. Col. Anna Sokol arrived at 10 a.m. ",
    };
    std::vector<std::string> out;
    for (int i = 0; i < 2000; ++i) {
        std::string t;
        for (int k = 0; k < 12; ++k) t += parts[(i + k) % 5];
        out.push_back(std::move(t));
    }
    return out;
}

const std::vector<std::string>& texts() {
    static const std::vector<std::string> all = [] {
        std::vector<std::string> out;
        for (const fs::path& f : corpus_files()) {
            ingest::ReadOptions opt;
            opt.on_problem = [](const ingest::Problem&) {};
            ingest::ArticleReader r({f.string()}, opt);
            ingest::Article a;
            while (r.next(a)) out.push_back(std::move(a.text));
        }
        if (out.empty()) out = generated_texts();
        return out;
    }();
    return all;
}

std::int64_t total_bytes() {
    std::int64_t n = 0;
    for (const auto& t : texts()) n += static_cast<std::int64_t>(t.size());
    return n;
}

void BM_sanitize_utf8(benchmark::State& state) {
    for (auto _ : state)
        for (const auto& t : texts()) benchmark::DoNotOptimize(text::sanitize_utf8(t, nullptr));
    state.SetBytesProcessed(state.iterations() * total_bytes());
}

void BM_split_sentences(benchmark::State& state) {
    for (auto _ : state)
        for (const auto& t : texts()) benchmark::DoNotOptimize(text::split_sentences(t));
    state.SetBytesProcessed(state.iterations() * total_bytes());
}

void BM_tokenize(benchmark::State& state) {
    std::vector<text::Token> toks;
    for (auto _ : state)
        for (const auto& t : texts()) {
            text::tokenize(t, text::Span{0, t.size()}, toks);
            benchmark::DoNotOptimize(toks.data());
        }
    state.SetBytesProcessed(state.iterations() * total_bytes());
}

void BM_code_point_index(benchmark::State& state) {
    for (auto _ : state)
        for (const auto& t : texts()) {
            text::CodePointIndex idx(t);
            benchmark::DoNotOptimize(idx.cp(t.size() / 2));
        }
    state.SetBytesProcessed(state.iterations() * total_bytes());
}

// What the geoparser does per article: sentences, tokens per sentence, code-point offsets.
void BM_text_pipeline(benchmark::State& state) {
    std::vector<text::Token> toks;
    for (auto _ : state)
        for (const auto& t : texts()) {
            text::CodePointIndex idx(t);
            for (const text::Span& s : text::split_sentences(t)) {
                text::tokenize(t, s, toks);
                if (!toks.empty()) benchmark::DoNotOptimize(idx.cp(toks.back().span.end));
            }
        }
    state.SetBytesProcessed(state.iterations() * total_bytes());
}

void BM_analyse_structure(benchmark::State& state) {
    ingest::Article a;
    for (auto _ : state)
        for (const auto& t : texts()) {
            a.text = t;
            benchmark::DoNotOptimize(text::analyse_structure(a));
        }
    state.SetBytesProcessed(state.iterations() * total_bytes());
}

void BM_find_dates(benchmark::State& state) {
    std::vector<std::vector<text::Span>> sentences;
    for (const auto& t : texts()) sentences.push_back(text::split_sentences(t));
    const auto ref = events::Date::from_ymd(2023, 3, 17);
    for (auto _ : state)
        for (std::size_t i = 0; i < texts().size(); ++i)
            for (const text::Span& s : sentences[i]) benchmark::DoNotOptimize(text::find_dates(s.of(texts()[i]), ref));
    state.SetBytesProcessed(state.iterations() * total_bytes());
}

// Reading JSON Lines from disk (page cache): the corpora written out again, about 64 MB.
void BM_read_jsonl(benchmark::State& state) {
    const fs::path file = fs::temp_directory_path() / "eventmap_bench_text.jsonl";
    std::int64_t bytes = 0;
    {
        std::ofstream out(file, std::ios::binary);
        std::string all;
        for (const fs::path& f : corpus_files()) {
            std::ifstream in(f, std::ios::binary);
            all.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
        }
        if (all.empty())
            for (std::size_t i = 0; i < texts().size(); ++i)
                all += "{\"id\": \"g" + std::to_string(i) + "\", \"text\": \"" + texts()[i].substr(0, 200) + "\"}\n";
        while (bytes < (64 << 20)) {
            out << all;
            bytes += static_cast<std::int64_t>(all.size());
        }
    }
    for (auto _ : state) {
        ingest::ArticleReader r({file.string()});
        ingest::Article a;
        std::size_t n = 0;
        while (r.next(a)) n += a.text.size();
        benchmark::DoNotOptimize(n);
    }
    state.SetBytesProcessed(state.iterations() * bytes);
    fs::remove(file);
}

}  // namespace

BENCHMARK(BM_sanitize_utf8)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_split_sentences)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_tokenize)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_code_point_index)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_text_pipeline)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_analyse_structure)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_find_dates)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_read_jsonl)->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
