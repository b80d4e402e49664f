// Whole-pipeline throughput: articles -> events -> GeoJSON, on our sample articles and (when
// ../shared exists) the evaluation texts. Needs the gazetteer index (default_index_path()).
//
//   BM_ExtractToGeoJSON/jobs      short event notes (ACLED, CASE 2021): 5 events a KB, the writer's worst case
//   BM_ExtractNewsToGeoJSON/jobs  news articles (GeoWebNews, LGL): about 0.1 events a KB
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "eventmap/core/parallel.h"
#include "eventmap/core/paths.h"
#include "eventmap/events/extract.h"
#include "eventmap/events/places.h"
#include "eventmap/export/writer.h"
#include "eventmap/ingest/reader.h"
#include "support.h"

namespace {

using namespace eventmap;

enum class Corpus { notes, news };

struct Fixture {
    gazetteer::Gazetteer gz = gazetteer::Gazetteer::open(default_index_path());
    events::Detector detector = events::Detector::load_default();
    events::Extractor extractor{detector, events::gazetteer_places(gz)};
    std::vector<ingest::Article> articles;
    std::size_t bytes = 0;

    explicit Fixture(Corpus corpus) {
        auto add = [&](const std::string& path) {
            if (!std::filesystem::exists(path)) return;
            ingest::ReadOptions o;
            o.on_problem = [](const ingest::Problem&) {};
            ingest::ArticleReader r({path}, o);
            ingest::Article a;
            while (r.next(a)) {
                bytes += a.text.size();
                articles.push_back(a);
            }
        };
        add((data_dir() / "samples/articles.jsonl").string());
        // The evaluation corpora's texts, when present (read as JSON Lines articles).
        if (corpus == Corpus::notes) {
            const auto shared = bench::shared_dir() / "eval/events";
            for (const char* f : {"acled_notes.dev.jsonl", "case2021_task2.dev.jsonl"}) add((shared / f).string());
        } else {
            const auto shared = bench::shared_dir() / "eval/geoparse";
            for (const char* f : {"gwn.dev.jsonl", "lgl.dev.jsonl"}) add((shared / f).string());
        }
    }
};

Fixture& fixture(Corpus corpus = Corpus::notes) {
    static Fixture notes(Corpus::notes);
    if (corpus == Corpus::notes) return notes;
    static Fixture news(Corpus::news);
    return news;
}

void run_pipeline(benchmark::State& state, unsigned jobs, Corpus corpus) {
    Fixture& f = fixture(corpus);
    const auto out = std::filesystem::temp_directory_path() / "eventmap_bench_extract.geojson";
    std::size_t events = 0;
    for (auto _ : state) {
        exporter::EventWriter writer(out, exporter::Format::geojson);
        // Batches of up to 32 articles or 256 KB of text, as `eventmap extract` hands them out.
        std::size_t next = 0;
        // The workers make each batch's events ready (for GeoJSON, GDAL writes their text there), as
        // the CLI does without --dedup-km; this thread appends.
        ordered_parallel<std::pair<std::size_t, std::size_t>, exporter::PreparedBatch>(
            [&]() -> std::optional<std::pair<std::size_t, std::size_t>> {
                if (next >= f.articles.size()) return std::nullopt;
                const std::size_t first = next;
                std::size_t bytes = 0;
                while (next < f.articles.size() && next - first < 32 && bytes < 256 * 1024)
                    bytes += f.articles[next++].text.size();
                return std::pair{first, next};
            },
            [&](std::pair<std::size_t, std::size_t>& range) {
                std::vector<events::Event> found;
                for (std::size_t i = range.first; i < range.second; ++i)
                    for (auto& e : events::extract_events(f.articles[i], f.extractor)) found.push_back(std::move(e));
                return writer.prepare(found);
            },
            [&](exporter::PreparedBatch& batch) { writer.write(std::move(batch)); }, jobs, 16);
        writer.close();
        events = writer.count();
    }
    std::filesystem::remove(out);
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * f.bytes));
    state.counters["articles"] = static_cast<double>(f.articles.size());
    state.counters["events"] = static_cast<double>(events);
    state.counters["MB"] = static_cast<double>(f.bytes) / 1e6;
}

void BM_ExtractToGeoJSON(benchmark::State& state) {
    run_pipeline(state, static_cast<unsigned>(state.range(0)), Corpus::notes);
}
BENCHMARK(BM_ExtractToGeoJSON)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(2.0);

void BM_ExtractNewsToGeoJSON(benchmark::State& state) {
    run_pipeline(state, static_cast<unsigned>(state.range(0)), Corpus::news);
}
BENCHMARK(BM_ExtractNewsToGeoJSON)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(2.0);

// Detection alone (no places, no output): the rules' own cost.
void BM_DetectOnly(benchmark::State& state) {
    Fixture& f = fixture();
    const events::Extractor no_places(f.detector, nullptr, events::ExtractOptions{std::nullopt, 0.0, false});
    for (auto _ : state)
        for (const auto& a : f.articles) benchmark::DoNotOptimize(events::extract_events(a, no_places));
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * f.bytes));
}
BENCHMARK(BM_DetectOnly)->Unit(benchmark::kMillisecond)->MinTime(2.0);

}  // namespace

BENCHMARK_MAIN();
