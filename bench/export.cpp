// Export and import throughput: events written to each format through GDAL, and read back
// (eventmap's simdjson path for its own GeoJSON / GeoJSONSeq, GDAL for the rest), plus the
// viewer's case: loading one million events from GeoJSON.
// Events are generated here (our own sentences), one source each, sized like real output.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <string>
#include <unistd.h>
#include <vector>

#include "eventmap/events/taxonomy.h"
#include "eventmap/export/reader.h"
#include "eventmap/export/writer.h"

namespace fs = std::filesystem;
using namespace eventmap;

namespace {

std::vector<events::Event> make_events(std::size_t n) {
    static const char* const places[] = {"Avdiivka", "Kherson", "Khan Younis", "El Fasher", "Goma", "Mogadishu",
                                         "Bamako", "Sittwe", "Port-au-Prince", "Quetta"};
    static const char* const actors[] = {"Russian forces", "Ukrainian forces", "police", "protesters", "RSF",
                                         "M23", "JNIM", "the Arakan Army", "gangs", "unidentified gunmen"};
    const auto types = events::event_types();
    std::vector<events::Event> out;
    out.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        const auto& t = types[i % types.size()];
        events::Event e;
        e.id = "ev-" + std::to_string(1000000 + i);
        e.type = std::string(t.slug);
        e.event_type = std::string(t.event_type);
        e.sub_event_type = std::string(t.sub_event_type);
        e.event_date = events::Date::from_ymd(2023, 1, 1).plus_days(static_cast<std::int64_t>(i % 700));
        e.time_precision = 1 + static_cast<int>(i % 3);
        e.location = places[i % 10];
        e.geonameid = 700000 + static_cast<std::int64_t>(i % 5000);
        e.country = "UA";
        e.country_name = "Ukraine";
        e.admin1 = "Donetsk";
        e.point = geo::LatLon{-60.0 + static_cast<double>(i % 12000) * 0.01, -170.0 + static_cast<double>(i % 34000) * 0.01};
        e.actor1 = actors[i % 10];
        e.actor2 = actors[(i + 3) % 10];
        if (i % 4 == 0) e.count = static_cast<int>(i % 7);
        if (i % 3 == 0) e.fatalities = static_cast<int>(i % 11);
        e.confidence = 0.5 + static_cast<double>(i % 50) / 100.0;
        e.sources.push_back({"article-" + std::to_string(i / 3), "Fighting reported near " + e.location,
                             "https://news.example.org/" + std::to_string(i / 3), "2023-05-02",
                             "Officials said " + e.actor1 + " fired on positions near " + e.location +
                                 " late on Tuesday, and two houses were damaged in the exchange.",
                             15, 20, 44, 44 + static_cast<std::int64_t>(e.location.size())});
        out.push_back(std::move(e));
    }
    return out;
}

fs::path bench_dir() {
    static const fs::path dir = [] {
        auto d = fs::temp_directory_path() / ("eventmap_bench_export_" + std::to_string(::getpid()));
        fs::create_directories(d);
        return d;
    }();
    return dir;
}

// Holds its own copy of the path: bench_dir()'s static may be gone when this runs at exit.
struct Cleanup {
    fs::path dir = bench_dir();
    ~Cleanup() {
        std::error_code ec;
        fs::remove_all(dir, ec);
    }
} g_cleanup;

void BM_Write(benchmark::State& state, exporter::Format format, const char* ext) {
    const auto events = make_events(static_cast<std::size_t>(state.range(0)));
    const fs::path out = bench_dir() / (std::string("w.") + ext);
    for (auto _ : state) exporter::write_events(events, out, format);
    state.SetItemsProcessed(state.iterations() * state.range(0));
    state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(fs::file_size(out)));
}

void BM_Read(benchmark::State& state, exporter::Format format, const char* ext, bool via_gdal, unsigned jobs = 0) {
    const fs::path path = bench_dir() / (std::string("r_") + std::to_string(state.range(0)) + "." + ext);
    if (!fs::exists(path)) exporter::write_events(make_events(static_cast<std::size_t>(state.range(0))), path, format);
    exporter::ReadOptions options;
    // Naming the layer skips the simdjson path: this measures GDAL's own driver.
    if (via_gdal) options.layer = path.stem().string();
    options.jobs = jobs;
    std::size_t n = 0;
    for (auto _ : state) {
        exporter::ReadReport report;
        n = 0;
        exporter::read_events(path, options, report, [&](events::Event&& e) {
            benchmark::DoNotOptimize(e);
            ++n;
        });
    }
    if (n != static_cast<std::size_t>(state.range(0))) state.SkipWithError("not every event read back");
    state.SetItemsProcessed(state.iterations() * state.range(0));
    state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(fs::file_size(path)));
}

}  // namespace

BENCHMARK_CAPTURE(BM_Write, geojson, exporter::Format::geojson, "geojson")->Arg(20000)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Write, geojsonseq, exporter::Format::geojsonseq, "geojsonl")->Arg(20000)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Write, gpkg, exporter::Format::gpkg, "gpkg")->Arg(20000)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Write, fgb, exporter::Format::fgb, "fgb")->Arg(20000)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Write, csv, exporter::Format::csv, "csv")->Arg(20000)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Write, acled_csv, exporter::Format::acled_csv, "csv")->Arg(20000)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Write, kml, exporter::Format::kml, "kml")->Arg(20000)->Unit(benchmark::kMillisecond);

BENCHMARK_CAPTURE(BM_Read, geojson_simdjson, exporter::Format::geojson, "geojson", false)->Arg(20000)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Read, geojson_simdjson_1job, exporter::Format::geojson, "geojson", false, 1u)->Arg(20000)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Read, geojson_gdal, exporter::Format::geojson, "geojson", true)->Arg(20000)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Read, geojsonseq_simdjson, exporter::Format::geojsonseq, "geojsonl", false)->Arg(20000)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Read, gpkg, exporter::Format::gpkg, "gpkg", false)->Arg(20000)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Read, fgb, exporter::Format::fgb, "fgb", false)->Arg(20000)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Read, csv, exporter::Format::csv, "csv", false)->Arg(20000)->Unit(benchmark::kMillisecond);
// The viewer's load: one million events from one GeoJSON file (the file is written once, untimed).
BENCHMARK_CAPTURE(BM_Read, geojson_million_1job, exporter::Format::geojson, "geojson", false, 1u)
    ->Arg(1000000)->Iterations(2)->Unit(benchmark::kSecond)->UseRealTime();
BENCHMARK_CAPTURE(BM_Read, geojson_million, exporter::Format::geojson, "geojson", false)
    ->Arg(1000000)->Iterations(2)->Unit(benchmark::kSecond)->UseRealTime();

BENCHMARK_MAIN();
