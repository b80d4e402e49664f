// Geoparser throughput over the eval corpora's texts (../shared/eval/geoparse/*.jsonl), or our
// sample articles (data/samples/articles.jsonl) when that folder is absent. Needs the gazetteer
// index (default_index_path(), or EVENTMAP_INDEX).
//
//   BM_Parse            Geoparser::parse alone (recognise + resolve), articles in memory
//   BM_ArticlePipeline  structure + context + parse, articles in memory (what `eval geoparse` times)
//   BM_EndToEnd/jobs    read the JSON Lines files + structure + context + parse, on 1 or 2 threads
//                       in batches of articles (what `eventmap geoparse` does, without the JSON output)
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "eventmap/core/parallel.h"
#include "eventmap/core/paths.h"
#include "eventmap/gazetteer/gazetteer.h"
#include "eventmap/geoparse/geoparser.h"
#include "eventmap/ingest/reader.h"
#include "eventmap/text/structure.h"

#include "support.h"

namespace fs = std::filesystem;
using namespace eventmap;

namespace {

using bench::shared_dir;

std::vector<std::string> input_files() {
    std::vector<std::string> out;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(shared_dir() / "eval" / "geoparse", ec))
        if (e.path().extension() == ".jsonl") out.push_back(e.path().string());
    std::sort(out.begin(), out.end());
    if (out.empty()) out.push_back((data_dir() / "samples" / "articles.jsonl").string());
    return out;
}

struct Fixture {
    std::vector<std::string> files = input_files();
    gazetteer::Gazetteer gaz = gazetteer::Gazetteer::open(default_index_path());
    geoparse::Geoparser parser{gaz};
    std::vector<ingest::Article> articles;
    std::vector<geoparse::DocumentContext> contexts;
    std::size_t bytes = 0;

    Fixture() {
        ingest::ReadOptions o;
        o.on_problem = [](const ingest::Problem&) {};
        ingest::ArticleReader reader(files, o);
        ingest::Article a;
        while (reader.next(a)) {
            bytes += a.text.size();
            contexts.push_back(parser.context_for(a, text::analyse_structure(a)));
            articles.push_back(a);
        }
        // One untimed pass: the index pages the texts touch get mapped (page faults) here, not
        // in whichever benchmark happens to run first.
        for (std::size_t i = 0; i < articles.size(); ++i) benchmark::DoNotOptimize(parser.parse(articles[i].text, contexts[i]));
    }
};

Fixture& fixture() {
    static Fixture f;
    return f;
}

void BM_Parse(benchmark::State& state) {
    Fixture& f = fixture();
    std::size_t toponyms = 0;
    for (auto _ : state) {
        toponyms = 0;
        for (std::size_t i = 0; i < f.articles.size(); ++i) toponyms += f.parser.parse(f.articles[i].text, f.contexts[i]).size();
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * f.bytes));
    state.counters["toponyms"] = static_cast<double>(toponyms);
    state.counters["MB"] = static_cast<double>(f.bytes) / 1e6;
}
BENCHMARK(BM_Parse)->Unit(benchmark::kMillisecond)->MinTime(2.0);

void BM_ArticlePipeline(benchmark::State& state) {
    Fixture& f = fixture();
    for (auto _ : state)
        for (const auto& a : f.articles) {
            auto structure = text::analyse_structure(a);
            benchmark::DoNotOptimize(f.parser.parse(a.text, f.parser.context_for(a, structure)));
        }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * f.bytes));
}
BENCHMARK(BM_ArticlePipeline)->Unit(benchmark::kMillisecond)->MinTime(2.0);

// Streaming from the files, as the CLI does: read -> (structure, context, parse) on `jobs` threads.
void BM_EndToEnd(benchmark::State& state) {
    Fixture& f = fixture();
    const auto jobs = static_cast<unsigned>(state.range(0));
    std::size_t toponyms = 0;
    for (auto _ : state) {
        ingest::ReadOptions o;
        o.on_problem = [](const ingest::Problem&) {};
        ingest::ArticleReader reader(f.files, o);
        toponyms = 0;
        // Batches of up to 32 articles or 256 KB of text, 16 in flight, as the CLI hands them out.
        ordered_parallel<std::vector<ingest::Article>, std::size_t>(
            [&]() -> std::optional<std::vector<ingest::Article>> {
                std::vector<ingest::Article> batch;
                std::size_t bytes = 0;
                ingest::Article a;
                while (batch.size() < 32 && bytes < 256 * 1024 && reader.next(a)) {
                    bytes += a.text.size();
                    batch.push_back(std::move(a));
                }
                if (batch.empty()) return std::nullopt;
                return batch;
            },
            [&](std::vector<ingest::Article>& batch) {
                std::size_t n = 0;
                for (const auto& a : batch) {
                    auto structure = text::analyse_structure(a);
                    n += f.parser.parse(a.text, f.parser.context_for(a, structure)).size();
                }
                return n;
            },
            [&](std::size_t& n) { toponyms += n; }, jobs, 16);
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * f.bytes));
    state.counters["toponyms"] = static_cast<double>(toponyms);
}
BENCHMARK(BM_EndToEnd)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(2.0);

// Constructing a Geoparser: loading the lexicon, the word list and the given names.
void BM_LoadGeoparser(benchmark::State& state) {
    Fixture& f = fixture();
    for (auto _ : state) benchmark::DoNotOptimize(geoparse::Geoparser(f.gaz));
}
BENCHMARK(BM_LoadGeoparser)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
